"""Prints the SIRENE steps of the newest run from `territoire status --json` (stdin): each step's time, then
Territoire's figure for the benchmarks, ingest + validation + history. Used by bench/sirene.sh and
bench/sirene-months.sh."""
import json
import sys

steps = {s["name"]: s for s in json.load(sys.stdin)[0]["steps"]}
ingest = steps["ingest.sirene_etablissement"]
normalise = steps["normalise.sirene_etablissement"]
history = steps["history"]
rows = ingest["read"]
path_ms = ingest["duration_ms"] + normalise["duration_ms"] + history["duration_ms"]
for name in ("ingest.sirene_etablissement", "normalise.sirene_etablissement", "geography", "history", "model",
             "public", "publish"):
    print("step %-32s %8d ms" % (name, steps[name]["duration_ms"]))
print("territoire rows=%d staged=%d rejected=%d ingest_validation_history_seconds=%.2f rows_per_second=%.0f"
      % (rows, normalise["written"], normalise["rejected"], path_ms / 1000, rows / (path_ms / 1000)))
