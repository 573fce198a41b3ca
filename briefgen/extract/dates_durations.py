"""Readings of durations, sets and reference words ("three weeks", "every Monday", "now"), and number words."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefgen.extract.dates_context import Context, Reading, group
from briefgen.extract.dates_lexicon import ADVERB_SETS, MONTHS, NUMBER_WORDS, SEASONS, TENS, UNITS, WEEKDAYS


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
    if n != int(n) and unit in _SMALLER and ((n - int(n)) * per_of(unit)).is_integer():
        smaller, per = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * per)
        head = f"{prefix}{whole}{letter}" if whole else prefix
        return head + ("T" if unit == "day" else "") + f"{rest}{smaller}"
    return f"{prefix}{_num(n)}{letter}"


_SMALLER = {"year": ("M", 12), "week": ("D", 7), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}
"""The next smaller TIMEX3 unit letter of a unit, and how many make one (for "2 1/2 years" = P2Y6M)."""


def per_of(unit: str) -> int:
    """How many of the next smaller TIMEX3 unit make one unit (12 months a year)."""
    return _SMALLER[unit][1]


def _num(n: float) -> str:
    """A count as TIMEX3 writes it: "3", "1.5"."""
    return str(int(n)) if n == int(n) else f"{n:g}"


_VAGUE_BEFORE = re.compile(r"\b(?i:few|several|many|some)\s+$")


def read_duration(m: re.Match[str], ctx: Context) -> Reading:
    """"three weeks", "the past 30 years", "two-year", "several days"."""
    unit = unit_of(m["unit"])
    plural = m["unit"].lower() != unit
    half = 0.5 if group(m, "half") else 0.0
    if group(m, "num").lower() in ("a", "an") and _RATE.search(m.string, max(0, m.start() - 50), m.start()):
        raise ValueError("a rate such as $5 a year or 12 mln cubic feet a day, not a duration")
    n = number_of(group(m, "num")) if group(m, "num") else None if plural else 1.0
    if group(m, "upto") or group(m, "num") and _VAGUE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        n = None  # "15 to 20 seconds", "a few hundred years": no single amount
    return Reading("DURATION", duration(None if n is None else n + half, unit))


_RATE = re.compile(r"(?:\d[\d.,%]*(?:[A-Za-z]{1,3}\b)?|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten))"
                   r"(?:\s+(?!(?i:for|over|in|about|than|after|before|at|by|to|from|and|or|was|were|is|are)\b)"
                   r"[\"“]?[A-Za-z][A-Za-z'-]*[\"”]?){0,5}\s+$")
"""A quantity just before "a year"/"a week" ("$5 million a year", "£2bn a year", "12 mln cubic feet a day", "two hours
of sport a week"), not a clause."""


_AMOUNT_PART = re.compile(r"(\d+(?:\.\d+)?|[A-Za-z]+)[- ]((?:year|month|week|day|hour|minute|second)s?)\b", re.I)
_DATE_UNITS = ("year", "month", "week", "day")
_TIME_UNITS = ("hour", "minute", "second")


def read_compound_duration(m: re.Match[str], ctx: Context) -> Reading:
    """"1 hour 59 minutes 40.2 seconds", "two years and three months": one duration of several units."""
    order = _DATE_UNITS + _TIME_UNITS
    amounts: list[tuple[str, float]] = []
    for part in _AMOUNT_PART.finditer(m[0]):
        unit, n = unit_of(part[2]), number_of(part[1])
        if n is None or unit not in order or (amounts and order.index(unit) <= order.index(amounts[-1][0])):
            raise ValueError("not one duration in falling units")
        amounts.append((unit, n))
    if any(unit == "week" for unit, _ in amounts) and len(amounts) > 1:
        amounts = [("day", n * 7) if unit == "week" else (unit, n) for unit, n in amounts]
    date = "".join(f"{_num(n)}{UNITS[u]}" for u, n in amounts if u in _DATE_UNITS)
    time = "".join(f"{_num(n)}{UNITS[u]}" for u, n in amounts if u in _TIME_UNITS)
    return Reading("DURATION", "P" + date + ("T" + time if time else ""))


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
    if groups.get("vague"):
        return Reading("SET", duration(None, unit))
    n = number_of(group(m, "num")) if groups.get("num") else 2.0 if "other" in m[0].lower() else 1.0
    return Reading("SET", duration(n or 1.0, unit))


def read_reference(value: str) -> Callable[[re.Match[str], Context], Reading]:
    """A reading that always gives the same TIMEX3 reference value."""

    def read(m: re.Match[str], ctx: Context) -> Reading:
        return Reading("DATE", value)

    return read
