"""What every output of the previous build was made from, so that the next build redoes only what changed.

Like Sphinx's environment (`env.dependencies`, `get_outdated_files`) and Hugo's dependency tracking,
this module is the one place that decides what is out of date. A build asks it twice, first which
articles must be read again (`plan`, before anything is read), then which pages must be rendered
again (`outdated`, once the page list is known), and tells it once what it made (`record`).

What a build depends on, and how a change is noticed:

- **briefgen, the analysis settings and the build options** (`records_key`): briefgen's version, a
  digest of its analysis code and data, `config.analysis_settings()`, the content folder and the
  options. Any change and every article is read and analysed afresh (analyses still come back from
  their fingerprint in the front matter when it matches).
- **everything else that shapes pages** (`site_key`): all of config.yaml, the project's templates,
  the theme and the site code. A change re-renders every page, but reuses the articles.
- **each article**: its file's modification time and size; `version`, a digest of what was read
  and analysed from it, names that state in the inputs of pages.
- **each page**: `made_from`, a digest of the site key, its URL and the versions of the articles it
  shows (`Page.inputs`) and what else it declares (`Page.extra`). A page is rendered again when
  that digest changes or its file is not as the build left it.
- **every file of the site**: its modification time and size, so that a file edited, added or
  deleted by hand makes the next build repair the site.

Storage, in `.briefgen-cache/`: `state.json`, small enough to read on every build (a no-op build
reads only this), and `records-N.jsonl`, one JSON line per article (the article, its analysis, its
stored block), of which a build reads only the lines it needs, by offset. New records are
appended; the log is rewritten without the dead lines when they outweigh the live ones. Every
value is checked on the way in (cache_format.py): a cache that is not exactly what briefgen writes
means a cold build, never a wrong one, and nothing in it can run code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.article import Article
from briefgen.cache_format import (
    CacheInvalid,
    article_from_json,
    article_to_json,
    expect,
    problem_from_json,
    problem_to_json,
    read_json,
    value_from_json,
    value_to_json,
    write_json,
)
from briefgen.config import Config
from briefgen.content import ContentScan
from briefgen.errors import Problem
from briefgen.records import RecordError, analysis_from_data, analysis_to_data

CACHE_DIR = ".briefgen-cache"
STATE_FILE = "state.json"
INDEX_FILE = "index.json"
LOG_PREFIX = "records-"
FORMAT = 4
"""Bumped when the cache's layout changes."""

Signature = tuple[int, int]
"""(modification time in ns, size) of a file."""

PACKAGE = Path(__file__).parent
ANALYSIS_CODE = ("analyse.py", "records.py", "summarise.py", "summary_*.py", "text/*.py", "extract/*.py", "data/*")
"""The files whose contents decide what analysis produces."""
SITE_CODE = ("site/*.py", "site/theme/**/*")
"""The files whose contents decide how pages look."""


