"""Reading extractor test cases from tests/extract/cases/ (shared by the officials and troops tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

CASE_DIR = Path(__file__).parent / "cases"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_ba5d53e9f3018aef.txt"


def load_cases(name: str) -> list[Any]:
    """The cases of one file, each wrapped in pytest.param with its name as the id."""
    cases = yaml.safe_load((CASE_DIR / name).read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["case"]) for c in cases]


def case_text(case: dict[str, Any]) -> str:
    """The text a case runs on: its own, or the seed article's body (skipped when not beside us)."""
    if case.get("source") != "seed":
        return str(case["text"])
    if not SEED.exists():
        pytest.skip("the seed article (shared/seed) is not beside the repository")
    return SEED.read_text(encoding="utf-8").partition("\n")[2].strip() + "\n"
