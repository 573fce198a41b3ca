"""Find temporal expressions in an article and normalise them to TimeML TIMEX3 values.

Works like HeidelTime's news mode: every rule in dates_rules proposes spans, the longest
non-overlapping ones win, and each is read in text order against the publication date,
the tense of its sentence (dates_tense) and the last date the text mentioned.
The readings live in dates_named, dates_relative and dates_durations; the word tables in
dates_lexicon; calendar arithmetic in dates_calendar.

Precision first: a reading whose value rests on conflicting or weak evidence (a month whose tense
and whose last mention give two years, a past quarter of a fiscal year, a past "the year" told early
in the next one, anything counted from such a date) raises Doubtful, and the expression keeps its
words with no value, as it does in an article without a publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from briefgen.article import DateMention
from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_context import Context, Doubtful, Reading, Unanchored
from briefgen.extract.dates_guards import QuotationSpans, not_a_date
from briefgen.extract.dates_rules import RULES, TRIGGER_GROUPS, TRIGGER_WORDS, Rule
from briefgen.extract.dates_tense import Cues, tense_cues
from briefgen.text import sentence_spans

_COMPARISONS = frozenset({"year_earlier", "offset", "quarter_ref", "year_period", "ago"})
"""Rules whose dates look back for a comparison ("a year earlier"): they do not become the anchor."""


_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def find_dates(text: str, published: dt.date | None) -> tuple[DateMention, ...]:
    """Every temporal expression in text, with its TIMEX3 type and value resolved against published."""
    if isinstance(published, dt.datetime):  # a timestamp from front matter: only its day counts
        published = published.date()
    sentences = _Sentences(text, _FISCAL.search(text) is not None)
    chosen = _choose_spans(text)
    read = _read_in_order(chosen, published, sentences, {})
    said = _days_of_speech(text, published, read, sentences)
    if said:  # read again, so that later dates count from the quoted ones as now dated
        read = _read_in_order(chosen, published, sentences, said)
    return tuple(d for d, _, _ in read)


_DAY_RULES = frozenset({"weekday", "full_date", "deictic", "numeric_date", "iso_date"})
"""Rules that name one day, which a clock time in the same sentence may belong to."""
_QUARTER_RULES = frozenset({"quarter", "quarter_year", "quarter_code", "quarter_ref", "year_period"})
"""Rules that name a quarter, which later comparisons ("a year ago") count from."""
_FRAME_RULES = frozenset({"year", "month_year", "full_date"})
"""Rules whose year, named at the opening of a sentence, holds for the months the sentence names after it."""
_FRAME_OPENING = re.compile(r"\W*(?:In|During|Throughout|By|Until|After|Before|Since)\s+(?:[\w'’-]+\s+){0,3}")
"""The opening of a sentence set in a year: "In 2016, ...", "In the 2016 election, ...", "By late 1989, ..."."""
_DELIVERY_AFTER = re.compile(r"(?:\s*/\s*[\w .]{1,15}?)?\s+(?i:shipments?|deliver(?:y|ies)|loading|arrival|contracts?"
                             r"|futures|options)\b")
_ENDING_BEFORE = re.compile(r"\b(?i:ending|beginning|starting)\s+$")
_SAYS_WHICH_DAY = _DAY_RULES | {"part_of_day", "clock"}
"""Rules that name a day themselves; "later that day" only repeats the day before it."""
_QUOTED_DEICTIC = frozenset({"deictic", "part_of_day", "weekend"})
"""Rules whose words count from the moment of speaking ("today", "this morning", "this weekend")."""
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_FISCAL = re.compile(r"\b(?i:fiscal)[- ](?:(?i:first|second|third|fourth)\b|(?:19|20)\d\d\b)")
"""A company's fiscal year named by its number or quarter: "fiscal 1987", "the fiscal third quarter" (not a
government's "fiscal year beginning next month", whose reports still count calendar quarters)."""

Read = tuple[DateMention, Rule, re.Match[str]]