def signature(path: Path) -> Signature | None:
    """(mtime_ns, size), or None when the file is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


UNCHECKED = re.compile(r"pagefind/s[0-9a-f]{16}/")
"""Folders whose files are only listed, not stat'ed, when checking the site: the search segments' bundles,
named by a digest of what they hold and never edited by hand (a third of a large site's files)."""


def tree_signatures(folder: Path, unchecked: re.Pattern[str] | None = None) -> dict[str, Signature]:
    """Every file under `folder` (links not followed) by its path relative to `folder`; files in folders
    matching `unchecked` get the signature (0, 0): listed, not stat'ed."""
    found: dict[str, Signature] = {}
    pending = [(str(folder), "", False)]
    while pending:
        directory, prefix, listed_only = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    inner = f"{prefix}{entry.name}/"
                    pending.append((entry.path, inner, listed_only or bool(unchecked and unchecked.fullmatch(inner))))
                    continue
                if listed_only:
                    found[prefix + entry.name] = (0, 0)
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found[prefix + entry.name] = (st.st_mtime_ns, st.st_size)
    return found


def _digest_files(patterns: Iterable[str]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for pattern in patterns:
        for path in sorted(PACKAGE.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@functools.cache
def analysis_code_digest() -> str:
    """A digest of the analysis code and data, so that any change to them invalidates stored analyses."""
    return _digest_files(ANALYSIS_CODE)


@functools.cache
def site_code_digest() -> str:
    """A digest of the site code and the built-in theme."""
    return _digest_files(SITE_CODE)


def _digest(parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _settings(config: Config) -> dict[str, Any]:
    """Every config value, paths relative to the project root: a project moved elsewhere keeps its cache."""
    settings: dict[str, Any] = {}
    for item in dataclasses.fields(config):
        value = getattr(config, item.name)
        if isinstance(value, Path):
            value = os.path.relpath(value, config.root)
        settings[item.name] = value
    settings.pop("root")
    return settings


def records_key(config: Config, options: Mapping[str, Any]) -> str:
    """What reading and analysing an article depends on besides the article itself."""
    return _digest([FORMAT, __version__, analysis_code_digest(), config.analysis_settings(),
                    os.path.relpath(config.content_dir, config.root), config.default_date, sorted(options.items())])


def site_key(config: Config, records: str, options: Mapping[str, Any]) -> str:
    """What rendering a page depends on besides the articles it shows."""
    config_bytes = config.path.read_bytes() if config.path and config.path.is_file() else b""
    templates = hashlib.sha256()
    for name in sorted(tree_signatures(config.templates_dir)) if config.templates_dir.is_dir() else []:
        with contextlib.suppress(OSError):
            templates.update(name.encode() + b"\0" + (config.templates_dir / name).read_bytes())
    return _digest([records, _settings(config), hashlib.sha256(config_bytes).hexdigest(), templates.hexdigest(),
                    site_code_digest(), sorted(options.items())])


@dataclass(frozen=True)
class StoredArticle:
    """What the previous build knew of one article file."""

    signature: Signature
    """The file as the build left it (after writing its front matter)."""
    version: str
    """A digest of the article's record: what pages made from the article saw."""
    offset: int
    length: int
    """Where its record is in the log."""


@dataclass(frozen=True)
class Record:
    """An article as a build read and analysed it: what the next build reuses when the file is unchanged."""

    article: Article
    outcome: Any
    """The analyse.Outcome (untyped here so that this module need not import the analysers)."""


@dataclass(frozen=True)
class State:
    """The previous build's `state.json`."""

    records_key: str
    site_key: str
    log: str
    """File name of the record log."""
    log_size: int
    """Bytes of the log that are live records (the rest is records replaced since)."""
    articles: dict[str, StoredArticle]
    site: dict[str, Signature]
    made_from: dict[str, str]
    digests: dict[str, str]
    """A digest of each page's bytes as written (the search index names its segments by them)."""
    warnings: tuple[Problem, ...]
    pages: int
    """HTML pages of the site."""
    published: int
    """Articles on the site (drafts are not)."""
    unwritten: int
    """Articles whose analysis is not written into their file yet (a build with --no-write made it)."""
    content_listing: str
    site_listing: str
    """Digests of the article files' and the site files' names and signatures: a no-op build compares these
    two, and reads `articles`, `site`, `made_from` and `digests` (index.json) only when one differs."""
    generation: int
    """Shared with index.json, which is written just before: a pair from two different builds is not used."""
    search_pending: bool = False
    """The build left the search index as it was (`serve` brings it up to date right after)."""


@dataclass(frozen=True)
class Plan:
    """What the project holds now compared with what the previous build saw."""

    nothing_to_do: bool
    changed: tuple[Path, ...]
    """Article files to read: new, or different from what the previous build saw."""
    unchanged: tuple[Path, ...]
    """Article files the previous build read as they are now: their records are reused."""
    removed: tuple[str, ...]
    site_intact: bool
    """Every file of the site is as the previous build left it, and no other file is there."""


@dataclass
class Outdated:
    """What the site needs this time: the pages to render and the files to remove."""

    render: list[Any] = field(default_factory=list)
    """The pages (site.pages.Page) whose inputs changed, or whose file is missing or was altered."""
    made_from: dict[str, str] = field(default_factory=dict)
    """What every page of this build is made from, to record."""
    digests: dict[str, str] = field(default_factory=dict)
    """The digest of the bytes of each page not rendered again (the build adds the rendered ones)."""
    gone: list[str] = field(default_factory=list)
    """Pages of the previous build that this one no longer has."""


class Dependencies:
    """The previous build's record of inputs and outputs, and this build's answers from it."""

    def __init__(self, root: Path, config: Config, record_options: Mapping[str, Any],
                 site_options: Mapping[str, Any], write: bool = True, search: bool = True) -> None:
        self.root = root
        self.write = write
        self.search = search
        self.folder = root / CACHE_DIR
        self.config = config
        self.records_key = records_key(config, record_options)
        self.site_key = site_key(config, self.records_key, site_options)
        self.state: State | None = None
        self.site_now: dict[str, Signature] | None = None
        self.log_read = False
        """True once this build read records from the log: only then is it appended to (else rewritten)."""
        self.records_read = 0
        """Records read from the log (not held from this process's previous build)."""

    def load(self, article_count: int) -> None:
        """Read state.json; anything unexpected (or another key) leaves `state` None: a cold build."""
        self.limit = (1 << 20) + (32 << 10) * max(article_count, 1)
        try:
            state = _state_from_json(read_json(self.folder / STATE_FILE, self.limit))
        except _CACHE_PROBLEMS:
            return
        if state.records_key == self.records_key:
            self.state = state

    def _load_index(self) -> None:
        """Read index.json into `state` (None when it is not the one state.json was written with)."""
        state = self.state
        assert state is not None
        try:
            data = expect(read_json(self.folder / INDEX_FILE, 4 * self.limit), dict, "index")
            if data.get("generation") != state.generation:
                raise CacheInvalid("index.json is from another build than state.json")
            state = _index_from_json(data, state)
        except _CACHE_PROBLEMS:
            self.state = None
            return
        if state.site_key != self.site_key:  # the articles still hold; every page is made again
            state = dataclasses.replace(state, made_from={}, digests={})
        self.state = state

    def plan(self, scan: ContentScan) -> Plan:
        """Which article files (from the scan of content/, with their signatures) to read again, and whether
        the build has anything to do at all."""
        signatures: dict[str, Signature | None] = dict(zip(scan.names, scan.signatures, strict=True))
        self.site_now = tree_signatures(self.config.site_dir, UNCHECKED)
        state = self.state
        if state is not None and (state.site_key == self.site_key and not (self.write and state.unwritten)
                                  and not (self.search and state.search_pending)
                                  and _listing(signatures) == state.content_listing
                                  and _listing(self.site_now) == state.site_listing):
            return Plan(True, (), (), (), True)
        files = scan.paths
        if state is not None:
            self._load_index()
            state = self.state
        if state is None:
            return Plan(False, tuple(files), (), (), False)
        changed: list[Path] = []
        unchanged: list[Path] = []
        for name, path in zip(scan.names, files, strict=True):
            stored = state.articles.get(name)
            (unchanged if stored is not None and signatures[name] == stored.signature else changed).append(path)
        removed = tuple(sorted(set(state.articles) - set(signatures)))
        return Plan(False, tuple(changed), tuple(unchanged), removed, self.site_now == state.site)

    def records(self, names: list[str]) -> dict[str, Record] | None:
        """The stored records of these articles; None when the log cannot be trusted (read them afresh).

        A process that builds again (`serve`) takes the records its previous build held, when their
        version is the one the index names, instead of reading them.
        """
        state = self.state
        if state is None:
            return None
        found: dict[str, Record] = {}
        for name in names:
            held = _HELD.get((name, state.articles[name].version))
            if held is not None:
                found[name] = held
        wanted = sorted((state.articles[name].offset, state.articles[name].length, name)
                        for name in names if name not in found)
        try:
            if not wanted:
                if not stat.S_ISREG(os.lstat(self.folder / state.log).st_mode):
                    raise CacheInvalid("the record log is not a regular file")
                raws = []
            else:
                with _open_log(self.folder / state.log) as log:
                    if sum(length for _, length, _ in wanted) * 2 > os.fstat(log.fileno()).st_size:
                        whole = log.read()  # most of the log is wanted: one read, then slices
                        raws = [whole[offset:offset + length] for offset, length, _ in wanted]
                    else:
                        raws = []
                        for offset, length, _ in wanted:
                            log.seek(offset)
                            raws.append(log.read(length))
            if any(len(raw) != length for raw, (_, length, _) in zip(raws, wanted, strict=True)):
                raise CacheInvalid("record log shorter than its index")
            parsed = json.loads(b"[" + b",".join(raws) + b"]")  # one parse for all: much faster than one each
            if not isinstance(parsed, list) or len(parsed) != len(wanted):
                raise CacheInvalid("records that do not parse one by one")
            for raw, data, (_, _, name) in zip(raws, parsed, wanted, strict=True):
                if _version(raw) != state.articles[name].version:
                    raise CacheInvalid("a record that is not the one its version names")
                record = _record_from_json(data)
                if record.article.path.as_posix() != name or not f"/{name}".endswith(f"/{record.article.relpath}"):
                    raise CacheInvalid("a record stored under another file's name")
                found[name] = record
        except (*_CACHE_PROBLEMS, OSError):
            return None
        self.log_read = True
        self.records_read = len(wanted)
        return found

    def outdated(self, pages: Iterable[Any], versions: Mapping[str, str], site_intact: bool) -> Outdated:
        """The pages to render: those made from other inputs than last time, or whose file is not as left.

        `versions` gives, for each article key, the version of what the pages show of it (its record
        and its place in the site: slug, new mark).
        """
        previous = self.state.made_from if self.state is not None else {}
        digests = self.state.digests if self.state is not None else {}
        recorded = self.state.site if self.state is not None else {}
        now = self.site_now if self.site_now is not None else tree_signatures(self.config.site_dir, UNCHECKED)
        answer = Outdated()
        by_inputs: dict[frozenset[str], str] = {}  # many pages show the same articles (all of them, a day's)
        for page in pages:
            inputs = by_inputs.get(page.inputs)
            if inputs is None:
                inputs = by_inputs[page.inputs] = inputs_digest(versions[k] for k in sorted(page.inputs))
            made_from = page_digest(self.site_key, page.url, f"{inputs}\0{page.extra}")
            answer.made_from[page.url] = made_from
            intact = site_intact or (page.url in recorded and now.get(page.url) == recorded[page.url])
            if previous.get(page.url) != made_from or not intact or page.url not in digests:
                answer.render.append(page)
            else:
                answer.digests[page.url] = digests[page.url]
        answer.gone = sorted(set(previous) - set(answer.made_from))
        return answer

    def record(self, records: Mapping[str, tuple[Signature, Record]], fresh: set[str], made_from: dict[str, str],
               digests: dict[str, str], warnings: tuple[Problem, ...], pages: int, published: int,
               site_changes: tuple[set[str], set[str]] | None = None) -> None:
        """Store what this build read and made, for the next one. A cache that cannot be written costs speed
        next time, never correctness: then there is no state, and the next build is a cold one."""
        state = self.state
        try:
            self.folder.mkdir(exist_ok=True)
            if not (self.folder / ".gitignore").exists():
                (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            stored, log, live = self._write_records(records, fresh)
            site = self._site_after(site_changes)
            unwritten = sum(1 for _, record in records.values() if record.article.machine is not record.outcome.block)
            generation = (state.generation + 1) if state is not None else 1
            new = State(self.records_key, self.site_key, log, live, stored, site, made_from, digests, warnings, pages,
                        published, unwritten, _listing({n: a.signature for n, a in stored.items()}), _listing(site),
                        generation, self.config.search and not self.search)
            write_json(self.folder / INDEX_FILE, _index_to_json(new))
            write_json(self.folder / STATE_FILE, _state_to_json(new))
            _HELD.clear()
            _HELD.update({(name, stored[name].version): record for name, (_, record) in records.items()})
            if state is not None and state.log != log:
                (self.folder / state.log).unlink(missing_ok=True)
            for stale in ("state.pickle", "articles.pickle", "articles.json"):  # earlier formats
                (self.folder / stale).unlink(missing_ok=True)
        except (OSError, TypeError, ValueError):
            with contextlib.suppress(OSError):
                (self.folder / STATE_FILE).unlink(missing_ok=True)

    def _site_after(self, site_changes: tuple[set[str], set[str]] | None) -> dict[str, Signature]:
        """The site's files now: the listing made at the start, with the files the commit wrote and removed
        (or a new listing, when there is none or the site was made afresh)."""
        if site_changes is None or self.site_now is None:
            return tree_signatures(self.config.site_dir, UNCHECKED)
        written, removed = site_changes
        site = dict(self.site_now)
        folders = [relative + "/" for relative in removed if site.pop(relative, None) is None]  # not a file: a folder
        if folders:
            for name in [n for n in site if n.startswith(tuple(folders))]:
                del site[name]
        for relative in written:
            if UNCHECKED.match(relative):
                site[relative] = (0, 0)
            else:
                sig = signature(self.config.site_dir / relative)
                if sig is not None:
                    site[relative] = sig
        return site

    def _write_records(self, records: Mapping[str, tuple[Signature, Record]], fresh: set[str]
                       ) -> tuple[dict[str, StoredArticle], str, int]:
        """Append the fresh records to the log, or write a new log when dead records outweigh live ones."""
        state = self.state
        kept = {name: state.articles[name] for name in records
                if state is not None and name not in fresh and name in state.articles}
        new = [(name, _record_bytes(records[name][1])) for name in sorted(records) if name not in kept]
        live = sum(entry.length + 1 for entry in kept.values()) + sum(len(raw) + 1 for _, raw in new)
        size = _size(self.folder / state.log) if state is not None and self.log_read else None
        stored: dict[str, StoredArticle] = {}
        if state is not None and size is not None and size + sum(len(raw) + 1 for _, raw in new) <= 2 * live:
            with (self.folder / state.log).open("ab") as fh:
                offset = fh.tell()
                for name, raw in new:
                    fh.write(raw + b"\n")
                    stored[name] = StoredArticle(records[name][0], _version(raw), offset, len(raw))
                    offset += len(raw) + 1
            for name, entry in kept.items():
                stored[name] = StoredArticle(records[name][0], entry.version, entry.offset, entry.length)
            return stored, state.log, live
        log = f"{LOG_PREFIX}{_log_number(state.log) + 1 if state is not None else 1}.jsonl"
        tmp = self.folder / f".{log}.{os.getpid()}.tmp"
        try:
            with tmp.open("wb") as fh:
                for name, raw in sorted([*new, *((name, _record_bytes(records[name][1])) for name in kept)]):
                    stored[name] = StoredArticle(records[name][0], _version(raw), fh.tell(), len(raw))
                    fh.write(raw + b"\n")
                written = fh.tell()
            os.replace(tmp, self.folder / log)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return stored, log, written

    def version_of(self, name: str, record: Record, fresh: bool) -> str:
        """The version of an article's record: stored for a reused one, computed for a fresh one."""
        if not fresh and self.state is not None and name in self.state.articles:
            return self.state.articles[name].version
        return _version(_record_bytes(record))


def inputs_digest(versions: Iterable[str]) -> str:
    """A digest of the versions of a page's inputs, in the order of their keys."""
    return hashlib.sha256("\0".join(versions).encode()).hexdigest()


def page_digest(key: str, url: str, inputs: str) -> str:
    """What a page is made from: the site key, its URL and the digest of its inputs' versions."""
    return hashlib.sha256(f"{key}\0{url}\0{inputs}".encode()).hexdigest()[:32]


_CACHE_PROBLEMS = (CacheInvalid, RecursionError, KeyError, TypeError, ValueError)
_HELD: dict[tuple[str, str], Record] = {}
"""The records of this process's latest build, by name and version (a `serve` process builds again and again)."""
MAX_RECORD_BYTES = 64 << 20
"""No record of an article (at most 5 MB of text) comes near this: a longer one is not ours."""


def forget_held_records() -> None:
    """Drop the records this process holds from its latest build (the next build reads them from the log)."""
    _HELD.clear()


def _version(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:24]


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _log_number(name: str) -> int:
    stem = name.removeprefix(LOG_PREFIX).removesuffix(".jsonl")
    return int(stem) if stem.isdigit() else 0


def _open_log(path: Path) -> Any:
    """The record log, opened without following links; a FIFO or device there is refused, never read."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise CacheInvalid("the record log is not a regular file")
    return os.fdopen(fd, "rb")


def _record_bytes(record: Record) -> bytes:
    outcome = record.outcome
    # article.machine (the block in the file) is outcome.block once written back: then it is stored once
    machine = record.article.machine
    # the analysis is the block's, but for an analysis that failed or a block that does not read: stored once
    try:
        same = analysis_from_data(outcome.block) == outcome.analysis
    except RecordError:
        same = False
    data = {
        "article": article_to_json(record.article), "block": value_to_json(outcome.block),
        "machine": "block" if machine is outcome.block else value_to_json(machine),
        "analysis": None if same else analysis_to_data(outcome.analysis),
        "problem": None if outcome.problem is None else problem_to_json(outcome.problem),
        "sentences": [list(span) for span in outcome.sentences],
    }
    return json.dumps(data, separators=(",", ":"), sort_keys=True).encode()


def _record_from_json(data: Any) -> Record:
    from briefgen.analyse import Outcome  # the analysers' module: only loaded when there is work to do

    expect(data, dict, "record")
    block = expect(value_from_json(data.get("block")), dict, "block")
    problem = data.get("problem")
    try:
        separate = data.get("analysis")
        analysis = analysis_from_data(block if separate is None else separate)
    except RecordError as exc:
        raise CacheInvalid(str(exc)) from exc
    spans = expect(data.get("sentences"), list, "sentences")
    # checked in bulk, not pair by pair: an archive's records hold hundreds of thousands of sentences
    if not all(type(span) is list and len(span) == 2 and type(span[0]) is int and type(span[1]) is int
               for span in spans):
        raise CacheInvalid("sentences: not pairs of numbers")
    outcome = Outcome(analysis, block, None if problem is None else problem_from_json(problem),
                      tuple((span[0], span[1]) for span in spans))
    stored = data.get("machine")
    machine = block if stored == "block" else expect(value_from_json(stored), (dict, type(None)), "machine")
    return Record(article_from_json(data.get("article"), machine), outcome)


def _signatures(data: Any, what: str) -> dict[str, Signature]:
    expect(data, dict, what)
    # checked in bulk, not value by value: a large site has tens of thousands of files
    if not all(type(sig) is list and len(sig) == 2 and type(sig[0]) is int and type(sig[1]) is int
               for sig in data.values()):
        raise CacheInvalid(f"{what}: not pairs of numbers")
    return {name: (sig[0], sig[1]) for name, sig in data.items()}


def _stored_article(data: Any) -> StoredArticle:
    if not isinstance(data, list) or len(data) != 5:
        raise CacheInvalid("articles: not five values")
    mtime, size, version, offset, length = data
    length = expect(length, int, "articles")
    if not 0 < length <= MAX_RECORD_BYTES or expect(offset, int, "articles") < 0:
        raise CacheInvalid("articles: a record out of bounds")
    return StoredArticle((expect(mtime, int, "articles"), expect(size, int, "articles")),
                         expect(version, str, "articles"), offset, length)


def _listing(signatures: Mapping[str, Signature | None]) -> str:
    """A digest of file names and signatures, in name order."""
    return hashlib.sha256(repr(sorted(signatures.items())).encode("utf-8", "surrogatepass")).hexdigest()


def _state_to_json(state: State) -> dict[str, Any]:
    return {
        "format": FORMAT, "records_key": state.records_key, "site_key": state.site_key,
        "log": state.log, "log_size": state.log_size, "pages": state.pages, "published": state.published,
        "unwritten": state.unwritten, "content_listing": state.content_listing, "site_listing": state.site_listing,
        "generation": state.generation, "warnings": [problem_to_json(p) for p in state.warnings],
        "search_pending": state.search_pending,
    }


def _index_to_json(state: State) -> dict[str, Any]:
    return {
        "generation": state.generation,
        "articles": {name: [*a.signature, a.version, a.offset, a.length] for name, a in state.articles.items()},
        "site": state.site,  # (mtime, size) pairs: JSON writes tuples as lists
        "made": {url: [made, state.digests[url]] for url, made in state.made_from.items()},
    }


def _state_from_json(data: Any) -> State:
    expect(data, dict, "state")
    if data.get("format") != FORMAT:
        raise CacheInvalid("made by another version")
    log = expect(data.get("log"), str, "log")
    if not (log.startswith(LOG_PREFIX) and log.endswith(".jsonl") and _log_number(log) > 0):
        raise CacheInvalid("log: not a record log's name")
    return State(
        expect(data.get("records_key"), str, "records_key"),
        expect(data.get("site_key"), str, "site_key"),
        log,
        expect(data.get("log_size"), int, "log_size"),
        {}, {}, {}, {},
        tuple(problem_from_json(p) for p in expect(data.get("warnings"), list, "warnings")),
        expect(data.get("pages"), int, "pages"),
        expect(data.get("published"), int, "published"),
        expect(data.get("unwritten"), int, "unwritten"),
        expect(data.get("content_listing"), str, "content_listing"),
        expect(data.get("site_listing"), str, "site_listing"),
        expect(data.get("generation"), int, "generation"),
        expect(data.get("search_pending"), bool, "search_pending"),
    )


def _index_from_json(data: dict[str, Any], state: State) -> State:
    made = expect(data.get("made"), dict, "made")
    if not all(isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in made.values()):
        raise CacheInvalid("made: not pairs of digests")
    articles = expect(data.get("articles"), dict, "articles")
    return dataclasses.replace(
        state,
        articles={expect(name, str, "articles"): _stored_article(item) for name, item in articles.items()},
        site=_signatures(data.get("site"), "site"),
        made_from={expect(url, str, "made"): pair[0] for url, pair in made.items()},
        digests={url: pair[1] for url, pair in made.items()},
    )
