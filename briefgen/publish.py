"""Write the site into a staging folder and swap it into place, so site/ is always a whole site."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Protocol

from briefgen.config import Config
from briefgen.content import shown_path
from briefgen.errors import BriefgenError, Problem
from briefgen.safe_yaml import YamlRefused, compose_safely

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is None:
        return False
    return bool(renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0)


MARKER = ".briefgen-site"
"""A file briefgen puts in every site it makes: the folders it may replace as a whole are those that have it."""
MARKER_TEXT = b"This folder is made by briefgen: each build replaces all of it.\n"
_OLD_SITE_SIGN = b'<meta name="generator" content="briefgen '
"""Sites made before the marker existed: their index.html says who made them in its head."""


def foreign_site_reason(site_dir: Path) -> str | None:
    """Why `site_dir` must not be replaced (it holds something briefgen did not make), or None."""
    if site_dir.is_symlink():
        return "a symbolic link: a build replaces the site folder as a whole, and would replace the link"
    if not site_dir.exists():
        return None
    if not site_dir.is_dir():
        return "a file, not a folder"
    if (site_dir / MARKER).is_file() or not any(site_dir.iterdir()):
        return None
    index = site_dir / "index.html"
    try:
        with index.open("rb") as fh:
            if index.is_file() and _OLD_SITE_SIGN in fh.read(4096):
                return None
    except OSError:
        pass
    return (f"a folder of files briefgen did not make (it has no {MARKER} file): a build replaces the site "
            "folder as a whole, so it will not replace this one; set site_dir to a new or empty folder, "
            "or empty this one yourself")


def refuse_foreign_site(config: Config) -> None:
    """Stop the build before it does anything when `site_dir` is not a folder briefgen may replace."""
    reason = foreign_site_reason(config.site_dir)
    if reason is not None:
        shown = os.path.relpath(config.site_dir, config.root)
        raise BriefgenError(Problem(f"'site_dir' is {shown}, {reason}", config.path,
                                    _key_line(config.path, "site_dir")))


def _key_line(config_path: Path | None, key: str) -> int | None:
    """1-based line of a top-level key of the config file, if it is there."""
    try:
        node = compose_safely(config_path.read_text(encoding="utf-8")) if config_path else None
    except (OSError, ValueError, YamlRefused):
        return None
    for key_node, _ in getattr(node, "value", []):
        if key_node.value == key:
            return int(key_node.start_mark.line) + 1
    return None


def check_site_path(relative: str) -> None:
    """Refuse an output path that would land outside the site folder."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relative:
        raise BriefgenError(Problem(f"refusing to write outside the site folder: {relative!r}"))


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _link_if_same(previous: Path, data: bytes, target: Path) -> bool:
    """Hard-link the old site's file to `target` when it already holds exactly `data`."""
    try:
        if previous.stat().st_size != len(data) or previous.read_bytes() != data:
            return False
        os.link(previous, target)
    except OSError:
        return False
    return True


def stage_files(staging: Path, site_dir: Path, files: dict[str, bytes]) -> None:
    """Write files into the staging folder; those the old site already holds byte for byte are linked."""
    made: set[Path] = set()
    for relative, data in sorted(files.items()):
        check_site_path(relative)
        target = staging / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if not _link_if_same(site_dir / relative, data, target):
            try:
                target.write_bytes(data)
            except OSError as exc:  # a failed write() names no file: name the page
                raise OSError(exc.errno, exc.strerror, str(target)) from exc


def _reuse_unchanged(staging: Path, site_dir: Path) -> int:
    """Hard-link files whose bytes did not change from the old site (keeping their mtimes); count the rest."""
    old = _files(site_dir)
    changed = 0
    for relative, path in _files(staging).items():
        previous = old.get(relative)
        if previous is not None and os.path.samefile(previous, path):
            continue  # kept from the old site by a hard link already
        if previous is not None and _same_bytes(previous, path):
            link = path.with_name(path.name + ".link")
            try:
                os.link(previous, link)
                os.replace(link, path)
                continue
            except OSError:
                link.unlink(missing_ok=True)
        changed += 1
    return changed + len(set(old) - set(_files(staging)))


