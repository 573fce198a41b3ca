"""Calendar arithmetic and TIMEX3 value spelling for the date extractor: pure functions on dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

GRAINS = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")
"""Granularities of a calendar point, coarse to fine."""


@dataclass(frozen=True)
class Point:
    """A calendar point at some granularity: the day it starts on and how wide it is."""

    day: dt.date
    """A day inside the point (for a week, its Monday; for a month, its first day...)."""
    grain: str
    """One of GRAINS."""
    suffix: str = ""
    """Extra TIMEX3 value text after the date part, such as "TNI" or "T14:30" or "-WE"."""

    def value(self) -> str:
        """Spell the point as a TIMEX3 value."""
        return spell(self.day, self.grain) + self.suffix


def spell(day: dt.date, grain: str) -> str:
    """The TIMEX3 value of the period of the given grain that contains day."""
    if grain == "day":
        return day.isoformat()
    if grain == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if grain == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if grain == "year":
        return f"{day.year:04d}"
    if grain == "decade":
        return f"{day.year // 10:03d}"
    if grain == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown grain {grain!r}")


def start_of(day: dt.date, grain: str) -> dt.date:
    """The first day of the period of the given grain that contains day."""
    if grain == "day":
        return day
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if grain == "year":
        return dt.date(day.year, 1, 1)
    if grain == "decade":
        return dt.date(max(1, day.year // 10 * 10), 1, 1)
    if grain == "century":
        return dt.date(max(1, day.year // 100 * 100), 1, 1)
    raise ValueError(f"unknown grain {grain!r}")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month, months later (clamped to the month's last day)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def shift(day: dt.date, grain: str, n: int) -> dt.date:
    """Move day by n periods of grain (negative n goes back)."""
    if grain == "day":
        return day + dt.timedelta(days=n)
    if grain in ("week", "weekend"):
        return day + dt.timedelta(weeks=n)
    if grain == "month":
        return add_months(day, n)
    if grain == "quarter":
        return add_months(day, 3 * n)
    if grain in ("half", "season"):
        return add_months(day, 6 * n) if grain == "half" else add_months(day, 12 * n)
    if grain == "year":
        return add_months(day, 12 * n)
    if grain == "decade":
        return add_months(day, 120 * n)
    if grain == "century":
        return add_months(day, 1200 * n)
    raise ValueError(f"unknown grain {grain!r}")


def weekday_near(today: dt.date, weekday: int, direction: int) -> dt.date:
    """The given weekday (0=Monday) nearest today: today itself, else looking back (-1) or forward (+1)."""
    delta = (weekday - today.weekday()) % 7
    if delta == 0:
        return today
    if direction > 0:
        return today + dt.timedelta(days=delta)
    return today - dt.timedelta(days=7 - delta)


def month_year(today: dt.date, month: int, direction: int) -> int:
    """The year a month named without one refers to, seen from today with the sentence's direction.

    News mostly speaks of the months around publication: a month far ahead of today's is
    last year's and one far behind is next year's, unless the tense says otherwise.
    """
    diff = month - today.month
    if direction == -2:  # past only by "said": that dates the speaking, not the month spoken of
        direction = 0
    if direction == 2:  # ahead of a past moment ("was expected to end on December 15"): the nearer one
        ahead = today.year + (1 if diff < 0 else 0)
        return ahead if (ahead - today.year) * 12 + diff <= 6 else ahead - 1
    if direction > 0:
        return today.year + 1 if diff < -2 else today.year
    if direction < 0:
        return today.year - 1 if diff > 2 else today.year
    if diff >= 6:
        return today.year - 1
    if diff <= -7:
        return today.year + 1
    return today.year


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers do not form one (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday (0=Monday) of a month; n=-1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def election_day(year: int) -> dt.date:
    """US Election Day: the Tuesday after the first Monday of November."""
    return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
