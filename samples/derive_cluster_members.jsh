// Derives samples/partners/cluster-aero-grand-est/membres.xlsx, the shape of a cluster's members workbook
// (SIRET, name, commune code, membership date, staff band, turnover, fee, filière), from real active
// establishments of samples/sirene/ (SIRET, commune, staff band as the register gives them). Name, membership
// date, turnover, fee and filière are SYNTHETIC (fixed seed), made to exercise statistical secrecy: single
// members, dominant members, cells of two. Run from the project folder:
//   jshell --class-path "$(cat cp.txt)" samples/derive_cluster_members.jsh
// with cp.txt from ./mvnw -q dependency:build-classpath -pl jobs -Dmdep.outputFile=$PWD/cp.txt
import java.io.*;
import java.nio.file.*;
import java.util.*;
import org.apache.commons.csv.*;
import org.apache.poi.xssf.usermodel.*;
import org.apache.poi.ss.usermodel.*;

record Est(String siret, String commune, String tranche, String naf) { }
List<Est> read(String file, boolean withStaff) throws IOException {
    List<Est> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(Path.of(file));
         CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        for (CSVRecord c : p) {
            String t = c.get("trancheEffectifsEtablissement");
            if ("A".equals(c.get("etatAdministratifEtablissement")) && (!withStaff || (!t.isEmpty() && !"NN".equals(t) && !"00".equals(t)))
                    && !c.get("codeCommuneEtablissement").isEmpty() && "O".equals(c.get("statutDiffusionEtablissement"))) {
                out.add(new Est(c.get("siret"), c.get("codeCommuneEtablissement"), t, c.get("activitePrincipaleEtablissement")));
            }
        }
    }
    return out;
}
var local = read("samples/sirene/StockEtablissement_utf8_entzheim.csv", true);
var national = read("samples/sirene/StockEtablissement_utf8_national_extract.csv", false);
var random = new Random(2026);
Collections.shuffle(local, random);
Collections.shuffle(national, random);
Map<String, String> bands = Map.ofEntries(Map.entry("01", "[01] 1 ou 2 salariés"), Map.entry("02", "[02] 3 à 5 salariés"),
    Map.entry("03", "[03] 6 à 9 salariés"), Map.entry("11", "[11] 10 à 19 salariés"), Map.entry("12", "[12] 20 à 49 salariés"),
    Map.entry("21", "[21] 50 à 99 salariés"), Map.entry("22", "[22] 100 à 199 salariés"), Map.entry("31", "[31] 200 à 249 salariés"),
    Map.entry("32", "[32] 250 à 499 salariés"), Map.entry("41", "[41] 500 à 999 salariés"), Map.entry("42", "[42] 1 000 à 1 999 salariés"));
String[] filieres = {"Aéronautique", "Logistique", "Numérique", "Maintenance industrielle"};
System.out.println("candidates: " + local.size() + " local, " + national.size() + " elsewhere");
var members = new ArrayList<Est>();
members.addAll(local.subList(0, 44));
members.addAll(national.subList(0, 8));
var workbook = new XSSFWorkbook();
var sheet = workbook.createSheet("Adhérents 2026");
sheet.createRow(0).createCell(0).setCellValue("Cluster aéronautique et logistique Grand Est — fichier des adhérents (données fictives sur établissements réels)");
String[] header = {"SIRET", "Raison sociale", "Code commune", "Date d'adhésion", "Tranche d'effectif", "Chiffre d'affaires (€)", "Cotisation (€)", "Filière"};
var h = sheet.createRow(2);
for (int i = 0; i < header.length; i++) h.createCell(i).setCellValue(header[i]);
var dates = workbook.createCellStyle();
dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
int row = 3;
for (int i = 0; i < members.size(); i++) {
    Est e = members.get(i);
    var r = sheet.createRow(row++);
    r.createCell(0).setCellValue(Double.parseDouble(e.siret()));      // stored as a number: leading zeros lost
    r.createCell(1).setCellValue("Adhérent " + String.format("%02d", i + 1));
    r.createCell(2).setCellValue(e.commune());
    var d = r.createCell(3);
    d.setCellValue(java.time.LocalDate.of(2012 + random.nextInt(14), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    d.setCellStyle(dates);
    r.createCell(4).setCellValue(bands.getOrDefault(e.tranche(), "Inconnu"));
    // turnover: log-normal around 1.2 M€, one dominant member in the first filière, a few unknown
    double turnover = Math.round(Math.exp(14 + 1.1 * random.nextGaussian()) / 1000) * 1000.0;
    if (i == 0) turnover = 48_000_000;
    if (i % 17 == 16) r.createCell(5).setCellValue("NC"); else r.createCell(5).setCellValue(turnover);
    r.createCell(6).setCellValue(turnover > 2_000_000 ? 1500 : turnover > 500_000 ? 800 : 300);
    r.createCell(7).setCellValue(filieres[(i < 44) ? (i % 7 == 0 ? 0 : 1 + i % 3) : random.nextInt(4)]);
}
for (int i = 0; i < header.length; i++) sheet.autoSizeColumn(i);
try (var out = Files.newOutputStream(Path.of("samples/partners/cluster-aero-grand-est/membres.xlsx"))) { workbook.write(out); }
System.out.println("members: " + members.size());
/exit
