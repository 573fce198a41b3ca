"""Whose official is a person: the country or organisation the text states, or clearly implies, for a role.

Precision first: a wrong country is worse than none. A country counts when the role phrase names it
("Russian Foreign Minister", "mayor of London", "Moldova's foreign minister"), when a mention
says so ("Russia's Ryabkov"), or when it is the only country the context could mean: the only
one acting (not the object of a preposition, not a topic like "the Iraq war") in the sentence
where the person speaks and the one before, or in the whole article. Countries inside other
people's role phrases are theirs, and a country whose president is someone else named in the
article is not this president's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefgen.extract import countries, titles
from briefgen.extract.countries import Gazetteer, Place
from briefgen.extract.roles import CUT_NAME_WORDS, Role, country_ending_at, country_starting_at, names_a_body
from briefgen.extract.sightings import Sighting
from briefgen.extract.tokens import Token, word_set

# Role words that mark a role outside government, whose country is not guessed from the context.
_NON_GOVERNMENT = word_set("union strike rebel student protest church business company team party club exchange")
_REGNAL_ORG = {"pope": "Catholic Church"}
_DETERMINERS = word_set("the a an its their his her")
# Verbs of setting off, after which "for" names a destination ("leaves for Washington").
_DEPARTURES = word_set("leave leaves left leaving head heads headed heading bound depart departs departed set sets")
# Words before a country that make it the object of the clause ("sending arms to Cuba", "better than
# Mexico's"), not an actor; "of", "for" and "by" are left out because they as often give the owner
# ("a review of U.S. embassy security", "signed the accord for Mexico").
_OBJECT_MARKERS = word_set("""
to in into onto on at from near against with toward towards across over about between through
within inside outside along beyond via than like unlike throughout around
""")
# Verbs whose object is a country acted upon, not acting ("if Moscow invades Ukraine", "visited Iraq").
_OBJECT_VERBS = word_set("""
invade invades invaded invading attack attacks attacked attacking visit visits visited visiting tour tours
toured touring bomb bombs bombed bombing enter enters entered entering reach reaches reached reaching
leave leaves left leaving flee flees fled fleeing accuse accuses accused accusing blame blames blamed
blaming sanction sanctions sanctioned sanctioning occupy occupies occupied occupying annex annexed annexing
""")
# Nouns after a country name that make it a topic, not an actor ("the Iraq war", "the Downing Street grid").
_TOPICS = word_set("""
war wars conflict crisis invasion issue question policy debate inquiry deal talks summit trip visit tour
controversy affair dossier border campaign election elections vote referendum team squad embassy consulate
grid dollar dollars market markets economy exports imports trade holiday visa visas route routes
""")
# Nouns for people or government after a demonym that make it an actor ("Canadian officials").
_ACTORS = word_set("""
officials official senators lawmakers legislators congressmen diplomats diplomat envoys negotiators leaders
leader ministers minister delegates delegation sources spokesmen spokesman analysts troops soldiers forces
peacekeepers nationals citizens voters government authorities authority administration army navy military
police president prime parliament cabinet embassy side state regime officers premier king queen
""")
# Words that open a subordinate clause: a person after one is not the subject of the clause before.
_SUBORDINATORS = word_set("after before when while because since until although though unless whereas who which "
                          "whose whom where if once")
_NEAREST = 16
"""How many sightings and mentions of a person, or people sharing a name, the lookup reads."""
# Words before a role that make its holder someone acted upon or spoken for ("a letter for President X").
_FOR_OTHERS = word_set("for by versus than")
# Words before "of" that make the country itself, not a body named after it ("the Republic of Korea").
_STATE_WORDS = word_set("republic kingdom state states government administration emirate sultanate federation")
# Words of domestic British politics: a country the text implies without naming it.
_UK_WORDS = re.compile(r"\b(?:Labour|Tory|Tories|Westminster|Holyrood|Lib Dems?)\b")


@dataclass(frozen=True)
class Evidence:
    """What the article says about places, worked out once for every person in it."""

    tokens: Sequence[Token]
    token_at: dict[int, int]
    """Token index by start offset."""
    sentence_starts: list[int]
    places: list[Place]
    """Every country named, people's names left out."""
    acting: list[bool]
    """For each place: True when it acts in its clause, not an object, topic or modifier."""
    claimed: list[int | None]
    """For each place: the person whose role phrase holds it, or None."""
    bodies: list[tuple[int, str]]
    """(offset, body) of every international body named ("NATO")."""
    uk_words: bool
    """True when the text speaks of British politics (Labour, the Commons) without naming a country."""
    place_starts: list[int]
    """The start offsets of `places`, for bisecting."""
    unclaimed: frozenset[str]
    """The countries named outside anyone's role phrase."""
    claimed_by: dict[int, frozenset[str]]
    """The countries inside each person's own role phrases."""
    mentioned: dict[int, frozenset[int]]
    """The people named in each sentence (by sentence index)."""
    held: dict[tuple[str, str], frozenset[int]]
    """(one-per-country title, country) -> the people stated to hold it there ("Russian President")."""
    by_surname: dict[str, tuple[int, ...]]
    """The people whose name forms end in each word."""
    body_starts: list[int]
    person_words: frozenset[str]
    """Words that end a person's name in the text: "Trump spokesman" is not a company's."""
    home: str | None = None
    """The country the article is about, when one clearly dominates the countries it names."""
    unstated: dict[str, int] | None = None
    """How many people hold each title (lower case) with no country or organisation written with it."""
    text: str = ""
    full_names: dict[str, str] = field(default_factory=dict)
    """The fullest form the text gives each company's name (`full_names`), worked out the first time an
    organisation is shown (most texts name none); the key "" marks it done."""


