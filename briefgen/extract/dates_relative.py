"""Readings relative to the publication date or the last date mentioned ("on Friday", "a year earlier")."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_context import (
    GRAIN_OF_UNIT,
    YEAR_STEP,
    Context,
    Doubtful,
    Reading,
    group,
    point,
    time_suffix,
)
from briefgen.extract.dates_durations import duration, number_of, unit_of
from briefgen.extract.dates_lexicon import MONTHS, PARTS_OF_DAY, WEEKDAYS


def _weekday_date(ctx: Context, weekday: int, rel: str) -> dt.date:
    """The day a weekday name refers to: "last"/"next" as said, else by the tense, looking back by default."""
    today = ctx.today()
    rel = rel.lower()
    if rel in ("last", "the previous", "this past", "past"):
        return cal.weekday_near(today - dt.timedelta(days=1), weekday, -1)
    if rel in ("next", "this coming", "coming", "the following"):
        return cal.weekday_near(today + dt.timedelta(days=1), weekday, +1)
    if ctx.direction == 2:  # ahead of a past moment: the nearer such day, looking back on a near tie
        ahead = cal.weekday_near(today, weekday, +1)
        return ahead if (ahead - today).days <= 3 else cal.weekday_near(today, weekday, -1)
    return cal.weekday_near(today, weekday, ctx.direction if ctx.direction > 0 else -1)


_AFTER_BEFORE = re.compile(r"\bafter\s+$", re.I)
_NOWADAYS = re.compile(r"\b(?:is|are|remains|remain)\s+$", re.I)
_NOWADAYS_AFTER = re.compile(r"\s+(?:has|have|remains|remain|lives|live|stands|stand|contains|exists|exist)\b")
"""A present-tense verb right before or after "today": it means nowadays, not the day of publication."""
_DEICTIC_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
"""Days from publication of the words that name a day."""


_WEEKDAY_RANGE = re.compile(r"\b(?P<first>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
                            + r")\.?\s*(?:[-–]|through|thru|to|until|till)\s*$", re.I)


def read_weekday(m: re.Match[str], ctx: Context) -> Reading:
    """"Friday", "last Monday", "Tuesday night", the end of "Wednesday through Friday"."""
    weekday = WEEKDAYS[group(m, "weekday").lower().rstrip(".")]
    start = _WEEKDAY_RANGE.search(m.string, max(0, m.start() - 25), m.start())
    first = ctx.anchor
    if start and not group(m, "rel") and first is not None and first.grain == "day" \
            and first.day.weekday() == WEEKDAYS[start["first"].lower()]:
        return point(first.day + dt.timedelta(days=(weekday - first.day.weekday()) % 7 or 7), "day", time_suffix(m))
    if m["possessive"] is not None and not group(m, "rel"):
        # "Tuesday's ruling was overturned" names a day gone by; otherwise ("Friday's figures will
        # be watched", "Saturday's slaughter is estimated at") it is the nearer such day
        today = ctx.today()
        ahead = cal.weekday_near(today, weekday, +1)
        if ctx.direction < 0 or (ahead - today).days > (3 if ctx.direction > 0 else 2):
            return point(cal.weekday_near(today, weekday, -1), "day", time_suffix(m))
        return point(ahead, "day", time_suffix(m))
    date = _weekday_date(ctx, weekday, group(m, "rel"))
    return point(date, "day", time_suffix(m))


def read_deictic(m: re.Match[str], ctx: Context) -> Reading:
    """"yesterday", "today", "tomorrow morning", "tonight", "the day before yesterday"."""
    word = group(m, "word").lower()
    if m[0].lower() == "today" and _NOWADAYS.search(m.string, max(0, m.start() - 12), m.start()) \
            or m[0].lower() == "today" and _NOWADAYS_AFTER.match(m.string, m.end()):
        return Reading("DATE", "PRESENT_REF")  # "the island is today barren", "it today has": nowadays
    shift = _DEICTIC_SHIFT[word]
    if group(m, "two"):  # "the day before yesterday", "the day after tomorrow"
        shift += 1 if group(m, "two").lower().endswith("after") else -1
    date = ctx.today() + dt.timedelta(days=shift)
    suffix = time_suffix(m)
    if word == "tonight":
        suffix = "TNI"
    return point(date, "day", suffix)


def read_part_of_day(m: re.Match[str], ctx: Context) -> Reading:
    """"this morning", "last night"."""
    today = ctx.today()
    rel = group(m, "rel").lower()
    if rel == "last":
        return point(today - dt.timedelta(days=1), "day", "TNI")
    return point(today, "day", "T" + PARTS_OF_DAY[group(m, "part").lower()])


def read_clock(m: re.Match[str], ctx: Context) -> Reading:
    """"10:35 a.m.", "noon Saturday", "5 p.m. EST, Nov. 6": a time on the day given, else the day in question."""
    if group(m, "hour24"):
        hour, minute = int(group(m, "hour24")), int(group(m, "minute24"))
    elif group(m, "noon"):
        hour, minute = (12, 0) if group(m, "noon").lower() in ("noon", "midday") else (24, 0)
        if hour == 24 and _AFTER_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
            hour = 0  # "just after midnight" on a day is its first minutes, not its end
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
    if group(m, "cmonth"):
        month = MONTHS[group(m, "cmonth").lower().rstrip(".")]
        found = cal.safe_date(cal.month_year(ctx.today(), month, ctx.direction), month, int(group(m, "cday")))
        if found is None:
            raise ValueError("not a date")
        day = found
    elif group(m, "weekday"):
        day = _weekday_date(ctx, WEEKDAYS[group(m, "weekday").lower().rstrip(".")], "")
    elif group(m, "word"):
        day = ctx.today() + dt.timedelta(days=_DEICTIC_SHIFT[group(m, "word").lower()])
    else:
        # the last day named, else (no date named yet) the day of publication; after a month or a
        # year the day is unknown ("in June 1968 ... just after midnight")
        day = ctx.today() if ctx.anchor is None else ctx.reference("day").day
    return point(day, "day", f"T{hour:02d}:{minute:02d}")


def read_relative_unit(m: re.Match[str], ctx: Context) -> Reading:
    """"this week", "last month", "next year", "the past year", "the current quarter"."""
    rel = group(m, "rel").lower()
    unit = unit_of(m["unit"])
    grain = GRAIN_OF_UNIT[unit]
    today = ctx.today()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get((rel.split() or [""])[-1], 0)
    if unit == "weekend":
        return _weekend(rel.split()[-1] if rel else "this", "past" in rel, ctx)
    return point(cal.shift(today, grain, step), grain)


def read_anaphoric_unit(m: re.Match[str], ctx: Context) -> Reading:
    """"the following day", "that year", "the previous month": counted from the last date mentioned."""
    rel = group(m, "rel").lower()
    unit = unit_of(m["unit"])
    grain = GRAIN_OF_UNIT[unit]
    if rel == "next" and ctx.direction > 0:  # "debts will not go away in the next year or two": from now
        return point(cal.shift(ctx.today(), grain, 1), grain)
    ref = ctx.reference(grain)
    step = -1 if rel in ("previous", "preceding", "before", "prior") else 1
    if rel in ("that", "same", "that same", "the same"):
        step = 0
    day = cal.shift(ref.day, grain, step)
    if ctx.direction < 0 and ctx.published is not None and cal.start_of(day, grain) > ctx.published:
        raise ValueError("a past event counted from a date after publication: the day meant is another")
    return point(day, grain)


def read_ago(m: re.Match[str], ctx: Context) -> Reading:
    """"two years ago", "a week ago": back from publication at the unit's granularity."""
    unit = unit_of(m["unit"])
    n = number_of(group(m, "num")) if group(m, "num") else None
    if n is None:
        return Reading("DATE", "PAST_REF")
    today = ctx.today()
    if unit in ("hour", "minute", "second"):
        return Reading("DATE", today.isoformat())
    grain = GRAIN_OF_UNIT[unit]
    quarter = ctx.compared_quarter() if unit == "year" else None
    if quarter is not None:
        return point(cal.shift(quarter.day, "year", -int(n)), "quarter")
    if unit == "decade":
        return point(cal.shift(today, "year", -10 * int(n)), "year")
    return point(cal.shift(today, grain, -int(n)), grain)


