"""Find the named people an article gives a role to: name, title, country or organisation, mentions."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from briefgen.article import Official
from briefgen.extract import countries, titles
from briefgen.extract.names import folded, is_name_word, is_place_or_thing, name_run, one_letter_apart, same_person
from briefgen.extract.roles import Role, country_ending_at, country_starting_at
from briefgen.extract.sightings import SPEECH, Sighting, find_sightings
from briefgen.extract.tokens import Token, sentence_spans, tokenize, word_set

_SPEAKER = re.compile(r"(?<![\w-])([A-Z][a-z]+)\s+([a-z]+)")
# Role words that mark a role outside government, whose country is not guessed from the context.
_NON_GOVERNMENT = word_set("union strike rebel student protest church business company team")
_REGNAL_ORG = {"pope": "Catholic Church"}
_DETERMINERS = word_set("the a an its their his her")
# Verbs of setting off, after which "for" names a destination ("leaves for Washington").
_DEPARTURES = word_set("leave leaves left leaving head heads headed heading bound depart departs departed set sets")
# Nouns for groups of people that a country before them qualifies ("US senators", "Russian troops").
_PEOPLE = word_set("""
officials senators lawmakers legislators congressmen diplomats envoys negotiators leaders ministers
delegates sources spokesmen analysts troops soldiers forces peacekeepers nationals citizens voters
""")
# Words before a role that put its holding in the past or the future ("the deposed President").
_PAST = word_set("former deposed ousted toppled exiled late then previous outgoing incoming ex")
# Words before a country that make it the object of the clause ("sending arms to Cuba", "better than
# Mexico's"), not the person's; "of", "for" and "by" are left out because they as often give the owner
# ("a review of U.S. embassy security", "signed the accord for Mexico").
_OBJECT_MARKERS = word_set("""
to in into onto on at from near against with toward towards across over about between through
within inside outside along beyond via than like unlike
""")


class _Cue(NamedTuple):
    """A country the context suggests for a person, and how close to the name it was found."""

    strength: int
    """Named before the name in its sentence (3), after it (2), in the two sentences before (1), anywhere (0)."""
    country: str | None
    of_others: bool
    """True when the country qualifies other people ("US senators"), which says little about this person."""


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
    """What the later steps need to know about the whole article, worked out once."""

    text: str
    tokens: list[Token]
    token_at: dict[int, int]
    """Token index by start offset."""
    sentences: list[tuple[int, int]]
    places: list[tuple[int, str]]
    """(offset, country) of every country named, people's names left out."""
    speakers: dict[tuple[str, int], list[tuple[int, int, str]]]
    """(start, end, word) of each capitalised word followed by a speech verb ("Rao told"),
    by first letter and length."""
    surnames: frozenset[str]
    """The last word of every name form of every person found."""
    by_word: dict[str, list[int]]
    """Indices of the word tokens, by their text."""
    surname_counts: Counter[str]
    """How many people share each surname (without accents)."""
    claims: list[tuple[int, int, int]]
    """(start, end, id of the person) of every role phrase with its name: the countries inside are that person's."""
    bodies: list[tuple[int, str]]
    """(offset, body) of every international body named ("NATO")."""
    sentence_starts: list[int]
    place_offsets: list[int]
    body_offsets: list[int]
    claim_starts: list[int]
    """Sorted offsets of the lists above, so that lookups near a position take log time (long texts)."""
    overall: Counter[str]
    """How often the article names each country."""


def find_officials(text: str, published: dt.date | None,
                   extra_titles: tuple[str, ...] = ()) -> tuple[Official, ...]:
    """Return one Official per named person that the text gives a role, in order of first mention.

    A role is found before the name ("Kremlin spokesman Dmitry Peskov"), after it
    ("Sergei Lavrov, Russia's foreign minister,"), or in an apposition before it
    ("the regional commander, Colonel X"). extra_titles adds a newsroom's title words.
    `published` is accepted for a uniform extractor signature; roles do not depend on it.
    """
    del published
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
    return tuple(_to_official(p, people, context) for p in people)


def _context(text: str, tokens: list[Token], people: list[_Person]) -> _Context:
    masked = text
    for p in people:
        for f in p.forms:  # a name is not a country ("Paulo Lima", "Neil Jordan")
            masked = re.sub(_form_pattern(f), lambda m: "#" * len(m.group()), masked)
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
    claims = [(min(tokens[s.role.first].start, s.start), max(s.end, tokens[s.role.end - 1].end), id(p))
              for p in people for s in p.sightings]
    claims.sort()
    sentences, places, bodies = sentence_spans(text), countries.countries_in(masked), countries.bodies_in(masked)
    return _Context(text, tokens, {t.start: i for i, t in enumerate(tokens)}, sentences, places, speakers, surnames,
                    by_word, Counter(surname for p in people for surname in p.surnames), claims, bodies,
                    [s for s, _e in sentences], [off for off, _c in places], [off for off, _b in bodies],
                    [start for start, _e, _n in claims], Counter(c for _off, c in places))


