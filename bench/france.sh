#!/usr/bin/env sh
# The whole nightly on the full register (issue 19): bare DuckDB COPY of a generated stock's CSV vs the whole
# nightly on its zip (+ bundled COG and populations), measured in the same run. Prints the ratio, each step's
# time, peak RSS, the JVM heap setting, warehouse and release sizes, and exits 1 when a goal is missed:
# ratio <= 2.75, peak RSS <= 2 GB, warehouse <= 6 GB, release <= 3 GB. See docs/benchmarks.md.
#
#   bench/france.sh [--mode full] [--zip STOCK.zip] [--keep] [ROWS] [WORK_DIR]     default ROWS 44000000
#
# --mode full (default): the first nightly on a fresh home.
# --mode rerun: the same, then `run nightly --rerun` on the same home and inbox (unchanged inputs), timed too; the
# goal is then also rerun <= 5 % of the full run.
# --mode next-month: the stock is split as bench/sirene-months.sh does (bench/next-month.py): this month's stock
# (the rows created next month left out) gets the full run (--date 2026-10-01, the COPY baseline is its CSV), then
# next month's stock (0.5 % created, 0.5 % gone, 1 % closed, 0.5 % moved) the nightly of 2026-11-01 on the same
# home, timed too; the goal is then also next month <= the full run.
# --zip FILE: use this stock (a zip made by `territoire generate sirene`) instead of generating one; ROWS is then
# only a label.
# --keep: keep WORK_DIR (the home and the inbox) instead of deleting it at the end.
# Needs the packaged jar (./mvnw -q package -DskipTests), GNU time (/usr/bin/time) and python3.
set -eu
mode=full
keep=no
stock=
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --mode=*) mode=${1#--mode=}; shift ;;
    --keep) keep=yes; shift ;;
    --zip) stock=$2; shift 2 ;;
    *) break ;;
  esac
done
rows=${1:-44000000}
work=${2:-/tmp/territoire-france-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="${TERRITOIRE_JAVA_OPTIONS:--Xmx1g}"
case "$mode" in
  full|rerun|next-month) ;;
  *) echo "france.sh: unknown mode '$mode' (known: full, rerun, next-month)" >&2; exit 2 ;;
esac
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
echo "JVM options: $TERRITOIRE_JAVA_OPTIONS"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "$stock" ]; then
  echo "== stock $stock"
  cp "$stock" "$zip"
else
  echo "== generate $rows rows"
  "$territoire" generate sirene --rows "$rows" --out "$zip"
fi
ls -l "$zip"
full_date=
if [ "$mode" = next-month ]; then
  echo "== this month's and next month's stocks (bench/next-month.py)"
  mkdir -p "$work/next/sirene"
  cp -r "$project/samples/cog-2026" "$work/next/cog-2026"
  cp -r "$project/samples/populations" "$work/next/populations"
  mv "$zip" "$work/stock.zip"
  python3 "$project/bench/next-month.py" "$work/stock.zip" "$zip" "$work/next/sirene/StockEtablissement_utf8.zip"
  rm -f "$work/stock.zip"
  ls -l "$zip" "$work/next/sirene/StockEtablissement_utf8.zip"
  full_date="--date 2026-10-01"
fi

echo "== baseline: bare DuckDB COPY of the same CSV (unzipped beforehand, not timed)"
unzip -q -o "$zip" -d "$work"
ls -l "$work/StockEtablissement_utf8.csv"
/usr/bin/time -o "$work/copy.time" -f "%e %M %U %S" \
  "$territoire" bench copy --csv "$work/StockEtablissement_utf8.csv" --database "$work/baseline.duckdb"
rm -f "$work/StockEtablissement_utf8.csv" "$work/baseline.duckdb"*
read -r copy_seconds copy_rss copy_user copy_sys < "$work/copy.time"
echo "copy wall_seconds=$copy_seconds peak_rss_kb=$copy_rss cpu_seconds=$(awk "BEGIN {print $copy_user + $copy_sys}")"

# one timed nightly on the home: LABEL then the arguments of `territoire run nightly`
nightly() {
  label=$1; shift
  echo "== Territoire: $label (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -o "$work/$label.time" -f "%e %M %U %S" \
    "$territoire" run nightly --home "$work/home" "$@" > "$work/$label.log" 2>&1 \
    || { tail -30 "$work/$label.log"; exit 1; }
  read -r seconds rss user sys < "$work/$label.time"
  echo "$label wall_seconds=$seconds peak_rss_kb=$rss cpu_seconds=$(awk "BEGIN {print $user + $sys}") load_average_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  "$territoire" status --json --home "$work/home" | python3 "$project/bench/france-steps.py"
}

# shellcheck disable=SC2086 # full_date is empty or two words
nightly nightly --inbox "$work/inbox" $full_date
full_seconds=$seconds full_rss=$rss
rerun_seconds=0
next_seconds=0
case "$mode" in
  rerun)
    nightly rerun --inbox "$work/inbox" --rerun
    rerun_seconds=$seconds
    if [ "$rss" -gt "$full_rss" ]; then full_rss=$rss; fi ;;
  next-month)
    nightly next-month --inbox "$work/next" --date 2026-11-01
    next_seconds=$seconds
    if [ "$rss" -gt "$full_rss" ]; then full_rss=$rss; fi
    echo "next month ratio to the full run: $(awk "BEGIN {printf \"%.3f\", $next_seconds / $full_seconds}")" ;;
esac

warehouse_kb=$(du -sk "$work/home/warehouse/current.duckdb" | cut -f1)
release=$(ls -d "$work/home/publish/releases"/*/ 2>/dev/null | tail -1 || true)
release_kb=$(if [ -n "$release" ]; then du -sk "$release" | cut -f1; else echo 0; fi)
echo "== sizes"
[ -n "$release" ] && du -ak "$release" | sort -rn | head -8
echo "warehouse_kb=$warehouse_kb release_kb=$release_kb"

status=0
python3 - "$copy_seconds" "$full_seconds" "$full_rss" "$warehouse_kb" "$release_kb" "$rerun_seconds" "$next_seconds" <<'PY' || status=$?
import sys
copy, nightly, rss_kb, warehouse_kb, release_kb, rerun, next_month = map(float, sys.argv[1:])
gb = 1024 * 1024
goals = [("ratio nightly / COPY", nightly / copy, 2.75, "%.2f"),
         ("peak RSS (GB)", rss_kb / gb, 2.0, "%.2f"),
         ("warehouse (GB)", warehouse_kb / gb, 6.0, "%.2f"),
         ("release (GB)", release_kb / gb, 3.0, "%.2f")]
if rerun:
    goals.append(("rerun / full run", rerun / nightly, 0.05, "%.3f"))
if next_month:
    goals.append(("next month / full run", next_month / nightly, 1.0, "%.3f"))
missed = 0
for name, value, limit, fmt in goals:
    met = value <= limit
    missed += not met
    print(("goal %-22s " + fmt + " <= %s: %s") % (name, value, limit, "met" if met else "MISSED"))
sys.exit(1 if missed else 0)
PY

[ "$keep" = yes ] || rm -rf "$work"
exit $status
