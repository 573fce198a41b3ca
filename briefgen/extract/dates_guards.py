"""Guards against what only looks like a date: counts, labels and clock times read as years, names, filler "now".

Each guard reads a few words on either side of a candidate match (never more than a short
window), so guarding costs the same for every candidate however long the text is.
"""

from __future__ import annotations

import bisect
import re

from briefgen.extract.dates_lexicon import (
    COUNTED_NOUNS,
    CROP_NOUNS,
    FUTURE_NOUNS,
    IDENTIFIER_WORDS,
    MONTHS,
    NAMED_DAY_WORDS,
    NEWSPAPER_WORDS,
    PUBLICATION_WORDS,
    QUANTITY_WORDS,
    WEEKDAYS,
    YEAR_LEADS,
    YEAR_NOUNS,
    words,
)

_WINDOW = 40
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*\.?|\d[\d,.]*|[^\sA-Za-z\d]")
_ZONES = ("EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT"
          "|WIB|PHT|SGT|HKT|KST|WAT|EAT|CAT|SAST|PKT|Z")
_CLOCK_AFTER = re.compile(r"(?:\s*(?:[-–]|(?i:to|and|until))\s*\d{4})?"
                          r"\s*(?:(?i:hours?|hrs?|h|local\s+time|local|zulu)\b|(?:" + _ZONES + r")\b)")
"""What follows a clock time written in four figures: a zone or "hours", perhaps after a second time ("1130 to 1215
GMT")."""
_SPLIT_YEAR_AFTER = re.compile(r"(?:/|[-–]\d\d(?!\d))")
"""A year that runs on into another: "1986/87", "1986-87" (a fiscal year or a season, not one calendar year)."""
_OTHER_NUMBER = re.compile(r"\s+(?:or|to|and)\s+(?:\d{4}|\d{1,3},\d{3})(?![\d,])")
"""A second number after a first ("2000 or 3000"): what follows tells whether both are counts."""
_PLURAL = re.compile(r"[a-z]{3,}s")
_BEFORE_A_YEAR = YEAR_LEADS | words("a its their his her our your my this that these those and or to fiscal calendar")
"""Words before a number that let a plural noun after it be described by a year ("the 1992 protests")."""
_AUXILIARIES = words("had have has were are was is will would could can may might should did do remain remained")
_SPLIT_YEAR_BEFORE = re.compile(r"\d{4}/$")
_NUMBER_AFTER = re.compile(r"\s*(?:±|\+/-|×|x\s*\d)|\s+\d")
_NUMBER_BEFORE = re.compile(r"(?:[\d±×#]|\bNo\.?|\bno\.)\s*$")
_SENTENCE_OPEN = frozenset(".!?:;\"“‘`()[\n")
_CLAUSE_WORDS = words("""
and or but is was are were will would could should may might can of for to as at in on by with from than
that this it its we they he she i you there when if because so while since where which who has have had
be been looks look holds hold remains remain seems seem
""")
"""Words that may follow "the long term" or "the future" used as a noun (not "the long term debt")."""
_FINANCE = re.compile(
    r"\b(?:profits?|loss(?:es)?|sales|revenues?|earnings|income|growth|economy|economic|gdp|output|pct|percent"
    r"|dlrs|dollars|mln|billion|million|shares?|fiscal|results|production|exports|imports|inflation|prices"
    r"|budget|deficit|surplus|spending|investment|demand|unemployment|trade)\b", re.I)
"""Words of business and the economy: a sentence with one speaks of the halves of a year, not of a match."""
_FILLER_BEFORE = re.compile(r"(?:^|[.!?:;\"“‘(\n])\s*(?:(?i:and|but|so|well|okay|ok|yes|oh)\s*,?\s*)?$")
_FILLER_AFTER = re.compile(r"\s*,|\s+(?i:if|even|then|imagine|let|let's|look|listen|consider|suppose|remember"
                           r"|see|wait|what|why|how|here|this|that|these|those)\b")
"""Words after a "Now" that opens a sentence and makes it a turn of speech ("Now this is not why...",
"Now that it is over"), not a time."""
_NOW_IMPERATIVE = re.compile(r"\s+(?i:consider|imagine|let|let's|look|listen|suppose|remember)\b")
_NOW_AND_THEN = re.compile(r"\s+(?i:and)\s+(?i:then|again)\b")
_SEASON_LEADS = words("""
in during by until till through throughout since over before after for from into of this last next past
early late mid
""")


