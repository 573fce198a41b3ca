"""Time one command in a fresh child process and record its peak memory.

`measure()` starts this file as a small wrapper process, which starts the command,
waits for it and prints a JSON record. The wrapper exists so that
`getrusage(RUSAGE_CHILDREN)` covers exactly one measured command: its `ru_maxrss`
is the peak RSS of the largest process of that command (the build itself or one of
its pool workers). While the command runs, the wrapper also samples the memory of
the whole process tree (proportional set size where Linux offers it, so pages that
forked workers share are not counted twice); that is the figure to compare with a
memory budget when a build uses several processes.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

STAGE_LINE = re.compile(r"^stage (\w+) ([0-9.]+) s$")
TAIL_LINES = 40
SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class Measurement:
    """What one run of one command cost."""

    wall_s: float
    user_s: float
    sys_s: float
    max_rss_mib: float
    """Peak RSS of the largest single process of the command (getrusage)."""
    tree_peak_mib: float | None
    """Peak sampled memory of the command's whole process tree (PSS, else RSS); None off Linux."""
    returncode: int
    stdout_tail: str
    stderr_tail: str
    stderr_lines: int
    load_before: float
    """The machine's 1-minute load average when the command started: other work competes for the cores."""
    process_peaks_mib: dict[str, float]
    """The sampled peak of each of the largest processes in the tree ("pid command": MiB)."""
    process_cpu_s: dict[str, float]
    """CPU seconds of the busiest processes in the tree, as last sampled ("pid command": s)."""
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds per build stage, from `stage NAME SECONDS s` lines on stderr (empty if none)."""


def parent_map() -> dict[int, int]:
    """pid -> parent pid for every process we can see."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name may contain spaces and parentheses: the fields follow the last ')'.
        fields = stat[stat.rfind(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def process_memory_kib(pid: int) -> int:
    """PSS of one process in KiB (RSS if smaps_rollup is unavailable); 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:
        return 0


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used so far; 0 if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rfind(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_name(pid: int) -> str:
    """A short label for a process: its pid and the last parts of its command line."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return str(pid)
    words = [os.path.basename(a.decode(errors="replace")) for a in argv[:4] if a]
    return f"{pid} {' '.join(words)}"[:80]


def tree_memory_kib(root: int) -> dict[int, int]:
    """Memory of `root` and of each of its descendants, by pid."""
    parents = parent_map()
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        tree.update(children)
        frontier += children
    return {pid: process_memory_kib(pid) for pid in tree}


@dataclass
class TreePeak:
    """What the sampler saw: the highest summed memory, and each process's own highest."""

    total_kib: int = 0
    by_process_kib: dict[int, int] = field(default_factory=dict)
    cpu_s: dict[int, float] = field(default_factory=dict)
    """CPU seconds per process at its last sample (a process's last 0.1 s can be missed)."""
    names: dict[int, str] = field(default_factory=dict)


def sample_tree(root: int, stop: threading.Event, peak: TreePeak) -> None:
    """Record the tree's memory into `peak` every SAMPLE_SECONDS until `stop` is set."""
    while not stop.is_set():
        sizes = tree_memory_kib(root)
        peak.total_kib = max(peak.total_kib, sum(sizes.values()))
        for pid, kib in sizes.items():
            if pid not in peak.names:
                peak.names[pid] = process_name(pid)
            peak.by_process_kib[pid] = max(peak.by_process_kib.get(pid, 0), kib)
            peak.cpu_s[pid] = max(peak.cpu_s.get(pid, 0.0), process_cpu_s(pid))
        stop.wait(SAMPLE_SECONDS)


def largest_processes(peak: TreePeak, count: int = 4) -> dict[str, float]:
    """The processes with the highest sampled memory, in MiB, largest first."""
    ranked = sorted(peak.by_process_kib.items(), key=lambda item: -item[1])[:count]
    return {peak.names[pid]: kib / 1024 for pid, kib in ranked}


def busiest_processes(peak: TreePeak, count: int = 4) -> dict[str, float]:
    """The processes that used the most CPU seconds (as last sampled), busiest first."""
    ranked = sorted(peak.cpu_s.items(), key=lambda item: -item[1])[:count]
    return {peak.names[pid]: seconds for pid, seconds in ranked}


def tail(text: str, failed: bool = False) -> str:
    """The last lines of an output stream; after a failure the first ones too (a worker's traceback)."""
    lines = text.splitlines()
    if failed and len(lines) > 2 * TAIL_LINES:
        return "\n".join([*lines[:TAIL_LINES], "[...]", *lines[-TAIL_LINES:]])
    return "\n".join(lines[-TAIL_LINES:] if not failed else lines)


def run_and_report(cwd: Path, command: list[str]) -> dict[str, object]:
    """Inside the wrapper: run the command once and describe what it cost."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop, peak = threading.Event(), TreePeak()
    sampler = None
    if Path("/proc/self/stat").exists():
        sampler = threading.Thread(target=sample_tree, args=(child.pid, stop, peak), daemon=True)
        sampler.start()
    out, err = child.communicate()
    wall = time.perf_counter() - started
    stop.set()
    if sampler is not None:
        sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss_kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    stages = {m.group(1): float(m.group(2)) for m in map(STAGE_LINE.match, err.splitlines()) if m}
    return asdict(Measurement(
        wall_s=wall,
        user_s=usage.ru_utime,
        sys_s=usage.ru_stime,
        max_rss_mib=rss_kib / 1024,
        tree_peak_mib=peak.total_kib / 1024 if sampler is not None else None,
        process_peaks_mib=largest_processes(peak),
        process_cpu_s=busiest_processes(peak),
        returncode=child.returncode,
        stdout_tail=tail(out),
        stderr_tail=tail(err, failed=child.returncode != 0),
        stderr_lines=len(err.splitlines()),
        load_before=load,
        stages=stages,
    ))


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measurement:
    """Run `command` in `cwd` under a fresh wrapper process and return what it cost."""
    wrapper = [sys.executable, str(Path(__file__).resolve()), str(cwd), *command]
    done = subprocess.run(wrapper, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"measuring {command} failed:\n{done.stderr}")
    return Measurement(**json.loads(done.stdout))


if __name__ == "__main__":
    print(json.dumps(run_and_report(Path(sys.argv[1]), sys.argv[2:])))
