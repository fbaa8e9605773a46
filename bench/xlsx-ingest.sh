#!/usr/bin/env bash
# XLSX ingestion benchmark (issue 4): builds a ROWS x 15 workbook with POI's streaming writer
# (SXSSFWorkbook, shared strings as Excel writes them), then ingests it through the real
# XlsxRawLoader (POI SAX reader + DuckDB Appender) into a new DuckDB file, in a JVM capped at HEAP,
# and prints rows, wall time, rows/s, peak heap and peak RSS. USERMODEL=1 (default) also tries to
# open the same workbook with POI's user model (XSSFWorkbook) under the same heap cap.
# Method and recorded figures: docs/benchmarks.md, "XLSX ingestion".
#
#   bench/xlsx-ingest.sh                  # 200,000 rows, -Xmx256m
#   ROWS=50000 HEAP=128m bench/xlsx-ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-200000}
HEAP=${HEAP:-256m}
USERMODEL=${USERMODEL:-1}
WORK=jobs/target/bench
mkdir -p "$WORK"

echo "== build (main and test classes, test classpath)"
./mvnw -q -pl jobs test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt \
	-Dmdep.includeScope=test
CP="jobs/target/classes:jobs/target/test-classes:$(cat "$WORK/classpath.txt")"
MAIN=fr.territoire.ingest.XlsxIngestBenchmark
WORKBOOK="$WORK/etablissements-$ROWS.xlsx"

if [ ! -f "$WORKBOOK" ]; then
	echo "== generate $WORKBOOK"
	java -Xmx1g -cp "$CP" "$MAIN" generate "$WORKBOOK" "$ROWS"
fi

echo "== machine"
echo "cores: $(nproc); memory: $(free -h | awk '/^Mem:/ {print $2}'); $(java -version 2>&1 | head -1)"
echo "load average (other processes share the cores): $(cut -d" " -f1-3 /proc/loadavg)"

echo "== ingest with -Xmx$HEAP"
TIME=()
if [ -x /usr/bin/time ]; then
	TIME=(/usr/bin/time -v -o "$WORK/time.txt")
fi
"${TIME[@]}" java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -cp "$CP" "$MAIN" ingest "$WORKBOOK" "$WORK/bench.duckdb"
# G1 lines look like "... Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M) 3.2ms"
awk 'match($0, /[0-9]+M->[0-9]+M\(/) { split(substr($0, RSTART, RLENGTH - 1), a, "->");
	b = a[1] + 0; f = a[2] + 0; if (b > before) before = b; if (f > after) after = f; n++ }
	END { printf "gc: %d collections, heap peak before GC %dMB, largest heap after GC %dMB\n", n, before, after }' \
	"$WORK/gc.log"
if [ -f "$WORK/time.txt" ]; then
	grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time" "$WORK/time.txt"
fi
rm -f "$WORK/bench.duckdb" "$WORK/time.txt"

if [ "$USERMODEL" = 1 ]; then
	echo "== POI user model (XSSFWorkbook) with -Xmx$HEAP, for comparison"
	java -Xmx"$HEAP" -cp "$CP" "$MAIN" usermodel "$WORKBOOK" || true
fi
