"""The whole build, top to bottom: find, read, analyse, check, render, publish, write back."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.article import Analysis, Article
from briefgen.config import Config
from briefgen.content import find_article_files, load_articles, scan_content, unknown_keys
from briefgen.dependencies import CACHE_DIR, Dependencies, Plan, Record, signature
from briefgen.errors import BriefgenError, Problem, counted
from briefgen.project_lock import project_lock, remove_leftovers
from briefgen.publish import MARKER, SiteChanges, finish_interrupted_commit, refuse_foreign_site
from briefgen.records import contract_record
from briefgen.site.urls import article_url, slugify
from briefgen.write_back import CHANGED_MEANWHILE, TEMPORARY, WriteBack, plan_front_matter

if TYPE_CHECKING:
    from briefgen.analyse import Outcome, Progress
    from briefgen.site.entries import Entry
    from briefgen.site.pages import Page


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
    work: tuple[tuple[str, int], ...] = ()
    """How much each stage did: articles read and analysed, pages rendered, files changed, search segments
    indexed (the measure of an incremental build's work, which tests hold against the size of a change)."""

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
            "work": dict(self.work),
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


def read_or_reuse(files: list[Path], names: list[str], plan: Plan, deps: Dependencies, config: Config
                  ) -> tuple[list[Article], list[Outcome | None], list[Problem], int, dict[str, Record]]:
    """Every article, in `files` order (`names`: their names in the scan): the previous build's record where the
    file is unchanged, else read from disk (outcome None). Also returns how many were read, and the records reused."""
    unchanged = set(plan.unchanged)
    stored = deps.records([name for path, name in zip(files, names, strict=True) if path in unchanged]
                          ) if unchanged else {}
    to_read = set(plan.changed) if stored is not None else set(files)
    articles: list[Article] = []
    outcomes: list[Outcome | None] = []
    problems: list[Problem] = []
    for path, name in zip(files, names, strict=True):
        record = None if path in to_read or stored is None else stored[name]
        if record is not None:
            articles.append(record.article)
            outcomes.append(record.outcome)
            continue
        found, found_problems = load_articles([path], config.content_dir, config.root,
                                              config.default_date == "fs")
        articles += found
        outcomes += [None] * len(found)
        problems += found_problems
    return articles, outcomes, problems, len(to_read), stored or {}


def build_project(
    config: Config, *, write: bool = True, strict: bool = False, jobs: int | None = None,
    progress: Progress | None = None, drafts: bool = False, search_later: bool = False,
) -> BuildReport:
    """Build the site from content/; raise BriefgenError with every problem, having changed nothing.

    `drafts` publishes drafts too (for `serve --drafts`; the pages mark them as drafts). `search_later` leaves
    the search index as it is (`serve` shows the pages at once, then builds again to bring search up to date).
    """
    with project_lock(config.root / CACHE_DIR):
        finish_interrupted_commit(config.site_dir, config.root / CACHE_DIR)
        with collector_paused():
            report = build_locked(config, write=write, strict=strict, jobs=jobs, progress=progress, drafts=drafts,
                                  search_later=search_later)
    if not config.base_url:
        report = dataclasses.replace(report, notes=(*report.notes, NO_BASE_URL))
    return report


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the length of a build, then let it run as before.

    A build of a large archive holds millions of objects (its records and page models) that live until
    it ends, and the collector walks all of them again and again as they are made: at 20,000 articles
    that was 40% of an incremental build. The build's own data has few cycles; what it leaves behind is
    collected once the collector runs again (in `serve`, before the next build).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def collector_running() -> Iterator[None]:
    """Run the cycle collector inside a paused build (around forking analysis workers), with the objects made so
    far frozen: neither this process's collections nor the workers' walk them."""
    was_enabled = gc.isenabled()
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()
        gc.unfreeze()


NO_BASE_URL = ("base_url is not set (config.yaml, $BRIEFGEN_BASE_URL or --base-url): "
               "the feed and the sitemap were not written, and pages have no canonical address")


def analysis_line(item: Analysed) -> str:
    """What a fresh analysis found in one article, for `--verbose`."""
    figures = item.analysis.figures
    return (f"{item.article.path}: analysed: {counted(len(item.analysis.summary), 'summary sentence')}, "
            f"{counted(len(figures.troops), 'troop count')}, {counted(len(figures.dates), 'date')}, "
            f"{counted(len(figures.officials), 'official')}")


def build_locked(config: Config, *, write: bool, strict: bool, jobs: int | None, progress: Progress | None,
                 drafts: bool = False, search_later: bool = False) -> BuildReport:
    """The build itself, run while holding the project's lock."""
    clock = Stopwatch()
    if not config.content_dir.is_dir():
        raise BriefgenError(Problem(f"the content folder {config.content_dir} does not exist: create it, "
                                    "or set content_dir in config.yaml", config.path))
    refuse_foreign_site(config)
    write = write and config.write_front_matter
    deps = Dependencies(config.root, config, {}, {"strict": strict, "drafts": drafts}, write, not search_later)
    scan = scan_content(config.content_dir, config.root, TEMPORARY)
    remove_leftovers(config.content_dir, config.site_dir, scan.leftovers)
    skipped = scan.skipped
    if strict and skipped:
        raise BriefgenError([dataclasses.replace(p, warning=False) for p in skipped])
    deps.load(len(scan.names))
    plan = deps.plan(scan)
    if plan.nothing_to_do and deps.state is not None:  # (state.json only: index.json is not even read)
        clock.lap("load")
        return BuildReport(deps.state.published, deps.state.pages, 0, 0, (*skipped, *deps.state.warnings),
                           time.perf_counter() - clock.started, tuple(clock.stages.items()))
    files = scan.paths
    # Loaded only now: a build with nothing to do should not pay for numpy, the analysers and Jinja.
    from briefgen.analyse import analyse_all
    from briefgen.site.entries import Entry
    from briefgen.site.render import override_warnings

    articles, known, problems, read, reused = read_or_reuse(files, scan.names, plan, deps, config)
    slugs, slug_problems = assign_slugs(articles)
    problems += slug_problems
    clock.lap("load")
    todo = [a for a, o in zip(articles, known, strict=True) if o is None]
    with collector_running():  # forked analysis workers make much garbage of their own
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
    left_alone = {p.path for p in unwritten}
    # a record is new when the article was read again, or when this build gave it its arrival number, or its
    # block is now written into the file; the others are the records read, as they were
    records: dict[str, Record] = {}
    renewed: set[str] = set()
    for a, o, k in zip(analysed, outcomes, known, strict=True):
        name = a.article.path.as_posix()
        written = write and a.article.path not in left_alone
        if k is not None and a.block is o.block and _machine(a, written) is reused[name].article.machine:
            records[name] = reused[name]
        else:
            records[name] = _record(a, o, written)
            renewed.add(name)
    changes = SiteChanges(config.site_dir, config.root / CACHE_DIR)
    write_back = WriteBack()
    try:
        site = render_changes(config, deps, plan, entries, records, renewed, changes, clock, not search_later)
        warnings += override_warnings(config) + site.problems
        write_back.stage(planned)
        clock.lap("front_matter")
    except BaseException:
        changes.abandon()
        write_back.discard()
        raise
    changed = changes.commit(write_back)
    warnings += write_back.warnings
    edited = {p.path for p in unwritten + write_back.warnings if p.message == CHANGED_MEANWHILE}
    # an article saved by an editor while the build ran is not remembered: the next build reads it again
    kept = {name: record for name, record in records.items() if record.article.path not in edited}
    # a file this build did not read or write is as the scan found it (and as the previous build left it)
    scanned = dict(zip(scan.names, scan.signatures, strict=True))
    signatures = {name: signature(config.root / name) if name in renewed else scanned.get(name) for name in kept}
    deps.record({name: (sig, kept[name]) for name, sig in signatures.items() if sig is not None}, renewed,
                site.made_from, site.digests, tuple(warnings), site.pages, len(entries),
                None if changes.fresh_site else (changes.written, changes.removed))
    clock.lap("write")
    details = (f"read {counted(read, 'article')} from content/, "
               f"{counted(len(articles) - read, 'article')} unchanged since the previous build",
               *(analysis_line(a) for a, o in zip(analysed, known, strict=True) if o is None),
               f"rendered {counted(site.rendered, 'page')} of {site.pages}; {counted(changed, 'file')} changed in "
               f"{config.site_dir.name}/; front matter written for {counted(write_back.written, 'article')}")
    work = (("read", read), ("records_read", deps.records_read), ("analysed", len(todo)),
            ("rendered", site.rendered), ("files_changed", changed),
            ("search_pending", int(config.search and search_later)),
            ("segments_indexed", site.segments_indexed), ("front_matter_written", write_back.written))
    return BuildReport(len(entries), site.pages, changed, write_back.written, (*skipped, *warnings),
                       time.perf_counter() - clock.started, tuple(clock.stages.items()), details=details, work=work)


def _machine(item: Analysed, written: bool) -> dict[str, Any] | None:
    """The machine block the article's file holds after this build."""
    return item.block if written or item.stored else item.article.machine


def _record(item: Analysed, outcome: Outcome, written: bool) -> Record:
    """What to store for an article: as on disk after this build, so with its block once that is written back
    (then the article and the outcome share the block, which tells the next build there is nothing to write)."""
    article = dataclasses.replace(item.article, machine=_machine(item, written))
    return Record(article, dataclasses.replace(outcome, block=item.block, summarise_seconds=0.0, extract_seconds=0.0))


@dataclass(frozen=True)
class SiteWork:
    """What rendering the site did, for the report and for the next build."""

    made_from: dict[str, str]
    digests: dict[str, str]
    pages: int
    """HTML pages the site has."""
    rendered: int
    segments_indexed: int
    problems: list[Problem]
    """Warnings (the search index could not be made)."""


def entry_versions(deps: Dependencies, entries: list[Entry], records: dict[str, Record], renewed: set[str]
                   ) -> dict[str, str]:
    """For each article key, a digest of what pages show of it: its record, its slug and its new mark."""
    versions: dict[str, str] = {}
    for entry in entries:
        record = deps.version_of(entry.key, records[entry.key], entry.key in renewed)
        versions[entry.key] = f"{record}:{entry.slug}:{int(entry.new)}"
    return versions


def render_changes(config: Config, deps: Dependencies, plan: Plan, entries: list[Entry], records: dict[str, Record],
                   renewed: set[str], changes: SiteChanges, clock: Stopwatch, search: bool = True) -> SiteWork:
    """Render the pages that are out of date, stage the files whose bytes change, and bring search up to date.

    Every template error of every page is collected and raised together, before anything is staged for good.
    """
    from briefgen.errors import BriefgenError as Failure
    from briefgen.site.pages import render_pages, site_pages
    from briefgen.site.render import PageWriter, static_files

    pages = site_pages(config, entries)
    versions = entry_versions(deps, entries, records, renewed)
    work = deps.outdated(pages, versions, plan.site_intact)
    clock.lap("plan")
    writer = PageWriter(config)
    if deps.site_key not in _ENVIRONMENTS:  # compiled templates, kept for `serve`'s next build
        _ENVIRONMENTS.clear()
        _ENVIRONMENTS[deps.site_key] = writer.env
    writer.env = _ENVIRONMENTS[deps.site_key]
    digests = dict(work.digests)
    for page in work.render:  # one at a time, staged at once: memory does not grow with the site
        render_pages(writer, [page])
        data = writer.files.pop(page.url, None)
        if data is not None and not writer.problems:
            changes.write(page.url, data)
            digests[page.url] = hashlib.sha256(data).hexdigest()[:24]
    if writer.problems:
        raise Failure(writer.problems)
    wanted = {page.url for page in pages} | {MARKER}
    for relative, data in static_files(config).items():
        changes.write(relative, data)
        wanted.add(relative)
    clock.lap("render")
    problems: list[Problem] = []
    indexed = 0
    if config.search and search:
        problem, search_files, indexed = update_search(config, deps, pages, entries, digests, changes)
        problems += [problem] if problem else []
        wanted |= search_files
        clock.lap("search_index")
    now = deps.site_now if deps.site_now is not None else {}
    for relative in sorted(now):
        if relative not in wanted and not relative.startswith(f"{SEARCH_FOLDER}/"):
            changes.remove(relative)
    if not config.search or (search and SEARCH_FOLDER not in {w.split("/")[0] for w in wanted}):
        changes.remove(SEARCH_FOLDER)
    html_pages = sum(1 for url in wanted if url.endswith(".html"))
    return SiteWork(work.made_from, digests, html_pages, len(work.render), indexed, problems)


SEARCH_FOLDER = "pagefind"
_ENVIRONMENTS: dict[str, Any] = {}
"""The Jinja environment (with its compiled templates) of each site key this process rendered with."""


def update_search(config: Config, deps: Dependencies, pages: list[Page], entries: list[Entry],
                  digests: dict[str, str], changes: SiteChanges) -> tuple[Problem | None, set[str], int]:
    """Re-index the segments of the search index whose pages changed; return a warning, the files of the index and
    how many segments were indexed."""
    from briefgen import search_index as search

    dates = {e.key: e.article.date.isoformat() if e.article.date else "" for e in entries}
    indexed = [search.IndexedPage(p.url, min((dates[k] for k in p.inputs), default=""), digests[p.url])
               for p in pages if p.indexed]
    if not indexed:
        return None, set(), 0
    segments = search.cut_segments(indexed)
    now = deps.site_now if deps.site_now is not None else {}
    recorded = deps.state.site if deps.state is not None else {}
    plan = search.plan_segments(segments, now, recorded)

    def html(url: str) -> bytes:
        return changes.current(url) or b""

    writer = search.SegmentWriter(changes)
    problem = writer.write(plan.stale, html) if plan.stale else None
    if problem is not None:
        return problem, set(), len(plan.stale)
    return None, search.finish_bundles(segments, plan, writer), len(plan.stale)


def extract_records(
    config: Config, paths: list[Path], jobs: int | None = None
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The contract records for the given files or folders (default: the content folder), and warnings."""
    from briefgen.analyse import analyse_all

    articles: list[Article] = []
    problems: list[Problem] = []
    skipped: list[Problem] = []
    for given in paths or [config.content_dir]:
        given = given.absolute()  # the files found under a folder are absolute: so must the folder be
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
