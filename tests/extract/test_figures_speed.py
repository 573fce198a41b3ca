"""The officials extractor is linear in its text: doubling a pathological input at most doubles its work.

Work is counted, not timed (tests/operations.py): the bytecodes run in briefgen's code plus the
characters its regular expressions are asked to scan, which a busy machine does not change.
Speed itself lives in the benchmark (`python bench/extractors.py --articles 300 --repeats 5`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from operations import growth

from briefgen.extract import affiliation, countries, names, officials, roles, sightings, titles, tokens
from briefgen.extract.officials import find_officials

MODULES = (affiliation, countries, names, officials, roles, sightings, titles, tokens)
LIMIT = 2.2
"""Most growth allowed when the input doubles: linear work doubles, quadratic work quadruples."""


def _name(i: int) -> str:
    """A made-up word unique to i (no list of names or words holds it)."""
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
    "a long number before a speaker's verb": lambda n: "Minister Lena Ortiz said " + "7" * (50 * n) + " soldiers.",
    "a long hyphenated capitalised word": lambda n: "President Ann Lee of " + "Ab-" * (20 * n) + "Corp said.",
    "capitals without spaces before a bracketed acronym": lambda n: "President Ann Lee said. " + "A" * (50 * n)
    + " (AB) grew.",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_doubling_a_pathological_text_at_most_doubles_the_work(name: str) -> None:
    ratio = growth(PATHOLOGICAL[name], lambda text: find_officials(text, None), 100, MODULES)
    assert ratio < LIMIT, f"{name}: work grew {ratio:.2f} times when the input doubled"

