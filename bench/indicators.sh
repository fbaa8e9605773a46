#!/usr/bin/env sh
# Indicators benchmark (issue 12): the time of the nightly's `indicators` step (and of the `peers` step when the
# nightly has one) on a generated stock and the full France geography of samples/, against the time DuckDB takes
# to merely scan, once, every column those steps read, in the same run, on the same warehouse and with the same
# DuckDB settings (memory_limit 2GB, 2 threads). The ratio is the figure to keep. See docs/benchmarks.md.
#
#   bench/indicators.sh [ROWS] [WORK_DIR]      ROWS defaults to 10000000; e.g. bench/indicators.sh 1000000
#
# Needs the packaged jar (./mvnw -q package -DskipTests), GNU time (/usr/bin/time), python3 and unzip (the
# scan runs bench/IndicatorInputsScan.java with the DuckDB JDBC jar taken from the packaged jar). Everything is
# written under WORK_DIR and deleted at the end.
set -eu
rows=${1:-10000000}
work=${2:-/tmp/territoire-bench-indicators-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="${TERRITOIRE_JAVA_OPTIONS:--Xmx1g}"
rm -rf "$work"
mkdir -p "$work/inbox/sirene" "$work/lib"
cp -r "$project/samples/cog-2026" "$work/inbox/cog-2026"
cp -r "$project/samples/populations" "$work/inbox/populations"
cp -r "$project/samples/insee-grille-densite" "$work/inbox/insee-grille-densite"
unzip -q -j "$project/jobs/target/territoire.jar" 'BOOT-INF/lib/duckdb_jdbc-*.jar' -d "$work/lib"
duckdb_jar=$(ls "$work"/lib/duckdb_jdbc-*.jar)

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo || true
echo "cores: $(nproc)  memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
java -version 2>&1 | head -1
echo "duckdb jdbc: $(basename "$duckdb_jar")"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== generate $rows rows"
"$territoire" generate sirene --rows "$rows" --out "$work/inbox/sirene/StockEtablissement_utf8.zip"

echo "== the nightly on the stock + bundled COG (full France) and populations"
/usr/bin/time -f "nightly wall_seconds=%e peak_rss_kb=%M" \
  "$territoire" run nightly --home "$work/home" --inbox "$work/inbox" > "$work/nightly.log" 2>&1 \
  || { tail -20 "$work/nightly.log"; exit 1; }
grep -E "wall_seconds" "$work/nightly.log" || true
echo "load average after the nightly: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== scan of the steps' inputs (best of 3), on the published warehouse"
java -Xmx256m -cp "$duckdb_jar" "$project/bench/IndicatorInputsScan.java" \
  "$work/home/warehouse/current.duckdb" 3 | tee "$work/scan.log"
scan=$(sed -n 's/^scan_seconds=//p' "$work/scan.log")

echo "== steps (from the run's own records: territoire status --json)"
# the measure models the indicators are summed from are built by the model step: their times, from its log
measures=$(grep -E "Built mart\.(register_period|commune_measure|measure_[a-z_]+) " "$work/nightly.log" \
  | sed -n 's/.* in \([0-9]*\) ms$/\1/p' | awk '{s += $1} END {printf "%.2f", s / 1000}')
grep -E "Built mart\.(register_period|commune_measure|measure_[a-z_]+) " "$work/nightly.log" | sed 's/^.*Built /model /'
"$territoire" status --json --home "$work/home" | python3 "$project/bench/indicators-steps.py" "$scan" "$measures"
du -sh "$work/home/warehouse/current.duckdb"
rm -rf "$work"
