"""The date extractor's rules: one regular expression per kind of temporal expression and its reading."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_lexicon import (
    ADVERB_SETS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TENS,
    UNITS,
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


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m not in _MONTH_FULL]
def month_re(name: str = "month") -> str:
    """A capitalised month name or abbreviation, captured as name."""
    return (rf"(?P<{name}>(?:" + _alt([m.capitalize() for m in _MONTH_FULL]) + r")\b|(?:"
            + _alt([m.capitalize() for m in _MONTH_ABBR]) + r")(?:\.|\b))")


MONTH = month_re()
WEEKDAY = (r"(?P<weekday>(?:" + _alt([w.capitalize() for w in WEEKDAYS if len(w) > 4]) + r")\b"
           r"|(?:Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun)\.)")
def day_re(name: str = "day") -> str:
    """A day of the month, captured as name."""
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"


DAY = day_re()
YEAR = r"(?P<year>(?<![\d$.,])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d))"
_UNIT_WORDS = (r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade)s?"
               r"|centur(?:y|ies)")
UNIT = r"(?P<unit>" + _UNIT_WORDS + r")\b"
_NUM_SIMPLE = _alt([w for w in NUMBER_WORDS if w not in ("a", "an")])
_TENS = _alt(list(TENS))
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (r"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|(?i:(?:" + _TENS + r")[- ](?:" + _ONES + r")|" + _NUM_SIMPLE
          + r"|an?))")
VAGUE = r"(?P<vague>(?i:several|a\s+few|few|many|some|a\s+couple\s+of|numerous))"
MOD = (r"(?:(?i:(?:the\s+)?(?:early|late|mid|end|beginning|start|middle|close|turn)(?:\s+(?:of\s+)?)?"
       r"|earlier\s+in\s+|later\s+in\s+|the\s+end\s+of\s+|around\s+|mid-)\s*)?")
"""Words before a date that narrow it ("early", "the end of") without changing its TIMEX3 value."""


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


def _point(day: dt.date, grain: str, suffix: str = "") -> Reading:
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
    return _point(date, "day", _time_suffix(m))


def read_numeric_date(m: re.Match[str], ctx: Context) -> Reading:
    year = int(m["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    date = cal.safe_date(year, int(m["m"]), int(m["d"]))
    if date is None:
        raise ValueError("not a date")
    return _point(date, "day")


def read_month_year(m: re.Match[str], ctx: Context) -> Reading:
    month = MONTHS[m["month"].lower().rstrip(".")]
    return _point(dt.date(int(_g(m, "year")), month, 1), "month")


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
    return _point(dt.date(year, month, 1), "month")


def read_year(m: re.Match[str], ctx: Context) -> Reading:
    return _point(dt.date(int(_g(m, "year")), 1, 1), "year")


def read_spelt_year(m: re.Match[str], ctx: Context) -> Reading:
    n = number_of(m["rest"])
    if n is None:
        raise ValueError("not a year")
    return _point(dt.date(1900 + int(n), 1, 1), "year")


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
    return _point(dt.date(year, 3 * n - 2, 1), "quarter")


def read_half(m: re.Match[str], ctx: Context) -> Reading:
    n = ORDINALS[m["ord"].lower()]
    year = int(_g(m, "year")) if _g(m, "year") else ctx.today().year
    return Reading("DATE", f"{year:04d}-H{1 if n == 1 else 2}")


def read_quarter_ref(m: re.Match[str], ctx: Context) -> Reading:
    """"the quarter", "the latest quarter": the quarter last mentioned, else the last one finished."""
    if ctx.anchor is not None and ctx.anchor.grain == "quarter":
        return _point(ctx.anchor.day, "quarter")
    today = ctx.today()
    return _point(cal.shift(today, "quarter", -1), "quarter")


def read_weekday(m: re.Match[str], ctx: Context) -> Reading:
    weekday = WEEKDAYS[_g(m, "weekday").lower().rstrip(".")]
    date = _weekday_date(ctx, weekday, _g(m, "rel") or "")
    return _point(date, "day", _time_suffix(m))


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
    return _point(date, "day", suffix)


def read_part_of_day(m: re.Match[str], ctx: Context) -> Reading:
    today = ctx.today()
    rel = _g(m, "rel").lower()
    if rel == "last":
        return _point(today - dt.timedelta(days=1), "day", "TNI")
    return _point(today, "day", "T" + PARTS_OF_DAY[_g(m, "part").lower()])


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
    if _g(m, "weekday"):
        day = _weekday_date(ctx, WEEKDAYS[_g(m, "weekday").lower().rstrip(".")], "")
    elif _g(m, "word"):
        day = ctx.today() + dt.timedelta(days=_DEICTIC_SHIFT[_g(m, "word").lower()])
    else:
        day = ctx.today()
    return _point(day, "day", f"T{hour:02d}:{minute:02d}")


def read_relative_unit(m: re.Match[str], ctx: Context) -> Reading:
    """"this week", "last month", "next year", "the past year", "the current quarter"."""
    rel = _g(m, "rel").lower()
    unit = unit_of(m["unit"])
    grain = _GRAIN_OF_UNIT[unit]
    today = ctx.today()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get((rel.split() or [""])[-1], 0)
    day = cal.shift(today, grain, step)
    if unit == "weekend":
        return _point(day, "week", "-WE")
    return _point(day, grain)


def read_anaphoric_unit(m: re.Match[str], ctx: Context) -> Reading:
    """"the following day", "that year", "the previous month": counted from the last date mentioned."""
    rel = _g(m, "rel").lower()
    unit = unit_of(m["unit"])
    grain = _GRAIN_OF_UNIT[unit]
    ref = ctx.reference()
    step = -1 if rel in ("previous", "preceding", "before", "prior") else 1
    if rel in ("that", "same", "that same", "the same"):
        step = 0
    return _point(cal.shift(ref.day, grain, step), grain)


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
    if unit == "year" and ctx.anchor is not None and ctx.anchor.grain == "quarter":
        return _point(cal.shift(ctx.anchor.day, "year", -int(n)), "quarter")
    if unit == "decade":
        return _point(cal.shift(today, "year", -10 * int(n)), "year")
    return _point(cal.shift(today, grain, -int(n)), grain)


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
    if ref.grain == "quarter" and unit == "year":
        grain = "quarter"
    return _point(cal.shift(ref.day, _GRAIN_OF_UNIT[unit], sign * int(n)), grain)


def read_year_earlier(m: re.Match[str], ctx: Context) -> Reading:
    """"the year-earlier quarter", "year-ago": the period of the last date, one year back."""
    ref = ctx.reference()
    grain = ref.grain if ref.grain in ("quarter", "year") else "year"
    return _point(cal.shift(ref.day, "year", -1), grain)


def read_duration(m: re.Match[str], ctx: Context) -> Reading:
    unit = unit_of(m["unit"])
    plural = m["unit"].lower() != unit
    n = number_of(_g(m, "num")) if _g(m, "num") else None if plural else 1.0
    return Reading("DURATION", duration(n, unit))


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


def read_century(m: re.Match[str], ctx: Context) -> Reading:
    n = ORDINALS.get(m["ord"].lower())
    if n is None or n < 1:
        raise ValueError("not a century")
    return Reading("DATE", f"{n - 1:02d}")


# ---- the rules ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: its pattern and how to read a match."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Context], Reading]


def _rule(name: str, pattern: str, read: Callable[[re.Match[str], Context], Reading]) -> Rule:
    try:
        return Rule(name, re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])"), read)
    except re.error as e:
        raise ValueError(f"rule {name}: {e}: {pattern}") from e


_I = "(?i:"
PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
_ORD = r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final))"
_REF_YEAR = r"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?" + YEAR + r")?"
_SEASON = r"(?P<season>(?i:spring|summer|fall|autumn|winter))"
_MAY_GUARD = r"(?!May\s+(?:[a-z]|I\b))(?!March\s+(?:on|against|to|through)\b)"

RULES: tuple[Rule, ...] = (
    _rule("full_date",
          r"(?:" + WEEKDAY + r",?\s+)?(?:(?i:the)\s+)?" + MOD
          + r"(?:" + MONTH + r"\s+" + DAY
          + r"|" + day_re("day2") + r"\s+(?:(?i:of)\s+)?" + month_re("month2") + r")"
          + r"(?:,?\s+" + YEAR + r")?",
          read_full_date),
    _rule("numeric_date", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d\d\d\d|\d\d)",
          read_numeric_date),
    _rule("iso_date", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", read_numeric_date),
    _rule("month_year", MOD + MONTH + r",?\s+(?:(?i:of)\s+)?" + YEAR, read_month_year),
    _rule("month",
          MOD + r"(?:(?P<rel>" + _I + r"last|next|this|this\s+past|this\s+coming|the\s+previous"
          r"|the\s+following|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of))[\s-]+)?"
          + _MAY_GUARD + MONTH + r"(?:\s+(?P<rel2>" + _I + r"(?:of\s+)?(?:last|next|this)\s+year)))?",
          read_month),
    _rule("year",
          MOD + r"(?:(?i:fiscal|calendar|the\s+year|fiscal\s+year|the\s+fiscal\s+year|FY)\s*)?" + YEAR
          + r"(?!\s+(?i:troops|soldiers|people|members|men|workers|employees|shares|votes|miles|feet|"
            r"meters|metres|tons|points|cars|units|jobs|barrels|acres|pounds|yards)\b)",
          read_year),
    _rule("spelt_year", _I + r"(?:the\s+year\s+)?nineteen[- ](?P<rest>(?:" + _TENS + r")(?:[- ](?:" + _ONES
          + r"))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))",
          read_spelt_year),
    _rule("decade",
          r"(?:(?i:the)\s+)?" + MOD + r"(?:(?P<century>1\d|20)(?P<decade>\d)0'?s|'(?P<decade2>\d)0s)",
          lambda m, c: read_decade(m, c) if m["decade"] else Reading(
              "DATE", ("19" if int(m["decade2"]) >= 3 else "20") + m["decade2"])),
    _rule("century", r"(?:(?i:the)\s+)?" + r"(?P<ord>\d+(?:st|nd|rd|th)|(?i:eleventh|nineteenth|twentieth|"
          r"twenty-first))\s+(?i:century)", read_century),
    _rule("season",
          r"(?:(?P<rel>" + _I + r"this|last|next|this\s+past|past|previous|early|late|the))\s+"
          r"(?:(?i:the)\s+)?)?"
          + MOD + _SEASON + r"(?:\s+(?:(?i:of)\s+)?" + YEAR + r")?",
          read_season),
    _rule("quarter",
          r"(?:(?i:the|its|a|this\s+year's|last\s+year's)\s+)?(?:(?P<earlier>(?i:year-earlier|year-ago|"
          r"comparable\s+year-ago|comparable\s+year-earlier))\s+)?(?:(?i:fiscal|latest|current|same)\s+)?"
          + _ORD + r"[- ](?:(?i:fiscal)[- ])?(?i:quarter|period)"
          + r"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?"
          + YEAR + r")?",
          read_quarter),
    _rule("quarter_year",
          r"(?:(?i:the)\s+)?" + YEAR + r"\s+" + _ORD + r"[- ](?i:quarter)",
          read_quarter),
    _rule("half",
          r"(?:(?i:the)\s+)?" + _ORD + r"\s+(?i:half)(?:\s+of\s+(?:(?i:fiscal)\s+)?" + YEAR + r")?",
          read_half),
    _rule("quarter_ref",
          r"(?i:the\s+(?:latest\s+|recent\s+|most\s+recent\s+|just-ended\s+|just\s+ended\s+)?quarter)",
          read_quarter_ref),
    _rule("weekday",
          r"(?:(?P<rel>" + _I + r"last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|"
          r"early|late|earlier|later|midnight|noon))\s+)?" + WEEKDAY + r"(?:'s)?(?:\s+" + PART + r")?",
          read_weekday),
    _rule("deictic",
          r"(?:(?i:early|late|earlier|later|mid-?afternoon|mid-?morning)\s*)?(?P<word>(?i:yesterday|today|"
          r"tomorrow|tonight))(?:\s+" + PART + r")?",
          read_deictic),
    _rule("part_of_day",
          r"(?P<rel>(?i:this|last|tomorrow|yesterday))\s+(?P<part>(?i:morning|afternoon|evening|night))",
          read_part_of_day),
    _rule("clock",
          r"(?:(?i:at|about|around)\s+)?(?:(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*"
          r"(?P<ampm>[aApP]\.?\s?[mM]\.?|(?i:o'clock))(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC))?"
          r"|(?P<noon>(?i:noon|midnight|midday)))(?:,?\s+(?:" + WEEKDAY + r"|(?P<word>(?i:yesterday|today|"
          r"tomorrow))))?",
          read_clock),
    _rule("relative_unit",
          MOD + r"(?P<rel>" + _I + r"this|last|next|the\s+past|this\s+past|the\s+coming|the\s+current|"
          r"current|the\s+latest|past))\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))",
          read_relative_unit),
    _rule("in_the_unit",
          r"(?i:earlier|later)\s+(?i:in|this|that)\s+(?:(?i:the)\s+)?(?P<rel>(?i:))(?P<unit>(?i:week|month|year))",
          read_relative_unit),
    _rule("anaphoric_unit",
          MOD + r"(?:(?i:the)\s+)?(?P<rel>(?i:following|previous|preceding|next|prior|that|same"
          r"|that\s+same))\s+"
          r"(?P<unit>(?i:day|week|month|year|weekend))",
          read_anaphoric_unit),
    _rule("unit_before",
          r"(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<rel>(?i:before|after))(?!\s+(?i:yesterday|"
          r"tomorrow|last|next))",
          read_anaphoric_unit),
    _rule("ago",
          r"(?:(?i:about|nearly|almost|some|more\s+than|over|less\s+than|roughly|just|only)\s+)?(?:" + NUMBER
          + r"|" + VAGUE + r")\s+(?:(?i:or\s+so)\s+)?" + r"(?P<unit>(?i:" + _UNIT_WORDS + r"))"
          r"(?:\s+(?i:or\s+so))?\s+(?i:ago)",
          read_ago),
    _rule("bare_ago", r"(?P<unit>(?i:years|months|weeks|days|decades))\s+(?i:ago)", read_ago),
    _rule("offset",
          r"(?:" + NUMBER + r"\s+)?(?P<unit>(?i:" + _UNIT_WORDS + r"))\s+(?P<dir>(?i:earlier|later))",
          read_offset),
    _rule("year_earlier",
          r"(?:(?i:the|a)\s+)?(?:(?i:comparable|same)\s+)?(?i:year-earlier|year-ago|year\s+earlier|"
          r"year\s+ago)(?:\s+(?i:period|quarter|levels?|months?))?",
          read_year_earlier),
    _rule("duration",
          r"(?!(?i:an?\s+second)\b)(?:(?i:the|another)\s+)?"
          r"(?:(?i:past|last|next|first|coming|previous|following|final|additional|initial|remaining|"
          r"latest|preceding|ensuing|succeeding)\s+)?"
          r"(?:(?i:about|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|at\s+least|"
          r"up\s+to|over|under|only|just|fewer\s+than)\s+)?"
          + NUMBER + r"(?:\s+(?i:to|or)\s+(?:\d+|" + _NUM_SIMPLE.replace("|a half", "") + r"))?"
          r"(?:[- ](?i:more|additional|full|straight|consecutive|long|trading|business|calendar))?[- ]"
          r"(?P<unit>(?i:" + _UNIT_WORDS + r"))(?:-(?i:long))?(?!-old)(?!\s+(?i:old|of\s+age)\b)",
          read_duration),
    _rule("vague_duration",
          r"(?:(?i:the)\s+)?(?:(?i:past|last|next|coming|recent|first|"
          r"previous)\s+)?(?:" + VAGUE + r"\s+)?(?:(?i:more)\s+)?"
          r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))(?:-(?i:long))?"
          r"(?!\s+(?i:of\s+age|old))",
          read_duration),
    _rule("unit_long", r"(?P<unit>(?i:" + _UNIT_WORDS + r"))-(?i:long)", read_duration),
    _rule("vague_ahead", r"(?i:the)\s+(?P<unit>(?i:days|weeks|months|years))\s+(?i:ahead)", read_duration),
    _rule("set_every",
          r"(?:(?i:every|each|per)\s+(?:(?i:other)\s+)?(?:(?P<weekday>(?i:monday|tuesday|wednesday|thursday|"
          r"friday|saturday|sunday))|(?P<unit>(?i:day|week|month|year|quarter|hour|minute|night|morning))))",
          read_set),
    _rule("set_weekday_plural",
          r"(?P<weekday>(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))",
          read_set),
    _rule("set_adverb", r"(?P<adverb>(?i:" + _alt(list(ADVERB_SETS)) + r"))", read_set),
    _rule("set_times_a",
          r"(?i:once|twice|three\s+times|(?:\d+|several|many)\s+times)\s+(?:(?i:a|an|per|every|each)\s+)"
          r"(?P<unit>(?i:day|week|month|year))",
          read_set),
    _rule("present", r"(?i:right\s+now|now|currently|nowadays|these\s+days|at\s+present|the\s+present|"
                     r"current|at\s+the\s+moment|presently)", read_reference("PRESENT_REF")),
    _rule("past", r"(?i:recently|previously|formerly|the\s+past|lately|in\s+recent\s+times|recent)",
          read_reference("PAST_REF")),
    _rule("future", r"(?i:the\s+future|the\s+near\s+future|the\s+near\s+term|the\s+long\s+term|"
                    r"the\s+short\s+term|future|soon|as\s+soon\s+as\s+possible|some\s+day)",
          read_reference("FUTURE_REF")),
)
