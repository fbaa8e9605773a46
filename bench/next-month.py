"""Derives two monthly stocks from one stock made by `territoire generate sirene`, as bench/sirene-months.sh does:
this month lacks the rows 0, 200, 400... (they are creations next month); next month lacks the rows 100, 300,
500... (gone), closes the active rows 7, 107, 207... (A -> F) and moves the rows 13, 213, 413... to the commune of
the row before (transfers): 0.5 % created, 0.5 % gone, 1 % closed, 0.5 % moved. Streams; used by bench/france.sh.

    python3 bench/next-month.py STOCK.zip THIS_MONTH.zip NEXT_MONTH.zip
"""
import csv
import io
import sys
import zipfile

stock, this_month, next_month = sys.argv[1:4]
source = zipfile.ZipFile(stock)
entry = source.namelist()[0]
outputs = {m: zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
           for m, p in (("this", this_month), ("next", next_month))}
streams = {m: io.TextIOWrapper(z.open(entry, "w", force_zip64=True), encoding="utf-8", newline="")
           for m, z in outputs.items()}
writers = {m: csv.writer(s, lineterminator="\n") for m, s in streams.items()}
counts = {"this": 0, "next": 0, "created": 0, "gone": 0, "closed": 0, "moved": 0}
with source.open(entry) as raw:
    reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
    header = next(reader)
    state = header.index("etatAdministratifEtablissement")
    commune = header.index("codeCommuneEtablissement")
    for writer in writers.values():
        writer.writerow(header)
    previous_commune = None
    for i, row in enumerate(reader):
        if i % 200 != 0:
            writers["this"].writerow(row)
            counts["this"] += 1
        else:
            counts["created"] += 1
        if i % 200 != 100:
            if i % 100 == 7 and row[state] == "A":
                row[state] = "F"
                counts["closed"] += 1
            if i % 200 == 13 and previous_commune and row[commune] and row[commune] != previous_commune:
                row[commune] = previous_commune
                counts["moved"] += 1
            writers["next"].writerow(row)
            counts["next"] += 1
        else:
            counts["gone"] += 1
        previous_commune = row[commune] or previous_commune
for m in writers:
    streams[m].close()
    outputs[m].close()
print("this month: %(this)d rows; next month: %(next)d rows, %(created)d created, %(gone)d gone, "
      "%(closed)d closed, %(moved)d moved" % counts)
