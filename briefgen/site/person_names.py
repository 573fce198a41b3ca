"""Where a person's name sorts: by family name, which comes first in Chinese, Korean and Vietnamese names
("Xi Jinping" under X) and last in most others ("Antony Blinken" under B, "Ursula von der Leyen" under L)."""

from __future__ import annotations

import re
import unicodedata

from briefgen.extract.names import PARTICLES
from briefgen.text.lexicon import word_set

FAMILY_NAMES_FIRST = word_set("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren yao shen zhong
cui tan fan jin shi qin lai xi wen kong bai meng hou qiu mao qian yan gu lei long duan hao kang shao wan qi
xiong chang mo zou hong xue ni tsai chiang chou lam chan leung wong cheung ho lau yeung tse kwok mak tsang ng
chow chu lo fung hui ip lui siu tong yip
kim lee park choi jung jeong cho yoon yun jang lim oh seo shin kwon hwang ahn yoo ryu jeon ko moon son bae
baek heo nam noh roh ban
nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong ly
hun
""")
"""Common family names of languages that put the family name first, as English news spells them."""

EAST_ASIAN_ORGS = word_set("""
china chinese taiwan taiwanese korea korean vietnam vietnamese singapore singaporean cambodia cambodian
hong kong macau macao
""")
"""Words of a country or organisation that make a family-name-first reading of a name likely."""

_SUFFIXES = word_set("jr jr. sr sr. ii iii iv")
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)"
    r"|er){1,3}"
)
"""A given name written as one to three Mandarin syllables ("Jinping", "Keqiang", "Yi")."""
_VIETNAMESE = re.compile(r"(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
"""One syllable of a Vietnamese given name without its marks ("Xuan", "Phuc", "Minh")."""


def plain(text: str) -> str:
    """Lower case, accents and marks removed ("Nguyễn" -> "nguyen")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _looks_east_asian(given: list[str]) -> bool:
    """A given name romanised from Chinese, Korean or Vietnamese: hyphenated syllables ("Jong-un"), pinyin
    ("Jinping") or one-syllable words ("Xuan Phuc")."""
    if not given:
        return False
    words = [plain(w) for w in given]
    if len(words) > 2:
        return False
    return all("-" in w for w in words) or all(_PINYIN.fullmatch(w) or _VIETNAMESE.fullmatch(w) for w in words)


def family_name_first(name: str, orgs: tuple[str, ...] = ()) -> bool:
    """True when the first word of `name` is its family name: a family name of a family-name-first language,
    followed by a given name romanised that way or held by someone of an East Asian country."""
    words = name.split()
    if len(words) < 2 or plain(words[0]) not in FAMILY_NAMES_FIRST:
        return False
    org_words = {w for org in orgs for w in plain(org).replace("-", " ").split()}
    return bool(org_words & EAST_ASIAN_ORGS) or _looks_east_asian(words[1:])


def sort_key(name: str, orgs: tuple[str, ...] = ()) -> str:
    """The name as an index sorts it: family name first, without particles or suffixes, in plain lower case
    ("Xi Jinping" -> "xi jinping", "Ursula von der Leyen" -> "leyen ursula von der")."""
    words = [w for w in name.split() if plain(w).rstrip(",") not in _SUFFIXES] or name.split()
    if not words:
        return ""
    if family_name_first(name, orgs):
        return plain(" ".join(words))
    family = len(words) - 1
    while family > 1 and plain(words[family - 1]) in PARTICLES:
        family -= 1  # "von der Leyen": the particles belong to the family name, which sorts by "Leyen"
    main = re.sub(r"^(?:al|el|ad|ar|as|at|an|ash)-", "", plain(words[-1]))  # "al-Assad" sorts under A
    return " ".join([main, *(plain(w) for w in words[:family]), *(plain(w) for w in words[family:-1])])


def index_letter(key: str) -> str:
    """The A–Z letter a sort key is filed under; "#" for anything else."""
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else "#"
