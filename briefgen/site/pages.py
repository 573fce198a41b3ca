"""The pages of the site: each step lists its pages, each page declares the articles it is made from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from briefgen.config import Config
from briefgen.errors import BriefgenError
from briefgen.site import urls
from briefgen.site.entries import Entry, figure_rows, group_by_day, newest_first
from briefgen.site.people import gather_people
from briefgen.site.render import PageWriter, body_html, merge_template_problems, static_files
from briefgen.site.timeline import timeline_events
from briefgen.site.troop_chart import CHART_WIDTH, LABEL_WIDTH, troop_groups

Context = Callable[[], Mapping[str, Any]]
"""Makes a page's template context; called only when the page is rendered."""


@dataclass(frozen=True)
class Page:
    """One file of the site: where it goes, the template that makes it and the articles it shows.

    The page's bytes are a function of its template context, the config and the templates, and the
    context is made from the entries of `inputs` only. So a page needs rendering again when one of
    those articles changed or when the set of `inputs` itself changed (an article came or went).
    """

    url: str
    """Path in the site, relative to its root."""
    template: str
    what: str
    """What the page is, for error messages ("the front page")."""
    context: Context
    inputs: frozenset[str] = field(default=frozenset(), repr=False)
    """Content paths (`Entry.key`) of the articles whose analysis the page shows."""
    indexed: bool = False
    """True for the pages the search index covers."""
    root: str | None = None
    """The way back to the site root; None: relative, from `url`."""
    extra: str = ""
    """Whatever else the context shows that the entries of `inputs` do not decide, as text."""


@dataclass(frozen=True)
class Tag:
    """A tag and the articles that carry it, newest first."""

    name: str
    slug: str
    entries: tuple[Entry, ...]

    @property
    def url(self) -> str:
        """Path of the tag's page, relative to the site root."""
        return urls.tag_url(self.slug)


FRONT_PAGE_DAYS = 7
"""Days of briefs on the front page; older days are in the archive."""
TIMELINE_PAGE_EVENTS = 400
"""Above this many dated mentions, the timeline gets a page per month."""


def keys(entries: Iterable[Entry]) -> frozenset[str]:
    """The input keys of some entries."""
    return frozenset(e.key for e in entries)


def given(**context: Any) -> Context:
    """A context made beforehand (cheap to hold: it refers to models the step made anyway)."""
    return lambda: context


def article_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """One page per article: summary, figures with their sentences, full text, source."""
    def context(entry: Entry) -> Context:
        return lambda: {"entry": entry, "figures": figure_rows(entry), "body": body_html(entry.article)}

    return [Page(e.url, "article.html", e.article.path.as_posix(), context(e), keys([e]), indexed=True)
            for e in entries]


def front_page(config: Config, entries: list[Entry]) -> list[Page]:
    """The day's brief: the latest days, newest first, each article with its summary and key figures."""
    days = group_by_day(entries)
    shown = days[:FRONT_PAGE_DAYS]
    older = len(days) > FRONT_PAGE_DAYS
    return [Page(urls.FRONT_PAGE, "index.html", "the front page", given(days=shown, older=older),
                 keys(e for day in shown for e in day.entries), extra=f"older={older}")]


def people_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """Who's who, and a page per person with every article and sentence that names them."""
    people = gather_people(entries)
    pages = [Page(urls.PEOPLE, "people.html", "who's who", given(people=people),
                  keys(m.entry for p in people for m in p.mentions))]
    for person in people:
        pages.append(Page(person.url, "person.html", f"the page of {person.name}", given(person=person),
                          keys(m.entry for m in person.mentions)))
    return pages


def timeline_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """Every dated mention across articles in calendar order: one page, or a page per month when long."""
    latest = max((e.article.date for e in entries if e.article.date), default=None)
    events = timeline_events(entries)
    everyone = keys(entries)  # the latest date, which marks the current events, may come from any article
    if len(events) <= TIMELINE_PAGE_EVENTS:
        return [Page(urls.TIMELINE, "timeline.html", "the timeline",
                     given(events=events, latest=latest, months=[], month=None), everyone)]
    months = [(month, list(group)) for month, group in groupby(events, key=lambda e: e.period.start.strftime("%Y-%m"))]
    current = next((m for m, group in months if any(e.today for e in group)), months[-1][0])
    pages = [Page(urls.TIMELINE, "timeline.html", "the timeline",
                  given(latest=latest, months=months, events=dict(months)[current], month=current), everyone)]
    for month, group in months:
        pages.append(Page(urls.timeline_month_url(month), "timeline.html", f"the timeline of {month}",
                          given(latest=latest, months=months, events=group, month=month), everyone))
    return pages


def figures_page(config: Config, entries: list[Entry]) -> list[Page]:
    """Troop counts grouped by whose troops, with an inline SVG chart per group."""
    groups = troop_groups(entries)
    return [Page(urls.FIGURES, "figures.html", "the figures page",
                 given(groups=groups, chart_width=CHART_WIDTH, label_width=LABEL_WIDTH),
                 keys(row.entry for g in groups for row in g.rows))]


