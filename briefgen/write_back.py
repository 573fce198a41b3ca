"""The analyses written into content/ as one commit: every new file is first written beside its article,
and only when all are written are they renamed into place; any failure leaves every article as it was."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.article import Article
from briefgen.content import MAX_BYTES, read_regular_file
from briefgen.errors import BriefgenError, Problem
from briefgen.frontmatter import MACHINE_KEY, FrontMatterError, same_data, split, store_machine_block
from briefgen.safe_yaml import YamlRefused

TEMPORARY = re.compile(r"^\.briefgen-[a-z0-9_]{8}\.(?:tmp|bak)$")
"""Names of the write-back's temporary files and backups (short, whatever the article's name)."""
CHANGED_MEANWHILE = "the file changed while the build ran, so its analysis was not written into it; build again"


@dataclass(frozen=True)
class PlannedWrite:
    """The new bytes of an article file, and a digest of the bytes they were made from."""

    path: Path
    """The file to replace (for an article that is a link, the file it points to)."""
    shown: Path
    data: bytes
    original_digest: str
    keep_mtime: bool = False
    """Give the new file the old one's modification time (the article's date when `default_date: fs`)."""


def plan_front_matter(updates: list[tuple[Article, dict[str, Any]]], root: Path, keep_mtime: bool = False
                      ) -> tuple[list[PlannedWrite], list[Problem]]:
    """The new text of every article whose machine block changes, and warnings for those left alone.

    A file is left alone when its front matter cannot take the block without changing what the
    author wrote, or when it no longer holds what the build read (an editor saved it meanwhile).
    """
    planned: list[PlannedWrite] = []
    problems: list[Problem] = []
    for article, block in updates:
        path = root / article.path
        try:
            path = path.resolve(strict=True) if path.is_symlink() else path  # written through the link
            original = read_regular_file(path, MAX_BYTES)
            text = original.decode("utf-8")
            updated, before = store_machine_block(text, block)
        except FrontMatterError as exc:
            problems.append(Problem(exc.message, article.path, exc.line, warning=True))
            continue
        except (OSError, RuntimeError, ValueError, YamlRefused):  # gone, a loop, half-typed bytes or YAML
            problems.append(Problem(CHANGED_MEANWHILE, article.path, warning=True))
            continue
        before = before if isinstance(before, dict) else {}
        meta = {k: v for k, v in before.items() if k != MACHINE_KEY}
        if split(text).body != article.body or not same_data(meta, article.meta) \
                or not same_data(before.get(MACHINE_KEY), article.machine):
            problems.append(Problem(CHANGED_MEANWHILE, article.path, warning=True))
            continue
        data = updated.encode("utf-8")
        if data != original:
            planned.append(PlannedWrite(path, article.path, data, hashlib.sha256(original).hexdigest(), keep_mtime))
    return planned, problems


Signature = tuple[int, int, int]


def _signature(path: Path) -> Signature | None:
    """(inode, mtime_ns, size) of a file, None when it is gone: what tells that an editor saved it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


@dataclass(frozen=True)
class _Staged:
    """A planned write whose new bytes wait in a temporary file beside the article."""
    write: PlannedWrite
    temporary: Path
    checked: Signature
    """The article's signature when its bytes were last found to be the planned ones."""


class WriteBack:
    """Planned writes staged as temporary files beside their articles, then renamed into place together."""

    def __init__(self) -> None:
        self.staged: list[_Staged] = []
        self.warnings: list[Problem] = []
        """Articles left alone because they changed while the build ran."""
        self.written = 0

    def stage(self, planned: list[PlannedWrite]) -> None:
        """Write every new file to a temporary beside its article; on failure remove them all and raise."""
        for write in planned:
            try:
                self._stage(write)
            except OSError as exc:
                self.discard()
                raise BriefgenError(Problem(f"cannot write the analysis into this file: {exc.strerror}",
                                            write.shown)) from exc

    def _stage(self, write: PlannedWrite) -> None:
        """Write one article's new bytes to a temporary file, unless the article changed since it was read."""
        checked = _signature(write.path)
        try:
            current = read_regular_file(write.path, MAX_BYTES)
        except OSError:
            current = b""
        if checked is None or _signature(write.path) != checked \
                or hashlib.sha256(current).hexdigest() != write.original_digest:
            self.warnings.append(Problem(CHANGED_MEANWHILE, write.shown, warning=True))
            return
        fd, name = tempfile.mkstemp(prefix=".briefgen-", suffix=".tmp", dir=write.path.parent)
        temporary = Path(name)
        self.staged.append(_Staged(write, temporary, checked))
        with os.fdopen(fd, "wb") as fh:
            fh.write(write.data)
        original = write.path.stat()
        os.chmod(temporary, original.st_mode & 0o7777)
        if write.keep_mtime:  # the rename keeps the temporary's times
            os.utime(temporary, ns=(original.st_atime_ns, original.st_mtime_ns))

    def apply(self) -> None:
        """Rename every temporary over its article; if one fails, put back those already replaced and raise."""
        done: list[tuple[_Staged, Path | None]] = []
        for item in self.staged:
            try:
                if _signature(item.write.path) != item.checked:  # saved by an editor since it was checked
                    self.warnings.append(Problem(CHANGED_MEANWHILE, item.write.shown, warning=True))
                    item.temporary.unlink()
                    continue
                backup = _backup(item)
                done.append((item, backup))
                os.replace(item.temporary, item.write.path)
            except OSError as exc:
                undone = _undo(done)
                self.discard()
                message = f"cannot write the analysis into this file: {exc.strerror}"
                if not undone:
                    message += "; some articles already hold their new analysis"
                raise BriefgenError(Problem(message, item.write.shown)) from exc
        for _, backup in done:
            if backup is not None:
                with contextlib.suppress(OSError):
                    backup.unlink()
        self.written = len(done)
        self.staged = []

    def discard(self) -> None:
        """Remove every temporary file and backup (the articles are as they were)."""
        for item in self.staged:
            for path in (item.temporary, item.temporary.with_suffix(".bak")):
                with contextlib.suppress(OSError):
                    path.unlink()
        self.staged = []


def _backup(item: _Staged) -> Path | None:
    """A second name for the article as it is, to put it back if a later rename fails (None where
    the file system has no hard links: then a failure after this point cannot be undone)."""
    backup = item.temporary.with_suffix(".bak")
    try:
        os.link(item.write.path, backup)
    except OSError:
        return None
    return backup


def _undo(done: list[tuple[_Staged, Path | None]]) -> bool:
    """Put the backed-up articles back in place; False when one could not be."""
    whole = True
    for item, backup in reversed(done):
        if item.temporary.exists():  # never renamed over its article
            continue
        try:
            if backup is None:
                raise FileNotFoundError("no backup")
            os.replace(backup, item.write.path)
        except OSError:
            whole = False
    return whole
