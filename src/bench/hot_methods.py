"""The methods most often on CPU in a JFR recording (jdk.ExecutionSample): by the top frame (self time), and by
the first frame in lambda-guardrails' own code (what of ours the time is spent under).

    python3 hot_methods.py RECORDING.jfr [TOP]
"""
import collections
import re
import subprocess
import sys

recording, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", recording],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
self_time, ours = collections.Counter(), collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [m.group(1) for m in map(frame.match, event.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    self_time[frames[0]] += 1
    ours[next((f for f in frames if f.startswith("io.lambdaguardrails.")), "(outside lambda-guardrails code)")] += 1


def show(title, counter):
    print(f"{title} ({samples} samples):")
    for method, n in counter.most_common(top):
        print(f"  {100 * n / samples:5.1f}%  {method}")


show("hot methods, top frame", self_time)
show("hot methods, first lambda-guardrails frame", ours)
