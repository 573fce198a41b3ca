"""What a person's name looks like in news copy: runs of capitalised words that are not titles."""

from __future__ import annotations

import functools
import re
import unicodedata

from briefgen.extract import countries, titles
from briefgen.extract.tokens import Token, word_set

# Lower-case particles inside names ("Arnel dela Vega", "Bashir al Assad").
PARTICLES = word_set("arap wa al el bin ibn ben de da di du del della dela dos das van von der den le la ter y")

_PATRONYMICS = word_set("bin ibn ben bint")
_CALENDAR = word_set("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
""")

# Capitalised words that start sentences or name things, never people.
_COMMON = word_set("""
the a an this that these those there here he she it they we you i his her its their our my your
in on at of for to from by with and or but as if when while after before since until during
yesterday today tomorrow tonight last next earlier later also however meanwhile according
north south east west northern southern eastern western central new old great greater
god allah islam islamic christian muslim catholic jewish communist socialist democrat republican
democratic liberal conservative labour tory green nato un eu opec osce isis isil reuters afp
ap bbc cnn twitter facebook news television radio candidate nominee hopeful designate elect
election elections workers worker staff world public mother father son daughter wife husband
brother sister
both either neither each every many most some several such only even just then now still yet thus
hence instead indeed although though because unlike like among despite following under over
speaking asked asking responding according once whether why how what who which where all any
no not nor none another other others more less much few both image photo picture video file credit
source caption copyright dear hello thanks
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas
utah vermont wisconsin wyoming
""")

_SUFFIXES = word_set("jr. jr sr. sr")

# Capitalised words in portfolios and regions that are never names ("East African Affairs").
_NOT_NAMES = word_set("affairs african european asian arab american pacific atlantic mediterranean caribbean")

SHIP_WORDS = word_set("ship vessel frigate destroyer tanker freighter boat carrier cruiser submarine "
                       "corvette warship ferry")


# Name parts that start in lower case: "al-Saadani", "d'Estaing".
_LOWER_NAME_PART = re.compile(r"^(?:(?:al|el|ad|ash|as|ar|an|at|az|bin|ibn|abd|abu)-|[dl]['’])[A-Z]")
_REGNAL_NUMBER = word_set("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI")
# Title words that are also common surnames ("John Major", "Billie Jean King"), inside a name only.
SURNAME_TITLES = word_set("major king prince bishop marshal judge chancellor dean speaker cardinal "
                            "general governor")


def is_common_word(low: str) -> bool:
    """True for a word that opens sentences or names things, never a person or a company ("both", "only")."""
    return low in _COMMON


def is_name_word(tok: Token) -> bool:
    """True for a capitalised word that can be part of a person's name."""
    if not tok.capitalised and not tok.text[0].islower():
        return len(tok.text) == 2 and tok.text[1] == "." and tok.text[0].isupper()  # initial "J."
    return _is_name_text(tok.text)


# Endings of English nouns that are not surnames ("General Agreement", "Supreme Commission"); "-ics" is left
# out for Baltic surnames ("Rinkevics"), and "-ment" needs eight letters for "Clement".
_NOUN_ENDINGS = ("tion", "sion", "ness", "ity", "ship", "tions", "sions", "nesses", "ities", "ships", "ments")


@functools.lru_cache(maxsize=8192)
def _is_name_text(text: str) -> bool:
    if _LOWER_NAME_PART.match(text):
        return True
    if not (text[0].isupper() and any(c.islower() for c in text)):
        return False
    low = text.lower()
    if (low.endswith(_NOUN_ENDINGS) and len(low) > 6) or (low.endswith("ment") and len(low) > 7):
        return False
    if len(low) >= 7 and titles.misspelt_head(text) is not None:
        return False  # "Represenative Adam Schiff"
    if low in _COMMON or low in _CALENDAR or low in titles.HONORIFICS or low in titles.ABBREVIATED or low in _SUFFIXES:
        return False
    if low in titles.HEADS or low in titles.RANKS or low in titles.ORG_WORDS or low in _NOT_NAMES:
        return False
    if low in titles.MODIFIERS and low not in ("grand", "lord", "major", "then"):
        return False
    return countries.country_of(text, capitals=False) is None


BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n|\n[ \t]{3,}")
"""A paragraph break, even with spaces on the empty line, or a new line indented as wire copy opens its
paragraphs: no name runs across one."""


def name_run(tokens: list[Token], i: int, text: str) -> int:
    """Return the end index (exclusive) of the name starting at token i, or i when none starts there."""
    j = i
    n = len(tokens)
    while j < n and j - i < 5:
        tok = tokens[j]
        if j > i and BLANK_LINE.search(text, tokens[j - 1].end, tok.start):
            break
        if is_name_word(tok):
            j += 1
            continue
        if j > i and _inner_name_word(tok, tokens[j + 1] if j + 1 < n else None):
            j += 1
            continue
        if (j > i and tok.lower in PARTICLES and j + 1 < n and tokens[j + 1].start - tok.end <= 1
                and (is_name_word(tokens[j + 1]) or (tokens[j + 1].lower in PARTICLES and j + 2 < n
                                                     and is_name_word(tokens[j + 2]))
                     or (tok.lower in _PATRONYMICS and tokens[j + 1].capitalised))):
            j += 2 if tok.lower in _PATRONYMICS else 1  # "Zaid bin Sultan", whatever the word after "bin"
            continue
        break
    while j > i and tokens[j - 1].text.endswith(".") and len(tokens[j - 1].text) == 2:
        j -= 1  # a name does not end in an initial
    if j > i and j < n and tokens[j].lower in _SUFFIXES:
        j += 1  # "Martin Luther King Jr."
    return j


# Common words that are also surnames ("Oliver North", "Brian Green"), inside a name only.
SURNAME_WORDS = word_set("north south east west green young new may june april august")


def _inner_name_word(tok: Token, nxt: Token | None) -> bool:
    """A word that is a name only after a first name: "Major", "Jordan", a regnal number "II"."""
    if tok.text in _REGNAL_NUMBER:
        return nxt is None or not is_name_word(nxt)
    if not tok.capitalised:
        return False
    if nxt is not None and (is_name_word(nxt) or nxt.lower in titles.HEADS or nxt.lower in titles.MODIFIERS):
        return False
    if tok.lower in SURNAME_TITLES or tok.lower in SURNAME_WORDS:
        return nxt is None or not nxt.text[0].isdigit()  # "Theresa May said", not "Smith May 5"
    country = countries.country_of(tok.text, capitals=False)
    return country is not None and country == tok.text and " " not in country


# Nouns after a name that make it the name of a thing ("the King Edward hotel", "a Captain Cook vape shop").
_THINGS = word_set("""
store stores shop shops station street road avenue bridge hotel restaurant cafe pub bar school college
hospital airport stadium park square building centre center memorial statue award prize cup trophy ship
vessel boat plane train line estate farm brand label chain outlet franchise range cross day holiday
highway tunnel canal dam mall market theatre theater cinema club museum library gallery lecture
""")
# Words after a name that make it a company's ("A" of "A/S", "Ltd", "GmbH").
_COMPANY_SUFFIXES = frozenset({"Ltd", "Inc", "Corp", "Co", "Plc", "PLC", "AG", "SA", "NV", "BV", "GmbH", "SpA", "A",
                               "AB", "ASA", "Oy", "KK"})
# Words of the screen and stage before "director" ("a film by director X").
_SCREEN = word_set("film films movie movies play plays documentary series show by")
# Last words of place names ("General Santos City", "Prince Edward Island").
_PLACE_ENDS = word_set("city town county province district island islands village municipality")
# Words before a title that make what follows a character or a work, not a holder ("played President X").
_PLAYING = word_set("play plays played playing portray portrays portrayed portraying voice voices voiced starring "
                    "character characters")


def is_place_or_thing(tokens: list[Token], start: int, end: int, title_start: int) -> bool:
    """True when a titled name is really part of a base, ship, shop or company name, or a character played."""
    if end < len(tokens):
        nxt = tokens[end]
        if nxt.capitalised and (nxt.lower in titles.ORG_WORDS or nxt.lower in _PLACE_ENDS):
            return True
        if nxt.text == "/":
            return True  # photo credit "Alexei Nikolsky / Agency"
        if nxt.text.rstrip(".") in _COMPANY_SUFFIXES or (nxt.lower in ("and", "&") and end + 1 < len(tokens)
                                                          and tokens[end + 1].text.rstrip(".") in _COMPANY_SUFFIXES):
            return True  # "De Vries Suikerfabriek A/S", "Hale Brothers Ltd", "Lane Hart and Co": a company
        if nxt.text == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")" and tokens[end + 1].acronym \
                and len(tokens[end + 1].text) > end - start \
                and tokens[end + 1].text.endswith("".join(t.text[0] for t in tokens[start:end])):
            return True  # "... Coffee Exporters (AICE)": the words spell the tail of a longer body's initials

        if nxt.text.islower() and (nxt.lower in _THINGS or (
                end + 1 < len(tokens) and tokens[end + 1].text.islower() and tokens[end + 1].lower in _THINGS
                and nxt.lower not in titles.NOT_PORTFOLIO)):
            return True  # "the King Vapealot vape store"
        if nxt.text in ("'s", "’s", "'", "’") and end + 1 < len(tokens) and (
                tokens[end + 1].lower in _THINGS or tokens[end + 1].lower in titles.ORG_WORDS):
            return True  # "the Queen Mary's hospital", "Gen. Santos Doctors' Hospital"
    before = tokens[max(0, title_start - 3):title_start]
    if any(t.lower in _PLAYING for t in before) or (before and before[-1].lower == "as"
                                                       and any(t.lower in ("role", "roles", "known") for t in before)):
        return True  # "Ford played President Marshall", "in the role of King Lear", "also known as King X"
    if title_start < len(tokens) and tokens[title_start].lower in ("director", "producer") \
            and any(t.lower in _SCREEN for t in before):
        return True  # "a film by director X": a film's maker, not an official
    clause = tokens[max(0, title_start - 8):title_start]
    if any(t.lower in _PLAYING and not any(u.text in ".!?;,:" or u.lower in ("role", "part", "roles")
                                           for u in clause[n:]) for n, t in enumerate(clause)):
        return True  # "Lee portrayed the young King X": a character, within the clause; not "played a role"
    if end - start == 1 and title_start > 0 and tokens[title_start - 1].lower in ("in", "at", "near"):
        return True  # "recorded in Sultan Kudarat": a place named after a title
    if tokens[end - 1].lower in _PLACE_ENDS:
        return True  # "General Santos City"
    return title_start > 0 and tokens[title_start - 1].lower in SHIP_WORDS


@functools.lru_cache(maxsize=4096)
def folded(word: str) -> str:
    """The word without accents ("Erdoğan" -> "Erdogan")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two name forms can belong to one person ("Putin", "Vladimir Putin", "Erdoğan")."""
    if not a or not b or folded(a[-1]) != folded(b[-1]):
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0].rstrip(".")[:1] == b[0].rstrip(".")[:1] and (a[0].startswith(b[0]) or b[0].startswith(a[0])
                                                             or a[0].endswith(".") or b[0].endswith("."))


def one_letter_apart(a: str, b: str) -> bool:
    """True for two spellings of one length that differ in one letter, not the first ("Rau", "Rao")."""
    if len(a) != len(b) or len(a) < 3 or a[0] != b[0] or a == b:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1
