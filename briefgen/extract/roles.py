"""Read the role phrase around a title word: its words, its country or organisation, where it ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.extract import countries, titles
from briefgen.extract.countries import BUILT_IN, Gazetteer
from briefgen.extract.names import is_common_word as names_common
from briefgen.extract.names import is_name_word
from briefgen.extract.tokens import Token, word_set

_POSSESSIVE = ("'s", "’s")
# Words that end a lower-case complement ("Envoy to the coalition against ISIL until December").
_COMPLEMENT_STOP = word_set("""
until since from when who which that and or but said says told on at in during after before while as
by with is was has had will would
""")
# Words that are role words only when capitalised ("Under Secretary", not "under Prince Eugene").
_CAPITALISED_ONLY = titles.RANKS | word_set("under first second top state general then grand lord")
# Words that open a role phrase and may be followed by a portfolio name ("Deputy ... Minister").
_LEADERS = word_set("deputy vice acting former assistant junior shadow")
_TO_TAKERS = word_set("ambassador envoy representative adviser advisor delegate emissary aide secretary")
_LINKING = word_set("of and for the &")
PHRASE = 12
"""The most words a role phrase, an organisation's name or a complement may have: every scan stops
there, so reading a role costs the same whatever the text holds around it."""
# Words before a role that say which holder it was, not what the role is ("the country's first president").
_ORDINALS = word_set("first second third fourth fifth sixth seventh eighth ninth tenth 1st 2nd 3rd 4th 5th")
# Words of a role's status kept in the title, like "former" ("the ousted President").
_STATUS = word_set("deposed ousted toppled exiled outgoing incoming")
_DETERMINERS = word_set("the a an his her its their this that these those")
# Last words of a company's name ("Texaco Inc", "Jacobs Suchard AG").
_COMPANY_WORDS = word_set("ltd inc corp co plc ag sa nv spa bv gmbh")
# Roles whose holder serves a person, named before the role ("Trump adviser").
_PRINCIPALS = word_set("adviser advisor aide")
# News agencies, which a story names as the medium ("told Reuters IBC President X"), not as an employer.
_MEDIA = word_set("reuters afp ap upi xinhua tass kyodo bbc cnn")
# Last words of bodies that are not a state's, whose name keeps its country ("French Maize Growers Association").
_CIVIL_BODIES = word_set("""
association federation union party league front movement church company corporation corp inc ltd plc group
holdings foundation trust society chamber university college alliance coalition club network institute
airlines airways motors electric dynamics products industries instruments foods partners lines mines mine
accounting news times channel station cross
""")
# Organisation words that name a minister's portfolio after "of" ("Minister of Heavy Industries").
_PORTFOLIO_NOUNS = word_set("industries mines products services lines")
# Nouns that end like adverbs or participles ("family spokeswoman", "assembly member", "housing minister").
_LY_NOUNS = word_set("family assembly supply monopoly housing planning policing shipping banking mining farming "
                     "training broadcasting marketing manufacturing building")
# Words of a role's standing that belong to the title wherever the reading stopped ("former Cabinet minister").
_STATUS_BEFORE = word_set("former ex acting interim outgoing incoming deposed ousted exiled then retired")
# Bodies of a state, after a demonym: the org is the country ("of the Turkish General Staff").
_STATE_BODIES = word_set("staff ministry army navy government police parliament cabinet forces command guard "
                         "embassy military intelligence defence defense interior foreign treasury")
# Bodies written in lower case after a role ("chairman of the council of economic advisers").
_BODIES = word_set("council committee department commission board agency office ministry bureau authority "
                   "service police union court parliament assembly senate tribunal secretariat force bank "
                   "subcommittee association federation")
# Nouns between a demonym and a place's name ("the Polish city of Gdansk").
# Adjectives that open a body's name written in lower case ("central bank", "state railway"): capitalised only
# because they open the sentence.
_BODY_ADJECTIVES = word_set("central national federal state provincial regional municipal")
# Words before "Democrat" that name another party than the United States' Democrats.
_OTHER_DEMOCRATS = word_set("social christian free")
# Lower-case words for a level of government below the state's ("state treasurer", "provincial premier").
_LOCAL_LEVELS = word_set("state provincial regional municipal city county")
_PLACE_NOUNS = word_set("city town village province state region county district capital port island")
# "the country's ...": a role of the country named just before.
_COUNTRY_NOUNS = word_set("country nation state kingdom republic government city province region town")
# Capitalised words that open sentences or name times, never a portfolio ("Yesterday Finance Minister X").
_COMMON_CAPITALS = word_set("""
the a an this that these those there here he she it they we his her its their our but and or so yet
yesterday today tomorrow tonight last next earlier later also however meanwhile when while after before
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december new old former incumbent current sitting acting then now as
if both only even just once another other some any each every
""")


@dataclass(frozen=True)
class Role:
    """A role phrase found around a title word."""

    title: str
    """The role words as written, without country or organisation."""
    first: int
    """Index of the first token of the phrase, including its country or organisation."""
    title_first: int
    """Index of the first role word."""
    end: int
    """Index just past the role words and their complement (where a name may start)."""
    country: str | None
    org: str | None
    """An organisation that is not a country ("Coast Guard")."""
    owner: int | None
    """Index of the last token of a possessor's name ("Trump's envoy"), whose org the role shares."""
    rank_only: bool
    plural: bool
    party: str | None = None
    """A party written before the role ("Tory leader"): the org of a party's own roles."""
    anaphoric: bool = False
    """True for "the country's ..." or "the nation's ...": the country is one named just before."""
    org_guess: str | None = None
    """Capitalised words right before a company role ("Jardine chairman"): the org, unless a person's name."""
    dangling: bool = False
    """True when an "of" or "at" complement after the role was left unread ("director of civil rights group
    Liberty"): the title or the org it gives is incomplete."""


def country_ending_at(tokens: Sequence[Token], i: int, places: Gazetteer = BUILT_IN) -> tuple[int, str] | None:
    """Return (number of tokens, country) for a country form ending at token i ("United States", "Ohio")."""
    for k in (4, 3, 2, 1):
        if i - k + 1 < 0:
            continue
        phrase = " ".join(t.text for t in tokens[i - k + 1:i + 1])
        found = "United States" if countries.is_us_state(phrase) else places.country_of(phrase, capitals=False)
        joined = tokens[i - k].text.rsplit("-", 1)[-1] + " " + phrase if i - k >= 0 else ""
        if found is not None and (countries.is_us_state(joined) or countries.is_region(joined)):
            return None  # "then-New Jersey Governor": not Jersey
        if found is not None and tokens[i - k + 1].text[0].isupper():
            if i - k >= 0 and countries.is_region(f"{tokens[i - k].text} {phrase}"):
                return None  # "New Mexico Governor"
            return k, found
    return None


def country_starting_at(tokens: Sequence[Token], i: int, places: Gazetteer = BUILT_IN) -> tuple[int, str] | None:
    """Return (number of tokens, country) for a country form starting at token i."""
    for k in (4, 3, 2, 1):
        if i + k > len(tokens):
            continue
        phrase = " ".join(t.text for t in tokens[i:i + k])
        found = places.country_of(phrase, capitals=False)
        if found is not None and tokens[i].text[0].isupper():
            return k, found
    return None


