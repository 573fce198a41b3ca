"""Word tokens with offsets, and the sentence spans of a text, for the rule-based extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"['’]s\b"                            # possessive, kept apart from the name
    r"|(?:[A-Z]\.){2,}"                   # U.S., U.K.
    r"|[^\W\d_][\w]*(?:[-'’](?!s\b)\w+)*"  # words, O'Higgins, Abu-Nawar
    r"|\d[\d,.]*\d|\d"
    r"|\S"
)
# Abbreviations that keep their full stop ("Sgt. Weirick", "Mr. Smith").
def word_set(words: str) -> frozenset[str]:
    """Return the set of whitespace-separated words of a word list written as one string."""
    return frozenset(words.split())


_ABBREVIATIONS = word_set("mr mrs ms dr st sgt gen col lt maj capt adm brig cpl sen rep gov cmdr jr sr gens")
_SENTENCE_END = re.compile(r"(?:[.!?][\"”’)]?)(?=\s+[\"“‘(]?[A-Z0-9])|\n\s*\n")


@dataclass(frozen=True)
class Token:
    """One word, number or punctuation mark and where it lies in the text."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        """True for "Ryabkov", "McGurk", "Al-Othaimeen"; False for "OIC", "said", "1987"."""
        t = self.text
        return t[0].isupper() and any(c.islower() for c in t)

    @property
    def acronym(self) -> bool:
        t = self.text.replace(".", "")
        return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def tokenize(text: str) -> list[Token]:
    """Split text into tokens; known abbreviations keep their full stop."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        if word == "." and out and out[-1].end == start:
            prev = out[-1]
            if prev.lower in _ABBREVIATIONS or (len(prev.text) == 1 and prev.text.isupper()):
                out[-1] = Token(prev.text + ".", prev.start, end)
                continue
        out.append(Token(word, start, end))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence: split after . ! ? before a capital, and at blank lines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _ends_with_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z]+)$", text[max(0, dot - 6):dot])
    if word is None:
        return False
    w = word.group(1)
    return w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper())
