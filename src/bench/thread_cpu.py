"""Samples the CPU time of each thread of a JVM until it exits and writes the totals by kind of thread as JSON:
the JIT compilers, the garbage collector (with the VM thread, where a stop-the-world collector works) and the rest
(the application). Compiler and GC threads live as long as the JVM, so the last sample is their total to within
one sampling interval. CPU time, unlike -XX:+CITime's elapsed compile time, does not grow when the machine is busy.

    python3 thread_cpu.py PARENT_PID OUT.json   (PARENT_PID: the process that starts java, e.g. /usr/bin/time)
"""
import json
import os
import sys
import time
from pathlib import Path

parent, out = int(sys.argv[1]), Path(sys.argv[2])
ticks = os.sysconf("SC_CLK_TCK")


def child_of(pid):
    for _ in range(200):
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return None
        if children:
            return int(children[0])
        time.sleep(0.01)
    return None


def kind(name):
    if name.startswith(("C1 CompilerThre", "C2 CompilerThre")):
        return "jit"
    if name.startswith(("GC Thread", "G1 ", "VM Thread")):
        return "gc"
    return "application"


jvm = child_of(parent)
seen = {}  # tid -> (kind, cpu seconds)
while jvm is not None:
    try:
        tids = os.listdir(f"/proc/{jvm}/task")
    except OSError:
        break
    for tid in tids:
        try:
            stat = Path(f"/proc/{jvm}/task/{tid}/stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        seen[tid] = (kind(name), (int(fields[11]) + int(fields[12])) / ticks)
    time.sleep(0.1)

totals = {"jit": 0.0, "gc": 0.0, "application": 0.0}
for thread_kind, seconds in seen.values():
    totals[thread_kind] += seconds
out.write_text(json.dumps({k + "CpuSeconds": round(v, 2) for k, v in totals.items()}) + "\n")
