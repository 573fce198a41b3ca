"""The pages of the site: each step lists its pages, each page declares the articles it is made from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from briefgen.config import Config
from briefgen.errors import counted
from briefgen.site import urls
from briefgen.site.brief import brief_day, front_page
from briefgen.site.entries import Day, Entry, group_by_day, newest_first
from briefgen.site.facts import PersonUrls, fact_card
from briefgen.site.people import Person, gather_people
from briefgen.site.periods import day_in_words
from briefgen.site.render import PageWriter, body_html
from briefgen.site.timeline import Timeline, TimelinePart, build_timeline
from briefgen.site.troop_chart import CHART_WIDTH, LABEL_WIDTH, troop_groups
from briefgen.site.whos_who import (
    PERSON_FOLDED_SHOWN,
    PERSON_LATEST_SHOWN,
    Directory,
    Group,
    build_directory,
    filter_script,
)

Context = Callable[[], Mapping[str, Any]]
"""Makes a page's template context; called only when the page is rendered."""
ARCHIVE_TITLES = 500
"""Up to this many articles the archive lists every headline under its day; above, only the days."""
DESCRIPTION_LENGTH = 200
"""Characters of a page's meta description: what link previews show."""


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
    title: str = ""
    """The page's own title ("" for the front page: the site's title alone)."""
    description: str = ""
    """One or two sentences for link previews and search engines ("" : the site's description)."""
    kind: str = "website"
    """Open Graph type: "article" for article pages."""
    indexed: bool = False
    """True for the pages the search index covers."""
    root: str | None = None
    """The way back to the site root; None: relative, from `url`."""
    content: Callable[[], bytes] | None = None
    """For a file that is not a template's output (a script of data): makes its bytes."""
    extra: str = ""
    """What else the page shows that the entries of `inputs` do not decide (the timeline's navigation), as
    text: an incremental build renders the page again when this changes too."""


@dataclass(frozen=True)
class SiteModel:
    """What the pages are made from, computed once per build."""

    config: Config
    entries: list[Entry]
    people: list[Person]
    person_urls: PersonUrls


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


def site_model(config: Config, entries: list[Entry]) -> SiteModel:
    """Gather the people of all articles, and each official's page."""
    people = gather_people(entries)
    person_urls = {(m.entry.key, m.official.name): person.url for person in people for m in person.mentions}
    return SiteModel(config, entries, people, person_urls)


def inputs_of(entries: Iterable[Entry]) -> frozenset[str]:
    """The keys that name some entries among a page's inputs (`Page.inputs`)."""
    return frozenset(e.key for e in entries)


def person_links(model: SiteModel, entries: Iterable[Entry]) -> str:
    """The person pages that these entries' fact cards link to, as text for `Page.extra`: a person's URL can change
    with articles the page does not show (a fuller form of the name arrives elsewhere)."""
    return repr([model.person_urls.get((e.key, o.name)) for e in entries for o in e.analysis.figures.officials])


def given(**context: Any) -> Context:
    """A context made beforehand (cheap to hold: it refers to models the step made anyway)."""
    return lambda: context


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """`text` on one line, cut at a word before `length` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    return flat[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def headlines(entries: Iterable[Entry], count: int = 4) -> str:
    """The first headlines, joined for a description."""
    return "; ".join(e.article.title for e in list(entries)[:count])


def article_pages(model: SiteModel) -> list[Page]:
    """One page per article: summary, fact card with the sentences the figures came from, full text, source."""
    def context(entry: Entry) -> Context:
        return lambda: {"entry": entry, "card": fact_card(entry, model.person_urls),
                        "body": body_html(entry.article, model.config.remote_images)}

    return [Page(e.url, "article.html", e.article.path.as_posix(), context(e), inputs_of([e]), e.article.title,
                 shorten(" ".join(e.analysis.summary) or e.article.body), "article", indexed=True,
                 extra=person_links(model, [e]))
            for e in model.entries]


def front_pages(model: SiteModel) -> list[Page]:
    """The brief: the latest days one line per story, then each story with its summary and fact line."""
    page = front_page(model.entries, model.person_urls)
    if page.latest:
        description = f"The brief for {day_in_words(page.latest)}: {headlines(s.entry for s in page.stories)}"
    else:
        description = model.config.description
    # which articles make the latest days, and the undated count, may change with any article
    everyone = inputs_of(model.entries)
    return [Page(urls.FRONT_PAGE, "index.html", "the front page", given(brief=page), everyone, "",
                 shorten(description), extra=person_links(model, model.entries))]


def people_pages(model: SiteModel) -> list[Page]:
    """Who's who (this week, most mentioned, by country, A–Z, a filter box), and a page per person."""
    directory = build_directory(model.people)
    everyone = inputs_of(m.entry for p in model.people for m in p.mentions)
    pages = [
        Page(urls.PEOPLE, "people.html", "who's who", given(directory=directory), everyone, "Who's who",
             f"The {len(directory.everyone)} people the articles name, by how often they are in the news and by "
             "country."),
        Page(urls.PEOPLE_FILTER_DATA, "", "the who's who filter data", given(), everyone,
             content=lambda: filter_script(directory)),
    ]
    pages += [group_page(group, "country", directory) for group in directory.countries]
    pages += [group_page(group, "letter", directory) for group in directory.letters]
    for listing in directory.everyone:
        person = listing.person
        latest = person.mentions[0].entry.article.date
        role = ", ".join(x for x in (listing.title, listing.country) if x)
        description = f"{person.name} ({role}): named in {counted(listing.articles, 'article')}" + (
            f", latest on {day_in_words(latest)}." if latest else ".")
        pages.append(Page(person.url, "person.html", f"the page of {person.name}",
                          given(person=person, listing=listing, latest_shown=PERSON_LATEST_SHOWN,
                                folded_shown=PERSON_FOLDED_SHOWN),
                          inputs_of(m.entry for m in person.mentions), person.name, shorten(description)))
    return pages


