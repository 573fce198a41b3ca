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

from briefgen import summarise as summariser
from briefgen import summary_features
from briefgen.text import (
    blocks,
    boundaries,
    kinds,
    markers,
    passages,
    readable,
    readable_text,
    sentences,
    split_sentences,
    summary_candidates,
    turns,
)

SPLITTER_MODULES = (blocks, boundaries, kinds, markers, sentences, turns)
SUMMARY_MODULES = (*SPLITTER_MODULES, passages, readable, summariser, summary_features)
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
    "a speaker's label on every line": _repeat("((Ola Berg)) Yes, we did.\n"),
    "questions and answers in turn": _repeat("((WN)) Why did you go?\n\n((Ola Berg)) We had to go.\n\n"),
    "a sentence broken over blank lines again and again": _repeat("and the talks went on\n\n"),
    "an inline translation after every sentence": _repeat("It ended.\" ((fr))French language: \u200dC'est fini. "),
}

QUOTATIONS: dict[str, Callable[[int], str]] = {
    "a quotation opened in every sentence": _repeat("He said: \"The talks go on. "),
    "quotations that close after two sentences": _repeat("\"We met the envoy. It went well,\" she said. "),
    "straight marks with nothing between": _repeat("\"\" "),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_splitter_work_grows_linearly(name: str) -> None:
    ratio = growth(PATHOLOGICAL[name], split_sentences, 6000, SPLITTER_MODULES)
    assert ratio < LIMIT, f"{name}: work grew {ratio:.2f} times when the input doubled"


@pytest.mark.parametrize("name", QUOTATIONS)
def test_quotable_passages_grow_linearly(name: str) -> None:
    ratio = growth(QUOTATIONS[name], summary_candidates, 6000, SUMMARY_MODULES)
    assert ratio < LIMIT, f"{name}: work grew {ratio:.2f} times when the input doubled"


def test_readable_text_grows_linearly_on_unclosed_markup() -> None:
    ratio = growth(_repeat("*a [b _c `d **e "), readable_text, 20000, [readable, markers])
    assert ratio < LIMIT


def test_summariser_work_grows_linearly_on_a_long_text() -> None:
    paragraph = (
        "The envoy met the minister in the capital on Friday. Talks on the border lasted four hours. "
        "\"We made progress,\" the envoy said. Troops will stay until the spring, officials said.\n\n"
    )
    ratio = growth(_repeat(paragraph), summariser.summarise, 60000, SUMMARY_MODULES)
    assert ratio < LIMIT


def test_the_summariser_weighs_a_bounded_number_of_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    # Centrality is quadratic in the passages weighed (numpy work the count above does not see):
    # on a long text the summariser must weigh only its opening passages.
    weighed: list[tuple[int, int]] = []
    measure = summariser.sentence_features

    def spy(prose: list[sentences.Sentence], title: str) -> object:
        weighed.append((len(prose), sum(len(p.text.split()) for p in prose)))
        return measure(prose, title)

    monkeypatch.setattr(summariser, "sentence_features", spy)
    one = "The envoy met the minister in the capital on Friday to talk about the border. "
    summariser.summarise(one * 5000)
    summariser.summarise("Word " * 40000 + "ends here.")
    assert len(weighed) == 2
    assert all(count <= summariser.MAX_CANDIDATES for count, _ in weighed)
    assert all(words <= summariser.MAX_CANDIDATE_WORDS or count == 1 for count, words in weighed)


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
