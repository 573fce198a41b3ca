"""Word tokens with offsets, and the sentence spans of a text, for the rule-based extractors."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"['’]s\b"                            # possessive, kept apart from the name
    r"|(?:[A-Z]\.){2,}"                   # U.S., U.K.
    r"|[^\W\d_][\w]*(?:[-'’](?!s\b)\w+)*"  # words, O'Higgins, Abu-Nawar
    r"|\d[\d,.]*\d|\d"
    r"|\S"
)
def word_set(words: str) -> frozenset[str]:
    """Return the set of whitespace-separated words of a word list written as one string."""
    return frozenset(words.split())


# Abbreviations that keep their full stop ("Sgt. Weirick", "Mr. Smith").
_ABBREVIATIONS = word_set("mr mrs ms dr st sgt gen col lt maj capt adm brig cpl sen rep gov cmdr jr sr gens")
_SENTENCE_END = re.compile(r"(?:[.!?][\"”’)]?)(?=\s+[\"“‘(]?[A-Z0-9])|\n\s*\n")


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
