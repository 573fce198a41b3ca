"""Articles as the templates see them: entries with their URL, figure rows and labels."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from briefgen.article import Analysis, Article, Official, TroopCount
from briefgen.site.urls import article_url, day_slug, day_url
from briefgen.text import readable_text


@dataclass(frozen=True)
class Entry:
    """An article ready for the templates: its analysis and where its page lives."""

    article: Article
    analysis: Analysis
    slug: str
    sentences: tuple[tuple[int, int], ...] = ()
    """(start, end) of each sentence of the body, to quote the sentence a figure came from."""
    new: bool = False
    """True when the article arrived in the latest build that added articles."""

    @property
    def url(self) -> str:
        """Path of the article's page, relative to the site root."""
        return article_url(self.slug)

    @cached_property
    def key(self) -> str:
        """The article's content path, which names it among the inputs of pages (asked for often: kept)."""
        return self.article.path.as_posix()


@dataclass(frozen=True)
class Day:
    """The articles published on one day (date None: undated), for the front page."""

    date: dt.date | None
    entries: tuple[Entry, ...]

    @property
    def slug(self) -> str:
        """File name of the day's archive page."""
        return day_slug(self.date)

    @property
    def url(self) -> str:
        """Path of the day's archive page, relative to the site root."""
        return day_url(self.slug)


def troop_label(troop: TroopCount) -> str:
    """"about 100,000" or "5,000–10,000" or, for a vague count, its text."""
    if troop.value is None:
        return troop.text
    number = f"{troop.value:,}" + (f"–{troop.high:,}" if troop.high else "")
    return f"about {number}" if troop.approx else number


def official_label(official: Official) -> str:
    """"Deputy Foreign Minister, Russia" (whatever of title and org is known)."""
    return ", ".join(x for x in (official.title, official.org) if x)


def sentence_index(entry: Entry) -> Callable[[int], int | None]:
    """A function giving the index of the entry's sentence that contains an offset (None if none)."""
    spans = entry.sentences
    starts = [start for start, _ in spans]

    def index_at(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < spans[i][1] else None

    return index_at


def sentence_finder(entry: Entry) -> Callable[[int], str]:
    """A function giving the sentence of the entry's body that contains an offset, as a reader sees it ("" if none)."""
    spans, body, index_at = entry.sentences, entry.article.body, sentence_index(entry)

    def sentence_at(offset: int) -> str:
        i = index_at(offset)
        return readable_text(body[spans[i][0] : spans[i][1]]) if i is not None else ""

    return sentence_at


QUOTE_CHARS = 320
"""Longest quote a list shows: wire copy has "sentences" of thousands of characters (tables, lists)."""


def quote_window(sentence: str, start: int, end: int, width: int = QUOTE_CHARS) -> str:
    """The sentence, or when longer than `width` the words around [start, end) with an ellipsis where cut."""
    if len(sentence) <= width:
        return sentence
    left = max(0, min(start - (width - (end - start)) // 2, len(sentence) - width))
    right = left + width
    if left > 0:
        left = sentence.find(" ", left, start) + 1 or left
    if right < len(sentence):
        right = sentence.rfind(" ", end, right) if sentence.rfind(" ", end, right) > 0 else right
    return ("…" if left > 0 else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Newest publication date first, undated last; then by title."""
    return sorted(
        entries,
        key=lambda e: (e.article.date is None, -(e.article.date or dt.date.min).toordinal(), e.article.title.lower(),
                       e.slug),
    )


def group_by_day(entries: list[Entry]) -> list[Day]:
    """Newest day first, undated last; within a day by title."""
    return [Day(date, tuple(group)) for date, group in groupby(newest_first(entries), key=lambda e: e.article.date)]
