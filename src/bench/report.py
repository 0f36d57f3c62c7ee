"""Turns the raw measurements of bench.sh into target/bench/results.json and a printed summary."""
import json
import statistics
import sys
from pathlib import Path

from jvm_figures import gc_figures, methods_compiled, time_v

out, accounts, regions, functions_per_region = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seed = json.loads((out / "seed.json").read_text())
functions = seed["functions"]


runs = {}
for run in sorted((json.loads(f.read_text()) for f in out.glob("*.run.json")), key=lambda r: r["startMs"]):
    name = run["name"]
    proxy = json.loads((out / f"{name}.counts.json").read_text())
    counts, upstream = proxy["counts"], proxy["upstreamMillis"]
    rss, cpu = time_v(out / f"{name}.time")
    total = sum(counts.values())
    per_function = {k: v for k, v in counts.items() if v >= functions}
    runs[name] = {
        "jvmOptions": run["jvmOptions"],
        "latencyMs": run["latencyMs"],
        "wallSeconds": round((run["endMs"] - run["startMs"]) / 1000, 2),
        "exitCode": run["exitCode"],
        "apiCalls": total,
        "apiCallsPerFunction": round(total / functions, 2),
        "perFunctionOperations": per_function,
        "apiCallsByOperation": counts,
        "upstreamMillisByOperation": upstream,
        "peakRssMb": round(rss),
        "cpuSeconds": round(cpu, 1),
        "cpuMsPerCall": round(cpu * 1000 / total, 2) if total else None,
        **json.loads((out / f"{name}.threads.json").read_text()),
        **methods_compiled(out / f"{name}.out"),
        **gc_figures(out / f"{name}.gc.log"),
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
    "note": "wall times on a shared 2-core machine are noisy; CPU, JIT and GC figures are the stable ones",
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
print("JVM option sets:")
option_sets = list(dict.fromkeys(r["jvmOptions"] for r in runs.values()))
for i, options in enumerate(option_sets, 1):
    print(f"  [{i}] {options or '(JVM defaults)'}")
print(f"{'run':<12}{'set':>4}{'latency':>9}{'wall s':>8}{'calls':>7}{'CPU s':>7}{'ms/call':>8}{'JIT CPU s':>10}"
      f"{'GC CPU s':>9}{'app CPU s':>10}{'C1/C2 methods':>14}{'GC pauses':>13}{'RSS MB':>7}{'heap MB':>8}{'exit':>5}")
for name, r in runs.items():
    print(f"{name:<12}{option_sets.index(r['jvmOptions']) + 1:>4}{r['latencyMs']:>7}ms{r['wallSeconds']:>8}"
          f"{r['apiCalls']:>7}{r['cpuSeconds']:>7}{r['cpuMsPerCall']:>8}{r['jitCpuSeconds']:>10}{r['gcCpuSeconds']:>9}"
          f"{r['applicationCpuSeconds']:>10}{str(r['c1Methods']) + '/' + str(r['c2Methods']):>14}"
          f"{str(r['gcPauses']) + ' ' + str(r['gcPauseMs']) + 'ms':>13}{r['peakRssMb']:>7}{str(r['peakHeapMb']):>8}"
          f"{r['exitCode']:>5}")
print("(wall times were measured on a shared machine and are noisy; CPU, JIT and GC figures are the stable ones)")
print("moto and proxy CPU s by run: " + ", ".join(f"{n} {r['motoCpuSeconds']}/{r['proxyCpuSeconds']}" for n, r in runs.items()))
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
