"""Rebuild tests/golden/expected from tests/golden/project when a change to the output is intended.

    python tests/golden/regenerate.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    from briefgen.build import build_project
    from briefgen.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(HERE / "project", root)
        build_project(load_config(root / "config.yaml"))
        expected = HERE / "expected"
        shutil.rmtree(expected, ignore_errors=True)
        # static files are the theme's own and pagefind/ is Pagefind's: the test checks those separately
        shutil.copytree(root / "site", expected / "site", ignore=shutil.ignore_patterns("static", "pagefind"))
        shutil.copytree(root / "content", expected / "content")
    print(f"wrote {expected}", file=sys.stderr)


if __name__ == "__main__":
    main()
