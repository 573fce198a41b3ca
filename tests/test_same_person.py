"""Who's who grouping: names to merge and not to merge (cases/same_person.yaml), titles and countries shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.article import Analysis, Article, Figures, Official
from briefgen.site.entries import Entry
from briefgen.site.people import gather_people
from briefgen.site.same_person import NameRecord, agreed, display_titles, group_names

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "same_person.yaml").read_text(encoding="utf-8"))


def _record(text: str) -> NameRecord:
    name, _, org = (part.strip() for part in text.partition("|"))
    return NameRecord(name, org or None)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["case"]) for c in CASES])
def test_names_are_grouped_into_people(case: dict[str, Any]) -> None:
    assert group_names([_record(n) for n in case["names"]]) == case["expect"]


@pytest.mark.parametrize("case", [pytest.param(c, id=c["case"]) for c in CASES])
def test_the_grouping_does_not_depend_on_the_order(case: dict[str, Any]) -> None:
    records = [_record(n) for n in case["names"]]
    forward = group_names(records)
    backward = group_names(records[::-1])[::-1]
    same = {(i, j) for i in range(len(records)) for j in range(len(records)) if forward[i] == forward[j]}
    assert same == {(i, j) for i in range(len(records)) for j in range(len(records)) if backward[i] == backward[j]}


def test_titles_differing_in_case_are_one_title_in_its_capitalised_form() -> None:
    assert display_titles(["president", "President", "Foreign  Minister", "President"]) == (
        "President", "Foreign Minister")


def test_the_country_shown_is_the_one_most_articles_agree_on() -> None:
    assert agreed(["Ukraine", "Ukraine", "Russia"]) == "Ukraine"
    assert agreed(["Iran", "Iraq"]) is None
    assert agreed([]) is None


def _entry(slug: str, day: dt.date, *officials: Official) -> Entry:
    body = "An article that names its officials."
    article = Article(Path(f"content/{slug}.md"), f"{slug}.md", slug, day, None, (), False, body, 1)
    return Entry(article, Analysis((), Figures(officials=officials)), slug, ((0, len(body)),))


def test_who_is_who_shows_one_person_with_one_title_history_and_the_agreed_country() -> None:
    def official(name: str, title: str, org: str | None) -> Official:
        return Official(name, title, org, (), ((0, 2),))

    entries = [
        _entry("a", dt.date(2019, 5, 20), official("Volodymyr Zelensky", "president-elect", "Ukraine")),
        _entry("b", dt.date(2022, 2, 24), official("Volodymyr Zelenskyy", "President", "Ukraine")),
        _entry("c", dt.date(2022, 3, 1), official("Volodymyr Zelenskiy", "president", "Russia"),
               official("Zelenskyy", "president", "Ukraine")),
        _entry("d", dt.date(2022, 3, 2), official("Ian Blair", "police chief", None),
               official("Tony Blair", "former prime minister", "United Kingdom")),
    ]
    people = {p.name: p for p in gather_people(entries)}
    assert sorted(people) == ["Ian Blair", "Tony Blair", "Volodymyr Zelenskyy"]
    zelenskyy = people["Volodymyr Zelenskyy"]
    assert zelenskyy.titles == ("President", "president-elect")
    assert zelenskyy.title_history == (("president-elect", dt.date(2019, 5, 20)), ("President", dt.date(2022, 2, 24)))
    assert zelenskyy.orgs[0] == "Ukraine" and zelenskyy.org == "Ukraine"
    assert [m.entry.slug for m in zelenskyy.mentions] == ["c", "c", "b", "a"]
