"""Find the named people an article gives a role to: name, title, country or organisation, mentions.

Every step costs a bounded amount per token, sighting or person (a role phrase has at most a few
words; a name is compared with at most a few others), so the whole is linear in the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from typing import Any

from briefgen.article import Official
from briefgen.extract import countries, titles
from briefgen.extract.affiliation import Evidence, Holder, gather_evidence, org_of
from briefgen.extract.countries import Gazetteer
from briefgen.extract.names import folded, is_name_word, is_place_or_thing, name_run, one_letter_apart, same_person
from briefgen.extract.places import PlaceEntry
from briefgen.extract.roles import Role
from briefgen.extract.sightings import SPEECH, Sighting, find_sightings
from briefgen.extract.tokens import Token, sentence_spans, tokenize, word_set

_SPEAKER = re.compile(r"(?<![\w-])([A-Z][a-z]+)\s+([a-z]+)")
_HONOURED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Baroness|Baron)\.?\s+([A-Z][\w'’-]*)")
_SAYING = frozenset({"said", "says", "told"})
_NEAREST = 16
"""How many people sharing a surname, or forms of one name, a new name is compared with."""
_RUSSIA_SINCE = 1992
"""The first year of the Russian Federation as a state of its own: before it, Russia's seat is the Soviet Union's."""
_END = ""
"""The trie key that marks the end of a name form (no token is empty; a NUL can be a token)."""


@dataclass
class _Person:
    """Everything gathered about one person while reading an article (mutable while reading)."""

    sightings: list[Sighting]
    forms: dict[tuple[str, ...], None]
    """The forms of the name, in the order first seen."""
    surnames: set[str]
    """The last words of the forms, without accents."""

    def add_form(self, form: tuple[str, ...]) -> None:
        self.forms.setdefault(form)
        self.surnames.add(folded(form[-1]))

    def first_forms(self) -> list[tuple[str, ...]]:
        """The first few forms, which a new form must agree with (bounded, for long texts)."""
        return list(islice(self.forms, _NEAREST))


def find_officials(text: str, published: dt.date | None, extra_titles: tuple[str, ...] = (),
                   extra_places: tuple[PlaceEntry, ...] = ()) -> tuple[Official, ...]:
    """Return one Official per named person that the text gives a role, in order of first mention.

    A role is found before the name ("Kremlin spokesman Dmitry Peskov"), after it
    ("Sergei Lavrov, Russia's foreign minister,"), or in an apposition before it
    ("the regional commander, Colonel X"). extra_titles adds a newsroom's title words, extra_places
    its countries and organisations (config.yaml).
    A year before a role makes it a past one ("2016 presidential nominee"), unless it is `published`'s.
    """
    places = countries.gazetteer(tuple(extra_places))
    tokens = tokenize(text)
    heads, mods = titles.extended_heads(tuple(extra_titles))
    sightings = find_sightings(tokens, text, heads, mods, places)
    people = _merge_first_names(_group(sightings))
    if not people:
        return ()
    _add_longer_forms(people, tokens, text)
    honoured = {m.group(1) for m in _HONOURED.finditer(text)}
    speakers: dict[str, set[str]] = {}
    for i, tok in enumerate(tokens):  # "Cinema said" after "General": read on tokens, linear whatever precedes
        if i > 0 and tok.lower in _SAYING and tokens[i - 1].text[0].isupper():
            speakers.setdefault(tokens[i - 1].text, set()).add(tokens[i - 2].text if i > 1 else "")
    people = [p for p in people if _named_clearly(p, honoured, speakers) and not _royal_rank_only(p)]
    if not people:
        return ()
    spans, masked_spans = _find_mentions(people, tokens, text)
    holders = [Holder(n, tuple(p.sightings), tuple(found), _best_role(p), frozenset(p.forms))
               for n, (p, found) in enumerate(zip(people, spans, strict=True))]
    masked = _masked(text, masked_spans)
    evidence = gather_evidence(text, tokens, [s for s, _e in sentence_spans(text)], masked, holders, places,
                               frozenset(honoured))
    found = tuple(o for o, p in ((_to_official(p, h, holders, evidence, text, places), p)
                                 for p, h in zip(people, holders, strict=True))
                  if o.org is not None or not all(s.role.dangling for s in p.sightings))  # an unread complement:
    # "director of civil rights group Liberty" leaves the role unsure, and an unsure role is not shown
    if published is None:
        return found
    this_year = f"{published.year} "  # "the party's 2024 nominee", in 2024: the nominee now
    found = tuple(dataclasses.replace(o, title=o.title.removeprefix(this_year)) if o.title else o for o in found)
    if published.year < _RUSSIA_SINCE:  # "Kremlin leader", "Moscow" in 1987: the Soviet Union's
        found = tuple(dataclasses.replace(o, org="Soviet Union") if o.org == "Russia" else o for o in found)
    return found


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans (people's names) blanked: a name is not a country ("Neil Jordan")."""
    parts, at = [], 0
    for start, end in sorted(spans):
        if start >= at:
            parts += [text[at:start], "#" * (end - start)]
            at = end
    return "".join([*parts, text[at:]])


