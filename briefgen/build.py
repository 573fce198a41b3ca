"""The whole build, top to bottom: find, read, analyse, check, render, publish, write back."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.article import Analysis, Article
from briefgen.build_cache import (
    CACHE_DIR,
    BuildState,
    CachedArticle,
    analysis_code_digest,
    load_cached_articles,
    load_state,
    save_state,
    signature,
    site_signatures,
    state_key,
)
from briefgen.config import Config
from briefgen.content import find_article_files, load_articles, shown_path, unknown_keys
from briefgen.errors import BriefgenError, Problem, counted
from briefgen.project_lock import project_lock, remove_leftovers
from briefgen.publish import publish, refuse_foreign_site, stage_files
from briefgen.records import contract_record
from briefgen.search_index import index_site
from briefgen.site import THEME
from briefgen.site.entries import Entry
from briefgen.site.urls import article_url, slugify
from briefgen.write_back import CHANGED_MEANWHILE, PlannedWrite, WriteBack, plan_front_matter

if TYPE_CHECKING:
    from briefgen.analyse import Outcome, Progress


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
    """Seconds per stage: load, analyse (wall), summarise_cpu and extract_cpu (CPU summed over workers),
    render, write, search_index (which overlaps front_matter, the write-back to content/)."""
    notes: tuple[str, ...] = ()
    """Things worth saying that are not warnings (not errors under --strict)."""
    details: tuple[str, ...] = ()
    """What each stage did and what each analysed article holds (`--verbose`)."""

    def summary_line(self) -> str:
        """"built 5 articles, 12 pages (3 files changed), front matter written for 2 articles, 0 warnings in 0.40 s"."""
        changed = f"{counted(self.changed_files, 'file')} changed" if self.changed_files else "no file changed"
        return (
            f"built {counted(self.articles, 'article')}, {counted(self.pages, 'page')} ({changed}), "
            f"front matter written for {counted(self.written_articles, 'article')}, "
            f"{counted(len(self.warnings), 'warning')} in {self.seconds:.2f} s"
        )

    def as_data(self) -> dict[str, Any]:
        """The report for machines (`build --json`)."""
        return {
            "ok": True, "articles": self.articles, "pages": self.pages, "files_changed": self.changed_files,
            "front_matter_written": self.written_articles, "seconds": round(self.seconds, 3),
            "stages": {stage: round(seconds, 3) for stage, seconds in self.stages},
            "errors": [], "warnings": [w.as_data() for w in self.warnings], "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Analysed:
    """An article with its analysis and the machine block to store for it."""

    article: Article
    analysis: Analysis
    block: dict[str, Any]
    sentences: tuple[tuple[int, int], ...]
    stored: bool
    """True when the block is the one already in the file (nothing to write)."""

    @property
    def added(self) -> int | None:
        """Number of the build that first analysed the article (stored in its block)."""
        value = self.block.get("added")
        return value if isinstance(value, int) and not isinstance(value, bool) else None


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
            problems.append(Problem(f"same URL {article_url(slug)} as {other}; set a different 'slug'", art.path, 1))
            continue
        owners[slug] = art
        slugs[art.path] = slug
    return slugs, problems


def number_arrivals(items: list[Analysed]) -> tuple[list[Analysed], int | None]:
    """Give articles analysed for the first time the next build number; return the number that is "new".

    An article keeps its number when re-analysed. The front page marks as new the articles of
    the latest number, unless every article has it (a first build marks nothing).
    """
    known = [item.article.machine.get("added") for item in items if item.article.machine]
    latest = max((n for n in known if isinstance(n, int) and not isinstance(n, bool)), default=0)
    out: list[Analysed] = []
    arrived = False
    for item in items:
        if item.added is None and not item.stored:
            previous = item.article.machine.get("added") if item.article.machine else None
            if not isinstance(previous, int) or isinstance(previous, bool):
                previous, arrived = latest + 1, True
            fingerprint, *rest = item.block.items()
            item = dataclasses.replace(item, block=dict([fingerprint, ("added", previous), *rest]))
        out.append(item)
    newest = latest + 1 if arrived else latest
    numbers = {item.added for item in out}
    return out, newest if len(numbers) > 1 and newest in numbers else None


def article_warnings(items: list[Analysed], config: Config) -> list[Problem]:
    """Things worth a look but not fatal (errors under --strict)."""
    warnings: list[Problem] = []
    for item in items:
        art = item.article
        warnings += unknown_keys(art, config.front_matter_keys)
        if art.date is None:
            warnings.append(Problem("no publication date: relative dates cannot be resolved", art.path, 1, True))
        unresolved = [d.text for d in item.analysis.figures.dates if d.value is None]
        if unresolved and art.date is not None:
            shown = ", ".join(repr(t) for t in unresolved[:3])
            warnings.append(Problem(f"dates that could not be resolved: {shown}", art.path, art.body_line, True))
    return warnings


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


def read_or_reuse(
    files: list[Path], config: Config, previous: dict[str, CachedArticle]
) -> tuple[list[Article], list[Outcome | None], list[Problem]]:
    """Articles from the previous build where the file is unchanged, else read from disk (outcome None)."""
    articles: list[Article] = []
    outcomes: list[Outcome | None] = []
    problems: list[Problem] = []
    for path in files:
        cached = previous.get(shown_path(path, config.root).as_posix())
        if cached is not None and cached.signature == signature(path):
            articles.append(cached.article)
            outcomes.append(cached.outcome)
            continue
        found, found_problems = load_articles([path], config.content_dir, config.root,
                                              config.default_date == "fs")
        articles += found
        outcomes += [None] * len(found)
        problems += found_problems
    return articles, outcomes, problems


def build_project(
    config: Config, *, write: bool = True, strict: bool = False, jobs: int | None = None,
    progress: Progress | None = None, drafts: bool = False,
) -> BuildReport:
    """Build the site from content/; raise BriefgenError with every problem, having changed nothing.

    `drafts` publishes drafts too (for `serve --drafts`; the pages mark them as drafts).
    """
    with project_lock(config.root / CACHE_DIR):
        remove_leftovers(config.content_dir, config.site_dir)
        report = build_locked(config, write=write, strict=strict, jobs=jobs, progress=progress, drafts=drafts)
    if not config.base_url:
        report = dataclasses.replace(report, notes=(*report.notes, NO_BASE_URL))
    return report


NO_BASE_URL = ("base_url is not set (config.yaml, $BRIEFGEN_BASE_URL or --base-url): "
               "the feed and the sitemap were not written, and pages have no canonical address")


def analysis_line(item: Analysed) -> str:
    """What a fresh analysis found in one article, for `--verbose`."""
    figures = item.analysis.figures
    return (f"{item.article.path}: analysed: {counted(len(item.analysis.summary), 'summary sentence')}, "
            f"{counted(len(figures.troops), 'troop count')}, {counted(len(figures.dates), 'date')}, "
            f"{counted(len(figures.officials), 'official')}")


def build_locked(config: Config, *, write: bool, strict: bool, jobs: int | None, progress: Progress | None,
                 drafts: bool = False) -> BuildReport:
    """The build itself, run while holding the project's lock."""
    clock = Stopwatch()
    if not config.content_dir.is_dir():
        raise BriefgenError(Problem(f"the content folder {config.content_dir} does not exist: create it, "
                                    "or set content_dir in config.yaml", config.path))
    refuse_foreign_site(config)
    write = write and config.write_front_matter
    key = state_key(config, {"write": write, "strict": strict, "drafts": drafts}, analysis_code_digest(), THEME)
    files, skipped = find_article_files(config.content_dir, config.root)
    if strict and skipped:
        raise BriefgenError([dataclasses.replace(p, warning=False) for p in skipped])
    state = load_state(config.root, key, len(files))
    if state is not None and nothing_changed(state, files, config):
        clock.lap("load")
        pages = sum(1 for name in state.site if name.endswith(".html"))
        return BuildReport(len(state.page_inputs), pages, 0, 0, (*skipped, *state.warnings),
                           time.perf_counter() - clock.started, tuple(clock.stages.items()))
    # Loaded only now: a build with nothing to do should not pay for sumy, numpy and Jinja.
    from briefgen.analyse import analyse_all
    from briefgen.site.pages import render_site
    from briefgen.site.render import override_warnings

    previous = load_cached_articles(config.root, key, files) if state is not None else {}
    articles, known, problems = read_or_reuse(files, config, previous)
    slugs, slug_problems = assign_slugs(articles)
    problems += slug_problems
    clock.lap("load")
    todo = [a for a, o in zip(articles, known, strict=True) if o is None]
    fresh = iter(analyse_all(todo, config, jobs or default_jobs(), progress))
    outcomes = [o if o is not None else next(fresh) for o in known]
    clock.lap("analyse")
    clock.stages["summarise_cpu"] = sum(o.summarise_seconds for o in outcomes)  # cached outcomes count 0
    clock.stages["extract_cpu"] = sum(o.extract_seconds for o in outcomes)
    problems += [o.problem for o in outcomes if o.problem and not o.problem.warning]
    analysed = [
        Analysed(art, o.analysis, o.block, o.sentences, o.block is art.machine)
        for art, o in zip(articles, outcomes, strict=True)
    ]
    analysed, newest = number_arrivals(analysed)
    warnings = [o.problem for o in outcomes if o.problem and o.problem.warning] + article_warnings(analysed, config)
    planned, unwritten = plan_front_matter([(a.article, a.block) for a in analysed if not a.stored], config.root,
                                           keep_mtime=config.default_date == "fs") if write else ([], [])
    warnings += unwritten
    if strict:
        problems += [Problem(w.message, w.path, w.line) for w in warnings]
    if problems:
        raise BriefgenError(problems)
    entries = [
        Entry(a.article, a.analysis, slugs[a.article.path], a.sentences, newest is not None and a.added == newest)
        for a in analysed if drafts or not a.article.draft
    ]
    sources = page_sources(entries, config)
    unchanged = {
        url for url, source in sources.items()
        if state and state.page_inputs.get(url) == source and signature(config.site_dir / url) == state.site.get(url)
    }
    indexed, render_rest = render_site(config, entries, skip=unchanged)
    warnings += override_warnings(config)
    clock.lap("render")
    finish = Finish(config, planned, write, clock, render_rest)
    changed = publish(config.site_dir, indexed, finish, keep=unchanged, companion=finish.write_back)
    warnings += finish.write_back.warnings + finish.problems
    edited = {p.path for p in unwritten + finish.write_back.warnings if p.message == CHANGED_MEANWHILE}
    remember(config, key, analysed, outcomes, entries, tuple(warnings), {p.path for p in unwritten}, edited)
    clock.lap("write")
    pages = sum(1 for name in [*indexed, *finish.rest, *unchanged] if name.endswith(".html"))
    details = (f"read {counted(len(todo), 'article')} from content/, "
               f"{counted(len(articles) - len(todo), 'article')} unchanged since the previous build",
               *(analysis_line(a) for a, o in zip(analysed, known, strict=True) if o is None),
               f"rendered {counted(len(indexed) + len(finish.rest), 'file')}, "
               f"{counted(len(unchanged), 'article page')} kept as they were; {counted(changed, 'file')} changed in "
               f"{config.site_dir.name}/; front matter written for {counted(finish.write_back.written, 'article')}")
    return BuildReport(len(entries), pages, changed, finish.write_back.written, (*skipped, *warnings),
                       time.perf_counter() - clock.started, tuple(clock.stages.items()), details=details)


