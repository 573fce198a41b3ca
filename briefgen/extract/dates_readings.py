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
        return "PXQ" if n is None else f"P{_num(n)}Q"
    if unit == "weekend":
        return "PXWE" if n is None else f"P{_num(n)}WE"
    if unit == "fortnight":
        return "PXW" if n is None else f"P{_num(n * 2)}W"
    letter = UNITS[unit]
    prefix = "PT" if unit in ("second", "minute", "hour") else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n) and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        head = f"{prefix}{whole}{letter}" if whole else prefix
        return head + ("T" if unit == "day" else "") + f"{rest}{smaller}"
    return f"{prefix}{_num(n)}{letter}"


_SMALLER = {"year": ("M", 12), "week": ("D", 7), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}
"""The next smaller TIMEX3 unit letter of a unit, and how many make one (for "2 1/2 years" = P2Y6M)."""


def _g(m: re.Match[str], name: str) -> str:
    """The text of a named group, or "" when the rule has no such group or it did not take part."""
    return m.groupdict().get(name) or ""


def _num(n: float) -> str:
    """A count as TIMEX3 writes it: "3", "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"


_GRAIN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "weekend": "week", "month": "month",
                  "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}


def point(day: dt.date, grain: str, suffix: str = "") -> Reading:
    """The reading of a calendar point (a TIME when it carries a time of day)."""
    p = cal.Point(day, grain, suffix)
    return Reading("TIME" if suffix.startswith("T") else "DATE", p.value(), p)


def _weekday_date(ctx: Context, weekday: int, rel: str) -> dt.date:
    """The day a weekday name refers to: "last"/"next" as said, else by the tense, looking back by default."""
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
    """"March 5, 1991", "Friday, 4 April", "Sept. 30": a day; without a year, the one the tense and distance suggest."""
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
    if _g(m, "year"):
        return int(_g(m, "year"))
    n = number_of(re.split(r"[- ]", _g(m, "spelt").lower(), maxsplit=1)[1]) if _g(m, "spelt") else None
    if n is None:
        raise ValueError("no year")
    return 1900 + int(n)


def read_month(m: re.Match[str], ctx: Context) -> Reading:
    """"January", "last May", "early next March": a month whose year comes from the words or the tense."""
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
    """"1990", "fiscal 1989", "the end of 2004"."""
    return point(dt.date(int(_g(m, "year")), 1, 1), "year")


def read_spelt_year(m: re.Match[str], ctx: Context) -> Reading:
    """"nineteen ninety-one"."""
    return point(dt.date(_year_of(m), 1, 1), "year")


def read_decade(m: re.Match[str], ctx: Context) -> Reading:
    """"the 1990s" -> 199, "the '80s" -> 198."""
    if m["century"]:
        return Reading("DATE", m["century"] + m["decade"])
    two = int(m["decade"])
    century = "19" if two >= 3 else "20"
    return Reading("DATE", century + m["decade"])


def read_season(m: re.Match[str], ctx: Context) -> Reading:
    """"last winter", "the summer of 1994", "since the autumn"."""
    code = SEASONS[m["season"].lower()]
    if _g(m, "year") or _g(m, "spelt"):
        return Reading("DATE", f"{_year_of(m):04d}-{code}")
    rel = _g(m, "rel").lower()
    today = ctx.today()
    if rel in ("last", "past", "previous", "next"):
        return Reading("DATE", f"{today.year + (1 if rel == 'next' else -1):04d}-{code}")
    if rel in ("this", "this past"):
        return Reading("DATE", f"{today.year:04d}-{code}")
    middle = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    return Reading("DATE", f"{cal.month_year(today, middle, ctx.direction):04d}-{code}")


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}
"""How many years "last/this/next year's quarter" moves from the quarter in question."""


def read_quarter(m: re.Match[str], ctx: Context) -> Reading:
    """"the third quarter (of 1990)", "third-quarter", "the year-earlier quarter"."""
    n = ORDINALS[m["ord"].lower()]
    if n == -1:
        n = 4
    year = int(_g(m, "year")) if _g(m, "year") else ctx.today().year
    if _g(m, "earlier"):
        year -= 1
    year += _YEAR_STEP.get(_g(m, "yrel").lower(), 0) if not _g(m, "year") else 0
    return point(dt.date(year, 3 * n - 2, 1), "quarter")


def read_quarter_code(m: re.Match[str], ctx: Context) -> Reading:
    """"Q3", "Q1 2013", "H2 '12": a quarter or half in the year given, else the publication year."""
    n = int(m["code"][1])
    if m["code"][0] == "H" and n > 2:
        raise ValueError("no such half")
    if _g(m, "year"):
        year = int(_g(m, "year"))
    elif _g(m, "yy"):
        year = 2000 + int(_g(m, "yy")) if int(_g(m, "yy")) < 50 else 1900 + int(_g(m, "yy"))
    else:
        year = ctx.today().year
    if m["code"][0] == "H":
        return Reading("DATE", f"{year:04d}-H{n}")
    return point(dt.date(year, 3 * n - 2, 1), "quarter")


def read_half(m: re.Match[str], ctx: Context) -> Reading:
    """"the first half (of 1990)"."""
    n = ORDINALS[m["ord"].lower()]
    year = int(_g(m, "year")) if _g(m, "year") else ctx.today().year
    return Reading("DATE", f"{year:04d}-H{1 if n == 1 else 2}")


def read_quarter_ref(m: re.Match[str], ctx: Context) -> Reading:
    """"the quarter (ended Sept. 30)", "the 1988 period": that date's quarter, else the last one mentioned."""
    if _g(m, "emonth"):
        month = MONTHS[_g(m, "emonth").lower().rstrip(".")]
        return point(dt.date(cal.month_year(ctx.today(), month, -1), month, 1), "quarter")
    if _g(m, "year"):
        day = ctx.quarter.day if ctx.quarter is not None else cal.shift(ctx.today(), "quarter", -1)
        return point(dt.date(int(_g(m, "year")), day.month, 1), "quarter")
    day = ctx.quarter.day if ctx.quarter is not None else cal.shift(ctx.today(), "quarter", -1)
    return point(cal.shift(day, "year", _YEAR_STEP.get(_g(m, "yrel").lower(), 0)), "quarter")



