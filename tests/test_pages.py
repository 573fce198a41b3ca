"""The aggregate pages: timeline, who's who, figures, tags, archive, feed and sitemap."""

from __future__ import annotations

import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_cli

from briefgen.article import Analysis, Article, DateMention, Figures, Official, TroopCount
from briefgen.site.entries import Entry
from briefgen.site.people import gather_people
from briefgen.site.periods import period_of
from briefgen.site.timeline import timeline_events
from briefgen.site.troop_chart import troop_groups


def entry(slug: str, body: str, date: dt.date | None, figures: Figures) -> Entry:
    article = Article(Path(f"content/{slug}.md"), f"{slug}.md", slug.title(), date, None, (), False, body, 1)
    spans = []
    start = 0
    for part in body.split(". "):
        spans.append((start, start + len(part) + 1))
        start += len(part) + 2
    return Entry(article, Analysis((), figures), slug, tuple(spans))


@pytest.mark.parametrize(
    ("value", "label", "start", "end"),
    [
        ("2022-01-13", "Thursday 13 January 2022", "2022-01-13", "2022-01-13"),
        ("2022-01-13T14:30", "Thursday 13 January 2022, 14:30", "2022-01-13", "2022-01-13"),
        ("2022-W02", "the week of 10 January 2022", "2022-01-10", "2022-01-16"),
        ("2022-02", "February 2022", "2022-02-01", "2022-02-28"),
        ("2022-Q1", "the first quarter of 2022", "2022-01-01", "2022-03-31"),
        ("2021-WI", "winter 2021", "2021-12-01", "2022-02-28"),
        ("2014", "2014", "2014-01-01", "2014-12-31"),
        ("199", "the 1990s", "1990-01-01", "1999-12-31"),
    ],
)
def test_periods_of_timex_values(value: str, label: str, start: str, end: str) -> None:
    period = period_of(value)
    assert period is not None
    assert (period.label, period.start.isoformat(), period.end.isoformat()) == (label, start, end)


@pytest.mark.parametrize("value", [None, "P3D", "PRESENT_REF", "XXXX-WXX-1", "2022-02-30", "2022-W60"])
def test_values_without_a_calendar_period(value: str | None) -> None:
    assert period_of(value) is None


def test_timeline_keeps_dates_to_the_month_in_calendar_order_and_marks_the_latest_brief() -> None:
    body = "Talks began on Monday. A ruling is due in February. The war began in 2014. Talks end on Wednesday"
    dates = (
        DateMention("2022-01-31", "DATE", "Monday", 16, 22),
        DateMention("2022-02", "DATE", "February", 42, 50),
        DateMention("2014", "DATE", "2014", 69, 73),
        DateMention("P3D", "DURATION", "three days", 0, 1),
        DateMention("2022-02-02", "DATE", "Wednesday", 88, 97),
    )
    events = timeline_events([entry("a", body, dt.date(2022, 2, 2), Figures(dates=dates))])
    assert [e.period.label for e in events] == ["Monday 31 January 2022", "February 2022", "Wednesday 2 February 2022"]
    assert [e.current for e in events] == [False, False, True]  # a month is marked in the navigation, not as a row
    assert events[0].sentence == "Talks began on Monday."


def test_timeline_has_one_row_per_event_across_mentions_and_articles() -> None:
    body = "Envoys met on Monday, the start of a busy week. Nothing else"
    dates = (DateMention("2022-01-10", "DATE", "Monday", 13, 19), DateMention("2022-W02", "DATE", "week", 41, 45))
    repeated = [entry(name, body, dt.date(2022, 1, day), Figures(dates=dates)) for name, day in (("b", 12), ("a", 11))]
    events = timeline_events(repeated)
    assert [(e.period.label, [x.slug for x in e.entries]) for e in events] == [("Monday 10 January 2022", ["a", "b"])]


