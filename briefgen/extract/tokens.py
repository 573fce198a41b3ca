"""Word tokens with offsets, and the sentence spans of a text, for the rule-based extractors."""

from __future__ import annotations

import re
from typing import NamedTuple

from briefgen.text import sentence_spans as shared_sentence_spans
from briefgen.text.lexicon import NAME_SUFFIXES, TITLE_ABBREVIATIONS, word_set

__all__ = ["Token", "make_token", "sentence_spans", "tokenize", "word_set"]

_TOKEN = re.compile(
    r"['’]s\b"                            # possessive, kept apart from the name
    r"|(?:[A-Z]\.){2,}"                   # U.S., U.K.
    r"|[^\W\d_][\w]*(?:[-'’](?!s\b)\w+)*"  # words, O'Higgins, Abu-Nawar
    r"|\d[\d,.]*\d|\d"
    r"|\S"
)
# Abbreviations that keep their full stop ("Sgt. Weirick", "Mr. Smith", "Amos Reed Jr.").
_ABBREVIATIONS = TITLE_ABBREVIATIONS | NAME_SUFFIXES


class Token(NamedTuple):
    """One word, number or punctuation mark and where it lies in the text."""

    text: str
    start: int
    end: int
    lower: str
    capitalised: bool
    """True for "Ryabkov", "McGurk", "Al-Othaimeen"; False for "OIC", "said", "1987"."""

    @property
    def acronym(self) -> bool:
        t = self.text.replace(".", "")
        return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def make_token(text: str, start: int, end: int) -> Token:
    """Build a token, working out its lower-case form and capitalisation once."""
    capitalised = text[0].isupper() and not text.isupper()
    return Token(text, start, end, text.lower(), capitalised)  # a tuple: cheap, one per word


def tokenize(text: str) -> list[Token]:
    """Split text into tokens; known abbreviations keep their full stop."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        w = m.group()
        start = m.start()
        if w == "." and out and out[-1].end == start:
            prev = out[-1]
            if prev.lower in _ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()):
                out[-1] = make_token(prev.text + ".", prev.start, start + 1)
                continue
        append(Token(w, start, start + len(w), w.lower(), w[0].isupper() and not w.isupper()))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, as the splitter every analyser shares finds them."""
    return list(shared_sentence_spans(text))