def _read_in_order(chosen: list[tuple[int, int, Rule, re.Match[str]]], published: dt.date | None,
                   sentences: _Sentences, said: dict[int, cal.Point | None]) -> list[Read]:
    """Read each chosen span in text order, counting anaphoric ones from the last date read.

    said maps the start of a quoted "today" (and its kin) to the day it was said, or to None
    when that day is unknown and the expression is left out.
    """
    story = _Story(published, sentences)
    next_day = _next_day_rule(chosen)
    out: list[Read] = []
    for k, (start, end, rule, match) in enumerate(chosen):
        ctx = story.context(match, start, end)
        if start in said:
            speech = said[start]
            if speech is None:
                continue
            ctx = Context(speech.day, None, None, lambda: 0)
        if _clock_without_day(rule, match) and published is not None:
            day = story.day_of_clock(start, _read_day(chosen, next_day[k], ctx, sentences, end))
            if day is None:
                continue
            ctx = replace(ctx, anchor=day)
        try:
            reading = rule.read(match, ctx)
        except (Unanchored, Doubtful, OverflowError) as e:  # no publication date, weak evidence, off the calendar
            out.append((DateMention(None, _type_without_anchor(rule, match), match.string[start:end], start, end),
                        rule, match))
            if isinstance(e, Doubtful):
                story.forget(rule, match, start)
            continue
        except (ValueError, KeyError):
            continue
        out.append((DateMention(reading.value, reading.type, match.string[start:end], start, end), rule, match))
        story.remember(rule, match, start, reading)
    return out


class _Story:
    """What the text has said so far that later dates count from: the last date, quarter and framing year."""

    def __init__(self, published: dt.date | None, sentences: _Sentences) -> None:
        self.published = published
        self.sentences = sentences
        self.anchor: cal.Point | None = None
        self.anchor_at = -1
        self.quarter: cal.Point | None = None
        self.anchor_dated = False
        self.anchor_doubtful = False
        self.quarter_doubtful = False
        self.frame: tuple[int, int] | None = None
        """(sentence, year) of a sentence that opens with a year other than the publication year."""

    def context(self, match: re.Match[str], start: int, end: int) -> Context:
        """The context in which to read the match at [start, end)."""
        frame_year = self.frame[1] if self.frame and self.frame[0] == self.sentences.index(start) else None
        text = match.string

        def tense() -> int:
            # "for June 20/July 20 shipment", "the June contract": a delivery window or a futures month
            # lies ahead, whatever the tense; the end of a running period is the nearer such date
            if _DELIVERY_AFTER.match(text, end):
                return 1
            if _ENDING_BEFORE.search(text, max(0, start - 12), start):
                return 2
            return self.sentences.direction(start, end)

        near_year = self.anchor.day.year if self.anchor is not None and self.anchor.grain == "year" \
            and self.sentences.same(self.anchor_at, start) else None
        return Context(self.published, self.anchor, self.quarter, tense, frame_year, near_year,
                       self.anchor_dated, self.anchor_doubtful, self.quarter_doubtful, self.sentences.fiscal)

    def forget(self, rule: Rule, match: re.Match[str], start: int) -> None:
        """A date at start was left without a value: what counts from it now counts from an unknown date.

        A comparison ("a year ago", "the latest period") never becomes the date later ones count from,
        so one without a value changes nothing.
        """
        if _is_comparison(rule, match):
            return
        self.anchor, self.anchor_at, self.anchor_doubtful = None, start, True
        if rule.name in _QUARTER_RULES:
            self.quarter_doubtful = True

    def day_of_clock(self, start: int, later: cal.Point | None) -> cal.Point | None:
        """The day a clock time without one of its own belongs to; None when the text does not tell."""
        if self.anchor is not None and self.sentences.same(self.anchor_at, start):
            return self.anchor if self.anchor.grain == "day" else None
        if later is not None:  # "at 2am local time (0100 UTC) on Friday"
            return later
        if self.anchor_doubtful:  # the day named last has no value, nor has its time
            return None
        if self.anchor is None:  # no date named yet: a time of the news day
            return cal.Point(self.published, "day") if self.published else None
        # A day named in another sentence with its time of day ("early Wednesday morning") still
        # holds for "at 2:20 a.m."; after a bare day the story may have moved on to another day.
        return self.anchor if self.anchor.grain == "day" and self.anchor.suffix.startswith("T") else None

    def remember(self, rule: Rule, match: re.Match[str], start: int, reading: Reading) -> None:
        """Keep what a date just read tells later ones."""
        point = reading.point
        if rule.name in _FRAME_RULES and point is not None \
                and _FRAME_OPENING.fullmatch(match.string, self.sentences.start(start), start) \
                and (self.published is None or point.day.year != self.published.year):
            self.frame = (self.sentences.index(start), point.day.year)
        if point is not None and not _is_comparison(rule, match):
            if point.grain in ("day", "month", "quarter", "year"):
                self.anchor, self.anchor_at = point, start
                self.anchor_dated = bool(match.groupdict().get("year"))
                self.anchor_doubtful = False
            if point.grain == "quarter":
                self.quarter, self.quarter_doubtful = point, False
        if reading.type == "DURATION" and re.fullmatch(r"P[2-9]M|P1[01]M", reading.value):
            self.quarter = None  # "the nine months": comparisons now span several months, not the quarter


