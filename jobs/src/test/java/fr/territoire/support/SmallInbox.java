package fr.territoire.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A small test inbox: the bundled samples restricted to one département, 67 (Bas-Rhin),
 * for the integration tests whose subject is the pipeline's machinery (stops and
 * restarts, failed dates, corrupt inputs, reuse of an unchanged run) rather than the
 * samples' figures. A nightly on it does the same steps as on the samples, on 514
 * communes instead of 35,000: the cost of publish, catalogue, peers and the INSEE ingests
 * scales with the communes.
 * <p>
 * Built at test time from {@code samples/} (no derived file is committed), once per
 * version of this class and of the samples into {@code target/small-inbox-67/} (a file
 * lock makes parallel test JVMs wait for one build), then copied by {@link #copyTo(Path)}
 * into each test's own inbox. The build is deterministic: the same bytes every time (gzip
 * without a time, zip entries with a fixed time, a fixed creation date in the workbooks).
 * <p>
 * What it holds:
 * <ul>
 * <li>{@code cog-2026/communes.json.gz}: the COG's communes of every type whose
 * {@code departement} is 67 (communes déléguées included), each object as in the
 * samples;</li>
 * <li>{@code cog-2026/epci.json.gz}: every EPCI with at least one member in 67, whole
 * (its member list as in the samples: the hierarchy joins members to the loaded communes,
 * so a member of another département of an EPCI spanning départements is simply not a
 * commune of this inbox);</li>
 * <li>{@code cog-2026/departements.json} and {@code regions.json}: 67 and its région (44,
 * Grand Est);</li>
 * <li>the two INSEE workbooks (grille de densité, populations de référence) rewritten
 * with POI: the same sheets, in the same order and with the same names; in each sheet the
 * same rows above and including the header, at the same sheet rows, with the same cells
 * (strings as strings, numbers as numbers); below the header, only the rows whose
 * {@code Code département} is 67 (or, in a sheet without that column, whose
 * {@code Code Commune} starts with 67), and the rows without that code (notes); sheets
 * with neither column (Régions, Documentation…) whole. Display formats, column widths,
 * merged cells and the logos are not kept: the pipeline reads values, and a display
 * format only matters to it for dates, which these workbooks do not hold;</li>
 * <li>the register's files ({@code sirene/}: both establishment stocks and the legal
 * units), as in the samples. The Entzheim stock is all in 67; the national extract's 299
 * establishments are in other départements: the nightly stages them (no rejected row) and
 * counts none of them in a commune of the published geography.</li>
 * <li>No partner workbook ({@code partners/} left out): the partner's steps run on no
 * file. With the members' workbook, on this geography, the nightly used to fail in its
 * disclosure step ({@code SECRET_RECOVERABLE}: EPCI 246701064's Logistique cell of
 * partner_turnover 2024 was recomputable); that is fixed and tested by
 * {@code secrecy.OneDepartementSecrecyIntegrationTests}, which adds the workbook to this
 * inbox. The tests using this inbox are about runs, not secrecy, and their expected
 * figures are computed without it.</li>
 * </ul>
 */
public final class SmallInbox {

	/** The département kept. */
	public static final String DEPARTEMENT = "67";

	/** Changed whenever what is built changes, so that an older build is not reused. */
	private static final String VERSION = "3";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The time written into the rewritten workbooks (zip entries, creation date). */
	private static final long FIXED_TIME = 1_767_225_600_000L;

	private static Path built;

	private SmallInbox() {
	}

	/**
	 * Copies the small inbox into a test's inbox folder (created if missing).
	 * @param inbox the folder
	 * @return the folder
	 */
	public static Path copyTo(Path inbox) throws IOException {
		Path source = folder();
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				String relative = source.relativize(path).toString();
				if (relative.equals(".complete")) {
					continue;
				}
				Path copy = inbox.resolve(relative);
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		return inbox;
	}

	/**
	 * The built inbox, shared and read only (a test that changes its inbox uses
	 * {@link #copyTo(Path)}).
	 */
	public static synchronized Path folder() throws IOException {
		if (built == null) {
			built = build(Path.of("target").toAbsolutePath().resolve("small-inbox-" + DEPARTEMENT));
		}
		return built;
	}

