"""Read the Markdown layout of an article body: its lines, and the runs of lines sentences may span.

Everything here is one pass over the text: each line is read once, and questions about a
line asked later ("does this span fill its line?") are answered from arrays by bisection.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefgen.text.boundaries import line_ends_sentence, opens_sentence
from briefgen.text.markers import SPEAKER

_MD_HEADING = re.compile(r"(#{1,6})[ \t]+")
_MD_LIST = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+")
_MD_QUOTE = re.compile(r"(?:>[ \t]?)++")
_MD_RULE = re.compile(r"(?:[-*_][ \t]*+){3,}+\Z")
_MD_FENCE = re.compile(r"```|~~~")
_LINE_END_PUNCT = re.compile(r"[.!?…:;][\"”’'»)\]]*+\Z")
_CLAUSE_END = re.compile(r"[:;][\"”’'»)\]]*+\Z")
_JOINS_NEXT_LINE = re.compile(r"(?:[,(\-–—/&]|\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at))\Z")
_LEAD_CHARS = " \t#>-*+"

OWN_LINE_MARKERS = ("heading", "rule", "fence", "table")
"""Markdown lines that always stand alone: no sentence runs into or out of them."""


@dataclass(frozen=True)
class Line:
    """One line of the text and the Markdown marker that opens it."""

    start: int
    """Offset of the line's first character."""
    end: int
    """Just past the last character of its text (a heading's closing #s and trailing spaces excluded)."""
    body_start: int
    """Offset after indentation and any Markdown marker (#, list bullet, >)."""
    marker: str
    """"", "heading", "list", "quote", "rule", "fence", "table", "turn" (a speaker's label opens it) or "blank"."""
    lead_end: int
    """Offset of the first character that is not a space or a Markdown marker character."""
    trail_start: int
    """Offset just past the last non-space character of the whole line."""


@dataclass(frozen=True)
class Block:
    """A run of lines that sentences may span: a paragraph, or a heading, list item or quote."""

    start: int
    end: int
    paragraph: int
    """0-based index of the paragraph (blank lines and Markdown block starts begin a new one)."""
    marker: str
    """The Markdown block: "", "heading", "list" or "quote"; "turn" when a speaker's label opens it."""


def _heading_text_end(line: str, at: int) -> int:
    """End of a heading's text in `line` (from `at`), before any closing #s."""
    stripped = len(line.rstrip())
    closing = len(line[:stripped].rstrip("#"))
    if closing < stripped and closing > at and line[closing - 1] in " \t":
        return len(line[:closing].rstrip())
    return stripped


def _read_line(text: str, start: int, stop: int, in_fence: bool) -> tuple[Line, bool]:
    """The line text[start:stop] (no line break) and whether a code fence is open after it."""
    raw = text[start:stop].rstrip("\r")
    stripped = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    lead = len(raw) - len(raw.lstrip(_LEAD_CHARS))
    trail = start + len(raw.rstrip())
    marker, body_start, end = "", start + indent, trail
    if _MD_FENCE.match(stripped):
        in_fence = not in_fence
        marker = "fence"
    elif in_fence:
        marker = "fence"
    elif not stripped:
        marker = "blank"
    elif heading := _MD_HEADING.match(stripped):
        marker, body_start = "heading", start + indent + heading.end()
        end = start + _heading_text_end(raw, indent + heading.end())
    elif _MD_RULE.match(stripped):
        marker = "rule"
    elif stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        marker = "table"
    elif bullet := _MD_LIST.match(stripped):
        marker, body_start = "list", start + indent + bullet.end()
    elif quote := _MD_QUOTE.match(stripped):
        marker, body_start = "quote", start + indent + quote.end()
    elif SPEAKER.match(stripped):
        marker = "turn"
    return Line(start, max(end, body_start), body_start, marker, start + lead, trail), in_fence


