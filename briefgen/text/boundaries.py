"""Where sentences end inside a block of text: full stops, abbreviations, initials, quotes.

Linear in the text: one forward scan for terminators, and each decision reads only a
bounded window around its full stop (never the whole prefix or the rest of the block).
"""

from __future__ import annotations

import re

from briefgen.text.lexicon import (
    ENDING_ABBREVIATIONS,
    INNER_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_OPENERS,
    TITLE_ABBREVIATIONS,
)

_TERMINAL = re.compile(
    r"[.!?…]++[\"”’'»)\]]*+(?=\s|\Z)"
    # A full stop the source ran into the next sentence ("for president.In the Green Party").
    r"|(?<=[a-z][a-z])\.(?=[\"“]?[A-Z][a-z])"
)
_TERMINAL_AT_END = re.compile(r"[.!?…]++[\"”’'»)\]]*+\Z")
_SPACE = re.compile(r"\s*+")
# "INDEPENDENCE, MO. (AP)--": an agency's name in brackets goes on with the dateline, it opens nothing.
_AGENCY = re.compile(r"\((?:AP|UPI|AFP|Reuters|Xinhua|[A-Z]{2,5})\)[\s_–—-]")
_OPENING_PUNCTUATION = re.compile(r"[\"“‘'`«(\[<\-–—]*+")
_NEXT_WORD = re.compile(r"[\"“‘'«(\[]*+([\w.]+)")
_WORD_BEFORE = re.compile(r"[\w.'’-]+(?=\.\Z)")
_INITIALS = re.compile(r"(?:\w\.)+\w")
_STRAY_OPENERS = "“‘«"
"""Marks that only ever open a quotation: one left at the end of a piece belongs to the next sentence.
(A straight mark there may as well close the piece's own quotation, so it stays.)"""
LOOK_BEHIND = 40
"""Characters read before a full stop to find the word it ends; abbreviations are far shorter."""
LOOK_AHEAD = 60
"""Characters read after a full stop to find the next word."""


def opens_sentence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins as a sentence does: any opening marks, then a capital or a digit."""
    first = _OPENING_PUNCTUATION.match(text, start, end).end()  # type: ignore[union-attr]
    return first < end and (text[first].isupper() or text[first].isdigit())


def _is_boundary(text: str, block_start: int, block_end: int, match: re.Match[str]) -> bool:
    """Whether the terminator `match` closes a sentence in the block text[block_start:block_end]."""
    after = _SPACE.match(text, match.end(), block_end).end()  # type: ignore[union-attr]
    if after >= block_end:
        return True
    if not opens_sentence(text, after, block_end) or _AGENCY.match(text, after, block_end):
        return False
    terminator = match.group()
    if not terminator.startswith(".") or terminator.startswith(".."):
        return True
    dot = match.start()
    window = max(block_start, dot - LOOK_BEHIND)
    before = _WORD_BEFORE.search(text, window, dot + 1)
    if before is None or (before.start() == window > block_start and text[window - 1].isalnum()):
        return True  # no word before the stop, or one too long to be an abbreviation
    word = before.group().lower().rstrip(".")
    if "'" in word or "’" in word or "-" in word:
        return True
    next_word = _NEXT_WORD.match(text, after, min(block_end, after + LOOK_AHEAD))
    following = next_word.group(1).lower() if next_word else ""
    if word in TITLE_ABBREVIATIONS or word in INNER_ABBREVIATIONS:
        return False
    if following[:1].isdigit() and (word in NUMBER_ABBREVIATIONS or len(word) == 3):
        return False
    initial = len(word) == 1 and word.isalpha()
    if word in ENDING_ABBREVIATIONS or initial or _INITIALS.fullmatch(word):
        # "U.S. officials" or "George W. Bush" continue; "in the U.S. The" ends.
        return following in SENTENCE_OPENERS
    return True


def line_ends_sentence(text: str, start: int, end: int, next_end: int) -> bool:
    """Whether the line text[start:end] ends a sentence, given the text that follows up to next_end.

    A line ending "... the U.S." or "... Asher B." before a line that goes on with the name
    does not end its sentence: the same abbreviation rules apply as inside a line.
    """
    terminator = _TERMINAL_AT_END.search(text, max(start, end - LOOK_BEHIND), end)
    return terminator is not None and _is_boundary(text, start, next_end, terminator)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, or a quotation mark left dangling at its end."""
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    end = start + len(piece.strip())
    body = text[start:end].rstrip(_STRAY_OPENERS)
    if len(body) < end - start and body and body[-1].isspace():
        end = start + len(body.rstrip())
    return start, end


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the block text[start:end], trimmed of surrounding spaces."""
    cuts = [start]
    for match in _TERMINAL.finditer(text, start, end):
        if _is_boundary(text, start, end, match):
            cuts.append(match.end())
    cuts.append(end)
    spans = (_trimmed(text, a, b) for a, b in zip(cuts, cuts[1:], strict=False))
    return [(a, b) for a, b in spans if b > a]