def words_before(text: str, start: int, n: int = 2) -> list[str]:
    """The last n tokens (words, numbers or single signs) before start, lower-cased, nearest last."""
    return [t.lower() for t in _TOKEN.findall(text, max(0, start - _WINDOW), start)[-n:]]


def words_after(text: str, end: int, n: int = 2) -> list[str]:
    """The first n tokens after end, as written."""
    return _TOKEN.findall(text, end, min(len(text), end + _WINDOW))[:n]


def at_sentence_start(text: str, start: int) -> bool:
    """Whether only spaces lie between start and the opening of a sentence, quote, bracket or line."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPEN


def not_a_date(rule: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether a rule's match [start, end) is something else that only looks like a date."""
    text = m.string
    groups = m.groupdict()
    if groups.get("year") and not _is_a_year(text, m.start("year"), m.end("year"), bare=rule == "year"):
        return True
    if rule != "holiday" and _in_a_name(text, start, end, rule):
        return True
    if rule in _RECURRING_RULES and not groups.get("year") and not groups.get("spelt") \
            and _HABITUAL.search(text, *_clause_around(text, start, end)):
        return True  # "the rainy season normally starts in May", "demand usually falls in summer": every May
    if rule == "holiday":
        after = words_after(text, end, 1)
        # "Easter Island", "Independence Hall": a name; "election day" in lower case: any election's day
        return not text[start].isupper() and not groups.get("rel") \
            or bool(after) and after[0][0].isupper() and after[0].lower() not in _AFTER_A_HOLIDAY
    if rule == "present" and text[start:end].lower() == "now":
        return _filler_now(text, start, end)
    if rule == "present" and text[start:end].lower() == "current":
        after = words_after(text, end, 1)
        # "the current account deficit" (a term of trade), "the current of the river" (a noun)
        return not after or after[0].lower() in _CURRENT_NOT_TIME or not after[0][:1].isalnum()
    if rule == "future" and text[start:end].lower().endswith("term") \
            or rule == "present" and text[start:end].lower() == "the present":
        return _modifies_a_noun(text, end)  # "the long term debt", "the present study"
    if rule == "future" and text[start:end].lower().endswith("the future"):
        return bool(_NOUN_AFTER.match(text, end))  # "the future leadership of the party": future as an adjective
    if rule == "season" and not (groups.get("year") or groups.get("spelt")):
        return not _a_season(text, start, end, m)
    if rule == "half" and not groups.get("year") and "year" not in m[0].lower():
        return not _FINANCE.search(text, *_sentence_around(text, start, end))
    if rule in ("set_every", "duration") and _SPEED_BEFORE.search(text, max(0, start - 20), start):
        return True  # "75 miles per hour", "20 kilometres an hour": a speed
    if rule == "quarter_code" and not groups.get("year") and not groups.get("yy"):
        return not _FINANCE.search(text, *_sentence_around(text, start, end))  # "100% H2" is hydrogen
    if rule == "weekday" and words_before(text, start, 1) in (["a"], ["an"]) \
            and not (words_after(text, end, 1) or ["."])[0][0].isalpha():
        return True  # "tomorrow, a Tuesday,": some Tuesday, not the last one ("a Sunday service" is)
    if rule == "relative_unit" and _AND_A_HALF.match(text, end):
        return True  # "the past year and a half": a stretch of time, not that year
    if rule in ("relative_unit", "anaphoric_unit", "weekend") and _OF_A_MONTH.match(text, end):
        return True  # "the last weekend of July" is no weekend counted from now
    if rule == "offset" and (groups.get("dir") or "").lower() == "before" \
            and words_before(text, start, 1) in (["within"], ["for"], ["over"], ["during"], ["in"]):
        return True  # "died within two years before": a stretch of time, not a date
    if rule == "past" and _UNIT_AFTER.match(text, end):
        return True  # "the past" of "the past year and a half" is no reference of its own
    if rule == "duration" and (_RANGE_OF_UNITS_BEFORE.search(text, max(0, start - 30), start)
                               or _BETWEEN_BEFORE.search(text, max(0, start - 30), start)):
        return True  # "eight months to a year", "between 12 and 14 years": the end of a range, no single amount
    if rule == "vague_duration" and groups.get("unit", "").lower() == "quarters" \
            and (groups.get("vague") or "").lower() in ("some", "many") \
            and words_before(text, start, 1) in (["in"], ["from"], ["among"]):
        return True  # "criticised in some quarters": among some people
    if rule == "duration" and text[start:end] == "One day" and at_sentence_start(text, start) \
            and not _DAY_AS_SPAN_AFTER.match(text, end):
        return True  # "One day you will tell your children": some day, no span of one day
    if rule == "duration" and _ONE_QUARTER.fullmatch(text, start, end) \
            and words_before(text, start, 1) not in ([w] for w in _SPAN_LEADS):
        return True  # "around one quarter said": a fraction; "for one quarter", "within a quarter" are spans
    if rule == "full_date" and not groups.get("year") and groups.get("day") \
            and (words_after(text, end, 1) or ["."])[0].lower() in COUNTED_NOUNS:
        return True  # "In January 25 people were jailed": a month and a count
    # "people aged 65 years", "aged 21 and 144 days" give an age, not a stretch of time
    return rule in ("duration", "vague_duration") and bool(_AGED_BEFORE.search(text, max(0, start - 30), start))


