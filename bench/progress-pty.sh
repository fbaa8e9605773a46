#!/usr/bin/env sh
# Progress on a terminal, measured: the nightly on a generated SIRENE stock run twice under a pseudo-terminal
# (`script` from util-linux), the second run estimating each step from the first. Prints how many progress-bar
# redraws each run showed for the long steps, a few of them, and the status of the active run seen by
# `territoire status` while the second run goes on. See docs/run-report.md ("Progress").
#
#   bench/progress-pty.sh ROWS [WORK_DIR]       e.g. bench/progress-pty.sh 2000000 /tmp/territoire-progress
#
# Needs the packaged jar (./mvnw -q package -DskipTests) and `script`. Everything is written under WORK_DIR and
# deleted at the end (the generated stock is kept and reused when a run fails).
set -eu
rows=${1:?usage: bench/progress-pty.sh ROWS [WORK_DIR]}
work=${2:-/tmp/territoire-progress-$rows}
project=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
territoire="$project/territoire"
export TERRITOIRE_JAVA_OPTIONS="${TERRITOIRE_JAVA_OPTIONS:--Xmx1g}"
rm -rf "$work/home" "$work/inbox/cog-2026" "$work/inbox/populations"
mkdir -p "$work/inbox/sirene"
cp -r "$project/samples/cog-2026" "$work/inbox/cog-2026"
cp -r "$project/samples/populations" "$work/inbox/populations"
zip="$work/inbox/sirene/StockEtablissement_utf8.zip"
[ -f "$zip" ] || "$territoire" generate sirene --rows "$rows" --out "$zip"

for run in 1 2; do
  start=$(date +%s)
  if [ "$run" = 2 ]; then
    ( sleep 20; echo "== territoire status during run 2"; "$territoire" status --home "$work/home" ) &
    watcher=$!
  fi
  script -qfec "'$territoire' run nightly --home '$work/home' --inbox '$work/inbox' --rerun" "$work/pty-$run.txt" \
    > /dev/null 2>&1 || { tail -c 2000 "$work/pty-$run.txt"; exit 1; }
  [ "$run" = 2 ] && wait "$watcher"
  echo "== run $run: $(( $(date +%s) - start )) s"
  for step in ingest.sirene_etablissement normalise.sirene_etablissement history model indicators; do
    count=$(tr '\r' '\n' < "$work/pty-$run.txt" | grep -a -c "] step $step running" || true)
    echo "  $step: $count progress-bar redraws"
  done
  tr '\r' '\n' < "$work/pty-$run.txt" | grep -a "] step ingest.sirene_etablissement running" \
    | sed 's/\x1b\[K//g' | awk 'NR % 10 == 1' | head -4
done
rm -rf "$work"
