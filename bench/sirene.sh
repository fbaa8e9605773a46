#!/usr/bin/env sh
# SIRENE benchmark: bare DuckDB COPY of a generated stock vs Territoire's ingest + validation into the warehouse,
# measured in the same run, on the same machine, with the same DuckDB settings. Territoire's figure is the sum of
# the steps ingest.sirene_etablissement (zip included), normalise.sirene_etablissement (validation) and history. See docs/benchmarks.md.
#
#   bench/sirene.sh ROWS [WORK_DIR]       e.g. bench/sirene.sh 5000000 /tmp/territoire-bench
#
# Needs the packaged jar (./mvnw -q package -DskipTests), GNU time (/usr/bin/time) and python3 (to read
# `territoire status --json`). Everything is written under WORK_DIR and deleted at the end.
set -eu
rows=${1:?usage: bench/sirene.sh ROWS [WORK_DIR]}
work=${2:-/tmp/territoire-bench-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="${TERRITOIRE_JAVA_OPTIONS:--Xmx1g}"
rm -rf "$work"
mkdir -p "$work/inbox/sirene"
cp -r "$project/samples/cog-2026" "$work/inbox/cog-2026"
cp -r "$project/samples/populations" "$work/inbox/populations"
zip="$work/inbox/sirene/StockEtablissement_utf8.zip"

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo || true
echo "cores: $(nproc)  memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
java -version 2>&1 | head -1

echo "== generate $rows rows"
"$territoire" generate sirene --rows "$rows" --out "$zip"
ls -l "$zip"

echo "== baseline: bare DuckDB COPY of the same CSV (unzipped beforehand, not timed)"
/usr/bin/time -f "unzip (reference for the expansion inside the ingest step) wall_seconds=%e" unzip -q -o "$zip" -d "$work"
ls -l "$work/StockEtablissement_utf8.csv"
/usr/bin/time -f "baseline wall_seconds=%e peak_rss_kb=%M" \
  "$territoire" bench copy --csv "$work/StockEtablissement_utf8.csv" --database "$work/baseline.duckdb"
rm -f "$work/StockEtablissement_utf8.csv"

echo "== Territoire: the nightly on the zip (expanded by the ingest step) + bundled COG and populations"
/usr/bin/time -f "nightly wall_seconds=%e peak_rss_kb=%M" \
  "$territoire" run nightly --home "$work/home" --inbox "$work/inbox" > "$work/nightly.log" 2>&1 \
  || { tail -20 "$work/nightly.log"; exit 1; }
grep -E "wall_seconds" "$work/nightly.log" || true
"$territoire" status --json --home "$work/home" | python3 "$project/bench/sirene-steps.py"
du -sh "$work/home/warehouse/current.duckdb"
rm -rf "$work"
