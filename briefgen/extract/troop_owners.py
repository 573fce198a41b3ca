"""Whose personnel a troop count is: a country, an international body, a named armed group, or nobody said.

The owner is whose soldiers they are, never who fights or kills them, and never the place where
they are. When the text does not say, the owner is None: a wrong owner is worse than none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefgen.extract import countries
from briefgen.extract.tokens import word_set

# Nouns for fighters of armed groups, whose country is not a state's army ("Syrian rebels").
GROUP_NOUNS = word_set("""
rebels rebel guerrillas guerrilla militants militant insurgents insurgent gunmen gunman jihadists jihadist
mercenaries mercenary militiamen militiaman fighters fighter
""")
# Lower-case words that name a side ("communist rebels"), unlike "suspected" or "armed".
_SIDE_WORDS = word_set("""
communist communists maoist marxist leftist left-wing leftwing right-wing rightwing rightist islamist separatist
secessionist
pro-government anti-government royalist loyalist tribal
""")
# Capitalised words of units and services, which name no owner ("Marine", "Special Forces", "Republican Guard").
_UNIT_WORDS = word_set("""
marine marines army navy naval air force forces special national guard guards armed republican revolutionary
coast border royal airborne infantry commando commandos regular reserve reserves defence defense militia
presidential elite ground security service services federal interior combat allied coalition government
rebel rebels enemy peacekeeping peacekeepers military frontier mountain light heavy mechanised mechanized
armoured armored tank artillery rapid reaction response task home territorial auxiliary volunteer
volunteers police the a an some other more about over suspected alleged heavily well-armed armed
active-duty active ground-force sea land
""")
# Words just before a country that make it a place, not an owner ("near Ukraine's border", "in Syria").
_PLACE_TAIL = re.compile(r"\b(?:to|in|into|onto|on|at|near|toward|towards|across|along|inside|outside|within|"
                         r"through|over|via|off|from|around|between|(?P<of>of))\s+(?:(?:the|an?)\s+)?"
                         r"(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
                         r"(?:(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*,\s+)?$", re.I)  # "in Mindanao, Philippines"
# Nouns for the people who speak about troops, whose country is not the troops' ("US officials").
_SPEAKERS_AFTER = re.compile(r"\s+(?:officials|senators|lawmakers|legislators|congressmen|diplomats|envoys|"
                             r"negotiators|sources|spokesm[ae]n|spokeswom[ae]n|analysts|intelligence|media|"
                             r"newspapers?|experts|officers\s+said)\b", re.I)
# A verb of fighting in the active voice between a country and a count makes the country the attacker.
_HOSTILE = re.compile(
    r"\b(?:(?P<passive>was|were|been|being|be|is|are|got)\s+(?:\w+\s+)?)?"
    r"(?:(?:kill|wound|injur|captur|attack|ambush|defeat|rout|repuls|repell|surround|besieg|shell|bomb|target|"
    r"arrest|detain|execut|seiz|kidnapp|abduct|clash|battl|destroy|eliminat|neutrali[sz]|raid|confront|oppos|"
    r"massacr|slaughter|fac)(?:ed|ing)|fought|fighting|shot|shooting|hit|struck|striking|against|versus|vs|"
    r"enemy|rival)\b", re.I)
_FORCE_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:force|forces|troops|peacekeepers|peacekeeping|mission|"
                          r"contingent|battlegroups?|brigade|soldiers)\b", re.I)
_PATIENT_TAIL = re.compile(_HOSTILE.pattern + r"\s+(?:[\w,.-]+\s+){0,3}", re.I)
# "..., the Malian army said", "Mali's defence ministry reported": a country reporting its own losses.
# Only a force or its ministry: a country's war communique reports the enemy's losses as often as its own.
_REPORTER_AFTER = re.compile(r"(?:['’]s)?\s+(?:army|military|armed\s+forces|defen[cs]e\s+ministry|"
                             r"ministry\s+of\s+defen[cs]e|command|high\s+command)\s+"
                             r"(?:said|says|reported|announced|confirmed|admitted|acknowledged)\b", re.I)
# The state's own forces named without a country ("the army said", "Armed Forces personnel", "the government
# had sent"): they are the country the article is about.
_STATE_ACTOR = re.compile(r"\b(?:the\s+(?:government|army|military|navy|armed\s+forces|defen[cs]e\s+ministry|"
                          r"authorities|regime|junta|high\s+command|(?:country|nation)['’]s\s+(?:army|military|"
                          r"armed\s+forces|navy|troops|soldiers))|Armed\s+Forces|military\s+officials|"
                          r"government\s+(?:troops|forces|soldiers))\b", re.I)
# "O'SMACH, Cambodia (AP)_", "MEXICO CITY 1996-08-30" on its own line: where the story happens.
_DATELINE = re.compile(r"(?:[^\n]*\n)?\s*[A-Z][A-Z'’. -]+,\s*")
# The previous sentence can give a count its owner only when it is about that country's forces.
_MILITARY_SENTENCE = re.compile(r"\b(?:military|army|armed\s+forces|troops|soldiers|forces|navy|drills|exercises|"
                                r"deploy\w*|mobili[sz]\w*|massed|build-?up|offensive|invasion|invad\w*)\b", re.I)
_OF_FORCE_AFTER = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])")
_FORCE_NOUN = re.compile(r"\s+(?:army|navy|military|armed\s+forces|forces|air\s+force|marines|militia)\b", re.I)
# "Communist rebels", "Khmer Rouge guerrillas": an armed group named with its fighters' noun.
_NAMED_GROUP = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+){1,3}|(?:" + "|".join(sorted(_SIDE_WORDS)) + r")\s+)("
    + "|".join(sorted(GROUP_NOUNS)) + r")\b")
_NOT_GROUP_WORDS = word_set("""
the a an some many several more other few hundreds thousands dozens scores at least about armed suspected
alleged and or of by with from against but when as after before in on if while two three four five six
seven eight nine ten then also however meanwhile later earlier yesterday today last this that these those
their its his her our both all most unidentified unknown masked local foreign
""")
LOOK_BACK = 300
"""How far back in its sentence a count's owner is looked for (characters): bounded, so the work is linear."""
LOOK_AHEAD = 120
OPENING = 400
"""The opening of an article (characters), where the lede or dateline says where the story happens."""
GROUP_LOOK_BACK = 2500


