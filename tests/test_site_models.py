"""The site's page models: an article's fact card, the key figure of a story, who's who and its name order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.article import Analysis, Article, DateMention, Figures, Official, TroopCount
from briefgen.site.brief import front_page, key_figure
from briefgen.site.entries import Entry
from briefgen.site.facts import fact_card
from briefgen.site.people import gather_people
from briefgen.site.person_names import index_letter, sort_key
from briefgen.site.whos_who import build_directory


def entry(slug: str, sentences: list[str], date: dt.date | None, figures: Figures) -> Entry:
    """An entry whose body is `sentences` joined by spaces, with their spans."""
    spans, start = [], 0
    for s in sentences:
        spans.append((start, start + len(s)))
        start += len(s) + 1
    body = " ".join(sentences)
    article = Article(Path(f"content/{slug}.md"), f"{slug}.md", slug.title(), date, None, (), False, body, 1)
    return Entry(article, Analysis(tuple(sentences[:1]), figures), slug, tuple(spans))


def at(body: str, words: str, after: int = 0) -> tuple[int, int]:
    """(start, end) of `words` in `body`, searching from `after`."""
    start = body.index(words, after)
    return start, start + len(words)


def test_the_fact_card_says_figures_in_words_and_quotes_each_sentence_once_with_the_words_marked() -> None:
    sentences = ["Russia has about 100,000 troops near the border, Lavrov said on Monday.",
                 "Lavrov met Blinken for three days on Monday, the talks going on at present."]
    body = " ".join(sentences)
    count = "about 100,000 troops"
    troops = (TroopCount(100000, None, True, "Russia", "strength", count, *at(body, count)),)
    second = len(sentences[0]) + 1
    dates = (
        DateMention("2022-01-10", "DATE", "Monday", *at(body, "Monday")),
        DateMention("P3D", "DURATION", "three days", *at(body, "three days")),
        DateMention("2022-01-10", "DATE", "Monday", *at(body, "Monday", second)),
        DateMention("PRESENT_REF", "DATE", "at present", *at(body, "at present")),
        DateMention(None, "DATE", "the talks", *at(body, "the talks")),
    )
    lavrov = Official("Sergei Lavrov", "Foreign Minister", "Russia", ("Lavrov",),
                      (at(body, "Lavrov"), at(body, "Lavrov", second)))
    blinken = Official("Antony Blinken", "Secretary of State", "United States", ("Blinken",), (at(body, "Blinken"),))
    story = entry("talks", sentences, dt.date(2022, 1, 12), Figures(troops, dates, (lavrov, blinken)))
    card = fact_card(story, {("content/talks.md", "Sergei Lavrov"): "people/sergei-lavrov.html"})
    assert [(f.label, f.detail, f.quote) for f in card.troops] == [("Russia: about 100,000 troops", "force size", 1)]
    assert [(f.label, f.quote) for f in card.dates] == [("Monday 10 January 2022", 1)]  # no duration, no PRESENT_REF
    assert [(f.label, f.url, f.quote) for f in card.people] == [
        ("Sergei Lavrov", "people/sergei-lavrov.html", 1), ("Antony Blinken", None, 2)]
    assert [q.number for q in card.quotes] == [1, 2]
    assert [text for text, marked in card.quotes[0].pieces if marked] == ["about 100,000 troops", "Lavrov", "Monday"]
    assert [text for text, marked in card.quotes[1].pieces if marked] == ["Blinken"]
    assert "".join(text for text, _ in card.quotes[1].pieces) == sentences[1]


@pytest.mark.parametrize(("troops", "officials", "expected"), [
    ([(8500, "United States", 10), (100000, "Russia", 40)], [], "United States: about 8,500 troops"),
    ([(None, "rebels", 5)], [], "rebels: tens of thousands"),
    ([], [("Ann Lee", None, 1), ("Kim Ode", "Prime Minister", 2), ("Bo Lind", "spokesman", 1)],
     "Kim Ode, Prime Minister"),
    ([], [("Ann Lee", None, 3)], ""),
])
def test_the_key_figure_is_the_first_troop_count_else_the_official_named_most(
        troops: list[tuple[int | None, str, int]], officials: list[tuple[str, str | None, int]], expected: str) -> None:
    counts = tuple(TroopCount(v, None, True, who, "strength", "tens of thousands", start, start + 5)
                   for v, who, start in troops)
    people = tuple(Official(name, title, None, (), tuple((i, i + 2) for i in range(n))) for name, title, n in officials)
    assert key_figure(entry("x", ["A sentence of the story."], None, Figures(counts, (), people))) == expected


@pytest.mark.parametrize(("name", "orgs", "key", "letter"), [
    ("Xi Jinping", (), "xi jinping", "X"),
    ("Kim Jong-un", (), "kim jong-un", "K"),
    ("Moon Jae-in", ("South Korea",), "moon jae-in", "M"),
    ("Nguyen Xuan Phuc", (), "nguyen xuan phuc", "N"),
    ("Lee Hsien Loong", ("Singapore",), "lee hsien loong", "L"),
    ("Antony Blinken", (), "blinken antony", "B"),
    ("Kim Darroch", ("United Kingdom",), "darroch kim", "D"),
    ("Lee Anderson", (), "anderson lee", "A"),
    ("Ursula von der Leyen", (), "leyen ursula von der", "L"),
    ("Bashar al-Assad", (), "assad bashar", "A"),
    ("Martin Luther King Jr.", (), "king martin luther", "K"),
    ("Ryabkov", (), "ryabkov", "R"),
    ("Ólafur Ragnar Grímsson", (), "grimsson olafur ragnar", "G"),
])
def test_names_sort_by_family_name_which_comes_first_in_chinese_korean_and_vietnamese(
        name: str, orgs: tuple[str, ...], key: str, letter: str) -> None:
    assert sort_key(name, orgs) == key
    assert index_letter(key) == letter


def test_whos_who_puts_this_weeks_people_first_then_everyone_by_how_often_by_country_and_letter() -> None:
    def named(slug: str, date: dt.date, *people: tuple[str, str]) -> Entry:
        sentences = [f"{name} spoke." for name, _ in people]
        offsets = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
        officials = tuple(Official(name, "minister", org, (), ((o, o + len(name)),))
                          for (name, org), o in zip(people, offsets, strict=True))
        return entry(slug, sentences, date, Figures(officials=officials))

    old, new = dt.date(2022, 1, 3), dt.date(2022, 1, 20)
    entries = [named("a", old, ("Xi Jinping", "China"), ("Olaf Scholz", "Germany")),
               named("b", old, ("Xi Jinping", "China")),
               named("c", old, ("Xi Jinping", "China"), ("Annalena Baerbock", "Germany")),
               named("d", new, ("Olaf Scholz", "Germany"))]
    directory = build_directory(gather_people(entries))
    assert [(p.person.name, p.articles) for p in directory.everyone] == [
        ("Xi Jinping", 3), ("Olaf Scholz", 2), ("Annalena Baerbock", 1)]
    assert [(p.person.name, p.this_week) for p in directory.this_week] == [("Olaf Scholz", 1)]
    assert directory.week_start == dt.date(2022, 1, 14)
    assert [(g.name, [p.person.name for p in g.listings]) for g in directory.countries] == [
        ("Germany", ["Olaf Scholz", "Annalena Baerbock"]), ("China", ["Xi Jinping"])]
    assert [(g.name, g.url, [p.person.name for p in g.listings]) for g in directory.letters if g.listings] == [
        ("B", "people/a-z/b.html", ["Annalena Baerbock"]), ("S", "people/a-z/s.html", ["Olaf Scholz"]),
        ("X", "people/a-z/x.html", ["Xi Jinping"])]
    assert len(directory.letters) == 27  # A-Z and "other", each a page even when empty


def test_countries_whose_names_make_the_same_slug_get_numbered_pages() -> None:
    sentences = ["Ana Lima spoke.", "Rui Costa spoke.", "Ines Sousa spoke."]
    officials = tuple(Official(name, "minister", org, (), ((o, o + len(name)),)) for name, org, o in (
        ("Ana Lima", "São Tomé", 0), ("Rui Costa", "Sao Tome", 16), ("Ines Sousa", "SAO TOME", 33)))
    people = gather_people([entry("a", sentences, dt.date(2022, 1, 3), Figures(officials=officials))])
    directory = build_directory(people)
    assert sorted(g.url for g in directory.countries) == [
        "people/by-country/sao-tome-2.html", "people/by-country/sao-tome-3.html", "people/by-country/sao-tome.html"]


def test_undated_articles_have_their_own_section_and_the_brief_says_what_is_coming() -> None:
    ahead = DateMention("2022-01-27", "DATE", "Thursday", 16, 24)
    entries = [entry("dated", ["Talks resume on Thursday."], dt.date(2022, 1, 24), Figures(dates=(ahead,))),
               entry("undated", ["A note without a date."], None, Figures())]
    page = front_page(entries, {})
    assert [s.entry.slug for s in page.stories] == ["dated"]
    assert page.undated is not None and [s.entry.slug for s in page.undated.stories] == ["undated"]
    assert [(e.period.label, e.sentence) for e in page.coming_up] == [
        ("Thursday 27 January 2022", "Talks resume on Thursday.")]
