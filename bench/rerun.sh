#!/usr/bin/env sh
# Unchanged-rerun benchmark (issue 19 item 3): the whole nightly on a generated stock, then the same inputs again
# with --rerun and with another date, which reuse the first run's release and warehouse. Prints each run's time,
# the ratios, the load average and the release's size and links. See docs/operations.md and docs/benchmarks.md.
#
#   bench/rerun.sh [ROWS] [WORK_DIR]       e.g. bench/rerun.sh 5000000   (default 1,000,000 rows)
#
# Needs the packaged jar. Everything is written under WORK_DIR and deleted at the end (KEEP=1 keeps it).
set -eu
rows=${1:-1000000}
work=${2:-/tmp/territoire-bench-rerun-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="${TERRITOIRE_JAVA_OPTIONS:--Xmx1g}"
rm -rf "$work"
mkdir -p "$work/inbox/sirene"
cp -r "$project/samples/cog-2026" "$work/inbox/cog-2026"
cp -r "$project/samples/populations" "$work/inbox/populations"
echo "== generate $rows rows"
"$territoire" generate sirene --rows "$rows" --out "$work/inbox/sirene/StockEtablissement_utf8.zip"

now() { date +%s.%N; }
run() {
  label=$1; shift
  start=$(now)
  "$territoire" --home "$work/home" run nightly --inbox "$work/inbox" "$@" > "$work/$label.log" 2>&1 \
    || { echo "$label failed, see $work/$label.log"; tail -20 "$work/$label.log"; exit 1; }
  end=$(now)
  echo "$end - $start" | bc
}

echo "== full nightly"
full=$(run full --date 2026-11-01)
echo "== unchanged, --rerun"
rerun=$(run rerun --date 2026-11-01 --rerun)
echo "== unchanged, another date"
next=$(run next --date 2026-11-02)

skipped=$(grep -c "skipped: inputs, configuration and code unchanged" "$work/next.log" || true)
release=$(readlink -f "$work/home/publish/latest")
echo
echo "rows:                         $rows"
printf 'full nightly:                 %.1f s\n' "$full"
printf 'unchanged --rerun:            %.1f s (%.1f %% of the full run)\n' "$rerun" "$(echo "100 * $rerun / $full" | bc -l)"
printf 'unchanged, another date:      %.1f s (%.1f %% of the full run)\n' "$next" "$(echo "100 * $next / $full" | bc -l)"
echo "steps skipped (another date): $skipped"
grep -h "Reuse:\|No reuse:" "$work/next.log" | sed 's/^.*Tasklet - /reuse step:                   /'
grep -h "published from release" "$work/next.log" | sed 's/^.*PublishTasklet - /publish:                      /' | cut -c1-200
echo "release folders:              $(du -sh "$work/home/publish/releases" | cut -f1) for $(ls "$work/home/publish/releases" | wc -l) releases (hard links counted once)"
echo "establishments.parquet links: $(stat -c %h "$release/establishments.parquet")"
echo "warehouse:                    $(du -sh "$work/home/warehouse" | cut -f1)"
echo "load average:                 $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