def read_offset(m: re.Match[str], ctx: Context) -> Reading:
    """"a year earlier", "two days later", "the day before": counted from the last date mentioned."""
    unit = unit_of(m["unit"])
    n = number_of(group(m, "num")) if group(m, "num") else None if m["unit"].lower() != unit else 1.0
    if n is None:
        if m["dir"].lower() in ("earlier", "before"):
            return Reading("DATE", "PAST_REF")
        if ctx.anchor is not None and ctx.anchor.day < ctx.today():
            raise ValueError("some time after a past date, which may itself be past")  # "a few days later"
        return Reading("DATE", "FUTURE_REF")
    if unit in ("hour", "minute", "second") or _THAN.match(m.string, m.end()):
        return Reading("DURATION", duration(n, unit))  # "a day earlier than planned" measures a gap
    sign = -1 if m["dir"].lower() in ("earlier", "before", "ago", "previously") else 1
    if unit in ("decade", "century"):  # "a decade later" is a year ten years on, not a decade
        unit, n = "year", n * (10 if unit == "decade" else 100)
    grain = GRAIN_OF_UNIT[unit]
    ref = ctx.reference(grain, from_publication=True)
    quarter = ctx.compared_quarter() if unit == "year" else None
    if quarter is not None:
        ref, grain = quarter, "quarter"
    return point(cal.shift(ref.day, GRAIN_OF_UNIT[unit], sign * int(n)), grain)


