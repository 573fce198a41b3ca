"""Officials extractor cases, read from cases/officials.yaml (and the seed article when it is beside the repository)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
from extract_cases import case_text, load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.officials import find_officials
from briefgen.extract.places import entry_from_mapping

CASES = load_cases("officials.yaml")


def _comparable(record: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """The record restricted to the keys a case gives, with variants as a sorted list."""
    got = {k: record[k] for k in keys}
    if isinstance(got.get("mentions"), (list, tuple)):
        got["mentions"] = len(got["mentions"])  # cases give the number of mentions
    if "variants" in got:
        got["variants"] = sorted(got["variants"])
    return got


def _run(case: dict[str, Any]) -> tuple[Any, ...]:
    """find_officials on a case's text, with the newsroom's titles and places it gives."""
    places = tuple(entry_from_mapping(p) for p in case.get("extra_places", ()))
    return find_officials(case_text(case), case.get("published"), tuple(case.get("extra_titles", ())), places)


@pytest.mark.parametrize("case", CASES)
def test_official_case(case: dict[str, Any]) -> None:
    found = _run(case)
    assert [o.name for o in found] == [w["name"] for w in case["expect"]]
    for official, want in zip(found, case["expect"], strict=True):
        assert _comparable(asdict(official), list(want)) == _comparable(want, list(want))


@pytest.mark.parametrize("case", CASES)
def test_mentions_name_the_person(case: dict[str, Any]) -> None:
    for official in _run(case):
        forms = {official.name, *official.variants}
        for start, end in official.mentions:
            assert " ".join(case_text(case)[start:end].split()) in forms | {official.name.split()[-1]}


_WORDS = ["President", "minister", "Foreign", "the", "said", ",", ".", "'s", "Anna", "Berg", "Kremlin",
          "spokesman", "Colonel", "of", "Russia", "Mr", "his", "deputy", "who", "was", "General", "\n\n", "-"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=40))
def test_any_text_gives_well_formed_officials(words: list[str]) -> None:
    text = " ".join(words)
    for official in find_officials(text, None, ("Hetman",)):
        assert official.name and official.mentions
        for start, end in official.mentions:
            assert 0 <= start < end <= len(text)
