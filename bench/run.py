"""Benchmark briefgen against Pelican 4.x on the same corpus articles (issues 7 and 14).

    python bench/run.py --articles 1000 --repeats 5
    python bench/run.py --articles 20000 --repeats 3

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
from projects import (
    MORNING_ARTICLES,
    add_articles,
    delete_article,
    delete_target,
    edit_one_sentence,
    edit_target,
    morning_articles,
    write_briefgen_project,
    write_pelican_project,
)
from serve_reload import measure_reloads

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "briefgen-bench"
PELICAN_SPEC = "pelican>=4.9,<5"
PELICAN_DONE = re.compile(r"Processed (\d+) articles?")
STEPS = ("cold", "noop", "edit", "add", "delete")
"""The daily-use series: a cold build, a rebuild with nothing changed, one sentence of one article
edited, a morning's articles added, one article deleted; each a build of its own."""
LARGE = 20000
"""From this many articles on, the series is held against the archive-scale targets."""

TARGETS = {
    "cold_vs_pelican": 1.0,
    "noop_vs_pelican_cold": 0.05,
    "edit_vs_pelican_cold": 0.10,
    "serve_reload_s": 0.5,
    "large_add_s": 5.0,
    "large_add_vs_small_add": 3.0,
    "large_edit_s": 1.0,
    "large_delete_s": 1.0,
    "large_noop_s": 0.3,
    "large_memory_mib": 1024.0,
}
"""From issue 14, 2 cores: against Pelican's cold build of the same 1,000 articles, cold ≤ 1.0×, no-op
≤ 0.05×, one edit ≤ 0.1×; `serve` save to reloaded page ≤ 0.5 s at 1,000; at 20,000 articles, 50 added
≤ 5 s and ≤ 3× the same addition at 1,000, one edited or deleted ≤ 1 s, no-op ≤ 0.3 s, peak memory of
the whole build tree (PSS, search on) ≤ 1 GiB."""


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


@dataclass(frozen=True)
class Scenario:
    """The articles of one series: the project, the morning's additions, and which to edit and delete."""

    articles: list[BenchArticle]
    morning: list[BenchArticle]
    edited: BenchArticle
    deleted: BenchArticle


def scenario(articles: list[BenchArticle], extra: list[BenchArticle]) -> Scenario:
    """The daily-use scenario over `articles`, with `extra` as the morning's new articles."""
    edited = edit_target(articles)
    return Scenario(articles, morning_articles(articles, extra), edited, delete_target(articles, edited))


def briefgen_series(tools: Tools, master: Path, folder: Path, plan: Scenario,
                    cold_only: bool = False) -> dict[str, Any]:
    """The daily-use series (see STEPS) on a fresh copy of the project, each step measured."""
    project = fresh_copy(master, folder)
    command = tools.briefgen + (["--timings"] if tools.briefgen_timings else [])

    def step(label: str) -> dict[str, Any]:
        return asdict(run_checked(f"briefgen {label}", command, project, tools.briefgen_env))

    series: dict[str, Any] = {"cold": step("cold")}
    series["html_pages"] = sum(1 for _ in (project / "site").rglob("*.html"))
    if not cold_only:
        series["noop"] = step("no-op")
        edit_one_sentence(project, plan.edited)
        series["edit"] = step("one edit")
        add_articles(project, plan.morning)
        series["add"] = step(f"{len(plan.morning)} added")
        delete_article(project, plan.deleted)
        series["delete"] = step("one deleted")
    shutil.rmtree(project)
    return series


def serve_series(tools: Tools, master: Path, folder: Path, plan: Scenario, count: int) -> dict[str, Any]:
    """`briefgen serve` on a fresh copy: save one article `count` times, timing each save to the reloaded page."""
    project = fresh_copy(master, folder)
    command = tools.briefgen[:-1]  # "python -m briefgen", without "build"
    article = project / "content" / f"{plan.edited.name}.md"
    result = measure_reloads(command, tools.briefgen_env, project, article, f"articles/{plan.edited.slug}.html",
                             count, say)
    shutil.rmtree(project)
    return result


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
    """Medians of one briefgen series (see STEPS) and its memory."""
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
    """Every target the run can be held against, with its value and verdict."""
    values: dict[str, float] = {}
    small, large, pelican = result["small"], result.get("large"), result.get("pelican")
    if pelican:
        for step in ("cold", "noop", "edit"):
            key = "cold_vs_pelican" if step == "cold" else f"{step}_vs_pelican_cold"
            if f"{step}_s" in small:
                values[key] = small[f"{step}_s"] / pelican["cold_s"]
    if result.get("serve"):
        values["serve_reload_s"] = statistics.median(result["serve"]["seconds"])
    if large:
        for step in ("add", "edit", "delete", "noop"):
            if f"{step}_s" in large:
                values[f"large_{step}_s"] = large[f"{step}_s"]
        if "add_s" in large and "add_s" in small:
            values["large_add_vs_small_add"] = large["add_s"] / small["add_s"]
        values["large_memory_mib"] = large["tree_peak_mib"] or large["max_rss_mib"]
    return {key: {"value": value, "target": TARGETS[key], "verdict": verdict(value, TARGETS[key])}
            for key, value in values.items()}


STEP_LABELS = {"cold": "cold build", "noop": "no-op rebuild", "edit": "one article edited",
               "add": f"{MORNING_ARTICLES} articles added", "delete": "one article deleted"}


