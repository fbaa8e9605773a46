"""Derives samples/sirene/StockEtablissement_utf8_entzheim.csv from the public file
sirene-all.csv of gordesch/diag (branch alsace, data/tables/sirene-all.csv, commit e7b1f8dff699):
every establishment of 7 communes of Bas-Rhin as served by the API Sirene (76 columns).

The output has the April 2024 StockEtablissement header (53 columns, INSEE's order). Values are copied
unchanged, bound by column name; the legal-unit columns of the API extract are dropped, and the six stock
columns the API extract lacks (nombrePeriodesEtablissement, dernierNumeroVoie..., identifiantAdresse...,
coordonneeLambert..., dateDebut) are left empty.

Usage: python3 derive_sirene_sample.py SIRENE_ALL_CSV STOCK_HEADER_CSV OUTPUT_CSV
"""
import csv
import sys

source, header_file, output = sys.argv[1:4]
with open(header_file, newline="", encoding="utf-8") as f:
    header = next(csv.reader(f))
with open(source, newline="", encoding="utf-8") as f, open(output, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in csv.DictReader(f):
        writer.writerow([row.get(column, "") for column in header])
