"""Find numbers of military personnel: "about 100,000 troops", "a 10,000-strong force", "58 wounded"."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from briefgen.article import TroopCount
from briefgen.extract import countries, troop_kinds, troop_owners
from briefgen.extract.numbers import NUMBER, value_of
from briefgen.extract.tokens import sentence_spans, word_set

# Plural nouns that always mean military personnel (singular forms go with "one").
_PERSONNEL = word_set("""
troops soldiers servicemen servicewomen servicemembers marines sailors airmen paratroopers reservists
peacekeepers gurkhas commandos infantrymen militiamen guardsmen conscripts recruits legionnaires
militants rebels guerrillas gunmen insurgents jihadists mercenaries fighters pows forces
""")
_SINGULAR = {"soldier", "serviceman", "marine", "sailor", "airman", "paratrooper", "reservist",
             "peacekeeper", "commando", "militant", "rebel", "guerrilla", "gunman", "insurgent", "fighter"}
# Nouns that are personnel only with a military word before them ("Armed Forces personnel").
_NEEDS_MILITARY = word_set("personnel men guards officers members")
# Words that make "personnel", "officers" or "members" military; not the names of alliances or bodies,
# whose members are states or civilians ("two NATO members", "UN personnel").
_MILITARY = word_set("""
military army navy naval marine marines armed forces force defence defense air service combat army's
infantry airborne militia security soldiers peacekeeping
""")
# Words that may stand between the number and the noun.
_MODIFIERS = word_set("""
more other additional extra elite combat ground armed foreign government rebel enemy allied coalition
regular special active-duty active reserve federal national army navy naval military security border
infantry airborne marine militia heavily well-armed islamist communist kurdish pro-government
anti-government
""")
# Words that end the walk from a number to its noun ("40 tanks and soldiers", "5 of whom").
_NOT_MODIFIERS = word_set("""
and or of to from with for in on at by as than who whom which that were was are is be been have had has
will would could may might said says killed died tanks vehicles
aircraft planes jets helicopters guns rifles families relatives wives children women civilians people
percent per cent years year months days hours miles kilometres km brigades battalions divisions
units companies regiments squadrons ships boats times after before during since into over under about
against near outside inside through
""")
_POSSESSIVES = word_set("the its their his her our these those")
_NOT_PERSONNEL = word_set("""
police policemen riot merchant civilian labour tory tories conservative backbench democratic republican
liberal aid health medical embassy diplomatic former retired ex-servicemen veteran veterans one-time onetime
""")
_POLITICAL = re.compile(r"\b(?:MPs?|vote[ds]?|voting|backbench\w*|Commons|parliament\w*|bill|legislation|"
                        r"whips?|Labour|Tory|Tories|Conservatives?|Democrats?|Republicans?|party)\b")
_AIRCRAFT = re.compile(
    r"\b(?:aircraft|jets?|planes?|warplanes?|bombers?|squadrons?|air\s+force|fly|flying|delivery|delivered|"
    r"MiG|Mirage|Tornado|F-\d+)\b", re.I)
_MILITANT = re.compile(r"\b(?:militants?|insurgents?|rebels?|Islamists?|guerrillas?|Taliban|ISIS|ISIL|jihadists?|"
                       r"militias?|armed\s+group)\b", re.I)
# "Men" are soldiers only beside a word for a force or its members: loose words such as "war" or "battle"
# also stand in other news ("a custody battle").
_FORCE_CONTEXT = re.compile(r"\b(?:force|forces|troops|army|brigade|battalion|soldiers|military|garrison|contingent|"
                            r"regiment|division|militia|guerrillas|rebels|infantry|armed)\b", re.I)
_LOST_BEFORE = re.compile(r"\b(?:lost|losing|loses)\s+(?:at\s+least\s+|about\s+|some\s+|more\s+than\s+|over\s+)?$")
_UNIT_BEFORE = re.compile(r"\b(?:brigade|battalion|regiment|division|garrison|unit|army|navy|military|force)\b",
                         re.I)
_HEDGE = re.compile(r"\b(?:about|around|some|nearly|almost|roughly|approximately|up\s+to|more\s+than|over|"
                    r"at\s+least|an\s+estimated|estimated|as\s+many\s+as|fewer\s+than|less\s+than|close\s+to|"
                    r"upwards\s+of|under|at\s+most|reportedly)\s+(?:about\s+)?$", re.I)
_COUNT = re.compile(
    rf"\b(?=[0-9abefnostwABEFNOSTW])(?P<between>between\s+)?(?P<low>{NUMBER})"
    rf"(?:\s*(?:-|–|to|or|and)\s*(?P<high>{NUMBER}))?"
    r"(?P<strong>-strong)?"
)
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
_WORD = re.compile(r"\s*((?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*|\S)")
_VAGUE = re.compile(r"\b(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|hundreds|dozens|scores)\s+of\s+", re.I)
_FROM_FORCES = re.compile(r"\s+from\s+the\s+(?:Armed\s+Forces|army|military|navy|air\s+force|marines)\b")
# A second casualty count that leaves out the noun: "and 58 wounded", "and another 289 captured",
# "killing one soldier and wounding two".
_AND_CASUALTIES = re.compile(
    rf"\band\s+(?:(?:another|a\s+further)\s+(?P<n>{NUMBER})\s+(?:wounded|injured|killed|dead|missing|captured)\b"
    rf"|(?P<m>{NUMBER})\s+(?:wounded|injured|killed|dead|missing|captured)\b"
    rf"|(?:wounding|injuring|capturing)\s+(?P<k>{NUMBER})(?=\s*(?:[,.;]|$|others?\b|more\b)))")
_ANY_NOUN = re.compile(
    r"\b(?:" + "|".join(sorted(_PERSONNEL | _SINGULAR | _NEEDS_MILITARY)) + r")\b|-strong\b"
    r"|\b(?:army|military|navy|force|contingent|garrison|deployment)\b", re.I)
_FORCE_OF = re.compile(r"(?<!work )(?<!labour )(?<!labor )(?<!sales )(?<!police )"  # not "a work force of 50"
                       r"\b(?:force|army|contingent|garrison|deployment)\s+of\s+(?:some\s+|about\s+|around\s+"
                       r"|nearly\s+|up\s+to\s+|more\s+than\s+|at\s+least\s+|over\s+)?$", re.I)
_NEAR = 300
"""How far from a count (characters) its sentence is read: bounded, so that the work is linear in the text."""
_STRONG_NOUNS = word_set("force army contingent garrison unit brigade battalion detachment column "
                          "corps militia division regiment mission")


@dataclass(frozen=True)
class _Text:
    """An article's text with what every count needs from it, found once (so each count costs O(log n))."""

    text: str
    sentences: list[tuple[int, int]]
    starts: list[int]
    owners: troop_owners.OwnerIndex

    def sentence_at(self, at: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """The sentence holding offset `at`, and the one before it (None for the first)."""
        i = max(0, bisect.bisect_right(self.starts, at) - 1)
        return self.sentences[i], (self.sentences[i - 1] if i > 0 else None)


def find_troops(text: str, published: dt.date | None) -> tuple[TroopCount, ...]:
    """Return the troop counts stated in the text, in order, each once.

    Vague quantities ("tens of thousands of troops", "hundreds of fighters") are reported with
    value None and approx True, so that a reader sees them but no chart or score counts them.
    `published` is accepted for a uniform extractor signature; counts do not depend on it.
    Every count looks at a bounded window around it, so the time is linear in the text.
    """
    del published
    if _ANY_NOUN.search(text) is None:
        return ()
    sentences = sentence_spans(text)
    doc = _Text(text, sentences, [s for s, _e in sentences], troop_owners.index_owners(text))
    found: list[TroopCount] = []
    for m in _COUNT.finditer(text):
        count = _read_count(doc, m)
        if count is None:
            continue
        found.append(count)
        clause = re.split(r"[.;]", text[count.end:count.end + 60], maxsplit=1)[0]
        follow = _AND_CASUALTIES.search(text, count.end, count.end + len(clause))
        if follow is not None and count.kind == "casualties":
            group = next(g for g in ("n", "m", "k") if follow.group(g))
            value = value_of(follow.group(group))
            if value:
                begin = follow.start(group) if group != "n" else follow.start() + 4
                found.append(TroopCount(value, None, False, count.who, "casualties",
                                        " ".join(text[begin:follow.end()].split()), begin, follow.end()))
    found += _vague_counts(doc)
    return _once_each(sorted(found, key=lambda c: c.start))


def _read_count(doc: _Text, m: re.Match[str]) -> TroopCount | None:
    """Read the troop count starting at a number, or None when the number counts something else."""
    text = doc.text
    low = value_of(m.group("low"))
    high = value_of(m.group("high")) if m.group("high") else None
    joiner = text[m.end("low"):m.start("high")] if high is not None else ""
    if high is not None and "and" in joiner and not m.group("between"):
        return None
    if low is None or low == 0 or _is_year_or_age(text, m):
        return None
    end, noun, mods = _noun_after(text, m.end(), bool(m.group("strong")), low == 1)
    if noun is None:
        found = _FROM_FORCES.match(text, m.end())
        if found is not None:
            end, noun, mods = found.end(), "personnel", ["armed", "forces"]
        elif _FORCE_OF.search(text, max(0, m.start() - 40), m.start()) and _ends_phrase(text, m.end()):
            end, noun, mods = m.end(), "troops", []  # "a force of 5,000, backed by tanks"
        else:
            return None
    sentence, previous = doc.sentence_at(m.start())
    if not _is_personnel(noun, mods, low, _near(text, sentence, m.start()), text, m.start()):
        return None
    start = m.start("low") if not m.group("between") else m.start()
    hedge = _HEDGE.search(text, max(0, start - 25), start)
    if hedge is not None:
        start = hedge.start()
    kind = "casualties" if troop_kinds.is_casualty(text, mods, start, end) else "strength"
    who = troop_owners.owner_of(text, doc.owners, mods, noun, start, end, sentence, previous)
    span = " ".join(text[start:end].split())
    high = high if high and high > low else None
    return TroopCount(low, high, hedge is not None, who, kind, span, start, end)


def _near(text: str, sentence: tuple[int, int], at: int) -> str:
    """The part of a sentence within a bounded distance of `at` (a paragraph with no full stop can be huge)."""
    return text[max(sentence[0], at - _NEAR):min(sentence[1], at + _NEAR)]


def _noun_after(text: str, pos: int, strong: bool, one: bool) -> tuple[int, str | None, list[str]]:
    """Walk the words after a number to the personnel noun: (end, noun, modifiers)."""
    mods: list[str] = []
    for _ in range(5):
        w = _WORD.match(text, pos)
        if w is None:
            break
        word = w.group(1)
        low = word.lower().rstrip(".")
        if strong and low in _STRONG_NOUNS:
            civilian = [m for m in mods if m.islower() and m not in _MODIFIERS | _MILITARY]
            return (w.end(), None if civilian else "troops", mods)  # not "a 26-strong research unit"
        if low in _PERSONNEL or low in _NEEDS_MILITARY or (one and low in _SINGULAR):
            nxt = _WORD.match(text, w.end())
            if nxt is not None and nxt.group(1).lower() in _NEEDS_MILITARY | _PERSONNEL:
                mods.append(word)  # "Armed Forces personnel"
                return nxt.end(), nxt.group(1).lower(), mods
            return w.end(), low, mods
        if low in ("and", "or") and mods and countries.country_of(mods[-1], capitals=False):
            nxt = _WORD.match(text, w.end())
            if nxt is not None and countries.country_of(nxt.group(1), capitals=False):
                mods.append(low)  # "3,000 U.S. and British troops"
                pos = w.end()
                continue
        if (not mods and low == "of") or (low in _POSSESSIVES and mods == ["of"]):
            mods.append(low)  # "200 of its personnel"
            pos = w.end()
            continue
        is_mod = (low in _MODIFIERS or low in _NOT_PERSONNEL or word[:1].isupper()
                  or countries.country_of(word, capitals=False) is not None
                  or (word.isalpha() and word.islower() and low not in _NOT_MODIFIERS))
        if not is_mod or word in ("I", "We", "They", "He", "She", "It", "The"):
            break
        mods.append(word)
        pos = w.end()
    if strong and any(m.lower() in _MILITARY | _PERSONNEL for m in mods):
        return pos, "troops", mods  # "a 900-strong Marine detachment"; not "the 4,000-strong workforce"
    return pos, None, mods


def _ends_phrase(text: str, pos: int) -> bool:
    """True when nothing that could be a counted noun follows the number ("of 5,000, ..." or "of 5,000 was")."""
    w = _WORD.match(text, pos)
    return w is None or not w.group(1)[0].isalpha() or w.group(1).lower() in _NOT_MODIFIERS


def _is_personnel(noun: str, mods: list[str], value: int, sentence: str, text: str, at: int) -> bool:
    """Apply the exclusions: police, political rebels, aircraft "fighters", soldier-less "men"."""
    lows = {w.lower() for w in mods}
    if lows & _NOT_PERSONNEL:
        return False
    if (value == 1) != (noun in _SINGULAR):
        return False
    if noun in ("rebels", "rebel") and _POLITICAL.search(text, max(0, at - 80), at + 80):
        return False
    if noun in ("fighters", "fighter") and (
            any(any(c.isdigit() for c in w) or (w.isupper() and len(w) > 1 and w not in ("ISIS", "ISIL"))
                for w in mods) or (_AIRCRAFT.search(text, max(0, at - 150), at + 150)
                               and not _MILITANT.search(text, max(0, at - 150), at + 150))):
        return False
    if noun in _NEEDS_MILITARY:
        free = [w for w in mods if w.islower() and w not in _MILITARY | _MODIFIERS | _POSSESSIVES | {"of"}]
        if free:
            return False  # "1,000 sales personnel"
        # A nationality makes officers military, not personnel, members or men ("20 Iranian personnel on the
        # platform", "the two German members of the Commission").
        military = lows & _MILITARY or (noun == "officers"
                                        and any(countries.country_of(w, capitals=False) for w in mods))
        if noun == "guards":
            return bool(lows & {"marine", "military", "army"})
        if military:
            return True
        if noun == "personnel":
            return bool(_UNIT_BEFORE.search(text, max(0, at - 60), at))  # "Brigade 604 ... 200 of its personnel"
        context = text[max(0, at - 150):at] + sentence
        lost = _LOST_BEFORE.search(text, max(0, at - 20), at)  # "Iraq lost at least 3,000 men killed"
        return (noun == "men" and bool(lost or _FORCE_CONTEXT.search(context))
                and "police" not in sentence.lower())  # not "300 men entered after police were fired on"
    return True


def _is_year_or_age(text: str, m: re.Match[str]) -> bool:
    """True for a year, an age, a percentage or a day of the month ("January 26 after ...")."""
    number = m.group("low")
    if _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return True
    if m.start() > 0 and (text[m.start() - 1] == "-" or text[m.start() - 1].isalpha()):
        return True  # "F-16 fighters", "MiG-29"
    if m.end() < len(text) and text[m.end()].isalpha():
        return True  # "101st Airborne"
    if re.fullmatch(r"(?:1[89]|20)\d\d", number) and re.search(r"\b(?:in|since|by|of|until)\s+$",
                                                                text[max(0, m.start() - 8):m.start()]):
        return True
    after = text[m.end():m.end() + 12]
    return bool(re.match(r"(?:-|\s)(?:year|years)\b|\s*(?:%|per\s?cent)", after))


def _vague_counts(doc: _Text) -> list[TroopCount]:
    """Counts with no number ("thousands of troops"), with value None."""
    text = doc.text
    out = []
    for m in _VAGUE.finditer(text):
        end, noun, mods = _noun_after(text, m.end(), False, False)
        if noun is None or noun in _NEEDS_MILITARY:
            continue
        sentence, previous = doc.sentence_at(m.start())
        if not _is_personnel(noun, mods, 2, _near(text, sentence, m.start()), text, m.start()):
            continue
        kind = "casualties" if troop_kinds.is_casualty(text, mods, m.start(), end) else "strength"
        who = troop_owners.owner_of(text, doc.owners, mods, noun, m.start(), end, sentence, previous)
        out.append(TroopCount(None, None, True, who, kind, " ".join(text[m.start():end].split()), m.start(), end))
    return out


def _once_each(counts: list[TroopCount]) -> tuple[TroopCount, ...]:
    """Drop later mentions of a count already given for the same group ("the nine French soldiers")."""
    seen: set[tuple[int | None, int | None, str | None]] = set()
    out = []
    for c in counts:
        key = (c.value, c.high, c.who)
        if c.value is not None and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return tuple(out)
