"""Micro-benchmark: milliseconds per 1,000 words of the summariser and each extractor, on one core.

    python bench/extractors.py --articles 300 --repeats 5

Imports briefgen from this checkout and runs summarise, find_dates, find_troops and
find_officials over corpus articles (alternately BBC and Reuters, with their dates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus import CORPUS, REPO_ROOT, BenchArticle, sample_articles

TARGETS_MS = {"dates": 5.0, "troops+officials": 5.0, "summary": 10.0}
"""Milliseconds per 1,000 words, from the project's speed budget."""


@dataclass(frozen=True)
class Timed:
    """One function's cost over the sample: median over repeats, and its slowest article."""

    name: str
    ms_per_kword: float
    runs: tuple[float, ...]
    slowest_article: str
    slowest_ms_per_kword: float


Task = Callable[[BenchArticle], object]


def tasks(method: str, sentences: int) -> dict[str, Task]:
    """The functions under test (briefgen of this checkout), each applied to one article as the build does."""
    # One core means one thread too: numpy (used by some summarisers) must not start a BLAS pool,
    # so the variables are set before briefgen (and numpy) are first imported.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    sys.path.insert(0, str(REPO_ROOT))
    from briefgen.extract.dates import find_dates
    from briefgen.extract.officials import find_officials
    from briefgen.extract.troops import find_troops
    from briefgen.summarise import summarise

    return {
        "summary": lambda a: summarise(a.body, title=a.title, method=method, sentences=sentences),
        "dates": lambda a: find_dates(a.body, a.date),
        "troops": lambda a: find_troops(a.body, a.date),
        "officials": lambda a: find_officials(a.body, a.date),
    }


def pin_to_one_core() -> str:
    """Run on a single CPU where the system allows it; say which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def time_task(task: Task, articles: list[BenchArticle], repeats: int) -> tuple[list[float], list[float]]:
    """Seconds per repeat over all articles, and each article's best seconds over the repeats."""
    totals: list[float] = []
    best = [float("inf")] * len(articles)
    for _ in range(repeats):
        total = 0.0
        for i, article in enumerate(articles):
            started = time.perf_counter()
            task(article)
            spent = time.perf_counter() - started
            total += spent
            best[i] = min(best[i], spent)
        totals.append(total)
    return totals, best


def timed(name: str, totals: list[float], best: list[float], articles: list[BenchArticle]) -> Timed:
    """Turn raw seconds into ms per 1,000 words."""
    kwords = sum(len(a.body.split()) for a in articles) / 1000
    runs = tuple(1000 * t / kwords for t in totals)
    per_article = [1000 * s / (len(a.body.split()) / 1000) for s, a in zip(best, articles, strict=True)]
    worst = max(range(len(articles)), key=per_article.__getitem__)
    return Timed(name, statistics.median(runs), runs, articles[worst].name, per_article[worst])


def main(argv: list[str] | None = None) -> int:
    """Time every function, print ms per 1,000 words with the targets."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="corpus articles to run over (default 300)")
    parser.add_argument("--repeats", type=int, default=5, help="passes over the sample (default 5)")
    parser.add_argument("--method", default="editor", help="summary method (default editor, the build's default)")
    parser.add_argument("--sentences", type=int, default=3, help="summary sentences (default 3)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    pinned = pin_to_one_core()
    articles = [a for a in sample_articles(args.articles, args.corpus) if a.body.split()]
    words = sum(len(a.body.split()) for a in articles)
    functions = tasks(args.method, args.sentences)
    for task in functions.values():
        task(articles[0])  # warm up: imports, compiled patterns, lazily loaded word lists
    results: dict[str, Timed] = {}
    raw: dict[str, tuple[list[float], list[float]]] = {}
    for name, task in functions.items():
        raw[name] = time_task(task, articles, args.repeats)
        results[name] = timed(name, *raw[name], articles)
    pair = [a + b for a, b in zip(raw["troops"][0], raw["officials"][0], strict=True)]
    pair_best = [a + b for a, b in zip(raw["troops"][1], raw["officials"][1], strict=True)]
    results["troops+officials"] = timed("troops+officials", pair, pair_best, articles)
    every = [sum(raw[n][0][i] for n in functions) for i in range(args.repeats)]
    every_best = [sum(raw[n][1][i] for n in functions) for i in range(len(articles))]
    results["all four"] = timed("all four", every, every_best, articles)
    print(f"{len(articles)} articles, {words:,} words ({words / len(articles):.0f} per article), "
          f"{args.repeats} repeats, one core ({pinned}), summary method {args.method!r}, "
          f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}")
    print(f"\n{'':18}{'ms/1k words':>12}  {'target':>12}  {'runs':24}slowest article (ms/1k words)")
    for name, result in results.items():
        target = TARGETS_MS.get(name)
        mark = (f"≤ {target:g} {'met' if result.ms_per_kword <= target else 'NOT met'}") if target else ""
        runs = " ".join(f"{r:.2f}" for r in result.runs)
        print(f"{name:18}{result.ms_per_kword:12.2f}  {mark:>12}  {runs:24}"
              f"{result.slowest_article} ({result.slowest_ms_per_kword:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
