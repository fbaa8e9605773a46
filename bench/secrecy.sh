#!/usr/bin/env sh
# Statistical secrecy benchmark (issue 13): the France-wide commune × NAF division table of a business sum (estimated
# employees from the staff band of every establishment of a generated stock, both territorial hierarchies linked,
# sections and divisions: the contributions model and the three indicators of bench/secrecy/, added to a copy of the
# project's configuration), protected by the nightly's `secrecy` step (primary in SQL, secondary by Gaussian
# elimination) and proven by its `disclosure` step (the independent audit), with the JVM's heap limited to 2 GB; then,
# in the same run, on a copy of that warehouse, secondary suppression by the baseline (smallest cell of each exposed
# relation, until stable) and by ours side by side: cells suppressed and information loss. See docs/benchmarks.md.
#
#   bench/secrecy.sh [ROWS] [WORK_DIR]      ROWS defaults to 10000000
#
# Needs the packaged jar (./mvnw -q package -DskipTests), GNU time (/usr/bin/time) and python3.
set -eu
rows=${1:-10000000}
work=${2:-/tmp/territoire-bench-secrecy-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="-Xmx2g"
# the bench command and the status query read the same project copy
rm -rf "$work"
mkdir -p "$work/inbox/sirene" "$work/project"
cp -r "$project/mappings" "$project/warehouse" "$project/schedules" "$project/partners" "$work/project/"
cp "$project/bench/secrecy/contribution_employees."* "$work/project/warehouse/models/marts/"
cp "$project/bench/secrecy/employees"*.yaml "$work/project/warehouse/indicators/"
cp -r "$project/samples/cog-2026" "$work/inbox/cog-2026"
cp -r "$project/samples/populations" "$work/inbox/populations"
cp -r "$project/samples/insee-grille-densite" "$work/inbox/insee-grille-densite"

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo || true
echo "cores: $(nproc)  memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
java -version 2>&1 | head -1
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== generate $rows rows"
"$territoire" generate sirene --rows "$rows" --out "$work/inbox/sirene/StockEtablissement_utf8.zip"

echo "== the nightly (heap at most 2 GB), with the employees table; a failed disclosure audit is reported, not fatal"
/usr/bin/time -f "nightly wall_seconds=%e peak_rss_kb=%M" \
  env TERRITOIRE_PROJECT_DIR="$work/project" "$territoire" run nightly --home "$work/home" --inbox "$work/inbox" > "$work/nightly.log" 2>&1 \
  || { grep -E "SECRET_RECOVERABLE|FAILED" "$work/nightly.log" | tail -5; }
grep -E "wall_seconds" "$work/nightly.log" || true
grep -E "secrecy of |SecrecyTasklet|Disclosure" "$work/nightly.log" | sed 's/^[0-9:.]* //' || true
TERRITOIRE_PROJECT_DIR="$work/project" "$territoire" status --json --home "$work/home" | python3 -c '
import json, sys
run = json.load(sys.stdin)[0]
steps = {s["name"]: s for s in run["steps"]}
total = 0
for name in ("secrecy", "disclosure"):
    if name in steps:
        total += steps[name]["duration_ms"]
        print("step %-12s %8.1f s" % (name, steps[name]["duration_ms"] / 1000))
print("secrecy_plus_audit_seconds=%.1f target=600 %s" % (total / 1000, "met" if total <= 600000 else "NOT met"))
'
TERRITOIRE_PROJECT_DIR="$work/project" "$territoire" sql --home "$work/home" --all-schemas \
  "SELECT table_id, count(*) AS cells, count(*) FILTER (WHERE published) AS published, count(*) FILTER (WHERE status = 'secret_primary') AS primary_cells, count(*) FILTER (WHERE status = 'secret_secondary') AS secondary_cells FROM mart.secrecy_cell GROUP BY ALL"

echo "== baseline and ours side by side, on a copy of the warehouse"
"$territoire" bench secrecy --warehouse "$work/home/warehouse/current.duckdb" --work "$work/bench"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