def read_weekday(m: re.Match[str], ctx: Context) -> Reading:
    """"Friday", "last Monday", "Tuesday night"."""
    weekday = WEEKDAYS[_g(m, "weekday").lower().rstrip(".")]
    if m["possessive"] is not None and not _g(m, "rel"):
        # "Tuesday's ruling" names an event that has happened, whatever the sentence goes on to say
        return point(cal.weekday_near(ctx.today(), weekday, -1), "day", _time_suffix(m))
    date = _weekday_date(ctx, weekday, _g(m, "rel"))
    return point(date, "day", _time_suffix(m))


def _time_suffix(m: re.Match[str]) -> str:
    """The TIMEX3 part-of-day suffix ("TNI") for a match with a part of the day, else ""."""
    groups = m.groupdict()
    part = groups.get("part")
    if part:
        return "T" + PARTS_OF_DAY[part.lower()]
    return ""


_DEICTIC_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


def read_deictic(m: re.Match[str], ctx: Context) -> Reading:
    """"yesterday", "today", "tomorrow morning", "tonight"."""
    word = _g(m, "word").lower()
    date = ctx.today() + dt.timedelta(days=_DEICTIC_SHIFT[word])
    suffix = _time_suffix(m)
    if word == "tonight":
        suffix = "TNI"
    return point(date, "day", suffix)


def read_part_of_day(m: re.Match[str], ctx: Context) -> Reading:
    """"this morning", "last night"."""
    today = ctx.today()
    rel = _g(m, "rel").lower()
    if rel == "last":
        return point(today - dt.timedelta(days=1), "day", "TNI")
    return point(today, "day", "T" + PARTS_OF_DAY[_g(m, "part").lower()])


def read_clock(m: re.Match[str], ctx: Context) -> Reading:
    """"10:35 a.m.", "noon Saturday", "5 p.m. EST, Nov. 6": a time on the day given, else the day in question."""
    if _g(m, "hour24"):
        hour, minute = int(_g(m, "hour24")), int(_g(m, "minute24"))
    elif _g(m, "noon"):
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
        ref = ctx.reference()
        day = ref.day if ref.grain == "day" else ctx.today()
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
    n = number_of(_g(m, "num")) if _g(m, "num") else None if m["unit"].lower() != unit else 1.0
    if n is None:
        return Reading("DATE", "PAST_REF" if m["dir"].lower() in ("earlier", "before") else "FUTURE_REF")
    if unit in ("hour", "minute", "second"):
        return Reading("DURATION", duration(n, unit))
    sign = -1 if m["dir"].lower() in ("earlier", "before", "ago", "previously") else 1
    ref = ctx.reference()
    grain = _GRAIN_OF_UNIT[unit]
    if unit == "year" and ctx.quarter is not None:
        ref, grain = ctx.quarter, "quarter"
    return point(cal.shift(ref.day, _GRAIN_OF_UNIT[unit], sign * int(n)), grain)


def read_year_earlier(m: re.Match[str], ctx: Context) -> Reading:
    """"the year-earlier quarter", "year-ago": the quarter reported on (else the year) one year back."""
    if ctx.quarter is not None:
        return point(cal.shift(ctx.quarter.day, "year", -1), "quarter")
    return point(cal.shift(ctx.today(), "year", -1), "year")


def read_duration(m: re.Match[str], ctx: Context) -> Reading:
    """"three weeks", "the past 30 years", "two-year", "several days"."""
    unit = unit_of(m["unit"])
    plural = m["unit"].lower() != unit
    half = 0.5 if _g(m, "half") else 0.0
    if _g(m, "num").lower() in ("a", "an") and _RATE.search(m.string, max(0, m.start() - 40), m.start()):
        raise ValueError("a rate such as $5 a year, not a duration")
    n = number_of(_g(m, "num")) if _g(m, "num") else None if plural else 1.0
    return Reading("DURATION", duration(None if n is None else n + half, unit))


_RATE = re.compile(r"\d[\d.,%]*(?:\s+[A-Za-z]+){0,2}\s+$")
"""A quantity just before "a year"/"a week" ("$5 million a year", "700 seats a week")."""


def read_set(m: re.Match[str], ctx: Context) -> Reading:
    """"every Monday", "daily", "twice a month", "each July"."""
    groups = m.groupdict()
    if groups.get("adverb"):
        return Reading("SET", ADVERB_SETS[m["adverb"].lower()])
    if groups.get("weekday"):
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[m['weekday'].lower().rstrip('.s')] + 1}")
    if groups.get("smonth"):
        return Reading("SET", f"XXXX-{MONTHS[m['smonth'].lower().rstrip('.')]:02d}")
    if groups.get("sseason"):
        return Reading("SET", f"XXXX-{SEASONS[m['sseason'].lower()]}")
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