def _clock_without_day(rule: Rule, match: re.Match[str]) -> bool:
    """Whether a clock time names no day of its own ("at 2am", not "at 2am Friday")."""
    groups = match.groupdict()
    return rule.name == "clock" and not (groups.get("cmonth") or groups.get("weekday") or groups.get("word"))


def _next_day_rule(chosen: list[tuple[int, int, Rule, re.Match[str]]]) -> list[int]:
    """For each chosen span, the index of the next span that names one day (len(chosen) if none)."""
    out = [len(chosen)] * len(chosen)
    following = len(chosen)
    for k in range(len(chosen) - 1, -1, -1):
        out[k] = following
        if chosen[k][2].name in _DAY_RULES:
            following = k
    return out


def _read_day(chosen: list[tuple[int, int, Rule, re.Match[str]]], k: int, ctx: Context, sentences: _Sentences,
              at: int) -> cal.Point | None:
    """The day that chosen[k] names, if it follows position at closely in the same sentence and outside quotes."""
    if k >= len(chosen):
        return None
    start, end, rule, match = chosen[k]
    between = match.string[at:start]
    if not sentences.same(at, start) or len(between) > 60 or any(q in between for q in "\"“”"):
        return None
    try:
        reading = rule.read(match, replace(ctx, tense=lambda: sentences.direction(start, end)))
    except (Unanchored, OverflowError, ValueError, KeyError):
        return None
    if reading.point is None or reading.point.grain != "day":
        return None
    return cal.Point(reading.point.day, "day")


def _days_of_speech(text: str, published: dt.date | None, read: list[Read],
                    sentences: _Sentences) -> dict[int, cal.Point | None]:
    """For each quoted "today" (and its kin) that publication does not date, the day it was said, or None.

    In an article written on the day of the events (it names that day outside quotations), a
    quoted "today" is the publication day. Otherwise it is the day the sentence gives to the
    speech ("said on Wednesday"), and when the sentence gives none it is unknown: a story
    written days later cannot tell which day "today" was.
    """
    quotes = QuotationSpans(text)
    today = published.isoformat() if published else ""
    same_day = not today or any(
        (d.value or "")[:10] == today and rule.name in _SAYS_WHICH_DAY and not quotes.inside(d.start)
        and not _is_dateline(text, d.start, d.end)
        for d, rule, _ in read)
    if same_day:
        return {}
    speech_day: dict[int, cal.Point] = {}
    for d, rule, _ in read:
        i = sentences.index(d.start)
        if i not in speech_day and d.value and _DAY.match(d.value) and rule.name in _DAY_RULES \
                and not quotes.inside(d.start):
            speech_day[i] = cal.Point(dt.date.fromisoformat(d.value[:10]), "day")
    return {d.start: speech_day.get(sentences.index(d.start))
            for d, rule, match in read if _counts_from_speaking(rule, match) and quotes.inside(d.start)}


