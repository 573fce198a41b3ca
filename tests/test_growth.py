"""The splitter and the summariser do work linear in the text, on inputs built to make them slow.

Each case doubles a pathological input and checks that the work (bytecodes run plus characters
scanned by regexes, see operations.py) grows about twofold. No test here reads a clock.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from operations import count_operations, growth

from briefgen.text import blocks, boundaries, kinds, sentences, split_sentences

SPLITTER_MODULES = (blocks, boundaries, kinds, sentences)
LIMIT = 2.2
"""Most growth allowed when the input doubles: linear work doubles, quadratic work quadruples."""


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "one long paragraph of sentences": _repeat("The envoy met the minister in the capital on Friday. "),
    "a title abbreviation over and over": _repeat("Mr. "),
    "an initial over and over": _repeat("A. "),
    "dotted initials with no spaces": _repeat("U.S."),
    "credit lines under one another": _repeat("Photo: Agency handout\n\n"),
    "caption lines then a credit, over and over": _repeat("A man walks.\nRescuers dig (L).\nPhoto: Agency\n\n"),
    "hard-wrapped lines of one sentence": _repeat("and the talks went on\n"),
    "a full stop then a long run of spaces": lambda size: "It ended." + " " * size + "Then more.",
    "a long run of quotation marks": lambda size: "He said. " + "“" * size + " Yes.",
    "a long run of full stops": _repeat("."),
    "headings with long closing runs": _repeat("## Storm " + " " * 30 + "#\n"),
    "list items that never end": _repeat("- item that goes on\n"),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_splitter_work_grows_linearly(name: str) -> None:
    ratio = growth(PATHOLOGICAL[name], split_sentences, 6000, SPLITTER_MODULES)
    assert ratio < LIMIT, f"{name}: work grew {ratio:.2f} times when the input doubled"


_QUADRATIC_TOY = re.compile(r"\w+\.$")


def _reads_the_prefix_at_every_stop(text: str) -> int:
    """What the old splitter did: search the whole text before each full stop."""
    module = sys.modules[__name__]
    return sum(1 for i, ch in enumerate(text) if ch == "." and module._QUADRATIC_TOY.search(text[: i + 1]))


def test_the_count_sees_a_regex_rereading_the_prefix() -> None:
    # The measure must be able to fail: a hidden quadratic scan inside a regex call shows up.
    module = sys.modules[__name__]
    small = count_operations(lambda: _reads_the_prefix_at_every_stop("ab. " * 500), [module])
    large = count_operations(lambda: _reads_the_prefix_at_every_stop("ab. " * 1000), [module])
    assert large / small > 3.5
