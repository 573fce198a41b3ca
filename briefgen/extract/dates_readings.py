"""How the date extractor reads a matched expression: TIMEX3 type and value from the match and its context."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_lexicon import (
    ADVERB_SETS,
    FIXED_HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TENS,
    UNITS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)


class Unanchored(Exception):
    """Raised by a reading that needs the publication date when the article has none."""


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides its match: the publication date, the last date and the tense."""

    published: dt.date | None
    anchor: cal.Point | None
    """The last day, month or year the text mentioned (for "the following day")."""
    quarter: cal.Point | None
    """The last quarter the text mentioned (what "the latest period" and "a year ago" compare in results)."""
    direction: int
    """-1 when the sentence speaks of the past, +1 of the future, 0 when it does not say."""

    def today(self) -> dt.date:
        """The publication date, or Unanchored."""
        if self.published is None:
            raise Unanchored
        return self.published

    def reference(self) -> cal.Point:
        """The date that anaphoric expressions count from: the last one mentioned, else publication."""
        if self.anchor is not None:
            return self.anchor
        return cal.Point(self.today(), "day")


@dataclass(frozen=True)
class Reading:
    """What a matched expression means: its TIMEX3 type and value, and the calendar point if it names one."""

    type: str
    value: str
    point: cal.Point | None = None


