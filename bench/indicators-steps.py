"""Prints the indicators and peers steps of the newest run from `territoire status --json` (stdin), then their
time against the scan time given as the first argument (seconds): the ratio of issue 12; with the measure models'
build time as second argument, the ratio of the whole indicator work. Used by
bench/indicators.sh."""
import json
import sys

scan_seconds = float(sys.argv[1])
measures = float(sys.argv[2]) if len(sys.argv) > 2 else None
run = json.load(sys.stdin)[0]
steps = {s["name"]: s for s in run["steps"]}
for name in ("ingest.sirene_etablissement", "normalise.sirene_etablissement", "geography", "history", "model",
             "audit", "indicators", "peers", "public", "audit.public", "publish"):
    if name in steps:
        print("step %-32s %8d ms" % (name, steps[name]["duration_ms"]))
indicators = steps["indicators"]["duration_ms"] / 1000
peers = steps["peers"]["duration_ms"] / 1000 if "peers" in steps else None
total = indicators + (peers or 0)
print("indicators_seconds=%.2f" % indicators)
print("peers_seconds=%s" % ("%.2f" % peers if peers is not None else "absent (no peers step in this run)"))
print("indicators_plus_peers_seconds=%.2f target=60 %s" % (total, "met" if total <= 60 else "NOT met"))
print("scan_seconds=%.3f" % scan_seconds)
print("ratio indicators/scan=%.1f" % (indicators / scan_seconds))
print("ratio (indicators+peers)/scan=%.1f" % (total / scan_seconds))
if measures is not None:
    print("measure_models_seconds=%.2f (built by the model step from core.establishment)" % measures)
    print("ratio (measure models+indicators+peers)/scan=%.1f" % ((measures + total) / scan_seconds))
