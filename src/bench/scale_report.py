"""Turns the raw measurements of scale.sh into target/scale/results.json and a printed summary."""
import csv
import json
import subprocess
import sys
from pathlib import Path

from jvm_figures import gc_figures, methods_compiled, time_v

out = Path(sys.argv[1])
inventory = json.loads((out / "inventory.out").read_text())
run = json.loads((out / "evaluate.run.json").read_text())
rss, cpu = time_v(out / "evaluate.time")
latest = out / "reports" / "latest"
csv.field_size_limit(sys.maxsize)
with (latest / "findings.csv").open(newline="", encoding="utf-8") as rows:
    findings = sum(1 for _ in csv.reader(rows)) - 1
results = {
    "inventory": inventory,
    "jvmOptions": run["jvmOptions"],
    "wallSeconds": round(run["wallMs"] / 1000, 1),
    "exitCode": run["exitCode"],
    "findings": findings,
    "cpuSeconds": round(cpu, 1),
    **json.loads((out / "evaluate.threads.json").read_text()),
    **methods_compiled(out / "evaluate.out"),
    **gc_figures(out / "evaluate.gc.log"),
    "peakRssMb": round(rss),
    "reportMb": {f.name: round(f.stat().st_size / 1e6, 1) for f in sorted(latest.iterdir()) if f.is_file()},
    "note": "wall times on a shared 2-core machine are noisy; CPU, JIT and GC figures are the stable ones",
}
(out / "results.json").write_text(json.dumps(results, indent=2) + "\n")

print()
print(f"inventory: {inventory['accounts']} accounts x {inventory['regions']} regions, {inventory['functions']} functions,"
      f" {inventory['bytes'] / 1e6:.0f} MB")
print(f"evaluate + publish (JVM options: {run['jvmOptions'] or 'JVM defaults'}): {findings} findings,"
      f" wall {results['wallSeconds']} s (shared machine), exit {run['exitCode']}")
print(f"  CPU {results['cpuSeconds']} s (JIT {results['jitCpuSeconds']}, GC {results['gcCpuSeconds']},"
      f" application {results['applicationCpuSeconds']}), methods compiled C1 {results['c1Methods']} / C2 {results['c2Methods']}")
print(f"  peak RSS {results['peakRssMb']} MB, peak heap {results['peakHeapMb']} MB,"
      f" GC pauses {results['gcPauses']} ({results['gcPauseMs']} ms)")
print("  reports: " + ", ".join(f"{name} {mb} MB" for name, mb in results["reportMb"].items()))
if (out / "evaluate.jfr").exists():
    subprocess.run([sys.executable, str(Path(__file__).parent / "hot_methods.py"), str(out / "evaluate.jfr")], check=True)
print(f"written: {out / 'results.json'}")
