"""Write the site into a staging folder and swap it into place, so site/ is always a whole site."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from briefgen.errors import BriefgenError, Problem

_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def check_site_path(relative: str) -> None:
    """Refuse an output path that would land outside the site folder."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relative:
        raise BriefgenError(Problem(f"refusing to write outside the site folder: {relative!r}"))


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def publish(site_dir: Path, files: dict[str, bytes]) -> int:
    """Replace `site_dir` with exactly `files`; return how many files changed.

    Unchanged files are hard-linked from the previous site, so their bytes and
    modification times stay as they were.
    """
    for relative in files:
        check_site_path(relative)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.staging-", dir=site_dir.parent))
    changed = 0
    try:
        for relative, data in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            previous = site_dir / relative
            if _same_bytes(previous, data):
                try:
                    os.link(previous, target)
                    continue
                except OSError:
                    pass
            changed += 1
            target.write_bytes(data)
        stale = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()} - set(files) \
            if site_dir.is_dir() else set()
        if not changed and not stale and site_dir.is_dir():
            shutil.rmtree(staging)
            return 0
        os.chmod(staging, 0o755)
        if site_dir.is_dir() and _exchange(staging, site_dir):
            shutil.rmtree(staging)
        else:
            old = site_dir.with_name(f".{site_dir.name}.old")
            if site_dir.exists():
                shutil.rmtree(old, ignore_errors=True)
                os.replace(site_dir, old)
            os.replace(staging, site_dir)
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return changed + len(stale)