@dataclass(frozen=True)
class Holder:
    """A person as the lookup sees them: their sightings (role phrases with the name) and mentions."""

    key: int
    sightings: tuple[Sighting, ...]
    mentions: tuple[tuple[int, int], ...]
    role: Role
    """The best of their roles."""
    forms: frozenset[tuple[str, ...]]


def gather_evidence(text: str, tokens: Sequence[Token], sentence_starts: list[int], masked: str,
                    holders: Sequence[Holder], places: Gazetteer,
                    person_words: frozenset[str] = frozenset()) -> Evidence:
    """Places and bodies of the text (names masked out of `masked`), with who holds and who acts."""
    token_at = {t.start: i for i, t in enumerate(tokens)}
    found = [p for p in places.places_in(masked) if not _inside_a_name(p, tokens, token_at)]
    if any(p.name == "United States" for p in found) or any(countries.is_us_state(t.text) for t in tokens):
        found = [p for p in found if p.name != "Georgia"]  # the state, in American news
    claims = sorted((min(tokens[s.role.first].start, s.start), max(s.end, tokens[s.role.end - 1].end), h.key)
                    for h in holders for s in h.sightings)
    claimed = _claims_of(found, claims)
    for n, p in enumerate(found):  # "the Pakistani president met X": the demonym is that president's
        i = token_at.get(p.start)
        if claimed[n] is None and p.kind == "demonym" and i is not None and i + 1 < len(tokens) \
                and titles.is_head(tokens[i + 1].lower, titles.HEADS):
            claimed[n] = -1
    acting = _acting(found, tokens, token_at, places)
    uk = _UK_WORDS.search(text) is not None
    claimed_by: dict[int, set[str]] = {}
    for p, key in zip(found, claimed, strict=True):
        if key is not None:
            claimed_by.setdefault(key, set()).add(p.name)
    mentioned: dict[int, set[int]] = {}
    held: dict[tuple[str, str], set[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for h in holders:
        for m, _e in h.mentions:
            mentioned.setdefault(max(0, bisect.bisect_right(sentence_starts, m) - 1), set()).add(h.key)
        for s in h.sightings:
            title = s.role.title.lower()
            if s.role.country and title in titles.ONE_PER_COUNTRY and not _past(tokens, s.role) \
                    and not _org_in_role(tokens, s.role):
                held.setdefault((title, s.role.country), set()).add(h.key)
        for form in h.forms:
            by_surname.setdefault(form[-1], []).append(h.key)
    bodies = places.bodies_in(masked)
    topics = _topics(found, tokens, token_at, places)
    unclaimed = frozenset(p.name for p, k, topic in zip(found, claimed, topics, strict=True)
                          if k is None and not topic)
    counts = Counter(p.name for p, k, topic, acts in zip(found, claimed, topics, acting, strict=True)
                     if k is None and not topic and acts)  # "sanctions against Fiji": the object is no one's home
    unstated = Counter(h.role.title.lower() for h in holders
                       if not any(s.role.country or s.role.org or s.role.party for s in h.sightings[:_NEAREST]))
    return Evidence(tokens, token_at, sentence_starts, found, acting, claimed, bodies, uk,
                    [p.start for p in found], unclaimed,
                    {k: frozenset(v) for k, v in claimed_by.items()}, {k: frozenset(v) for k, v in mentioned.items()},
                    {k: frozenset(v) for k, v in held.items()}, {k: tuple(v) for k, v in by_surname.items()},
                    [off for off, _b in bodies], frozenset(by_surname) | person_words, _home(counts, uk),
                    dict(unstated), text)


def _home(counts: Counter[str], uk_words: bool) -> str | None:
    """The country an article is about: named at least three times and twice as often as any other,
    or the most named when the text speaks of British politics and that is the United Kingdom."""
    ranked = counts.most_common(2)
    if not ranked:
        return "United Kingdom" if uk_words else None
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 3 and n >= 2 * second:
        return top
    return top if uk_words and top == "United Kingdom" and n > second else None


def _inside_a_name(p: Place, tokens: Sequence[Token], token_at: dict[int, int]) -> bool:
    """True for a place inside a longer name: "the Paris Club", "George Washington", "the Bank of Japan"."""
    i = token_at.get(p.start)
    if i is None:
        return False
    if i >= 1 and "-" in tokens[i - 1].text and countries.is_us_state(
            f"{tokens[i - 1].text.rsplit('-', 1)[-1]} {p.name}"):
        return True  # "then-New Jersey": the state, not the island
    if i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].capitalised \
            and tokens[i - 2].lower in titles.ORG_WORDS - _STATE_WORDS:
        return True
    if p.kind != "capital":
        return False
    j = i + 1
    while j < len(tokens) and tokens[j].start < p.end:
        j += 1
    before = i > 0 and tokens[i - 1].capitalised and not (i > 1 and tokens[i - 2].text in ".!?\"“")
    after = j < len(tokens) and tokens[j].capitalised
    return before or after


def _claims_of(found: list[Place], claims: list[tuple[int, int, int]]) -> list[int | None]:
    """For each place, the person whose role phrase (a span in `claims`, sorted) holds it."""
    starts = [c[0] for c in claims]
    out: list[int | None] = []
    for p in found:
        i = bisect.bisect_right(starts, p.start)
        owner = None
        for start, end, key in reversed(claims[max(0, i - 4):i]):  # role phrases are short and rarely nest
            if start <= p.start < end:
                owner = key
                break
        out.append(owner)
    return out


def _topics(found: list[Place], tokens: Sequence[Token], token_at: dict[int, int], places: Gazetteer) -> list[bool]:
    """For each place, whether it is only a topic: inside a word ("Iran-contra") or before a topic ("the Iraq war")."""
    out = []
    for p in found:
        i = token_at.get(p.start)
        if i is None:
            out.append(True)
            continue
        here = country_starting_at(tokens, i, places)
        j = i + (here[0] if here is not None else 1)
        out.append(tokens[j - 1].end != p.end or (j < len(tokens) and tokens[j].lower in _TOPICS
                                                  and tokens[j].text.islower()))
    return out


def _acting(found: list[Place], tokens: Sequence[Token], token_at: dict[int, int], places: Gazetteer) -> list[bool]:
    """For each place, whether it acts in its clause rather than being an object, a topic or a modifier."""
    out = []
    object_end = -1
    for p in found:
        i = token_at.get(p.start)
        if i is None:
            out.append(False)
            continue
        found_here = country_starting_at(tokens, i, places)
        j = i + (found_here[0] if found_here is not None else 1)
        if tokens[j - 1].end != p.end:
            out.append(False)  # "French-controlled", "U.S.-Japanese": a modifier inside a word
            continue
        k = i
        while k >= 2 and i - k < 3 and tokens[k - 1].lower in _DETERMINERS:
            k -= 1  # "with the United States"
        while k >= 3 and i - k < 6 and tokens[k - 1].text in ("'s", "’s") and tokens[k - 2].capitalised:
            k -= 2  # "to Friday's Iran attack"
        prev = tokens[k - 1] if k > 0 else None
        listed = prev is not None and prev.lower in ("or", "and", ",") and k >= 2 and tokens[k - 2].end == object_end
        travel = prev is not None and prev.lower == "for" and k >= 2 and tokens[k - 2].lower in _DEPARTURES
        if prev is not None and (prev.lower in _OBJECT_MARKERS or prev.lower in _OBJECT_VERBS or listed or travel):
            object_end = tokens[j - 1].end
            out.append(False)
            continue
        nxt = tokens[j] if j < len(tokens) else None
        if nxt is not None and nxt.lower in _TOPICS and nxt.text.islower():
            out.append(False)  # "the Iraq war"
            continue
        if p.kind == "demonym" and not p.name.endswith("s") and nxt is not None and nxt.text[0].islower() \
                and nxt.lower not in _ACTORS and not tokens[i].text.endswith("s"):
            out.append(False)  # "the Russian economy", "Romanian exports": a country's things, not the country
            continue
        out.append(True)
    return out


def org_of(holder: Holder, holders: Sequence[Holder], ev: Evidence, places: Gazetteer) -> str | None:
    """The country or organisation of a person's role, or None when the text does not make it clear."""
    found = _org_of(holder, holders, ev, places)
    if found is None or found in _KNOWN_ORGS or places.country_of(found) == found or places.body_of(found) == found:
        return found
    if not names_a_body(found) or all(w.lower() in CUT_NAME_WORDS or w.lower() in titles.ORG_WORDS
                                      for w in found.split()):
        return None  # "National Bank", "Central Bank": a name cut from "Swiss National Bank", not a body's own
    if "" not in ev.full_names:
        ev.full_names.update(full_names(ev.text))
        ev.full_names[""] = ""
    return ev.full_names.get(found, found)


# Words of roles held against a state, whose demonym is the holder's nationality, not their organisation
# ("Nicaraguan rebel leader").
_AGAINST_THE_STATE = word_set("rebel rebels guerrilla guerrillas insurgent insurgents militant militants")




# Words of at most 30 characters that start where no word goes on: each match costs a bounded amount.
_SUFFIXED = re.compile(r"(?<![\w&'’-])((?:[A-Z][\w&'’-]{0,30}\s{1,8}){0,3}[A-Z][\w&'’-]{0,30})\s{1,8}"
                       r"(Co|Inc|Corp|Ltd|Plc|PLC|AG|SA|NV|Corporation|Company)\b")
_SPELT_OUT = re.compile(r"(?<![\w&'’-])((?:(?:[A-Z][\w&'’-]{0,30}|of|and|for|on)\s{1,8}){1,7})"
                        r"(?:<[^<>]{1,16}>\s{0,8})?"
                        r"\(([A-Z]{2,6})\)")


def full_names(text: str) -> dict[str, str]:
    """The fullest form the text gives each company name: "Boeing" -> "Boeing Co", "MHI" -> "Mitsubishi Heavy
    Industries Ltd" (from "Mitsubishi Heavy Industries Ltd (MHI)"); the first written wins."""
    out: dict[str, str] = {}
    for m in _SUFFIXED.finditer(text):
        words = m.group(1).split()
        for k in range(len(words)):
            out.setdefault(" ".join(words[k:]), f"{' '.join(words[k:])} {m.group(2)}")
    for m in _SPELT_OUT.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2)
        for k in range(len(words)):  # the shortest tail whose initials spell the acronym: "Leaders of African
            tail = words[k:]  # Union (AU)" is the African Union's
            initials = "".join(w[0] for w in tail if w[0].isupper() and w.lower() not in _OPENERS
                               and w.lower().rstrip(".") not in _COMPANY_ENDS)
            if initials == acronym and tail[0][0].isupper() and tail[0].lower() not in _OPENERS:
                out.setdefault(acronym, " ".join(tail))
                break
    return out


