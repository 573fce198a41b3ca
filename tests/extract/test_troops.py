"""Troop-count extractor cases, read from cases/troops.yaml (and the seed article when it is beside the repository)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
from extract_cases import case_text, load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.troops import find_troops

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
