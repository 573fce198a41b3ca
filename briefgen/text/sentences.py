"""Split an article body into sentences with offsets, and say what kind of text each one is.

Every analyser, the summariser and the site share this splitter, so a sentence boundary
means the same thing everywhere. Offsets are Python `str` indices into the text given, and
`Sentence.text == text[start:end]` always holds (a sentence wrapped over lines keeps its
line breaks). The whole split is linear in the length of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, cast

from briefgen.text.blocks import Layout
from briefgen.text.boundaries import split_block
from briefgen.text.kinds import Span, classify_spans, dateline_end

SentenceKind = Literal[
    "sentence", "heading", "caption", "credit", "byline", "dateline", "fragment", "boilerplate"
]
"""The kinds `briefgen.text.kinds` tells apart; only "sentence" is prose."""
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


@dataclass(frozen=True)
class _Split:
    """The spans of one text, with those cut off as datelines marked."""

    layout: Layout
    spans: list[Span]
    datelines: frozenset[int]


@lru_cache(maxsize=8)
def _split(text: str) -> _Split:
    """Find the sentence spans of `text`; remembered for the few texts being analysed now."""
    layout = Layout(text)
    spans: list[Span] = []
    datelines: set[int] = set()
    found = 0
    for block in layout.blocks():
        for start, end in split_block(text, block.start, block.end):
            # A wire dateline opening the story ("MOSCOW (Reuters) -") is a piece of its own.
            cut = dateline_end(text, start, end) if found < 2 and block.paragraph <= 1 else None
            found += 1
            if cut is not None:
                datelines.add(len(spans))
                spans.append(Span(start, cut[0], block.paragraph, block.marker))
                start = cut[1]
            spans.append(Span(start, end, block.paragraph, block.marker))
    return _Split(layout, spans, frozenset(datelines))


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence of `text`, of any kind, in order."""
    return tuple((span.start, span.end) for span in _split(text).spans)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split `text` (plain or Markdown) into sentences, each tagged with its kind."""
    split = _split(text)
    kinds = classify_spans(split.layout, split.spans, split.datelines)
    return tuple(
        Sentence(
            text[s.start:s.end], s.start, s.end, cast(SentenceKind, kind), s.paragraph,
            cast(BlockKind, s.marker or "text"),
        )
        for s, kind in zip(split.spans, kinds, strict=True)
    )
