"""Readings of named dates: "March 5, 1991", "1990s", "the third quarter", "last winter", "Easter"."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_context import YEAR_STEP, Context, Doubtful, Reading, group, point, time_suffix
from briefgen.extract.dates_durations import number_of
from briefgen.extract.dates_lexicon import (
    FIXED_HOLIDAYS,
    MONTHS,
    ORDINALS,
    SEASONS,
    TENS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)


def read_full_date(m: re.Match[str], ctx: Context) -> Reading:
    """"March 5, 1991", "Friday, 4 April", "Sept. 30": a day; without a year, the one the tense and distance suggest."""
    month = MONTHS[(group(m, "month") or group(m, "month2")).lower().rstrip(".")]
    day = int(group(m, "day") or group(m, "day2"))
    if group(m, "year") or group(m, "ryear"):
        year = int(group(m, "year") or group(m, "ryear"))
    elif group(m, "rel2") or group(m, "rel0"):  # "October 25 this year", "last year August 8"
        step = {"last": -1, "this": 0, "next": 1}[(group(m, "rel2") or group(m, "rel0")).lower().split()[-2]]
        year = ctx.today().year + step
    elif ctx.frame_year is not None:
        year = ctx.frame_year
    elif span_start := _RANGE_FROM_YEAR.search(m.string, max(0, m.start() - 16), m.start()):
        # "from September 30, 1987, to December 31": the end of a span takes its start's year
        start_year = int(span_start["year"])
        anchor = ctx.anchor
        year = start_year + (1 if anchor is not None and anchor.day.year == start_year and month < anchor.day.month
                             else 0)
    else:
        today = ctx.today()
        year = cal.month_year(today, month, ctx.direction)
    date = cal.safe_date(year, month, day)
    if date is None:
        return Reading("DATE", f"{year:04d}-{month:02d}")
    return point(date, "day", time_suffix(m))


_RANGE_START = re.compile(
    r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    r"\s*(?:[-–]|to|through|until|till|and)\s*$", re.I)


_ENDED_AFTER = re.compile(
    r"\s+(?P<verb>ended|ending)\s+(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+(?P<day>\d{1,2})\b", re.I)


def read_range_end(m: re.Match[str], ctx: Context) -> Reading:
    """The last day of a range whose first day was just read ("September 25-27", "from March 15 to 17")."""
    start = _RANGE_START.search(m.string, max(0, m.start() - 30), m.start())
    first = ctx.anchor
    if start is None or first is None or first.grain != "day":
        raise ValueError("not the end of a range of days")
    if (first.day.month, first.day.day) != (MONTHS[start["month"].lower()], int(start["day"])):
        raise ValueError("the range does not start at the last date read")
    year = int(group(m, "year")) if group(m, "year") else first.day.year
    date = cal.safe_date(year, first.day.month, int(m["day"]))
    if date is None or date <= first.day.replace(year=year):
        raise ValueError("not a later day of the same month")
    return point(date, "day")


def read_nth_weekday(m: re.Match[str], ctx: Context) -> Reading:
    """"the last Sunday in October 1987"; without a year it is a rule for every year, not a date."""
    if not group(m, "year"):
        raise ValueError("the n-th weekday of a month in no particular year")
    n = ORDINALS[m["ord"].lower()]
    weekday = WEEKDAYS[m["weekday"].lower().rstrip(".")]
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = cal.nth_weekday(int(m["year"]), month, weekday, n)
    if day.month != month:
        raise ValueError("no such weekday in that month")
    return point(day, "day")


_RANGE_FROM_YEAR = re.compile(r"(?P<year>(?:1[0-9]|20)\d\d),?\s+(?:to|until|till|through|and)\s+$")


def read_week_of(m: re.Match[str], ctx: Context) -> Reading:
    """"the week of March 6": the (ISO) week that holds the day."""
    day = read_full_date(m, ctx)
    if day.point is None or day.point.grain != "day":
        raise ValueError("not a day")
    return point(day.point.day, "week")


def read_numeric_date(m: re.Match[str], ctx: Context) -> Reading:
    """"3/19/2013" (month first, as US news writes it) or "2013-03-19"."""
    year = int(m["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    date = cal.safe_date(year, int(m["m"]), int(m["d"]))
    if date is None:
        raise ValueError("not a date")
    return point(date, "day")


def read_month_year(m: re.Match[str], ctx: Context) -> Reading:
    """"October 1998", "January nineteen ninety-seven"."""
    month = MONTHS[m["month"].lower().rstrip(".")]
    return point(dt.date(_year_of(m), month, 1), "month")


def _year_of(m: re.Match[str]) -> int:
    """The year a match gives in figures ("1994") or in words ("nineteen ninety-four")."""
    if group(m, "year"):
        return int(group(m, "year"))
    n = number_of(re.split(r"[- ]", group(m, "spelt").lower(), maxsplit=1)[1]) if group(m, "spelt") else None
    if n is None:
        raise ValueError("no year")
    return 1900 + int(n)


def read_month(m: re.Match[str], ctx: Context) -> Reading:
    """"January", "last May", "early next March": a month whose year comes from the words or the tense."""
    month = MONTHS[m["month"].lower().rstrip(".")]
    today = ctx.today()
    rel = (group(m, "rel") or group(m, "rel2") or "").lower()
    if "last" in rel or "past" in rel or "previous" in rel:
        year = today.year - 1 if month >= today.month else today.year
        if rel.endswith("year"):
            year = today.year - 1
    elif "next" in rel or "coming" in rel or "following" in rel:
        year = today.year + 1 if month <= today.month else today.year
        if rel.endswith("year"):
            year = today.year + 1
    elif "this" in rel:
        year = today.year
    elif ctx.frame_year is not None and not rel:
        year = ctx.frame_year
    elif ctx.anchor is not None and ctx.anchor_dated and ctx.anchor.grain in ("month", "day") \
            and ctx.anchor.day.month == month:
        # "in January" just after "in January 1988" is that January, unless a tense of its own (not merely
        # "said") puts the month in another year ("a surplus in February 1986 ... Exports in February were"):
        # then the words point both ways and the year is left unsaid
        year = ctx.anchor.day.year
        if ctx.direction in (-1, 1, 2) and year != cal.month_year(today, month, ctx.direction):
            raise Doubtful("the month was last named with a year other than the one the tense gives")
    elif _THAT_BEFORE.search(m.string, max(0, m.start() - 6), m.start()):
        if ctx.anchor is None:  # "That September" refers back to a year the text has not named
            raise ValueError("no year named to refer back to")
        year = ctx.anchor.day.year
    else:
        year = cal.month_year(today, month, ctx.direction)
    return point(dt.date(year, month, 1), "month")


_THAT_BEFORE = re.compile(r"\b(?i:that)\s+$")


def read_year(m: re.Match[str], ctx: Context) -> Reading:
    """"1990", "fiscal 1989", "the end of 2004"."""
    return point(dt.date(int(group(m, "year")), 1, 1), "year")


def read_spelt_year(m: re.Match[str], ctx: Context) -> Reading:
    """"nineteen ninety-one"."""
    return point(dt.date(_year_of(m), 1, 1), "year")


def read_decade(m: re.Match[str], ctx: Context) -> Reading:
    """"the 1990s" -> 199, "the '80s" -> 198, "the 1800s" -> 18 (a century)."""
    if m["century"]:
        if m["decade"] == "0" and int(m["century"]) < 20:  # "the 1800s" is the nineteenth century
            return Reading("DATE", m["century"])
        return Reading("DATE", m["century"] + m["decade"])
    two = int(m["decade"])
    century = "19" if two >= 3 else "20"
    return Reading("DATE", century + m["decade"])


def read_spelt_decade(m: re.Match[str], ctx: Context) -> Reading:
    """"the nineties" -> 199."""
    tens = m["tens"].lower()[:-3] + "y"
    return Reading("DATE", f"19{TENS[tens] // 10}")


def read_century(m: re.Match[str], ctx: Context) -> Reading:
    """"the 20th century" -> 19."""
    digits = re.match(r"\d+", m["ord"])
    if digits:
        return Reading("DATE", f"{int(digits[0]) - 1:02d}")
    n = ORDINALS.get(m["ord"].lower())
    if n is None or n < 1:
        raise ValueError("not a century")
    return Reading("DATE", f"{n - 1:02d}")


def read_season(m: re.Match[str], ctx: Context) -> Reading:
    """"last winter", "the summer of 1994", "since the autumn"."""
    code = SEASONS[m["season"].lower()]
    if group(m, "year") or group(m, "spelt"):
        return Reading("DATE", f"{_year_of(m):04d}-{code}")
    rel = group(m, "rel").lower()
    today = ctx.today()
    if rel in ("last", "past", "previous", "next"):
        return Reading("DATE", f"{today.year + (1 if rel == 'next' else -1):04d}-{code}")
    if rel in ("this", "this past"):
        return Reading("DATE", f"{today.year:04d}-{code}")
    middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    return Reading("DATE", f"{cal.month_year(today, middle, ctx.direction):04d}-{code}")


def read_quarter(m: re.Match[str], ctx: Context) -> Reading:
    """"the third quarter (of 1990)", "third-quarter", "the year-earlier quarter"."""
    n = ORDINALS[m["ord"].lower()]
    if n == -1:
        n = 4
    today = ctx.today()
    ended = _ENDED_AFTER.match(m.string, m.end())
    if ended and not group(m, "year"):  # "the fourth quarter ended May 30": a fiscal quarter, dated by its end
        month = MONTHS[ended["month"].lower()]
        direction = -1 if ended["verb"].lower() == "ended" else 2
        end = cal.safe_date(cal.month_year(today, month, direction), month, int(ended["day"]))
        if end is None:
            raise ValueError("not a date")
        # TimeML names a fiscal quarter by its ordinal in the year its end falls in
        return point(dt.date(end.year, 3 * n - 2, 1), "quarter")
    if group(m, "year"):
        return point(dt.date(int(group(m, "year")), 3 * n - 2, 1), "quarter")
    whose = _YEARS_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
    if whose and whose["year"]:  # "1986's first quarter"
        return point(dt.date(int(whose["year"]), 3 * n - 2, 1), "quarter")
    year = _fiscal_quarter_year(m, ctx)
    if year is None:
        year = today.year
        if not group(m, "yrel") and ctx.direction <= 0 and dt.date(year, 3 * n - 2, 1) > today:
            # results for "the fourth quarter" reported in March are last year's, unless the report is on
            # a fiscal year, whose fourth quarter may have ended last month and be named by this year
            if ctx.fiscal:
                raise Doubtful("a past quarter of a fiscal year the text does not give")
            year -= 1
    if group(m, "earlier"):
        year -= 1
    year += YEAR_STEP.get(group(m, "yrel").lower(), 0)
    return point(dt.date(year, 3 * n - 2, 1), "quarter")


_END_BEFORE = re.compile(
    r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(?P<day>\d{1,2}),?\s+$", re.I)


def _fiscal_quarter_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year of a quarter dated by its end just before it ("the January 31 second quarter"), else None.

    As with "the fourth quarter ended May 30", TimeML names such a (fiscal) quarter by its ordinal
    in the year its end falls in.
    """
    end = _END_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
    if end is None:
        return None
    return cal.month_year(ctx.today(), MONTHS[end["month"].lower()], -1)


