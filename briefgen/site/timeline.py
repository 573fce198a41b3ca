"""The timeline: the calendar dates the articles mention (to the month or finer), one row per event,
in pages by month that open at the period of the latest brief."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from briefgen.site import urls
from briefgen.site.entries import Entry, quote_window, sentence_index
from briefgen.site.periods import Period, period_of

TIMELINE_GRANULARITIES = ("day", "week", "month")
"""Periods precise enough for the timeline: a year or a season alone says too little to place an event."""
TIMELINE_PAGE_EVENTS = 300
"""Above this many events a month's page is split, by days, into parts."""


@dataclass(frozen=True)
class Event:
    """One dated event: when, the sentence that says it, and the articles it is in (first the earliest)."""

    period: Period
    text: str
    """The words that named the date."""
    sentence: str
    """The sentence, or the words around the date when it is very long."""
    entries: tuple[Entry, ...]
    current: bool
    """True for a day or week that contains the day of the latest brief."""

    @property
    def entry(self) -> Entry:
        """The first article the event is in."""
        return self.entries[0]


@dataclass(frozen=True)
class TimelinePart:
    """One page of the timeline: a month, or a run of its days when the month is long."""

    month: str
    """"2022-01"."""
    number: int
    """1 for the month's first (or only) page."""
    label: str
    """"January 2022", or "1–12 January 2022" for a part."""
    events: tuple[Event, ...]

    @property
    def url(self) -> str:
        """Path of the page, relative to the site root."""
        return urls.timeline_month_url(self.month, self.number)


@dataclass(frozen=True)
class TimelineMonth:
    """The events of one calendar month, in one or more parts."""

    month: str
    label: str
    parts: tuple[TimelinePart, ...]

    @property
    def year(self) -> str:
        """"2022"."""
        return self.month[:4]

    @property
    def count(self) -> int:
        """How many events the month has."""
        return sum(len(p.events) for p in self.parts)


@dataclass(frozen=True)
class Timeline:
    """Every month with events, the month of the latest brief, and the page the timeline opens at."""

    months: tuple[TimelineMonth, ...]
    latest: dt.date | None
    opening: TimelinePart | None

    @property
    def current_month(self) -> str | None:
        """The month of the latest brief ("2022-01"), or None without dated articles."""
        return self.latest.strftime("%Y-%m") if self.latest else None

    def years(self) -> list[tuple[str, TimelinePart]]:
        """Each year with the page its link opens: where the timeline opens in that year, else its last month."""
        chosen: dict[str, TimelinePart] = {}
        for month in self.months:
            chosen[month.year] = month.parts[0]
        if self.opening is not None:
            chosen[self.opening.month[:4]] = self.opening
        return list(chosen.items())

    def months_of(self, year: str) -> list[TimelineMonth]:
        """The months of one year that have events."""
        return [m for m in self.months if m.year == year]


def latest_date(entries: list[Entry]) -> dt.date | None:
    """The publication day of the latest brief."""
    return max((e.article.date for e in entries if e.article.date), default=None)


def _sentence_key(sentence: str) -> str:
    """A sentence compared without case or spacing."""
    return " ".join(sentence.split()).casefold()


def _finest(periods: list[Period]) -> list[Period]:
    """The periods that contain none of the others ("Monday" rather than "this week" in the same sentence)."""
    def contains(outer: Period, inner: Period) -> bool:
        return outer != inner and outer.start <= inner.start and inner.end <= outer.end

    return [p for p in periods if not any(contains(p, other) for other in periods)]


