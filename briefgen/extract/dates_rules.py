"""The date extractor's rules: one regular expression per kind of temporal expression and how to read it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.extract.dates_context import (
    Context,
    Reading,
    point,
)
from briefgen.extract.dates_durations import (
    read_compound_duration,
    read_duration,
    read_reference,
    read_set,
)
from briefgen.extract.dates_lexicon import (
    ADVERB_SETS,
    FIXED_HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    TENS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
)
from briefgen.extract.dates_named import (
    read_century,
    read_decade,
    read_full_date,
    read_half,
    read_holiday,
    read_month,
    read_month_year,
    read_nth_weekday,
    read_numeric_date,
    read_quarter,
    read_quarter_code,
    read_range_end,
    read_season,
    read_spelt_decade,
    read_spelt_year,
    read_week_of,
    read_year,
)
from briefgen.extract.dates_relative import (
    read_ago,
    read_anaphoric_unit,
    read_clock,
    read_deictic,
    read_offset,
    read_part_of_day,
    read_period_end,
    read_quarter_ref,
    read_relative_unit,
    read_the_year,
    read_weekday,
    read_weekend,
    read_year_earlier,
)


def _alt(words: list[str]) -> str:
    """A regex alternation of the words, longest first so that "Sept" wins over "Sep"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m not in _MONTH_FULL]
def month_re(name: str = "month") -> str:
    """A capitalised month name or abbreviation, captured as name."""
    return (rf"(?P<{name}>(?:" + _alt([m.capitalize() for m in _MONTH_FULL]) + r")\b|(?:"
            + _alt([m.capitalize() for m in _MONTH_ABBR]) + r")(?:\.|\b(?=\s+\d)))")


MONTH = month_re()
WEEKDAY = (r"(?P<weekday>(?:" + _alt([w.capitalize() for w in WEEKDAYS if len(w) > 4]) + r")\b"
           r"|(?:Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun)\.)")
def day_re(name: str = "day") -> str:
    """A day of the month, captured as name."""
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d)"


DAY = day_re()
YEAR = r"(?P<year>(?<![\d$.,])(?:1[0-9]|20)\d\d(?![\d%]|,\d|\.\d))"
_UNIT_WORDS = (r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade)s?"
               r"|centur(?:y|ies)")
SPELT_YEAR = (r"(?P<spelt>(?i:nineteen[- ](?:(?:" + _alt(list(TENS)) + r")(?:[- ](?:one|two|three|four|five|six|seven"
              r"|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)))")
"""A year said in words, as broadcast transcripts write it ("nineteen ninety-four")."""
_NUM_SIMPLE = _alt([w for w in NUMBER_WORDS if w not in ("a", "an")])
_TENS = _alt(list(TENS))
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (r"(?P<num>(?<![\d,./])\d{1,3}(?:\.\d+)?(?:\s+1/2)?|(?i:(?:" + _TENS + r")[- ](?:" + _ONES + r")|"
          + _NUM_SIMPLE + r"|an?))")
"""A count of units in figures or words; never the tail of a larger number or a fraction ("3-1/2")."""
_AMOUNT = (r"(?:\d{1,3}(?:\.\d+)?|(?i:" + _NUM_SIMPLE + r"|an?))[- ]"
           r"(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b")
"""A number of one unit, without named groups, for durations of several units ("1 hour 59 minutes")."""
VAGUE = r"(?P<vague>(?i:several|a\s+few|few|many|some|a\s+couple\s+of|numerous))"
MOD = (r"(?:(?i:(?:the\s+)?(?:early|late|mid|end|beginning|middle)(?:\s+(?:of\s+)?)?"
       r"|(?:the\s+)?(?:start|close|turn)\s+of\s+"
       r"|earlier\s+in\s+|later\s+in\s+|the\s+end\s+of\s+|around\s+|mid-)\s*){0,2}")
"""Words before a date that narrow it ("early", "the end of") without changing its TIMEX3 value."""