def read_role(tokens: list[Token], h: int, heads: frozenset[str], mods: frozenset[str],
              places: Gazetteer = BUILT_IN) -> Role:
    """Read the role phrase whose head word is token h."""
    title_idx = [h]
    country: str | None = None
    org: str | None = None
    party: str | None = None
    owner: int | None = None
    anaphoric = False
    country_idx: list[int] = []
    org_guess: str | None = None
    prefix: list[str] = []
    loose = 0
    """Index of the lower-case word, read as a portfolio, that opened the role phrase last."""
    i = h - 1
    first = h
    while i >= 0 and h - i <= PHRASE:
        low = tokens[i].lower
        found = country_ending_at(tokens, i, places)
        if found is not None and i - found[0] >= 1 and tokens[i - found[0]].lower == "of" \
                and tokens[i - found[0] - 1].capitalised and tokens[i - found[0] - 1].lower in titles.ORG_WORDS:
            break  # "Unity Party of America nominee": the country is inside an organisation's name
        if found is not None and i - found[0] >= 0 and tokens[h].lower in titles.COMPANY_HEADS \
                and tokens[h].text.islower() and _inside_a_name(tokens, i - found[0], heads, mods):
            break  # "Anglo American spokesman", "Royal Dutch Shell chairman": a company's name, not a country
        if found is not None and i - found[0] >= 0 and tokens[i - found[0]].capitalised \
                and tokens[i - found[0]].lower in ("party", "union") and places.kinds.get(
                    " ".join(t.text for t in tokens[i - found[0] + 1:i + 1])) == "metonym":
            title_idx[:0] = list(range(i - found[0] + 1, i + 1))  # "SNP Holyrood leader": the party's, in its seat
            first = i - found[0] + 1
            i -= found[0]
            continue
        if found is not None:
            country = country or found[1]
            k = found[0]
            country_idx = list(range(i - k + 1, i + 1))
            if low in ("department", "ministry", "office") and i - k >= 0 and tokens[i - k].lower in mods:
                title_idx[:0] = list(range(i - k + 1, i + 1))  # "Deputy State Department spokeswoman"
            elif countries.is_us_state(" ".join(t.text for t in tokens[i - k + 1:i + 1])) \
                    or " ".join(t.text for t in tokens[i - k + 1:i + 1]) in titles.UK_NATIONS:
                title_idx[:0] = list(range(i - k + 1, i + 1))  # "Florida Governor", "Scotland First Minister"
            i -= k
            first = i + 1
            continue
        if low == "of" and i > 0 and title_idx[0] == i + 1 < h and tokens[i + 1].capitalised \
                and tokens[i - 1].capitalised and tokens[i - 1].lower in titles.ORG_WORDS \
                and tokens[i - 1].lower not in _CIVIL_BODIES:
            title_idx[:0] = [i - 1, i]  # "House of Commons Speaker", "Ministry of Defence spokesman": a state's body
            first = i - 1
            i -= 2
            continue
        if tokens[h].lower in _PRINCIPALS and title_idx == [h] and tokens[i].capitalised and is_name_word(tokens[i]) \
                and country_ending_at(tokens, i, places) is None:
            title_idx.insert(0, i)  # "Trump adviser": an adviser's principal is part of the role
            first = i
            i -= 1
            continue
        if low in heads and low not in mods and tokens[i].capitalised != tokens[h].capitalised \
                and not (i == h - 1 and tokens[h].lower in titles.RANKS and tokens[i].text.islower()):
            break  # "the NSC aide President Reagan": two roles, not one
        if low in titles.PARTIES and tokens[i].text[:1].isupper() and (  # not "labour minister", a portfolio
                tokens[i + 1].lower in ("mp", "party") or not tokens[i + 1].capitalised
                                      or tokens[i + 1].lower in titles.SEATS or tokens[i + 1].text in titles.UK_NATIONS
                                      or (low != "labour" and (tokens[i + 1].lower in heads
                                                               or tokens[i + 1].lower in mods))):
            # "Tory leader", "Labour MP", "Republican Senator", not "Labour Minister"
            liberal = low in ("democrat", "democrats", "dem") and i > 0 and tokens[i - 1].lower in ("liberal", "lib")
            if low in ("democrat", "democrats", "democratic") and i > 0 and tokens[i - 1].lower in _OTHER_DEMOCRATS:
                title_idx[:0] = [i - 1, i]  # "former Social Democrat Chancellor": not America's Democrats; the
                first = i - 1  # party stays in the title, whose it is left to the text
                i -= 2
                continue
            place, party = titles.LIBERAL_DEMOCRATS if liberal else titles.PARTIES[low]
            country = country or place
            i -= 2 if liberal else 1
            first = i + 1
            continue
        if tokens[i].capitalised and low in titles.ORG_WORDS and not (
                low in _PORTFOLIO_NOUNS and titles.singular(tokens[h].lower) in titles.PORTFOLIO_HEADS) and (
                low not in mods or (
                i > 0 and tokens[i - 1].capitalised and (low in ("party", "union") or (
                    tokens[i - 1].lower not in mods and tokens[i - 1].lower not in heads
                    and country_ending_at(tokens, i - 1, places) is None and not names_common(tokens[i - 1].lower)
                    and tokens[i - 1].lower not in titles.ORG_WORDS
                    and tokens[i - 1].lower not in titles.PARTIES and tokens[i - 1].lower not in _STATUS_BEFORE)))):
            break  # "Scottish National Party Justice Minister", "Constitution Party chairman", "Overseas Union ..."
        if len(tokens[i].text) == 4 and tokens[i].text.isdigit() and tokens[i].text[:2] in ("19", "20"):
            title_idx.insert(0, i)  # "the party's 1996 presidential nominee": a past role, unless this year's
            first = i
            i -= 1
            continue
        if low.startswith("ex-") and (low[3:] in mods or low[3:] in heads or tokens[i].text[3:4].isupper()):
            title_idx.insert(0, i)  # "ex-Home Secretary"
            first = i
            i -= 1
            continue
        if tokens[i].text == "Co" and i > 0 and (tokens[i - 1].capitalised or tokens[i - 1].lower in ("and", "&")):
            break  # "Kidder, Peabody and Co vice president": the company's "Co", not a "co-" of the title
        if (low in mods or low in heads or low in titles.RANKS
                or (low in titles.PORTFOLIOS and low != "the" and tokens[i].capitalised)) and (
                tokens[i].text[0].isupper() or low not in _CAPITALISED_ONLY):
            title_idx.insert(0, i)
            first = i
            i -= 1
            continue
        if low == "and" and i > 0 and title_idx[0] == i + 1 and (
                tokens[i - 1].lower in mods or (tokens[i - 1].lower in _PAIRED_PORTFOLIOS | _PORTFOLIO_NOUNS
                                                and titles.singular(tokens[h].lower) in titles.PORTFOLIO_HEADS)) \
                and tokens[i + 1].capitalised == tokens[i - 1].capitalised:
            title_idx.insert(0, i)  # "Trade and Industry Secretary", "Mines and Energy Minister"
            first = i
            i -= 1
            continue
        if low in _STATUS:
            title_idx.insert(0, i)  # "the deposed President", "outgoing mayor"
            first = i
            i -= 1
            continue
        if (low == "late" and i > 0 and tokens[i - 1].lower in ("the", "'s", "’s")) or low in _ORDINALS:
            first = i  # "the late President X", "the country's first president": not part of the role
            i -= 1
            continue
        if tokens[i].capitalised and i > 0 and tokens[i - 1].text in _POSSESSIVE and low not in titles.ORG_WORDS \
                and title_idx[0] == i + 1:
            title_idx.insert(0, i)  # "the SNP's Holyrood leader"
            first = i
            i -= 1
            continue
        if len(title_idx) < 5 and _portfolio_word(tokens, i, title_idx[0], tokens[h], heads):
            title_idx.insert(0, i)  # "Planning Minister", "local government minister", "election chief"
            first = i
            i -= 1
            if tokens[i + 1].text.islower():
                loose = loose or i + 1
            continue
        if low in _BOARD_KINDS and tokens[i].capitalised and tokens[title_idx[0]].text in ("board", "committee"):
            title_idx.insert(0, i)  # "Acme Supervisory board chairman": the board's kind, before the firm's name
            first = i
            i -= 1
            continue
        portfolio = _portfolio_before(tokens, i)
        if portfolio is not None and not (tokens[portfolio].lower in _STATUS_BEFORE
                                          and (tokens[h].lower in titles.COMPANY_HEADS or tokens[h].lower == "member")
                                          and titles.singular(tokens[h].lower) not in titles.PORTFOLIO_HEADS
                                          and tokens[i].lower not in _PLACE_NOUNS):
            # "Deputy Emergency Situations Minister"; not "Former Acme Chairman": a firm's name, not a portfolio
            title_idx[:0] = list(range(portfolio, i + 1))  # "Deputy Emergency Situations Minister"
            first = portfolio
            i = portfolio - 1
            continue
        break
    if loose and first == title_idx[0] == i + 1 and i >= 0 and tokens[i].lower in _BODY_ADJECTIVES \
            and tokens[i].text[0].isupper() and (i == 0 or tokens[i - 1].text in ".!?\"“”"):
        title_idx.insert(0, i)  # "Central bank governor X" opening a sentence: the adjective is the body's
        first = i
        i -= 1
    elif loose and first == title_idx[0] and not _opens_phrase(tokens, first - 1):
        while title_idx[0] < h and tokens[title_idx[0]].text.islower() and tokens[title_idx[0]].lower not in mods:
            title_idx.pop(0)  # "critics claim depict Tory leader", "guests include regular visitor ex-UK ...":
        first = i = title_idx[0]  # words that no phrase boundary opens are the clause's, not the role's
        i -= 1
    if i >= 1 and tokens[i].text in _POSSESSIVE:
        found = country_ending_at(tokens, i - 1, places)
        if tokens[i - 1].lower in _COUNTRY_NOUNS and i >= 2 and tokens[i - 2].lower in ("the", "this"):
            anaphoric = True  # "the country's peace envoy"
            first = i - 2
        elif found is not None:
            country = country or found[1]
            first = i - found[0]
        elif tokens[i - 1].capitalised and tokens[i - 1].lower in titles.ORG_WORDS:
            org, first = _org_before(tokens, i - 1)  # "the Democratic Party's presumptive nominee"
            first = first if org is not None else i - 1
        elif i >= 2 and tokens[i - 2].lower in titles.PARTIES and tokens[i - 1].capitalised:
            liberal = tokens[i - 2].lower == "liberal" and tokens[i - 1].lower in ("democrat", "democrats")
            org = titles.LIBERAL_DEMOCRATS[1] if liberal else titles.PARTIES[tokens[i - 2].lower][1]
            first = i - 2  # "Plaid Cymru's economics spokesman", "the Liberal Democrat's shadow home secretary"
        elif tokens[i - 1].acronym:
            party_of = titles.PARTIES.get(tokens[i - 1].lower)
            org = party_of[1] if party_of else tokens[i - 1].text  # "UKIP's chairman", "the IMF's head"
            first = i - 1
        elif i >= 2 and tokens[i - 2].lower == "the" and tokens[i - 1].capitalised \
                and tokens[i - 1].lower not in _COMMON_CAPITALS and tokens[i - 1].lower not in titles.HEADS:
            org = tokens[i - 1].text  # "the Bundesbank's vice-president": "the" never opens a person's name
            first = i - 1
        elif is_name_word(tokens[i - 1]):
            owner = i - 1
            first = i - 1
    elif i >= 0:
        org, org_first = _org_before(tokens, i)
        if org is not None and tokens[org_first].lower in titles.PARTIES and org_first < i \
                and tokens[i].lower != "party":
            party = titles.PARTIES[tokens[org_first].lower][1]  # "the Republican Senate Majority Leader"
            country = country or titles.PARTIES[tokens[org_first].lower][0]
            title_idx[:0] = list(range(org_first + 1, i + 1))
            org, first = None, org_first
        portfolio_body = title_idx == [h] and tokens[h].lower == "minister" and tokens[i].lower not in (
            "office", "ministry", "department")  # "Wheat Board Minister" answers for the board and is the
        # government's, not the board's; a "Home Office minister" is the office's
        if org is not None and tokens[i].capitalised and tokens[i].lower in titles.ORG_WORDS \
                and (org_first == i or not names_a_body(org) or portfolio_body or all(
                    w.lower() in CUT_NAME_WORDS or w.lower() in titles.ORG_WORDS for w in org.split())) \
                and tokens[org_first].lower not in titles.PARTIES:
            title_idx[:0] = list(range(org_first, i + 1))  # "Police spokesman", "Cabinet Office minister": a body
            org, first = None, org_first  # named by what it is, not whose
        elif org is None and (tokens[h].lower in titles.COMPANY_HEADS or (  # "Daimler board member X"
                tokens[h].lower == "member" and tokens[h].text.islower()
                and tokens[title_idx[0]].lower in ("board", *_BOARD_KINDS))):
            grouped = tokens[i].lower in ("group", "company") and tokens[i].text.islower() and i > 0
            guess = _name_before_role(tokens, i - 1 if grouped else i)  # "Moulinex group President": Moulinex's
            led = country_starting_at(tokens, guess[1], places) if guess is not None else None
            if guess is not None and led is not None and guess[1] + led[0] <= i \
                    and places.kinds.get(" ".join(t.text for t in tokens[guess[1]:guess[1] + led[0]])) == "metonym":
                country, first = led[1], guess[1]  # "White House Budget Chief": the country's, the rest its office
                title_idx[:0] = list(range(guess[1] + led[0], i + 1))
            elif guess is not None and tokens[title_idx[0]].lower in _LOCAL_LEVELS \
                    and tokens[title_idx[0]].text.islower():
                place_first = max([m + 1 for m in range(guess[1], i) if tokens[m].lower in ("and", "&")],
                                  default=guess[1])  # "X and West Berlin state ...": the place only, not X
                title_idx[:0] = list(range(place_first, i + 1))  # "Victoria state treasurer": a state's office,
                first = place_first  # its name in the title, not an organisation
            elif guess is not None and all(w.lower() in CUT_NAME_WORDS for w in guess[0].split()):
                title_idx[:0] = list(range(guess[1], i + 1))  # "Stock Exchange President": a body many places
                first = guess[1]  # have, named by what it is; it stays in the title
            elif guess is not None:
                org_guess, first = guess  # "Jardine chairman", "New York Fed President": a company's, or a person's
        if org is not None:
            first = org_first
            org_end = org_first + len(org.split())  # "Scottish National Party Holyrood leader": the rest is the title's
            if org_end <= i and tokens[org_end - 1].lower in ("party", "union"):
                title_idx[:0] = [k for k in range(org_end, i + 1) if k not in title_idx]
            found = country_starting_at(tokens, org_first, places)
            if found is not None and country is None and org.split()[-1].lower() not in _CIVIL_BODIES:
                country, org = found[1], None  # "Iranian Parliament Speaker": Iran's; the body stays in the title
                title_idx[:0] = [k for k in range(org_first + found[0], i + 1) if k not in title_idx]
            if org is not None and org.split()[-1].lower() == "party" and tokens[org_first].lower in titles.PARTIES:
                party = org  # "Labour Party leader": the party's own post
                country = country or titles.PARTIES[tokens[org_first].lower][0]
                org = None
    if first > 0 and tokens[first - 1].lower in _STATUS_BEFORE and tokens[title_idx[0]].lower not in _STATUS_BEFORE:
        first -= 1  # "Former Cabinet minister", "former Harbour Party Vice Chairman": whatever ended the reading
        prefix = [tokens[first].text]
    end = h + 1
    title_end = h + 1
    low_head = tokens[h].lower
    if end < len(tokens) and tokens[end].lower == "general" and low_head in titles.GENERAL_TAKERS:
        end = title_end = end + 1
    suffix: list[str] = []
    second = _coordinated_head(tokens, end, heads, mods)
    if second is not None and second + 1 < len(tokens) and tokens[second + 1].lower in ("of", "at") \
            and all(tokens[k].lower in mods or tokens[k].lower in heads for k in title_idx):
        end, low_head = second + 1, tokens[second].lower  # the complement after the second role is both roles'
    if end < len(tokens) and tokens[end].lower == "of":
        local = low_head in titles.LOCAL_HEADS or (low_head == "minister" and any(
            tokens[k].lower in ("first", "chief") for k in title_idx))  # "First Minister of Wales"
        before, org_before, of = country, org, end
        end, suffix, country, org = _of_complement(tokens, end, low_head, local, country, org, places)
        if end == of and not suffix and low_head in titles.PORTFOLIO_HEADS:
            end = _portfolio_in_lower_case(tokens, of)  # "minister of regional industrial expansion"
            suffix = _words(tokens, of, end) if end > of else suffix
        if suffix and end < len(tokens) and tokens[end].lower == "for" and low_head in titles.PORTFOLIO_HEADS:
            for_end = _for_complement(tokens, end, places)  # "Minister of State for Finance"
            suffix, end = [*suffix, *_words(tokens, end, for_end)], for_end
        if end < len(tokens) and tokens[end].text == ">" and any(t.text == "<" for t in tokens[of:end]):
            end += 1  # the wire's closing mark belongs to the company's name
        if org is not None and org_before is None and not names_a_body(org):
            suffix, org = _words(tokens, of, end), None  # "Speaker of the House": a body that says not whose
        elif org is not None and org_before is None:
            party = None  # "the Democratic chairman of the House Intelligence Committee": the committee's
            if before is not None:
                country = None  # "Hong Kong director of Amnesty International": the body's, in Hong Kong
        if before is not None and country is None:
            title_idx[:0] = [k for k in country_idx if k < title_idx[0]]  # "Welsh secretary of the BMA"
    elif end < len(tokens) and tokens[end].lower == "to" and low_head in _TO_TAKERS:
        end = title_end = _to_complement(tokens, end, places)
    elif end < len(tokens) and tokens[end].lower == "for" and low_head in ("minister", "secretary", "spokesman",
                                                                          "spokeswoman", "commissioner"):
        end = title_end = _for_complement(tokens, end, places)
    elif end < len(tokens) and tokens[end].lower == "on" and low_head in titles.PORTFOLIO_HEADS:
        on = _portfolio_in_lower_case(tokens, end)  # "Commissioner on external affairs and trade policy"
        if any(t.lower in titles.PORTFOLIOS or t.lower == "policy" for t in tokens[end + 1:on]):
            end = title_end = on
    if end + 2 < len(tokens) and tokens[end].lower == "in" and low_head in ("leader", "whip", "leaders") \
            and tokens[end + 1].lower == "the" and tokens[end + 2].capitalised \
            and tokens[end + 2].lower in titles.ORG_WORDS:
        k = end + 3  # "Conservative leader in the House of Lords": a party's leader in one house only
        while k + 1 < len(tokens) and k - end < 6 and tokens[k].lower == "of" and tokens[k + 1].capitalised:
            k += 2
        suffix, end = [*suffix, *_words(tokens, end, k)], k
    if org is None and country is None and end < len(tokens) and tokens[end].lower == "in":
        country = _country_of_office_in(tokens, end, places)  # "coordinator in the Tanzanian Ministry of Works"
    if org is None and country is None and end < len(tokens) and tokens[end].lower == "at" \
            and low_head in titles.COMPANY_HEADS:
        employer = _company_at(tokens, end)
        if employer is not None:
            end, org = employer  # "manager of public affairs at Texaco Inc"
    if tokens[h].lower in titles.RANKS and not (tokens[h].lower == "general" and len(title_idx) > 1
                                                and tokens[title_idx[-2]].lower in titles.GENERAL_TAKERS):
        roles = [n for n, k in enumerate(title_idx) if tokens[k].lower in heads
                 and tokens[k].lower not in titles.RANKS]
        if roles:
            title_idx = title_idx[:roles[-1] + 1]  # "Commandant Admiral X": the role, not the rank
    words = prefix + [tokens[k].text for k in title_idx] + [t.text for t in tokens[h + 1:title_end]] + suffix
    while end < len(tokens) and end - h <= 3 and (tokens[end].lower in titles.RANKS
                                                  or tokens[end].lower in titles.HONORIFICS
                                 or tokens[end].lower in titles.ABBREVIATED or tokens[end].lower == "sheikh") \
            and not tokens[end].text.isupper():
        end += 1  # "Commandant Admiral X", "Chair Professor X", "Bishop Emeritus X", "Chairman Rep. X"
    plural = titles.singular(tokens[h].text) != tokens[h].lower
    if plural and tokens[title_idx[-1]] is tokens[h]:
        words[len(title_idx) - 1] = _match_case(titles.singular(tokens[h].text), tokens[h].text)
    rank_only = all(tokens[k].lower in titles.RANKS for k in title_idx)
    dangling = end < len(tokens) and tokens[end].lower in ("of", "at") and _names_ahead(tokens, end + 1)
    return Role(" ".join(words), first, title_idx[0], end, country, org, owner, rank_only, plural, party, anaphoric,
                org_guess, dangling)


