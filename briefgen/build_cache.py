"""What the previous build saw and made, so that the next one redoes only what changed.

The cache lives in `.briefgen-cache/` beside config.yaml. It is keyed by everything that
shapes the output besides the articles themselves: briefgen's version and analysis code,
config.yaml, the templates and the build options. Any change there throws it away.
Articles are recognised by path, modification time and size; site files likewise, so a
hand-edited or deleted site/ file forces a full build too.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.article import Article
from briefgen.config import Config
from briefgen.errors import Problem

CACHE_DIR = ".briefgen-cache"
FORMAT = 1
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
ANALYSIS_CODE = ("summarise.py", "summary_*.py", "sentence*.py", "extract/*.py", "data/*")
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
    parts: list[Any] = [FORMAT, __version__, code_digest, sorted(options.items()), repr(config), config_bytes,
                        _tree_signature(config.templates_dir), _tree_signature(theme)]
    digest.update(pickle.dumps(parts))
    return digest.hexdigest()


def site_signatures(site_dir: Path) -> dict[str, Signature]:
    """Signatures of every file in the site folder."""
    return {name: (mtime, size) for name, mtime, size in _tree_signature(site_dir)}


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def load_state(root: Path, key: str) -> BuildState | None:
    """The previous build's state, if it was made with the same key and still reads."""
    state = _load(root / CACHE_DIR / "state.pickle")
    return state if isinstance(state, BuildState) and state.key == key else None


def load_cached_articles(root: Path, key: str) -> dict[str, CachedArticle]:
    """The previous build's articles and analyses (the large part of the cache), if made with `key`."""
    stored = _load(root / CACHE_DIR / "articles.pickle")
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key and isinstance(stored[1], dict):
        return stored[1]
    return {}


def save_state(root: Path, state: BuildState, articles: dict[str, CachedArticle]) -> None:
    """Store the state atomically; a cache that cannot be written only costs speed next time."""
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        if not (folder / ".gitignore").exists():
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")
        for name, value in (("articles.pickle", (state.key, articles)), ("state.pickle", state)):
            tmp = folder / f"{name}.{os.getpid()}.tmp"
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, folder / name)
    except OSError:
        pass