_THAN = re.compile(r"\s+than\b", re.I)
_PART_OF_THIS_YEAR = re.compile(r"\b(?i:since|months?\s+of|weeks?\s+of|half\s+of|quarter\s+of|part\s+of|early\s+in"
                                r"|earlier\s+in)\s+$")
"""A year counted up to now ("since the start of the year") or a part of it already gone ("the first two months of
the year", told in March): this year, whatever the tense."""


def read_year_earlier(m: re.Match[str], ctx: Context) -> Reading:
    """"the year-earlier quarter", "year-ago": the quarter reported on (else the year) one year back."""
    if ctx.near_year is not None:  # "a 1986 net profit against a year-ago loss": the year just named
        return point(dt.date(ctx.near_year - 1, 1, 1), "year")
    quarter = ctx.compared_quarter()
    if quarter is not None:
        return point(cal.shift(quarter.day, "year", -1), "quarter")
    return point(cal.shift(ctx.today(), "year", -1), "year")


def read_quarter_ref(m: re.Match[str], ctx: Context) -> Reading:
    """"the quarter (ended Sept. 30)", "the 1988 period": that date's quarter, else the last one mentioned."""
    if group(m, "emonth"):
        month = MONTHS[group(m, "emonth").lower().rstrip(".")]
        return point(dt.date(cal.month_year(ctx.today(), month, -1), month, 1), "quarter")
    quarter = ctx.compared_quarter()
    if group(m, "year"):  # "the 1988 period": that year's quarter in a quarterly report, else the year
        if quarter is None:
            return point(dt.date(int(group(m, "year")), 1, 1), "year")
        return point(dt.date(int(group(m, "year")), quarter.day.month, 1), "quarter")
    if quarter is None and (m[0].lower().endswith("period") or ctx.fiscal):
        # "the latest period" before any quarter is named may be a week or a month; "the quarter" of a
        # fiscal year is not the last calendar quarter
        raise Doubtful("a period referred back to before the text names one")
    day = quarter.day if quarter is not None else cal.shift(ctx.today(), "quarter", -1)
    return point(cal.shift(day, "year", YEAR_STEP.get(group(m, "yrel").lower(), 0)), "quarter")


def read_weekend(m: re.Match[str], ctx: Context) -> Reading:
    """"the weekend": the last one in a past sentence, the coming one in a future sentence."""
    return _weekend(m[0].lower().split()[0], "past" in m[0].lower(), ctx)


def _weekend(rel: str, past: bool, ctx: Context) -> Reading:
    """The weekend that "the", "this", "last" or "next" weekend means, given the tense."""
    today = ctx.today()
    back = rel == "last" or (rel in ("the", "this") and ctx.direction <= 0) or past
    saturday = cal.weekday_near(today, 5, -1 if back else +1)
    if rel == "next" and saturday - today < dt.timedelta(days=2):
        saturday += dt.timedelta(weeks=1)
    return point(saturday, "week", "-WE")


def read_the_year(m: re.Match[str], ctx: Context) -> Reading:
    """"the year", "the fiscal year": a twelve-month span before "ended", else this year."""
    if m["ended"] is not None:
        return Reading("DURATION", "P1Y")
    if group(m, "year"):  # "the full year 1986"
        return point(dt.date(int(group(m, "year")), 1, 1), "year")
    today = ctx.today()
    if ctx.anchor is not None and ctx.anchor.day.year < today.year and ctx.direction < 0:
        raise ValueError("in a past sentence after an earlier year, the year may be that one, not this one")
    if ctx.direction == -1 and today.month <= 3 and m[0].lower().startswith("the") \
            and not _PART_OF_THIS_YEAR.search(m.string, max(0, m.start() - 20), m.start()):
        # "For the year, net rose 12 pct" in a March report: the year just ended as likely as this one
        raise Doubtful("a past year told early in the next one")
    return point(today, "year")


def read_period_end(m: re.Match[str], ctx: Context) -> Reading:
    """"year-end", "the end of the month": the period it ends."""
    grain = (group(m, "unit") or "year").lower()
    return point(ctx.today(), grain)
