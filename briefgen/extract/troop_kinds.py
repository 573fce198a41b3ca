"""Whether a troop count counts casualties (killed, wounded, captured, infected) or the strength of a force.

A casualty word counts only where it governs the count: "killed 23 soldiers", "23 soldiers were
killed", "the deaths of 23 soldiers". It does not when the soldiers do the killing ("23 soldiers
killed two gunmen") or when it belongs to another phrase ("300 troops were sent after rebels killed
five villagers").
"""

from __future__ import annotations

import re

from briefgen.extract.tokens import word_set

_CASUALTY_ADJECTIVES = word_set("wounded injured dead captured missing slain infected sick kidnapped abducted")
# A casualty verb or noun just before the count: "killed at least 20", "killing and wounding 30", "the deaths of".
_VERB_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|captur(?:ed|ing|es)|execut(?:ed|ing|es)|"
    r"kidnapp(?:ed|ing)|abduct(?:ed|ing|s)|detain(?:ed|ing|s)?|arrest(?:ed|ing|s)?|lost|los(?:ing|es|e)|shot|"
    r"massacred|infect(?:ed|ing|s)?|evacuated\s+the\s+bodies\s+of)"
    r"(?:\s+(?:and|or)\s+(?:kill|wound|injur|captur)\w*)?\s+$", re.I)
_NOUN_BEFORE = re.compile(
    r"\b(?:deaths?|bodies|loss|losses|killings?|capture|release|remains|funerals?|executions?|massacre|"
    r"casualties|toll)\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
# A list after a casualty word in the same clause: "the deaths are twelve civilians, four soldiers".
_LIST_BEFORE = re.compile(
    r"\b(?:(?:deaths|dead|toll|casualties|victims|wounded|injured|killed|infected|captured|infections)\s+"
    r"(?:are|were|include[sd]?|was|including)|"
    r"(?:killed|killing|wounded|wounding|injured|injuring|dead|died)\b[^.;:]{0,50}\b(?:including|among\s+them)|"
    r"(?:killed|wounded|injured|hurt|captured|dead)\b[^.;:,]{0,30},?\s+as\s+(?:were|was|did)\s+$)",
    re.I)
_AUXILIARY = (r"(?:were|was|are|is|have|has|had|been|being|be|got|get|reportedly|also|later|all|both|each|"
              r"subsequently|allegedly|then|reported|confirmed|feared|believed|presumed|said\s+to\s+(?:be|have)|"
              r"thought\s+to\s+(?:be|have)|who|that|still)")
# A casualty predicate after the count: "23 soldiers were killed", "220 men killed", "18 soldiers tested positive".
_QUANTITY = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
             r"fifty|hundreds|thousands|dozens|scores|many|several|some|another|other|an?)")
# Further items of a list of counts, or a second noun, before the predicate that they share:
# "150 soldiers, 95 civilians and hundreds of militants killed", "40 soldiers and guerrillas ... died".
_PREDICATE_WORDS = r"were|was|are|is|had|have|has|been|killed|died|dead|wounded|injured|hurt|missing|captured"
_NOT_ITEM_WORD = r"(?!(?:" + _PREDICATE_WORDS + r"|and|or)\b)"
_LIST_ITEMS = (r"(?:\s*,?\s*(?:and\s+|or\s+)?" + _QUANTITY + r"(?:\s+of)?(?:\s+" + _NOT_ITEM_WORD
               + r"[\w'’-]+){1,2})*+"
               r"(?:\s+(?:and|or)(?:\s+(?!(?:" + _PREDICATE_WORDS + r"|after|when|while|who|that|which|to)\b)"
               r"[\w.'’-]+){1,8}+(?=\s+(?:" + _PREDICATE_WORDS + r")\b))?"
               # A place or vehicle after the noun: "three soldiers on a military truck were burned".
               r"(?:\s+(?:on|in|at|aboard|inside|near|from|of|with)(?:\s+(?!(?:" + _PREDICATE_WORDS
               + r"|and|or|where|who|which|that|when|after|while|because)\b)[\w.'’-]+){1,4}+)?")
_PREDICATE_AFTER = re.compile(
    r"(?:\s*,[^,.;]{1,40},)?" + _LIST_ITEMS + r"\s*,?\s*\b(?P<aux>(?:" + _AUXILIARY + r"\s+)*)"
    r"(?P<verb>killed|died|dead|wounded|injured|hurt|missing|captured|taken\s+(?:prisoner|hostage|captive)|"
    r"held\s+(?:captive|hostage|prisoner|by)|infected|tested\s+positive|kidnapped|abducted|executed|slain|perished|"
    r"lost\s+their\s+lives|among\s+(?:the\s+|those\s+)?(?:dead|killed|wounded|injured|casualties|victims)|"
    r"surrendered|detained|arrested|prisoners?|hostages?|captive|hospitali[sz]ed|in\s+hospital|burned|burnt|"
    r"stabbed|beaten|maimed|(?<=were\s)shot|(?<=was\s)shot)\b", re.I)
_TRANSITIVE = word_set("killed wounded injured captured kidnapped abducted executed detained arrested infected")
# What follows a verb whose subject the count is: an object ("23 soldiers killed two gunmen").
_OBJECT_AFTER = re.compile(
    r"\s+(?:the|a|an|his|her|their|its|several|many|dozens|hundreds|scores|at\s+least|more\s+than|some|"
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten|civilians|people|rebels|soldiers|troops|militants|"
    r"insurgents|fighters|guerrillas|gunmen|villagers|policemen|police)\b", re.I)
_PASSIVE = word_set("were was are is been being be got get reported confirmed feared believed presumed")
_HELD_AFTER = re.compile(r"\s+(?:prisoners?|hostages?|captive)\b", re.I)


def is_casualty(text: str, mods: list[str], start: int, end: int) -> bool:
    """True when the count text[start:end] is of killed, wounded, captured or infected personnel."""
    if any(w.lower() in _CASUALTY_ADJECTIVES for w in mods):
        return True  # "12 wounded soldiers"
    before = text[max(0, start - 60):start]
    if _VERB_BEFORE.search(before) or _NOUN_BEFORE.search(before):
        return True
    clause = re.split(r"[.;:]", text[max(0, start - 90):start])[-1]
    if _LIST_BEFORE.search(clause):
        return True
    if _HELD_AFTER.match(text, end, end + 20):
        return True  # "took 30 soldiers prisoner"
    m = _PREDICATE_AFTER.match(text, end, end + 120)
    if m is None:
        return False
    passive = bool(set(m.group("aux").lower().split()) & _PASSIVE)
    active = not passive and m.group("verb").lower() in _TRANSITIVE
    return not (active and _OBJECT_AFTER.match(text, m.end(), m.end() + 20))
