"""Benchmark briefgen against Pelican 4.x on the same corpus articles (issue 7).

    python bench/run.py --articles 1000 --repeats 3
    python bench/run.py --articles 20000 --no-pelican

See bench/README.md for what is measured and the targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus import CORPUS, REPO_ROOT, BenchArticle, sample_articles
from measure import Measurement, measure
from projects import edit_one_sentence, edit_target, write_briefgen_project, write_pelican_project

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "briefgen-bench"
PELICAN_SPEC = "pelican>=4.9,<5"
PELICAN_DONE = re.compile(r"Processed (\d+) articles?")
STEPS = ("cold", "noop", "edit")

TARGETS = {
    "cold_vs_pelican": 1.0,
    "noop_vs_pelican_cold": 0.05,
    "edit_vs_pelican_cold": 0.10,
    "scale_per_article_ratio": 1.2,
    "scale_memory_mib": 1024.0,
}
"""From issue 7: cold ≤ 1.0× Pelican, no-op ≤ 0.05× and one edit ≤ 0.1× Pelican's cold build,
20,000 articles at ≤ 1.2× the per-article time of 1,000, peak memory ≤ 1 GiB."""


@dataclass(frozen=True)
class Tools:
    """The two commands under test."""

    briefgen: list[str]
    briefgen_env: dict[str, str]
    briefgen_timings: bool
    pelican: list[str] | None
    pelican_env: dict[str, str]


def say(message: str) -> None:
    """Progress on stderr, so stdout holds only the result table."""
    print(message, file=sys.stderr, flush=True)


def briefgen_env() -> dict[str, str]:
    """The environment that makes `python -m briefgen` import this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def checkout_state() -> dict[str, Any]:
    """Which briefgen was measured: commit and whether the tree had uncommitted changes."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip()

    return {"commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "--porcelain"))}


def ensure_pelican(cache: Path, spec: str) -> tuple[Path, str]:
    """Pelican in a throwaway virtual environment under the cache folder (never a briefgen dependency)."""
    venv = cache / "pelican-venv"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    probe = [str(python), "-c", "import markdown, pelican; print(pelican.__version__)"]
    if python.exists():
        done = subprocess.run(probe, capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip().startswith("4."):
            return python, done.stdout.strip()
        shutil.rmtree(venv)
    say(f"installing {spec} into {venv}")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", spec, "markdown"], check=True)
    return python, subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()


class BuildFailed(Exception):
    """A measured build exited with an error: the benchmark stops and records it."""

    def __init__(self, label: str, measurement: Measurement) -> None:
        super().__init__(f"{label} failed (exit {measurement.returncode})")
        self.label = label
        self.measurement = measurement


def run_checked(label: str, command: list[str], cwd: Path, env: dict[str, str]) -> Measurement:
    """Measure one build; stop the benchmark if it failed."""
    result = measure(command, cwd, env)
    if result.returncode != 0:
        raise BuildFailed(label, result)
    say(f"  {label}: {result.wall_s:.2f} s (CPU {result.user_s + result.sys_s:.2f} s), "
        f"peak {result.max_rss_mib:.0f} MiB, load before {result.load_before:.1f}")
    return result


def fresh_copy(master: Path, folder: Path) -> Path:
    """A clean copy of a prepared project (no site/, no output/) for one cold build."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(master, folder)
    return folder


def briefgen_series(tools: Tools, master: Path, folder: Path, target: BenchArticle,
                    cold_only: bool = False) -> dict[str, Any]:
    """Cold build, no-op rebuild, and rebuild after editing one sentence of one article."""
    project = fresh_copy(master, folder)
    command = tools.briefgen + (["--timings"] if tools.briefgen_timings else [])
    series: dict[str, Any] = {"cold": asdict(run_checked("briefgen cold", command, project, tools.briefgen_env))}
    series["html_pages"] = sum(1 for _ in (project / "site").rglob("*.html"))
    if not cold_only:
        series["noop"] = asdict(run_checked("briefgen no-op", command, project, tools.briefgen_env))
        edit_one_sentence(project, target)
        series["edit"] = asdict(run_checked("briefgen one edit", command, project, tools.briefgen_env))
    shutil.rmtree(project)
    return series


