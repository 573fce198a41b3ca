"""The passages a summary may quote: prose sentences, with quotations kept whole.

A quotation that runs over several sentences is one passage when it is short enough,
and is left out otherwise: a summary never shows a quotation that opens and does not
close, or closes without opening. One pass over the sentences, so linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.text.sentences import Sentence

MAX_QUOTATION_SENTENCES = 3
"""Most sentences a quotation may span and still be quoted whole."""
MAX_QUOTATION_WORDS = 60
"""Most words a quotation spanning sentences may have and still be quoted whole."""

_MARK = re.compile(r"``|''|[\"“”«»„]")
_OPENING = frozenset({"``", "“", "«", "„"})
_CLOSING = frozenset({"''", "”", "»"})
# Inside a quotation a question may stand among the sentences; the passage ends with a statement.
_IN_QUOTATION = ("sentence", "question")


@dataclass(frozen=True)
class QuoteState:
    """How a sentence stands to quotation marks."""

    starts_inside: bool
    """A quotation opened in an earlier sentence of the paragraph is still open when it starts."""
    ends_inside: bool
    """A quotation is still open when it ends."""
    stray: bool
    """A closing mark with no quotation open (or the marks are otherwise mismatched)."""

    @property
    def balanced(self) -> bool:
        """Every quotation the sentence shows opens and closes within it."""
        return not (self.starts_inside or self.ends_inside or self.stray)


def _opens(text: str, at: int, mark: str) -> bool | None:
    """Whether the mark at `at` opens a quotation (True), closes one (False), or cannot tell (None)."""
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    # A straight mark opens after a space or an opening bracket or mark, and closes before one.
    if (before.isspace() or before in "([{—–-\"“'‘") and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’"):
        return False
    return None


def _next_mark_closes(sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether the first quotation mark from its start on closes a quotation."""
    found: list[bool] = [False] * len(sentences)
    closes = False
    for i in range(len(sentences) - 1, -1, -1):
        text = sentences[i].text
        marks = list(_MARK.finditer(text))
        if marks:
            opens = _opens(text, marks[0].start(), marks[0].group())
            closes = opens is False
        found[i] = closes
    return found


def quote_states(sentences: Sequence[Sentence]) -> list[QuoteState]:
    """The quotation state of each sentence, following the marks through the text."""
    states: list[QuoteState] = []
    closes_next = _next_mark_closes(sentences)
    inside, paragraph = False, -1
    for i, sentence in enumerate(sentences):
        marks = list(_MARK.finditer(sentence.text))
        if sentence.paragraph != paragraph:
            # A quotation left open at a paragraph's end goes on into the next paragraph when the
            # next mark in the text closes it; otherwise it was never closed, and a fresh paragraph
            # starts outside.
            inside, paragraph = inside and closes_next[i], sentence.paragraph
        # A sentence that opens a quotation while one is still open shows the earlier one was
        # never closed: that one stays unbalanced, this one starts afresh.
        if marks and marks[0].start() == 0 and _opens(sentence.text, 0, marks[0].group()):
            inside = False
        starts_inside, stray = inside, False
        for mark in marks:
            opens = _opens(sentence.text, mark.start(), mark.group())
            if opens is None:
                opens = not inside
            stray = stray or opens == inside
            inside = opens
        states.append(QuoteState(starts_inside, inside, stray))
    return states


def _joined(sentences: Sequence[Sentence], text: str) -> Sentence:
    first, last = sentences[0], sentences[-1]
    return Sentence(
        text[first.start:last.end], first.start, last.end, "sentence", first.paragraph, first.block, len(sentences)
    )


def _goes_on(sentence: Sentence, state: QuoteState, paragraph: int) -> bool:
    """Whether the sentence continues a quotation opened earlier in the paragraph."""
    return sentence.paragraph == paragraph and state.starts_inside


def quotable_passages(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Prose sentences of `text` whose quotation marks balance, and short quotations whole, in order."""
    states = quote_states(sentences)
    passages: list[Sentence] = []
    i = 0
    while i < len(sentences):
        sentence, state = sentences[i], states[i]
        if state.balanced:
            if sentence.is_prose:
                passages.append(sentence)
            i += 1
            continue
        if state.starts_inside or state.stray:
            i += 1  # a piece of a quotation whose opening is elsewhere
            continue
        j = i + 1
        while j < len(sentences) and _goes_on(sentences[j], states[j], sentence.paragraph) and states[j].ends_inside:
            j += 1
        if j == len(sentences) or not _goes_on(sentences[j], states[j], sentence.paragraph):
            i = j  # the quotation never closes (in its paragraph): none of it is quoted
            continue
        run = sentences[i:j + 1]
        closes = not states[j].stray
        if (
            closes
            and len(run) <= MAX_QUOTATION_SENTENCES
            and sum(len(s.text.split()) for s in run) <= MAX_QUOTATION_WORDS
            and all(s.kind in _IN_QUOTATION for s in run)
            and run[-1].is_prose
        ):
            passages.append(_joined(run, text))
        i = j + 1
    return passages
