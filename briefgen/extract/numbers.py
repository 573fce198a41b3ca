"""Cardinal numbers written in digits or words ("175,000", "two thousand", "1.2 million") and their values."""

from __future__ import annotations

import math
import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_SCALE = "hundred|thousand|million"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = (rf"(?:(?:{_UNIT})|an?\s+(?:{_SCALE}|dozen))(?:[\s-]+(?:and\s+)?(?:{_UNIT}|{_SCALE}|dozen)\b)*")
NUMBER = rf"(?:(?:{_DIGITS})(?:\s+(?:{_SCALE})\b)?|(?i:\b{_WORDS}\b))"
"""A regular expression for one cardinal number."""

_NUMBER_RE = re.compile(NUMBER)


def value_of(number: str) -> int | None:
    """Return the integer a written number stands for ("two thousand" -> 2000), else None."""
    text = number.strip().lower().replace("-", " ")
    if not text:
        return None
    if text[0].isdigit():
        parts = text.split()
        try:
            base = float(parts[0].replace(",", ""))
        except ValueError:
            return None
        scale = _SCALES.get(parts[1], 1) if len(parts) > 1 else 1
        value = base * scale
        return round(value) if math.isfinite(value) else None  # 400 digits are no count of anything
    total = current = 0
    for word in text.split():
        if word in _UNITS:
            current += _UNITS[word]
        elif word in ("a", "an"):
            current = 1
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word != "and":
            return None
    return total + current


def is_number(text: str) -> bool:
    """True when the whole text is one written number."""
    return _NUMBER_RE.fullmatch(text.strip()) is not None
