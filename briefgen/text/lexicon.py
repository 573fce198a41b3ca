"""The word lists and the word pattern that sentence splitting, sentence kinds and tokens share.

One list of abbreviations for the whole of briefgen: the splitter decides from it whether a
full stop ends a sentence, and the extractors' tokenizer whether a full stop stays on its word.
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string, for readable word lists."""
    return frozenset(words.split())


WORD = re.compile(r"[\w'’-]+")
"""A word as the sentence rules count it: letters, digits, apostrophes and hyphens ("Ryabkov's", "Abu-Nawar")."""

TITLE_ABBREVIATIONS = word_set(
    "mr mrs ms dr gen gens lt col maj capt cpt cpl sgt adm cmdr brig gov sen rep rev prof st mt ft pres "
    "supt insp hon fr messrs mme mlle sra sgto"
)
"""Abbreviations that come before a name: a full stop after them never ends a sentence."""

NAME_SUFFIXES = word_set("jr sr")
"""Abbreviations that close a name ("Amos Reed Jr."): they may end a sentence too."""

GIVEN_NAME_ABBREVIATIONS = word_set("alex benj chas geo jas jos robt thos wm")
"""Given names abbreviated in old company and personal names ("Alex. Brown and Sons", "Wm. Wrigley")."""

ENDING_ABBREVIATIONS = NAME_SUFFIXES | GIVEN_NAME_ABBREVIATIONS | word_set(
    "u.s u.k u.n e.u u.s.a u.a.e a.m p.m etc inc ltd co corp plc bros dept est approx vs "
    "kft zrt nyrt pty pte bhd sdn llc lp "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig"
)
"""Abbreviations that can also end a sentence: a boundary only when a typical sentence opener follows."""

INNER_ABBREVIATIONS = word_set("e.g i.e cf viz al")
"""Abbreviations that never end a sentence, whatever follows."""

NUMBER_ABBREVIATIONS = word_set("no nos vol fig")
"""Abbreviations written before a number ("No. 9"): the number does not open a sentence."""

SENTENCE_OPENERS = word_set(
    "the a an he she it they we i you his her its their our this that these those there here but "
    "and so yet or nor if when while as after before since although though however meanwhile "
    "in on at for from by with without under over during about according some many most "
    "several other others all both each no not one two three mr mrs ms dr officials police "
    "what why how who where which"
)
"""Capitalised words that usually open a sentence rather than continue a name or title."""
