"""Split an article body into sentences with offsets, and say what kind of text each one is.

Every extractor and the summariser share this splitter, so a sentence boundary means
the same thing everywhere. Offsets are Python `str` indices into the text given, and
`Sentence.text == text[start:end]` always holds (a sentence wrapped over lines keeps
its line breaks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, cast

from briefgen.sentence_kinds import Span, classify_spans, word_set

SentenceKind = Literal[
    "sentence", "heading", "caption", "credit", "byline", "dateline", "fragment", "boilerplate"
]
"""The kinds `briefgen.sentence_kinds` tells apart; only "sentence" is prose."""
BlockKind = Literal["text", "heading", "list", "quote"]
"""The Markdown block a sentence sits in ("text" for plain paragraphs)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence (or sentence-like line) of an article body."""

    text: str
    """The sentence exactly as written: `body[start:end]`."""
    start: int
    """Character offset of the first character in the body."""
    end: int
    """Character offset just past the last character."""
    kind: SentenceKind = "sentence"
    """What the text is: only "sentence" is running prose fit for a summary."""
    paragraph: int = 0
    """0-based index of the paragraph (a block between blank lines or Markdown block starts)."""
    block: BlockKind = "text"
    """Whether the sentence stands in a plain paragraph, a Markdown heading, list item or block quote."""

    @property
    def is_prose(self) -> bool:
        """True for running prose, the only kind a summary may quote."""
        return self.kind == "sentence"


# Abbreviations after which a full stop never ends a sentence: titles come before a name.
TITLE_ABBREVIATIONS = word_set(
    "mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr brig gov sen rep rev prof st mt ft pres "
    "supt insp hon fr messrs mme mlle sra sgto"
)
# Abbreviations that can also end a sentence: a boundary only when a typical sentence opener follows.
ENDING_ABBREVIATIONS = word_set(
    "u.s u.k u.n e.u u.s.a u.a.e a.m p.m etc inc ltd co corp plc bros dept est approx vs jr sr "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig"
)
# Abbreviations that never end a sentence whatever follows.
INNER_ABBREVIATIONS = word_set("e.g i.e cf viz al")
# Capitalised words that usually open a sentence rather than continue a name or title.
SENTENCE_OPENERS = word_set(
    "the a an he she it they we i you his her its their our this that these those there here but "
    "and so yet or nor if when while as after before since although though however meanwhile "
    "in on at for from by with without under over during about according some many most "
    "several other others all both each no not one two three mr mrs ms dr officials police "
    "what why how who where which"
)

_TERMINAL = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)|[.!?…]+[\"”’'»)\]]*$")
_STRAY_OPENING_QUOTE = re.compile(r"\s+[\"“‘«]+$")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)\.$")
_OPENER = re.compile(r"[\"“‘'«(\[\-–—]*[A-Z0-9À-ÖØ-Þ]")
_NEXT_WORD = re.compile(r"[\"“‘'«(\[]*([\w.]+)")

_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_LIST = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+")
_MD_QUOTE = re.compile(r"(?:>[ \t]?)+")
_MD_RULE = re.compile(r"(?:[-*_][ \t]*){3,}$")
_MD_FENCE = re.compile(r"(```|~~~)")
_MD_TABLE = re.compile(r"\|.*\|$")
_LINE_END_PUNCT = re.compile(r"[.!?…:;][\"”’'»)\]]*$")
_JOINS_NEXT_LINE = re.compile(r"(?:[,(\-–—/&]|\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at))$")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    body_start: int
    """Offset after any Markdown marker (#, list bullet, >)."""
    marker: str
    """"", "heading", "list", "quote", "rule", "fence", "table" or "blank"."""


def _read_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    in_fence = False
    for match in re.finditer(r"[^\n]*(?:\n|$)", text):
        if match.start() == len(text) and match.group() == "":
            break
        raw = match.group().rstrip("\n").rstrip("\r")
        start, end = match.start(), match.start() + len(raw)
        indent = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        marker, body_start = "", start + indent
        if _MD_FENCE.match(stripped):
            in_fence = not in_fence
            marker = "fence"
        elif in_fence:
            marker = "fence"
        elif not stripped:
            marker = "blank"
        elif heading := _MD_HEADING.match(stripped):
            marker, body_start = "heading", start + indent + heading.start(2)
            end = start + indent + heading.end(2)
        elif _MD_RULE.match(stripped):
            marker = "rule"
        elif _MD_TABLE.match(stripped):
            marker = "table"
        elif bullet := _MD_LIST.match(stripped):
            marker, body_start = "list", start + indent + bullet.end()
        elif quote := _MD_QUOTE.match(stripped):
            marker, body_start = "quote", start + indent + quote.end()
        end = body_start + len(text[body_start:end].rstrip())
        lines.append(_Line(start, end, body_start, marker))
    return lines


_OWN_LINE_MARKERS = ("heading", "rule", "fence", "table")


def _breaks_before(prev: _Line, line: _Line, text: str, longest: int) -> bool:
    """Whether a single line break between two non-blank lines ends a sentence."""
    if line.marker in _OWN_LINE_MARKERS or prev.marker in _OWN_LINE_MARKERS or line.marker == "list":
        return True
    # An indented plain line under a list item continues the item.
    continues_item = prev.marker == "list" and not line.marker and text[line.start:line.body_start] != ""
    if line.marker != prev.marker and not continues_item:
        return True
    before = text[prev.body_start:prev.end]
    after = text[line.body_start:line.end]
    if not _OPENER.match(after):
        return False
    if _LINE_END_PUNCT.search(before):
        return True
    if _JOINS_NEXT_LINE.search(before):
        return False
    # A short line that stops without punctuation is a headline, caption credit or label;
    # a hard-wrapped line of prose runs close to the paragraph's longest line and is not
    # much shorter than the line after it.
    return len(before) < 0.6 * longest or len(before) + 10 < len(after)


def _blocks(text: str) -> list[tuple[int, int, int, str]]:
    """Runs of lines that sentences may span: (start, end, paragraph index, marker)."""
    blocks: list[tuple[int, int, int, str]] = []
    lines = [ln for ln in _read_lines(text)]
    paragraph = -1
    run: list[_Line] = []

    def flush() -> None:
        if run and run[0].marker not in ("rule", "fence", "table"):
            blocks.append((run[0].body_start, run[-1].end, paragraph, run[0].marker))
        run.clear()

    group: list[_Line] = []
    for line in lines + [_Line(len(text), len(text), len(text), "blank")]:
        if line.marker != "blank":
            group.append(line)
            continue
        if not group:
            continue
        longest = max(ln.end - ln.body_start for ln in group)
        paragraph += 1
        for i, ln in enumerate(group):
            if i and _breaks_before(group[i - 1], ln, text, longest):
                flush()
                if ln.marker in ("heading", "list") or group[i - 1].marker == "heading":
                    paragraph += 1
            run.append(ln)
        flush()
        group = []
    return blocks


def _is_boundary(block: str, end: int, terminator: str) -> bool:
    """Whether the terminator ending at `end` in `block` closes a sentence."""
    rest = block[end:].lstrip()
    if not rest:
        return True
    if not _OPENER.match(rest):
        return False
    if not terminator.startswith(".") or terminator.startswith(".."):
        return True
    before = _WORD_BEFORE.search(block[: end - len(terminator) + 1])
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if "'" in word or "’" in word or "-" in word:
        return True
    next_word = _NEXT_WORD.match(rest)
    following = next_word.group(1).lower() if next_word else ""
    if word in TITLE_ABBREVIATIONS or word in INNER_ABBREVIATIONS:
        return False
    if following[:1].isdigit() and (word in ("no", "nos", "vol", "fig") or len(word) == 3):
        return False
    initial = len(word) == 1 and word.isalpha()
    if word in ENDING_ABBREVIATIONS or initial or re.fullmatch(r"(\w\.)+\w", word):
        # "U.S. officials" or "George W. Bush" continue; "in the U.S. The" ends.
        return following in SENTENCE_OPENERS
    return True


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    block = text[start:end]
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _TERMINAL.finditer(block):
        if _is_boundary(block, match.end(), match.group()):
            spans.append((begin, match.end()))
            begin = match.end()
    spans.append((begin, len(block)))
    out = []
    for a, b in spans:
        piece = block[a:b]
        lead = len(piece) - len(piece.lstrip())
        piece = _STRAY_OPENING_QUOTE.sub("", piece.strip())
        if piece:
            out.append((start + a + lead, start + a + lead + len(piece)))
    return out


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split `text` (plain or Markdown) into sentences, each tagged with its kind."""
    spans: list[Span] = []
    for start, end, paragraph, marker in _blocks(text):
        for a, b in _split_block(text, start, end):
            spans.append(Span(a, b, paragraph, marker))
    return tuple(
        Sentence(
            text[s.start:s.end], s.start, s.end, cast(SentenceKind, kind), s.paragraph,
            cast(BlockKind, s.marker or "text"),
        )
        for s, kind in classify_spans(text, spans)
    )
