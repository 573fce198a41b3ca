"""The site's search index, made by Pagefind (the `pagefind[bin]` package ships its binary; no network)."""

from __future__ import annotations

import filecmp
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefgen.errors import Problem

BUNDLE = "pagefind"
"""Pagefind's output folder inside the site."""


def _pages_unchanged(folder: Path, previous: Path) -> bool:
    """True when every HTML page of the new site is byte-identical to the previous site's (and no page went)."""
    new = {p.relative_to(folder) for p in folder.rglob("*.html")}
    old = {p.relative_to(previous) for p in previous.rglob("*.html")} if previous.is_dir() else set()
    if new != old or not (previous / BUNDLE).is_dir():
        return False
    return all(filecmp.cmp(folder / p, previous / p, shallow=False) for p in new)


def index_site(folder: Path, previous: Path) -> Problem | None:
    """Index the article pages of a finished site folder with Pagefind; return a warning when it cannot.

    When no page changed since the `previous` site, its index is reused instead (a full re-index
    is the slowest step of a small rebuild).
    """
    if _pages_unchanged(folder, previous):
        shutil.copytree(previous / BUNDLE, folder / BUNDLE, copy_function=os.link)
        return None
    if importlib.util.find_spec("pagefind") is None:
        return Problem("search index not built: the 'pagefind[bin]' package is not installed", warning=True)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(folder), "--glob", "articles/**/*.html", "--silent"],
            capture_output=True, text=True, timeout=600, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Problem(f"search index not built: {exc}", warning=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no message"]
        return Problem(f"search index not built: pagefind failed: {detail[0]}", warning=True)
    return None
