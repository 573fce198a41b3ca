"""What the previous build saw and made, so that the next one redoes only what changed.

The cache lives in `.briefgen-cache/` beside config.yaml. It is keyed by everything that
shapes the output besides the articles themselves: briefgen's version and analysis code,
config.yaml, the templates and the build options. Any change there throws it away.
Articles are recognised by path, modification time and size; site files likewise, so a
hand-edited or deleted site/ file forces a full build too. The files are JSON (cache_format.py),
checked before use: a cache that is not exactly what briefgen writes only makes a cold build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.article import Article
from briefgen.cache_format import (
    CacheInvalid,
    article_from_json,
    article_to_json,
    expect,
    pair_from_json,
    problem_from_json,
    problem_to_json,
    read_json,
    value_from_json,
    value_to_json,
    write_json,
)
from briefgen.config import Config
from briefgen.errors import Problem
from briefgen.records import RecordError, analysis_from_data, analysis_to_data

CACHE_DIR = ".briefgen-cache"
FORMAT = 2
"""Bumped when the cache's layout changes."""

Signature = tuple[int, int]
"""(modification time in ns, size) of a file."""


@dataclass(frozen=True)
class CachedArticle:
    """An article as the previous build read and analysed it."""

    signature: Signature
    article: Article
    outcome: Any
    """The analyse.Outcome (kept untyped here so this module need not import the analysers)."""


@dataclass(frozen=True)
class BuildState:
    """The previous build's inputs and outputs (small: a no-op build reads only this)."""

    key: str
    articles: dict[str, Signature]
    """Signature of every article file, by path relative to the project root, after write-back."""
    site: dict[str, Signature]
    """Every file of the published site."""
    page_inputs: dict[str, str]
    """Article page path -> the article signature it was rendered from."""
    warnings: tuple[Problem, ...]


def signature(path: Path) -> Signature | None:
    """(mtime_ns, size), or None when the file is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _tree_signature(folder: Path) -> list[tuple[str, int, int]]:
    if not folder.is_dir():
        return []
    out = []
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            sig = signature(path)
            if sig:
                out.append((path.relative_to(folder).as_posix(), *sig))
    return sorted(out)


PACKAGE = Path(__file__).parent
ANALYSIS_CODE = ("analyse.py", "records.py", "summarise.py", "summary_*.py", "text/*.py", "extract/*.py", "data/*")
"""The files whose contents decide what analysis produces."""


@functools.cache
def analysis_code_digest() -> str:
    """A digest of the analysis code and data, so that any change to them invalidates stored analyses."""
    digest = hashlib.sha256(__version__.encode())
    for pattern in ANALYSIS_CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def state_key(config: Config, options: dict[str, Any], code_digest: str, theme: Path) -> str:
    """A digest of everything besides the articles that shapes a build's output."""
    digest = hashlib.sha256()
    config_bytes = config.path.read_bytes() if config.path and config.path.is_file() else b""
    parts: list[Any] = [FORMAT, __version__, code_digest, sorted(options.items()), repr(config),
                        hashlib.sha256(config_bytes).hexdigest(), _tree_signature(config.templates_dir),
                        _tree_signature(theme)]
    digest.update(json.dumps(parts).encode())
    return digest.hexdigest()


def site_signatures(site_dir: Path) -> dict[str, Signature]:
    """Signatures of every file in the site folder."""
    return {name: (mtime, size) for name, mtime, size in _tree_signature(site_dir)}


def _state_to_json(state: BuildState) -> dict[str, Any]:
    return {
        "format": FORMAT, "key": state.key,
        "articles": {name: list(sig) for name, sig in state.articles.items()},
        "site": {name: list(sig) for name, sig in state.site.items()},
        "page_inputs": state.page_inputs,
        "warnings": [problem_to_json(p) for p in state.warnings],
    }


def _signatures(data: Any, what: str) -> dict[str, Signature]:
    expect(data, dict, what)
    return {name: pair_from_json(sig, what) for name, sig in data.items()}


def _state_from_json(data: Any, key: str) -> BuildState:
    expect(data, dict, "state")
    if data.get("format") != FORMAT or data.get("key") != key:
        raise CacheInvalid("made by another version or with other settings")
    inputs = expect(data.get("page_inputs"), dict, "page_inputs")
    return BuildState(
        key,
        _signatures(data.get("articles"), "articles"),
        _signatures(data.get("site"), "site"),
        {name: expect(source, str, "page_inputs") for name, source in inputs.items()},
        tuple(problem_from_json(p) for p in expect(data.get("warnings"), list, "warnings")),
    )