class Layout:
    """The lines of one text, for questions about where a span sits."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = []
        in_fence = False
        start = 0
        while start <= len(text):
            stop = text.find("\n", start)
            stop = len(text) if stop < 0 else stop
            if start == stop == len(text) and start > 0:
                break
            line, in_fence = _read_line(text, start, stop, in_fence)
            self.lines.append(line)
            start = stop + 1
        self.starts = [line.start for line in self.lines]

    def line_at(self, offset: int) -> Line:
        """The line holding the character at `offset`."""
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def own_line(self, start: int, end: int) -> bool:
        """Whether text[start:end] fills its line(s), apart from Markdown markers and spaces."""
        return start <= self.line_at(start).lead_end and end >= self.line_at(max(start, end - 1)).trail_start

    def blocks(self) -> list[Block]:
        """Runs of lines that sentences may span, in text order."""
        out: list[Block] = []
        paragraph = -1
        group: list[Line] = []
        for line in [*self.lines, Line(len(self.text), len(self.text), len(self.text), "blank", 0, 0)]:
            if line.marker != "blank":
                group.append(line)
                continue
            if group:
                if out and self._continues(out[-1], group[0]):
                    # A sentence broken by blank lines ("...the\n\nbank said."): the group's first
                    # block joins the block it goes on from.
                    merged: list[Block] = []
                    paragraph = self._group_blocks(group, paragraph - 1, merged)
                    out[-1] = Block(out[-1].start, merged[0].end, out[-1].paragraph, out[-1].marker)
                    out.extend(merged[1:])
                else:
                    paragraph = self._group_blocks(group, paragraph, out)
                group = []
        return out

    def _continues(self, block: Block, line: Line) -> bool:
        """Whether a plain line after blank lines goes on with the plain block before them: the block
        stops without end punctuation and the line opens in lower case."""
        if block.marker or line.marker or block.end <= block.start:
            return False
        first = self.text[line.body_start:line.body_start + 1]
        tail = max(block.start, block.end - 40)
        return first.islower() and not _LINE_END_PUNCT.search(self.text, tail, block.end)

    def _group_blocks(self, group: list[Line], paragraph: int, out: list[Block]) -> int:
        """Add the blocks of one group of lines between blank lines; return the last paragraph index."""
        longest = max(line.end - line.body_start for line in group)
        paragraph += 1
        run_start = 0
        for i in range(1, len(group) + 1):
            if i < len(group):
                opening = i == 1 or _indented_further(group[i - 2], group[i - 1])
                following = group[i + 1] if i + 1 < len(group) else None
                if not _breaks_before(group[i - 1], group[i], self.text, longest, following, opening):
                    continue
            first, last = group[run_start], group[i - 1]
            if first.marker not in ("rule", "fence", "table"):
                out.append(Block(first.body_start, last.end, paragraph, first.marker))
            if i < len(group) and (
                group[i].marker in ("heading", "list", "turn")
                or last.marker == "heading"
                or _indented_further(last, group[i])
            ):
                paragraph += 1
            run_start = i
        return paragraph


def _indented_further(prev: Line, line: Line) -> bool:
    """Whether a plain line is indented deeper than the plain line before it: plain text's new paragraph."""
    return not prev.marker and not line.marker and line.body_start - line.start > prev.body_start - prev.start + 1


def _breaks_before(
    prev: Line, line: Line, text: str, longest: int, following: Line | None, opening: bool
) -> bool:
    """Whether a single line break between two non-blank lines ends a sentence.

    `following`: the line after the second one in the group, if any; `opening`: the first line
    opens its paragraph.
    """
    if line.marker in OWN_LINE_MARKERS or prev.marker in OWN_LINE_MARKERS or line.marker in ("list", "turn"):
        return True
    # An indented plain line under a list item continues the item; any plain line continues a turn.
    continues_item = prev.marker == "list" and not line.marker and line.body_start > line.start
    if line.marker != prev.marker and not continues_item and not (prev.marker == "turn" and not line.marker):
        return True
    if not opens_sentence(text, line.body_start, line.end):
        return False
    if _indented_further(prev, line):
        return True
    # Only the last characters of the line matter for how it ends.
    tail = max(prev.body_start, prev.end - 40)
    if _CLAUSE_END.search(text, tail, prev.end):
        return True
    if _LINE_END_PUNCT.search(text, tail, prev.end):
        return line_ends_sentence(text, prev.body_start, prev.end, line.end)
    if _JOINS_NEXT_LINE.search(text, tail, prev.end):
        return False
    before, after = prev.end - prev.body_start, line.end - line.body_start
    # A short line that stops without punctuation is a headline, caption credit or label;
    # a hard-wrapped line of prose runs close to the paragraph's longest line and is not
    # much shorter than the line after it. But a paragraph's short first line followed by a
    # wrapped line (long, no end punctuation, more lines below) opens a wrapped paragraph:
    # wire copy whose dateline was cut from its first line ("Digital Communications\nAssociates ...").
    if following is None:
        return before < 0.6 * longest or before + 10 < after
    ends = line_ends_sentence(text, line.body_start, line.end, following.end)
    wrapped_after = opening and after >= 0.8 * longest and not ends
    return (before < 0.6 * longest or before + 10 < after) and not wrapped_after
