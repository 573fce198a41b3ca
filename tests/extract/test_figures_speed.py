"""The officials extractor is linear in its text: doubling a pathological input at most doubles its work.

Work is counted, not timed: the number of Python lines executed inside find_officials (sys.settrace),
which a busy machine does not change. Speed itself lives in the benchmark
(`python bench/extractors.py --articles 300 --repeats 5`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from briefgen.extract.officials import find_officials


def _lines_run(text: str) -> int:
    """How many Python lines find_officials executes on `text`."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        find_officials(text, None)
    finally:
        sys.settrace(None)
    return count


def _name(i: int) -> str:
    """A made-up word unique to i: "Abab", "Abac", ... (names no list holds)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "Ab" + letters[i // 26 % 26] + letters[i % 26] + letters[i // 676 % 26]


# Each builds a text of n units that once took quadratic time, or could.
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "a title with of, over and over": lambda n: "Minister of " * n,
    "a chain of title modifiers": lambda n: "Foreign " * n + "Minister Ann Lee said.",
    "many people": lambda n: " ".join(f"President Ann {_name(i)} spoke." for i in range(n)),
    "many people sharing a surname": lambda n: " ".join(f"President {_name(i)} Lee spoke." for i in range(n)),
    "one sentence naming people and countries": lambda n: "Minister Ann Lee of France, " * n + "said.",
    "abbreviations": lambda n: "Mr. " * n + "A. " * n,
    "a capitalised run after of": lambda n: "Minister of " + "Aaa " * n,
    "determiners before a country": lambda n: "President Ann Lee said " + "the " * n + "Iraq war.",
    "deputies of ranks": lambda n: "General Ann Lee, his deputy, Colonel Bob Ray. " * n,
    "possessive owners": lambda n: " ".join(f"{_name(i)}'s envoy, Ann {_name(i)}x, spoke." for i in range(n)),
    "speakers one letter apart": lambda n: "President Ann Rau spoke. " + " ".join(
        f"R{_name(i)[1:]} told them." for i in range(n)),
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_doubling_a_pathological_text_at_most_doubles_the_work(make: Callable[[int], str]) -> None:
    _lines_run(make(50))  # warm the caches of words and titles, so that both runs start alike
    small, large = _lines_run(make(200)), _lines_run(make(400))
    assert large <= 2.2 * small, f"{small} lines for n=200, {large} for n=400"

