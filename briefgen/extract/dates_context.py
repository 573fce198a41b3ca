"""What every reading of a date expression shares: its context, its result and small helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.extract import dates_calendar as cal
from briefgen.extract.dates_lexicon import PARTS_OF_DAY


class Unanchored(Exception):
    """Raised by a reading that needs the publication date when the article has none."""


class Doubtful(Exception):
    """Raised by a reading whose value the text does not settle: the expression keeps its text, without a value.

    Precision first: a shown date must be right, so an expression whose resolution rests on weak
    evidence is shown as words only, never as a guessed date.
    """


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides its match: the publication date, the last date and the tense."""

    published: dt.date | None
    anchor: cal.Point | None
    """The last day, month or year the text mentioned (for "the following day")."""
    quarter: cal.Point | None
    """The last quarter the text mentioned (what "the latest period" and "a year ago" compare in results)."""
    tense: Callable[[], int]
    """-1 when the sentence speaks of the past, +1 of the future, 0 when it does not say; 2 (also > 0) of
    what lay ahead of a past moment ("was due to", "would"), which a weekday finds on the nearer side;
    -2 (also < 0) when only a verb of saying makes it past ("said"): that dates the speaking, and is weak
    evidence for the time of what is said.
    A function, asked only by the readings that need it: finding the tense cues costs a pass over the sentence."""
    frame_year: int | None = None
    """The year the sentence opens with ("In 2016, ..."), which its months without a year belong to."""
    near_year: int | None = None
    """A year named earlier in the same sentence ("a 1986 profit against a year-ago loss")."""
    anchor_dated: bool = False
    """Whether the last date named gave its year in words or figures ("January 1988", not "January")."""
    anchor_doubtful: bool = False
    """Whether the last date named was left without a value: what counts from it is doubtful too."""
    quarter_doubtful: bool = False
    """Whether the last quarter named was left without a value: comparisons with it ("a year ago") are doubtful."""
    fiscal: bool = False
    """Whether the text speaks of a fiscal year ("fiscal 1987", "the fiscal year"): its quarters may be counted
    from a year that is not the calendar year."""

    @property
    def direction(self) -> int:
        """The tense of the sentence (see tense)."""
        return self.tense()

    def compared_quarter(self) -> cal.Point | None:
        """The last quarter mentioned, which results compare with; Doubtful when it was left without a value."""
        if self.quarter_doubtful:
            raise Doubtful("the quarter compared with has no value")
        return self.quarter

    def today(self) -> dt.date:
        """The publication date, or Unanchored."""
        if self.published is None:
            raise Unanchored
        return self.published

    def reference(self, grain: str, from_publication: bool = False) -> cal.Point:
        """The date that anaphoric expressions in units of grain count from: the last one mentioned.

        A last date coarser than grain cannot be counted from ("that day" after "in 2015"): ValueError.
        Before the text names a date, the publication day if from_publication ("a year earlier"),
        else ValueError ("earlier that day" refers back to a day the text has not named).
        """
        if self.anchor_doubtful:
            raise Doubtful("the last date mentioned has no value to count from")
        if self.anchor is None:
            if not from_publication:
                raise ValueError("no date mentioned before to count from")
            return cal.Point(self.today(), "day")
        if cal.GRAINS.index(self.anchor.grain) < cal.GRAINS.index(grain):
            raise ValueError(f"the last date mentioned is a {self.anchor.grain}, too coarse to count {grain}s from")
        return self.anchor


@dataclass(frozen=True)
class Reading:
    """What a matched expression means: its TIMEX3 type and value, and the calendar point if it names one."""

    type: str
    value: str
    point: cal.Point | None = None


def group(m: re.Match[str], name: str) -> str:
    """The text of a named group, or "" when the rule has no such group or it did not take part."""
    return m.groupdict().get(name) or ""


def point(day: dt.date, grain: str, suffix: str = "") -> Reading:
    """The reading of a calendar point (a TIME when it carries a time of day)."""
    p = cal.Point(day, grain, suffix)
    return Reading("TIME" if suffix.startswith("T") else "DATE", p.value(), p)


def time_suffix(m: re.Match[str]) -> str:
    """The TIMEX3 part-of-day suffix ("TNI") for a match with a part of the day, else ""."""
    groups = m.groupdict()
    part = groups.get("part")
    if part:
        return "T" + PARTS_OF_DAY[part.lower()]
    return ""


GRAIN_OF_UNIT = {"day": "day", "night": "day", "week": "week", "weekend": "week", "month": "month",
                 "quarter": "quarter", "year": "year", "decade": "decade", "century": "century"}
"""The calendar granularity that a unit word counts in ("two weeks ago" is a week)."""

YEAR_STEP = {"last": -1, "this": 0, "next": 1}
"""How many years "last/this/next year's quarter" moves from the quarter in question."""
