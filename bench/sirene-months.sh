#!/usr/bin/env sh
# SIRENE benchmark, second month: the steady state of the nightly, where the history step compares this month's
# stock with last month's. Bare DuckDB COPY of month 2's CSV vs Territoire's ingest + validation + history of
# month 2, with month 1 already in the warehouse. See docs/benchmarks.md.
#
#   bench/sirene-months.sh ROWS [WORK_DIR]       e.g. bench/sirene-months.sh 1000000
#
# Month 1 and month 2 are derived from one generated stock (python3, streaming): month 1 lacks the rows 0, 200,
# 400… (they are creations in month 2), month 2 lacks the rows 100, 300, 500… (gone), closes the active rows
# 7, 107, 207… (A → F) and moves the rows 13, 213, 413… to the commune of the row before (transfers).
# Needs the packaged jar, GNU time and python3. Everything is written under WORK_DIR and deleted at the end.
set -eu
rows=${1:?usage: bench/sirene-months.sh ROWS [WORK_DIR]}
work=${2:-/tmp/territoire-bench-months-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="${TERRITOIRE_JAVA_OPTIONS:--Xmx1g}"
rm -rf "$work"
mkdir -p "$work/month1/sirene" "$work/month2/sirene"
for month in month1 month2; do
  cp -r "$project/samples/cog-2026" "$work/$month/cog-2026"
  cp -r "$project/samples/populations" "$work/$month/populations"
done

echo "== generate $rows rows and derive two monthly stocks"
"$territoire" generate sirene --rows "$rows" --out "$work/generated.zip"
python3 - "$work" <<'PY'
import csv, io, sys, zipfile
work = sys.argv[1]
source = zipfile.ZipFile(work + "/generated.zip")
entry = source.namelist()[0]
names = {"month1": work + "/month1/sirene/StockEtablissement_utf8.zip",
         "month2": work + "/month2/sirene/StockEtablissement_utf8.zip"}
outputs = {m: zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=1) for m, p in names.items()}
streams = {m: io.TextIOWrapper(z.open(entry, "w", force_zip64=True), encoding="utf-8", newline="")
           for m, z in outputs.items()}
writers = {m: csv.writer(s, lineterminator="\n") for m, s in streams.items()}
counts = {"month1": 0, "month2": 0, "closed": 0, "moved": 0}
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
            writers["month1"].writerow(row)
            counts["month1"] += 1
        if i % 200 != 100:
            if i % 100 == 7 and row[state] == "A":
                row[state] = "F"
                counts["closed"] += 1
            if i % 200 == 13 and previous_commune and row[commune] and row[commune] != previous_commune:
                row[commune] = previous_commune
                counts["moved"] += 1
            writers["month2"].writerow(row)
            counts["month2"] += 1
        previous_commune = row[commune] or previous_commune
for m in writers:
    streams[m].close()
    outputs[m].close()
print("month 1: %(month1)d rows; month 2: %(month2)d rows, %(closed)d closed, %(moved)d moved" % counts)
PY
rm -f "$work/generated.zip"
ls -l "$work"/month*/sirene/*.zip

echo "== month 1 (not measured): the nightly of 2026-10-01"
"$territoire" run nightly --date 2026-10-01 --home "$work/home" --inbox "$work/month1" > "$work/month1.log" 2>&1 \
  || { tail -20 "$work/month1.log"; exit 1; }

echo "== baseline: bare DuckDB COPY of month 2's CSV (unzipped beforehand, not timed)"
unzip -q -o "$work/month2/sirene/StockEtablissement_utf8.zip" -d "$work"
/usr/bin/time -f "baseline wall_seconds=%e peak_rss_kb=%M" \
  "$territoire" bench copy --csv "$work/StockEtablissement_utf8.csv" --database "$work/baseline.duckdb"
rm -f "$work/StockEtablissement_utf8.csv" "$work/baseline.duckdb"

echo "== Territoire: the nightly of 2026-11-01 on month 2"
/usr/bin/time -f "nightly wall_seconds=%e peak_rss_kb=%M" \
  "$territoire" run nightly --date 2026-11-01 --home "$work/home" --inbox "$work/month2" > "$work/month2.log" 2>&1 \
  || { tail -20 "$work/month2.log"; exit 1; }
grep -E "wall_seconds" "$work/month2.log" || true
grep -E "History of" "$work/month2.log" || true
"$territoire" status --json --home "$work/home" | python3 "$project/bench/sirene-steps.py"
"$territoire" sql --home "$work/home" "SELECT event, count(*) AS establishments FROM mart.establishment_event GROUP BY event ORDER BY event" || true
rm -rf "$work"
