"""The vocabulary of roles: title heads, their modifiers, military ranks and organisation words."""

from __future__ import annotations

import functools

from briefgen.extract.tokens import word_set

# Words that end a role phrase and can stand before a name ("minister", "spokesman").
HEADS = word_set("""
president minister secretary spokesman spokeswoman spokesperson ambassador envoy governor mayor
senator congressman congresswoman representative mp leader chairman chairwoman chairperson chair
chief commander director head chancellor king queen prince princess pope premier superintendent
commandant commissioner judge prosecutor emir sultan ayatollah cardinal archbishop bishop rabbi
mufti speaker ceo treasurer comptroller ombudsman president-elect vice-president vice-chairman
secretary-general under-secretary undersecretary attorney-general negotiator administrator
coordinator adviser advisor aide lawmaker legislator councillor councilor counselor
sheikh monarch emperor patriarch diplomat executive inspector mediator deputy
constable sheriff coroner magistrate warden manager officer justice nominee member
""")

# Military and police ranks: a title when nothing better is given, else dropped.
RANKS = word_set("""
general gen. colonel col. lt. lieutenant major maj. captain capt. admiral adm. brigadier
brig. marshal commodore sergeant sgt. corporal cpl. lt.-col. lt.-gen. maj.-gen. lieutenant-colonel
lieutenant-general major-general rear vice-admiral staff gen col lt maj capt brig adm cmdr
""")

# Ranks that never name a role on their own and are optional for the gold (non-commissioned).
JUNIOR_RANKS = word_set("sergeant sgt. corporal cpl. staff")

# Words that may stand before a head inside the role phrase ("Deputy Foreign Minister").
MODIFIERS = word_set("""
deputy vice assistant under associate acting former ex- ex then interim caretaker outgoing incoming
chief senior principal permanent special presidential executive first second top regional
provincial federal national state foreign defence defense interior home finance economy economic
trade industry justice health education labour labor agriculture energy environment transport
information culture treasury commerce oil petroleum security intelligence military army naval
navy air press prime attorney district opposition party union strike majority minority
parliamentary shadow junior general managing supreme grand lord high deputy-prime
media immigration campaign communications policy employment pensions work science technology
housing local europe european tourism arts rural children women prisons sport sports
constitutional legal political co technical operating financial marketing commercial solicitor
surgeon auditor postmaster adjutant quartermaster crown euro detective budget
""")

# Portfolios that follow "of" inside a title ("Secretary of State", "Minister of Finance").
PORTFOLIOS = word_set("""
state defence defense finance foreign affairs interior justice health education labour labor
trade industry commerce agriculture energy environment transport treasury staff information
culture economy home internal external homeland security public works planning the
parliament commons representatives exchequer
""")

# Words after which a following "General" belongs to the title ("Secretary General").
GENERAL_TAKERS = word_set("secretary attorney director inspector solicitor surgeon governor auditor postmaster "
                          "adjutant quartermaster")

# Titles that often stand before a surname alone ("President Reagan", "Energy Minister Subroto").
SURNAME_TITLES = word_set("""
president premier chancellor pope king queen emperor sultan emir sheikh prince princess minister
secretary senator governor ayatollah mayor justice judge
""")

# Titles whose holder is named by a regnal name ("Pope Francis" -> "Francis").
REGNAL = word_set("pope king queen emperor sultan emir")

# Roles in government or the military, whose country may be inferred from the context.
GOVERNMENT_HEADS = word_set("""
president minister secretary ambassador envoy governor mayor senator congressman congresswoman
representative mp chancellor king queen prince premier speaker commander general colonel
admiral marshal brigadier president-elect vice-president secretary-general attorney-general
lawmaker diplomat negotiator judge justice prosecutor magistrate commissioner inspector constable
superintendent sheriff coroner ombudsman
""")

# Words before a role that put its holding in the past or the future ("the deposed President").
PAST = word_set("former deposed ousted toppled exiled late then previous outgoing incoming ex")

# Roles a country has one holder of at a time: a country named in passing near "President X" does not settle his.
ONE_PER_COUNTRY = frozenset({"president", "prime minister", "premier", "chancellor", "king", "queen", "emperor"})