def _country_of_office_in(tokens: list[Token], at: int, places: Gazetteer) -> str | None:
    """The country of "in the Tanzanian Ministry of Works" or "in Canada's energy department" after a role:
    a country or demonym that opens the name of one of its state's offices, else None."""
    k = at + 1 + (at + 1 < len(tokens) and tokens[at + 1].lower == "the")
    found = country_starting_at(tokens, k, places)
    if found is None:
        return None
    j = k + found[0]
    if j < len(tokens) and tokens[j].text in _POSSESSIVE:
        j += 1
    office = next((m for m in range(j, min(j + 4, len(tokens))) if tokens[m].lower in _OFFICES_IN), None)
    if office is None or any(not tokens[m].text.isalpha() for m in range(j, office)):
        return None
    return found[1]


# Offices of a state that make a role inside them the state's ("an adviser in the Polish Foreign Ministry").
_OFFICES_IN = word_set("ministry department government cabinet embassy treasury")


def names_a_body(org: str) -> bool:
    """False for words that cannot name an organisation alone: "House of", "Subcommittee", "Incumbent".

    A bare generic body ("House", "Senate", "Committee") does not say whose it is, a name does not end
    in a linking word, and common words and party labels do not name a body ("Republican Senate").
    """
    words = org.split()
    if not words or words[-1].lower() in _LINKS or (words[-1].lower() in _REGIONS and len(words) <= 2
                                                     and all(names_common(w.lower()) for w in words[:-1])):
        return False  # "House of", "CEO for Central Europe"
    if len(words) == 1 and (words[0].lower() in titles.ORG_WORDS or words[0].lower() in _GENERIC_BODIES):
        return False
    if len(words) > 1 and words[-1].lower() in ("committee", "subcommittee") \
            and all(w.lower() in titles.PORTFOLIOS or w.lower() in _LINKS for w in words[:-1]):
        return False  # "Foreign Affairs Committee": every parliament has one; it does not say whose
    return not all(names_common(w.lower()) or w.lower() in titles.ORG_WORDS or w.lower() in _GENERIC_BODIES
                   or w.lower() in titles.PARTIES for w in words)