def read_quarter_code(m: re.Match[str], ctx: Context) -> Reading:
    """"Q3", "Q1 2013", "H2 '12": a quarter or half in the year given, else the publication year."""
    n = int(m["code"][1])
    if m["code"][0] == "H" and n > 2:
        raise ValueError("no such half")
    if group(m, "year"):
        year = int(group(m, "year"))
    elif group(m, "yy"):
        year = 2000 + int(group(m, "yy")) if int(group(m, "yy")) < 50 else 1900 + int(group(m, "yy"))
    else:
        year = ctx.today().year
    if m["code"][0] == "H":
        return Reading("DATE", f"{year:04d}-H{n}")
    return point(dt.date(year, 3 * n - 2, 1), "quarter")


def read_half(m: re.Match[str], ctx: Context) -> Reading:
    """"the first half (of 1990)"."""
    n = ORDINALS[m["ord"].lower()]
    if group(m, "year"):
        year = int(group(m, "year"))
    else:  # "last year's first half", "last year's strong second half"
        whose = _YEARS_BEFORE.search(m.string, max(0, m.start() - 30), m.start())
        if whose and whose["year"]:
            year = int(whose["year"])
        else:
            year = ctx.today().year + (YEAR_STEP[whose["yrel"].lower()] if whose else 0)
    return Reading("DATE", f"{year:04d}-H{1 if n == 1 else 2}")


