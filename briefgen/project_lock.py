"""One build at a time per project: a lock file, and tidying what a killed build left behind."""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import signal
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen.content import shown_path
from briefgen.errors import BriefgenError, Problem
from briefgen.write_back import TEMPORARY

LOCK_NAME = "lock"
_PR_SET_PDEATHSIG = 1


@contextmanager
def project_lock(cache_dir: Path) -> Iterator[None]:
    """Hold the project's build lock; a second build started meanwhile stops with a clear message.

    A POSIX record lock (lockf), not flock: worker processes forked by the build do not
    inherit it, so a killed build never leaves its workers holding the lock.
    """
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform: builds are not guarded
        yield
        return
    _make_cache_folder(cache_dir)
    path = cache_dir / LOCK_NAME
    fd = _open_lock(path)
    shown = shown_path(path, Path.cwd())
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise BriefgenError(Problem(f"cannot take the build lock: {exc.strerror}", shown)) from exc
            raise BriefgenError(Problem("another briefgen build is running in this project; "
                                        "wait for it to finish and build again", shown)) from exc
        try:
            yield
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _make_cache_folder(cache_dir: Path) -> None:
    """The folder of the cache and the lock, made if absent; a file or a link in its place is an error."""
    if cache_dir.is_symlink() or (cache_dir.exists() and not cache_dir.is_dir()):
        kind = "a symbolic link" if cache_dir.is_symlink() else "a file"
        raise BriefgenError(Problem(f"must be a folder of the project (briefgen keeps its cache and build lock "
                                    f"there), but it is {kind}: delete or rename it",
                                    shown_path(cache_dir, Path.cwd())))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(Problem(f"cannot make the folder of briefgen's cache and build lock: {exc.strerror} "
                                    "(a build needs to write in the project folder)",
                                    shown_path(cache_dir, Path.cwd()))) from exc


def _open_lock(path: Path) -> int:
    """A descriptor of the lock file, made if absent; never a folder, a link or a pipe put in its place."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        fix = "; delete it (briefgen makes it again)" if exc.errno in (errno.EISDIR, errno.ELOOP) else ""
        raise BriefgenError(Problem(f"cannot open the build lock: {exc.strerror}{fix}",
                                    shown_path(path, Path.cwd()))) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BriefgenError(Problem("the build lock is not a regular file; delete it (briefgen makes it again)",
                                    shown_path(path, Path.cwd())))
    return fd


def die_with_parent() -> None:
    """In a child process: ask Linux to kill it when briefgen dies, so a killed build leaves nothing running."""
    if sys.platform != "linux":
        return
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        ctypes.CDLL(libc_name).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def remove_leftovers(content_dir: Path, site_dir: Path, temporaries: Iterable[Path] | None = None) -> None:
    """Delete temporary files and staging folders of a build that was killed (only under the lock).

    `temporaries`: the write-back's temporary files already found (by a scan of content/), instead of
    walking content/ again for them.
    """
    if temporaries is None:
        temporaries = [Path(dirpath) / name for dirpath, _, filenames in os.walk(content_dir)
                       for name in filenames if TEMPORARY.match(name)]
    for path in temporaries:
        path.unlink(missing_ok=True)
    if site_dir.parent.is_dir():
        for path in site_dir.parent.glob(f".{site_dir.name}.*"):
            if path.is_dir() and (".staging-" in path.name or path.name.endswith(".old")):
                shutil.rmtree(path, ignore_errors=True)