class Finish:
    """Once the article pages are staged: Pagefind indexes them while the other pages are rendered and
    staged and the front matter is written back (only after every page rendered without error)."""

    def __init__(self, config: Config, planned: list[PlannedWrite], write: bool, clock: Stopwatch,
                 render_rest: Callable[[], dict[str, bytes]]) -> None:
        self.config, self.planned, self.write, self.clock = config, planned, write, clock
        self.render_rest = render_rest
        self.rest: dict[str, bytes] = {}
        self.write_back = WriteBack()
        """The front matter, staged beside the articles and committed by `publish` with the site."""
        self.problems: list[Problem] = []

    def meanwhile(self, staging: Path) -> None:
        """Render and stage the other pages, then store the analyses in content/ (each timed)."""
        started = time.perf_counter()
        self.rest = self.render_rest()
        rendered = time.perf_counter()
        stage_files(staging, self.config.site_dir, self.rest)
        staged = time.perf_counter()
        if self.write:
            self.write_back.stage(self.planned)
        self.clock.stages["render_rest"] = rendered - started
        self.clock.stages["stage_rest"] = staged - rendered
        self.clock.stages["front_matter"] = time.perf_counter() - staged

    def __call__(self, staging: Path) -> None:
        self.clock.lap("write")
        if not self.config.search:
            self.meanwhile(staging)
            return
        problem = index_site(staging, self.config.site_dir, meanwhile=lambda: self.meanwhile(staging))
        if problem:
            self.problems.append(problem)
        self.clock.lap("search_index")


