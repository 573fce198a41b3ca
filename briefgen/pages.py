"""The pages of the site, one small step each, in the order they are rendered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlsplit

from briefgen.config import Config
from briefgen.entries import Entry, figure_rows, group_by_day, newest_first, slugify
from briefgen.errors import BriefgenError
from briefgen.people import gather_people
from briefgen.render import PageWriter, body_html, merge_template_problems, static_files
from briefgen.timeline import timeline_events
from briefgen.troop_chart import CHART_WIDTH, LABEL_WIDTH, troop_groups


@dataclass(frozen=True)
class Tag:
    """A tag and the articles that carry it, newest first."""

    name: str
    slug: str
    entries: tuple[Entry, ...]


FRONT_PAGE_DAYS = 7
"""Days of briefs on the front page; older days are in the archive."""
TIMELINE_PAGE_EVENTS = 400
"""Above this many dated mentions, the timeline gets a page per month."""


def front_page(writer: PageWriter, entries: list[Entry]) -> None:
    """The day's brief: the latest days, newest first, each article with its summary and key figures."""
    days = group_by_day(entries)
    writer.page("index.html", "index.html", "the front page", days=days[:FRONT_PAGE_DAYS],
                older=len(days) > FRONT_PAGE_DAYS)


def article_pages(writer: PageWriter, entries: list[Entry]) -> None:
    """One page per article: summary, figures with their sentences, full text, source."""
    for entry in entries:
        if entry.url in writer.skip:
            continue
        writer.page(entry.url, "article.html", entry.article.path.as_posix(), entry=entry,
                    figures=figure_rows(entry), body=body_html(entry.article))


def people_pages(writer: PageWriter, entries: list[Entry]) -> None:
    """Who's who, and a page per person with every article and sentence that names them."""
    people = gather_people(entries)
    writer.page("people/index.html", "people.html", "who's who", people=people)
    for person in people:
        writer.page(person.url, "person.html", f"the page of {person.name}", person=person)


def timeline_page(writer: PageWriter, entries: list[Entry]) -> None:
    """Every dated mention across articles in calendar order: one page, or a page per month when long."""
    latest = max((e.article.date for e in entries if e.article.date), default=None)
    events = timeline_events(entries)
    if len(events) <= TIMELINE_PAGE_EVENTS:
        writer.page("timeline.html", "timeline.html", "the timeline", events=events, latest=latest, months=[],
                    month=None)
        return
    months = [(month, list(group)) for month, group in groupby(events, key=lambda e: e.period.start.strftime("%Y-%m"))]
    current = next((m for m, group in months if any(e.today for e in group)), months[-1][0])
    writer.page("timeline.html", "timeline.html", "the timeline", latest=latest, months=months,
                events=dict(months)[current], month=current)
    for month, group in months:
        writer.page(f"timeline/{month}.html", "timeline.html", f"the timeline of {month}", latest=latest,
                    months=months, events=group, month=month)


def figures_page(writer: PageWriter, entries: list[Entry]) -> None:
    """Troop counts grouped by whose troops, with an inline SVG chart per group."""
    writer.page("figures.html", "figures.html", "the figures page", groups=troop_groups(entries),
                chart_width=CHART_WIDTH, label_width=LABEL_WIDTH)


def tag_pages(writer: PageWriter, entries: list[Entry]) -> None:
    """A page per tag and an index of tags."""
    by_tag: dict[str, list[Entry]] = {}
    for entry in newest_first(entries):
        for tag in entry.article.tags:
            by_tag.setdefault(tag, []).append(entry)
    tags: list[Tag] = []
    used: set[str] = set()
    for name in sorted(by_tag, key=str.lower):
        slug = slugify(name)
        while slug in used:
            slug += "-2"
        used.add(slug)
        tags.append(Tag(name, slug, tuple(by_tag[name])))
    writer.page("tags/index.html", "tags.html", "the tag index", tags=tags)
    for item in tags:
        writer.page(f"tags/{item.slug}.html", "tag.html", f"the page of tag {item.name!r}", tag=item)


def archive_pages(writer: PageWriter, entries: list[Entry]) -> None:
    """An archive of days, and a page per day that prints as that day's paper brief."""
    days = group_by_day(entries)
    writer.page("days/index.html", "archive.html", "the archive", days=days)
    for day in days:
        writer.page(f"days/{day.slug}.html", "day.html", f"the day page {day.slug}", day=day)


def search_page(writer: PageWriter, entries: list[Entry]) -> None:
    """The search page; the index itself is made by Pagefind over the finished site."""
    writer.page("search.html", "search.html", "the search page")


def not_found_page(writer: PageWriter, entries: list[Entry]) -> None:
    """404.html; with a base URL its links are root-relative (its path), as it is served at any depth."""
    writer.page("404.html", "404.html", "the 404 page", root_override=urlsplit(writer.config.base_url).path or None)


def feed_and_sitemap(writer: PageWriter, entries: list[Entry]) -> None:
    """Atom feed and sitemap.xml; both need absolute URLs, so only with `base_url` in config."""
    base = writer.config.base_url
    if not base:
        return
    latest = newest_first(entries)[:50]
    updated = max((e.article.date for e in entries if e.article.date), default=dt.date(1970, 1, 1))
    writer.page("feed.xml", "feed.xml", "the Atom feed", entries=latest, base=base, updated=updated)
    pages = sorted(p for p in [*writer.files, *writer.skip] if p.endswith(".html") and p != "404.html")
    writer.page("sitemap.xml", "sitemap.xml", "the sitemap", pages=pages, base=base)


INDEXED_PAGES: list[Callable[[PageWriter, list[Entry]], None]] = [article_pages]
"""The pages Pagefind indexes: rendered first, so that indexing can start while the rest renders."""
PAGES: list[Callable[[PageWriter, list[Entry]], None]] = [
    front_page,
    people_pages,
    timeline_page,
    figures_page,
    tag_pages,
    archive_pages,
    search_page,
    not_found_page,
    feed_and_sitemap,
]
"""The other pages in rendering order (the sitemap comes last: it lists the pages before it)."""


def render_site(
    config: Config, entries: list[Entry], skip: set[str] | frozenset[str] = frozenset()
) -> tuple[dict[str, bytes], Callable[[], dict[str, bytes]]]:
    """The article pages (but those in `skip`), and a function that renders every other file of the site.

    Template errors of either part are all reported at once: when the article pages have any,
    the rest is rendered at once too, to collect its errors before raising.
    """
    writer = PageWriter(config, skip)
    for step in INDEXED_PAGES:
        step(writer, entries)
    indexed = dict(writer.files)

    def render_rest() -> dict[str, bytes]:
        rest = PageWriter(config, set(skip) | set(indexed))
        for step in PAGES:
            step(rest, entries)
        if writer.problems or rest.problems:
            raise BriefgenError(merge_template_problems(writer.problems, rest.problems))
        return {**static_files(config), **rest.files}

    if writer.problems:
        render_rest()
    return indexed, render_rest
