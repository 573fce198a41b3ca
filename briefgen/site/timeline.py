"""The timeline: every calendar date the articles mention, as periods in calendar order."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.site.entries import Entry, sentence_finder

_SEASONS = {"SP": (3, 5, "Spring"), "SU": (6, 8, "Summer"), "FA": (9, 11, "Autumn"), "WI": (12, 14, "Winter")}


@dataclass(frozen=True)
class Period:
    """The stretch of calendar a TIMEX3 value names, and how to say it."""

    start: dt.date
    end: dt.date
    """Last day included."""
    label: str
    granularity: str
    """day, week, month, quarter, season, year or decade."""


@dataclass(frozen=True)
class Event:
    """One dated mention: when, what the text said, the sentence, and the article."""

    period: Period
    text: str
    sentence: str
    entry: Entry
    today: bool
    """True when the period includes the day of the latest brief."""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _day(value: str) -> Period | None:
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?", value)
    if not m:
        return None
    day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    label = f"{day.day} {day:%B %Y}" + (f", {m[4]}:{m[5]}" if m[4] else "")
    return Period(day, day, label, "day")


def _week(value: str) -> Period | None:
    m = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if not m:
        return None
    start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    end = start + dt.timedelta(days=6)
    return Period(start, end, f"week of {start.day} {start:%B %Y}", "week")


def _month(value: str) -> Period | None:
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if not m:
        return None
    start = dt.date(int(m[1]), int(m[2]), 1)
    return Period(start, _month_end(start.year, start.month), f"{start:%B %Y}", "month")


def _quarter(value: str) -> Period | None:
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if not m:
        return None
    year, q = int(m[1]), int(m[2])
    return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"Q{q} {year}", "quarter")


def _season(value: str) -> Period | None:
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if not m:
        return None
    year = int(m[1])
    first, last, name = _SEASONS[m[2]]
    end = _month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)
    return Period(dt.date(year, first, 1), end, f"{name} {year}", "season")


def _year(value: str) -> Period | None:
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        year = int(m[1])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), "year")
    m = re.fullmatch(r"(\d{3})X?", value)
    if m:
        decade = int(m[1]) * 10
        return Period(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), f"the {decade}s", "decade")
    return None


_PARSERS: list[Callable[[str], Period | None]] = [_day, _week, _month, _quarter, _season, _year]


def period_of(value: str | None) -> Period | None:
    """The calendar period of a TIMEX3 DATE or TIME value; None for durations, sets and references."""
    if not value:
        return None
    for parse in _PARSERS:
        try:
            period = parse(value)
        except ValueError:  # a value that looks like a date but is none (2022-02-30, week 54)
            return None
        if period is not None:
            return period
    return None


def timeline_events(entries: list[Entry]) -> list[Event]:
    """Every dated mention across the articles, in calendar order (finer periods first on the same day)."""
    latest = max((e.article.date for e in entries if e.article.date), default=None)
    events: list[Event] = []
    for entry in entries:
        sentence_at = sentence_finder(entry)
        seen: set[tuple[str, str]] = set()
        for mention in entry.analysis.figures.dates:
            if mention.type not in ("DATE", "TIME"):
                continue
            period = period_of(mention.value)
            if period is None:
                continue
            sentence = sentence_at(mention.start)
            if (period.label, sentence) in seen:
                continue
            seen.add((period.label, sentence))
            today = latest is not None and period.start <= latest <= period.end
            events.append(Event(period, mention.text, sentence, entry, today))
    events.sort(key=lambda e: (e.period.start, e.period.end, e.entry.article.date or dt.date.min, e.entry.slug))
    return events