_LINKS = word_set("of and for the & in on at to")
# Lower-case words for a part of a company, after its name ("of a Halvex subsidiary"): the part's role, not the firm's.
_COMPANY_PARTS = word_set("subsidiary subsidiaries unit units affiliate affiliates division divisions")
# Kinds of a company's board, written with a capital before a lower-case "board" ("Supervisory board").
_BOARD_KINDS = word_set("supervisory executive management managing advisory")
# Words that with an organisation's word make a name many bodies share ("National Bank", "Stock Exchange").
CUT_NAME_WORDS = word_set("national central state stock exchange")
_REGIONS = word_set("europe asia africa america americas pacific atlantic east west north south")
# Nouns for a body that, alone, do not say which body ("the subcommittee", "the team").
_GENERIC_BODIES = word_set("subcommittee team panel caucus delegation bench branch division unit section "
                           "incumbent society conference")


def _opens_phrase(tokens: Sequence[Token], i: int) -> bool:
    """True when token i ends whatever comes before a noun phrase: a determiner, possessive, preposition,
    conjunction, verb of saying, punctuation, a capitalised word, a number, or the start of the text."""
    if i < 0:
        return True
    tok = tokens[i]
    subject = (i == 0 or tokens[i - 1].text in ".!?\"“") and tok.lower.endswith("s") and not tok.lower.endswith("ss")
    return not tok.text[0].isalpha() or (not tok.text.islower() and not names_common(tok.lower)
                                         and not subject) \
        or tok.lower in _PHRASE_OPENERS or tok.lower in _STATUS_BEFORE or tok.lower in titles.PAST


