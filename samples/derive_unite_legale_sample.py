"""Derives samples/sirene/StockUniteLegale_utf8_entzheim.csv from the public file sirene-all.csv of
gordesch/diag (branch alsace, data/tables/sirene-all.csv, commit e7b1f8dff699), the same file as
derive_sirene_sample.py: each of its establishments embeds the columns of its legal unit (uniteLegale of the
API Sirene), identical on every establishment of a siren.

The output has INSEE's StockUniteLegale_utf8.csv header (2022 layout, 33 columns, INSEE's order): one row per
siren, in the order the sirens first appear. Values are copied unchanged, bound by column name; the two stock
columns the API extract lacks (nombrePeriodesUniteLegale, dateDebut) are left empty. Nothing is masked here: the
diffusion rules are applied by the warehouse's public layer, as for INSEE's own stock.

Usage: python3 derive_unite_legale_sample.py SIRENE_ALL_CSV OUTPUT_CSV
"""
import csv
import sys

HEADER = ("siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,sigleUniteLegale,"
          "sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,prenom4UniteLegale,"
          "prenomUsuelUniteLegale,pseudonymeUniteLegale,identifiantAssociationUniteLegale,"
          "trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,dateDernierTraitementUniteLegale,"
          "nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,dateDebut,"
          "etatAdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,"
          "denominationUsuelle1UniteLegale,denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,"
          "categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,"
          "nicSiegeUniteLegale,economieSocialeSolidaireUniteLegale,caractereEmployeurUniteLegale").split(",")

source, output = sys.argv[1:3]
seen = {}
with open(source, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        unit = [row.get(column, "") for column in HEADER]
        if row["siren"] in seen and seen[row["siren"]] != unit:
            sys.exit("siren " + row["siren"] + " has two different legal-unit rows")
        seen.setdefault(row["siren"], unit)
with open(output, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(seen.values())