_OPENERS = word_set("the a an but and or in on at by for with from as while when after before since")


_KNOWN_ORGS = frozenset({*(party for _country, party in titles.PARTIES.values()), titles.LIBERAL_DEMOCRATS[1],
                         *_REGNAL_ORG.values()})


# Heads of offices of a state, never of a party, however written ("Labour former minister": the country's).
_OFFICES = word_set("minister ministers premier governor mayor judge justice ambassador envoy prosecutor magistrate "
                    "sheriff attorney-general chancellor speaker")
def _org_of(holder: Holder, holders: Sequence[Holder], ev: Evidence, places: Gazetteer) -> str | None:
    """The org before the check that it names a body."""
    stated = _stated(holder, holders, ev, places)
    if stated is not None:
        return stated
    tied, boss_country = _country_of_his_boss(holder, holders, ev)
    if tied:
        return boss_country  # "French President X, his Prime Minister Y": France, never a country named later
    role = holder.role
    if "shadow" in role.title.lower():
        return None  # a party's post: its org is the party, when the text names it
    if any(w in ("European", "Euro") or places.is_demonym(w) for w in role.title.split()):
        return None  # "European Trade Commissioner": a body or country the title names, not the one nearby
    if _names_a_world_body(role.title):
        return None  # "World Bank President": no country's, whichever country the article is about
    for s in holder.sightings:
        head = titles.head_of(s.role.title)
        if head in _REGNAL_ORG:
            return _REGNAL_ORG[head]
    if titles.heads_a_body(role.title) and not any(
            s.role.end < len(ev.tokens) and ev.tokens[s.role.end].lower == "of" for s in holder.sightings):
        return _body_named_before(ev, holder.sightings[0].start)  # not "of the Turkish General Staff"
    words = role.title.lower().split()
    head = titles.singular(titles.head_of(role.title))
    if (head not in titles.GOVERNMENT_HEADS and not role.rank_only) or set(words) & _NON_GOVERNMENT:
        return None
    if head in ("president", "vice-president") and not any(_head_capitalised(ev, s) for s in holder.sightings):
        return None  # "Kjell Nilsson, president of ...", "Senior vice president X": a company's as often
    by_role, sure = titles.country_of_role(role.title)
    if by_role is not None and sure:
        return by_role
    taken = _held_by_others(holder, ev)
    for s in holder.sightings[:_NEAREST]:
        if _free_standing(ev, s):
            near = _only_country(ev, _nearby(ev, s, holder), holder.key, taken)
            if near is not None and not _after_a_coordinated_country(ev, s, holder.key):
                return near
    named = set(ev.unclaimed | ev.claimed_by.get(holder.key, frozenset()))
    if ev.uk_words:
        named.add("United Kingdom")
    named -= taken
    whole = next(iter(named)) if len(named) == 1 else None
    sightings = holder.sightings[:_NEAREST]
    if whole is not None and not all(_home_is_near(ev, s, whole, holder.key, taken) for s in sightings):
        whole = None  # "meet South Korean President X and Trade Minister Y": another country is right there
    if by_role is not None and whole not in (None, by_role):
        return None
    if whole is None and by_role is None and ev.home is not None and ev.home not in taken \
            and (ev.unstated or {}).get(role.title.lower(), 0) <= 1 \
            and all(_home_is_near(ev, s, ev.home, holder.key, taken, strict=True) for s in sightings) \
            and any(_free_standing(ev, s) and _head_capitalised(ev, s) for s in holder.sightings[:_NEAREST]) \
            and not any(w in titles.ORG_WORDS for w in role.title.lower().split()):  # not "Council President"
        return ev.home  # a national office written bare, in an article about one country: its own; not
        # when two people hold it with no country written (a meeting of two foreign ministers)
    return whole or by_role


