"""Troop-count extractor cases, read from cases/troops.yaml (and the seed article when it is beside the repository)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.troops import find_troops

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


CASES = load_cases("troops.yaml")


@pytest.mark.parametrize("case", CASES)
def test_troop_case(case: dict[str, Any]) -> None:
    found = find_troops(case_text(case), None)
    got = [{k: asdict(c)[k] for k in want} for c, want in zip(found, case["expect"], strict=False)]
    assert len(found) == len(case["expect"]), [c.text for c in found]
    assert got == case["expect"]


@pytest.mark.parametrize("case", CASES)
def test_offsets_point_at_the_text(case: dict[str, Any]) -> None:
    for count in find_troops(case_text(case), None):
        assert " ".join(case_text(case)[count.start:count.end].split()) == count.text


_WORDS = ["about", "100,000", "two", "thousand", "troops", "soldiers", "Russian", "killed", "and", "58",
          "wounded", "between", "5,000", "-strong", "force", "of", "tens", "thousands", ".", "police", "1987"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=40))
def test_any_text_gives_well_formed_counts(words: list[str]) -> None:
    text = " ".join(words)
    for count in find_troops(text, None):
        assert 0 <= count.start < count.end <= len(text)
        assert " ".join(text[count.start:count.end].split()) == count.text
        assert count.value is None or count.value > 0
        assert count.high is None or (count.value is not None and count.high > count.value)
        assert count.kind in ("strength", "casualties")