def _named_clearly(person: _Person, honoured: set[str], speakers: dict[str, set[str]]) -> bool:
    """A one-word name needs a title that usually takes a surname, a "Mr" form, or to speak after a rank.

    "committee chairman Citibank" and "General Products" are organisations; "President
    Reagan" and "Energy Minister Subroto" are people.
    """
    if any(len(f) > 1 for f in person.forms):
        return True
    word = next(iter(person.forms))[0]
    role = _best_role(person)
    head = titles.head_of(role.title)
    if head in titles.SURNAME_TITLES and role.title[:1].isupper() and not role.rank_only:
        return True
    if word in honoured:
        return True
    rank = role.title.split()[-1] if role.title else "-"
    return role.rank_only and any(before != rank for before in speakers.get(word, ()))  # not "General Cinema said"


_ROYAL_RANKS = frozenset({"prince", "princess"})
"""Ranks of a royal family that are no office. A reigning King, Queen, Emperor, Sultan or Emir heads a state
and a Crown Prince holds the heir's constitutional post (GUIDELINES.md lists kings among officials), so
those stay; "Prince X" or "Princess Y" alone is a person of rank, shown only with a role the article
gives them ("Prince Saud, the foreign minister")."""


def _royal_rank_only(person: _Person) -> bool:
    """True when every role the text gives the person is a bare royal rank ("Prince Charles")."""
    return all(s.role.title.lower().removeprefix("the ") in _ROYAL_RANKS for s in person.sightings)


def _group(sightings: list[Sighting]) -> list[_Person]:
    """One person per set of sightings whose names can be one person's ("President Putin", "Vladimir Putin")."""
    people: list[_Person] = []
    by_surname: dict[str, list[_Person]] = {}
    for s in sightings:
        bucket = by_surname.setdefault(folded(s.name[-1]), [])
        for p in bucket[-_NEAREST:]:  # bounded: a sighting's cost does not grow with the text
            if any(same_person(s.name, f) for f in p.first_forms()):
                p.sightings.append(s)
                p.add_form(s.name)
                break
        else:
            person = _Person([s], {s.name: None}, {folded(s.name[-1])})
            people.append(person)
            bucket.append(person)
    return people


def _merge_first_names(people: list[_Person]) -> list[_Person]:
    """Merge "Prime Minister Tuilaepa" into "Prime Minister Tuilaepa Sailele Malielegaoi", "President Xi" into
    "President Xi Jinping": one word that opens another person's full name, with the same title."""
    by_first: dict[tuple[str, str], _Person] = {}
    for p in people:
        for form in p.first_forms():
            if len(form) > 1:
                by_first.setdefault((folded(form[0]), _best_role(p).title.lower()), p)
    kept = []
    for p in people:
        forms = list(p.forms)
        fuller = by_first.get((folded(forms[0][0]), _best_role(p).title.lower())) if len(forms) == 1 \
            and len(forms[0]) == 1 else None
        if fuller is not None and fuller is not p:
            fuller.sightings.extend(p.sightings)
            fuller.add_form(forms[0])
            continue
        kept.append(p)
    return kept


def _add_longer_forms(people: list[_Person], tokens: list[Token], text: str) -> None:
    """Add fuller untitled forms of a titled person's name ("Vladimir Putin" for "President Putin")."""
    by_surname: dict[str, list[_Person]] = {}
    for p in people:
        for surname in p.surnames:
            by_surname.setdefault(surname, []).append(p)
    lower_words = {t.text for t in tokens if t.text.islower()}
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        end = name_run(tokens, i, text)
        if end == i:
            i += 1
            continue
        opens = i == 0 or tokens[i - 1].text in ".!?\"“”"
        if end - i > 1 and not (opens and tokens[i].lower in lower_words) \
                and folded(tokens[end - 1].text) in by_surname and not is_place_or_thing(tokens, i, end, i):
            form = tuple(t.text for t in tokens[i:end])  # at a sentence start, not "Analysts John Hale" if
            for p in by_surname[folded(form[-1])][-_NEAREST:]:  # "analysts" is a word of the text
                longer = [f for f in p.first_forms() if len(f) > 1] or p.first_forms()
                if all(same_person(form, f) for f in longer):
                    p.add_form(form)  # "Theodore Roosevelt" is not "Franklin Delano Roosevelt"
                    break
        i = end


