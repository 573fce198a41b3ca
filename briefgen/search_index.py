"""The site's search index, made by Pagefind (the `pagefind[bin]` package ships its binary; no network)."""

from __future__ import annotations

import errno
import filecmp
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from briefgen.errors import Problem
from briefgen.project_lock import die_with_parent
from briefgen.site.urls import ARTICLES_FOLDER

BUNDLE = "pagefind"
"""Pagefind's output folder inside the site."""


def _pages_unchanged(folder: Path, previous: Path) -> bool:
    """True when every article page (what is indexed) is byte-identical to the previous site's, none gone."""
    new = {p.relative_to(folder) for p in (folder / ARTICLES_FOLDER).glob("*.html")}
    old = {p.relative_to(previous) for p in (previous / ARTICLES_FOLDER).glob("*.html")}
    if new != old or not (previous / BUNDLE).is_dir():
        return False
    return all(filecmp.cmp(folder / p, previous / p, shallow=False) for p in new)


FULL_DISK = 1 << 20
"""Less free space than this after indexing (more than any one file Pagefind writes) means a write failed."""


def _disk_full(folder: Path) -> bool:
    """True when the disk holding `folder` is (all but) full."""
    if not hasattr(os, "statvfs"):
        return False
    st = os.statvfs(folder)
    return (st.f_bfree if os.geteuid() == 0 else st.f_bavail) * st.f_frsize < FULL_DISK


def index_site(folder: Path, previous: Path, meanwhile: Callable[[], None]) -> Problem | None:
    """Index the article pages of a finished site folder with Pagefind, running `meanwhile` while it works.

    Returns a warning when the index cannot be made. When no page changed since the `previous`
    site, its index is reused instead (a full re-index is the slowest step of a small rebuild).
    """
    if not any((folder / ARTICLES_FOLDER).glob("*.html")):
        meanwhile()
        return None  # no article yet: nothing to index, and Pagefind would fail on an empty site
    if _pages_unchanged(folder, previous):
        shutil.copytree(previous / BUNDLE, folder / BUNDLE, copy_function=os.link)
        meanwhile()
        return None
    if importlib.util.find_spec("pagefind") is None:
        meanwhile()
        return Problem("search index not built: the 'pagefind[bin]' package is not installed", warning=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--glob", f"{ARTICLES_FOLDER}/**/*.html",
               "--silent"]
    try:
        indexer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   preexec_fn=die_with_parent)
    except OSError as exc:
        meanwhile()
        return Problem(f"search index not built: {exc}", warning=True)
    try:
        meanwhile()
        out, err = indexer.communicate(timeout=600)
    except subprocess.TimeoutExpired:
        indexer.kill()
        indexer.communicate()
        shutil.rmtree(folder / BUNDLE, ignore_errors=True)
        return Problem("search index not built: pagefind took more than ten minutes", warning=True)
    finally:
        if indexer.poll() is None:
            indexer.kill()
            indexer.wait()
    if _disk_full(folder):  # Pagefind may exit 0 although some of its writes failed for lack of space
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / BUNDLE))
    if indexer.returncode != 0:
        shutil.rmtree(folder / BUNDLE, ignore_errors=True)  # a part of an index is not published
        detail = (err or out).strip().splitlines()[-1:] or ["no message"]
        return Problem(f"search index not built: pagefind failed: {detail[0]}", warning=True)
    return None