_PHRASE_OPENERS = word_set("""
the a an his her its their our my your this that these those every each any no some another
of in on at to for from by with about against via into onto over under after before during since until
as than like and or but nor while when where whereas because although though if whether
said says told say added asked stated warned noted wrote quoted called named appointed
is was are were be been being has have had
formerly previously now then also currently once later still
""")


def _inside_a_name(tokens: Sequence[Token], j: int, heads: frozenset[str], mods: frozenset[str]) -> bool:
    """True when token j, just before a country's name, is a word of the same name ("Anglo", "GM Canada")."""
    tok = tokens[j]
    low = tok.lower
    if tok.acronym and len(tok.text) <= 5 and tok.text.isalpha() and country_ending_at(tokens, j) is None \
            and low not in titles.PARTIES and tok.text not in titles.ORG_ALIASES and BUILT_IN.body_of(tok.text) is None:
        return True  # a company's initials before its national arm: "GM Canada president"
    return tok.capitalised and is_name_word(tok) and low not in heads and low not in mods \
        and low not in titles.PARTIES and low not in _COMMON_CAPITALS and not low.startswith("ex-") \
        and low not in _STATUS_BEFORE


def _names_ahead(tokens: Sequence[Token], k: int) -> bool:
    """True when a capitalised word or a number comes before the clause's next punctuation, within a few words:
    the complement names something ("of civil rights group Liberty"), not only "of the steel maker"."""
    j = k
    while j < len(tokens) and j - k < 8 and tokens[j].text[0].isalnum():
        if tokens[j].text[0].isupper() or tokens[j].text[0].isdigit():
            return True
        j += 1
    return False


def _company_word(tokens: Sequence[Token], j: int, i: int) -> bool:
    """True for a capitalised word that may be part of a company's name ending at i."""
    tok = tokens[j]
    joined = "-" in tok.text and tok.text.isupper() and tok.text.replace("-", "").isalpha() and all(
        BUILT_IN.country_of(part) is None and BUILT_IN.body_of(part) is None
        for part in tok.text.split("-"))  # "AFL-CIO"; not "US-EU"
    return (tok.capitalised or tok.acronym or joined) and tok.lower not in titles.HEADS \
        and (tok.lower not in _COMMON_CAPITALS or (tok.lower == "new" and j < i))


