"""Which names of officials, across articles, belong to one person: a pure function of the names.

Precision first: a wrong merge puts one person's words on another's page, which is worse than
showing one person twice. Names are merged when they agree after what routinely varies between
articles (case, accents, punctuation, honorifics, transliteration, nicknames, middle initials, a
surname alone); a name that could belong to two people is left on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.text.lexicon import word_set

# Words before a name that are not part of it ("Mr Blair", "Sir Ian Blair", "Dr. Fauci").
_HONORIFICS = word_set("mr mrs ms miss mx dr sir dame prof professor rev reverend hon honourable honorable "
                       "sheikh sheik shaikh lord lady")
# Words after a name that tell a father from a son; kept apart from the middle names.
_SUFFIXES = word_set("jr sr ii iii iv")
# Short forms of English given names, each with the full names it stands for.
_NICKNAMES: dict[str, tuple[str, ...]] = {
    "bill": ("william",), "will": ("william",), "billy": ("william",), "bob": ("robert",), "rob": ("robert",),
    "bobby": ("robert",), "jim": ("james",), "jimmy": ("james",), "mike": ("michael",), "tony": ("anthony",),
    "joe": ("joseph",), "tom": ("thomas",), "tommy": ("thomas",), "dick": ("richard",), "rick": ("richard",),
    "chuck": ("charles",), "charlie": ("charles",), "dan": ("daniel",), "danny": ("daniel",),
    "dave": ("david",), "steve": ("stephen", "steven"), "chris": ("christopher",), "nick": ("nicholas",),
    "alex": ("alexander",), "sam": ("samuel",), "ben": ("benjamin",), "andy": ("andrew",),
    "tim": ("timothy",), "pat": ("patrick", "patricia"), "ron": ("ronald",), "don": ("donald",),
    "jerry": ("gerald", "jerome"), "larry": ("lawrence", "laurence"), "jack": ("john",), "hank": ("henry",),
    "harry": ("henry",), "peggy": ("margaret",), "maggie": ("margaret",), "liz": ("elizabeth",),
    "beth": ("elizabeth",), "kate": ("katherine", "catherine", "kathryn"), "sue": ("susan",),
    "jeff": ("jeffrey",), "greg": ("gregory",), "matt": ("matthew",), "pete": ("peter",),
    "fred": ("frederick",), "ed": ("edward",), "ted": ("edward", "theodore"), "ken": ("kenneth",),
    "vince": ("vincent",), "mitch": ("mitchell",), "newt": ("newton",), "nancy": ("ann", "anne"),
}
# Spellings that vary between transliterations of one name (Zelensky, Zelenskyy, Zelenskiy; Yanukovych,
# Yanukovich; Gadhafi, Gaddafi; Mikhail, Mihail), kept to those that rarely tell two English names apart.
_TRANSLITERATION = ((re.compile(r"(?:yy|iy|ii|yi|y)$"), "i"), (re.compile(r"ych"), "ich"),
                    (re.compile(r"(?<=\w)kh"), "h"), (re.compile(r"^q"), "k"), (re.compile(r"dh"), "d"),
                    (re.compile(r"(.)\1+"), r"\1"))


@dataclass(frozen=True)
class NameRecord:
    """One official as one article gives them: the name, and their country or organisation if known."""

    name: str
    org: str | None = None


@dataclass(frozen=True)
class _Parsed:
    """A name cut into what tells people apart: given name, middle initials, suffix, surname."""
    first: str
    """The given name as written, normalised ("" for a surname alone)."""
    middles: tuple[str, ...]
    """Initials of the middle names ("r" for "John R. Bolton")."""
    suffix: str
    last: str
    """The surname's transliteration key."""

    @property
    def full(self) -> bool:
        """True when the name has a given name, not only a surname."""
        return bool(self.first)


def plain(name: str) -> str:
    """A name without case, accents or punctuation ("Zbigniew Rau." -> "zbigniew rau")."""
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalnum() else " " for c in ascii_only).split())


def spelling_key(word: str) -> str:
    """A word with the spellings that vary between transliterations made one ("zelenskyy" -> "zelenski")."""
    for written, same in _TRANSLITERATION:
        word = written.sub(same, word)
    return word


def _parse(name: str) -> _Parsed | None:
    """A name in parts, honorifics dropped; None when nothing is left."""
    words = plain(name).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    suffix = words.pop() if len(words) > 1 and words[-1] in _SUFFIXES else ""
    if not words:
        return None
    if len(words) == 1:
        return _Parsed("", (), suffix, spelling_key(words[0]))
    # Surname particles ("al", "bin", "van", "de") go with the surname, which is keyed on its last word.
    return _Parsed(words[0], tuple(w[0] for w in words[1:-1]), suffix, spelling_key(words[-1]))


def _given_names(first: str) -> frozenset[str]:
    """The given names a written first name may stand for: itself, its full forms, spelt one way."""
    return frozenset(spelling_key(n) for n in (first, *_NICKNAMES.get(first, ())))


def _same_given_name(a: str, b: str) -> bool:
    """True for "bill"/"william", "volodymyr"/"volodimir"; an initial is not enough here."""
    return len(a) > 1 and len(b) > 1 and bool(_given_names(a) & _given_names(b))