class Companion(Protocol):
    """Other files committed together with the site (the front matter written into content/)."""

    def apply(self) -> None:
        """Put the staged files in place, or raise BriefgenError having changed nothing."""

    def discard(self) -> None:
        """Remove whatever was staged."""


def publish(
    site_dir: Path, files: dict[str, bytes], finish: Callable[[Path], None] | None = None, keep: set[str] | None = None,
    companion: Companion | None = None,
) -> int:
    """Replace `site_dir` with `files`, the `keep` files of the old site and what `finish` adds; count changes.

    A build that fails or is killed leaves the previous site as it was: the new one is
    complete before it is swapped in. A build that changes nothing leaves it untouched.
    The `companion` is applied right after the swap; if it fails, the previous site is put back.
    """
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.staging-", dir=site_dir.parent))
    except OSError as exc:
        if companion is not None:
            companion.discard()
        raise _site_problem(exc, site_dir, None) from exc
    try:
        stage_files(staging, site_dir, {**files, MARKER: MARKER_TEXT})
        for relative in sorted(keep or ()):
            check_site_path(relative)
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(site_dir / relative, target)
        if finish is not None:
            finish(staging)
        changed = _reuse_unchanged(staging, site_dir)
        if not changed and site_dir.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
            if companion is not None:
                companion.apply()
            return 0
        os.chmod(staging, 0o755)
        reason = foreign_site_reason(site_dir)  # checked by the build first; again, as it is about to go
        if reason:
            raise BriefgenError(Problem(f"not replaced: it is {reason}", shown_path(site_dir, Path.cwd())))
        previous = _swap_in(staging, site_dir)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if companion is not None:
            companion.discard()
        if isinstance(exc, OSError):
            raise _site_problem(exc, site_dir, staging) from exc
        raise
    try:
        if companion is not None:
            companion.apply()
    except BaseException:
        _swap_back(previous, site_dir)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)  # what is left is tidied by the next build
    return changed


def _swap_in(staging: Path, site_dir: Path) -> Path | None:
    """Put the staged site in place; return where the previous site now is (None: there was none)."""
    if site_dir.is_dir() and _exchange(staging, site_dir):
        return staging
    old = site_dir.with_name(f".{site_dir.name}.old")
    if not site_dir.exists():
        os.replace(staging, site_dir)
        return None
    shutil.rmtree(old, ignore_errors=True)
    os.replace(site_dir, old)
    try:
        os.replace(staging, site_dir)
    except OSError:
        os.replace(old, site_dir)
        raise
    return old


def _swap_back(previous: Path | None, site_dir: Path) -> None:
    """Undo _swap_in: the previous site back in place (or no site, when there was none), the new one removed."""
    rejected = site_dir.with_name(f".{site_dir.name}.rejected.old")  # tidied by the next build if left
    with contextlib.suppress(OSError):
        if previous is not None and _exchange(previous, site_dir):
            shutil.rmtree(previous, ignore_errors=True)
            return
        os.replace(site_dir, rejected)
        if previous is not None:
            os.replace(previous, site_dir)
    shutil.rmtree(rejected, ignore_errors=True)


def _site_problem(exc: OSError, site_dir: Path, staging: Path | None) -> BriefgenError:
    """An error writing the site, naming the site file it concerns rather than the staging folder."""
    where = Path(exc.filename) if exc.filename else site_dir
    if staging is not None and where.is_relative_to(staging):
        where = site_dir / where.relative_to(staging)
    reason = exc.strerror or (str(exc.args[0][0][2]) if isinstance(exc, shutil.Error) and exc.args[0] else str(exc))
    return BriefgenError(Problem(f"cannot write the new site: {reason}", shown_path(where, Path.cwd())))