def timeline_events(entries: list[Entry]) -> list[Event]:
    """Every event dated to the month or finer, in calendar order, one row per date and sentence however many
    mentions or articles repeat it (the row lists its articles, earliest first). A sentence that names a day
    and the week or month around it is one event, on the day."""
    latest = latest_date(entries)
    found: dict[tuple[dt.date, dt.date, str], tuple[Period, str, str, dict[str, Entry]]] = {}
    for entry in sorted(entries, key=lambda e: (e.article.date or dt.date.max, e.slug)):
        dated_mentions = [(mention, period) for mention in entry.analysis.figures.dates
                          if mention.type in ("DATE", "TIME") and (period := period_of(mention.value)) is not None
                          and period.granularity in TIMELINE_GRANULARITIES]
        if not dated_mentions:
            continue
        index_at = sentence_index(entry)
        by_sentence: dict[int, tuple[str, list[tuple[Period, str, int]]]] = {}
        for mention, period in dated_mentions:
            i = index_at(mention.start)
            if i is None:  # outside every sentence: the mention's own words, an event of its own
                by_sentence[-1 - mention.start] = (mention.text, [(period, mention.text, 0)])
                continue
            start, end = entry.sentences[i]
            by_sentence.setdefault(i, (entry.article.body[start:end], []))[1].append(
                (period, mention.text, mention.start - start))
        for sentence, dated in by_sentence.values():
            finest = _finest(list(dict.fromkeys(period for period, _, _ in dated)))
            sentence_key = _sentence_key(sentence)
            for period, text, at in dated:
                if period not in finest:
                    continue
                key = (period.start, period.end, sentence_key)
                if key not in found:
                    found[key] = (period, text, quote_window(sentence, at, at + len(text)), {entry.key: entry})
                else:
                    found[key][3].setdefault(entry.key, entry)
    events = [Event(period, text, sentence, tuple(found_in.values()), is_current(period, latest))
              for period, text, sentence, found_in in found.values()]
    events.sort(key=lambda e: (e.period.start, e.period.end, e.entry.article.date or dt.date.min, e.entry.slug))
    return events


def is_current(period: Period, latest: dt.date | None) -> bool:
    """True for a day or week that includes the latest brief's day (a whole month is marked in the navigation)."""
    return latest is not None and period.granularity in ("day", "week") and period.start <= latest <= period.end


def month_label(month: str) -> str:
    """"January 2022" for "2022-01"."""
    return dt.date.fromisoformat(f"{month}-01").strftime("%B %Y")


def _parts(month: str, events: list[Event]) -> tuple[TimelinePart, ...]:
    """The month in one part, or in runs of whole days of at most TIMELINE_PAGE_EVENTS events each; a day
    with more events than that (a wire's own date, repeated in each of its stories) takes several parts."""
    label = month_label(month)
    if len(events) <= TIMELINE_PAGE_EVENTS:
        return (TimelinePart(month, 1, label, tuple(events)),)
    runs: list[list[Event]] = [[]]
    for _, day_events in groupby(events, key=lambda e: e.period.start):
        group = list(day_events)
        if runs[-1] and len(runs[-1]) + len(group) > TIMELINE_PAGE_EVENTS:
            runs.append([])
        while len(group) > TIMELINE_PAGE_EVENTS:
            runs[-1].extend(group[:TIMELINE_PAGE_EVENTS])
            runs.append([])
            group = group[TIMELINE_PAGE_EVENTS:]
        runs[-1].extend(group)
    runs = [run for run in runs if run]
    labels = [f"{_days(run)} {label}" for run in runs]
    shared = Counter(labels)
    seen: Counter[str] = Counter()
    parts = []
    for number, (run, text) in enumerate(zip(runs, labels, strict=True), start=1):
        if shared[text] > 1:  # one day over several pages
            seen[text] += 1
            text += f" ({seen[text]} of {shared[text]})"
        parts.append(TimelinePart(month, number, text, tuple(run)))
    return tuple(parts)


def _days(run: list[Event]) -> str:
    """"7" or "1–3": the days of the month a run of events covers."""
    first, last = run[0].period.start, run[-1].period.start
    return f"{first.day}" if first == last else f"{first.day}–{last.day}"


def build_timeline(entries: list[Entry]) -> Timeline:
    """The timeline's months and the page it opens at: the part holding the latest brief's day, else the
    nearest earlier month with events, else the first month."""
    latest = latest_date(entries)
    events = timeline_events(entries)
    months = tuple(
        TimelineMonth(month, month_label(month), _parts(month, list(group)))
        for month, group in groupby(events, key=lambda e: e.period.start.strftime("%Y-%m"))
    )
    parts = [part for month in months for part in month.parts]
    if not parts:
        return Timeline(months, latest, None)
    if latest is None:
        return Timeline(months, latest, parts[-1])
    earlier = [p for p in parts if p.events[0].period.start <= latest]
    return Timeline(months, latest, earlier[-1] if earlier else parts[0])