def group_page(group: Group, by: str, directory: Directory) -> Page:
    """The who's who page of one country or one letter; made from the articles naming its people only (its
    links to the other letters are all 26 and "other", whether or not anyone is filed there)."""
    title = f"Who's who: {group.name}" if by == "country" else f"Who's who: {group.name}, by family name"
    names = ", ".join(p.person.name for p in group.listings[:5])
    description = f"{len(group.listings)} people: {names}" if names else f"No family name under {group.name} yet."
    return Page(group.url, "people_group.html", f"the who's who page {group.name!r}",
                given(group=group, by=by, letters=[(g.name, g.url) for g in directory.letters]),
                inputs_of(m.entry for p in group.listings for m in p.person.mentions), title, shorten(description))


def timeline_pages(model: SiteModel) -> list[Page]:
    """The dated events by month, opening at the latest brief's; one page per month (or part of a long one)."""
    timeline = build_timeline(model.entries)
    if timeline.opening is None:
        return [Page(urls.TIMELINE, "timeline.html", "the timeline", given(timeline=timeline, part=None),
                     inputs_of(model.entries), "Timeline", "No dated events yet.")]
    pages = [timeline_page(urls.TIMELINE, timeline, timeline.opening)]
    for month in timeline.months:
        pages += [timeline_page(part.url, timeline, part) for part in month.parts]
    return pages


def timeline_page(url: str, timeline: Timeline, part: TimelinePart) -> Page:
    """One page of the timeline: made from the articles of its events, the latest brief's day and its navigation
    (the years, and the months of its year with their counts), so an edit re-renders only the pages it touches."""
    first = part.events[0]
    description = f"{len(part.events)} dated events in {part.label}, from {first.period.label}: {first.sentence}"
    year = part.month[:4]
    navigation = repr((timeline.latest, [(y, target.url) for y, target in timeline.years()],
                       [(m.month, m.count, [(p.url, p.label) for p in m.parts]) for m in timeline.months_of(year)]))
    return Page(url, "timeline.html", f"the timeline of {part.label}", given(timeline=timeline, part=part),
                inputs_of(entry for event in part.events for entry in event.entries), f"Timeline: {part.label}",
                shorten(description), extra=navigation)


def figures_page(model: SiteModel) -> list[Page]:
    """Troop counts grouped by whose troops, with an inline SVG chart per group."""
    groups = troop_groups(model.entries)
    parties = ", ".join(g.who for g in groups[:5])
    counted = inputs_of(e for e in model.entries if e.analysis.figures.troops)  # every count sets the scale and totals
    return [Page(urls.FIGURES, "figures.html", "the figures page",
                 given(groups=groups, chart_width=CHART_WIDTH, label_width=LABEL_WIDTH), counted, "Troop counts",
                 shorten(f"Troop counts in the articles, by whose troops: {parties}." if groups else
                         "No troop counts in the articles yet."))]


