"""One build at a time per project: a lock file, and tidying what a killed build left behind."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / LOCK_NAME
    with path.open("a+") as fh:
        try:
            fcntl.lockf(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise BriefgenError(Problem("another briefgen build is running in this project; "
                                        "wait for it to finish and build again", path)) from exc
        try:
            yield
        finally:
            fcntl.lockf(fh.fileno(), fcntl.LOCK_UN)


def die_with_parent() -> None:
    """In a child process: ask Linux to kill it when briefgen dies, so a killed build leaves nothing running."""
    if sys.platform != "linux":
        return
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        ctypes.CDLL(libc_name).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def remove_leftovers(content_dir: Path, site_dir: Path) -> None:
    """Delete temporary files and staging folders of a build that was killed (only under the lock)."""
    for dirpath, _, filenames in os.walk(content_dir):
        for name in filenames:
            if TEMPORARY.match(name):
                (Path(dirpath) / name).unlink(missing_ok=True)
    if site_dir.parent.is_dir():
        for path in site_dir.parent.glob(f".{site_dir.name}.*"):
            if path.is_dir() and (".staging-" in path.name or path.name.endswith(".old")):
                shutil.rmtree(path, ignore_errors=True)