def _counts_from_speaking(rule: Rule, match: re.Match[str]) -> bool:
    """Whether an expression counts days or weeks from the moment it is said ("today", "last week")."""
    if rule.name in _QUOTED_DEICTIC:
        return True
    return rule.name == "relative_unit" and match["unit"].lower() in ("week", "weekend")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether a date stands alone on the first line of the text (a dateline, not a sentence of the story)."""
    return not text[:start].strip() and text[end:end + 4].lstrip(" \t\u00a0").startswith(("\n", "\r"))


def _is_comparison(rule: Rule, match: re.Match[str]) -> bool:
    """Whether a date is only a point of comparison ("a year earlier", "last year's first quarter")."""
    groups = match.groupdict()
    return (rule.name in _COMPARISONS or bool(groups.get("earlier"))
            or (groups.get("yrel") or "this").lower() != "this")


def _choose_spans(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """The longest matches of all rules that do not overlap, in text order (earlier rules win ties)."""
    triggers = _trigger_spans(text)
    windows: dict[tuple[tuple[str, ...], int, int], list[tuple[int, int]]] = {}
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for rank, rule in enumerate(RULES):
        key = (rule.triggers, *rule.reach)
        if key not in windows:
            near = sorted(span for group in rule.triggers for span in triggers[group])
            windows[key] = _windows(len(text), near, *rule.reach)
        for lo, hi in windows[key]:
            for m in rule.pattern.finditer(text, lo, hi):
                start, end = _trim(text, m.start(), m.end())
                if end > start and not not_a_date(rule.name, m, start, end):
                    found.append((start, end, rank, rule, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    # One flag per character taken: checking and marking a span costs its length, and spans are
    # short, so choosing stays linear in the text however many candidates there are.
    used = bytearray(len(text))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    for start, end, _, rule, m in found:
        if used.find(1, start, end) != -1:
            continue
        used[start:end] = b"\x01" * (end - start)
        taken.append((start, end, rule, m))
    taken.sort(key=lambda t: t[0])
    return taken


def _trigger_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger group, where its words occur in text."""
    spans: dict[str, list[tuple[int, int]]] = {group: [] for group in TRIGGER_GROUPS}
    for m in _TOKEN.finditer(text):
        word = m[0]
        if word[0].isdigit():
            spans["digit"].append(m.span())
            continue
        for group in TRIGGER_WORDS.get(word.lower(), ()):
            spans[group].append(m.span())
    return spans


def _windows(size: int, spans: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches of a text of the given size reaching before and after the (sorted) spans."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - before), min(size, end + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the whitespace a pattern may have swallowed at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Sentences:
    """The sentences of one text, and the tense cues of each, found when first asked for."""

    def __init__(self, text: str, fiscal: bool) -> None:
        self.text = text
        self.fiscal = fiscal
        """Whether the text speaks of a fiscal year."""
        self.sentence_ends = [end for _start, end in sentence_spans(text)]
        self.cues: dict[int, Cues] = {}

    def index(self, pos: int) -> int:
        """The number of the sentence that holds position pos."""
        return bisect.bisect_right(self.sentence_ends, pos)

    def start(self, pos: int) -> int:
        """Where the sentence that holds position pos begins (after the previous one's end)."""
        i = self.index(pos)
        return self.sentence_ends[i - 1] if i else 0

    def same(self, a: int, b: int) -> bool:
        """Whether positions a and b lie in the same sentence."""
        return self.index(a) == self.index(b)

    def direction(self, start: int, end: int) -> int:
        """Whether the sentence around [start, end) speaks of the future (+1), the past (-1) or neither (0)."""
        i = bisect.bisect_right(self.sentence_ends, start)
        lo = self.sentence_ends[i - 1] if i else 0
        j = bisect.bisect_left(self.sentence_ends, end)
        hi = self.sentence_ends[j] if j < len(self.sentence_ends) else len(self.text)
        if lo not in self.cues:
            self.cues[lo] = Cues(tense_cues(self.text, lo, hi))
        return self.cues[lo].nearest_direction(start, end)


def _type_without_anchor(rule: Rule, match: re.Match[str]) -> str:
    """The TIMEX3 type of an expression whose value cannot be resolved: TIME when it names a time of day."""
    groups = match.groupdict()
    if rule.name in ("clock", "part_of_day") or groups.get("part") or (groups.get("word") or "").lower() == "tonight":
        return "TIME"
    return "DATE"