def _sentence_index(context: _Context, at: int) -> int:
    """Index of the sentence that holds offset `at` (the last one when past the end)."""
    return max(0, min(bisect.bisect_right(context.sentence_starts, at) - 1, len(context.sentences) - 1))


def _places_between(context: _Context, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, country) of the countries named in [start, end)."""
    lo = bisect.bisect_left(context.place_offsets, start)
    hi = bisect.bisect_left(context.place_offsets, end)
    return context.places[lo:hi]


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
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        end = name_run(tokens, i, text)
        if end == i:
            i += 1
            continue
        if end - i > 1 and i > 0 and tokens[i - 1].text not in ".!?\"“”" \
                and folded(tokens[end - 1].text) in by_surname and not is_place_or_thing(tokens, i, end, i):
            form = tuple(t.text for t in tokens[i:end])
            for p in by_surname.get(folded(form[-1]), ()):
                longer = [f for f in p.forms if len(f) > 1] or list(p.forms)
                if all(same_person(form, f) for f in longer):
                    p.add_form(form)  # "Theodore Roosevelt" is not "Franklin Delano Roosevelt"
                    break
        i = end


def _to_official(person: _Person, people: list[_Person], context: _Context) -> Official:
    name = max(sorted(person.forms), key=len)  # sorted: the same name whatever the set's order
    role = _best_role(person)
    mentions, variants = _mentions(person, people, name, context)
    full = [" ".join(context.text[s:e].split()) for s, e in mentions]
    shown = next((w for w in full if w.replace(" ", "") == "".join(name)), " ".join(name))  # as written
    regnal = next((s.regnal for s in person.sightings if s.regnal), None)
    if regnal and regnal not in variants:
        variants.append(regnal)
    org = _org(person, people, context, mentions)
    return Official(shown, role.title, org, tuple(v for v in variants if v != shown), tuple(mentions))


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
    return prev.capitalised and is_name_word(prev) and titles.misspelt_head(prev.text) is None


def _org(person: _Person, people: list[_Person], context: _Context,
         mentions: list[tuple[int, int]]) -> str | None:
    """The country or organisation: stated with the role, by a possessive, or from the context."""
    for s in person.sightings:
        if s.role.country:
            return s.role.country
    for s in person.sightings:
        if s.role.org:
            return titles.ORG_ALIASES.get(s.role.org, s.role.org)
    tokens = context.tokens
    for start, _end in mentions:
        i = context.token_at.get(start)
        if i is not None and i >= 2 and tokens[i - 1].text in ("'s", "’s"):
            found = country_ending_at(tokens, i - 2)
            if found is not None:
                return found[1]
    for s in person.sightings:
        if s.role.owner is not None:
            owner = tokens[s.role.owner].text
            for p in people:
                if p is not person and any(f[-1] == owner for f in p.forms):
                    return _org(p, [], context, [])
        head = titles.head_of(s.role.title)
        if head in _REGNAL_ORG:
            return _REGNAL_ORG[head]
    role = _best_role(person)
    if titles.heads_a_body(role.title) and not any(
            s.role.end < len(tokens) and tokens[s.role.end].lower == "of" for s in person.sightings):
        return _body_named_before(context, person.sightings[0].start)  # not "of the Turkish General Staff"
    words = role.title.lower().split()
    head = titles.singular(titles.head_of(role.title))
    if (head not in titles.GOVERNMENT_HEADS and not role.rank_only) or set(words) & _NON_GOVERNMENT:
        return None
    if head in ("president", "vice-president") and role.title[:1].islower() \
            and all(s.role.title[:1].islower() for s in person.sightings):
        return None  # "Kjell Nilsson, president of ...": a company's as often as a country's
    evidence = [_country_from_context(context, s, id(person)) for s in person.sightings]
    if role.title.lower() in titles.ONE_PER_COUNTRY:
        return _sole_holder_country(person, people, context, evidence, role.title.lower())
    strength, country, _of_others = max(evidence, key=lambda g: g.strength)
    by_role, sure = titles.country_of_role(role.title)
    return by_role if by_role is not None and (sure or strength < 3) else country


def _country_from_context(context: _Context, sighting: Sighting, me: int) -> _Cue:
    """The country named nearest before the sighting in its sentence, else after it, else nearby, else overall.

    After the name, a country inside a later person's role phrase is that person's ("X said he
    expected Russian President Y"), and one that is the object of a preposition is where things
    go, not whose the person is ("sending arms to Cuba").
    """
    at = sighting.start
    spans = context.sentences
    index = _sentence_index(context, at)
    s, e = spans[index]
    found = _places_between(context, s, e)
    before = [(off, c) for off, c in found if off < at]
    if before:
        return _Cue(3, before[-1][1], _qualifies_people(context, before[-1][0]))
    after = _not_objects(context, [(off, c) for off, c in found
                                   if off > sighting.end and not _claimed(context, off, me)])
    if after:
        return _Cue(2, after[0][1], False)  # after the name, "said British nationals ..." is often his own
    window = _places_between(context, spans[max(0, index - 2)][0], s)
    if window:
        counts = Counter(c for _off, c in window)
        best = max(counts.values())
        return _Cue(1, next(c for _off, c in reversed(window) if counts[c] == best), False)
    overall = context.overall
    return _Cue(0, overall.most_common(1)[0][0] if overall else None, False)


def _qualifies_people(context: _Context, off: int) -> bool:
    """True when the country at `off` is followed by a noun for a group of people ("US senators")."""
    i = context.token_at.get(off)
    if i is None:
        return False
    found = country_starting_at(context.tokens, i)
    j = i + (found[0] if found is not None else 1)
    return j < len(context.tokens) and context.tokens[j].lower in _PEOPLE


def _sole_holder_country(person: _Person, people: list[_Person], context: _Context,
                         evidence: list[_Cue], title: str) -> str | None:
    """The country of a role with one holder per country ("President X"), or None when the text leaves it open.

    Never a country whose holder of the role is named alongside ("President X said he expected
    Russian President Y ..."). A country named in the same sentence counts, unless it came before
    the name only qualifying other people and is named nowhere else ("a bill by US senators would
    target President X"). When another country's holder is named alongside, one from further away
    counts only if the article names no other country more often, nor as often but more often
    other than as the object of a preposition ("crossing into Ukraine").
    """
    taken = _held_nearby(person, people, context, title)
    named = Counter(c for _off, c in context.places if c not in taken)
    acting = Counter(c for _off, c in _not_objects(context, context.places))
    for cue in sorted(evidence, key=lambda c: -c.strength):
        c = cue.country
        if c is None or c in taken:
            continue
        if cue.strength >= 2 and not (cue.of_others and named[c] <= 1):
            return c
        if cue.strength < 2 and not (taken and any((n, acting[o]) > (named[c], acting[c])
                                                   for o, n in named.items())):
            return c
    ranked = named.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _held_nearby(person: _Person, people: list[_Person], context: _Context, title: str) -> set[str]:
    """Countries whose holder of `title` is someone else, named in the same or next sentence as this person."""
    tokens = context.tokens
    if any(s.role.title_first > 0 and tokens[s.role.title_first - 1].lower in _PAST for s in person.sightings):
        return set()  # "the country's deposed President X" held it before the one named alongside
    starts = context.sentence_starts
    mine = {bisect.bisect_right(starts, s.start) for s in person.sightings}
    return {s.role.country for p in people if p is not person for s in p.sightings
            if s.role.country and s.role.title.lower() == title and not _org_in_role(context, s.role)
            and any(abs(bisect.bisect_right(starts, s.start) - k) <= 1 for k in mine)}


def _org_in_role(context: _Context, role: Role) -> bool:
    """True when an organisation stands between the country and the role ("Venezuelan Central Bank President")."""
    return any(t.capitalised and t.lower in titles.ORG_WORDS for t in context.tokens[role.first:role.title_first])


def _body_named_before(context: _Context, at: int) -> str | None:
    """The international body named last before `at`, in its sentence or the two before ("NATO sent ...")."""
    spans = context.sentences
    start = spans[max(0, _sentence_index(context, at) - 2)][0]
    lo, hi = bisect.bisect_left(context.body_offsets, start), bisect.bisect_left(context.body_offsets, at)
    before = [body for _off, body in context.bodies[lo:hi]]
    return before[-1] if before else None


def _claimed(context: _Context, off: int, me: int) -> bool:
    """True when a country lies in the role phrase of a person other than `me`."""
    i = bisect.bisect_right(context.claim_starts, off)
    while i > 0 and context.claims[i - 1][0] > off - 400:  # role phrases are short
        start, end, n = context.claims[i - 1]
        if start <= off < end and n != me:
            return True
        i -= 1
    return False


def _not_objects(context: _Context, places: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The countries of `places` that are not the object of a preposition, nor listed after one ("to Cuba or Peru")."""
    tokens = context.tokens
    kept: list[tuple[int, str]] = []
    object_end = -1
    for off, country in places:
        i = context.token_at.get(off)
        if i is None or i == 0:
            kept.append((off, country))
            continue
        while i >= 2 and tokens[i - 1].lower in _DETERMINERS:
            i -= 1  # "with the United States"
        while i >= 3 and tokens[i - 1].text in ("'s", "’s") and tokens[i - 2].capitalised:
            i -= 2  # "to Friday's Iran attack"
        prev = tokens[i - 1]
        listed = prev.lower in ("or", "and", ",") and i >= 2 and tokens[i - 2].end == object_end
        travel = prev.lower == "for" and i >= 2 and tokens[i - 2].lower in _DEPARTURES  # "leaves for Washington"
        if prev.lower in _OBJECT_MARKERS or listed or travel:
            j = context.token_at[off]
            found = country_starting_at(tokens, j)
            object_end = tokens[j + found[0] - 1].end if found is not None else tokens[j].end
            continue
        kept.append((off, country))
    return kept