def table(result: dict[str, Any]) -> str:
    """The result as a small plain-text table."""
    small, large = result["small"], result.get("large")
    sizes = f"{small['articles']:,}" + (f" and {large['articles']:,}" if large else "")
    lines = [
        f"briefgen {result['briefgen_version']} ({result['checkout']['commit']}"
        f"{', uncommitted changes' if result['checkout']['dirty'] else ''}), {sizes} articles "
        f"({result['corpus']['bbc']} BBC, {result['corpus']['reuters']} Reuters, "
        f"{result['corpus']['words']:,} words in all), {small['repeats']} repeats, "
        f"{result['machine']['cpus']} CPUs, {result['date']}",
        "",
        f"{'':34}{'median s':>10}{'CPU s':>9}   runs (s)",
    ]

    def row(label: str, runs: list[dict[str, Any]], step: str, median: float, cpu: float) -> None:
        shown = " ".join(f"{r[step]['wall_s']:.2f}" for r in runs)
        lines.append(f"{label:34}{median:10.2f}{cpu:9.2f}   {shown}")

    for name, summary in (("small", small), ("large", large)):
        if not summary:
            continue
        for step in STEPS:
            if f"{step}_s" in summary:
                row(f"{summary['articles']:,}: {STEP_LABELS[step]}", result["runs"][name], step,
                    summary[f"{step}_s"], summary[f"{step}_cpu_s"])
        if name == "small" and result.get("pelican"):
            p = result["pelican"]
            row(f"{small['articles']:,}: Pelican {result['pelican_version']} cold", result["runs"]["pelican"],
                "cold", p["cold_s"], p["cold_cpu_s"])
            lines.append(f"{'cold CPU time ratio':34}{small['cold_cpu_s'] / p['cold_cpu_s']:10.3f}   "
                         "(briefgen/Pelican; less sensitive to other load, blind to parallelism)")
    if result.get("serve"):
        serve = result["serve"]
        lines.append(f"{small['articles']:,}: serve, save to reloaded page"
                     f"{statistics.median(serve['seconds']):6.2f}            "
                     + " ".join(f"{x:.2f}" for x in serve["seconds"]) + f"   ({serve['how']})")
    for summary in (small, large):
        if not summary:
            continue
        tree = f", whole process tree {summary['tree_peak_mib']:.0f} MiB" if summary["tree_peak_mib"] else ""
        lines.append(f"{summary['articles']:,}: peak memory{'':19}{summary['max_rss_mib']:6.0f} MiB largest process"
                     f"{tree}")
        lines.append(f"{'':34}largest processes: {summary['largest_processes']}")
        lines.append(f"{'':34}CPU by process (cold build): {summary['cold_cpu_by_process']}")
    if result.get("pelican"):
        lines.append(f"{'Pelican peak memory':34}{result['pelican']['max_rss_mib']:10.0f} MiB")
    loads = [r[step]["load_before"] for rs in result["runs"].values() for r in rs for step in STEPS if step in r]
    if result.get("serve"):
        loads.append(result["serve"]["load_before"])
    lines.append(f"{'1-min load before runs':34}{min(loads):10.1f} to {max(loads):.1f} (other work on the machine)")
    lines.append("")
    for name, check in result["checks"].items():
        lines.append(f"{name:34}{check['value']:10.3f}   target ≤ {check['target']}: {check['verdict']}")
    for summary in (small, large):
        if not summary:
            continue
        for step in STEPS:
            stages = summary.get(f"{step}_stages_s")
            if stages:
                split = ", ".join(f"{n} {s:.2f}" for n, s in stages.items())
                lines.append(f"stages at {summary['articles']:,}, {STEP_LABELS[step]} (median s): {split}")
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
    parser.add_argument("--cold-only", action="store_true", help="only briefgen's cold builds, no daily steps")
    parser.add_argument("--baseline-articles", type=int, default=1000,
                        help="when --articles is larger, also run the series on this many (with Pelican and "
                             "serve) in the same run (default 1000; 0: only --articles)")
    parser.add_argument("--serve-edits", type=int, default=5,
                        help="saves timed under `briefgen serve` on the smaller project (default 5; 0: none)")
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
    pool = sample_articles(args.articles + MORNING_ARTICLES, args.corpus)
    articles, extra = pool[: args.articles], pool[args.articles :]
    small_count = args.baseline_articles if 0 < args.baseline_articles < args.articles else args.articles
    small = scenario(articles[:small_count], extra)
    large = scenario(articles, extra) if small_count < args.articles else None
    runs: dict[str, list[dict[str, Any]]] = {"small": [], "large": [], "pelican": []}
    serve: dict[str, Any] | None = None
    try:
        write_briefgen_project(small.articles, work / "small-master")
        if large:
            write_briefgen_project(large.articles, work / "large-master")
        if tools.pelican:
            write_pelican_project(small.articles, work / "pelican-master")
        for repeat in range(1, args.repeats + 1):
            say(f"repeat {repeat} of {args.repeats}")
            runs["small"].append(briefgen_series(tools, work / "small-master", work / "small", small, args.cold_only))
            if tools.pelican:
                runs["pelican"].append(pelican_cold(tools, work / "pelican-master", work / "pelican", small_count))
            if large:
                runs["large"].append(briefgen_series(tools, work / "large-master", work / "large", large,
                                                     args.cold_only))
        if args.serve_edits:
            serve = serve_series(tools, work / "small-master", work / "serve", small, args.serve_edits)
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
        "corpus": {"bbc": sum(a.name.startswith("bbc/") for a in pool),
                   "reuters": sum(a.name.startswith("reuters/") for a in pool),
                   "words": sum(len(a.body.split()) for a in pool)},
        "small": series_summary(runs["small"], small_count),
        "large": series_summary(runs["large"], len(articles)) if runs["large"] else None,
        "pelican": pelican_summary(runs["pelican"]) if runs["pelican"] else None,
        "serve": serve,
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