def number_of(text: str) -> float | None:
    """The number a numeral or number word stands for ("two", "2 1/2", "twenty-four"), None if vague."""
    t = re.sub(r"\s+", " ", text.lower()).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t.endswith(" 1/2"):
        base = number_of(t[:-4])
        return None if base is None else base + 0.5
    if t in ("a", "an"):
        return 1.0
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in NUMBER_WORDS:
        return float(TENS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def unit_of(word: str) -> str:
    """The singular unit name of a unit word ("centuries" -> "century", "nights" -> "night")."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration(n: float | None, unit: str) -> str:
    """The TIMEX3 duration value for n units, PX... when n is vague."""
    if unit == "decade":
        return "PXY" if n is None else f"P{_num(n * 10)}Y"
    if unit == "century":
        return "PXY" if n is None else f"P{_num(n * 100)}Y"
    if unit == "quarter":
        return "PXQ" if n is None else f"P{_num(n * 3)}M"
    if unit == "weekend":
        return "PXWE" if n is None else f"P{_num(n)}WE"
    if unit == "fortnight":
        return "PXW" if n is None else f"P{_num(n * 2)}W"
    letter = UNITS[unit]
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if prefix == "PT" and n != int(n):
        whole, part = int(n), n - int(n)
        smaller = {"H": "M", "M": "S"}.get(letter)
        if smaller:
            return f"PT{whole}{letter}{int(round(part * 60))}{smaller}"
    return f"{prefix}{_num(n)}{letter}"


def _g(m: re.Match[str], name: str) -> str:
    """The text of a named group, or "" when the rule has no such group or it did not take part."""
    return m.groupdict().get(name) or ""


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_GRAIN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "weekend": "week", "month": "month",
                  "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}


def point(day: dt.date, grain: str, suffix: str = "") -> Reading:
    """The reading of a calendar point (a TIME when it carries a time of day)."""
    p = cal.Point(day, grain, suffix)
    return Reading("TIME" if suffix.startswith("T") else "DATE", p.value(), p)


def _weekday_date(ctx: Context, weekday: int, rel: str) -> dt.date:
    today = ctx.today()
    rel = rel.lower()
    if rel in ("last", "the previous", "this past", "past"):
        d = cal.weekday_near(today - dt.timedelta(days=1), weekday, -1)
        return d
    if rel in ("next", "this coming", "coming", "the following"):
        return cal.weekday_near(today + dt.timedelta(days=1), weekday, +1)
    return cal.weekday_near(today, weekday, ctx.direction if ctx.direction > 0 else -1)


# ---- readings, one per rule ------------------------------------------------------------------------

def read_full_date(m: re.Match[str], ctx: Context) -> Reading:
    month = MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
    day = int(m["day"] or m["day2"])
    if _g(m, "year"):
        year = int(_g(m, "year"))
    else:
        today = ctx.today()
        year = cal.month_year(today, month, ctx.direction)
    date = cal.safe_date(year, month, day)
    if date is None:
        return Reading("DATE", f"{year:04d}-{month:02d}")
    return point(date, "day", _time_suffix(m))


def read_numeric_date(m: re.Match[str], ctx: Context) -> Reading:
    year = int(m["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    date = cal.safe_date(year, int(m["m"]), int(m["d"]))
    if date is None:
        raise ValueError("not a date")
    return point(date, "day")


def read_month_year(m: re.Match[str], ctx: Context) -> Reading:
    month = MONTHS[m["month"].lower().rstrip(".")]
    return point(dt.date(int(_g(m, "year")), month, 1), "month")


def read_month(m: re.Match[str], ctx: Context) -> Reading:
    month = MONTHS[m["month"].lower().rstrip(".")]
    today = ctx.today()
    rel = (_g(m, "rel") or _g(m, "rel2") or "").lower()
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
    else:
        year = cal.month_year(today, month, ctx.direction)
    return point(dt.date(year, month, 1), "month")


def read_year(m: re.Match[str], ctx: Context) -> Reading:
    return point(dt.date(int(_g(m, "year")), 1, 1), "year")


def read_spelt_year(m: re.Match[str], ctx: Context) -> Reading:
    n = number_of(m["rest"])
    if n is None:
        raise ValueError("not a year")
    return point(dt.date(1900 + int(n), 1, 1), "year")


def read_decade(m: re.Match[str], ctx: Context) -> Reading:
    if m["century"]:
        return Reading("DATE", m["century"] + m["decade"])
    two = int(m["decade"])
    century = "19" if two >= 3 else "20"
    return Reading("DATE", century + m["decade"])


def read_season(m: re.Match[str], ctx: Context) -> Reading:
    code = SEASONS[m["season"].lower()]
    if _g(m, "year"):
        return Reading("DATE", f"{int(_g(m, 'year')):04d}-{code}")
    rel = _g(m, "rel").lower()
    step = -1 if rel in ("last", "past", "this past", "previous") else 1 if rel == "next" else 0
    return Reading("DATE", f"{ctx.today().year + step:04d}-{code}")


def read_quarter(m: re.Match[str], ctx: Context) -> Reading:
    n = ORDINALS[m["ord"].lower()]
    if n == -1:
        n = 4
    year = int(_g(m, "year")) if _g(m, "year") else ctx.today().year
    if _g(m, "earlier"):
        year -= 1
    return point(dt.date(year, 3 * n - 2, 1), "quarter")


def read_half(m: re.Match[str], ctx: Context) -> Reading:
    n = ORDINALS[m["ord"].lower()]
    year = int(_g(m, "year")) if _g(m, "year") else ctx.today().year
    return Reading("DATE", f"{year:04d}-H{1 if n == 1 else 2}")


def read_quarter_ref(m: re.Match[str], ctx: Context) -> Reading:
    """"the quarter", "the latest quarter": the quarter last mentioned, else the last one finished."""
    if ctx.quarter is not None:
        return point(ctx.quarter.day, "quarter")
    today = ctx.today()
    return point(cal.shift(today, "quarter", -1), "quarter")


def read_weekday(m: re.Match[str], ctx: Context) -> Reading:
    weekday = WEEKDAYS[_g(m, "weekday").lower().rstrip(".")]
    date = _weekday_date(ctx, weekday, _g(m, "rel") or "")
    return point(date, "day", _time_suffix(m))


def _time_suffix(m: re.Match[str]) -> str:
    groups = m.groupdict()
    part = groups.get("part")
    if part:
        return "T" + PARTS_OF_DAY[part.lower()]
    return ""


_DEICTIC_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


def read_deictic(m: re.Match[str], ctx: Context) -> Reading:
    word = _g(m, "word").lower()
    date = ctx.today() + dt.timedelta(days=_DEICTIC_SHIFT[word])
    suffix = _time_suffix(m)
    if word == "tonight":
        suffix = "TNI"
    return point(date, "day", suffix)


def read_part_of_day(m: re.Match[str], ctx: Context) -> Reading:
    today = ctx.today()
    rel = _g(m, "rel").lower()
    if rel == "last":
        return point(today - dt.timedelta(days=1), "day", "TNI")
    return point(today, "day", "T" + PARTS_OF_DAY[_g(m, "part").lower()])


def read_clock(m: re.Match[str], ctx: Context) -> Reading:
    if _g(m, "noon"):
        hour, minute = (12, 0) if _g(m, "noon").lower() in ("noon", "midday") else (24, 0)
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
    if _g(m, "cmonth"):
        month = MONTHS[_g(m, "cmonth").lower().rstrip(".")]
        found = cal.safe_date(cal.month_year(ctx.today(), month, ctx.direction), month, int(_g(m, "cday")))
        if found is None:
            raise ValueError("not a date")
        day = found
    elif _g(m, "weekday"):
        day = _weekday_date(ctx, WEEKDAYS[_g(m, "weekday").lower().rstrip(".")], "")
    elif _g(m, "word"):
        day = ctx.today() + dt.timedelta(days=_DEICTIC_SHIFT[_g(m, "word").lower()])
    else:
        day = ctx.today()
    return point(day, "day", f"T{hour:02d}:{minute:02d}")


def read_relative_unit(m: re.Match[str], ctx: Context) -> Reading:
    """"this week", "last month", "next year", "the past year", "the current quarter"."""
    rel = _g(m, "rel").lower()
    unit = unit_of(m["unit"])
    grain = _GRAIN_OF_UNIT[unit]
    today = ctx.today()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get((rel.split() or [""])[-1], 0)
    day = cal.shift(today, grain, step)
    if unit == "weekend":
        return point(day, "week", "-WE")
    return point(day, grain)


def read_anaphoric_unit(m: re.Match[str], ctx: Context) -> Reading:
    """"the following day", "that year", "the previous month": counted from the last date mentioned."""
    rel = _g(m, "rel").lower()
    unit = unit_of(m["unit"])
    grain = _GRAIN_OF_UNIT[unit]
    ref = ctx.reference()
    step = -1 if rel in ("previous", "preceding", "before", "prior") else 1
    if rel in ("that", "same", "that same", "the same"):
        step = 0
    return point(cal.shift(ref.day, grain, step), grain)


def read_ago(m: re.Match[str], ctx: Context) -> Reading:
    """"two years ago", "a week ago": back from publication at the unit's granularity."""
    unit = unit_of(m["unit"])
    n = number_of(_g(m, "num")) if _g(m, "num") else None
    if n is None:
        return Reading("DATE", "PAST_REF")
    today = ctx.today()
    if unit in ("hour", "minute", "second"):
        return Reading("DATE", today.isoformat())
    grain = _GRAIN_OF_UNIT[unit]
    if unit == "year" and ctx.quarter is not None:
        return point(cal.shift(ctx.quarter.day, "year", -int(n)), "quarter")
    if unit == "decade":
        return point(cal.shift(today, "year", -10 * int(n)), "year")
    return point(cal.shift(today, grain, -int(n)), grain)


def read_offset(m: re.Match[str], ctx: Context) -> Reading:
    """"a year earlier", "two days later", "the day before": counted from the last date mentioned."""
    unit = unit_of(m["unit"])
    n = number_of(_g(m, "num")) if _g(m, "num") else 1.0
    if n is None:
        return Reading("DATE", "PAST_REF" if m["dir"].lower() in ("earlier", "before") else "FUTURE_REF")
    if unit in ("hour", "minute", "second"):
        raise ValueError("clock offsets are not dated")
    sign = -1 if m["dir"].lower() in ("earlier", "before", "ago", "previously") else 1
    ref = ctx.reference()
    grain = _GRAIN_OF_UNIT[unit]
    if unit == "year" and ctx.quarter is not None:
        ref, grain = ctx.quarter, "quarter"
    return point(cal.shift(ref.day, _GRAIN_OF_UNIT[unit], sign * int(n)), grain)


def read_year_earlier(m: re.Match[str], ctx: Context) -> Reading:
    """"the year-earlier quarter", "year-ago": the period of the last date, one year back."""
    ref = ctx.quarter or ctx.reference()
    grain = ref.grain if ref.grain in ("quarter", "year") else "year"
    return point(cal.shift(ref.day, "year", -1), grain)


def read_duration(m: re.Match[str], ctx: Context) -> Reading:
    unit = unit_of(m["unit"])
    plural = m["unit"].lower() != unit
    if _g(m, "num").lower() in ("a", "an") and _RATE.search(m.string, max(0, m.start() - 40), m.start()):
        raise ValueError("a rate such as $5 a year, not a duration")
    n = number_of(_g(m, "num")) if _g(m, "num") else None if plural else 1.0
    return Reading("DURATION", duration(n, unit))


_RATE = re.compile(r"\d[\d.,%]*(?:\s+[A-Za-z]+){0,2}\s+$")
"""A quantity just before "a year"/"a week" ("$5 million a year", "700 seats a week")."""


def read_set(m: re.Match[str], ctx: Context) -> Reading:
    groups = m.groupdict()
    if groups.get("adverb"):
        return Reading("SET", ADVERB_SETS[m["adverb"].lower()])
    if groups.get("weekday"):
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower().rstrip('.s')] + 1}")
    unit = unit_of(m["unit"])
    n = number_of(_g(m, "num")) if groups.get("num") else 1.0
    return Reading("SET", duration(n or 1.0, unit))


