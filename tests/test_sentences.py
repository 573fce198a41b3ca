"""Sentence splitting and sentence kinds, from the cases in tests/cases/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefgen import analyse
from briefgen.extract import tokens
from briefgen.text import Sentence, readable_text, split_sentences, summary_candidates

CASES = Path(__file__).parent / "cases"


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return cases


@pytest.mark.parametrize("case", _cases("sentences.yaml"), ids=lambda c: c["name"])
def test_sentence_boundaries(case: dict[str, Any]) -> None:
    assert [s.text for s in split_sentences(case["text"])] == case["sentences"]


@pytest.mark.parametrize("case", _cases("sentence_kinds.yaml"), ids=lambda c: c["name"])
def test_sentence_kinds(case: dict[str, Any]) -> None:
    assert [[s.kind, s.text] for s in split_sentences(case["text"])] == case["pieces"]


@pytest.mark.parametrize("case", _cases("passages.yaml"), ids=lambda c: c["name"])
def test_quotable_passages(case: dict[str, Any]) -> None:
    assert [p.text for p in summary_candidates(case["text"])] == case["passages"]


@pytest.mark.parametrize("case", _cases("readable.yaml"), ids=lambda c: c["name"])
def test_readable_text(case: dict[str, Any]) -> None:
    assert readable_text(case["text"]) == case["readable"]


def test_a_passage_is_the_text_between_its_offsets() -> None:
    text = "The mayor spoke on Monday. \"We will build it. It opens in May,\" she said. Work on the road starts soon."
    for passage in summary_candidates(text):
        assert text[passage.start:passage.end] == passage.text
    assert [p.joins for p in summary_candidates(text)] == [1, 2, 1]


def test_offsets_point_into_the_text() -> None:
    text = "  Leading spaces.\n\nA second   paragraph (with a bracket). Done.\n"
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_paragraph_index_counts_blank_line_blocks() -> None:
    got = split_sentences("One. Two.\n\nThree.\n\n\nFour.")
    assert [(s.text, s.paragraph) for s in got] == [("One.", 0), ("Two.", 0), ("Three.", 1), ("Four.", 2)]


def test_markdown_blocks_are_recorded() -> None:
    got = split_sentences("## Roads\n\nThe road is shut.\n\n- Buses run.\n\n> Drive slowly.\n")
    assert [(s.text, s.block) for s in got] == [
        ("Roads", "heading"), ("The road is shut.", "text"), ("Buses run.", "list"), ("Drive slowly.", "quote"),
    ]


def test_only_sentences_are_prose() -> None:
    assert Sentence("A.", 0, 2).is_prose
    assert not Sentence("Photo: AFP", 0, 10, kind="credit").is_prose


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == ()
    assert split_sentences("\n\n  \n") == ()


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"“”()#->U.S1,")), max_size=200))
def test_sentences_are_ordered_disjoint_and_exact(text: str) -> None:
    sentences = split_sentences(text)
    end = 0
    for sentence in sentences:
        assert sentence.text == text[sentence.start:sentence.end]
        assert sentence.text == sentence.text.strip()
        assert sentence.text
        assert sentence.start >= end
        end = sentence.end


def test_extractors_and_site_use_the_same_sentences() -> None:
    text = "By Ola Berg\n\nOSLO (Reuters) - Cpl. Dahl and Mr. Lie met at 9 a.m. on Friday. They spoke.\n\n## Next\n"
    expected = [(s.start, s.end) for s in split_sentences(text)]
    assert tokens.sentence_spans(text) == expected
    assert list(analyse.sentence_spans(text)) == expected
    assert [text[a:b] for a, b in expected] == [
        "By Ola Berg", "OSLO (Reuters)", "Cpl. Dahl and Mr. Lie met at 9 a.m. on Friday.", "They spoke.", "Next",
    ]


def test_tokens_keep_the_full_stop_of_the_shared_abbreviations() -> None:
    words = [t.text for t in tokens.tokenize("Cpl. Dahl met Prof. Moe and Amos Reed Jr. today.")]
    assert words[:5] == ["Cpl.", "Dahl", "met", "Prof.", "Moe"]
    assert "Jr." in words
