"""The whole build, top to bottom: find, read, analyse, check, render, publish, write back."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.analyse import analyse_or_reuse
from briefgen.article import Analysis, Article
from briefgen.config import Config
from briefgen.content import find_article_files, load_articles, shown_path, write_atomically
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


def analyse_articles(articles: list[Article], config: Config) -> tuple[list[Analysed], list[Problem]]:
    """Analyse (or reuse the stored analysis of) every article."""
    done: list[Analysed] = []
    problems: list[Problem] = []
    for art in articles:
        analysis, block, problem = analyse_or_reuse(art, config)
        if problem:
            problems.append(problem)
        done.append(Analysed(art, analysis, block))
    return done, problems


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
        path = config.root / item.article.path
        original = path.read_bytes()
        text = original.decode("utf-8")
        parts = split(text)
        updated = join(with_machine_block(parts, dump_machine_block(item.block, parts.newline))).encode("utf-8")
        if updated != original:
            write_atomically(path, updated)
            written += 1
    return written


def build_project(config: Config, *, write: bool = True, strict: bool = False, quiet: bool = False) -> BuildReport:
    """Build the site from content/; raise BriefgenError with every problem, having changed nothing."""
    started = time.perf_counter()
    files = find_article_files(config.content_dir, config.root)
    articles, problems = load_articles(files, config.content_dir, config.root)
    slugs, slug_problems = assign_slugs(articles)
    problems += slug_problems
    analysed, analysis_problems = analyse_articles(articles, config)
    problems += analysis_problems
    warnings = article_warnings(analysed)
    if strict:
        problems += [Problem(w.message, w.path, w.line) for w in warnings]
    if problems:
        raise BriefgenError(problems)
    published = [a for a in analysed if not a.article.draft]
    entries = [Entry(a.article, a.analysis, slugs[a.article.path]) for a in published]
    site_files = render_site(config, entries)
    search_problems: list[Problem] = []

    def add_search_index(staging: Path) -> None:
        problem = index_site(staging)
        if problem:
            search_problems.append(problem)

    changed = publish(config.site_dir, site_files, add_search_index)
    warnings += search_problems
    written = write_front_matter(analysed, config) if write and config.write_front_matter else 0
    pages = sum(1 for name in site_files if name.endswith(".html"))
    return BuildReport(len(entries), pages, changed, written, tuple(warnings), time.perf_counter() - started)


def extract_records(config: Config, paths: list[Path]) -> list[dict[str, Any]]:
    """The contract records for the given files or folders (default: the content folder)."""
    pairs: list[tuple[Path, Path]] = []
    for given in paths or [config.content_dir]:
        if given.is_dir():
            pairs += [(path, given) for path in find_article_files(given, config.root)]
        else:
            pairs.append((given, given.parent))
    records = []
    problems: list[Problem] = []
    for path, folder in pairs:
        articles, found = load_articles([path], folder, Path.cwd())
        problems += found
        for art in articles:
            analysis, _, problem = analyse_or_reuse(art, config)
            if problem:
                problems.append(problem)
            records.append(contract_record(art, analysis, shown_path(path, Path.cwd()).as_posix()))
    if problems:
        raise BriefgenError(problems)
    return records