def pelican_cold(tools: Tools, master: Path, folder: Path, count: int) -> dict[str, Any]:
    """One cold Pelican build of a fresh copy."""
    assert tools.pelican is not None
    project = fresh_copy(master, folder)
    cold = run_checked("pelican cold", tools.pelican, project, tools.pelican_env)
    processed = PELICAN_DONE.search(cold.stdout_tail + cold.stderr_tail)
    if processed is None or int(processed.group(1)) != count:
        say(f"  warning: Pelican did not report {count} processed articles: {cold.stdout_tail[-300:]!r}")
    pages = sum(1 for _ in (project / "output").rglob("*.html"))
    shutil.rmtree(project)
    return {"cold": asdict(cold), "html_pages": pages, "processed": int(processed.group(1)) if processed else None}


def stage_medians(runs: list[dict[str, Any]], step: str) -> dict[str, float]:
    """Median seconds per stage over the runs that reported stages."""
    names = [n for run in runs for n in run[step]["stages"]]
    ordered = list(dict.fromkeys(names))
    return {n: statistics.median(r[step]["stages"][n] for r in runs if n in r[step]["stages"]) for n in ordered}


def series_summary(runs: list[dict[str, Any]], count: int) -> dict[str, Any]:
    """Medians of one briefgen series (cold, no-op, edit) and its memory."""
    summary: dict[str, Any] = {"articles": count, "repeats": len(runs)}
    steps = [s for s in STEPS if s in runs[0]]
    for step in steps:
        summary[f"{step}_s"] = statistics.median(r[step]["wall_s"] for r in runs)
        summary[f"{step}_cpu_s"] = statistics.median(r[step]["user_s"] + r[step]["sys_s"] for r in runs)
        summary[f"{step}_stages_s"] = stage_medians(runs, step)
    summary["cold_ms_per_article"] = 1000 * summary["cold_s"] / count
    summary["max_rss_mib"] = max(r[s]["max_rss_mib"] for r in runs for s in steps)
    trees = [r[s]["tree_peak_mib"] for r in runs for s in steps if r[s]["tree_peak_mib"]]
    summary["tree_peak_mib"] = max(trees) if trees else None
    heaviest = max((r[s] for r in runs for s in steps), key=lambda m: m["tree_peak_mib"] or m["max_rss_mib"])
    coldest = sorted(runs, key=lambda r: r["cold"]["wall_s"])[len(runs) // 2]["cold"]
    summary["cold_cpu_by_process"] = ", ".join(
        f"{name.split(' ', 1)[-1]} {seconds:.1f} s" for name, seconds in coldest["process_cpu_s"].items())
    summary["largest_processes"] = ", ".join(
        f"{name.split(' ', 1)[-1]} {mib:.0f} MiB" for name, mib in heaviest["process_peaks_mib"].items())
    return summary


def verdict(value: float, limit: float) -> str:
    """'met' or 'NOT met' against an upper limit."""
    return "met" if value <= limit else "NOT met"


def compare(result: dict[str, Any]) -> dict[str, Any]:
    """Ratios against Pelican and against the smaller run, each with its target."""
    main, checks = result["briefgen"], {}
    pelican = result.get("pelican")
    if pelican:
        for key, step in (("cold_vs_pelican", "cold"), ("noop_vs_pelican_cold", "noop"),
                          ("edit_vs_pelican_cold", "edit")):
            if f"{step}_s" not in main:
                continue
            ratio = main[f"{step}_s"] / pelican["cold_s"]
            checks[key] = {"value": ratio, "target": TARGETS[key], "verdict": verdict(ratio, TARGETS[key])}
    baseline = result.get("baseline")
    if baseline:
        ratio = main["cold_ms_per_article"] / baseline["cold_ms_per_article"]
        checks["scale_per_article_ratio"] = {"value": ratio, "target": TARGETS["scale_per_article_ratio"],
                                             "verdict": verdict(ratio, TARGETS["scale_per_article_ratio"])}
    memory = main["tree_peak_mib"] or main["max_rss_mib"]
    checks["peak_memory_mib"] = {"value": memory, "target": TARGETS["scale_memory_mib"],
                                 "verdict": verdict(memory, TARGETS["scale_memory_mib"])}
    return checks


def table(result: dict[str, Any]) -> str:
    """The result as a small plain-text table."""
    main = result["briefgen"]
    lines = [
        f"briefgen {result['briefgen_version']} ({result['checkout']['commit']}"
        f"{', uncommitted changes' if result['checkout']['dirty'] else ''}), {main['articles']} articles "
        f"({result['corpus']['bbc']} BBC, {result['corpus']['reuters']} Reuters, "
        f"{result['corpus']['words']:,} words), {main['repeats']} repeats, {result['machine']['cpus']} CPUs, "
        f"{result['date']}",
        "",
        f"{'':26}{'median s':>10}{'CPU s':>9}   runs (s)",
    ]

    def row(label: str, runs: list[dict[str, Any]], step: str, median: float, cpu: float) -> None:
        shown = " ".join(f"{r[step]['wall_s']:.2f}" for r in runs)
        lines.append(f"{label:26}{median:10.2f}{cpu:9.2f}   {shown}")

    runs = result["runs"]["briefgen"]
    for step, label in (("cold", "briefgen cold build"), ("noop", "briefgen no-op rebuild"),
                        ("edit", "briefgen one-article edit")):
        if f"{step}_s" in main:
            row(label, runs, step, main[f"{step}_s"], main[f"{step}_cpu_s"])
    if result.get("pelican"):
        p = result["pelican"]
        row(f"Pelican {result['pelican_version']} cold build", result["runs"]["pelican"], "cold",
            p["cold_s"], p["cold_cpu_s"])
        lines.append(f"{'cold CPU time ratio':26}{main['cold_cpu_s'] / p['cold_cpu_s']:10.3f}   "
                     "(briefgen/Pelican; for information: less sensitive to other load, blind to parallelism)")
    if result.get("baseline"):
        b = result["baseline"]
        row(f"briefgen cold, {b['articles']} art.", result["runs"]["baseline"], "cold", b["cold_s"], b["cold_cpu_s"])
        lines.append(f"{'time per article':26}{main['cold_ms_per_article']:10.2f} ms at {main['articles']}, "
                     f"{b['cold_ms_per_article']:.2f} ms at {b['articles']}")
    tree = f", whole process tree {main['tree_peak_mib']:.0f} MiB" if main["tree_peak_mib"] else ""
    lines.append(f"{'briefgen peak memory':26}{main['max_rss_mib']:10.0f} MiB largest process{tree}")
    lines.append(f"{'':26}largest processes: {main['largest_processes']}")
    lines.append(f"{'':26}CPU by process (cold build): {main['cold_cpu_by_process']}")
    if result.get("pelican"):
        lines.append(f"{'Pelican peak memory':26}{result['pelican']['max_rss_mib']:10.0f} MiB")
    loads = [r[step]["load_before"] for rs in result["runs"].values() for r in rs for step in STEPS
             if step in r]
    lines.append(f"{'1-min load before runs':26}{min(loads):10.1f} to {max(loads):.1f} (other work on the machine)")
    lines.append("")
    for name, check in result["checks"].items():
        lines.append(f"{name:26}{check['value']:10.3f}   target ≤ {check['target']}: {check['verdict']}")
    for step in STEPS:
        stages = main.get(f"{step}_stages_s")
        if stages:
            split = ", ".join(f"{n} {s:.2f}" for n, s in stages.items())
            lines.append(f"stages of {step} (median s): {split}")
    if not main["cold_stages_s"]:
        lines.append("stages: this briefgen prints no per-stage timings (no `build --timings`)")
    return "\n".join(lines)


def pelican_summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of Pelican's cold builds."""
    return {
        "cold_s": statistics.median(r["cold"]["wall_s"] for r in runs),
        "cold_cpu_s": statistics.median(r["cold"]["user_s"] + r["cold"]["sys_s"] for r in runs),
        "max_rss_mib": max(r["cold"]["max_rss_mib"] for r in runs),
        "html_pages": runs[0]["html_pages"],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles to build (default 1000)")
    parser.add_argument("--repeats", type=int, default=3, help="repeats of every measurement (default 3)")
    parser.add_argument("--no-pelican", action="store_true", help="measure briefgen only")
    parser.add_argument("--cold-only", action="store_true", help="skip briefgen's no-op and one-edit rebuilds")
    parser.add_argument("--baseline-articles", type=int, default=1000,
                        help="when --articles is larger, also build this many to compare time per article "
                             "(default 1000; 0 turns it off)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter that runs briefgen (needs briefgen's dependencies; default: this one)")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"Pelican's venv and results (default {CACHE})")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()),
                        help="where the temporary projects go (default: the system temp folder)")
    parser.add_argument("--out", type=Path, help="result JSON (default: <cache>/results/bench-N-TIME.json)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"shared corpus folder (default {CORPUS})")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def find_tools(args: argparse.Namespace) -> tuple[Tools, str, str | None]:
    """The briefgen and Pelican commands, with their versions."""
    env = briefgen_env()
    briefgen = [args.python, "-m", "briefgen", "build"]
    help_text = subprocess.run([*briefgen, "--help"], env=env, capture_output=True, text=True, check=True).stdout
    version = subprocess.run([args.python, "-c", "import briefgen; print(briefgen.__version__)"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    pelican, pelican_version = None, None
    pelican_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if not args.no_pelican:
        python, pelican_version = ensure_pelican(args.cache, PELICAN_SPEC)
        pelican = [str(python), "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    return Tools(briefgen, env, "--timings" in help_text, pelican, pelican_env), version, pelican_version


def main(argv: list[str] | None = None) -> int:
    """Prepare the projects, alternate the builds, print the table and write the JSON."""
    args = parse_args(argv)
    work_root = args.workdir.resolve()
    if work_root.is_relative_to(REPO_ROOT):
        raise SystemExit(f"--workdir {work_root} is inside the repository; pick a folder outside it")
    tools, version, pelican_version = find_tools(args)
    work = Path(tempfile.mkdtemp(prefix="briefgen-bench-", dir=work_root))
    say(f"reading {args.articles} articles from {args.corpus}; temporary projects in {work}")
    articles = sample_articles(args.articles, args.corpus)
    baseline_count = args.baseline_articles if 0 < args.baseline_articles < args.articles else 0
    runs: dict[str, list[dict[str, Any]]] = {"briefgen": [], "pelican": [], "baseline": []}
    try:
        write_briefgen_project(articles, work / "briefgen-master")
        if baseline_count:
            write_briefgen_project(articles[:baseline_count], work / "baseline-master")
        if tools.pelican:
            write_pelican_project(articles, work / "pelican-master")
        for repeat in range(1, args.repeats + 1):
            say(f"repeat {repeat} of {args.repeats}")
            if baseline_count:
                runs["baseline"].append(briefgen_series(tools, work / "baseline-master", work / "baseline",
                                                        edit_target(articles[:baseline_count]), args.cold_only))
            runs["briefgen"].append(briefgen_series(tools, work / "briefgen-master", work / "briefgen",
                                                    edit_target(articles), args.cold_only))
            if tools.pelican:
                runs["pelican"].append(pelican_cold(tools, work / "pelican-master", work / "pelican", len(articles)))
    except BuildFailed as failure:
        out = args.out or args.cache / "results" / f"bench-{len(articles)}-FAILED.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        record = {"failed": failure.label, "articles": len(articles), "checkout": checkout_state(),
                  "measurement": asdict(failure.measurement), "completed_runs": runs}
        out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        say(failure.measurement.stderr_tail)
        say(f"{failure} after {failure.measurement.wall_s:.1f} s; details in {out}")
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    now = dt.datetime.now(dt.UTC)
    result: dict[str, Any] = {
        "date": now.strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "briefgen_version": version,
        "checkout": checkout_state(),
        "pelican_version": pelican_version,
        "corpus": {"bbc": sum(a.name.startswith("bbc/") for a in articles),
                   "reuters": sum(a.name.startswith("reuters/") for a in articles),
                   "words": sum(len(a.body.split()) for a in articles)},
        "briefgen": series_summary(runs["briefgen"], len(articles)),
        "pelican": pelican_summary(runs["pelican"]) if runs["pelican"] else None,
        "baseline": series_summary(runs["baseline"], baseline_count) if runs["baseline"] else None,
        "targets": TARGETS,
        "runs": runs,
    }
    result["checks"] = compare(result)
    out = args.out or args.cache / "results" / f"bench-{len(articles)}-{now.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(f"\nresult written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
