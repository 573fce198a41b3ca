"""Who's who at any size: the people in the news this week, everyone by how often they appear, by country
and A–Z by family name, and the compact list the filter box searches."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from briefgen.site import urls
from briefgen.site.people import Person
from briefgen.site.person_names import index_letter, sort_key

THIS_WEEK_DAYS = 7
"""The days up to the latest brief that count as "this week"."""
THIS_WEEK_SHOWN = 30
"""How many people the "this week" list shows."""
MOST_MENTIONED_SHOWN = 100
"""How many people the who's who page lists by how often they appear; the rest are on the other pages."""
PERSON_LATEST_SHOWN = 10
"""Mentions a person page shows with their sentences; older ones are folded into a list of links."""
PERSON_FOLDED_SHOWN = 400
"""Older mentions listed on a person page; beyond them the page says how many more there are."""
NOT_STATED = "Country not stated"
"""The heading of the people whose articles give no country or organisation."""
LETTERS = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
"""The A–Z pages, every one made even when empty, so that their links to one another never change."""


@dataclass(frozen=True)
class Listing:
    """A person as the who's who lists show them."""

    person: Person
    key: str
    """Sort key, family name first."""
    country: str
    title: str
    articles: int
    """How many articles name the person."""
    this_week: int
    """How many articles of the latest week name the person."""


@dataclass(frozen=True)
class Group:
    """People under one heading (a country, a letter) with the page that lists them all."""

    name: str
    slug: str
    url: str
    listings: tuple[Listing, ...]


@dataclass(frozen=True)
class Directory:
    """Everything the who's who pages show."""

    everyone: tuple[Listing, ...]
    """Most articles first, then by family name."""
    this_week: tuple[Listing, ...]
    week_start: dt.date | None
    countries: tuple[Group, ...]
    """Largest first; in each, most articles first."""
    letters: tuple[Group, ...]
    """A–Z by family name (and "#" for other first characters), every letter even when empty."""

    @property
    def most_mentioned(self) -> tuple[Listing, ...]:
        """The head of `everyone` shown on the who's who page."""
        return self.everyone[:MOST_MENTIONED_SHOWN]


def _first_or(values: tuple[str, ...], default: str) -> str:
    """The first (most frequent) value, or `default` when there is none."""
    return values[0] if values else default


def build_directory(people: list[Person]) -> Directory:
    """Rank, group and file the people; "this week" is the seven days up to the latest article's date."""
    latest = max((m.entry.article.date for p in people for m in p.mentions if m.entry.article.date), default=None)
    week_start = latest - dt.timedelta(days=THIS_WEEK_DAYS - 1) if latest else None
    listings = []
    for person in people:
        recent = {m.entry.key for m in person.mentions
                  if week_start and m.entry.article.date and m.entry.article.date >= week_start}
        listings.append(Listing(person, sort_key(person.name, person.orgs), _first_or(person.orgs, NOT_STATED),
                                _first_or(person.titles, ""), len({m.entry.key for m in person.mentions}), len(recent)))
    everyone = tuple(sorted(listings, key=lambda p: (-p.articles, p.key, p.person.slug)))
    this_week = tuple(sorted((p for p in listings if p.this_week), key=lambda p: (-p.this_week, -p.articles, p.key)))
    by_country: dict[str, list[Listing]] = {}
    for listing in everyone:
        by_country.setdefault(listing.country, []).append(listing)
    countries = [Group(name, slug, urls.people_country_url(slug), tuple(group))
                 for name, slug, group in _with_slugs(by_country)]
    countries.sort(key=lambda g: (g.name == NOT_STATED, -len(g.listings), g.name))
    by_letter: dict[str, list[Listing]] = {letter: [] for letter in LETTERS}
    for listing in sorted(listings, key=lambda p: (p.key, p.person.slug)):
        by_letter[index_letter(listing.key)].append(listing)
    letters = tuple(Group(letter, _letter_slug(letter), urls.people_letter_url(_letter_slug(letter)), tuple(group))
                    for letter, group in by_letter.items())
    return Directory(everyone, this_week[:THIS_WEEK_SHOWN], week_start, tuple(countries), letters)


def _letter_slug(letter: str) -> str:
    """The name of a letter's page: "a", or "other" for "#"."""
    return letter.lower() if letter != "#" else "other"


def _with_slugs(groups: dict[str, list[Listing]]) -> list[tuple[str, str, list[Listing]]]:
    """Each country's listings with the name of its page, in A–Z order (the order that numbers equal slugs)."""
    slugs = urls.UniqueSlugs()
    return [(name, slugs.take(name), groups[name]) for name in sorted(groups)]


def filter_script(directory: Directory) -> bytes:
    """people/names.js: every person as [name, page, country, title, articles], most articles first.

    A script rather than JSON: a page opened from disk may load a script but may not fetch a file.
    """
    rows = [[p.person.name, p.person.url, p.country, p.title, p.articles] for p in directory.everyone]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script here: names.js is a file of its own, never inlined into HTML
    return f"window.briefgenPeople = {data};\n".encode()