	/** The files of the inbox, relative, sorted (the data files a run discovers). */
	public static List<String> files() throws IOException {
		Path folder = folder();
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile)
				.map((path) -> folder.relativize(path).toString())
				.filter((name) -> !name.equals(".complete") && !name.endsWith("LICENSE"))
				.sorted()
				.toList();
		}
	}

	private static Path build(Path folder) throws IOException {
		Files.createDirectories(folder.getParent());
		try (FileChannel channel = FileChannel.open(folder.resolveSibling(folder.getFileName() + ".lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			String stamp = stamp();
			Path complete = folder.resolve(".complete");
			if (Files.isRegularFile(complete) && Files.readString(complete).equals(stamp)) {
				return folder;
			}
			long started = System.nanoTime();
			delete(folder);
			write(folder);
			Files.writeString(complete, stamp);
			System.out.printf("SmallInbox: built %s in %d ms%n", folder, (System.nanoTime() - started) / 1_000_000L);
			return folder;
		}
	}

	/** This class's version and each sample file's name, size and time. */
	private static String stamp() throws IOException {
		StringBuilder stamp = new StringBuilder(VERSION).append('\n');
		try (Stream<Path> paths = Files.walk(SampleExpectations.SAMPLES)) {
			for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
				stamp.append(SampleExpectations.SAMPLES.relativize(path))
					.append(' ')
					.append(Files.size(path))
					.append(' ')
					.append(Files.getLastModifiedTime(path).toMillis())
					.append('\n');
			}
		}
		return stamp.toString();
	}

	static void write(Path folder) throws IOException {
		SampleExpectations.copySamples(folder);
		delete(folder.resolve("partners"));
		restrictGeography(folder, Set.of(DEPARTEMENT));
	}

	/**
	 * Rewrites, from the samples, the COG 2026 files of an inbox and those of its two
	 * INSEE workbooks (density grid, populations) it holds, restricted to some
	 * départements as described above for 67: communes of those départements, EPCIs with
	 * a member among them (whole), the départements and their régions; the workbooks'
	 * rows of those départements.
	 * @param inbox an inbox holding the samples' {@code cog-2026/} (and workbooks)
	 * @param departements the départements kept (codes of two characters)
	 */
	public static void restrictGeography(Path inbox, Set<String> departements) throws IOException {
		Path samples = SampleExpectations.SAMPLES;
		Path cog = inbox.resolve("cog-2026");
		ArrayNode kept = filter(readJson(samples.resolve("cog-2026/departements.json")),
				(node) -> departements.contains(text(node, "code")));
		Set<String> regions = new HashSet<>();
		kept.forEach((departement) -> regions.add(text(departement, "region")));
		Files.writeString(cog.resolve("departements.json"), JSON.writeValueAsString(kept));
		Files.writeString(cog.resolve("regions.json"),
				JSON.writeValueAsString(filter(readJson(samples.resolve("cog-2026/regions.json")),
						(node) -> regions.contains(text(node, "code")))));
		ArrayNode communes = filter(readJson(samples.resolve("cog-2026/communes.json.gz")),
				(node) -> departements.contains(text(node, "departement")));
		writeGzip(cog.resolve("communes.json.gz"), communes);
		Set<String> codes = new HashSet<>();
		communes.forEach((commune) -> codes.add(text(commune, "code")));
		writeGzip(cog.resolve("epci.json.gz"), filter(readJson(samples.resolve("cog-2026/epci.json.gz")), (epci) -> {
			for (JsonNode member : epci.get("membres")) {
				if (codes.contains(text(member, "code"))) {
					return true;
				}
			}
			return false;
		}));
		for (String workbook : List.of("insee-grille-densite/grille_densite_niveau_detaille_2022.xlsx",
				"populations/ensemble_2025_populations_reference_2022.xlsx")) {
			if (Files.exists(inbox.resolve(workbook))) {
				rewriteWorkbook(samples.resolve(workbook), inbox.resolve(workbook), departements);
			}
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static ArrayNode readJson(Path file) throws IOException {
		try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
				: Files.newInputStream(file)) {
			return (ArrayNode) JSON.readTree(in);
		}
	}

	private static ArrayNode filter(ArrayNode nodes, java.util.function.Predicate<JsonNode> keep) {
		ArrayNode kept = JSON.createArrayNode();
		nodes.forEach((node) -> {
			if (keep.test(node)) {
				kept.add(node);
			}
		});
		return kept;
	}

	/** One object a line, as the samples are written; gzip writes no time. */
	private static void writeGzip(Path file, ArrayNode nodes) throws IOException {
		StringBuilder text = new StringBuilder("[\n");
		for (int i = 0; i < nodes.size(); i++) {
			text.append(JSON.writeValueAsString(nodes.get(i))).append((i + 1 < nodes.size()) ? ",\n" : "\n");
		}
		text.append("]\n");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	/**
	 * The workbook rewritten sheet by sheet, streamed both ways (the populations'
	 * Communes sheet is 30 MB of XML): the source read with StAX, the copy written with
	 * {@link SXSSFWorkbook}.
	 */
	private static void rewriteWorkbook(Path source, Path target, Set<String> departements) throws IOException {
		Path unstamped = target.resolveSibling(target.getFileName() + ".tmp");
		try (OPCPackage pkg = OPCPackage.open(source.toFile(), PackageAccess.READ);
				SXSSFWorkbook copy = new SXSSFWorkbook(200)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			java.util.Map<String, org.apache.poi.ss.usermodel.CellStyle> dateStyles = new java.util.HashMap<>();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					copySheet(readRows(sheet, strings, styles), copy.createSheet(sheets.getSheetName()), departements,
							(format) -> dateStyles.computeIfAbsent(format, (pattern) -> {
								org.apache.poi.ss.usermodel.CellStyle style = copy.createCellStyle();
								style.setDataFormat(copy.createDataFormat().getFormat(pattern));
								return style;
							}));
				}
			}
			copy.getXSSFWorkbook().getProperties().getCoreProperties().setCreated("2026-01-01T00:00:00Z");
			try (OutputStream out = Files.newOutputStream(unstamped)) {
				copy.write(out);
			}
		}
		catch (Exception ex) {
			throw new IOException("cannot rewrite " + source + ": " + ex.getMessage(), ex);
		}
		fixZipTimes(unstamped, target);
		Files.delete(unstamped);
	}

	private static void copySheet(List<SheetRow> rows, org.apache.poi.ss.usermodel.Sheet sheet,
			Set<String> departements,
			java.util.function.Function<String, org.apache.poi.ss.usermodel.CellStyle> dateStyle) {
		int header = -1;
		int keyColumn = -1;
		boolean byDepartement = false;
		for (int i = 0; i < rows.size() && header < 0; i++) {
			for (SheetCell cell : rows.get(i).cells()) {
				String name = collapsed(cell.value());
				if (name.equals("Code département")) {
					header = i;
					keyColumn = cell.column();
					byDepartement = true;
				}
				else if (name.equalsIgnoreCase("Code Commune") && !byDepartement && keyColumn < 0) {
					keyColumn = cell.column();
				}
			}
			if (header < 0 && keyColumn >= 0) {
				header = i;
			}
		}
		int next = 0;
		for (int i = 0; i < rows.size(); i++) {
			SheetRow row = rows.get(i);
			int index = row.index();
			if (header >= 0 && i > header) {
				String key = row.valueAt(keyColumn);
				boolean kept = key == null || key.isBlank() || (byDepartement ? departements.contains(key.strip())
						: departements.stream().anyMatch(key.strip()::startsWith));
				if (!kept) {
					continue;
				}
				index = next;
			}
			writeRow(row, sheet.createRow(index), dateStyle);
			next = index + 1;
		}
	}

	private static void writeRow(SheetRow row, org.apache.poi.ss.usermodel.Row target,
			java.util.function.Function<String, org.apache.poi.ss.usermodel.CellStyle> dateStyle) {
		for (SheetCell cell : row.cells()) {
			org.apache.poi.ss.usermodel.Cell written = target.createCell(cell.column());
			if (cell.dateFormat() != null) {
				written.setCellStyle(dateStyle.apply(cell.dateFormat()));
			}
			switch (cell.type()) {
				case "n" -> written.setCellValue(Double.parseDouble(cell.value()));
				case "b" -> written.setCellValue("1".equals(cell.value()));
				case "blank" -> {
				}
				default -> written.setCellValue(cell.value());
			}
		}
	}

	private static String collapsed(String value) {
		return (value == null) ? "" : value.strip().replaceAll("\\s+", " ");
	}

	/** The rows of a sheet's XML, each cell with its value and its kind. */
	private static List<SheetRow> readRows(InputStream sheet, ReadOnlySharedStringsTable strings, StylesTable styles)
			throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XMLStreamReader xml = factory.createXMLStreamReader(sheet);
		List<SheetRow> rows = new ArrayList<>();
		List<SheetCell> cells = null;
		int rowIndex = -1;
		int column = -1;
		String type = null;
		String style = null;
		StringBuilder value = null;
		boolean inValue = false;
		boolean inFormula = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				switch (xml.getLocalName()) {
					case "row" -> {
						rowIndex = Integer.parseInt(xml.getAttributeValue(null, "r")) - 1;
						cells = new ArrayList<>();
					}
					case "c" -> {
						column = new CellReference(xml.getAttributeValue(null, "r")).getCol();
						type = xml.getAttributeValue(null, "t");
						style = xml.getAttributeValue(null, "s");
						value = null;
					}
					case "v", "t" -> {
						inValue = !inFormula;
						if (value == null) {
							value = new StringBuilder();
						}
					}
					case "f" -> inFormula = true;
					default -> {
					}
				}
			}
			else if (event == XMLStreamConstants.CHARACTERS && inValue) {
				value.append(xml.getText());
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				switch (xml.getLocalName()) {
					case "v", "t" -> inValue = false;
					case "f" -> inFormula = false;
					case "c" -> cells.add(cell(column, type, value, strings).withDateFormat(dateFormat(style, styles)));
					case "row" -> rows.add(new SheetRow(rowIndex, cells));
					default -> {
					}
				}
			}
		}
		xml.close();
		return rows;
	}

	/** The cell's display format when it is a date format, else null. */
	private static String dateFormat(String style, StylesTable styles) {
		if (style == null) {
			return null;
		}
		org.apache.poi.xssf.usermodel.XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
		return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
				? cellStyle.getDataFormatString() : null;
	}

	private static SheetCell cell(int column, String type, StringBuilder value, ReadOnlySharedStringsTable strings) {
		if (type == null || type.equals("n")) {
			return new SheetCell(column, (value == null) ? "blank" : "n", (value == null) ? null : value.toString(),
					null);
		}
		String text = (value == null) ? "" : value.toString();
		return switch (type) {
			case "s" -> new SheetCell(column, "s", strings.getItemAt(Integer.parseInt(text.strip())).getString(), null);
			case "b" -> new SheetCell(column, "b", text, null);
			default -> new SheetCell(column, type, text, null);
		};
	}

	/**
	 * The workbook's zip with every entry dated {@link #FIXED_TIME}, in the same order.
	 */
	private static void fixZipTimes(Path source, Path target) throws IOException {
		try (ZipFile in = new ZipFile(source.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTime(FIXED_TIME);
				out.putNextEntry(copy);
				try (InputStream data = in.getInputStream(entry)) {
					data.transferTo(out);
				}
				out.closeEntry();
			}
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * A row of a sheet.
	 *
	 * @param index its 0-based sheet row
	 * @param cells its cells
	 */
	private record SheetRow(int index, List<SheetCell> cells) {

		String valueAt(int column) {
			for (SheetCell cell : this.cells) {
				if (cell.column() == column) {
					return cell.value();
				}
			}
			return null;
		}

	}

	/**
	 * A cell of a sheet.
	 *
	 * @param column its 0-based column
	 * @param type its kind as the sheet's XML says ({@code n} number, {@code b} boolean,
	 * anything else text)
	 * @param value its value as text (a shared string resolved)
	 * @param dateFormat its display format when it is a date (kept: the pipeline reads a
	 * date cell as a date), else null
	 */
	private record SheetCell(int column, String type, String value, String dateFormat) {

		SheetCell withDateFormat(String format) {
			return new SheetCell(this.column, this.type, this.value, format);
		}

	}

}