@dataclass(frozen=True)
class Place:
    """A country or international body named in the text, and where."""

    start: int
    end: int
    owner: str
    body: bool
    adjective: bool
    """True for a demonym ("Iraqi"), which names no place ("of Iraqi Brigade 604")."""


@dataclass(frozen=True)
class OwnerIndex:
    """What the owner rules need from the whole text, found once per text so that each count costs O(log n)."""

    places: tuple[Place, ...]
    place_starts: tuple[int, ...]
    groups: tuple[tuple[int, str, str], ...]
    """(offset, noun, label) of every armed group named with its fighters' noun ("Communist rebels")."""
    group_starts: tuple[int, ...]
    main: str | None
    """The country where the article's story happens: the first country its opening names as a place."""


def index_owners(text: str) -> OwnerIndex:
    """Find every country, body and named armed group in the text once."""
    places = [Place(m.start(1), m.end(1), country, False, countries.is_demonym(m.group(1)))
              for m in countries.COUNTRY_PATTERN.finditer(text)
              if (country := _country_at(text, m))]
    places += [Place(m.start(1), m.end(1), body, True, False) for m in countries.BODY_PATTERN.finditer(text)
               if (body := _body_of(m.group(1)))]
    places.sort(key=lambda p: p.start)
    groups = []
    for m in _NAMED_GROUP.finditer(text):
        label = group_label(m.group(1).split(), m.group(2))
        if label is not None:
            groups.append((m.start(2), _plural(m.group(2)), label))
    main = next((p.owner for p in places if p.start < OPENING and not p.body
                 and (_is_place(text, p) or _DATELINE.fullmatch(text, 0, p.start))), None)
    return OwnerIndex(tuple(places), tuple(p.start for p in places), tuple(groups), tuple(g[0] for g in groups),
                      main)


def _country_at(text: str, m: re.Match[str]) -> str | None:
    """The country a pattern match stands for, None for regions and for "U.S. dlrs"."""
    found = countries.countries_in(text[m.start(1):m.end(1) + 8])
    return found[0][1] if found and found[0][0] == 0 else None


