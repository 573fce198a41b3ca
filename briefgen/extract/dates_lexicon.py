"""Word tables for the date extractor: calendar names, number words and TIMEX3 unit codes."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "half a": 0, "a half": 0,
}

TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}

VAGUE_QUANTITIES: frozenset[str] = frozenset({
    "several", "a few", "few", "many", "some", "numerous", "a number of", "a couple of more",
})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "21st": 21, "last": -1, "final": -1,
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "millennium": "ML",
}
"""Time unit words to their TIMEX3 duration letters (minutes and months share M; clock units take PT)."""

CLOCK_UNITS: frozenset[str] = frozenset({"second", "minute", "hour"})

ADVERB_SETS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H", "biweekly": "P2W",
}

PRESENT_WORDS: frozenset[str] = frozenset({
    "now", "currently", "current", "nowadays", "presently", "right now", "these days", "at present",
    "the present", "at the moment", "present-day", "for now", "just now", "today's",
})
PAST_WORDS: frozenset[str] = frozenset({
    "recently", "recent", "previously", "formerly", "the past", "in the past", "earlier",
    "lately", "once", "before now", "so far", "then",
})
FUTURE_WORDS: frozenset[str] = frozenset({
    "the future", "in the future", "future", "soon", "shortly", "in the near future",
    "the near future", "the near term", "the long term", "the short term", "later", "eventually",
    "some day", "someday", "one day", "the coming", "upcoming", "coming", "as soon as possible",
})

FUTURE_CUES: frozenset[str] = frozenset({
    "will", "'ll", "shall", "won't", "going", "plans", "plan", "planned", "planning", "expects",
    "expected", "scheduled", "due", "intends", "set", "would", "upcoming", "next", "could",
    "aims", "hopes", "to", "may", "might",
})
"""Words that point a bare weekday or month forward (the sentence speaks of what is to come)."""

PAST_CUES: frozenset[str] = frozenset({
    "said", "was", "were", "had", "did", "ago", "last", "told", "announced", "reported", "earlier",
    "has", "have", "been",
})

FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "armistice day": (11, 11), "bastille day": (7, 14), "boxing day": (12, 26),
}
"""Holidays on the same month and day every year."""

WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    "columbus day": (10, 0, 2),
}
"""US holidays on the n-th weekday of a month: (month, weekday with 0=Monday, n; -1 for the last)."""
