"""Turns the raw measurements of bench.sh into target/bench/results.json and a printed summary."""
import json
import os
import re
import statistics
import sys
from pathlib import Path

out, accounts, regions, functions_per_region = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seed = json.loads((out / "seed.json").read_text())
functions = seed["functions"]


def time_v(path):
    """Peak RSS (MB) and CPU seconds from GNU time -v."""
    text = path.read_text()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return rss_kb / 1024, user + system


def peak_heap_mb(path):
    """The most heap in use before any collection, from -Xlog:gc (e.g. 'Pause Young ... 45M->12M(256M)')."""
    sizes = [int(m.group(1)) for m in re.finditer(r"(\d+)M->\d+M\(\d+M\)", path.read_text())]
    return max(sizes) if sizes else None


runs = {}
for run_file in sorted(out.glob("*.run.json")):
    run = json.loads(run_file.read_text())
    name = run["name"]
    proxy = json.loads((out / f"{name}.counts.json").read_text())
    counts, upstream = proxy["counts"], proxy["upstreamMillis"]
    rss, cpu = time_v(out / f"{name}.time")
    total = sum(counts.values())
    per_function = {k: v for k, v in counts.items() if v >= functions}
    runs[name] = {
        "latencyMs": run["latencyMs"],
        "wallSeconds": round((run["endMs"] - run["startMs"]) / 1000, 2),
        "exitCode": run["exitCode"],
        "apiCalls": total,
        "apiCallsPerFunction": round(total / functions, 2),
        "perFunctionOperations": per_function,
        "apiCallsByOperation": counts,
        "upstreamMillisByOperation": upstream,
        "peakRssMb": round(rss),
        "peakHeapMb": peak_heap_mb(out / f"{name}.gc.log"),
        "cpuSeconds": round(cpu, 1),
        "motoCpuSeconds": round(run["motoCpuMs"] / 1000, 1),
        "proxyCpuSeconds": round(run["proxyCpuMs"] / 1000, 1),
    }

startup = {}
startup_file = out / "startup.jsonl"
if startup_file.exists():
    samples = {}
    for line in startup_file.read_text().splitlines():
        s = json.loads(line)
        samples.setdefault(s["variant"], {}).setdefault(s["what"], []).append(s["ms"])
    startup = {variant: {what: int(statistics.median(ms)) for what, ms in whats.items()} for variant, whats in samples.items()}

results = {
    "organisation": {"accounts": accounts, "regions": regions, "functionsPerRegion": functions_per_region,
                     "functions": functions, "seedSeconds": seed["seedSeconds"]},
    "scannerJvmOptions": os.environ.get("BENCH_JVM_OPTIONS", ""),
    "runs": runs,
    "startupMedianMs": startup,
}
if "parallel" in runs and "serial" in runs:
    results["speedupOverOneAccountAtATime"] = round(runs["serial"]["wallSeconds"] / runs["parallel"]["wallSeconds"], 1)
if "parallel" in runs and "floor" in runs:
    results["latencyOverFloor"] = round(runs["parallel"]["wallSeconds"] / runs["floor"]["wallSeconds"], 2)
(out / "results.json").write_text(json.dumps(results, indent=2) + "\n")

print()
print(f"organisation: {accounts} accounts x {regions} regions x {functions_per_region} functions = {functions} functions"
      f" (seeded in {seed['seedSeconds']} s)")
if results["scannerJvmOptions"]:
    print(f"scanner JVM options: {results['scannerJvmOptions']}")
print(f"{'run':<10}{'latency':>9}{'wall s':>9}{'calls':>8}{'/fn':>7}{'RSS MB':>8}{'heap MB':>9}{'CPU s':>7}"
      f"{'moto CPU s':>12}{'proxy CPU s':>13}{'exit':>6}")
for name, r in runs.items():
    print(f"{name:<10}{r['latencyMs']:>7}ms{r['wallSeconds']:>9}{r['apiCalls']:>8}{r['apiCallsPerFunction']:>7}"
          f"{r['peakRssMb']:>8}{str(r['peakHeapMb']):>9}{r['cpuSeconds']:>7}{r['motoCpuSeconds']:>12}"
          f"{r['proxyCpuSeconds']:>13}{r['exitCode']:>6}")
if "speedupOverOneAccountAtATime" in results:
    print(f"speedup over one account at a time: {results['speedupOverOneAccountAtATime']}x")
if "latencyOverFloor" in results:
    print(f"with latency / without: {results['latencyOverFloor']}x")
if runs:
    first = next(iter(runs.values()))
    print("calls by operation (" + next(iter(runs)) + "), with moto's service time:")
    for op, n in sorted(first["apiCallsByOperation"].items(), key=lambda kv: -kv[1]):
        ms = first["upstreamMillisByOperation"].get(op, 0)
        print(f"  {op:<50}{n:>7}  {n / functions:5.2f}/fn {ms:>8} ms  {ms / n:6.1f} ms/call")
for variant, whats in startup.items():
    print(f"start-up ({variant}): " + ", ".join(f"{what} {ms} ms" for what, ms in whats.items()))
print(f"written: {out / 'results.json'}")