def nothing_changed(state: BuildState, files: list[Path], config: Config) -> bool:
    """True when every article file and every site file is as the previous build left it."""
    current = {shown_path(p, config.root).as_posix(): p for p in files}
    if current.keys() != state.articles.keys():
        return False
    if any(signature(path) != state.articles[name] for name, path in current.items()):
        return False
    return site_signatures(config.site_dir) == state.site


def remember(config: Config, key: str, analysed: list[Analysed], outcomes: list[Outcome], entries: list[Entry],
             warnings: tuple[Problem, ...], unwritten: set[Path | None], changed: set[Path | None]) -> None:
    """Save what this build saw (articles as now on disk, with their stored blocks) for the next one.

    Articles whose block could not be stored keep the block they had; those that changed while the
    build ran are not remembered, so that the next build reads them again.
    """
    articles: dict[str, CachedArticle] = {}
    for item, outcome in zip(analysed, outcomes, strict=True):
        path = config.root / item.article.path
        sig = signature(path)
        if sig is None or item.article.path in changed:
            continue
        # the block as now stored in the file: the next build must see article and outcome share it
        # (unless it could not be stored: then the next build tries again, and warns again)
        stored = item.block if item.article.path not in unwritten else item.article.machine
        article = dataclasses.replace(item.article, machine=stored)
        kept = dataclasses.replace(outcome, block=item.block, summarise_seconds=0.0, extract_seconds=0.0)
        articles[item.article.path.as_posix()] = CachedArticle(sig, article, kept)
    signatures = {name: cached.signature for name, cached in articles.items()}
    save_state(config.root, BuildState(key, signatures, site_signatures(config.site_dir),
                                       page_sources(entries, config), warnings), articles)


def page_sources(entries: list[Entry], config: Config) -> dict[str, str]:
    """Article page -> the article file (path and signature) it is rendered from."""
    return {e.url: f"{e.article.path.as_posix()}:{signature(config.root / e.article.path)}" for e in entries}


def extract_records(
    config: Config, paths: list[Path], jobs: int | None = None
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The contract records for the given files or folders (default: the content folder), and warnings."""
    from briefgen.analyse import analyse_all

    articles: list[Article] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    for given in paths or [config.content_dir]:
        folder, files = given.parent, [given]
        if given.is_dir():
            folder, (files, skipped_here) = given, find_article_files(given, config.root)
            skipped += skipped_here
        found, found_problems = load_articles(files, folder, Path.cwd(), config.default_date == "fs")
        articles += found
        problems += found_problems
    outcomes = analyse_all(articles, config, jobs or default_jobs())
    problems += [o.problem for o in outcomes if o.problem and not o.problem.warning]
    if problems:
        raise BriefgenError(problems)
    records = [contract_record(a, o.analysis, a.path.as_posix()) for a, o in zip(articles, outcomes, strict=True)]
    return records, skipped + [o.problem for o in outcomes if o.problem and o.problem.warning]