def tag_pages(model: SiteModel) -> list[Page]:
    """A page per tag and an index of tags."""
    by_tag: dict[str, list[Entry]] = {}
    for entry in newest_first(model.entries):
        for tag in entry.article.tags:
            by_tag.setdefault(tag, []).append(entry)
    tags: list[Tag] = []
    slugs = urls.UniqueSlugs()
    for name in sorted(by_tag, key=str.lower):
        tags.append(Tag(name, slugs.take(name), tuple(by_tag[name])))
    pages = [Page(urls.TAGS, "tags.html", "the tag index", given(tags=tags),
                  inputs_of(e for t in tags for e in t.entries), "Tags",
                  shorten("Articles by tag: " + ", ".join(t.name for t in tags)))]
    for item in tags:
        pages.append(Page(item.url, "tag.html", f"the page of tag {item.name!r}", given(tag=item),
                          inputs_of(item.entries), f"Tagged “{item.name}”",
                          shorten(f"Articles tagged {item.name}: {headlines(item.entries)}")))
    return pages


def archive_pages(model: SiteModel) -> list[Page]:
    """An archive of days, and a page per day that prints as that day's paper brief."""
    days = group_by_day(model.entries)
    titles = len(model.entries) <= ARCHIVE_TITLES
    pages = [Page(urls.ARCHIVE, "archive.html", "the archive", given(days=days, titles=titles),
                  inputs_of(model.entries), "Archive",
                  f"Every day of the brief: {len(model.entries)} articles on {len(days)} days.")]
    for day in days:
        when = day_in_words(day.date) if day.date else "Undated articles"
        pages.append(Page(day.url, "day.html", f"the day page {day.slug}", day_brief(day, model),
                          inputs_of(day.entries), f"Brief for {when}" if day.date else when,
                          shorten(f"{when}: {headlines(day.entries)}"), extra=person_links(model, day.entries)))
    return pages


def day_brief(day: Day, model: SiteModel) -> Context:
    """The context of a day's page, made only when the page is rendered (fact cards cost time, and an
    incremental build renders few day pages)."""
    return lambda: {"day": brief_day(day.date, day.entries, model.person_urls)}


def search_page(model: SiteModel) -> list[Page]:
    """The search page; the index itself is made by Pagefind over the finished site."""
    return [Page(urls.SEARCH, "search.html", "the search page", given(), title="Search",
                 description="Search the full text of every article.")]


def not_found_page(model: SiteModel) -> list[Page]:
    """404.html, served for a missing page at any depth: its links start at the site's path on its host
    (that of base_url, else the host's root), not at the address that was asked for."""
    return [Page(urls.NOT_FOUND, "404.html", "the 404 page", given(), title="Page not found",
                 description="There is no page at this address.", root=urlsplit(model.config.base_url).path or "/")]


def feed(model: SiteModel) -> list[Page]:
    """The Atom feed of the latest articles; it needs absolute URLs, so only with `base_url` in config."""
    if not model.config.base_url:
        return []
    latest = newest_first(model.entries)[:50]
    updated = max((e.article.date for e in model.entries if e.article.date), default=dt.date(1970, 1, 1))
    return [Page(urls.FEED, "feed.xml", "the Atom feed",
                 given(entries=latest, base=model.config.base_url, updated=updated), inputs_of(model.entries))]


def sitemap(model: SiteModel, pages: list[Page]) -> list[Page]:
    """sitemap.xml of the HTML pages before it; only with `base_url` in config."""
    if not model.config.base_url:
        return []
    listed = sorted(p.url for p in pages if p.url.endswith(".html") and p.url != urls.NOT_FOUND)
    return [Page(urls.SITEMAP, "sitemap.xml", "the sitemap", given(pages=listed, base=model.config.base_url),
                 inputs_of(model.entries))]


PAGES: list[Callable[[SiteModel], list[Page]]] = [
    article_pages,
    front_pages,
    people_pages,
    timeline_pages,
    figures_page,
    tag_pages,
    archive_pages,
    search_page,
    not_found_page,
    feed,
]
"""Every kind of page, in rendering order; the sitemap follows them, listing every page."""


def site_pages(config: Config, entries: list[Entry]) -> list[Page]:
    """Every page of the site with its inputs, none rendered: what an incremental build compares."""
    model = site_model(config, entries)
    pages = [page for step in PAGES for page in step(model)]
    return pages + sitemap(model, pages)


def render_pages(writer: PageWriter, pages: list[Page]) -> None:
    """Render each page into the writer's files (template errors collect in `writer.problems`)."""
    for page in pages:
        if page.content is not None:
            writer.files[page.url] = page.content()
            continue
        writer.page(page.url, page.template, page.what, root_override=page.root, page_title=page.title,
                    page_description=page.description, page_kind=page.kind, **page.context())