def _to_official(person: _Person, holder: Holder, holders: list[Holder], evidence: Evidence,
                 text: str, places: Gazetteer) -> Official:
    name = _fullest(person)
    variants = _variants(text, holder.mentions)
    shown = next((w for w in variants if w.replace(" ", "") == "".join(name)), " ".join(name))  # as written
    regnal = next((s.regnal for s in person.sightings if s.regnal), None)
    if regnal and regnal not in variants:
        variants = [*variants, regnal]
    org = org_of(holder, holders, evidence, places)
    return Official(shown, holder.role.title, org, tuple(v for v in variants if v != shown), holder.mentions)


def _fullest(person: _Person) -> tuple[str, ...]:
    """The longest form of the name (among equals the first in sorted order, whatever the reading order)."""
    return max(sorted(person.forms), key=len)


def _best_role(person: _Person) -> Role:
    roles = [s.role for s in person.sightings]
    return max(roles, key=lambda r: (not r.rank_only, len(r.title.split())))


def _find_mentions(people: list[_Person], tokens: list[Token],
                   text: str) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
    """Every place each person is named (the longest form wins, left to right), and every name to mask.

    A surname alone counts for a person when no one else in the text has it, and not after another
    first name ("Theodore Hale" is not "Franklin Hale").
    """
    shared = Counter(surname for p in people for surname in p.surnames)
    trie: dict[str, Any] = {}
    for n, p in enumerate(people):
        surname = _fullest(p)[-1]
        for form in [*p.forms, *([(surname,)] if shared[folded(surname)] == 1 else [])]:
            node = trie
            for word in form:
                node = node.setdefault(word, {})
            node.setdefault(_END, n)
    spans: list[list[tuple[int, int]]] = [[] for _ in people]
    masked: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        node, j, best = trie, i, None
        while j < len(tokens) and j - i < 8 and tokens[j].text in node:
            node = node[tokens[j].text]
            j += 1
            if _END in node:
                best = (j, node[_END])
        if best is None:
            i += 1
            continue
        end, n = best
        masked.append((tokens[i].start, tokens[end - 1].end))
        if not (end - i == 1 and (_inside_other_name(tokens, i) or _not_the_person(tokens, i))):
            spans[n].append((tokens[i].start, tokens[end - 1].end))
        i = end
    _add_speakers(people, spans, text)
    return [sorted(found) for found in spans], masked


def _add_speakers(people: list[_Person], spans: list[list[tuple[int, int]]], text: str) -> None:
    """Add "Rao told" to the mentions of "Rau": a speaker whose name is the surname misspelt by one letter."""
    surnames = {f[-1] for p in people for f in p.forms}
    by_shape: dict[str, list[tuple[int, int, str]]] = {}
    for m in _SPEAKER.finditer(text):
        word = m.group(1)
        if m.group(2).lower() in SPEECH and word not in surnames:
            for key in _shapes(word):
                by_shape.setdefault(key, []).append((m.start(1), m.end(1), word))
    for n, p in enumerate(people):
        surname = _fullest(p)[-1]
        found = {(s, e) for key in _shapes(surname) for s, e, word in by_shape.get(key, [])[:_NEAREST]
                 if one_letter_apart(word, surname)}
        spans[n] += sorted(found)


def _shapes(word: str) -> list[str]:
    """The word with each letter but the first replaced by "?": two words one letter apart share one."""
    return [word[:k] + "?" + word[k + 1:] for k in range(1, len(word))] if len(word) >= 3 else []


def _variants(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    """The surface forms of a person's mentions, in order of first use."""
    seen: dict[str, None] = {}
    for s, e in spans:
        seen.setdefault(" ".join(text[s:e].split()), None)
    return list(seen)


def _not_the_person(tokens: list[Token], i: int) -> bool:
    """True when a surname alone is a month ("in May") or part of a company's name ("DeRose Industries")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.capitalised and nxt.lower in titles.ORG_WORDS:
        return True
    prev = tokens[i - 1].lower if i > 0 else ""
    return tokens[i].lower in _MONTHS and prev not in titles.HONORIFICS and not (nxt and nxt.lower in SPEECH)


_MONTHS = word_set("january february march april may june july august september october november december")


def _inside_other_name(tokens: list[Token], i: int) -> bool:
    """True when a surname is preceded by another first name ("Theodore Hale" for "Franklin Hale")."""
    if i == 0 or (i >= 2 and tokens[i - 2].text in ".!?"):
        return False
    prev = tokens[i - 1]
    initial = len(prev.text) == 2 and prev.text[1] == "." and prev.text[0].isupper()  # "Robert F. Kennedy"
    return initial or (prev.capitalised and is_name_word(prev) and titles.misspelt_head(prev.text) is None)
