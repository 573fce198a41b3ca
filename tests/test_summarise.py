"""Summaries: verbatim, in order, clean, within limits, for every method."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.summarise import METHODS, SumyTokenizer, summarise
from briefgen.summary_features import FEATURE_NAMES
from briefgen.summary_model import MODEL_PATH, load_model
from briefgen.text import split_sentences

CASES = Path(__file__).parent / "cases"
ARTICLES: list[dict[str, Any]] = yaml.safe_load((CASES / "summaries.yaml").read_text(encoding="utf-8"))
KIND_CASES: list[dict[str, Any]] = yaml.safe_load((CASES / "sentence_kinds.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["name"])
def test_summary_is_verbatim_ordered_and_clean(method: str, article: dict[str, Any]) -> None:
    text = article["text"]
    summary = summarise(text, title=article["title"], method=method, sentences=3)
    assert len(summary) == 3
    positions = [text.index(s) for s in summary]
    assert positions == sorted(positions)
    assert not set(summary) & set(article["never"])


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("case", KIND_CASES, ids=lambda c: c["name"])
def test_no_method_quotes_anything_but_prose(method: str, case: dict[str, Any]) -> None:
    not_prose = {text for kind, text in case["pieces"] if kind != "sentence"}
    summary = summarise(case["text"], method=method, sentences=10)
    assert not set(summary) & not_prose


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["name"])
def test_editor_summary_opens_with_the_lead(article: dict[str, Any]) -> None:
    assert summarise(article["text"], title=article["title"])[0] == article["first"]


def test_editor_prefers_running_text_to_list_items_and_quotes() -> None:
    article = ARTICLES[1]
    summary = summarise(article["text"], title=article["title"])
    blocks = {s.text: s.block for s in split_sentences(article["text"])}
    assert [blocks[s] for s in summary] == ["text", "text", "text"]


def test_word_limit_is_kept() -> None:
    text = ARTICLES[0]["text"]
    for method in METHODS:
        summary = summarise(text, method=method, sentences=5, max_words=40)
        assert summary
        assert sum(len(s.split()) for s in summary) <= 40 or len(summary) == 1


def test_length_in_sentences_from_the_caller() -> None:
    text = ARTICLES[0]["text"]
    assert len(summarise(text, sentences=1)) == 1
    assert len(summarise(text, sentences=5)) == 5
    assert summarise(text, sentences=0) == ()
    assert summarise("") == ()


def test_a_repeated_headline_is_not_quoted() -> None:
    title = "Ferry service returns to the islands after a winter pause."
    text = f"{title}\n\nThe ferry service to the northern islands resumed on Monday. " \
           "Tickets cost 12 euros. Islanders welcomed the first boat at dawn.\n"
    assert title not in summarise(text, title=title, sentences=3)


def test_near_duplicate_sentences_are_not_both_chosen() -> None:
    lead = "The water company raised prices by 8% on Monday."
    repeat = "On Monday the water company raised its prices by 8%."
    text = (
        f"{lead} {repeat} Customers in the east will pay most. "
        "The regulator approved the rise last month. Complaints have doubled since January.\n"
    )
    summary = summarise(text, sentences=3)
    assert not (lead in summary and repeat in summary)


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown summary method 'magic'; choose one of editor, lexrank"):
        summarise("One sentence here.", method="magic")


def test_tokenizer_keeps_numbers_and_sentences() -> None:
    tokenizer = SumyTokenizer()
    assert tokenizer.to_words("About 100,000 troops and 2.5% more in 2014.") == (
        "About", "100,000", "troops", "and", "2.5", "more", "in", "2014",
    )
    assert tokenizer.to_sentences("Mr. Hale left. He came back.") == ("Mr. Hale left.", "He came back.")


def test_shipped_model_matches_the_features() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["feature_names"]) == FEATURE_NAMES
    model = load_model()
    assert len(model.weights) == len(FEATURE_NAMES)


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_ba5d53e9f3018aef.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not beside the project")
def test_seed_article_brief_opens_with_its_lead_and_quotes_only_prose() -> None:
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    summary = summarise(body, title=title)
    assert len(summary) == 3
    assert summary[0].startswith("A senior Russian diplomat will not rule out")
    kinds = {s.text: s.kind for s in split_sentences(body)}
    assert all(kinds[s] == "sentence" for s in summary)
    for piece in ("The Russian military has.", "Alexei Nikolsky / Russian presidential hoodout"):
        assert kinds[piece] != "sentence"


def test_a_quotation_kept_whole_counts_as_the_sentences_it_joins() -> None:
    text = (
        "The harbour board approved a new ferry terminal on Monday after a year of talks.\n\n"
        "\"We will build it by spring. It will serve the islands,\" the chair said.\n\n"
        "The terminal will cost 40 million euros and open in May next year.\n"
    )
    for count in (1, 2, 3):
        summary = summarise(text, sentences=count, method="lead")
        assert sum(2 if s.startswith('"We will') else 1 for s in summary) <= count
    assert '"We will build it by spring. It will serve the islands," the chair said.' in summarise(
        text, sentences=3, method="lead")