def _body_of(name: str) -> str | None:
    """The international body a word or name stands for ("U.N." -> "United Nations"), else None."""
    found = countries.bodies_in(name)
    return found[0][1] if len(found) == 1 and found[0][0] == 0 and countries.BODY_PATTERN.fullmatch(name) else None


def _plural(noun: str) -> str:
    low = noun.lower()
    if low.endswith("man"):
        return low[:-3] + "men"
    return low if low.endswith("s") else low + "s"


def group_label(words: list[str], noun: str) -> str | None:
    """The name of an armed group from the words before its noun ("Khmer Rouge" + "guerrillas"), or None."""
    kept: list[str] = []
    for w in words:
        low = w.lower()
        if low in _SIDE_WORDS:
            kept.append(low)
        elif w[:1].isupper() and low not in _NOT_GROUP_WORDS and low not in _UNIT_WORDS:
            kept.append(w)
        elif kept:
            break  # "Moslem and Christian": keep one name
    return " ".join([*kept, _plural(noun)]) if kept else None


def owner_of(text: str, index: OwnerIndex, mods: list[str], noun: str, start: int, end: int,
             sentence: tuple[int, int], previous: tuple[int, int] | None) -> str | None:
    """Whose personnel the count at text[start:end] is, or None when the text does not say.

    `mods` are the words between the number and its noun ("Artsakh" in "2,300 Artsakh soldiers"),
    `sentence` and `previous` the spans of the count's sentence and the one before it.
    """
    group = noun.lower() in GROUP_NOUNS
    named = _owner_in_modifiers(mods, noun, group)
    if group:
        return named or _group_named_before(index, noun, start)
    if named:
        return named
    begin, stop = max(sentence[0], start - LOOK_BACK), min(sentence[1], end + LOOK_AHEAD)
    owner = (_owner_of_force_after(text, end) or _owner_before(text, index, begin, start)
             or _reporter_after(text, index, end, stop))
    if owner is not None:
        return owner
    attackers = _attackers_before(text, index, begin, start)
    if attackers:
        return _other_side(text, index, attackers, begin, stop)
    if all(_is_place(text, p) for p in _places(index, begin, stop)):
        if previous is not None:
            owner = _subject_of(text, index, previous)
        if owner is None and index.main and (_STATE_ACTOR.search(text, begin, stop) or "government" in mods):
            owner = index.main
    return owner


def _attackers_before(text: str, index: OwnerIndex, begin: int, start: int) -> set[str]:
    """The countries that fight or kill the counted personnel ("Chad's army routed a 5,000-strong force")."""
    return {p.owner for p in _places(index, begin, start) if not p.body and not _is_place(text, p)
            and not _is_patient(text, p) and _attacks(text, p.end, start)}


def _attacks(text: str, begin: int, end: int) -> bool:
    """True when text[begin:end] holds a verb of fighting in the active voice."""
    return any(m.group("passive") is None for m in _HOSTILE.finditer(text, begin, end))


def _is_patient(text: str, p: Place) -> bool:
    """True for a country that is fought rather than fighting ("killed 1,269 Libyan soldiers")."""
    before = text[max(0, p.start - 40):p.start]
    return any(m.end() == len(before) for m in _PATIENT_TAIL.finditer(before))


def _other_side(text: str, index: OwnerIndex, attackers: set[str], begin: int, stop: int) -> str | None:
    """The one other country the sentence names beside the attackers: the side that was attacked."""
    others = {p.owner for p in _places(index, begin, stop)
              if not p.body and p.owner not in attackers and not _is_place(text, p)}
    return others.pop() if len(others) == 1 else None


def _is_place(text: str, p: Place) -> bool:
    """True when the name stands for where something is ("in Syria", "near Ukraine's border", "of Nepal")."""
    tail = _PLACE_TAIL.search(text, max(0, p.start - 40), p.start)
    return tail is not None and not (tail.group("of") and p.adjective)


