"""Tests for the date extractor: the cases in cases/dates.yaml and properties of every result."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.dates import find_dates

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "dates.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    published = case["published"]
    found = find_dates(case["text"], published)
    got = [{"text": d.text, "value": d.value, "type": d.type} for d in found]
    want = [{"text": e["text"], "value": e["value"], "type": e["type"]} for e in case["expect"]]
    assert got == want


def test_case_names_are_unique() -> None:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names))


def test_offsets_point_at_the_text() -> None:
    text = "On Friday, 12 March 2021, the talks ended; they resume next week."
    for d in find_dates(text, dt.date(2021, 3, 14)):
        assert text[d.start:d.end] == d.text


_WORDS = st.sampled_from([
    "on", "Friday", "May", "may", "march", "March", "2019", "1,999", "the", "next", "week", "last",
    "year", "a", "second", "round", "three", "days", "ago", "10:30", "a.m.", "now", "every", "Monday",
    ".", ",", "\n", "yesterday", "the following day", "Sept.", "30", "quarter", "third", "early",
    "tomorrow", "noon", "Christmas", "Easter", "999", "centuries", "later", "nineteen", "ninety-nine",
    "1/2", "and a half", "the weekend", "1990s", "12/31/99", "2000-02-30", "each", "July", "spring",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=30),
       st.one_of(st.none(), st.dates()))
def test_spans_are_sorted_disjoint_and_exact(words: list[str], published: dt.date | None) -> None:
    """Any text and any publication date, even at the ends of the calendar: no crash, sound spans."""
    text = " ".join(words)
    found = find_dates(text, published)
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.type in ("DATE", "TIME", "DURATION", "SET")
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_a_timestamp_counts_as_its_day() -> None:
    found = find_dates("The talks ended yesterday.", dt.datetime(2022, 1, 13, 18, 30))
    assert [(d.text, d.value) for d in found] == [("yesterday", "2022-01-12")]