_SAME_AS_BLOCK = "the block"


def _cached_to_json(cached: CachedArticle) -> dict[str, Any]:
    outcome, machine = cached.outcome, cached.article.machine
    # the block usually is the article's machine block (the one in the file): stored once, and read back
    # as one object, since the build compares them by identity
    return {
        "signature": list(cached.signature), "article": article_to_json(cached.article),
        "block": value_to_json(outcome.block),
        "machine": _SAME_AS_BLOCK if machine is outcome.block else value_to_json(machine),
        "analysis": analysis_to_data(outcome.analysis),
        "problem": None if outcome.problem is None else problem_to_json(outcome.problem),
        "sentences": [list(span) for span in outcome.sentences],
    }


def _cached_from_json(data: Any) -> CachedArticle:
    from briefgen.analyse import Outcome  # the analysers' module: only loaded when there is work to do

    expect(data, dict, "cached article")
    block = expect(value_from_json(data.get("block")), dict, "block")
    stored = data.get("machine")
    machine = block if stored == _SAME_AS_BLOCK else expect(value_from_json(stored), (dict, type(None)), "machine")
    problem = data.get("problem")
    try:
        analysis = analysis_from_data(data.get("analysis"))
    except RecordError as exc:
        raise CacheInvalid(str(exc)) from exc
    outcome = Outcome(analysis, block, None if problem is None else problem_from_json(problem),
                      tuple(pair_from_json(span, "sentences") for span in expect(data.get("sentences"), list, "")))
    return CachedArticle(pair_from_json(data.get("signature"), "signature"),
                         article_from_json(data.get("article"), machine), outcome)


STATE_FILE = "state.json"
ARTICLES_FILE = "articles.json"
_FIXED_ALLOWANCE = 1 << 20
_STATE_BYTES_PER_ARTICLE = 16 << 10
_ARTICLES_BYTES_PER_CONTENT_BYTE = 16
"""The cache files may not be larger than this (else they are ignored): a cache far larger than the
content it describes is not ours, and reading it would only cost memory."""
_CACHE_PROBLEMS = (CacheInvalid, RecursionError, KeyError, TypeError, ValueError)


def load_state(root: Path, key: str, article_count: int) -> BuildState | None:
    """The previous build's state, if it was made with the same key and reads back as written."""
    limit = _FIXED_ALLOWANCE + _STATE_BYTES_PER_ARTICLE * article_count
    try:
        return _state_from_json(read_json(root / CACHE_DIR / STATE_FILE, limit), key)
    except _CACHE_PROBLEMS:
        return None


def load_cached_articles(root: Path, key: str, files: list[Path]) -> dict[str, CachedArticle]:
    """The previous build's articles and analyses (the large part of the cache), if made with `key`."""
    content_bytes = sum(sig[1] for sig in map(signature, files) if sig)
    limit = _FIXED_ALLOWANCE + _ARTICLES_BYTES_PER_CONTENT_BYTE * content_bytes
    try:
        data = expect(read_json(root / CACHE_DIR / ARTICLES_FILE, limit), dict, "articles")
        if data.get("format") != FORMAT or data.get("key") != key:
            return {}
        stored = expect(data.get("articles"), dict, "articles")
        articles = {name: _cached_from_json(item) for name, item in stored.items()}
    except _CACHE_PROBLEMS:
        return {}
    # the write-back writes to the article's path: it must be the file the entry is stored for
    if any(cached.article.path.as_posix() != name or not f"/{name}".endswith(f"/{cached.article.relpath}")
           for name, cached in articles.items()):
        return {}
    return articles


def save_state(root: Path, state: BuildState, articles: dict[str, CachedArticle]) -> None:
    """Store the state atomically; a cache that cannot be written only costs speed next time."""
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        if not (folder / ".gitignore").exists():
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")
        for stale in ("state.pickle", "articles.pickle"):  # the format before JSON: never read again
            (folder / stale).unlink(missing_ok=True)
        stored = {name: _cached_to_json(cached) for name, cached in articles.items()}
        write_json(folder / ARTICLES_FILE, {"format": FORMAT, "key": state.key, "articles": stored})
        write_json(folder / STATE_FILE, _state_to_json(state))
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):  # no state then: the next build is a cold one, never a wrong one
            (folder / STATE_FILE).unlink(missing_ok=True)
