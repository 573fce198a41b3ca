"""Find temporal expressions in an article and normalise them to TimeML TIMEX3 values.

Works like HeidelTime's news mode: every rule in dates_rules proposes spans, the longest
non-overlapping ones win, and each is read in text order against the publication date,
the tense of its sentence and the last date the text mentioned.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.article import DateMention
from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_readings import Context, Unanchored
from briefgen.extract.dates_rules import RULES, TRIGGER_GROUPS, TRIGGER_WORDS, Rule

_COMPARISONS = frozenset({"year_earlier", "offset", "quarter_ref", "ago"})
"""Rules whose dates look back for a comparison ("a year earlier"): they do not become the anchor."""

_REACH = 60
"""How far before and after a trigger word an expression may extend, in characters."""

_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|won't|'ll|going\s+to|is\s+to|are\s+to|expects?\s+to|(?:is|are)\s+expected|"
    r"plans?\s+to|planned|scheduled|due\s+to|to\s+be\s+held|intends?\s+to|would|upcoming|until|through)\b",
    re.I)
_PAST_CUE = re.compile(
    r"\b(?:said|was|were|had|did|told|announced|reported|ago|last|has\s+been|have\s+been|earlier|"
    r"came|went|began|met|made|took|gave|held|left|won|lost|rose|fell|\w+ed)\b", re.I)


def find_dates(text: str, published: dt.date | None) -> tuple[DateMention, ...]:
    """Every temporal expression in text, with its TIMEX3 type and value resolved against published."""
    chosen = _choose_spans(text)
    sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
    out: list[DateMention] = []
    anchor: cal.Point | None = None
    quarter: cal.Point | None = None
    for start, end, rule, match in chosen:
        ctx = Context(published, anchor, quarter, _direction(text, start, end, sentences))
        try:
            reading = rule.read(match, ctx)
        except Unanchored:
            out.append(DateMention(None, _type_without_anchor(rule), text[start:end], start, end))
            continue
        except (ValueError, KeyError):
            continue
        out.append(DateMention(reading.value, reading.type, text[start:end], start, end))
        if reading.point is not None and rule.name not in _COMPARISONS:
            if reading.point.grain in ("day", "month", "quarter", "year"):
                anchor = reading.point
            if reading.point.grain == "quarter":
                quarter = reading.point
    return tuple(out)


def _choose_spans(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """The longest matches of all rules that do not overlap, in text order (earlier rules win ties)."""
    windows = _trigger_windows(text)
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for rank, rule in enumerate(RULES):
        spans = windows[rule.triggers[0]] if len(rule.triggers) == 1 else _windows(
            text, sorted(w for name in rule.triggers for w in windows[name]))
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                start, end = _trim(text, m.start(), m.end())
                if end > start:
                    found.append((start, end, rank, rule, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    for start, end, _, rule, m in found:
        if all(end <= s or start >= e for s, e, _r, _m in taken):
            taken.append((start, end, rule, m))
    taken.sort(key=lambda t: t[0])
    return taken


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger group, the stretches of text near one of its words."""
    spans: dict[str, list[tuple[int, int]]] = {group: [] for group in TRIGGER_GROUPS}
    for m in _TOKEN.finditer(text):
        word = m[0]
        if word[0].isdigit():
            spans["digit"].append(m.span())
            continue
        for group in TRIGGER_WORDS.get(word.lower(), ()):
            spans[group].append(m.span())
    return {group: _windows(text, found) for group, found in spans.items()}


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged stretches of text within _REACH characters of the given (sorted) spans."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
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


def _direction(text: str, start: int, end: int, sentence_ends: list[int]) -> int:
    """Whether the sentence around text[start:end] speaks of the future (+1), the past (-1) or neither (0).

    The nearest cue before the expression wins, because news sentences often report a past
    statement about a future event ("said on Monday it will vote on Friday"); the words after
    it decide only when nothing before it does.
    """
    lo = max((e for e in sentence_ends if e <= start), default=0)
    hi = min((e for e in sentence_ends if e >= end), default=len(text))
    before: tuple[int, int] | None = None
    after: tuple[int, int] | None = None
    for pattern, sign in ((_FUTURE_CUE, 1), (_PAST_CUE, -1)):
        for m in pattern.finditer(text, lo, hi):
            if m.end() <= start and (before is None or m.end() > before[0]):
                before = (m.end(), sign)
            elif m.start() >= end and (after is None or m.start() < after[0]):
                after = (m.start(), sign)
    if before is not None:
        return before[1]
    return after[1] if after is not None else 0


def _type_without_anchor(rule: Rule) -> str:
    """The TIMEX3 type a rule gives when its value cannot be resolved."""
    if rule.name == "clock":
        return "TIME"
    return "DATE"
