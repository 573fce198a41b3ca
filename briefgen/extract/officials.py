"""Find the named people an article gives a role to: name, title, country or organisation, mentions."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from briefgen.article import Official
from briefgen.extract import countries, titles
from briefgen.extract.affiliation import Evidence, Holder, gather_evidence, org_of
from briefgen.extract.countries import Gazetteer, PlaceEntry
from briefgen.extract.names import folded, is_name_word, is_place_or_thing, name_run, one_letter_apart, same_person
from briefgen.extract.roles import Role
from briefgen.extract.sightings import SPEECH, Sighting, find_sightings
from briefgen.extract.tokens import Token, sentence_spans, tokenize

_SPEAKER = re.compile(r"(?<![\w-])([A-Z][a-z]+)\s+([a-z]+)")


@dataclass
class _Person:
    """Everything gathered about one person while reading an article (mutable while reading)."""

    sightings: list[Sighting]
    forms: set[tuple[str, ...]]
    surnames: set[str]
    """The last words of the forms, without accents."""

    def add_form(self, form: tuple[str, ...]) -> None:
        self.forms.add(form)
        self.surnames.add(folded(form[-1]))


@dataclass(frozen=True)
class _Context:
    """What naming people needs to know about the whole article, worked out once."""

    text: str
    tokens: list[Token]
    speakers: dict[tuple[str, int], list[tuple[int, int, str]]]
    """(start, end, word) of each capitalised word followed by a speech verb ("Rao told"),
    by first letter and length."""
    surnames: frozenset[str]
    """The last word of every name form of every person found."""
    by_word: dict[str, list[int]]
    """Indices of the word tokens, by their text."""
    surname_counts: Counter[str]
    """How many people share each surname (without accents)."""


def find_officials(text: str, published: dt.date | None, extra_titles: tuple[str, ...] = (),
                   extra_places: tuple[PlaceEntry, ...] = ()) -> tuple[Official, ...]:
    """Return one Official per named person that the text gives a role, in order of first mention.

    A role is found before the name ("Kremlin spokesman Dmitry Peskov"), after it
    ("Sergei Lavrov, Russia's foreign minister,"), or in an apposition before it
    ("the regional commander, Colonel X"). extra_titles adds a newsroom's title words, extra_places
    its countries and organisations (config.yaml).
    `published` is accepted for a uniform extractor signature; roles do not depend on it.
    """
    del published
    places = countries.gazetteer(tuple(extra_places))
    tokens = tokenize(text)
    heads, mods = titles.extended_heads(tuple(extra_titles))
    sightings = find_sightings(tokens, text, heads, mods)
    people = _group(sightings)
    if not people:
        return ()
    _add_longer_forms(people, tokens, text)
    people = [p for p in people if _named_clearly(p, text)]
    if not people:
        return ()
    context = _context(text, tokens, people)
    named = [_named(p, people, context) for p in people]
    holders = [Holder(n, tuple(p.sightings), tuple(mentions), _best_role(p), frozenset(p.forms))
               for n, (p, (mentions, _variants)) in enumerate(zip(people, named, strict=True))]
    masked = _masked(text, people)
    evidence = gather_evidence(text, tokens, [s for s, _e in sentence_spans(text)], masked, holders, places)
    return tuple(_to_official(p, h, variants, holders, evidence, context, places)
                 for p, h, (_m, variants) in zip(people, holders, named, strict=True))


def _masked(text: str, people: list[_Person]) -> str:
    """The text with every form of every person's name blanked: a name is not a country ("Neil Jordan")."""
    forms = sorted({f for p in people for f in p.forms}, key=len, reverse=True)
    if not forms:
        return text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_form_pattern(f) for f in forms) + r")(?!\w)")
    return pattern.sub(lambda m: "#" * len(m.group()), text)


def _context(text: str, tokens: list[Token], people: list[_Person]) -> _Context:
    speakers: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for m in _SPEAKER.finditer(text):
        if m.group(2).lower() in SPEECH:
            word = m.group(1)
            speakers.setdefault((word[0], len(word)), []).append((m.start(1), m.end(1), word))
    surnames = frozenset(f[-1] for p in people for f in p.forms)
    by_word: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.text[0].isalpha():
            by_word.setdefault(t.text, []).append(i)
    return _Context(text, tokens, speakers, surnames, by_word,
                    Counter(surname for p in people for surname in p.surnames))


