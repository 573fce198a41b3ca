"""The figures page: troop counts across articles, grouped by whose troops, with bar geometry for an SVG chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen.article import TroopCount
from briefgen.site.entries import Entry, sentence_finder, troop_label
from briefgen.site.facts import troop_detail, troop_words

CHART_WIDTH = 640
LABEL_WIDTH = 110
BAR_HEIGHT = 22
BAR_GAP = 6
MIN_BAR = 3
ROWS_PER_GROUP = 25
"""Counts a party's chart and list show, the latest: the page stays a glance however large the archive."""


@dataclass(frozen=True)
class TroopRow:
    """One troop count with its article, sentence and bar in the chart."""

    troop: TroopCount
    label: str
    """The number: "about 100,000"."""
    words: str
    """The count in words with its owner: "Russia: about 100,000 troops"."""
    detail: str
    """What kind of count: "force size", "killed, wounded or captured"."""
    entry: Entry
    sentence: str
    bar_y: int
    bar_width: int
    """0 for counts with no number (drawn as text only); at least MIN_BAR for any number, to be seen."""


@dataclass(frozen=True)
class TroopGroup:
    """The counts of one party ("Russia"), in date order, and the chart's height."""

    who: str
    rows: tuple[TroopRow, ...]
    """The latest ROWS_PER_GROUP counts, in date order."""
    chart_height: int
    earlier: int = 0
    """Counts of this party older than those shown (their articles show them)."""


def bar_width(number: int, scale: float) -> int:
    """Pixels of a bar: proportional, but never too thin to see for a count that has a number."""
    return max(MIN_BAR, round(number * scale)) if number else 0


def troop_groups(entries: list[Entry]) -> list[TroopGroup]:
    """The troop counts grouped by whose troops (largest group first), each group's latest in date order."""
    found: dict[str, list[tuple[TroopCount, Entry, str]]] = {}
    for entry in entries:
        if not entry.analysis.figures.troops:
            continue
        sentence_at = sentence_finder(entry)
        for troop in entry.analysis.figures.troops:
            found.setdefault(troop.who or "Not stated", []).append((troop, entry, sentence_at(troop.start)))
    largest = max((t.high or t.value or 0 for items in found.values() for t, _, _ in items), default=0)
    scale = (CHART_WIDTH - LABEL_WIDTH - 140) / largest if largest else 0.0  # room for the value after the bar
    groups: list[TroopGroup] = []
    for who, items in found.items():
        items.sort(key=lambda i: (i[1].article.date or dt.date.min, i[1].slug, i[0].start))
        shown = items[-ROWS_PER_GROUP:]
        rows = tuple(
            TroopRow(t, troop_label(t), troop_words(t), troop_detail(t), e, s, i * (BAR_HEIGHT + BAR_GAP),
                     bar_width(t.high or t.value or 0, scale))
            for i, (t, e, s) in enumerate(shown)
        )
        groups.append(TroopGroup(who, rows, len(rows) * (BAR_HEIGHT + BAR_GAP), len(items) - len(shown)))
    groups.sort(key=lambda g: (-len(g.rows) - g.earlier, g.who))
    return groups