# Words that, capitalised before a body's word in a title, make the body one of many countries
# ("World Bank", "Inter-American Development Bank", "Asian Development Bank").
_WORLD_WORDS = word_set("world inter-american development")


def _names_a_world_body(title: str) -> bool:
    """True for a title that names an international body by a capitalised word before the body's word."""
    words = title.split()
    return any(w[0].isupper() and w.lower() in _WORLD_WORDS and nxt[0].isupper() and nxt.lower() in titles.ORG_WORDS
               for w, nxt in zip(words, words[1:], strict=False))


def _party_of_another_country(country: str | None, ev: Evidence) -> bool:
    """Whether a party word's country ("Conservative": Britain's, "Republican": America's) is never named in an
    article that names other countries: the word is then another country's party of that kind."""
    if country is None or not ev.unclaimed or country in ev.unclaimed:
        return False
    return not (country == "United Kingdom" and ev.uk_words)


def _stated(holder: Holder, holders: Sequence[Holder], ev: Evidence, places: Gazetteer) -> str | None:
    """A country or organisation written with the role, by a possessive on a mention, or by the role's owner."""
    ordered = sorted(holder.sightings[:_NEAREST], key=lambda s: s.role != holder.role)  # the best role's first
    for s in ordered:
        head = titles.head_of(s.role.title)
        bare = head.rsplit("-", 1)[-1]  # "ex-minister"
        office = ((head in titles.GOVERNMENT_HEADS and s.role.title.istitle()) or head in titles.LOCAL_HEADS
                  or bare in _OFFICES or (bare not in ("leader", "whip")
                                          and any(w in titles.ORG_WORDS for w in s.role.title.lower().split()))) \
            and "shadow" not in s.role.title.lower()  # a shadow post is the party's; "committee chairman" is not
        if s.role.party and _party_of_another_country(s.role.country, ev):
            return None  # "Conservative opposition leader" in an article naming Greece, never Britain: any
            # country's conservatives, not Britain's party
        if s.role.party and head not in titles.SEATS and not office:
            return s.role.party  # "Tory leader", "Lib Dem president": the party's; "Labour MP", "Republican
            # Governor" (an office, written with capitals): the country's
        if s.role.country and not set(s.role.title.lower().split()) & _AGAINST_THE_STATE:
            return s.role.country
        if s.role.anaphoric:
            return _country_just_named(ev, s)
        firm = _company_just_named(ev, s, places)
        if firm is not None:
            return firm
        governing = _government_just_named(ev, s)
        if governing is not None:
            return governing
    same = [s for s in ordered if s.role.title.lower() == holder.role.title.lower()]  # an org is one role's
    for s in same:
        if s.role.org and not (titles.head_of(s.role.title) in _OFFICES and s.role.org.isupper()
                               and " " not in s.role.org and places.body_of(s.role.org) is None):
            # not "the state's CDU premier": a party's initials before a state office
            return places.body_of(s.role.org) or titles.ORG_ALIASES.get(s.role.org, s.role.org)
    for s in same:
        guess = s.role.org_guess
        led = _led_by_a_country(guess, places) if guess else None
        if led is not None:
            return led  # "White House Budget Chief": the country whose seat opens the words, not a company
        if guess and guess.split()[-1] not in ev.person_words and places.country_of(guess) is None:
            return places.body_of(guess) or titles.ORG_ALIASES.get(guess, guess)  # "Jardine chairman"
        said = _speaker_org(ev, s) or _subject_company(ev, s) or _company_and_its(ev, s) or _body_of_its_word(ev, s)
        if said is not None:
            return said
    tokens = ev.tokens
    for start, _end in holder.mentions[:_NEAREST]:
        i = ev.token_at.get(start)
        if i is not None and i >= 2 and tokens[i - 1].text in ("'s", "’s"):
            found = country_ending_at(tokens, i - 2, places)
            if found is not None:
                return found[1]  # "Russia's Ryabkov"
    for s in holder.sightings[:_NEAREST]:
        if s.role.owner is not None:
            for key in ev.by_surname.get(tokens[s.role.owner].text, ())[:_NEAREST]:
                if key != holder.key:
                    owned = _stated(holders[key], (), ev, places)  # "Kovac's envoy": Kovac's country, not his
                    return owned if owned is not None and places.country_of(owned) == owned else None  # party
    return None