def _named_clearly(person: _Person, text: str) -> bool:
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
    if re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s+{re.escape(word)}\b", text):
        return True
    rank = re.escape(role.title.split()[-1]) if role.title else "-"
    alone = rf"(?<!{rank} )\b{re.escape(word)}\s+(?:said|says|told)\b"  # "Musharraf said", not "General Cinema said"
    return role.rank_only and re.search(alone, text) is not None


def _group(sightings: list[Sighting]) -> list[_Person]:
    people: list[_Person] = []
    for s in sightings:
        for p in people:
            if folded(s.name[-1]) in p.surnames and any(same_person(s.name, f) for f in p.forms):
                p.sightings.append(s)
                p.add_form(s.name)
                break
        else:
            people.append(_Person([s], {s.name}, {folded(s.name[-1])}))
    return people


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
            for p in by_surname.get(folded(form[-1]), ()):  # "analysts" is a word of the text
                longer = [f for f in p.forms if len(f) > 1] or list(p.forms)
                if all(same_person(form, f) for f in longer):
                    p.add_form(form)  # "Theodore Roosevelt" is not "Franklin Delano Roosevelt"
                    break
        i = end


def _named(person: _Person, people: list[_Person], context: _Context) -> tuple[list[tuple[int, int]], list[str]]:
    """The person's mentions and the surface forms used, under the fullest form of the name."""
    name = max(sorted(person.forms), key=len)  # sorted: the same name whatever the set's order
    return _mentions(person, people, name, context)


def _to_official(person: _Person, holder: Holder, variants: list[str], holders: list[Holder], evidence: Evidence,
                 context: _Context, places: Gazetteer) -> Official:
    name = max(sorted(person.forms), key=len)
    full = [" ".join(context.text[s:e].split()) for s, e in holder.mentions]
    shown = next((w for w in full if w.replace(" ", "") == "".join(name)), " ".join(name))  # as written
    regnal = next((s.regnal for s in person.sightings if s.regnal), None)
    if regnal and regnal not in variants:
        variants = [*variants, regnal]
    org = org_of(holder, holders, evidence, places)
    return Official(shown, holder.role.title, org, tuple(v for v in variants if v != shown), holder.mentions)


def _best_role(person: _Person) -> Role:
    roles = [s.role for s in person.sightings]
    return max(roles, key=lambda r: (not r.rank_only, len(r.title.split())))


def _form_pattern(form: tuple[str, ...]) -> str:
    parts = [re.escape(form[0])]
    for prev, word in zip(form, form[1:], strict=False):
        parts.append((r"\s*" if prev.endswith(".") else r"\s+") + re.escape(word))  # "H.Onno Ruding"
    return "".join(parts)


def _mentions(person: _Person, people: list[_Person], name: tuple[str, ...],
              context: _Context) -> tuple[list[tuple[int, int]], list[str]]:
    """Every place the person is named, and the other surface forms used."""
    surname = name[-1]
    shared = context.surname_counts[folded(surname)] > 1
    forms = sorted(person.forms | ({(surname,)} if not shared else set()), key=len, reverse=True)
    tokens = context.tokens
    taken: set[int] = set()
    spans: list[tuple[int, int]] = []
    for form in forms:
        n = len(form)
        for i in context.by_word.get(form[0], ()):
            if i in taken or tuple(t.text for t in tokens[i:i + n]) != form:
                continue
            if n == 1 and _inside_other_name(tokens, i):
                continue
            taken.update(range(i, i + n))
            spans.append((tokens[i].start, tokens[i + n - 1].end))
    spans += [(s, e) for s, e, word in context.speakers.get((surname[:1], len(surname)), ())
              if word not in context.surnames and one_letter_apart(word, surname)]  # "Rao told" for "Rau"
    spans.sort()
    seen: dict[str, None] = {}
    for s, e in spans:
        seen.setdefault(" ".join(context.text[s:e].split()), None)
    return spans, list(seen)


def _inside_other_name(tokens: list[Token], i: int) -> bool:
    """True when a surname is preceded by another first name ("Theodore Hale" for "Franklin Hale")."""
    if i == 0 or (i >= 2 and tokens[i - 2].text in ".!?"):
        return False
    prev = tokens[i - 1]
    initial = len(prev.text) == 2 and prev.text[1] == "." and prev.text[0].isupper()  # "Robert F. Kennedy"
    return initial or (prev.capitalised and is_name_word(prev) and titles.misspelt_head(prev.text) is None)