def _is_a_year(text: str, start: int, end: int, bare: bool) -> bool:
    """Whether the four digits at [start, end) are a year, from the words around them."""
    if _SPLIT_YEAR_AFTER.match(text, end) or _SPLIT_YEAR_BEFORE.search(text, max(0, start - 5), start):
        return False
    if _NUMBER_AFTER.match(text, end) or bare and _NUMBER_BEFORE.search(text, max(0, start - 4), start):
        return False  # a table row or a measurement ("1639 1635 54", "1010 ± 195")
    if _CLOCK_AFTER.match(text, end):
        return False  # a clock time ("1130 UTC", "1650 hours")
    if not bare:
        return True
    after = [w.lower().rstrip(".") for w in words_after(text, end, 1)]
    if after and after[0] in COUNTED_NOUNS:
        return False
    other = _OTHER_NUMBER.match(text, end)
    if other and _modifies_a_noun(text, other.end()) \
            and abs(int(other[0].split()[-1].replace(",", "")) - int(text[start:end])) > 20:
        return False  # "2000 or 3000 likes" (but "1987 and 1988 wheat" are two years)
    before = words_before(text, start, 2)
    last = before[-1].rstrip(".") if before else ""
    noun = words_after(text, end, 2)
    if len(noun) == 2 and _PLURAL.fullmatch(noun[0]) and noun[0] not in YEAR_NOUNS and noun[1] in _AUXILIARIES \
            and last not in _BEFORE_A_YEAR and not last.endswith(("'s", "’s")):
        return False  # "as of Wednesday, 1885 aftershocks had occurred": a count, the subject of a verb
    if last in IDENTIFIER_WORDS:
        return False
    led = last in YEAR_LEADS
    if last in QUANTITY_WORDS and int(text[start:end]) < 1800:
        return False  # "from over 1000 services": a count, whatever leads the quantity word
    if last in QUANTITY_WORDS:
        led = len(before) == 2 and before[0] in YEAR_LEADS
        ends_clause = not after or not after[0][:1].isalnum()
        if not led and not (ends_clause and int(text[start:end]) >= 1800):
            return False  # "about 1500", "around 2000 people"; but "devised around 1970."
    # Years before 1800 are rare in news without a word that leads them; counts of that size are common.
    return int(text[start:end]) >= 1800 or led