def _country_of_his_boss(holder: Holder, holders: Sequence[Holder], ev: Evidence) -> tuple[bool, str | None]:
    """(True, the country) for "President X ..., his Prime Minister Y": a role written as the nearest person's
    before it in its sentence takes that person's country, when a head of state or government holds it there;
    (True, None) when that person has no country written. (False, None) for a role with no "his" or "her"."""
    tokens = ev.tokens
    for s in holder.sightings[:_NEAREST]:
        if s.role.first < 1 or tokens[s.role.first - 1].lower not in ("his", "her"):
            continue
        at = tokens[s.role.first].start
        k = max(0, bisect.bisect_right(ev.sentence_starts, at) - 1)
        since = ev.sentence_starts[k] if ev.sentence_starts else 0
        before = [(o.end, o) for key in ev.mentioned.get(k, frozenset()) - {holder.key}
                  for o in holders[key].sightings[:_NEAREST] if since <= o.start and o.end <= at]
        if not before:
            continue
        boss = max(before, key=lambda pair: pair[0])[1]
        head = titles.head_of(boss.role.title)
        return True, boss.role.country if head in ("president", "king", "queen", "chancellor", "premier") \
            or boss.role.title.lower() == "prime minister" else None
    return False, None


def _led_by_a_country(words: str, places: Gazetteer) -> str | None:
    """The country whose seat of government opens a longer run of words ("White House Budget"), else None."""
    parts = words.split()
    for n in (2, 1):
        if len(parts) > n:
            found = places.country_of(" ".join(parts[:n]))
            if found is not None and places.kinds.get(" ".join(parts[:n])) in ("metonym", "capital"):
                return found  # a seat of government; not a demonym opening a company's name ("American Express")
    return None


def _speaker_org(ev: Evidence, s: Sighting) -> str | None:
    """The company that opens the sentence in "Magma Power Co said director X ...", for a company role."""
    tokens = ev.tokens
    if titles.head_of(s.role.title) not in titles.COMPANY_HEADS or not s.role.title[:1].islower():
        return None  # a company's officers are written in lower case: not "The White House said President X"
    k = s.role.first - 1
    while k > 0 and s.role.first - k < 8 and tokens[k].lower not in ("said", "says") and tokens[k].text.islower():
        k -= 1  # over "executive vice president and"
    if k <= 0 or tokens[k].lower not in ("said", "says"):
        return None
    last = k
    ticker = k >= 3 and tokens[k - 1].text == ">" and any(tokens[m].text == "<" for m in range(max(0, k - 7), k - 1))
    if ticker:  # "Moulinex <MOUP.PA> said": the wire's stock code after the company's name
        last = next(m for m in range(k - 2, max(0, k - 7) - 1, -1) if tokens[m].text == "<")
    j = last - 1
    while j >= 0 and last - j <= 6 and (tokens[j].capitalised or tokens[j].acronym or tokens[j].text in ("&", "'s")):
        j -= 1
    opens = j < 0 or tokens[j].text in ".!?\"“”" or ev.token_at.get(tokens[j + 1].start, -1) == 0
    described = j >= 0 and tokens[j].lower in _FIRMS  # "appliance maker Moulinex <MOUP.PA> said"
    run = tokens[j + 1:last]
    if not run or not (opens or (described and ticker)) or not (ticker or run[-1].lower in titles.ORG_WORDS) \
            or any(t.lower in titles.HONORIFICS for t in run) or run[-1].text in ev.person_words:
        return None  # not "Mr Lee <LEE.N> said": a person's name
    return " ".join(t.text for t in run)


