"""Find names written next to a role: before it, after it, in an apposition, or in the next sentence."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from briefgen.extract import countries, names, titles
from briefgen.extract.countries import BUILT_IN, Gazetteer
from briefgen.extract.names import BLANK_LINE, SURNAME_TITLES, is_name_word, is_place_or_thing, name_run
from briefgen.extract.roles import PHRASE, Role, country_starting_at, read_role
from briefgen.extract.tokens import Token, make_token, word_set

_DETERMINERS = word_set("the his her its their")
_APPOSITION_END = word_set(""", ; . ( ) : — – - and said says told who was is has had will would
until since from when in on at during after before of""")
# Words between a name's comma and its role that leave the role the person's ("X, then the Prime Minister").
_ASIDES = word_set("then now currently formerly previously also still later once")
_PREPOSITIONS = word_set("to from by with at in on for of about against via")
_ORG_LINKS = word_set("of the in and for")
_PLACE_ADVERBS = word_set("here there now today")
# Nouns for a part of a body ("the EC delegation"), not a thing it runs ("the Learning Together event").
_UNITS = word_set("delegation department division group committee subcommittee unit section office branch bureau "
                  "desk team board panel mission directorate")
# Head words that name an official's role only with a modifier ("general manager").
_BARE_NOT_ROLES = word_set("manager")
# Verbs of saying, after a speaker's name ("Rao told").
SPEECH = word_set("said says told added stated warned noted explained asked wrote argued insisted")
_SUBJECT_VERBS = word_set("has had is was will would announced denied admitted urged called claimed "
                          "described insisted rejected welcomed")


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[\"“(]?[A-Z]")
"""A sentence ending between two offsets: "his deputy" is the deputy of a role in its own sentence."""


@dataclass(frozen=True)
class Sighting:
    """A name found next to a role."""

    name: tuple[str, ...]
    start: int
    end: int
    role: Role
    regnal: str | None


def find_sightings(tokens: list[Token], text: str, heads: frozenset[str], mods: frozenset[str],
                   places: Gazetteer = BUILT_IN) -> list[Sighting]:
    """Every name written next to a role, in text order (a misspelt head word is corrected in `tokens`)."""
    found: list[Sighting] = []
    used_until = -1
    chained = (heads | titles.RANKS | {"general"}) - {"sheikh"}  # "President Sheikh Zaid": the role is President
    for h, tok in enumerate(tokens):
        low = tok.lower
        if h <= used_until:
            continue
        if low in titles.RANKS and low not in heads and not tok.text[0].isupper() \
                and not (low == "general" and h > 0 and tokens[h - 1].lower in titles.GENERAL_TAKERS):
            continue  # "a major company", "general strike"; not "the attorney general"
        if not (low in heads or low in titles.RANKS or (
                (low[-1] == "s" or "-" in low) and titles.is_head(low, heads))):
            if not tok.capitalised or len(low) < 7 or h + 1 >= len(tokens) or not is_name_word(tokens[h + 1]):
                continue
            fixed = titles.misspelt_head(tok.text)
            if fixed is None:
                continue
            tokens[h] = make_token(fixed.capitalize(), tok.start, tok.end)
        if tok.text.isupper() and len(tok.text) > 3:
            continue  # headline capitals
        if low == "deputy" and h + 1 < len(tokens) and tokens[h + 1].text[0].isupper():
            continue  # "Deputy Emergency Situations Minister": deputy is a role alone only in "his deputy, X"
        if h + 1 < len(tokens) and tokens[h + 1].lower in chained and tokens[h + 1].text[:1].isupper():
            continue  # the next word ends this role ("Commandant Admiral", "Vice President")
        if tok.text.islower() and h + 1 < len(tokens) and tokens[h + 1].text.islower() \
                and tokens[h + 1].lower in heads and tokens[h + 1].lower not in ("chief", "head", "deputy"):
            continue  # "chief executive", "executive secretary": the role ends at the next word
        if low in SURNAME_TITLES and h > 1 and tokens[h - 1].capitalised and is_name_word(tokens[h - 1]) \
                and tokens[h - 2].text not in ".!?\"“”" and not (h + 1 < len(tokens) and is_name_word(tokens[h + 1])):
            continue  # a surname after a first name: "Martin Luther King Jr.", "John Major said", "Burger King"
        if low in ("member", "members") and not _of_a_body(tokens, h) \
                and not (h > 0 and tokens[h - 1].lower in titles.ORG_WORDS):
            continue  # a member only of a body: "Member of Parliament", "board member"; not "family member"
        role = read_role(tokens, h, heads, mods, places)
        if role.title.lower() in _BARE_NOT_ROLES:
            continue  # "Arsenal manager X" is sport; "general manager X" is a company's
        listed, last = _names_listed_after(tokens, text, role, places) if role.plural else ([], h)
        if listed:
            found += listed  # "Senators Ann Lee of Ohio and Bo Ray": each a senator
            used_until = last
            continue
        before = _name_before(tokens, text, role, places)
        if before is None:
            whole = _body_read_on(tokens, role, places)
            before = _name_before(tokens, text, whole, places) if whole is not None else None
            if before is not None:  # "X, chairman of the London Stock Exchange, said": the rest of the body's
                found.append(before)  # name is no person, and the role is X's
                used_until = before.role.end
                continue
        if before is not None and len(before.name) > 1:
            sighting: Sighting | None = before  # "Ali Nabi, the Minister of Energy, Mines and ...": an apposition
        else:  # belongs to the name before it, whatever follows it
            sighting = (_name_after(tokens, text, role, places) or before or _name_in_next_sentence(tokens, text, role)
                        or _name_in_sentence_before(tokens, text, role, places))
        if sighting is not None:
            if role.title.lower() == "deputy" and found and role.first > 0 \
                    and tokens[role.first - 1].lower in ("his", "her"):
                boss = next((f.role for f in reversed(found[-3:]) if not f.role.rank_only
                             and not _SENTENCE_BREAK.search(text, f.end, tokens[role.first].start)), None)
                if boss is not None:
                    sighting = _deputy_of(sighting, boss)
            found.append(sighting)
            used_until = max(role.end, h)
    return found


def _body_read_on(tokens: list[Token], role: Role, places: Gazetteer) -> Role | None:
    """The role with its "of" complement read on to the comma (or "and", a bracket), when the reading stopped
    inside the body's name.

    "chairman of the U.S. Joint Chiefs of Staff," or "Chairman of the London Stock Exchange,": the
    capitalised words up to the comma go on naming the body. Only a run with a word no name holds (an
    organisation's word, a linking "of") qualifies when the complement gave a place, since after a
    place a person's name may follow ("Mayor of Gdansk Ann Lee").
    """
    if role.rank_only or role.plural or role.end >= len(tokens) or not tokens[role.end].capitalised:
        return None
    of = next((k for k in range(role.title_first, role.end) if tokens[k].lower == "of"), None)
    if of is None:
        return None
    j = role.end
    while j < len(tokens) and j - role.end < 6 and (tokens[j].capitalised or tokens[j].acronym or (
            tokens[j].lower in ("of", "and", "for", "&") and j + 1 < len(tokens) and tokens[j + 1].capitalised)):
        j += 1
    if j >= len(tokens) or tokens[j].lower not in (",", "and", "(", ";"):
        return None
    run = tokens[role.end:j]
    if role.org is None and all(is_name_word(t) for t in run) and not any(
            t.lower in titles.ORG_WORDS or t.lower in _ORG_RUN_WORDS for t in run):
        return None
    k = of + 1 + (tokens[of + 1].lower == "the")
    title = role.title.split(" of ")[0]
    led = country_starting_at(tokens, k, places)
    if role.org is not None:
        return dataclasses.replace(role, end=j)  # "of DG Bank Deutsche Genossenschaftsbank": its long name
    if led is not None and k + led[0] < j:  # "of the U.S. Joint Chiefs of Staff": the country's body, in the title
        rest = " ".join(t.text for t in tokens[k + led[0]:j])
        return dataclasses.replace(role, title=f"{title} of the {rest}", country=led[1], end=j)
    return dataclasses.replace(role, title=title, country=None, org=" ".join(t.text for t in tokens[k:j]), end=j)


# Capitalised words of a body's name that are not in the list of organisation words ("Stock Exchange").
_ORG_RUN_WORDS = word_set("exchange chiefs staff market markets reserve trust")


def _of_a_body(tokens: list[Token], h: int) -> bool:
    """True for "member of Parliament", "member of the House Ethics Committee": of a body, not of a team."""
    k = h + 1
    if k >= len(tokens) or tokens[k].lower != "of":
        return False
    k += 1
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    return k < len(tokens) and tokens[k].capitalised and (
        tokens[k].lower in titles.ORG_WORDS or tokens[k].lower in titles.PORTFOLIOS
        or any(t.lower in titles.ORG_WORDS for t in tokens[k:k + 4] if t.capitalised))


def _name_after(tokens: list[Token], text: str, role: Role, places: Gazetteer) -> Sighting | None:
    """The name written after its role: "Foreign Minister Zbigniew Rau", "the commander, Colonel X"."""
    j = role.end
    one_of_the = role.first >= 3 and tokens[role.first - 1].lower == "the" \
        and tokens[role.first - 2].lower == "of"
    if role.plural and not (j < len(tokens) and tokens[j].text == "," and one_of_the):
        return None  # only "one of the strike leaders, X"
    before = tokens[role.first - 1] if role.first > 1 else None
    if j < len(tokens) and tokens[j].text == "," and before is not None and before.text.isalpha() \
            and before.text.islower() and tokens[role.first - 2].lower in _DETERMINERS \
            and before.lower not in _DETERMINERS:
        word = tokens[role.first - 1]  # "the brigade commander, Colonel X"
        role = dataclasses.replace(role, title=f"{word.text} {role.title}", first=role.first - 1,
                                   title_first=role.first - 1)
    determined = (role.first > 0 and (tokens[role.first - 1].lower in _DETERMINERS | {"a", "an", "another"}
                                      or tokens[role.first - 1].text in ("'s", "’s")
                                      or role.anaphoric or role.owner is not None)) \
        or (role.title_first > 0 and tokens[role.title_first - 1].text in ("'s", "’s"))  # "Kuwait's ..." opening
    if determined and j < len(tokens) and tokens[j].lower in ("for", "of", "at") and not role.plural:
        role, j = _complement_before_comma(tokens, role, j, places)  # "a spokesman for the ministry, X,"
    elif determined and j < len(tokens) and tokens[j].text in ("'s", "’s") and role.country is not None \
            and tokens[j - 2].lower in ("of", "the"):
        role, j = _complement_before_comma(tokens, role, j, places)  # "the head of the UK's counter terror police, X,"
    opens_clause = role.first > 0 and tokens[role.first - 1].text in (",", ".", "\"", "“") and not role.plural
    boxed = False  # "Responding, shadow chief secretary to the Treasury, George Osborne, said": a boxed name
    if j < len(tokens) and tokens[j].text == "," and (determined or opens_clause):
        boxed = not determined
        j += 1
        while j < len(tokens) and j - role.end <= 3 and (tokens[j].lower in titles.RANKS or tokens[j].lower
                                                         in titles.HONORIFICS or tokens[j].lower == "sheikh"):
            # "Kuwait's Oil Minister, Sheikh X": a style before the name, the office is the role
            j += 1
    elif role.plural:
        return None
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 1].acronym and tokens[j + 2].text == ")":
        j += 3  # "Member of Parliament (MP) Ann Lee"
    end = name_run(tokens, j, text)
    if end == j or is_place_or_thing(tokens, j, end, role.first):
        return None
    if boxed and (end - j < 2 or end >= len(tokens) or tokens[end].text != ","):
        return None
    if BLANK_LINE.search(text, tokens[role.end - 1].end, tokens[j].start):
        return None
    name = tuple(t.text for t in tokens[j:end])
    if (role.first > 0 and tokens[role.first - 1].text in "([" and end + 1 < len(tokens)
            and tokens[end].text in ")]" and is_name_word(tokens[end + 1])):
        name = (*name, tokens[end + 1].text)  # "(Prime Minister Yasuhiro) Nakasone": an editor's brackets
        end += 2
    if role.country is None and role.org is None:
        role = _org_after_name(tokens, end, role, places)
    head = tokens[role.end - 1].lower if role.end > 0 else ""
    regnal = None
    if role.title.lower() in titles.REGNAL or head in titles.REGNAL:
        regnal = f"{role.title} {' '.join(name)}"
    return Sighting(name, tokens[j].start, tokens[end - 1].end, role, regnal)


def _names_listed_after(tokens: list[Token], text: str, role: Role,
                        places: Gazetteer) -> tuple[list[Sighting], int]:
    """The names listed right after a plural role, each with the singular role, and the last token read.

    "Senators Ann Lee of Ohio, Bo Ray of Iowa and Cy Hale": three senators, each with the place after
    the name. At most a few names: a list is short.
    """
    j = role.end
    if not tokens[role.title_first].text[0].isupper() or j >= len(tokens) or not tokens[j].capitalised \
            or titles.singular(tokens[j - 1].text) in titles.REGNAL:
        return [], role.end  # not "Queens Park Rangers"
    single = dataclasses.replace(role, plural=False)
    out: list[Sighting] = []
    while j < len(tokens) and len(out) < 8:
        end = name_run(tokens, j, text)
        if end - j < 2 or is_place_or_thing(tokens, j, end, role.first):
            break
        own = _org_after_name(tokens, end, single, places) if single.country is None and single.org is None else single
        out.append(Sighting(tuple(t.text for t in tokens[j:end]), tokens[j].start, tokens[end - 1].end, own, None))
        k = end
        if k + 1 < len(tokens) and tokens[k].lower == "of" and tokens[k + 1].capitalised:
            k += 2  # "of Florida"
            while k < len(tokens) and k - end < 5 and tokens[k].capitalised:
                k += 1
        while k < len(tokens) and tokens[k].lower in (",", "and") and k - end < 8:
            k += 1
        if k == end or k >= len(tokens) or not tokens[k].capitalised:
            return out, k
        j = k
    return out, j


def _complement_before_comma(tokens: list[Token], role: Role, j: int, places: Gazetteer) -> tuple[Role, int]:
    """Skip "for the State Department" in "a spokesman for the State Department, X," taking its org."""
    k = j + 1
    while k < len(tokens) and k - j <= 8 and tokens[k].text not in ",.;:()\"“”":
        k += 1
    if k >= len(tokens) or tokens[k].text != "," or k == j + 1:
        return role, j
    if any(tokens[n].lower in titles.HEADS and is_name_word(tokens[n + 1]) for n in range(j + 1, k - 1)):
        return role, k  # "spokesman for Chancellor Franz Vranitzky,": a person, not an organisation
    owned = [n for n in range(j + 1, k) if tokens[n].text in ("'s", "’s")]
    if owned and tokens[j].text not in ("'s", "’s"):
        j = owned[-1]  # "spokeswoman for the Trump administration's Department of Justice": the department
        if not all(t.text[:1].isupper() or t.lower in _ORG_LINKS for t in tokens[j + 1:k]):
            return role, k
        body = " ".join(t.text for t in tokens[j + 1:k] if t.lower != "the")
        if role.country or role.org or not body:
            return role, k
        here = places.country_of(body)
        return dataclasses.replace(role, country=here, org=None if here else body), k
    words = [t.text for t in tokens[j + 1:k] if t.lower != "the"]
    if tokens[j].text in ("'s", "’s"):  # "head of the UK's counter terror police": the title goes on
        if not all(w.islower() for w in words):
            return role, j
        return dataclasses.replace(role, title=f"{role.title} of {' '.join(words)}"), k
    phrase = " ".join(words)
    country = places.country_of(phrase)
    org = None
    if country is None and words and all(w[:1].isupper() or w.lower() in _ORG_LINKS for w in words):
        org = titles.ORG_ALIASES.get(phrase, phrase)
    if role.country or role.org:
        return role, k
    return dataclasses.replace(role, country=country, org=org), k


def _org_after_name(tokens: list[Token], end: int, role: Role, places: Gazetteer) -> Role:
    """Take the organisation from "X of the police of the Autonomous Region," after a name."""
    if end + 1 >= len(tokens) or tokens[end].lower != "of":
        return role
    k = end + 1
    j = k
    while j < len(tokens) and j - k < PHRASE and (tokens[j].capitalised or tokens[j].acronym or tokens[j].lower
                                                  in _ORG_LINKS or tokens[j].lower in titles.ORG_WORDS):
        j += 1
    while j > k and tokens[j - 1].lower in _ORG_LINKS:
        j -= 1
    if j == k:
        return role
    first_country = country_starting_at(tokens, k, places)
    if first_country is not None and k + first_country[0] < len(tokens) \
            and tokens[k + first_country[0]].lower == "and":
        j = k + first_country[0]  # "Presidents X of Nigeria and Y of Benin": the place ends at "and"
    words = [t.text for t in tokens[k:j]]
    if words[0].lower() == "the":
        words = words[1:]
    phrase = " ".join(words)
    if j < len(tokens) and tokens[j].text not in ",;.()" and not countries.is_us_state(phrase) \
            and not (phrase == "Georgia" and titles.head_of(role.title) in titles.US_ROLES):
        here = places.country_of(phrase, capitals=False)
        return dataclasses.replace(role, country=here) if here else role  # "President X of Pakistan has said"
    country = places.country_of(phrase)
    if countries.is_us_state(phrase) or (phrase == "Georgia" and titles.head_of(role.title) in titles.US_ROLES):
        if titles.singular(titles.head_of(role.title)) not in titles.GOVERNMENT_HEADS:
            return role  # "nominee X of Colorado": a party's candidate from the state, not the state's officer
        country = "United States"  # "Senator X of Georgia"
    if country is None and not any(w.lower() in titles.ORG_WORDS or w.isupper() for w in words):
        return role
    return dataclasses.replace(role, country=country, org=None if country else phrase)


def _name_before(tokens: list[Token], text: str, role: Role, places: Gazetteer) -> Sighting | None:
    """The name written before its role: "Delfin Lorenzana, the Defence Secretary;"."""
    if role.rank_only or role.plural:
        return None
    p = role.first - 1
    if p >= 0 and tokens[p].lower in ("the", "a", "an"):
        p -= 1
    if p >= 0 and tokens[p].lower in _ASIDES:
        if tokens[p].lower in ("formerly", "previously") and "former" not in role.title.lower():
            role = dataclasses.replace(role, title=f"former {role.title}")  # "X, formerly staff director"
        p -= 1  # "X, then the Prime Minister"
    if p >= 1 and tokens[p - 1].lower == "who" and tokens[p].lower in ("is", "was", "became"):
        p -= 2
    elif p >= 2 and tokens[p - 2].lower == "who" and tokens[p].lower == "been":
        p -= 3
    if p < 1 or tokens[p].text != ",":
        return None
    after = role.end
    if after < len(tokens) and tokens[after].lower in ("for", "at"):
        role, after = _complement_before_comma(tokens, role, after, places)  # "X, spokesman for the ministry,"
    if after < len(tokens) and tokens[after].lower not in _APPOSITION_END:
        k = after  # "X, president of an OAS special committee on trade, said": the role goes on to the comma
        while k < len(tokens) and k - after < 8 and tokens[k].text.islower():
            k += 1
        if k == after or k >= len(tokens) or tokens[k].text != ",":
            return None
        owned = tokens[after].text in ("'s", "’s")
        unit = [t.text for t in tokens[after + owned:k]]
        while unit and unit[-1].lower() in _PLACE_ADVERBS:
            unit.pop()
        if unit and (owned or unit[-1].lower() in _UNITS) and (role.org or role.country) \
                and any(t.lower == "of" for t in tokens[role.title_first:after]):
            role = dataclasses.replace(role, title=f"{role.title} of {' '.join(unit)}")  # "head of the Bundesbank's
            # credit department", "head of the EC delegation": a unit's head, not the whole body's
    end = p
    if end >= 3 and tokens[end - 2].lower == "of" and tokens[end - 1].capitalised and not is_name_word(tokens[end - 1]):
        end -= 2  # "Jo Hale of Ohio, the party's nominee"
    start = end
    if start > 1 and tokens[start - 1].capitalised and tokens[start - 1].lower in names.SURNAME_WORDS \
            and is_name_word(tokens[start - 2]):
        start -= 1  # "Bill May, chairman of ..."
    while start > 0 and (is_name_word(tokens[start - 1]) or (
            start - 1 > 0 and tokens[start - 1].lower in ("al", "bin", "de", "dela", "van", "von", "da"))) \
            and not (start < end and BLANK_LINE.search(text, tokens[start - 1].end, tokens[start].start)):
        start -= 1
    if start == end or end - start > 5:
        return None
    if end - start == 1 and not (start > 0 and tokens[start - 1].lower in titles.HONORIFICS):
        return None
    if start > 0 and (tokens[start - 1].text in ("'s", "’s") or (
            tokens[start - 1].lower in _PREPOSITIONS and (start < 2 or tokens[start - 2].lower.endswith("ing")
                                                         or tokens[start - 2].lower == "according"
                                                         or not tokens[start - 2].text[0].isalpha()))):
        return None  # "Speaking to Agence France-Presse, the president of ...", not "at the request of X, the ..."
    name = tuple(t.text for t in tokens[start:end])
    return Sighting(name, tokens[start].start, tokens[end - 1].end, role, None)


def _name_in_next_sentence(tokens: list[Token], text: str, role: Role) -> Sighting | None:
    """"... the Trade and Industry Secretary has said. Patricia Hewitt said ...": the next subject."""
    if role.rank_only or role.plural or role.first == 0 or tokens[role.first - 1].lower != "the":
        return None
    k = role.end
    while k < len(tokens) and k - role.end < 3 and tokens[k].lower in SPEECH | _SUBJECT_VERBS:
        k += 1
    if k == role.end or k >= len(tokens) or tokens[k].text not in ".!?":
        return None  # only a role that closes its sentence as the speaker: "..., the X has said."
    k += 1
    while k < len(tokens) and k - role.end < 6 and tokens[k].text in "\"”’'":
        k += 1
    if k >= len(tokens) or BLANK_LINE.search(text, tokens[k - 1].end, tokens[k].start):
        return None
    end = name_run(tokens, k, text)
    if end - k < 2 or end >= len(tokens) or tokens[end].lower not in SPEECH | _SUBJECT_VERBS:
        return None
    name = tuple(t.text for t in tokens[k:end])
    return Sighting(name, tokens[k].start, tokens[end - 1].end, role, None)


def _name_in_sentence_before(tokens: list[Token], text: str, role: Role, places: Gazetteer) -> Sighting | None:
    """"Gordon Brown has issued a warning. The chancellor said ...": the one person the sentence before
    names, as its subject, is the role that opens this one."""
    if role.rank_only or role.plural or role.first < 3 or tokens[role.first - 1].text != "The" \
            or tokens[role.first - 2].text not in ".!?\"”" or role.end >= len(tokens) \
            or not tokens[role.end].text.islower() or tokens[role.end].lower in _PREPOSITIONS:
        return None  # only a role that opens its sentence as the subject of a verb
    stop = role.first - 2
    k = stop - 1
    while k > 0 and stop - k < 60 and not (tokens[k - 1].text in ".!?" and tokens[k].text[:1].isupper()):
        k -= 1
    if stop - k >= 60 or (k > 0 and BLANK_LINE.search(text, tokens[stop].end, tokens[role.first - 1].start)):
        return None
    while k < stop and tokens[k].text in "\"“'‘":
        k += 1
    end = name_run(tokens, k, text)
    if end - k < 2 or end >= stop or not tokens[end].text.islower() or is_place_or_thing(tokens, k, end, k):
        return None
    for m in range(end, stop - 1):  # nobody else named there: "Ann Lee met Bo Ray. The minister said" is unclear
        if tokens[m].lower in titles.HONORIFICS or (is_name_word(tokens[m]) and is_name_word(tokens[m + 1])):
            return None
    if places.country_of(" ".join(t.text for t in tokens[k:end])) is not None:
        return None
    return Sighting(tuple(t.text for t in tokens[k:end]), tokens[k].start, tokens[end - 1].end, role, None)


def _deputy_of(sighting: Sighting, boss: Role) -> Sighting:
    """"his deputy, Colonel X" after "the regional commander": deputy of the same role."""
    if boss.rank_only or "deputy" in boss.title.lower():
        return sighting
    role = sighting.role
    title = f"{role.title} {boss.title}"
    merged = Role(title, role.first, role.title_first, role.end, boss.country, boss.org,
                  boss.owner, False, False)
    return Sighting(sighting.name, sighting.start, sighting.end, merged, None)