# Roles that head an international body ("Secretary General"), whose holder's org is a body named nearby.
_BODY_ROLES = frozenset({"secretary general"})


def heads_a_body(title: str) -> bool:
    """True for a role that heads an international body rather than a country's department ("Secretary-General")."""
    return " ".join(title.lower().replace("-", " ").split()[-2:]) in _BODY_ROLES


# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = word_set("""
department ministry office bureau agency council committee commission assembly parliament
congress senate house court party union league front movement organisation organization
association federation institute university college bank fund reserve company corporation
corp corp. inc inc. ltd ltd. plc co co. group holdings airlines airways motors electric dynamics
board authority service services command army navy guard guards force forces corps police
church nations alliance coalition republic kingdom state states government administration
cabinet secretariat tribunal station channel network news times agency embassy consulate
base airport port square street avenue road hospital school stadium cooperation
market centre center museum palace island river mountain valley
cathedral mosque temple prize award cup trophy memorial foundation trust
partners partner accident foods instruments agreement accounting counsel lines chamber
mine mines products industries international
""")

# Short names of organisations, spelt out ("U.N." -> "United Nations").
ORG_ALIASES = {"UN": "United Nations", "U.N.": "United Nations", "EU": "European Union",
               "E.U.": "European Union", "EC": "European Community", "E.C.": "European Community",
               "IMF": "International Monetary Fund", "WHO": "World Health Organization",
               "OPEC": "OPEC", "NATO": "NATO", "OSCE": "OSCE"}

# Abbreviated titles: never a name nor an initial ("Gov. Carruthers" is not "Garrey Carruthers" written short).
ABBREVIATED = word_set("gov. sen. rep. amb. pres. supt. cmdr. insp. gen. col. capt. lt. maj. sgt. adm.")

# Honorifics: not roles, left out of names.
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr. sir dame madam lord lady professor prof prof. rev rev. "
                      "reverend emeritus monsignor monseñor monsenor msgr msgr. mgr mgr.")

PLURALS = {"spokesmen": "spokesman", "spokeswomen": "spokeswoman", "chairmen": "chairman",
           "secretaries": "secretary", "congressmen": "congressman"}


_LONG_HEADS = tuple(h for h in HEADS if len(h) >= 7 and h.isalpha())


def misspelt_head(word: str) -> str | None:
    """Return the head a long capitalised word misspells by one letter ("Prersident"), else None."""
    low = word.lower()
    if len(low) < 7 or not word[:1].isupper() or low in HEADS:
        return None
    for head in _LONG_HEADS:
        if head[0] == low[0] and abs(len(head) - len(low)) <= 1 and _one_edit(low, head):
            return head
    return None


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_PREFIXES = ("co-", "vice-", "ex-", "deputy-", "acting-")


def is_head(low: str, heads: frozenset[str]) -> bool:
    """True for a word that ends a role phrase: "minister", "leaders", "co-chairman"."""
    if low in heads:
        return True
    if low.endswith("s") and singular(low) in heads:
        return True
    if low.endswith("-general") and low[:-8] in GENERAL_TAKERS | heads:
        return True  # "Director-General", "Governor-General"
    return low.startswith(_PREFIXES) and low.split("-", 1)[1] in heads


def head_of(title: str | None) -> str:
    """The head word of a role in lower case: "Secretary of State" -> "secretary"."""
    words = (title or "").lower().split()
    for i, word in enumerate(words):
        if word in ("of", "to", "for", "in", "at") and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def singular(word: str) -> str:
    """Return the singular of a plural head ("leaders" -> "leader"), or the word itself."""
    low = word.lower()
    if low in PLURALS:
        return PLURALS[low]
    if low.endswith("s") and low[:-1] in HEADS:
        return low[:-1]
    return low


# Parties whose name before a role tells the country and the party ("Tory leader", "Labour MP").
# "democrat" and "dem" alone are American; after "Liberal" or "Lib" they are the British Liberal Democrats.
PARTIES: dict[str, tuple[str | None, str]] = {
           "tory": ("United Kingdom", "Conservative Party"), "tories": ("United Kingdom", "Conservative Party"),
           "conservative": ("United Kingdom", "Conservative Party"), "labour": ("United Kingdom", "Labour Party"),
           "snp": ("United Kingdom", "Scottish National Party"), "ukip": ("United Kingdom", "UK Independence Party"),
           "plaid": ("United Kingdom", "Plaid Cymru"), "republican": ("United States", "Republican Party"),
           "democratic": ("United States", "Democratic Party"), "democrat": ("United States", "Democratic Party"),
           "dem": ("United States", "Democratic Party"),
           "liberal": (None, "Liberal Party")}  # Britain's before 1988, Canada's, Australia's: no one country
LIBERAL_DEMOCRATS: tuple[str | None, str] = ("United Kingdom", "Liberal Democrats")

# Roles that are seats in a legislature: a party before them is the member's, the org is the country.
SEATS = word_set("""
mp mps msp msps mep meps senator senators congressman congresswoman congressmen representative lawmaker
legislator councillor councilor assemblyman assemblywoman
""")

# Roles of a place below a country, whose "of X" stays in the title ("mayor of London", "governor of Ohio").
LOCAL_HEADS = word_set("mayor governor premier councillor councilor lieutenant-governor sheriff")
# The nations of the United Kingdom, kept in a title ("First Minister of Scotland"); the org is the country.
UK_NATIONS = frozenset({"Scotland", "Wales", "England", "Northern Ireland"})

# Roles of American politics, after which "of Georgia" is the state ("Senator X of Georgia").
US_ROLES = word_set("senator congressman congresswoman representative governor")

# Roles of companies and bodies, before which capitalised words name the employer ("Jardine chairman").
COMPANY_HEADS = word_set("""
chairman chairwoman chairperson president chief executive director spokesman spokeswoman spokesperson
manager treasurer officer head ceo vice-president vice-chairman governor leader secretary
""")

# Heads whose portfolio may be any word ("Planning Minister", "aid minister", "Transportation Secretary").
PORTFOLIO_HEADS = word_set("minister ministers secretary secretaries commissioner commissioners undersecretary "
                           "under-secretary")

# Lower-case words that end a role phrase read backwards: they qualify the clause, not the role.
NOT_PORTFOLIO = word_set("""
is are was were be been being has have had do does did will would shall should may might must can could
said says told say tell asked who whom whose which that what where when why how not no nor so than too very
also just only even still yet ever never new current incumbent sitting longtime veteran serving its their our
they we he she it you i them us him me
your my his her other another each every both either all some many several few one two three four five
six seven eight nine ten first second third fourth fifth last next previous whom a an the this these
opponent opponents critic critics supporter supporters rival rivals ally allies colleague colleagues fellow
friend friends challenger challengers
those there here and or but if as of in on at to for
from by with about against after before during since until while into onto over under per via
""")

# Role words used by one country only (True), or mostly by one country (False).
_COUNTRY_ROLES: dict[str, tuple[str | None, bool]] = {
                  "home secretary": ("United Kingdom", True),
                  "exchequer": ("United Kingdom", True),
                  "secretary of state for": (None, False),  # Britain's, Canada's: never the U.S. office
                  "secretary of state": ("United States", False), "senator": ("United States", False),
                  "congressman": ("United States", False), "congresswoman": ("United States", False)}


def country_of_role(title: str) -> tuple[str | None, bool]:
    """(country, sure) that a role belongs to by its very name ("shadow home secretary"), else (None, False)."""
    low = title.lower()
    return next((found for words, found in _COUNTRY_ROLES.items() if words in low), (None, False))


@functools.lru_cache(maxsize=64)
def extended_heads(extra_titles: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Return (heads, modifiers) with a newsroom's extra titles added ("Chief Rabbi")."""
    heads, mods = set(HEADS), set(MODIFIERS)
    for title in extra_titles:
        words = title.lower().split()
        if words:
            heads.add(words[-1])
            mods.update(words[:-1])
    return frozenset(heads), frozenset(mods)
