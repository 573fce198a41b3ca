"""The part every audit script shares (scripts/auditing.py): which articles are used, the draw, the scores."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from conftest import SHARED

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "auditing.py"
pytestmark = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="the audits need ../shared/eval")


@pytest.fixture(scope="module")
def auditing() -> ModuleType:
    """The script's module (it puts ../shared/eval on the path for the scorers' runner)."""
    spec = importlib.util.spec_from_file_location("auditing", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


def test_used_articles_are_every_article_a_gold_file_sheet_or_list_names(
        auditing: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "eval" / "audits").mkdir(parents=True)
    gold = tmp_path / "dev.jsonl"
    gold.write_text(json.dumps({"id": "reuters21578:11", "source": {"dataset": "reuters21578", "newid": "11"}})
                    + "\n" + json.dumps({"id": "seed", "source": {"dataset": "seed", "file": "seed"}}) + "\n")
    sheet = [{"id": "r1-0001", "source": {"dataset": "conll2003", "file": "conll2003/eng.testa", "doc": 7}},
             {"article": "bbc-news-summary:politics/001.txt"},
             {"article": None, "sampled": ["reuters21578:99"]}]  # extracted, shown to nobody: not used
    (tmp_path / "eval" / "audits" / "any-name.jsonl").write_text("".join(json.dumps(r) + "\n" for r in sheet))
    (tmp_path / "eval" / "audits" / "read.txt").write_text(
        "# read while tuning\nwikinews:https://example.org/a  # a note\nreuters:12\n"
        "conll2003:conll2003/eng.testa#8\ntempeval3:tempeval3/TBAQ-cleaned/TimeBank/x.tml\n")
    monkeypatch.setattr(auditing, "ROOT", tmp_path)
    monkeypatch.setattr(auditing, "DEV_GOLD", gold)
    assert auditing.used_articles() == {
        "reuters21578:11", "conll2003:eng.testa-007", "bbc-news-summary:politics/001.txt",
        "wikinews-2019-2020:https://example.org/a", "reuters21578:12", "conll2003:eng.testa-008",
        "tempeval3:TimeBank/x.tml"}


def test_a_draw_takes_each_source_by_its_share_and_makes_up_a_used_up_one(auditing: ModuleType) -> None:
    def article(dataset: str, n: int) -> object:
        return auditing.CorpusArticle(f"{dataset}:{n}", {"dataset": dataset}, "", None, "")

    pool = [article("a", n) for n in range(2)] + [article("b", n) for n in range(10)]
    drawn = auditing.mixed_draw(pool, {"a": 0.5, "b": 0.5}, 6)
    assert [x.key for x in drawn] == ["a:0", "a:1", "b:0", "b:1", "b:2", "b:3"]


def test_precision_counts_the_judged_items_and_the_errors_of_the_wrong_ones(auditing: ModuleType) -> None:
    items = [{"ok": True, "wrong": []}, {"ok": False, "wrong": ["org", "title"]}, {"ok": False, "wrong": ["org"]},
             {"ok": None, "wrong": ["org"]}]
    found = auditing.precision(items, lambda i: i["ok"], lambda i: i["wrong"])
    assert (found.right, found.judged, found.errors) == (1, 3, Counter({"org": 2, "title": 1}))
    assert (str(found), found.errors_text()) == ("0.333 (1/3)", "org 2, title 1")
    assert str(auditing.precision([], lambda i: True, lambda i: [])) == "0.000 (0/0)"