def _owner_in_modifiers(mods: list[str], noun: str, group: bool) -> str | None:
    """An owner written between the number and the noun: "U.S. soldiers", "NATO troops", "Artsakh soldiers"."""
    words = [w for w in mods if w.lower() not in ("of", "its", "their", "his", "her", "our", "the", "these")]
    if group:
        return group_label(words, noun)
    for i, w in enumerate(words):
        pair = " ".join(words[i:i + 2])  # "West German", "South Korean"
        country = countries.country_of(pair, capitals=False) or countries.country_of(w, capitals=False)
        if country:
            return country
        body = _body_of(w)
        if body:
            return body
    proper = [w for w in words if w[:1].isupper() and w.lower() not in _UNIT_WORDS]
    if proper and countries.is_us_state(" ".join(proper)):
        return "United States"
    return " ".join(proper) or None


def _places(index: OwnerIndex, begin: int, end: int) -> tuple[Place, ...]:
    """The countries and bodies named in text[begin:end]."""
    lo = bisect.bisect_left(index.place_starts, begin)
    hi = bisect.bisect_left(index.place_starts, end)
    return index.places[lo:hi]


def _owner_before(text: str, index: OwnerIndex, begin: int, start: int) -> str | None:
    """The nearest country or body before the count that owns it: not a place, a speaker's or an attacker's."""
    # A country before a verb of fighting is the attacker ("Azerbaijan claimed to have killed about 2,300 ...").
    after_attack = max((m.end() for m in _HOSTILE.finditer(text, begin, start) if m.group("passive") is None),
                       default=begin)
    speakers = set()
    for p in reversed(_places(index, after_attack, start)):
        if p.end > start or _is_place(text, p):
            continue  # "troops in Syria", "near Ukraine's border"
        if p.body and not _FORCE_AFTER.match(text, p.end, p.end + 60):
            continue  # a body counts when it names a force ("The NATO Response Force numbers ...")
        if _SPEAKERS_AFTER.match(text, p.end):
            speakers.add(p.owner)
            continue
        return p.owner
    return speakers.pop() if len(speakers) == 1 else None  # "Dutch officials said 1,200 troops would leave"


def _owner_of_force_after(text: str, end: int) -> str | None:
    """ "troops of the Kenyan army", "soldiers from the Iraqi forces", "troops of Chad"."""
    m = _OF_FORCE_AFTER.match(text, end)
    if m is None:
        return None
    name = countries.COUNTRY_PATTERN.match(text, m.end())
    if name is None:
        return None
    country = countries.country_of(name.group(1), capitals=False)
    if country is None:
        return None
    if countries.is_demonym(name.group(1)):
        return country if _FORCE_NOUN.match(text, name.end()) else None
    return country if text[end:m.end()].split()[0] == "of" else None  # "withdrew 2,000 troops from Syria": a place


def _reporter_after(text: str, index: OwnerIndex, end: int, stop: int) -> str | None:
    """A country reporting the count after it: "..., the Malian army said", "that Russia has massed"."""
    for p in _places(index, end, stop):
        if p.body:
            continue
        agent = re.search(r"\bby\s+(?:the\s+)?$", text[max(0, p.start - 8):p.start])
        if _REPORTER_AFTER.match(text, p.end) and agent is None:
            return p.owner
        if re.fullmatch(r"\s+(?:that|which)\s+(?:the\s+)?", text[end:p.start]):
            return p.owner  # "the 100,000 troops that Russia has massed"
        return None  # the first country after the count decides
    return None


def _subject_of(text: str, index: OwnerIndex, sentence: tuple[int, int]) -> str | None:
    """The country the previous sentence is about, when it opens with it ("Belarus held drills on Monday.")."""
    found = [p for p in _places(index, sentence[0], sentence[1]) if not p.body]
    if not found or len({p.owner for p in found}) != 1:
        return None
    first = found[0]
    opening = text[sentence[0]:first.start]
    if len(opening.split()) > 2 or _is_place(text, first) or not _MILITARY_SENTENCE.search(text, *sentence):
        return None
    return first.owner


def _group_named_before(index: OwnerIndex, noun: str, start: int) -> str | None:
    """The armed group named earlier with the same noun ("at least 18 rebels" after "Communist rebels ..."),
    when the text names only one such group."""
    lo = bisect.bisect_left(index.group_starts, start - GROUP_LOOK_BACK)
    hi = bisect.bisect_left(index.group_starts, start)
    wanted = _plural(noun)
    labels = {label for _off, n, label in index.groups[lo:hi] if n == wanted}
    return labels.pop() if len(labels) == 1 else None