_YEARS_BEFORE = re.compile(r"(?:\b(?P<yrel>(?i:last|this|next))\s+(?i:year)|(?<![\d,.])(?P<year>(?:1[89]|20)\d\d))['’]s"
                           r"\s+(?:[a-z]+\s+)?$")
"""Whose year a quarter or half is, said just before it: "last year's (strong) first half", "1986's first quarter"."""


def read_holiday(m: re.Match[str], ctx: Context) -> Reading:
    """A named holiday, in the year given or the one nearest publication the tense allows."""
    name = m["holiday"].lower()
    if group(m, "year"):
        return point(_holiday_in(name, int(group(m, "year"))), "day")
    today = ctx.today()
    rel = group(m, "rel").lower()
    direction = -1 if rel == "last" else +1 if rel == "next" else ctx.direction
    candidates = [_holiday_in(name, y) for y in (today.year - 1, today.year, today.year + 1)]
    if direction < 0:
        day = max(d for d in candidates if d <= today)
    elif direction > 0 and rel == "next":
        day = min(d for d in candidates if d > today)
    else:
        day = min(candidates, key=lambda d: abs((d - today).days))
    return point(day, "day")


def _holiday_in(name: str, year: int) -> dt.date:
    """The date of a named holiday in a given year."""
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in WEEKDAY_HOLIDAYS:
        month, weekday, n = WEEKDAY_HOLIDAYS[name]
        return cal.nth_weekday(year, month, weekday, n)
    if name == "easter":
        return cal.easter(year)
    return cal.election_day(year)
