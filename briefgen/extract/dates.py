"""Find temporal expressions in an article and normalise them to TimeML TIMEX3 values.

Works like HeidelTime's news mode: every rule in dates_rules proposes spans, the longest
non-overlapping ones win, and each is read in text order against the publication date,
the tense of its sentence (dates_tense) and the last date the text mentioned.
The readings live in dates_named, dates_relative and dates_durations; the word tables in
dates_lexicon; calendar arithmetic in dates_calendar.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from briefgen.article import DateMention
from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_context import Context, Unanchored
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
    chosen = _choose_spans(text)
    tense = _Tense(text)
    out: list[DateMention] = []
    anchor: cal.Point | None = None
    quarter: cal.Point | None = None
    for start, end, rule, match in chosen:
        ctx = Context(published, anchor, quarter, tense.direction(start, end))
        try:
            reading = rule.read(match, ctx)
        except (Unanchored, OverflowError):  # no publication date, or a result outside the calendar
            out.append(DateMention(None, _type_without_anchor(rule, match), text[start:end], start, end))
            continue
        except (ValueError, KeyError):
            continue
        out.append(DateMention(reading.value, reading.type, text[start:end], start, end))
        if reading.point is not None and rule.name not in _COMPARISONS:
            if reading.point.grain in ("day", "month", "quarter", "year"):
                anchor = reading.point
            if reading.point.grain == "quarter":
                quarter = reading.point
        if reading.type == "DURATION" and re.fullmatch(r"P[2-9]M|P1[01]M", reading.value):
            quarter = None  # "the nine months": comparisons now span several months, not the quarter
    return tuple(out)


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
                if end > start:
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


class _Tense:
    """The sentences of one text, and the tense cues of each, found when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_ends = [end for _start, end in sentence_spans(text)]
        self.cues: dict[int, Cues] = {}

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
