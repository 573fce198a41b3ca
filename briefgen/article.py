"""The data that flows between briefgen's stages: frozen dataclasses, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class TroopCount:
    """A number of military personnel stated in an article."""

    value: int | None
    """The number, or the low end of a range; None for vague counts ("tens of thousands")."""
    high: int | None
    """The high end of a range ("between 5,000 and 10,000"), else None."""
    approx: bool
    """True when the number is hedged ("about", "some", "more than")."""
    who: str | None
    """Whose personnel ("Russia", "rebels"), None when the text does not say."""
    kind: str
    """"strength" (size of a force) or "casualties" (killed, wounded, captured)."""
    text: str
    """The span as written in the body."""
    start: int
    """Character offset of the span in the body."""
    end: int


@dataclass(frozen=True)
class DateMention:
    """A temporal expression, normalised to a TimeML TIMEX3 value."""

    value: str | None
    """TIMEX3 value ("2022-01-13", "P3D", "PAST_REF"); None when it cannot be resolved."""
    type: str
    """DATE, TIME, DURATION or SET."""
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Official:
    """A named person whom the article gives a role."""

    name: str
    """The fullest form of the name used in the article, spelt as written."""
    title: str | None
    """The role words as the article gives them, without the country ("Deputy Foreign Minister")."""
    org: str | None
    """Country or organisation of the role ("Russia", "United States"), when stated or implied."""
    variants: tuple[str, ...]
    """Other surface forms used for the same person (surname, misspellings)."""
    mentions: tuple[tuple[int, int], ...]
    """(start, end) offsets in the body of every mention."""


@dataclass(frozen=True)
class Figures:
    """Everything the extractors found in one article."""

    troops: tuple[TroopCount, ...] = ()
    dates: tuple[DateMention, ...] = ()
    officials: tuple[Official, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where an article came from."""

    name: str | None
    url: str | None


@dataclass(frozen=True)
class Article:
    """One article as read from content/: front matter split from the body."""

    path: Path
    """Path of the file, relative to the project root when it lies inside it."""
    relpath: str
    """Path relative to the content folder, with forward slashes (used for URLs)."""
    title: str
    date: dt.date | None
    """Publication date from front matter, or None."""
    source: Source | None
    tags: tuple[str, ...]
    draft: bool
    body: str
    """The text after the front matter, exactly as in the file (offsets point here)."""
    body_line: int
    """1-based line in the file where the body starts."""
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """The front matter as written by the author (without the machine-owned key)."""
    machine: dict[str, Any] | None = field(default=None, compare=False, hash=False)
    """The machine-owned block found in the file, if any."""
    machine_line: int = 0
    """1-based line of the machine-owned key in the file (0 when absent)."""
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    """1-based line in the file of each top-level front matter key (for warnings about a key)."""


@dataclass(frozen=True)
class Analysis:
    """What briefgen computed for an article: its summary and its figures."""

    summary: tuple[str, ...]
    """Verbatim sentences of the body, in article order."""
    figures: Figures