def _in_a_name(text: str, start: int, end: int, rule: str) -> bool:
    """Whether the match is part of a name ("Current Biology", "Kamloops This Week", "Fridays for Future")."""
    for i, w in enumerate(re.finditer(r"[A-Za-z]+", text[start:end])):
        word = w[0]
        if not word[0].isupper() or word.isupper():
            continue  # lower case, or capitals (a time zone, a table, a headline)
        low = word.lower()
        if low in MONTHS or low in WEEKDAYS or low[:-1] in WEEKDAYS:
            continue
        if i == 0 and at_sentence_start(text, start):
            continue
        return True
    first = text[start:end].split()[0].lower() if text[start:end].split() else ""
    if rule in ("weekday", "set_weekday_plural") and first.rstrip("s").rstrip(".") in WEEKDAYS:
        before = _TOKEN.findall(text, max(0, start - _WINDOW), start)[-1:]
        if before and before[0][0].isupper() and before[0].lower() in NAMED_DAY_WORDS:
            return True  # "Super Tuesday", "Good Friday": a named day, not the nearest weekday
        after = words_after(text, end, 2)
        if rule == "set_weekday_plural" and len(after) == 2 and after[0] in ("for", "of") and after[1][0].isupper():
            return True  # "Fridays for Future"
        if rule == "weekday" and after and after[0].lower() in _RECURRING_DAY_NOUNS:
            return True  # "the Sunday trade ban", "Sunday opening hours": Sundays in general
        if rule == "weekday" and " " not in text[start:end] and after and after[0][0].isupper() \
                and (before and (before[0].lower() == "the" or before[0].endswith(("'s", "’s")))
                     or after[0].lower() in NEWSPAPER_WORDS):
            return True  # "the Sunday Telegraph", "Britain's Sunday Times", "and Sunday Telegraph": a title
        if rule == "weekday" and _NEWSPAPER_ON.search(text, max(0, start - 30), start):
            return True  # "the Mail on Sunday", "the Independent on Sunday"
    if rule == "set_adverb":
        after = words_after(text, end, 1)
        if after and after[0][0].isupper():
            return True  # "the Greek daily Kathimerini"
        if words_before(text, start, 1) == ["the"] and after and after[0].lower() in PUBLICATION_WORDS:
            return True  # "the daily reported"
        before = _TOKEN.findall(text, max(0, start - _WINDOW), start)[-1:]
        if before and (before[0][0].isupper() and not at_sentence_start(text, text.rfind(before[0], 0, start))
                       or _PRESS_BEFORE.search(text, max(0, start - 20), start)) \
                and (not after or not after[0][0].isalnum() or after[0].lower() in PUBLICATION_WORDS
                     or _ARTICLE_OF_A_NAME.match(text, end)):
            return True  # "the Kuwait daily al-Qabas", "the state-run daily said": a newspaper
    return False


_SENTENCE_EDGE = re.compile(r"[.!?]\s|\n(?=\s)")
"""A sentence end, or a paragraph break: a line break before a blank line or an indent (a wrapped line goes on)."""
_RANGE_OF_UNITS_BEFORE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|a\s+few|several)[- ]"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:to|or)\s+$", re.I)
_CURRENT_NOT_TIME = words("account accounts assets liabilities of")
_AFTER_A_HOLIDAY = frozenset(WEEKDAYS) | frozenset(MONTHS) | words("day eve")
_PRESS_BEFORE = re.compile(r"(?:-run|-owned|\b(?i:official|independent|opposition|leading|financial|business"
                           r"|tabloid))\s+$")
"""Words before "daily" or "weekly" that make it a newspaper ("the state-run daily")."""
_ARTICLE_OF_A_NAME = re.compile(r"\s+(?:al|el|an|ad|as|ar)-[A-Z]")
"""The Arabic article that opens many newspaper names ("al-Qabas"), in lower case."""
_NEWSPAPER_ON = re.compile(r"\b(?i:the)\s+(?:Mail|Independent|Observer)\s+on\s+$")
"""A newspaper named "X on Sunday" just before the weekday."""
_RECURRING_DAY_NOUNS = words("trade trading opening shopping hours school schools league leagues roast roasts best")
"""Nouns after a weekday that make it every such day ("Sunday trading", "Sunday school")."""
_UNIT_AFTER = re.compile(r"\s+(?i:years?|months?|weeks?|days?|decades?|quarters?|centur(?:y|ies))\b")
_OF_A_MONTH = re.compile(r"\s+(?:of|in)\s+(?:" + "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
                         + r")\b")
_HABITUAL = re.compile(r"\b(?i:normally|usually|typically|traditionally|customarily|often|always|commonly"
                       r"|regularly|seldom|rarely|frequently)\b")
"""Adverbs of habit: a clause with one speaks of what recurs, not of one occasion ("generally" is left out: news
mostly writes it for "widely", as in "generally expected")."""
_RECURRING_RULES = frozenset({"month", "full_date", "weekday", "season", "holiday", "weekend", "part_of_day",
                              "anaphoric_unit", "quarter", "half"})
