"""The date extractor is linear in its text: doubling a pathological input at most about doubles its work.

Work is counted as the Python lines executed (a trace hook), never as wall time, so that the
test means the same on a loaded machine. The inputs pack as many date phrases, tense cues and
near-dates into one paragraph as they can, where a search over the whole sentence or over every
earlier date would show as quadratic growth.
"""

from __future__ import annotations

import datetime as dt
import sys
from types import FrameType
from typing import Any

import pytest

from briefgen.extract.dates import find_dates

PHRASES = [
    "on Friday, March 5, 1991, two weeks ago, ",
    "said on Friday it will vote next week and ",
    "the following day, the previous month, that year, ",
    "1990/91 or 1986-87 and (1639 UTC) at 10:30 p.m. ",
    "Q1 H2 in May, March May and early late mid-",
    "every Monday, daily, a year earlier, now, ",
]


def _lines_run(text: str) -> int:
    """How many Python lines find_dates executes on text."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        find_dates(text, dt.date(2020, 6, 15))
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("phrase", PHRASES)
def test_doubling_the_text_at_most_about_doubles_the_work(phrase: str) -> None:
    small = _lines_run(phrase * 300)
    large = _lines_run(phrase * 600)
    assert small > 1000  # the input really exercises the extractor
    assert large / small < 2.2