def _subject_company(ev: Evidence, s: Sighting) -> str | None:
    """The company that is the subject of the sentence a company officer closes as its speaker.

    "Dome Petroleum Ltd's stake is for sale, spokesman X said": the officer speaks for the sentence's
    subject when it is written as a company ("Ltd", "Corp", Reuters' "<...>"), never a person or country.
    """
    tokens = ev.tokens
    i = ev.token_at.get(s.start)
    if titles.head_of(s.role.title) not in titles.COMPANY_HEADS or i is None or s.role.first < 2:
        return None
    end = i
    while end < len(tokens) and tokens[end].end <= s.end:
        end += 1
    closes = tokens[s.role.first - 1].text == "," and end < len(tokens) and tokens[end].lower in ("said", "says",
                                                                                                  "told")
    officer = tokens[s.role.first - 1].lower == "its" or s.role.title[:1].islower()  # "its chairman, X"
    k = max(0, bisect.bisect_right(ev.sentence_starts, s.start) - 1)
    j = ev.token_at.get(ev.sentence_starts[k]) if ev.sentence_starts else 0
    if j is None:
        return None
    bracket = tokens[j].text == "<"
    j += bracket
    if j + 1 < len(tokens) and tokens[j].lower == "the" and tokens[j + 1].acronym:
        j += 1  # "The UAW said"
    m = j
    while m < len(tokens) and m - j < 6 and (tokens[m].capitalised or tokens[m].acronym or tokens[m].text == "&"):
        m += 1
    run = tokens[j:m]
    if not run or m >= len(tokens) or m >= s.role.first:
        return None
    own = m + 2 == s.role.first and tokens[m].lower in ("said", "says") and tokens[m + 1].lower == "its" \
        and countries.country_of(" ".join(t.text for t in run)) is None and run[-1].text not in ev.person_words
    marked = (bracket and tokens[m].text == ">") or run[-1].lower.rstrip(".") in _COMPANY_ENDS or (
        len(run) == 1 and run[0].acronym and officer and countries.country_of(run[0].text) is None) \
        or own  # "The UAW said"; "Acme says its former chairman ...": the subject speaks of its own officer
    if not marked or not (tokens[m].text in (">", "'s", "’s", ",", "<") or tokens[m].text.islower()):
        return None
    speaks = any(t.lower in ("said", "says") for t in tokens[m:m + 4])
    if not (closes or (officer and speaks)):
        return None  # the company's officer closes its sentence, or the company speaks of its own officer
    return " ".join(t.text for t in run)  # ("M/A-Com Inc said ... the post held by president X")


def _company_and_its(ev: Evidence, s: Sighting) -> str | None:
    """The company in "Acme Inc and its president X": the officer joined to his own firm by "and its"."""
    tokens = ev.tokens
    f = s.role.first
    if titles.head_of(s.role.title) not in titles.COMPANY_HEADS or f < 3 or tokens[f - 1].lower != "its" \
            or tokens[f - 2].lower not in ("and", "&"):
        return None
    last = f - 2
    bracket = tokens[last - 1].text == ">"
    if bracket:  # "<Acme Inc> and its president": the wire's mark of a company
        last -= 1
    j = last - 1
    while j >= 0 and last - j <= 6 and (tokens[j].capitalised or tokens[j].acronym or tokens[j].text == "&") \
            and tokens[j].lower not in _OPENERS:
        j -= 1
    run = tokens[j + 1:last]
    if bracket and not (j >= 0 and tokens[j].text == "<"):
        return None
    if not run or not (bracket or run[-1].lower.rstrip(".") in _COMPANY_ENDS) \
            or run[-1].text in ev.person_words or countries.country_of(" ".join(t.text for t in run)) is not None:
        return None  # a company's name ends in "Inc", "Corp", ...; not a person's or a country's
    return " ".join(t.text for t in run)


# Lower-case words for a body that open a role and point back to the body of that kind named before it.
_KIND_WORDS = word_set("exchange union bank company federation association")


def _body_of_its_word(ev: Evidence, s: Sighting) -> str | None:
    """The body "exchange president X" belongs to: the one body its sentence names before the role with that word
    as its last ("The Midland Stock Exchange ..., exchange president X said"); two, or none, leave it unsaid."""
    tokens = ev.tokens
    word = tokens[s.role.title_first]
    if word.lower not in _KIND_WORDS or not word.text.islower() or s.role.org or s.role.country:
        return None
    k = max(0, bisect.bisect_right(ev.sentence_starts, s.start) - 1)
    j = ev.token_at.get(ev.sentence_starts[k], 0) if ev.sentence_starts else 0
    named: set[str] = set()
    for m in range(j, s.role.first):
        if tokens[m].lower == word.lower and tokens[m].capitalised:
            n = m
            while n > j and m - n < 5 and tokens[n - 1].capitalised and tokens[n - 1].lower not in _OPENERS:
                n -= 1
            run = " ".join(t.text for t in tokens[n:m + 1])
            if n < m and tokens[m - 1].text not in ev.person_words and countries.country_of(run) is None:
                named.add(run)  # not "the Soviet Union"
    return next(iter(named)) if len(named) == 1 else None


