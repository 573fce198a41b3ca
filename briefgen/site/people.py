"""Who's who: the officials of all articles, one entry per person across articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from briefgen.article import Official
from briefgen.site.entries import Entry, sentence_finder
from briefgen.site.same_person import NameRecord, agreed, display_titles, group_names, plain, title_key
from briefgen.site.urls import UniqueSlugs, person_url


@dataclass(frozen=True)
class Mention:
    """Where a person appears: the article and the official as it names them."""

    entry: Entry
    official: Official

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        """The sentences of the article that name the person, each once (made when a page shows them: an
        incremental build renders few of the pages that do)."""
        sentence_at = sentence_finder(self.entry)
        return tuple(dict.fromkeys(s for s in (sentence_at(a) for a, _ in self.official.mentions) if s))


@dataclass(frozen=True)
class Person:
    """One official across all articles."""

    name: str
    slug: str
    titles: tuple[str, ...]
    """Every title the articles give, most frequent first, then most recent ("president" and "President" one)."""
    orgs: tuple[str, ...]
    mentions: tuple[Mention, ...]
    """Newest article first."""
    title_history: tuple[tuple[str, dt.date | None], ...] = ()
    """Each title with the date of the first article that gives it, oldest first (undated last)."""

    @property
    def org(self) -> str | None:
        """The country or organisation most of the articles that give one agree on, else None."""
        return agreed([m.official.org for m in self.mentions if m.official.org])

    @property
    def url(self) -> str:
        """Path of the person's page, relative to the site root."""
        return person_url(self.slug)


def _ranked(values: list[str]) -> tuple[str, ...]:
    """The distinct values, most frequent first, then in the order first given."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return tuple(sorted(counts, key=lambda v: (-counts[v], values.index(v))))


def _title_history(items: list[tuple[Entry, Official]]) -> tuple[tuple[str, dt.date | None], ...]:
    """Each title (in its display form) with the date it was first given, oldest first."""
    shown = {title_key(t): t for t in display_titles([o.title for _, o in items if o.title])}
    first: dict[str, dt.date | None] = {}
    for entry, official in sorted(items, key=lambda i: i[0].article.date or dt.date.max):
        if official.title and title_key(official.title) not in first:
            first[title_key(official.title)] = entry.article.date
    return tuple((shown[k], day) for k, day in first.items())


def _shown_name(items: list[tuple[Entry, Official]]) -> str:
    """The fullest name the articles give, the most often written of those, then the longest."""
    names = [o.name for _, o in items]
    words = max(len(n.split()) for n in names)
    return max((n for n in names if len(n.split()) == words), key=lambda n: (names.count(n), len(n), n))


def gather_people(entries: list[Entry]) -> list[Person]:
    """Merge the officials of every article into people, sorted by surname."""
    pairs = [(entry, official) for entry in entries for official in entry.analysis.figures.officials]
    numbers = group_names([NameRecord(o.name, o.org) for _, o in pairs])
    grouped: dict[int, list[tuple[Entry, Official]]] = {}
    for number, pair in zip(numbers, pairs, strict=True):
        grouped.setdefault(number, []).append(pair)
    groups = {plain(_shown_name(items)): items for items in grouped.values()}
    people: list[Person] = []
    slugs = UniqueSlugs()
    for key in sorted(groups, key=lambda k: (k.split()[-1] if k else "", k)):
        items = sorted(groups[key], key=lambda i: i[0].article.date or dt.date.min, reverse=True)
        name = _shown_name(items)
        slug = slugs.take(name)
        mentions = [Mention(entry, official) for entry, official in items]
        people.append(
            Person(
                name=name,
                slug=slug,
                titles=display_titles([o.title for _, o in items if o.title]),
                orgs=_ranked([o.org for _, o in items if o.org]),
                mentions=tuple(mentions),
                title_history=_title_history(items),
            )
        )
    return people