# ---- the rules ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression: its pattern and how to read a match."""

    name: str
    triggers: tuple[str, ...]
    """Names in TRIGGERS of the words one of which every match contains (the rule runs only near them)."""
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Context], Reading]
    reach: tuple[int, int]
    """How many characters a match may extend before and after a trigger word."""


def _rule(name: str, triggers: str, pattern: str, read: Callable[[re.Match[str], Context], Reading],
          reach: tuple[int, int] = (45, 30)) -> Rule:
    """A Rule from a pattern that must start and end at word edges."""
    try:
        # A match may end before a hyphen only when a number follows ("March 18-19", not "two-year").
        compiled = re.compile(r"(?<![\w-])(?:" + pattern + r")(?!\w|-\D)")
        return Rule(name, tuple(triggers.split()), compiled, read, reach)
    except re.error as e:
        raise ValueError(f"rule {name}: {e}: {pattern}") from e


_I = "(?i:"
_RANGE_TO = r"\s*(?:[-–]|(?i:to|through|until|till|and)\s)\s*(?:[12]\d|3[01]|0?[1-9])"
"""The end of a range of days after its first ("25-27", "15 to 17")."""
_AFTER_MODAL = r"(?:(?<=will\s)|(?<=would\s)|(?<=could\s)|(?<=may\s)|(?<=might\s))"
_ZONE = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST)\b"
PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
_ORD = r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final))"
_SEASON = (r"(?P<season>(?i:summer|autumn|winter)|(?:(?<=the\s)|(?<=this\s)|(?<=last\s)|(?<=next\s)|"
           r"(?<=past\s)|(?<=early\s)|(?<=late\s)|(?<=mid-)|(?<=every\s)|(?<=each\s))(?i:spring|fall)"
           r"|(?i:spring|fall)(?=\s+\d))")
"""Seasons; "spring" and "fall" (verbs too) only after a word that makes them seasons, or before a year."""
_DATE_LEADS = ["in", "In", "of", "since", "Since", "until", "Until", "by", "By", "from", "to", "through",
               "during", "early", "late", "mid-", "last", "next", "this", "Last", "Next", "This", "until",
               "before", "after", "Before", "After", "or", "and", "between", "Early", "Late", "end of",
               "middle of", "beginning of", "start of", "since early", "since late"]
_MAY_GUARD = (r"(?:(?!May\b|March\b)|(?=\w+\s*(?:\d|,\s*\d))|" + "|".join(
    rf"(?<={re.escape(w)}\s)" for w in _DATE_LEADS) + r")")
""""May" and "March" are months only after a word that leads a date or before a number."""

def _trigger_words() -> dict[str, tuple[str, ...]]:
    """The table TRIGGER_WORDS, built from the lexicon."""
    table: dict[str, list[str]] = {}
    groups = {
        "unit": "second minute hour day night week weekend fortnight month quarter period year decade century"
                " centuries",
        "word": "now current currently present presently nowadays these moment recent recently formerly past"
                " lately future term possible someday later today yesterday tomorrow tonight morning afternoon"
                " evening night noon midnight midday nineteen thousand twenties thirties forties fifties"
                " sixties seventies"
                " eighties nineties half summer autumn winter spring fall every each per other"
                " christmas independence halloween valentine veterans armistice bastille boxing"
                " thanksgiving labor memorial martin presidents mother father columbus easter election",
        "month": " ".join(MONTHS),
        "weekday": " ".join(WEEKDAYS),
        "ago": "ago back",
        "turn": "earlier later before",
    }
    words = {k: v.split() for k, v in groups.items()}
    words["unit"] += [w + "s" for w in words["unit"]]
    words["weekday"] += [w + "s" for w in WEEKDAYS]
    words["word"] += list(ADVERB_SETS)
    for group, members in words.items():
        for w in members:
            table.setdefault(w, []).append(group)
    return {w: tuple(g) for w, g in table.items()}


TRIGGER_WORDS: dict[str, tuple[str, ...]] = _trigger_words()
"""Lower-case words to the trigger groups they belong to; the rules search only near such words, for speed."""
TRIGGER_GROUPS = ("digit", "unit", "word", "month", "weekday", "ago", "turn")

