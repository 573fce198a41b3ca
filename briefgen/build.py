"""The whole build, top to bottom: find, read, analyse, check, render, publish, write back."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.analyse import analyse_all
from briefgen.article import Analysis, Article
from briefgen.config import Config
from briefgen.content import find_article_files, load_articles, write_atomically
from briefgen.entries import Entry, slugify
from briefgen.errors import BriefgenError, Problem
from briefgen.frontmatter import dump_machine_block, join, split, with_machine_block
from briefgen.pages import render_site
from briefgen.publish import publish
from briefgen.records import contract_record
from briefgen.search_index import index_site


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the one-line report at the end."""

    articles: int
    pages: int
    changed_files: int
    written_articles: int
    warnings: tuple[Problem, ...]
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()
    """Seconds per stage: load, analyse (wall), summarise and extract (CPU summed over workers), render..."""

    def summary_line(self) -> str:
        """"built 5 articles, 12 pages (3 changed), wrote 2 articles, 0 warnings in 0.4 s"."""
        return (
            f"built {self.articles} articles, {self.pages} pages ({self.changed_files} files changed), "
            f"front matter written for {self.written_articles}, {len(self.warnings)} warnings "
            f"in {self.seconds:.2f} s"
        )


@dataclass(frozen=True)
class Analysed:
    """An article with its analysis and the machine block to store for it."""

    article: Article
    analysis: Analysis
    block: dict[str, Any]
    stored: bool
    """True when the block is the one already in the file (nothing to write)."""


def assign_slugs(articles: list[Article]) -> tuple[dict[Path, str], list[Problem]]:
    """A URL slug per article (front matter `slug`, else its path); two articles may not share one."""
    slugs: dict[Path, str] = {}
    owners: dict[str, Article] = {}
    problems: list[Problem] = []
    for art in articles:
        wanted = art.meta.get("slug")
        slug = slugify(str(wanted) if wanted else art.relpath.rsplit(".", 1)[0])
        if slug in owners:
            other = owners[slug].path
            problems.append(Problem(f"same URL articles/{slug}.html as {other}; set a different 'slug'", art.path, 1))
            continue
        owners[slug] = art
        slugs[art.path] = slug
    return slugs, problems


def article_warnings(items: list[Analysed]) -> list[Problem]:
    """Things worth a look but not fatal (errors under --strict)."""
    warnings: list[Problem] = []
    for item in items:
        art = item.article
        if art.date is None:
            warnings.append(Problem("no publication date: relative dates cannot be resolved", art.path, 1, True))
        unresolved = [d.text for d in item.analysis.figures.dates if d.value is None]
        if unresolved and art.date is not None:
            shown = ", ".join(repr(t) for t in unresolved[:3])
            warnings.append(Problem(f"dates that could not be resolved: {shown}", art.path, art.body_line, True))
    return warnings


def write_front_matter(items: list[Analysed], config: Config) -> int:
    """Store each analysis under the machine key; files whose bytes would not change are left alone."""
    written = 0
    for item in items:
        if item.stored:
            continue
        path = config.root / item.article.path
        original = path.read_bytes()
        text = original.decode("utf-8")
        parts = split(text)
        updated = join(with_machine_block(parts, dump_machine_block(item.block, parts.newline))).encode("utf-8")
        if updated != original:
            write_atomically(path, updated)
            written += 1
    return written


class Stopwatch:
    """Seconds spent per build stage, for `--timings` and the benchmark."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.last = self.started
        self.stages: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        """Charge the time since the previous lap to `stage`."""
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + now - self.last
        self.last = now


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_project(
    config: Config, *, write: bool = True, strict: bool = False, quiet: bool = False, jobs: int | None = None
) -> BuildReport:
    """Build the site from content/; raise BriefgenError with every problem, having changed nothing."""
    clock = Stopwatch()
    files = find_article_files(config.content_dir, config.root)
    articles, problems = load_articles(files, config.content_dir, config.root)
    slugs, slug_problems = assign_slugs(articles)
    problems += slug_problems
    clock.lap("load")
    outcomes = analyse_all(articles, config, jobs or default_jobs())
    clock.lap("analyse")
    clock.stages["summarise (cpu)"] = sum(o.summarise_seconds for o in outcomes)
    clock.stages["extract (cpu)"] = sum(o.extract_seconds for o in outcomes)
    problems += [o.problem for o in outcomes if o.problem]
    analysed = [
        Analysed(art, o.analysis, o.block, o.block is art.machine) for art, o in zip(articles, outcomes, strict=True)
    ]
    warnings = article_warnings(analysed)
    if strict:
        problems += [Problem(w.message, w.path, w.line) for w in warnings]
    if problems:
        raise BriefgenError(problems)
    published = [a for a in analysed if not a.article.draft]
    entries = [Entry(a.article, a.analysis, slugs[a.article.path]) for a in published]
    site_files = render_site(config, entries)
    clock.lap("render")
    search_problems: list[Problem] = []

    def add_search_index(staging: Path) -> None:
        clock.lap("write")
        problem = index_site(staging)
        if problem:
            search_problems.append(problem)
        clock.lap("search index")

    changed = publish(config.site_dir, site_files, add_search_index)
    warnings += search_problems
    written = write_front_matter(analysed, config) if write and config.write_front_matter else 0
    clock.lap("write")
    pages = sum(1 for name in site_files if name.endswith(".html"))
    return BuildReport(len(entries), pages, changed, written, tuple(warnings), time.perf_counter() - clock.started,
                       tuple(clock.stages.items()))


def extract_records(config: Config, paths: list[Path], jobs: int | None = None) -> list[dict[str, Any]]:
    """The contract records for the given files or folders (default: the content folder)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for given in paths or [config.content_dir]:
        folder, files = (given, find_article_files(given, config.root)) if given.is_dir() else (given.parent, [given])
        found, found_problems = load_articles(files, folder, Path.cwd())
        articles += found
        problems += found_problems
    outcomes = analyse_all(articles, config, jobs or default_jobs())
    problems += [o.problem for o in outcomes if o.problem]
    if problems:
        raise BriefgenError(problems)
    return [contract_record(a, o.analysis, a.path.as_posix()) for a, o in zip(articles, outcomes, strict=True)]
