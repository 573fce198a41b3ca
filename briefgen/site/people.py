"""Who's who: the officials of all articles, one entry per person across articles."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from briefgen.article import Official
from briefgen.site.entries import Entry, sentence_finder
from briefgen.site.urls import UniqueSlugs, person_url


@dataclass(frozen=True)
class Mention:
    """Where a person appears: the article and the sentences there that name them."""

    entry: Entry
    official: Official
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """One official across all articles."""

    name: str
    slug: str
    titles: tuple[str, ...]
    """Every title the articles give, most frequent first, then most recent."""
    orgs: tuple[str, ...]
    mentions: tuple[Mention, ...]
    """Newest article first."""

    @property
    def url(self) -> str:
        """Path of the person's page, relative to the site root."""
        return person_url(self.slug)


def name_key(name: str) -> str:
    """Names compared without case, accents or punctuation ("Zbigniew Rau" == "zbigniew rau")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def _ranked(values: list[str]) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return tuple(sorted(counts, key=lambda v: (-counts[v], values.index(v))))


def _group_key(official: Official, full_names: dict[str, set[str]]) -> str:
    """Full names group by themselves; a surname alone joins the one full name it can belong to."""
    key = name_key(official.name)
    if " " not in key and len(full_names.get(key, set())) == 1:
        return next(iter(full_names[key]))
    return key


def gather_people(entries: list[Entry]) -> list[Person]:
    """Merge the officials of every article into people, sorted by surname."""
    full_names: dict[str, set[str]] = {}
    for entry in entries:
        for official in entry.analysis.figures.officials:
            key = name_key(official.name)
            if " " in key:
                full_names.setdefault(key.split()[-1], set()).add(key)
    groups: dict[str, list[tuple[Entry, Official]]] = {}
    for entry in entries:
        for official in entry.analysis.figures.officials:
            groups.setdefault(_group_key(official, full_names), []).append((entry, official))
    people: list[Person] = []
    slugs = UniqueSlugs()
    for key in sorted(groups, key=lambda k: (k.split()[-1] if k else "", k)):
        items = sorted(groups[key], key=lambda i: i[0].article.date or dt.date.min, reverse=True)
        name = max((o.name for _, o in items), key=lambda n: (len(n.split()), len(n)))
        slug = slugs.take(name)
        mentions = []
        for entry, official in items:
            sentence_at = sentence_finder(entry)
            sentences = tuple(dict.fromkeys(s for s in (sentence_at(a) for a, _ in official.mentions) if s))
            mentions.append(Mention(entry, official, sentences))
        people.append(
            Person(
                name=name,
                slug=slug,
                titles=_ranked([o.title for _, o in items if o.title]),
                orgs=_ranked([o.org for _, o in items if o.org]),
                mentions=tuple(mentions),
            )
        )
    return people
