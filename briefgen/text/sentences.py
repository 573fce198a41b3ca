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
from briefgen.text.markers import SPEAKER, TRANSLATION, speaker_label
from briefgen.text.readable import readable_text
from briefgen.text.turns import mark_interviewer

SentenceKind = Literal[
    "sentence", "heading", "caption", "credit", "byline", "dateline", "fragment", "boilerplate", "speaker",
    "question", "translation", "table", "note",
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
    joins: int = 1
    """How many sentences of the article this passage joins: more than one for a quotation kept whole."""

    @property
    def is_prose(self) -> bool:
        """True for running prose, the only kind a summary may quote."""
        return self.kind == "sentence"

    @property
    def readable(self) -> str:
        """The sentence as a reader sees it: inline markup removed, spaces collapsed."""
        return readable_text(self.text)


@dataclass(frozen=True)
class _Split:
    """The spans of one text, with the kinds of the pieces the split itself cut off."""

    layout: Layout
    spans: list[Span]
    cut_off: dict[int, str]
    """Index of a span cut off as a wire dateline or a speaker's label -> its kind."""
    labels: dict[int, str]
    """Index of a speaker's label span -> the speaker it names ("wn", "jane roe")."""


_SENTENCE_END = ".!?…\"”’'»)]"


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The block cut before each inline translation that follows a finished sentence."""
    cuts = [start]
    for marker in TRANSLATION.finditer(text, start, end):
        before = text[max(start, marker.start() - 3):marker.start()].rstrip()
        if before and before[-1] in _SENTENCE_END:
            cuts.append(marker.start())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


@lru_cache(maxsize=8)
def _split(text: str) -> _Split:
    """Find the sentence spans of `text`; remembered for the few texts being analysed now."""
    layout = Layout(text)
    spans: list[Span] = []
    cut_off: dict[int, str] = {}
    labels: dict[int, str] = {}
    found = 0
    for block in layout.blocks():
        start = block.start
        label = SPEAKER.match(text, block.start, block.end) if block.marker == "turn" else None
        if label is not None:
            cut_off[len(spans)], labels[len(spans)] = "speaker", speaker_label(label)
            spans.append(Span(block.start, block.start + len(label.group().rstrip()), block.paragraph, block.marker))
            start = label.end()
        for segment_start, segment_end in _segments(text, start, block.end):
            for a, b in split_block(text, segment_start, segment_end):
                # A wire dateline opening the story ("MOSCOW (Reuters) -") is a piece of its own.
                cut = dateline_end(text, a, b) if found < 2 and block.paragraph <= 1 else None
                found += 1
                if cut is not None:
                    cut_off[len(spans)] = "dateline"
                    spans.append(Span(a, cut[0], block.paragraph, block.marker))
                    a = cut[1]
                spans.append(Span(a, b, block.paragraph, block.marker))
    return _Split(layout, spans, cut_off, labels)


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every sentence of `text`, of any kind, in order."""
    return tuple((span.start, span.end) for span in _split(text).spans)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split `text` (plain or Markdown) into sentences, each tagged with its kind."""
    split = _split(text)
    kinds = classify_spans(split.layout, split.spans, split.cut_off)
    mark_interviewer(text, split.spans, kinds, split.labels)
    return tuple(
        Sentence(
            text[s.start:s.end], s.start, s.end, cast(SentenceKind, kind), s.paragraph,
            cast(BlockKind, s.marker if s.marker in ("heading", "list", "quote") else "text"),
        )
        for s, kind in zip(split.spans, kinds, strict=True)
    )
