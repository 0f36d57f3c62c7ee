"""Figures of one JVM process, read from GNU time -v, -Xlog:gc, -XX:+CITime and thread_cpu.py (bench.sh, scale.sh)."""
import re


def time_v(path):
    """Peak RSS (MB) and CPU seconds from GNU time -v."""
    text = path.read_text()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    return rss_kb / 1024, user + system


def gc_figures(path):
    """From -Xlog:gc: the most heap in use before a collection ('Pause Young ... 45M->12M(256M) 3.1ms'), the number
    of pauses and their total duration."""
    text = path.read_text()
    sizes = [int(m.group(1)) for m in re.finditer(r"(\d+)M->\d+M\(\d+M\)", text)]
    pauses = [float(m.group(1)) for m in re.finditer(r"Pause .*\d+M->\d+M\(\d+M\) ([\d.]+)ms", text)]
    return {"peakHeapMb": max(sizes) if sizes else None, "gcPauses": len(pauses), "gcPauseMs": round(sum(pauses))}


def methods_compiled(path):
    """From -XX:+CITime's report at exit: methods compiled by C1 and by C2 (its times are elapsed, not CPU: on a busy
    machine they include waiting for a core, so the CPU of the compiler threads comes from thread_cpu.py instead)."""
    text = path.read_text()
    def methods(compiler):
        m = re.search(compiler + r" \{speed:.*?standard:.*?, (\d+) methods; osr:.*?, (\d+) methods", text)
        return int(m.group(1)) + int(m.group(2)) if m else 0
    return {"c1Methods": methods("C1"), "c2Methods": methods("C2")}
