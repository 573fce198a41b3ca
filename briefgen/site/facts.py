"""The fact card of an article: its figures in words a reader understands without TimeML, each pointing to
the sentence it came from, every sentence quoted once with the matched words marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from briefgen.article import TroopCount
from briefgen.site.entries import Entry, official_label, sentence_index, troop_label
from briefgen.site.periods import period_of

FACTS_SHOWN = 40
"""Facts of one kind a card shows: past that, a list stops being a summary (the text has every one)."""
PersonUrls = Mapping[tuple[str, str], str]
"""(article key, official's name in that article) -> the person's page."""


@dataclass(frozen=True)
class Quote:
    """A sentence of the article, split into pieces; the pieces a figure matched are marked."""

    number: int
    """1-based, in the order of the text."""
    pieces: tuple[tuple[str, bool], ...]
    """(text, marked) in order; joined they are the sentence."""


@dataclass(frozen=True)
class Fact:
    """One figure in words, with the quote it came from."""

    label: str
    """"Russia: about 100,000 troops", "Friday 21 January 2022", "Antony Blinken"."""
    detail: str
    """"force size", "Secretary of State, United States"; "" when there is nothing to add."""
    url: str | None = None
    """The person's page, for officials."""
    quote: int = 0
    """Number of the quote the figure came from; 0 when its sentence is unknown."""
    start: dt.date | None = None
    """For a date: the first day of its period."""


@dataclass(frozen=True)
class FactCard:
    """An article's figures by kind, and the sentences they came from, each once."""

    troops: tuple[Fact, ...]
    dates: tuple[Fact, ...]
    """Calendar dates only, in calendar order: durations, frequencies and unresolved mentions stay in
    the front matter but are no facts a reader can place."""
    people: tuple[Fact, ...]
    quotes: tuple[Quote, ...]

    def __bool__(self) -> bool:
        return bool(self.troops or self.dates or self.people)


def troop_words(troop: TroopCount) -> str:
    """"Russia: about 100,000 troops", "Chile: 26 casualties", "tens of thousands of troops"."""
    if troop.value is None:
        count = troop.text
    else:
        count = f"{troop_label(troop)} {'casualties' if troop.kind == 'casualties' else 'troops'}"
    return f"{troop.who}: {count}" if troop.who else count


def troop_detail(troop: TroopCount) -> str:
    """What kind of count it is, in words, and whether the text says whose."""
    kind = "killed, wounded or captured" if troop.kind == "casualties" else "force size"
    return kind if troop.who else f"{kind}; whose is not stated"


class _Quoter:
    """Collects the sentences figures came from and the spans to mark in them."""

    def __init__(self, entry: Entry) -> None:
        self.spans = entry.sentences
        self.index_of = sentence_index(entry)
        """Index of the sentence holding an offset; None outside every sentence."""
        self.body = entry.article.body
        self.marks: dict[int, list[tuple[int, int]]] = {}

    def mark(self, start: int, end: int, within: int | None = None) -> int | None:
        """Mark a span in its sentence (only if that is sentence `within`, when given); the sentence's index."""
        i = self.index_of(start)
        if i is None or (within is not None and i != within):
            return None
        self.marks.setdefault(i, []).append((start, min(end, self.spans[i][1])))
        return i

    def quotes(self) -> tuple[tuple[Quote, ...], dict[int, int]]:
        """The quotes in text order, and each sentence index's quote number."""
        numbers = {index: n for n, index in enumerate(sorted(self.marks), start=1)}
        return tuple(self._quote(index, numbers[index]) for index in sorted(self.marks)), numbers

    def _quote(self, index: int, number: int) -> Quote:
        """The quote of one sentence: its text in pieces, the marked spans merged."""
        start, end = self.spans[index]
        pieces: list[tuple[str, bool]] = []
        at = start
        for mark_start, mark_end in sorted(self.marks[index]):
            mark_start = max(mark_start, at)  # overlapping marks are merged
            if mark_end <= mark_start:
                continue
            if mark_start > at:
                pieces.append((self.body[at:mark_start], False))
            pieces.append((self.body[mark_start:mark_end], True))
            at = mark_end
        if at < end:
            pieces.append((self.body[at:end], False))
        return Quote(number, tuple(pieces))


def fact_card(entry: Entry, person_urls: PersonUrls) -> FactCard:
    """The article's troop counts, calendar dates and officials in words, with their quotes."""
    figures = entry.analysis.figures
    quoter = _Quoter(entry)
    troops: dict[tuple[str, str, int | None], None] = {}
    for troop in sorted(figures.troops, key=lambda t: t.start):
        if len(troops) < FACTS_SHOWN:
            troops[troop_words(troop), troop_detail(troop), quoter.mark(troop.start, troop.end)] = None
    dates: dict[str, tuple[dt.date, int | None]] = {}
    for mention in sorted(figures.dates, key=lambda d: d.start):
        period = period_of(mention.value) if mention.type in ("DATE", "TIME") else None
        if period is not None and period.label not in dates and len(dates) < FACTS_SHOWN:
            dates[period.label] = (period.start, quoter.mark(mention.start, mention.end))
    people: list[tuple[str, str, str | None, int | None]] = []
    officials = sorted(figures.officials, key=lambda o: o.mentions[0][0] if o.mentions else 0)[:FACTS_SHOWN]
    for official in officials:
        first = quoter.mark(*official.mentions[0]) if official.mentions else None
        for start, end in official.mentions[1:]:  # later mentions are marked only in the quoted sentence
            if first is not None and quoter.spans[first][0] <= start < quoter.spans[first][1]:
                quoter.mark(start, end, within=first)
        people.append((official.name, official_label(official), person_urls.get((entry.key, official.name)), first))
    quotes, numbers = quoter.quotes()

    def number(sentence: int | None) -> int:
        return numbers[sentence] if sentence is not None else 0

    in_calendar_order = sorted(dates.items(), key=lambda item: item[1][0])
    return FactCard(
        troops=tuple(Fact(label, detail, None, number(s)) for label, detail, s in troops),
        dates=tuple(Fact(label, "", None, number(s), start) for label, (start, s) in in_calendar_order),
        people=tuple(Fact(name, detail, url, number(s)) for name, detail, url, s in people),
        quotes=quotes,
    )