def tag_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """A page per tag and an index of tags."""
    by_tag: dict[str, list[Entry]] = {}
    for entry in newest_first(entries):
        for tag in entry.article.tags:
            by_tag.setdefault(tag, []).append(entry)
    tags: list[Tag] = []
    used: set[str] = set()
    for name in sorted(by_tag, key=str.lower):
        slug = urls.slugify(name)
        while slug in used:
            slug += "-2"
        used.add(slug)
        tags.append(Tag(name, slug, tuple(by_tag[name])))
    pages = [Page(urls.TAGS, "tags.html", "the tag index", given(tags=tags), keys(e for t in tags for e in t.entries))]
    for item in tags:
        pages.append(Page(item.url, "tag.html", f"the page of tag {item.name!r}", given(tag=item), keys(item.entries)))
    return pages


def archive_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """An archive of days, and a page per day that prints as that day's paper brief."""
    days = group_by_day(entries)
    pages = [Page(urls.ARCHIVE, "archive.html", "the archive", given(days=days), keys(entries))]
    for day in days:
        pages.append(Page(day.url, "day.html", f"the day page {day.slug}", given(day=day), keys(day.entries)))
    return pages


def search_page(config: Config, entries: list[Entry]) -> list[Page]:
    """The search page; the index itself is made by Pagefind over the finished site."""
    return [Page(urls.SEARCH, "search.html", "the search page", given())]


def not_found_page(config: Config, entries: list[Entry]) -> list[Page]:
    """404.html; with a base URL its links are root-relative (its path), as it is served at any depth."""
    return [Page(urls.NOT_FOUND, "404.html", "the 404 page", given(), root=urlsplit(config.base_url).path or None)]


def feed(config: Config, entries: list[Entry]) -> list[Page]:
    """The Atom feed of the latest articles; it needs absolute URLs, so only with `base_url` in config."""
    if not config.base_url:
        return []
    latest = newest_first(entries)[:50]
    updated = max((e.article.date for e in entries if e.article.date), default=dt.date(1970, 1, 1))
    return [Page(urls.FEED, "feed.xml", "the Atom feed", given(entries=latest, base=config.base_url, updated=updated),
                 keys(entries))]


def sitemap(config: Config, pages: list[Page], entries: list[Entry]) -> list[Page]:
    """sitemap.xml of the HTML pages before it; only with `base_url` in config."""
    if not config.base_url:
        return []
    listed = sorted(p.url for p in pages if p.url.endswith(".html") and p.url != urls.NOT_FOUND)
    return [Page(urls.SITEMAP, "sitemap.xml", "the sitemap", given(pages=listed, base=config.base_url),
                 keys(entries))]


INDEXED_PAGES: list[Callable[[Config, list[Entry]], list[Page]]] = [article_pages]
"""The pages Pagefind indexes: rendered first, so that indexing can start while the rest renders."""
PAGES: list[Callable[[Config, list[Entry]], list[Page]]] = [
    front_page,
    people_pages,
    timeline_pages,
    figures_page,
    tag_pages,
    archive_pages,
    search_page,
    not_found_page,
    feed,
]
"""The other pages in rendering order; the sitemap follows them, listing every page."""


def indexed_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """The pages the search index covers (the article pages)."""
    return [page for step in INDEXED_PAGES for page in step(config, entries)]


def other_pages(config: Config, entries: list[Entry], indexed: list[Page]) -> list[Page]:
    """Every page besides the indexed ones, the sitemap last."""
    pages = [page for step in PAGES for page in step(config, entries)]
    return pages + sitemap(config, indexed + pages, entries)


def site_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """Every page of the site with its inputs, none rendered: what an incremental build compares."""
    indexed = indexed_pages(config, entries)
    return indexed + other_pages(config, entries, indexed)


def render_pages(writer: PageWriter, pages: list[Page]) -> None:
    """Render each page not in the writer's `skip` set."""
    for page in pages:
        if page.url not in writer.skip:
            writer.page(page.url, page.template, page.what, root_override=page.root, **page.context())


def render_site(
    config: Config, entries: list[Entry], skip: set[str] | frozenset[str] = frozenset()
) -> tuple[dict[str, bytes], Callable[[], dict[str, bytes]]]:
    """The article pages (but those in `skip`), and a function that renders every other file of the site.

    Template errors of either part are all reported at once: when the article pages have any,
    the rest is rendered at once too, to collect its errors before raising.
    """
    writer = PageWriter(config, skip)
    indexed_list = indexed_pages(config, entries)
    render_pages(writer, indexed_list)
    indexed = dict(writer.files)

    def render_rest() -> dict[str, bytes]:
        rest = PageWriter(config, set(skip) | set(indexed))
        render_pages(rest, other_pages(config, entries, indexed_list))
        if writer.problems or rest.problems:
            raise BriefgenError(merge_template_problems(writer.problems, rest.problems))
        return {**static_files(config), **rest.files}

    if writer.problems:
        render_rest()
    return indexed, render_rest
