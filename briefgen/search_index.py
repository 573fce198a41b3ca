"""The site's search index, made by Pagefind (the `pagefind[bin]` package ships its binary; no network)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from briefgen.errors import Problem


def index_site(folder: Path) -> Problem | None:
    """Run Pagefind over a finished site folder; return a warning when search could not be built."""
    if importlib.util.find_spec("pagefind") is None:
        return Problem("search index not built: the 'pagefind[bin]' package is not installed", warning=True)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(folder), "--silent"],
            capture_output=True, text=True, timeout=600, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Problem(f"search index not built: {exc}", warning=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no message"]
        return Problem(f"search index not built: pagefind failed: {detail[0]}", warning=True)
    return None