# Last words that make a name a company's ("Dome Petroleum Ltd", "Royal Trustco Ltd").
_COMPANY_ENDS = word_set("ltd inc corp co plc ag sa nv spa bv gmbh corporation company group holdings bank")


def _company_just_named(ev: Evidence, s: Sighting, places: Gazetteer) -> str | None:
    """The company "the company's commercial director" belongs to: the one company its sentence names before the
    role, written after a word that says what it is ("the oil company Petrobras") or as a company ("Nordvik Co",
    Reuters' "<...>"). Two companies, or none, leave it unsaid."""
    tokens = ev.tokens
    i = s.role.first
    if i < 3 or tokens[i - 1].text not in ("'s", "’s") or tokens[i - 2].lower not in _FIRMS \
            or tokens[i - 3].lower != "the":
        return None
    k = max(0, bisect.bisect_right(ev.sentence_starts, s.start) - 1)
    j = ev.token_at.get(ev.sentence_starts[k], 0) if ev.sentence_starts else 0
    named: set[str] = set()
    while j < i - 3:
        m = j + 1
        described = tokens[j].lower in _FIRMS and tokens[j].text.islower()
        if described or tokens[j].text == "<" or tokens[j].capitalised:
            while m < i - 3 and m - j <= 5 and (tokens[m].capitalised or tokens[m].acronym or tokens[m].text == "&"):
                m += 1
            run = tokens[j + 1:m] if described or tokens[j].text == "<" else tokens[j:m]
            marked = described or (tokens[j].text == "<" and m < len(tokens) and tokens[m].text == ">") \
                or (run and run[-1].lower.rstrip(".") in _COMPANY_ENDS)
            words = " ".join(t.text for t in run)
            if run and marked and places.country_of(words) is None and run[-1].text not in ev.person_words:
                named.add(words)
        j = max(m, j + 1)
    return next(iter(named)) if len(named) == 1 else None


# Nouns for a company that "the company's" and "the group's" point back to ("the oil company Petrobras").
_FIRMS = word_set("company group firm bank concern carrier maker producer manufacturer")


def _government_just_named(ev: Evidence, s: Sighting) -> str | None:
    """The country of "government spokesman X" when its sentence names one government ("the West German
    government's council ..., government spokesman X said"); two governments, or none, leave it unsaid."""
    if "government" not in s.role.title.lower().split() or s.role.country or s.role.org:
        return None
    starts = ev.sentence_starts
    k = max(0, bisect.bisect_right(starts, s.start) - 1)
    lo = bisect.bisect_left(ev.place_starts, starts[k] if starts else 0)
    hi = bisect.bisect_left(ev.place_starts, starts[k + 1] if k + 1 < len(starts) else ev.tokens[-1].end + 1)
    named = set()
    for p in ev.places[lo:min(hi, lo + _NEAREST)]:
        i = ev.token_at.get(p.start)
        while i is not None and i + 1 < len(ev.tokens) and ev.tokens[i + 1].start < p.end:
            i += 1  # the place's last token
        if i is not None and i + 1 < len(ev.tokens) and ev.tokens[i + 1].lower == "government":
            named.add(p.name)
    return next(iter(named)) if len(named) == 1 else None


def _country_just_named(ev: Evidence, s: Sighting) -> str | None:
    """The country "the country's" refers to: the one named in the sentence up to the role and the one before."""
    starts = ev.sentence_starts
    k = max(0, bisect.bisect_right(starts, s.start) - 1)
    lo = bisect.bisect_left(ev.place_starts, starts[max(0, k - 1)] if starts else 0)
    hi = bisect.bisect_left(ev.place_starts, ev.tokens[s.role.first].start)
    names = {ev.places[i].name for i in range(max(lo, hi - 8), hi)}
    return next(iter(names)) if len(names) == 1 else None


def _held_by_others(holder: Holder, ev: Evidence) -> set[str]:
    """Countries whose holder of this person's one-per-country role is someone else in the article."""
    title = holder.role.title.lower()
    if title not in titles.ONE_PER_COUNTRY or any(_past(ev.tokens, s.role) for s in holder.sightings[:_NEAREST]):
        return set()  # "the country's deposed President X" held it before the one named alongside
    return {country for (t, country), keys in ev.held.items() if t == title and keys - {holder.key}}


def _past(tokens: Sequence[Token], role: Role) -> bool:
    """True for a role held before or after now ("former President", "the deposed President")."""
    return role.title_first > 0 and tokens[role.title_first - 1].lower in titles.PAST


def _org_in_role(tokens: Sequence[Token], role: Role) -> bool:
    """True when an organisation stands between the country and the role ("Venezuelan Central Bank President")."""
    return any(t.capitalised and t.lower in titles.ORG_WORDS for t in tokens[role.first:role.title_first])


def _free_standing(ev: Evidence, s: Sighting) -> bool:
    """False when the person is a possessor or the object of a preposition ("welcomed President X's plan")."""
    tokens = ev.tokens
    i = ev.token_at.get(s.start)
    if i is None:
        return False
    end = i
    while end < len(tokens) and tokens[end].end <= s.end:
        end += 1
    first = min(s.role.first, i)
    if first > 0 and tokens[first - 1].lower in _OBJECT_MARKERS | _FOR_OTHERS:
        return False
    return not (end < len(tokens) and tokens[end].text in ("'s", "’s"))