def read_reference(value: str) -> Callable[[re.Match[str], Context], Reading]:
    """A reading that always gives the same TIMEX3 reference value."""

    def read(m: re.Match[str], ctx: Context) -> Reading:
        return Reading("DATE", value)

    return read


def read_weekend(m: re.Match[str], ctx: Context) -> Reading:
    """"the weekend": the last one in a past sentence, the coming one in a future sentence."""
    rel = m[0].lower().split()[0]
    today = ctx.today()
    back = rel == "last" or (rel in ("the", "this") and ctx.direction <= 0) or "past" in m[0].lower()
    saturday = cal.weekday_near(today, 5, -1 if back else +1)
    if rel == "next" and saturday - today < dt.timedelta(days=2):
        saturday += dt.timedelta(weeks=1)
    return point(saturday, "week", "-WE")


def read_the_year(m: re.Match[str], ctx: Context) -> Reading:
    """"the year", "the fiscal year": a twelve-month span before "ended", else this year."""
    if m["ended"] is not None:
        return Reading("DURATION", "P1Y")
    return point(ctx.today(), "year")


def read_period_end(m: re.Match[str], ctx: Context) -> Reading:
    """"year-end", "the end of the month": the period it ends."""
    grain = (_g(m, "unit") or "year").lower()
    return point(ctx.today(), grain)


def read_holiday(m: re.Match[str], ctx: Context) -> Reading:
    """A named holiday, in the year given or the one nearest publication the tense allows."""
    name = m["holiday"].lower()
    if _g(m, "year"):
        return point(_holiday_in(name, int(_g(m, "year"))), "day")
    today = ctx.today()
    rel = _g(m, "rel").lower()
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
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in WEEKDAY_HOLIDAYS:
        month, weekday, n = WEEKDAY_HOLIDAYS[name]
        return cal.nth_weekday(year, month, weekday, n)
    if name == "easter":
        return cal.easter(year)
    return cal.election_day(year)


def read_spelt_decade(m: re.Match[str], ctx: Context) -> Reading:
    tens = m["tens"].lower()[:-3] + "y"
    return Reading("DATE", f"19{TENS[tens] // 10}")


def read_century(m: re.Match[str], ctx: Context) -> Reading:
    digits = re.match(r"\d+", m["ord"])
    if digits:
        return Reading("DATE", f"{int(digits[0]) - 1:02d}")
    n = ORDINALS.get(m["ord"].lower())
    if n is None or n < 1:
        raise ValueError("not a century")
    return Reading("DATE", f"{n - 1:02d}")