def _name_before_role(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """(words, first index) of one to three capitalised words ending at i that may name a company."""
    j = i
    while j >= 0 and i - j < 4 and (_company_word(tokens, j, i) or (
            tokens[j].lower in ("and", "&") and j > 0 and tokens[j - 1].capitalised and j < i)):
        j -= 1  # "Jardine chairman", "Ways and Means chairman"
    while j + 1 <= i and tokens[j + 1].lower in ("and", "&"):
        j += 1
    if j >= 0 and "-" in tokens[j].text and tokens[j].text.rsplit("-", 1)[-1][:1].isupper():
        return None  # "then-New Jersey Governor": the name starts inside a hyphenated word
    if j >= 1 and tokens[j].text == "," and tokens[i].lower in _COMPANY_WORDS and tokens[j - 1].capitalised \
            and tokens[j - 1].lower not in titles.HEADS and any(t.lower in ("and", "&") for t in tokens[j + 1:i]):
        j -= 2  # "Kidder, Peabody and Co": the partners' names before the comma are the firm's too
        return " ".join(t.text for t in tokens[j + 1:i + 1]).replace(" , ", ", "), j + 1
    if j == i or (j >= 0 and tokens[j].text in _POSSESSIVE):
        return None
    if i - j == 1 and (j < 0 or tokens[j].text in ".!?\"“”") and names_common(tokens[i].lower):
        return None  # a common word that opens the sentence: "Both President X", "Only President Y"
    if j >= 0 and tokens[j].lower in titles.HEADS:  # "Finance Minister Ann Lee and Bundesbank President": the
        j = max([m for m in range(j + 1, i) if tokens[m].lower in ("and", "&")], default=j)  # words before "and"
        if j == i:  # are her name
            return None
    return " ".join(t.text for t in tokens[j + 1:i + 1]), j + 1


def _portfolio_word(tokens: Sequence[Token], i: int, qualified: int, head: Token, heads: frozenset[str]) -> bool:
    """True for a word that names the field of the role after it, though no list of titles holds it.

    Lower-case nouns qualify any role ("local government minister", "election chief", "peace envoy");
    a capitalised word qualifies a minister or secretary ("Planning Minister", "Aid minister"),
    where before other roles it is more often an organisation ("Airbus spokesman").
    """
    tok = tokens[i]
    low = tok.lower
    if not tok.text[0].isalpha() or low in titles.NOT_PORTFOLIO or low in titles.HONORIFICS or low in heads:
        return False
    if tokens[qualified].lower in _STATUS_BEFORE:
        return False  # "the bond former chairman X had": a field goes after "former", never before it
    if tok.text.islower() and low in _BODIES:
        return True  # "subcommittee Chairman X", "committee chairman X": a body, whatever the role's case
    if tok.text.islower():
        plural = low.endswith("s") and low not in titles.PORTFOLIOS and low not in _PORTFOLIO_NOUNS \
            and not low.endswith(("ics", "ss", "us")) and not _paired_after(tokens, i)  # "mines minister"
        if (low.endswith(("ly", "ed", "ing")) and low not in _LY_NOUNS) or plural:
            return False  # "newly appointed minister", "told reporters minister"
        nxt = tokens[qualified].text
        return nxt[0].islower() or (nxt.isupper() and nxt.isalpha())  # "aid minister", "independent MP"
    if not tok.capitalised or titles.singular(head.lower) not in titles.PORTFOLIO_HEADS \
            or tokens[qualified].lower in titles.MODIFIERS:
        return False  # not "Somalilander Foreign Minister": a portfolio word stands next to the role word
    return (low not in titles.ORG_WORDS or low in _PORTFOLIO_NOUNS) and low not in _COMMON_CAPITALS \
        and low not in titles.PARTIES  # "Energy and Mines Minister"


def _paired_after(tokens: Sequence[Token], i: int) -> bool:
    """True when the word at i closes a lower-case pair of portfolios ("food and civil supplies")."""
    return any(k >= 1 and tokens[k].lower in ("and", "&") and tokens[k - 1].lower in _PAIRED_PORTFOLIOS
               and tokens[k - 1].text.islower() and all(t.text.islower() for t in tokens[k + 1:i])
               for k in (i - 1, i - 2))


def _portfolio_before(tokens: list[Token], i: int) -> int | None:
    """Start of "Deputy Emergency Situations" when tokens up to i are a portfolio after a deputy-word."""
    j = i
    while j >= 0 and i - j < 3 and tokens[j].capitalised and tokens[j].lower not in _LEADERS:
        j -= 1
    if j == i or j < 0 or tokens[j].lower not in _LEADERS:
        return None
    return j


def _match_case(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# Portfolios written in pairs inside a body's name ("Ways and Means", "Science and Technology").
_PAIRED_PORTFOLIOS = titles.PORTFOLIOS | word_set(
    "ways means science technology fisheries food commerce industry posts")


def _org_before(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """Read an organisation written just before a role ("Coast Guard", "... Cooperation (OIC)")."""
    last = i
    acronym = ""
    if tokens[i].text == ")" and i >= 2 and tokens[i - 1].acronym and tokens[i - 2].text == "(":
        acronym = tokens[i - 1].text.replace(".", "")
        i -= 3
        last = i
    j = i
    while j >= 0 and i - j < PHRASE and tokens[j].lower not in _MEDIA and (tokens[j].capitalised or tokens[j].acronym or
                      (tokens[j].lower in ("of", "for", "&", "and", "-", "–") and j > 0 and tokens[j - 1].capitalised)):
        if tokens[j].lower == "and" and any(tokens[m].lower in ("for", "of") and m > 0 and tokens[m - 1].lower
                                            in titles.ORG_WORDS for m in range(max(0, j - 4), j)):
            j -= 1  # "Party for Socialism and Liberation"
            continue
        if tokens[j].lower in ("and", "&") and j > 0 and tokens[j - 1].lower in _PAIRED_PORTFOLIOS \
                and tokens[j - 1].capitalised and tokens[j + 1].capitalised:
            j -= 1  # "Ways and Means Committee", "Commerce and Industry": one body's portfolio, not two names
            continue
        if tokens[j].lower in ("the", "this", "that", "a", "an", "yesterday", "today", "but", "and", "yet", "so") \
                or (tokens[j].lower in titles.HEADS and not (j > 0 and tokens[j - 1].lower == "of")) \
                or tokens[j].lower in titles.PAST:
            break  # not "Treasury Secretary James Baker and ...", nor "But Home Office"; "of Chief Police Officers"
        j -= 1
    start = j + 1
    if j >= 0 and tokens[j].lower in titles.HEADS:  # "Finance Minister Ann Lee and Bundesbank President": the
        ands = [m for m in range(start, last) if tokens[m].lower == "and"]  # words before "and" are her name
        if ands:
            start = ands[-1] + 1
    while start <= last and tokens[start].lower in _LINKING:
        start += 1
    if start > last:
        return None, i + 1
    chunk = tokens[start:last + 1]
    if chunk[0].lower in _COMPANY_WORDS and start > 0 and tokens[start - 1].lower in ("and", "&"):
        return None, i + 1  # "Kidder, Peabody and Co vice president": the tail of a firm's name, read as a guess
    cut = max((n for n, t in enumerate(chunk) if t.lower in ("party", "union")), default=None)
    if cut is not None and cut < len(chunk) - 1 and len(chunk) - 1 - cut <= 2 \
            and chunk[cut + 1].lower not in _LINKING:
        chunk = chunk[:cut + 1]  # "Scottish National Party Holyrood leader": the party, then its "Holyrood leader"
        return " ".join(t.text for t in chunk).replace(" – ", "–").replace(" - ", "-"), start
    named = any(t.lower in titles.ORG_WORDS and n + 1 < len(chunk) and chunk[n + 1].lower in ("of", "for")
                for n, t in enumerate(chunk))  # "Party for Socialism and Liberation", "Association of ..."
    spelt = len(chunk) > 1 and "".join(t.text[0] for t in chunk if t.capitalised) == acronym
    if not (chunk[-1].lower in titles.ORG_WORDS or named or spelt or (len(chunk) == 1 and chunk[-1].acronym)):
        return None, i + 1  # a name whose initials are the bracketed acronym is a body's ("... Workers (UAW)")
    return " ".join(t.text for t in chunk).replace(" – ", "–").replace(" - ", "-"), start


def _of_complement(tokens: list[Token], of: int, head: str, local: bool, country: str | None,
                   org: str | None, places: Gazetteer) -> tuple[int, list[str], str | None, str | None]:
    """Read "of State" (part of the title), "of Russia" / "of the Bank of England" (the org), or "of
    London" / "of Ohio" (a place below a country, kept in the title, whose country is the org).

    Returns the end of the complement, the words it adds to the title, the country and the org.
    """
    k = of + 1
    while k < len(tokens) and k - of <= PHRASE and tokens[k].lower in titles.PORTFOLIOS:
        k += 1
    if k > of + 1 and tokens[k - 1].lower != "the" and not _org_word_ahead(tokens, k) \
            and not (k + 1 < len(tokens) and tokens[k].lower == "and" and tokens[k + 1].text.islower()) \
            and not (k < len(tokens) and tokens[k].text.islower() and (
                tokens[k].lower in _BODIES or (tokens[k].lower == "of" and tokens[k - 1].text.islower()))):
        # not "of the defence ministry political department", "of the state of Goa": a body or place follows
        return k, _words(tokens, of, k), country, org  # "of State"; not "of the Public and Commercial ..."
    k = of + 1
    if k < len(tokens) and tokens[k].lower in ("the", "a", "an"):
        k += 1
    if k + 1 < len(tokens) and tokens[k].text == "<" and tokens[k + 1].capitalised:
        k += 1  # "of <Westcoast Transmission Co Ltd>": a wire's mark around a company's name
    if k + 2 < len(tokens) and tokens[k].lower in ("government", "country", "state") \
            and tokens[k + 1].text in _POSSESSIVE:
        k += 2  # "director general of the government's Economic Planning Agency"
    if k + 3 < len(tokens) and places.is_demonym(tokens[k].text) and tokens[k + 1].lower in _PLACE_NOUNS \
            and tokens[k + 2].lower == "of" and tokens[k + 3].capitalised:
        end = _place_end(tokens, k + 3, local)  # "mayor of the Polish city of Gdansk"
        return end, ["of", *(t.text for t in tokens[k + 3:end])], country or places.country_of(tokens[k].text), org
    found = country_starting_at(tokens, k, places)
    if found is not None:
        if places.is_demonym(tokens[k].text):
            j = k + 1
            while j < len(tokens) and j - k < 6 and tokens[j].capitalised:
                j += 1
            run = tokens[k:j]
            if any(t.lower in _STATE_BODIES for t in run):
                return j, [], country or found[1], org  # "Secretary General of the Turkish General Staff"
            if j > k + 1 and run[-1].lower in titles.ORG_WORDS:
                j = _name_goes_on(tokens, j, k)  # "of the American Federation of State Employees"
                return j, [], None, org or " ".join(t.text for t in tokens[k:j])  # "of the British Medical Association"
            return of, [], country, org  # "of the Chinese Nationalist regime"
        after = k + found[0]
        if local and " ".join(t.text for t in tokens[k:after]) in titles.UK_NATIONS:
            return after, _words(tokens, of, after), country or found[1], org  # "First Minister of Scotland"
        lower = after
        while lower < len(tokens) and lower - after < 5 and tokens[lower].text.isalpha() \
                and tokens[lower].text.islower():
            lower += 1
        if lower > after and tokens[lower - 1].lower in titles.ORG_WORDS:
            return of, [], country, org  # "president of the U.S. beet sugar association": the body's, unnamed
        if not (after < len(tokens) and _org_word_ahead(tokens, after)):
            return after, [], country or found[1], org
        j = after
        while j < len(tokens) and j - after < 8 and (tokens[j].capitalised or (
                tokens[j].lower in ("and", "&") and j + 1 < len(tokens) and tokens[j + 1].capitalised)):
            j += 1  # "of the China International Investment and Trust Corporation"
        run = tokens[after:j]
        if run and run[-1].lower in titles.ORG_WORDS and not any(t.lower in _STATE_BODIES for t in run):
            j = _name_goes_on(tokens, j, k)  # "of the Japan Chamber of Trade and Industry"
            return j, [], country, org or " ".join(t.text for t in tokens[k:j])  # "of the Japan Socialist Party"
        country = country or found[1]
        k = after  # "head of U.S. Africa Command": the country's command
    j = k
    last_org = None
    while j < len(tokens) and j - k < PHRASE and (tokens[j].capitalised or tokens[j].acronym
                                                  or (tokens[j].lower in _LINKING and j + 1 < len(tokens)
                                   and tokens[j + 1].capitalised)):
        spot = country_starting_at(tokens, j, places)
        if tokens[j].lower in titles.ORG_WORDS or spot is not None:
            last_org = j if spot is None else max(j + spot[0] - 1, last_org or j)  # "of Hong Kong": both words
        j += 1
    if last_org is not None and head in titles.PORTFOLIO_HEADS and all(
            t.lower not in titles.ORG_WORDS or t.lower in _PORTFOLIO_NOUNS for t in tokens[k:j]) \
            and country_starting_at(tokens, k, places) is None:
        return j, _words(tokens, of, j), country, org  # "the Minister of Heavy Industries": a portfolio
    if last_org is None and j > k and head in titles.PORTFOLIO_HEADS and not (j == k + 1 and tokens[k].acronym) and (
            _portfolio_run(tokens, k, j) or (j - k <= 2 and not any(is_name_word(t) and places.capital.get(t.text)
                                                                     for t in tokens[k:j])
                                             and (j >= len(tokens) or not tokens[j].capitalised)
                                             and _state_at(tokens, k, head) is None)):
        return j, _words(tokens, of, j), country, org  # "Minister of Regional and Industrial Expansion",
        # "the Secretary of Transportation": a portfolio no list holds
    if last_org is None and j > k:
        state = _state_at(tokens, k, head)
        capital = places.capital.get(tokens[k].text)
        if local or state is not None or capital is not None:
            end = k + state[0] if state is not None else k + 1 if capital is not None else _place_end(tokens, k, local)
            if end < len(tokens) and tokens[end].text.isalpha() and tokens[end].text.islower() \
                    and tokens[end].lower not in _COMPLEMENT_STOP:
                return of, [], country, org  # "president of the Kansas exchange": the state names the exchange
            place = state[1] if state is not None else capital
            return end, _words(tokens, of, end), country or place, org  # "governor of Ohio", "mayor of London"
        if (j >= len(tokens) or not tokens[j].capitalised) and tokens[j - 1].lower in _PLACE_NOUNS:
            return j, _words(tokens, of, j), country, org  # "comptroller of New York City": a place, in the title
        if j < len(tokens) and tokens[j].lower in _COMPANY_PARTS:
            return j + 1, _words(tokens, of, j + 1), country, org  # "of a Halvex subsidiary": the unit's, not Halvex's
        if j >= len(tokens) or not tokens[j].capitalised:
            return j, [], country, org or " ".join(t.text for t in tokens[k:j])
        return of, [], country, org
    if last_org is None:
        described = _described_body(tokens, of)
        if described is not None:
            return described[0], [], country, org or described[1]
        return _body_in_lower_case(tokens, of, country, org)
    end = last_org + 1
    if end < len(tokens) and tokens[end].text.islower() and tokens[end].lower in titles.ORG_WORDS:
        end += 1  # "of the Public and Commercial Services union"
    end = _name_goes_on(tokens, end, k)
    if end < len(tokens) and tokens[end].lower in _COMPANY_PARTS:
        return end + 1, _words(tokens, of, end + 1), country, org  # "of a Halvex Corp unit"
    return end, [], country, org or " ".join(t.text for t in tokens[k:end])


def _name_goes_on(tokens: list[Token], end: int, k: int) -> int:
    """The end of a body's name that starts at k and may go on past end over "of", "for", "on" or "and" with
    capitalised words ("International Association of Drilling Contractors", "Chamber of Trade and Industry").

    An "and" right after the body's own word joins two bodies ("the Senate and House"), not one name.
    """
    while end + 1 < len(tokens) and end - k < PHRASE and tokens[end].lower in ("of", "for", "and", "&", "on") \
            and tokens[end + 1].capitalised and tokens[end + 1].lower not in _COMMON_CAPITALS \
            and not (tokens[end].lower in ("and", "&") and tokens[end - 1].lower in titles.ORG_WORDS):
        end += 2  # "Commission on Good Government"
        while end < len(tokens) and end - k < PHRASE and tokens[end].capitalised:
            end += 1
    return end


def _described_body(tokens: list[Token], of: int) -> tuple[int, str] | None:
    """(end, name) of a body after lower-case words that describe it: "of civil rights group Liberty", "of the
    human rights organisation Redress", "of the semi-official Institute for Economic Research"."""
    k = of + 1
    if k < len(tokens) and tokens[k].lower in ("the", "a", "an"):
        k += 1
    j = k
    while j < len(tokens) and j - k < 5 and tokens[j].text.islower() and tokens[j].text[0].isalpha() \
            and tokens[j].lower not in _COMPLEMENT_STOP:
        j += 1
    if j == k or j >= len(tokens) or not tokens[j].capitalised:
        return None
    m = j
    while m < len(tokens) and m - j < 8 and (tokens[m].capitalised or tokens[m].acronym or (
            tokens[m].lower in ("of", "for", "and", "&") and m + 1 < len(tokens) and tokens[m + 1].capitalised)):
        m += 1
    run = tokens[j:m]
    if not (tokens[j - 1].lower in _DESCRIBING or any(t.lower in titles.ORG_WORDS for t in run)) \
            or is_name_word(run[0]) and len(run) == 2 and tokens[j - 1].lower not in _DESCRIBING:
        return None  # "of the steel maker", "of rival John Smith"
    end = m
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 1].acronym and tokens[end + 2].text == ")":
        end += 3  # "(WIFO)"
    return end, " ".join(t.text for t in run)


# Nouns that describe the body named right after them ("the charity Oxfam", "civil rights group Liberty").
_DESCRIBING = word_set("""
group organisation organization charity party company firm agency body society association union institute
watchdog campaign lobby foundation network movement coalition alliance bank fund think-tank tank council
""")


def _body_in_lower_case(tokens: list[Token], of: int, country: str | None,
                        org: str | None) -> tuple[int, list[str], str | None, str | None]:
    """"chairman of the council of economic advisers": a body written in lower case stays in the title."""
    j = of + 1
    while j < len(tokens) and j - of <= 7 and ((tokens[j].text.isalpha() and tokens[j].text.islower()
                                               and tokens[j].lower not in _COMPLEMENT_STOP - {"of", "and"})
                                              or (tokens[j].text in ("'", "’") and tokens[j - 1].lower.endswith("s"))):
        j += 1  # "of the private exporters' association": a plural possessive inside the body's description
    body = [k for k in range(of + 1, j) if tokens[k].lower in _BODIES]
    if not body and j > of + 1 and j < len(tokens) and tokens[j].lower == "at" \
            and tokens[of + 1].lower not in _DETERMINERS and _company_at(tokens, j) is not None:
        return j, _words(tokens, of, j), country, org  # "manager of public affairs at Texaco Inc": a field
    if not body:
        return of, [], country, org
    end = body[-1] + 1
    if end < j and tokens[end].lower in ("of", "for") and end + 1 < j:
        end = j  # "of economic advisers"
    if end != j:
        return of, [], country, org  # the body must end the complement: not "of international activities"
    words: list[str] = []
    for t in tokens[of:end]:
        if t.text in ("'", "’") and words:
            words[-1] += t.text  # "exporters'" as written
        else:
            words.append(t.text)
    return end, words, country, org


def _company_at(tokens: list[Token], at: int) -> tuple[int, str] | None:
    """(end, name) of the employer in "at Texaco Inc": capitalised words ending in an organisation's word."""
    k = at + 1
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    j = k
    while j < len(tokens) and j - k < 6 and (tokens[j].capitalised or tokens[j].acronym or tokens[j].text == "&"):
        j += 1
    if j == k or (tokens[j - 1].lower.rstrip(".") not in titles.ORG_WORDS and tokens[j - 1].lower.rstrip(".")
                  not in _COMPANY_WORDS):
        return None
    if j + 1 < len(tokens) and tokens[j].lower == "of" and tokens[j + 1].capitalised:
        m = j + 1  # "at the Industrial Bank of Japan": the name goes on; cut at "Bank" it names another bank
        while m < len(tokens) and m - j <= 3 and tokens[m].capitalised:
            m += 1
        j = m
    return j, " ".join(t.text for t in tokens[k:j])


def _coordinated_head(tokens: list[Token], after: int, heads: frozenset[str], mods: frozenset[str]) -> int | None:
    """The second head of "chairman and chief executive of X", "President and CEO X", whose complement
    both roles share, else None."""
    if after >= len(tokens) or tokens[after].lower != "and":
        return None
    k = after + 1
    last = None
    while k < len(tokens) and k - after <= 4 and (tokens[k].lower in mods or tokens[k].lower in heads):
        if tokens[k].lower in heads:
            last = k
        k += 1
    return last if last is not None and last == k - 1 else None


def _portfolio_run(tokens: list[Token], k: int, j: int) -> bool:
    """True for capitalised words after a minister's "of" that name a portfolio, not a place or a person:
    two or more words joined by "and", or words no name holds ("of Regional and Industrial Expansion")."""
    words = tokens[k:j]
    return any(t.lower == "and" for t in words) and words[-1].capitalised and words[0].capitalised


def _words(tokens: list[Token], start: int, end: int) -> list[str]:
    return [t.text for t in tokens[start:end]]


def _state_at(tokens: list[Token], k: int, head: str) -> tuple[int, str] | None:
    """(tokens, "United States") for a US state starting at k ("of New Mexico"); Georgia after an American role."""
    for n in (3, 2, 1):
        phrase = " ".join(t.text for t in tokens[k:k + n])
        if k + n <= len(tokens) and (countries.is_us_state(phrase)
                                     or (phrase == "Georgia" and head in titles.US_ROLES)):
            return n, "United States"
    return None


def _place_end(tokens: list[Token], k: int, local: bool) -> int:
    """The end of a place's name starting at k, short of a person's name after it ("Mayor of Gdansk Ann Lee")."""
    j = k
    while j < len(tokens) and j - k < 4 and tokens[j].capitalised and tokens[j].lower not in titles.ORG_WORDS:
        j += 1
    if local and j - k >= 3:
        return k + 1 if j - k == 3 else j - 2  # "of Gdansk Pawel Adamowicz": the place, then the name
    return j


def _org_word_ahead(tokens: list[Token], k: int) -> bool:
    """True when the capitalised words from k on name an organisation ("and Commercial Services")."""
    j = k
    while j < len(tokens) and j - k < 6 and (tokens[j].capitalised or tokens[j].lower in _LINKING):
        if tokens[j].lower in titles.HEADS:
            return False  # "of State George Shultz and Undersecretary of State": another role starts
        if tokens[j].lower in titles.ORG_WORDS:
            return True
        j += 1
    return False


def _for_complement(tokens: list[Token], for_: int, places: Gazetteer) -> int:
    """Return the end of "for Europe" or "for Work and Pensions", kept in the title, else for_."""
    k = for_ + 1
    while k < len(tokens) and k - for_ <= PHRASE and (tokens[k].lower in titles.PORTFOLIOS
                                                      or tokens[k].lower in titles.MODIFIERS
                                                      or (tokens[k].capitalised and not is_name_word(tokens[k])
                                                          and tokens[k].lower not in titles.HONORIFICS)
                               or tokens[k].lower in ("and", "europe", "women", "children", "sport")
                               or country_starting_at(tokens, k, places) is not None):
        found = country_starting_at(tokens, k, places)
        k += found[0] if found is not None else 1
    while k > for_ + 1 and tokens[k - 1].lower in ("and", "the"):
        k -= 1
    if any(t.lower in titles.HEADS for t in tokens[for_ + 1:k]) and k < len(tokens) and is_name_word(tokens[k]):
        return for_  # "a spokesman for Home Affairs Commissioner Ann Lee": the commissioner is Ann Lee
    if k > for_ + 1 and tokens[for_ + 1].text[:1].isupper():
        return k
    return _portfolio_in_lower_case(tokens, for_)  # "minister for foreign economic relations and trade"


def _portfolio_in_lower_case(tokens: list[Token], link: int) -> int:
    """The end of a portfolio in lower case after "for", "of" or "on" that runs to a comma or stop ("minister of
    regional industrial expansion,"), else link."""
    j = link + 1
    while j < len(tokens) and j - link <= 7 and tokens[j].text.isalpha() and tokens[j].text.islower() \
            and tokens[j].lower not in _COMPLEMENT_STOP - {"and"} and tokens[j].lower not in _DETERMINERS:
        j += 1
    if j > link + 1 and tokens[j - 1].lower != "and" and (j >= len(tokens) or tokens[j].text in ",.;:)"):
        return j
    return link


def _to_complement(tokens: list[Token], to: int, places: Gazetteer) -> int:
    """Return the end of "to the United Nations" or "to the coalition against ISIL", kept in the title."""
    k = to + 1
    if k < len(tokens) and tokens[k].lower == "the":
        k += 1
    if k < len(tokens) and tokens[k].text[:1].isupper():
        found = country_starting_at(tokens, k, places)
        if found is not None:
            return k + found[0]
        j, last_org = k, None
        while j < len(tokens) and j - k < PHRASE and (tokens[j].capitalised or tokens[j].acronym
                                                      or tokens[j].lower in _LINKING):
            if tokens[j].lower in titles.ORG_WORDS or tokens[j].acronym:
                last_org = j
            j += 1
        if last_org is None and k < j <= k + 3 and j < len(tokens) and tokens[j].text in ",;)":
            return j  # "chief secretary to the Treasury, X": a body named by a word of its own
        return to if last_org is None else last_org + 1
    j = k
    while j < len(tokens) and j - k < 10 and tokens[j].lower not in _COMPLEMENT_STOP \
            and (tokens[j].text[0].isalnum()):
        j += 1
    return j if j > k else to