def _head_capitalised(ev: Evidence, s: Sighting) -> bool:
    """True when the role's head word is capitalised as an office ("Finance Minister", not "vice president")."""
    i = s.role.end - 1
    while i > s.role.title_first and not ev.tokens[i].text[0].isalpha():
        i -= 1
    after = ev.tokens[s.role.end].lower if s.role.end < len(ev.tokens) else ""
    return after not in ("of", "at", "for") and ev.tokens[min(i, len(ev.tokens) - 1)].text[:1].isupper() \
        and ev.tokens[s.role.title_first].text[:1].isupper()  # not "Vice President for ... at Chase Econometrics"


def _after_a_coordinated_country(ev: Evidence, s: Sighting, me: int) -> bool:
    """True when the role follows "and" or a comma right after another person's role that names a country
    ("South Korean President X and Trade Minister Y"): the demonym may be both roles'."""
    first = s.role.first
    if first < 1 or ev.tokens[first - 1].lower not in ("and", ","):
        return False
    at = ev.tokens[first - 1].start
    i = bisect.bisect_left(ev.place_starts, at)
    return any(ev.claimed[n] not in (None, me) and at - ev.places[n].start < 80 for n in range(max(0, i - 2), i))


def _home_is_near(ev: Evidence, s: Sighting, home: str, me: int, taken: set[str], strict: bool = False) -> bool:
    """False when the sighting's sentence or the one before names a country other than `home` that may be
    this person's: not one inside another person's role, unless this role is coordinated with it ("meet
    South Korean President X and Trade Minister Y": Y may be South Korea's, whatever the article is about)."""
    starts = ev.sentence_starts
    k = max(0, bisect.bisect_right(starts, s.start) - 1)
    lo = bisect.bisect_left(ev.place_starts, starts[max(0, k - 1)] if starts else 0)
    hi = bisect.bisect_left(ev.place_starts, starts[k + 1] if k + 1 < len(starts) else ev.tokens[-1].end + 1)
    coordinated = strict or (s.role.first > 0 and ev.tokens[s.role.first - 1].lower in ("and", ","))
    return all(ev.places[i].name == home or ev.places[i].name in taken
               or (ev.claimed[i] not in (None, me) and not coordinated)
               for i in range(lo, min(hi, lo + _NEAREST)))


def _nearby(ev: Evidence, s: Sighting, holder: Holder) -> list[int]:
    """Indices of the places before the sighting in its clause, and the subject of the sentence before
    when it is a country and no one else is named there ("Kenya's economy grew. Finance Minister X said")."""
    starts = ev.sentence_starts
    k = max(0, bisect.bisect_right(starts, s.start) - 1)
    first = min(ev.tokens[s.role.first].start, s.start)
    lo = bisect.bisect_left(ev.place_starts, starts[k] if starts else 0)
    hi = bisect.bisect_left(ev.place_starts, first)
    lo = max(lo, hi - 4)  # the clause before a name holds a few places at most
    found = [i for i in range(lo, hi) if _same_clause(ev, ev.places[i], s)]
    others = [i for i in range(lo, hi) if ev.claimed[i] not in (None, holder.key)]
    if others:  # "before the U.S. acts, Japan's ambassador told Foreign Minister X": a country named before
        found = [i for i in found if i > others[-1]]  # another person's role is no more X's than theirs
    if k == 0:
        return found
    begin = starts[k - 1]
    if ev.mentioned.get(k - 1, frozenset()) - {holder.key}:
        return found
    i = bisect.bisect_left(ev.place_starts, begin)
    j = ev.token_at.get(begin)
    while j is not None and j < len(ev.tokens) and (ev.tokens[j].lower == "the"
                                                     or not ev.tokens[j].text[0].isalnum()):
        j += 1  # "The Kremlin said", "“Kenya ..."
    if i < lo and j is not None and j < len(ev.tokens) and ev.places[i].start == ev.tokens[j].start \
            and len({ev.places[n].name for n in range(i, lo)}) == 1:
        return [i, *found]  # not "Ethiopia and Djibouti sent envoys": one country, the subject
    return found


def _same_clause(ev: Evidence, place: Place, s: Sighting) -> bool:
    """False when a subordinating word or a dash stands between a place and the role after it
    ("France led the force in Ivory Coast after President X broke the truce": X is not France's)."""
    i = ev.token_at.get(place.start, 0)
    first = ev.token_at.get(min(ev.tokens[s.role.first].start, s.start), i)
    if first - i > 40:
        return False  # too far to be one clause
    between = ev.tokens[i + 1:first]
    return not any((t.lower in _SUBORDINATORS and k + 1 < len(between) and between[k + 1].text[0].isalnum())
                   or t.text in ("-", "–", "—", ";", "(") for k, t in enumerate(between))


def _only_country(ev: Evidence, indices: Sequence[int], me: int, taken: set[str], uk: bool = False,
                  acting_only: bool = True) -> str | None:
    """The one country (acting, unless `acting_only` is False) among the places at `indices`, outside
    other people's roles and `taken`, else None. `uk` counts British politics words ("Labour") as the UK.
    """
    names = {ev.places[i].name for i in indices if (ev.acting[i] or not acting_only) and ev.claimed[i] in (None, me)}
    if uk:
        names.add("United Kingdom")
    names -= taken
    return next(iter(names)) if len(names) == 1 else None


def _body_named_before(ev: Evidence, at: int) -> str | None:
    """The international body named last before `at`, in its sentence or the two before ("NATO sent ...")."""
    starts = ev.sentence_starts
    k = max(0, bisect.bisect_right(starts, at) - 1)
    start = starts[max(0, k - 2)] if starts else 0
    i = bisect.bisect_left(ev.body_starts, at)
    return ev.bodies[i - 1][1] if i > 0 and ev.bodies[i - 1][0] >= start else None