def test_timeline_opens_at_the_latest_briefs_month_and_splits_long_months(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.site import timeline

    def on(day: int, month: int) -> DateMention:
        return DateMention(f"2022-{month:02d}-{day:02d}", "DATE", "x", 0, 1)

    entries = [entry(f"d{day}-{month}", "x", dt.date(2022, 2, 1), Figures(dates=(on(day, month),)))
               for month, days in ((1, range(1, 8)), (2, [1]), (3, [9])) for day in days]
    monkeypatch.setattr(timeline, "TIMELINE_PAGE_EVENTS", 3)
    built = timeline.build_timeline(entries)
    assert [(m.month, [p.label for p in m.parts]) for m in built.months] == [
        ("2022-01", ["1–3 January 2022", "4–6 January 2022", "7 January 2022"]),
        ("2022-02", ["February 2022"]),
        ("2022-03", ["March 2022"]),
    ]
    assert built.opening is not None and built.opening.url == "timeline/2022-02.html"
    assert [(year, part.url) for year, part in built.years()] == [("2022", "timeline/2022-02.html")]
    assert built.months[0].parts[1].url == "timeline/2022-01-2.html"


def test_people_merge_across_articles_and_surnames() -> None:
    ryabkov = Official("Sergei Ryabkov", "Deputy Foreign Minister", "Russia", ("Ryabkov",), ((0, 14),))
    surname = Official("Ryabkov", "diplomat", None, (), ((0, 7),))
    other = Official("Ian Blair", "police chief", "United Kingdom", (), ((0, 9),))
    entries = [
        entry("one", "Sergei Ryabkov spoke. Nothing else", dt.date(2022, 1, 10), Figures(officials=(ryabkov,))),
        entry("two", "Ryabkov spoke again", dt.date(2022, 1, 13), Figures(officials=(surname, other))),
    ]
    people = gather_people(entries)
    assert [(p.name, p.titles, p.orgs) for p in people] == [
        ("Ian Blair", ("police chief",), ("United Kingdom",)),
        ("Sergei Ryabkov", ("diplomat", "Deputy Foreign Minister"), ("Russia",)),
    ]
    assert [m.entry.slug for m in people[1].mentions] == ["two", "one"]
    assert people[1].mentions[1].sentences == ("Sergei Ryabkov spoke.",)


def test_troop_groups_by_party_in_date_order_with_bars() -> None:
    def troops(value: int, who: str | None) -> TroopCount:
        return TroopCount(value, None, False, who, "strength", f"{value} troops", 0, 5)

    entries = [
        entry("late", "x", dt.date(2022, 1, 24),
              Figures(troops=(troops(8500, "United States"), troops(100000, "Russia")))),
        entry("early", "x", dt.date(2022, 1, 10), Figures(troops=(troops(175000, "Russia"),))),
        entry("none", "x", None, Figures(troops=(troops(300, None),))),
    ]
    groups = troop_groups(entries)
    assert [(g.who, [r.troop.value for r in g.rows]) for g in groups] == [
        ("Russia", [175000, 100000]), ("Not stated", [300]), ("United States", [8500])
    ]
    widths = {r.troop.value: r.bar_width for g in groups for r in g.rows}
    assert widths[175000] > widths[100000] > widths[8500] > widths[300] >= 0


def test_built_site_has_every_page_and_valid_feeds(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    site = project / "site"
    for page in ["index.html", "timeline.html", "figures.html", "people/index.html", "tags/index.html",
                 "tags/talks.html", "days/index.html", "days/2023-05-04.html", "search.html", "404.html"]:
        assert (site / page).is_file(), page
    front = (site / "index.html").read_text()
    for link in ["timeline.html", "people/index.html", "figures.html", "search.html"]:
        assert f'href="{link}"' in front
    feed = ET.parse(site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.findall(f"{atom}entry")]
    assert titles == ["Envoys meet again over the river ceasefire", "Army begins winter exercise near the border"]
    assert feed.find(f"{atom}entry/{atom}link").get("href") == "https://example.org/brief/articles/ceasefire-talks.html"
    urls = [u.text for u in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/brief/index.html" in urls
    assert all(u.startswith("https://example.org/brief/") for u in urls)
    assert 'href="/brief/index.html"' in (site / "404.html").read_text()


def test_old_days_go_to_the_archive_and_undated_articles_stay_on_the_front_page(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefgen.site import brief

    monkeypatch.setattr(brief, "FRONT_PAGE_DAYS", 0)
    assert run_cli(["build", "-q"], project).exit_code == 0
    site = project / "site"
    front = (site / "index.html").read_text()
    assert '<section class="day"' not in front
    assert '<section class="day undated" id="undated"' in front
    assert "Earlier days are in the archive" in front
    assert (site / "timeline" / "2023-05.html").is_file()


def test_every_page_declares_the_articles_it_is_made_from() -> None:
    from briefgen.config import load_config
    from briefgen.site.pages import site_pages

    blinken = Official("Antony Blinken", "Secretary of State", "United States", (), ((0, 14),))
    dates = (DateMention("2022-01-10", "DATE", "Monday", 0, 6),)
    talks = entry("talks", "Antony Blinken spoke", dt.date(2022, 1, 10), Figures(officials=(blinken,)))
    ruling = entry("ruling", "Monday was set", dt.date(2022, 1, 11), Figures(dates=dates))
    pages = {p.url: p for p in site_pages(load_config(None), [talks, ruling])}
    assert pages["articles/talks.html"].inputs == {"content/talks.md"}
    assert pages["articles/talks.html"].indexed and not pages["index.html"].indexed
    assert pages["people/antony-blinken.html"].inputs == {"content/talks.md"}
    assert pages["days/2022-01-11.html"].inputs == {"content/ruling.md"}
    assert pages["index.html"].inputs == {"content/talks.md", "content/ruling.md"}
    assert pages["search.html"].inputs == frozenset()
    assert "feed.xml" not in pages  # no base_url


def test_default_date_fs_dates_undated_articles_by_their_file_and_keeps_its_time(project: Path) -> None:
    config = project / "config.yaml"
    config.write_text(config.read_text() + "default_date: fs\n")
    undated = project / "content" / "border-exercise.txt"
    noon = dt.datetime(2023, 5, 2, 12, 0).timestamp()
    os.utime(undated, (noon, noon))
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert "fingerprint:" in undated.read_text()  # the analysis was written into the file ...
    assert undated.stat().st_mtime == noon  # ... which kept its modification time, so its date
    front = (project / "site" / "index.html").read_text()
    assert 'id="undated"' not in front
    assert "Tuesday 2 May 2023" in front
    assert (project / "site" / "days" / "2023-05-02.html").is_file()


def test_a_very_long_sentence_is_quoted_around_its_date_on_the_timeline() -> None:
    filler = " ".join(f"item{i}" for i in range(150))
    body = f"{filler} and a vote on Monday ends it {filler}"
    start = body.index("Monday")
    dates = (DateMention("2022-01-10", "DATE", "Monday", start, start + 6),)
    [event] = timeline_events([entry("long", body, dt.date(2022, 1, 12), Figures(dates=dates))])
    assert "a vote on Monday ends it" in event.sentence
    assert event.sentence.startswith("…") and event.sentence.endswith("…") and len(event.sentence) <= 322


def test_every_page_has_its_own_description_link_preview_tags_and_canonical_address(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    site = project / "site"
    descriptions = {}
    for page in sorted(site.rglob("*.html")):
        path = page.relative_to(site).as_posix()
        head = page.read_text().split("</head>")[0]
        tags = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', head))
        assert tags.get("description") and tags["description"] == tags.get("og:description"), path
        assert tags.get("og:title") and tags.get("twitter:card") == "summary", path
        assert tags["og:type"] == ("article" if path.startswith("articles/") else "website"), path
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', head)
        assert canonical == ([] if path == "404.html" else [f"https://example.org/brief/{path}"]), path
        descriptions[path] = tags["description"]
    assert descriptions["articles/ceasefire-talks.html"].startswith("Envoys from both sides")
    assert len(set(descriptions.values())) > len(descriptions) * 0.8, "pages share one description"
    config = project / "config.yaml"
    config.write_text(config.read_text().replace("base_url: https://example.org/brief/", ""))
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert 'rel="canonical"' not in (site / "index.html").read_text()
    assert 'href="/index.html"' in (site / "404.html").read_text()  # served at any depth: from the host's root


def test_a_day_with_more_events_than_a_page_takes_several_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.site import timeline

    monkeypatch.setattr(timeline, "TIMELINE_PAGE_EVENTS", 2)
    entries = [entry(f"e{i}", f"Item {i} was on Monday", dt.date(2022, 1, 12),
                     Figures(dates=(DateMention("2022-01-10", "DATE", "Monday", 15, 21),))) for i in range(5)]
    [month] = timeline.build_timeline(entries).months
    assert [(p.label, len(p.events)) for p in month.parts] == [
        ("10 January 2022 (1 of 3)", 2), ("10 January 2022 (2 of 3)", 2), ("10 January 2022 (3 of 3)", 1)]