RULES: tuple[Rule, ...] = (
    _rule("full_date", "month",
          r"(?:(?P<rel0>(?i:last|next|this)\s+year),?\s+)?(?:" + WEEKDAY + r",?\s+)?" + MOD
          + r"(?:" + MONTH + r"\s+" + DAY + r"(?:(?=" + _RANGE_TO + r"(?:st|nd|rd|th)?,?\s+(?P<ryear>"
          + YEAR.removeprefix("(?P<year>") + r"))?"
          + r"|" + day_re("day2") + r"\s+(?:(?i:of)\s+)?" + month_re("month2") + r")"
          + r"(?:,?\s+" + YEAR + r"|\s+(?P<rel2>(?i:(?:of\s+)?(?:last|next|this)\s+year)))?",
          read_full_date),
    # The end of a range comes a few characters after the month that starts it: search only there.
    Rule("range_end", ("month",), re.compile(
        r"(?:(?<=[-–])|(?<=[-–]\s)|(?<=\sto\s)|(?<=\sthrough\s)|(?<=\suntil\s)|(?<=\still\s)|(?<=\sand\s))"
        + DAY + r"(?![\w-]|[.,:]\d)(?:,?\s+" + YEAR + r")?"), read_range_end, (0, 40)),
    _rule("numeric_date", "digit", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d\d\d\d|\d\d)",
          read_numeric_date),
    _rule("iso_date", "digit", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)", read_numeric_date),
    _rule("week_of", "month",
          r"(?i:the\s+week\s+of)\s+" + MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?", read_week_of),
    _rule("month_year", "month", MOD + MONTH + r",?\s+(?:(?i:of)\s+)?(?:" + YEAR + "|" + SPELT_YEAR + ")",
          read_month_year),
    _rule("month", "month",
          MOD + r"(?:(?P<rel>" + _I + r"last|next|this|this\s+past|this\s+coming|the\s+previous"
          r"|the\s+following|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of))[\s-]+)?"
          + _MAY_GUARD + MONTH + r"(?:\s+(?P<rel2>" + _I + r"(?:of\s+)?(?:last|next|this)\s+year)))?",
          read_month),
    _rule("year", "digit",
          MOD + r"(?:(?i:fiscal|calendar|the\s+year|fiscal\s+year|the\s+fiscal\s+year|FY)\s*)?" + YEAR
          + r"(?!\s+(?i:troops|soldiers|people|members|men|workers|employees|shares|votes|miles|feet|"
            r"meters|metres|tons|points|cars|units|jobs|barrels|acres|pounds|yards)\b)",
          read_year),
    _rule("spelt_year", "word", r"(?:(?i:the\s+year)\s+)?" + SPELT_YEAR, read_spelt_year),
    _rule("decade", "digit",
          r"(?:(?i:the)\s+)?" + MOD + r"(?:(?P<century>1\d|20)(?P<decade>\d)0'?s|'(?P<decade2>\d)0s)",
          lambda m, c: read_decade(m, c) if m["decade"] else Reading(
              "DATE", ("19" if int(m["decade2"]) >= 3 else "20") + m["decade2"])),
    _rule("century", "unit",
          r"(?:(?i:the)\s+)?" + r"(?P<ord>\d+(?:st|nd|rd|th)|(?i:eleventh|nineteenth|twentieth|"
          r"twenty-first))\s+(?i:century)", read_century),
    _rule("season", "word",
          r"(?:(?P<rel>" + _I + r"this|last|next|this\s+past|past|previous|early|late|the))\s+"
          r"(?:(?i:the)\s+)?)?" + MOD + _SEASON + r"(?:\s+(?:(?i:of)\s+)?(?:" + YEAR + "|" + SPELT_YEAR + r"))?",
          read_season),
    _rule("quarter", "unit",
          r"(?:(?i:the|its|a|(?P<yrel>this|last|next)\s+year's)\s+(?!\S+-(?i:quarter|period)))?(?:(?P<earlier>(?i:year-earlier|year-ago|"
          r"comparable\s+year-ago|comparable\s+year-earlier))\s+)?(?:(?i:fiscal|latest|current|same)\s+)?"
          + _ORD + r"[- ](?:(?i:fiscal)[- ])?(?i:quarter|period)"
          + r"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?"
          + YEAR + r")?",
          read_quarter),
    _rule("quarter_code", "digit",
          r"(?P<code>[QH][1-4])(?:\s+(?:(?i:of)\s+)?" + YEAR + r"|\s*'(?P<yy>\d\d))?(?=\W|$)",
          read_quarter_code),
    _rule("quarter_year", "unit",
          r"(?:(?i:the)\s+)?" + YEAR + r"\s+" + _ORD + r"[- ](?i:quarter)",
          read_quarter),
    _rule("half", "word",
          r"(?:(?i:the)\s+)?" + _ORD + r"\s+(?i:half)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?" + YEAR
          + r"|\s+(?i:of\s+(?:the|this)\s+year))?(?!\s+(?i:of)\s+" + month_re("hmonth") + r")",
          read_half),
    _rule("quarter_ref", "unit",
          r"(?i:the\s+(?:latest\s+|recent\s+|most\s+recent\s+|just-ended\s+|just\s+ended\s+)?quarter"
          r"|the\s+latest\s+period|(?P<yrel>last|this|next)\s+year's\s+quarter)"
          r"(?:(?=\s+(?i:ended|ending)\s+" + month_re("emonth") + r"\s+" + day_re("eday") + r"))?",
          read_quarter_ref),
    _rule("year_period", "digit",
          r"(?i:the)\s+" + YEAR + r"\s+(?i:quarter|period)",
          read_quarter_ref),
    _rule("nth_weekday", "weekday",
          r"(?:(?i:the)\s+)?" + _ORD + r"\s+" + WEEKDAY + r"\s+(?i:in|of)\s+" + MONTH + r"(?:,?\s+" + YEAR + r")?",
          read_nth_weekday),
    _rule("weekday", "weekday",
          r"(?:(?P<rel>" + _I + r"last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following|"
          r"early|late|earlier|later))\s+)?" + WEEKDAY + r"(?P<possessive>(?='s\b))?(?:\s+" + PART + r")?",
          read_weekday),
    _rule("deictic", "word",
          r"(?:(?i:early|late|earlier|later|mid-?afternoon|mid-?morning)\s*)?"
          r"(?:(?P<two>(?i:the\s+day\s+(?:before|after)))\s+)?(?P<word>(?i:yesterday|today|tomorrow|tonight))"
          r"(?:\s+" + PART + r")?",
          read_deictic),
    _rule("part_of_day", "word",
          r"(?P<rel>(?i:this|last))\s+(?P<part>(?i:morning|afternoon|evening|night))",
          read_part_of_day),
    _rule("clock", "digit word",
          r"(?:(?i:about|around|approximately)\s+)?(?<![\d:.])(?:(?P<hour>[01]?\d|2[0-3])"
          r"(?:[:.](?P<minute>[0-5]\d))?\s*"
          r"(?P<ampm>[aApP]\.?\s?[mM]\.?|(?i:o'clock))(?:\s+" + _ZONE + r")?"
          r"|(?P<hour24>[01]\d|2[0-3]):(?P<minute24>[0-5]\d)(?!:\d)\s*(?:" + _ZONE + r"|(?i:local\s+time))"
          r"|(?P<noon>(?i:noon|midnight|midday)))"
          r"(?:,?\s+(?:(?i:on)\s+)?(?:" + WEEKDAY + r"|(?P<word>(?i:yesterday|today|tomorrow))"
          r"|" + month_re("cmonth") + r"\s+" + day_re("cday") + r"))?",
          read_clock),
    _rule("relative_unit", "unit",
          MOD + r"(?P<rel>" + _I + r"this|last|next|the\s+past|this\s+past|the\s+coming|the\s+current|"
          r"current|the\s+latest|past))\s+(?:(?i:fiscal|calendar)\s+)?"
          r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))",
          read_relative_unit),
    _rule("in_the_unit", "unit",
          r"(?i:earlier|later)\s+(?i:in|this)\s+(?:(?i:the)\s+)?(?P<rel>(?i:))(?P<unit>(?i:week|month|year))",
          read_relative_unit),
    _rule("anaphoric_unit", "unit",
          MOD + r"(?:(?i:earlier|later)\s+)?(?:(?i:the)\s+)?"
          r"(?P<rel>(?i:following|previous|preceding|next|prior|that|same|that\s+same))\s+"
          r"(?P<unit>(?i:day|week|month|year|weekend|decade))",
          read_anaphoric_unit),
    _rule("unit_before", "unit",
          r"(?i:the)\s+(?P<unit>(?i:day|week|month|year))\s+(?P<rel>(?i:before|after))(?=\s*[.,;:)]|\s*$)",
          read_anaphoric_unit),
    _rule("ago", "ago",
          r"(?:(?i:about|nearly|almost|some|more\s+than|over|less\s+than|roughly|just|only)\s+)?(?:" + NUMBER
          + r"|" + VAGUE + r")\s+(?:(?i:or\s+so)\s+)?" + r"(?P<unit>(?i:" + _UNIT_WORDS + r"))"
          r"(?:\s+(?i:or\s+so))?\s+(?i:ago|back(?!\s+(?:to|from|in|on|into)\b))",
          read_ago),
    _rule("bare_ago", "ago", r"(?P<unit>(?i:years|months|weeks|days|decades))\s+(?i:ago)", read_ago),
    _rule("offset", "turn",
          r"(?:" + NUMBER + r"\s+)?(?P<unit>(?i:" + _UNIT_WORDS + r"))\s+"
          r"(?P<dir>(?i:earlier|later|before(?=\s*[,.;])))",
          read_offset),
    _rule("year_earlier", "unit",
          r"(?i:the|a)\s+(?:(?i:comparable|same)\s+)?(?i:year[- ]earlier|year[- ]ago)\s+(?i:period|quarter)"
          r"|(?i:year-earlier|year-ago)",
          read_year_earlier),
    _rule("compound_duration", "unit",
          _AMOUNT + r"(?:,?\s+(?:(?i:and)\s+)?(?!(?i:an?)\s)" + _AMOUNT + r"){1,3}", read_compound_duration),
    _rule("duration", "unit",
          r"(?!(?i:an?\s+second)\b)(?!" + _AFTER_MODAL + r"one\s+day\b)"
          r"(?:(?i:the|another)\s+(?![\w.]+-(?i:" + _UNIT_WORDS + r")\b))?"
          r"(?:(?i:past|last|next|first|coming|previous|following|final|additional|initial|remaining|"
          r"latest|preceding|ensuing|succeeding)\s+)?"
          r"(?:(?i:about|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|at\s+least|"
          r"up\s+to|over|under|only|just|fewer\s+than)\s+)?"
          + NUMBER + r"(?P<upto>\s+(?i:to|or)\s+(?:\d+|" + _NUM_SIMPLE.replace("|a half", "") + r"))?"
          r"(?:[- ](?i:more|additional|full|straight|consecutive|long|trading|business|calendar))?[- ]"
          r"(?P<unit>(?i:" + _UNIT_WORDS + r"))(?P<half>\s+(?i:and\s+a\s+half))?(?:-(?i:long))?(?!-old)"
          r"(?!\s+(?i:olds?|of\s+age)\b)"
          r"(?!(?<=quarter)\s+(?i:of|as|more|less|fewer|the|million|billion|thousand|mln|bln)\b)"
          r"(?!(?<=quarters)\s+of\b)(?<!-quarters)"
          r"(?!\s+(?i:to|or)\s+(?:an?|\d+|" + _NUM_SIMPLE + r")\s+(?i:" + _UNIT_WORDS + r")\b)",
          read_duration),
    _rule("vague_duration", "unit",
          r"(?:(?i:the)\s+)?(?=(?i:past|last|next|coming|recent|first|previous|several|a\s+few|few|many|some"
          r"|a\s+couple|numerous)\s)"
          r"(?:(?i:past|last|next|coming|recent|first|previous)\s+)?(?:" + VAGUE + r"\s+)?(?:(?i:more)\s+)?"
          r"(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries))"
          r"(?!\s+(?i:of\s+age|old))",
          read_duration),
    _rule("unit_long", "unit", r"(?:" + VAGUE + r"[- ])?(?P<unit>(?i:" + _UNIT_WORDS + r"))-(?i:long)", read_duration),
    _rule("vague_ahead", "unit",
          r"(?i:the)\s+(?P<unit>(?i:days|weeks|months|years))\s+(?i:ahead)", read_duration),
    _rule("set_every", "word",
          r"(?:(?i:every|each|per)\s+(?:(?i:other)\s+)?(?:(?P<weekday>(?i:monday|tuesday|wednesday|thursday|"
          r"friday|saturday|sunday))|(?P<unit>(?i:day|week|month|year|quarter|hour|minute|night|morning))"
          r"|" + month_re("smonth") + r"|" + _SEASON.replace("(?P<season>", "(?P<sseason>") + r"))",
          read_set),
    _rule("set_every_n", "word",
          r"(?i:every)\s+(?:" + NUMBER + r"|" + VAGUE.replace("numerous", r"numerous|so\s+many") + r")\s+"
          r"(?P<unit>(?i:seconds|minutes|hours|days|nights|weeks|months|years|decades))",
          read_set),
    _rule("set_weekday_plural", "weekday",
          r"(?P<weekday>(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))",
          read_set),
    _rule("set_adverb", "word", r"(?P<adverb>(?i:" + _alt(list(ADVERB_SETS)) + r"))", read_set),
    _rule("set_times_a", "unit",
          r"(?i:once|twice|three\s+times|(?:\d+|several|many)\s+times)\s+(?:(?i:a|an|per|every|each)\s+)"
          r"(?P<unit>(?i:day|week|month|year))",
          read_set),
    _rule("present", "word",
          r"(?i:right\s+now|now|currently|nowadays|these\s+days|at\s+present|the\s+present|"
                     r"current|at\s+the\s+moment|presently)", read_reference("PRESENT_REF")),
    _rule("past", "word", r"(?i:recently|formerly|the\s+past|lately|in\s+recent\s+times)",
          read_reference("PAST_REF")),
    _rule("future", "word unit", r"(?i:the\s+future|the\s+near\s+future|the\s+near\s+term|the\s+long\s+term|"
                    r"the\s+short\s+term|as\s+soon\s+as\s+possible|some\s+day|someday|a\s+later\s+date"
                    r"|" + _AFTER_MODAL + r"one\s+day)",
          read_reference("FUTURE_REF")),
    _rule("weekend", "unit", r"(?i:the|this|last|next|this\s+past|this\s+coming)\s+weekend", read_weekend),
    _rule("the_year", "unit",
          MOD + r"(?i:the\s+(?:(?:full|fiscal|calendar|whole|entire|latest\s+fiscal)\s+)?year"
          r"|(?:fiscal|calendar)\s+year)"
          r"(?:\s+" + YEAR + r"|(?P<ended>(?=\s+(?i:ended|ending|beginning|starting))))?(?![- ](?i:ago|earlier)\b)",
          read_the_year),
    _rule("year_end", "unit",
          r"(?i:(?:the\s+)?year[- ]end|year's\s+end|the\s+end\s+of\s+the\s+(?P<unit>year|month|week))",
          read_period_end),
    _rule("holiday", "word unit", r"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<holiday>(?i:" + _alt(
        [h.title() for h in list(FIXED_HOLIDAYS) + list(WEEKDAY_HOLIDAYS)] + ["Easter", "Election Day"])
        + r"))(?:\s+" + YEAR + r")?", read_holiday),
    _rule("spelt_decade", "word",
          r"(?i:the\s+(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties"
          r"|nineties))", read_spelt_decade),
    _rule("year_2000", "word", r"(?i:the\s+year\s+two\s+thousand|two\s+thousand)(?=[\s.,;]|$)"
          r"(?!\s+(?i:" + _UNIT_WORDS + r"|people|troops|soldiers|dollars|members)\b)",
          lambda m, c: point(dt.date(2000, 1, 1), "year")),
)
