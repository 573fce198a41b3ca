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
from itertools import zip_longest
from pathlib import Path

from corpus import CORPUS, REPO_ROOT, BenchArticle, bbc_articles, reuters_articles

MIN_WORDS_FOR_SLOWEST = 100
TARGETS_MS = {"dates": 5.0, "troops+officials": 5.0, "summary": 10.0}
"""Milliseconds per 1,000 words, from the project's speed budget."""


@dataclass(frozen=True)
class Samples:
    """Raw seconds of one function: per repeat (CPU and wall clock), and each article's best CPU time."""

    cpu: list[float]
    wall: list[float]
    best: list[float]

    def __add__(self, other: Samples) -> Samples:
        """The cost of running two functions one after the other."""
        def add(a: list[float], b: list[float]) -> list[float]:
            return [x + y for x, y in zip(a, b, strict=True)]

        return Samples(add(self.cpu, other.cpu), add(self.wall, other.wall), add(self.best, other.best))


@dataclass(frozen=True)
class Timed:
    """One function's cost over the sample in ms per 1,000 words: medians over repeats, slowest article."""

    cpu_ms: float
    wall_ms: float
    runs: tuple[float, ...]
    slowest_article: str
    slowest_ms: float


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


def time_task(task: Task, articles: list[BenchArticle], repeats: int) -> Samples:
    """Run `task` over every article `repeats` times, timing each call by CPU and by wall clock."""
    samples = Samples([], [], [float("inf")] * len(articles))
    for _ in range(repeats):
        cpu = wall = 0.0
        for i, article in enumerate(articles):
            started_cpu, started = time.process_time(), time.perf_counter()
            task(article)
            spent_cpu = time.process_time() - started_cpu
            wall += time.perf_counter() - started
            cpu += spent_cpu
            samples.best[i] = min(samples.best[i], spent_cpu)
        samples.cpu.append(cpu)
        samples.wall.append(wall)
    return samples


def timed(samples: Samples, articles: list[BenchArticle]) -> Timed:
    """Turn raw seconds into ms per 1,000 words."""
    words = [len(a.body.split()) for a in articles]
    kwords = sum(words) / 1000
    runs = tuple(1000 * t / kwords for t in samples.cpu)
    per_article = [1e6 * s / n for s, n in zip(samples.best, words, strict=True)]
    # Below 100 words the fixed cost per call dominates a per-word figure; look for slow patterns above it.
    long_enough = [i for i, n in enumerate(words) if n >= MIN_WORDS_FOR_SLOWEST] or list(range(len(words)))
    worst = max(long_enough, key=per_article.__getitem__)
    return Timed(statistics.median(runs), statistics.median(1000 * t / kwords for t in samples.wall), runs,
                 articles[worst].name, per_article[worst])


def spread_sample(count: int, corpus: Path) -> list[BenchArticle]:
    """Half BBC, half Reuters, each half evenly spaced over its whole collection, alternating."""
    halves = [list(bbc_articles(corpus)), list(reuters_articles(corpus))]
    picked = [pool[:: max(1, len(pool) // n)][:n] for pool, n in zip(halves, (count // 2, count - count // 2),
                                                                     strict=True)]
    return [a for pair in zip_longest(*picked) for a in pair if a is not None]


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
    articles = spread_sample(args.articles, args.corpus)
    words = sum(len(a.body.split()) for a in articles)
    functions = tasks(args.method, args.sentences)
    for task in functions.values():
        task(articles[0])  # warm up: imports, compiled patterns, lazily loaded word lists
    raw = {name: time_task(task, articles, args.repeats) for name, task in functions.items()}
    raw["troops+officials"] = raw["troops"] + raw["officials"]
    raw["all four"] = raw["summary"] + raw["dates"] + raw["troops+officials"]
    bbc = sum(a.name.startswith("bbc/") for a in articles)
    print(f"{len(articles)} articles ({bbc} BBC, {len(articles) - bbc} Reuters, each evenly spread), {words:,} words "
          f"({words / len(articles):.0f} per article), {args.repeats} repeats, one core ({pinned}), "
          f"summary method {args.method!r}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}")
    print("CPU milliseconds per 1,000 words (median over repeats); wall clock beside it, "
          "which other work on the machine inflates")
    print(f"\n{'':18}{'CPU ms':>8}{'wall ms':>9}  {'target':16}{'CPU runs':32}"
          "slowest article of 100+ words (CPU ms/1k)")
    for name, samples in raw.items():
        result = timed(samples, articles)
        target = TARGETS_MS.get(name)
        mark = (f"≤ {target:g} {'met' if result.cpu_ms <= target else 'NOT met'}") if target else ""
        runs = " ".join(f"{r:.2f}" for r in result.runs)
        print(f"{name:18}{result.cpu_ms:8.2f}{result.wall_ms:9.2f}  {mark:16}{runs:32}"
              f"{result.slowest_article} ({result.slowest_ms:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