"""Rules whose words, in a sentence of habit, name every such month, day or season ("the next year": each next)."""
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_NOUN_AFTER = re.compile(r"\s+(?:[a-z]+(?:ship|ment|tion|sion|ity|ness|ance|ence|ure)s?|"
                         + "|".join(sorted(FUTURE_NOUNS)) + r")\b")
"""A noun after "the future", known by its ending ("leadership", "generations") or as one that "future" often
qualifies ("health", "plans")."""
_BETWEEN_BEFORE = re.compile(r"\b(?i:between)\s+(?:\d+|[a-z]+)\s+(?i:and)\s+$")
_DAY_AS_SPAN_AFTER = re.compile(r"\s+(?i:of|later|earlier|after|before|ahead|long|in)\b|-")
_ONE_QUARTER = re.compile(r"(?i:one|an?)\s+(?i:quarter)")
_SPAN_LEADS = words("for over within after during in than each per every")
_AGED_BEFORE = re.compile(r"\b(?i:aged?|ages)\s+(?:\d+\s+(?:(?i:years?|months?)\s+)?(?:(?i:and)\s+|,\s*))?$")
_SPEED_BEFORE = re.compile(r"\b(?i:miles|mile|kilometers|kilometres|km|knots|feet|metres|meters|mph|kph)\s+$")


_CLAUSE_EDGE = re.compile(r"[.!?]\s|\n(?=\s)|[,;:()\"“”]")


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around [start, end): between commas, quotation marks or sentence ends, at most 200
    characters either way."""
    lo = max(0, start - 200)
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, lo, start)]
    after = _CLAUSE_EDGE.search(text, end, min(len(text), end + 200))
    return (edges[-1] if edges else lo), (after.start() if after else min(len(text), end + 200))


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around [start, end), looking at most 200 characters either way."""
    lo = max(0, start - 200)
    edges = [m.end() for m in _SENTENCE_EDGE.finditer(text, lo, start)]
    after = _SENTENCE_EDGE.search(text, end, min(len(text), end + 200))
    return (edges[-1] if edges else lo), (after.start() if after else min(len(text), end + 200))


def _filler_now(text: str, start: int, end: int) -> bool:
    """Whether "now" is a filler that opens a clause ("Now, ...", "Now imagine"), or "now and then"."""
    if _NOW_AND_THEN.match(text, end) or _NOW_IMPERATIVE.match(text, end):
        return True
    return bool(_FILLER_BEFORE.search(text, max(0, start - 12), start) and _FILLER_AFTER.match(text, end))


def _modifies_a_noun(text: str, end: int) -> bool:
    """Whether a lower-case word that cannot follow a noun phrase comes next ("the long term debt")."""
    after = words_after(text, end, 1)
    return bool(after) and after[0].isalpha() and after[0].islower() and after[0] not in _CLAUSE_WORDS


def _a_season(text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """Whether a season word without a year names a season: led by a word of time, not "the fall of prices"."""
    rel = (m.groupdict().get("rel") or "").lower().split()
    if rel and rel[0] in ("this", "last", "next", "past", "previous"):
        return True
    season = (m.groupdict().get("season") or "").lower()
    after = [w.lower() for w in words_after(text, end, 1)]
    if season in ("fall", "spring") and after == ["of"]:
        return False  # "the fall of the Berlin Wall"
    if after and after[0] in CROP_NOUNS:
        return False  # "the winter crops", "spring wheat": a kind of crop, sown in that season
    before = words_before(text, start, 1)
    return bool(before) and before[0] in _SEASON_LEADS


_QUOTE_MARK = re.compile(r"``|''|[\"“”]|\n[ \t]*\n|\n(?=[ \t])")


class QuotationSpans:
    """Where a text quotes someone: between quotation marks, a paragraph break closing any quote left open."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        opened = -1
        for m in _QUOTE_MARK.finditer(text):
            mark = m[0]
            closes = mark in ("''", "”") or mark[0] == "\n" or (mark == '"' and opened >= 0)
            if closes and opened >= 0:
                self.starts.append(opened)
                self.ends.append(m.start())
                opened = -1
            elif not closes and mark[0] != "\n":
                opened = m.end()
        if opened >= 0:
            self.starts.append(opened)
            self.ends.append(len(text))

    def inside(self, pos: int) -> bool:
        """Whether position pos lies inside a quotation."""
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and pos < self.ends[i - 1]
