"""Prints every step of the newest run from `territoire status --json` (stdin), slowest first, with its time and
rows. Used by bench/france.sh."""
import json
import sys

run = json.load(sys.stdin)[0]
steps = sorted(run["steps"], key=lambda s: -s["duration_ms"])
total = sum(s["duration_ms"] for s in steps)
for s in steps:
    print("step %-36s %9.1f s  read=%s written=%s" % (s["name"], s["duration_ms"] / 1000, s.get("read"), s.get("written")))
print("steps_total_seconds=%.1f" % (total / 1000))
