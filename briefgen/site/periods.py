"""The calendar period a TIMEX3 date value names ("2022-W04", "2022-Q1", "2022-SU"), and how to say it in words."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

_SEASONS = {"SP": (3, 5, "spring"), "SU": (6, 8, "summer"), "FA": (9, 11, "autumn"), "WI": (12, 14, "winter")}
_QUARTERS = ("first", "second", "third", "fourth")


@dataclass(frozen=True)
class Period:
    """The stretch of calendar a TIMEX3 value names, and how to say it in words."""

    start: dt.date
    end: dt.date
    """Last day included."""
    label: str
    """In words: "Thursday 13 January 2022", "the week of 24 January 2022", "February 2022"."""
    granularity: str
    """day, week, month, quarter, season, year or decade."""


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def day_in_words(day: dt.date) -> str:
    """"Thursday 13 January 2022"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def _day(value: str) -> Period | None:
    """A day, "2022-01-13", or a time on it, "2022-01-13T09:30"."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?", value)
    if not m:
        return None
    day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    return Period(day, day, day_in_words(day) + (f", {m[4]}:{m[5]}" if m[4] else ""), "day")


def _week(value: str) -> Period | None:
    """An ISO week, "2022-W04"."""
    m = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if not m:
        return None
    start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    end = start + dt.timedelta(days=6)
    return Period(start, end, f"the week of {start.day} {start:%B %Y}", "week")


def _month(value: str) -> Period | None:
    """A month, "2022-02"."""
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if not m:
        return None
    start = dt.date(int(m[1]), int(m[2]), 1)
    return Period(start, _month_end(start.year, start.month), f"{start:%B %Y}", "month")


def _quarter(value: str) -> Period | None:
    """A quarter, "2022-Q1"."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if not m:
        return None
    year, q = int(m[1]), int(m[2])
    return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"the {_QUARTERS[q - 1]} quarter of {year}",
                  "quarter")


def _season(value: str) -> Period | None:
    """A season, "2022-SU" (winter runs into the next year)."""
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if not m:
        return None
    year = int(m[1])
    first, last, name = _SEASONS[m[2]]
    end = _month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)
    return Period(dt.date(year, first, 1), end, f"{name} {year}", "season")


def _year(value: str) -> Period | None:
    """A year, "2022", or a decade, "199" or "199X"."""
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


@functools.lru_cache(maxsize=8192)
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