def _compatible(a: _Parsed, b: _Parsed) -> bool:
    """True when nothing in two full names tells two people apart (not "George H. W." and "George W.")."""
    if a.last != b.last or (a.suffix and b.suffix and a.suffix != b.suffix):
        return False
    if a.middles and b.middles and a.middles != b.middles:
        return False
    return _same_given_name(a.first, b.first)


def group_names(records: Sequence[NameRecord]) -> list[int]:
    """The person each record belongs to, as a group number (0, 1, ...) in order of first appearance."""
    parsed = [_parse(r.name) for r in records]
    groups = _UnionFind(len(records))
    by_plain: dict[str, int] = {}
    for i, r in enumerate(records):
        key = plain(r.name)
        if key in by_plain:
            groups.join(by_plain[key], i)  # the same name written the same way
        else:
            by_plain[key] = i
    # From here on one record stands for all that write its name the same way: a name given in a
    # thousand articles is compared once.
    distinct = sorted(by_plain.values())
    by_last: dict[str, list[int]] = {}
    for i in distinct:
        p = parsed[i]
        if p is not None and p.full:
            by_last.setdefault(p.last, []).append(i)
    for members in by_last.values():
        _merge_full_names(members, parsed, records, groups)
    for i in distinct:
        p = parsed[i]
        if p is not None and not p.full:
            _join_surname(i, p, by_last.get(p.last, []), records, groups)
    return groups.numbers()


def _merge_full_names(members: list[int], parsed: list[_Parsed | None], records: Sequence[NameRecord],
                      groups: _UnionFind) -> None:
    """Merge the full names that share a surname when they can only be one person."""
    names = {i: p for i in members if (p := parsed[i]) is not None}
    fits = {i: [j for j in members if j != i and _compatible(names[i], names[j])] for i in members}
    # A name without middle initials or suffix that fits fuller names of two people ("George Bush" beside
    # "George W. Bush" and "George H. W. Bush") could be either, and joins neither.
    fuller = {i: {_detail(names[j]) for j in fits[i]} - {_detail(names[i])} for i in members}
    for i in members:
        for j in fits[i]:
            if _detail(names[i]) != _detail(names[j]):
                vaguer = i if _less_detailed(names[i], names[j]) else j
                if len(fuller[vaguer]) > 1:
                    continue
            # A nickname is weaker evidence than the same given name: it also needs the countries not to differ.
            same_given = spelling_key(names[i].first) == spelling_key(names[j].first)
            if same_given or _orgs_agree(groups, records, i, j):
                groups.join(i, j)


def _detail(p: _Parsed) -> tuple[tuple[str, ...], str]:
    """What a name says beyond its given name and surname: middle initials and suffix."""
    return p.middles, p.suffix


def _less_detailed(a: _Parsed, b: _Parsed) -> bool:
    """True when `a` says less than `b` about which person it is (no middle initials, no suffix)."""
    return len(a.middles) + bool(a.suffix) < len(b.middles) + bool(b.suffix)


def _join_surname(i: int, p: _Parsed, candidates: list[int], records: Sequence[NameRecord],
                  groups: _UnionFind) -> None:
    """A surname alone joins the one person with that surname, if the organisations do not disagree."""
    people = {groups.find(j) for j in candidates}
    if len(people) == 1:
        j = candidates[0]
        if _orgs_agree(groups, records, i, j):
            groups.join(i, j)


def _orgs_agree(groups: _UnionFind, records: Sequence[NameRecord], i: int, j: int) -> bool:
    """False when both sides give countries or organisations and none is shared ("Blair" of two countries)."""
    a = {records[k].org for k in groups.members(i) if records[k].org}
    b = {records[k].org for k in groups.members(j) if records[k].org}
    return not a or not b or bool(a & b)


class _UnionFind:
    """Groups of record numbers that can be joined."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self._members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        """The group a record belongs to (its root)."""
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def members(self, i: int) -> list[int]:
        """Every record in the group of record `i`."""
        return self._members[self.find(i)]

    def join(self, i: int, j: int) -> None:
        """Make one group of the groups of records `i` and `j`."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if len(self._members[a]) < len(self._members[b]):
            a, b = b, a
        self._parent[b] = a
        self._members[a] += self._members.pop(b)

    def numbers(self) -> list[int]:
        """Each record's group, numbered in order of first appearance."""
        seen: dict[int, int] = {}
        return [seen.setdefault(self.find(i), len(seen)) for i in range(len(self._parent))]


def title_key(title: str) -> str:
    """Titles compared without case or spacing ("President" == "president", "Prime  Minister")."""
    return " ".join(title.casefold().split())


def display_titles(titles: Sequence[str]) -> tuple[str, ...]:
    """The distinct titles, most frequent first (then first given), each in its most capitalised common form."""
    forms: dict[str, Counter[str]] = {}
    for t in titles:
        forms.setdefault(title_key(t), Counter())[" ".join(t.split())] += 1
    order = sorted(forms, key=lambda k: -sum(forms[k].values()))
    return tuple(max(forms[k], key=lambda f: (sum(c.isupper() for c in f), forms[k][f])) for k in order)


def agreed(values: Sequence[str]) -> str | None:
    """The value that more than half of the values given agree on, else None (the articles disagree)."""
    if not values:
        return None
    value, n = Counter(values).most_common(1)[0]
    return value if 2 * n > len(values) else None
