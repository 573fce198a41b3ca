"""Word tables for the date extractor: calendar names, number words and TIMEX3 unit codes."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of text (for word lists written as prose)."""
    return frozenset(text.split())

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "half a": 0, "a half": 0,
}

TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "21st": 21, "last": -1, "final": -1,
}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "millennium": "ML",
}
"""Time unit words to their TIMEX3 duration letters (minutes and months share M; clock units take PT)."""

ADVERB_SETS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H", "biweekly": "P2W",
}

FUTURE_WORDS: frozenset[str] = frozenset({
    "will", "shall", "won't", "scheduled", "would", "upcoming", "until", "effective",
    "begins", "ends", "meets", "opens", "starts", "resumes", "arrives", "leaves", "visits", "holds",
    "closes", "convenes", "travels", "returns", "heads", "expires",
})
"""Words that point a sentence forward, including present-tense verbs of scheduled events."""

FUTURE_PHRASES: frozenset[tuple[str, ...]] = frozenset({
    ("going", "to"), ("is", "to"), ("are", "to"), ("expect", "to"), ("expects", "to"), ("is", "expected"),
    ("are", "expected"), ("plan", "to"), ("plans", "to"), ("planning", "to"), ("is", "due"), ("are", "due"),
    ("due", "to"),
    ("intend", "to"), ("intends", "to"), ("set", "to"), ("to", "be", "held"), ("as", "soon", "as"),
    ("as", "early", "as"), ("projected", "to"), ("forecast", "to"), ("predicted", "to"), ("scheduled", "for"),
    ("planned", "for"), ("set", "for"),
    *((verb, "to") for verb in words("""
        threaten threatens threatened vow vows vowed promise promises promised pledge pledges pledged
        agree agrees agreed decide decides decided vote votes voted hope hopes hoped aim aims aimed
        seek seeks sought want wants wanted intended prepared preparing ready about
    """)),
})
"""Word sequences that point a sentence forward ("is due", "as soon as", "threatened to strike")."""

PAST_WORDS: frozenset[str] = frozenset({
    "said", "was", "were", "had", "did", "told", "announced", "reported", "ago", "last", "earlier", "since",
    "came", "went", "began", "met", "made", "took", "gave", "held", "left", "won", "lost", "rose", "fell",
    "became", "brought", "bought", "sold", "paid", "spent", "sent", "thought", "found", "kept", "led",
    "built", "struck", "fought", "chose", "drew", "drove", "fled", "flew", "grew", "heard", "knew", "laid",
    "meant", "saw", "shot", "spoke", "stood", "stole", "swore", "taught", "threw", "understood", "wrote",
    "arose", "ate", "awoke", "blew", "bled", "bred", "broke", "caught", "clung", "crept", "dealt",
    "dug", "felt", "flung", "forbade", "forgave", "forgot", "froze", "got", "hid", "knelt",
    "lent", "mistook", "overcame", "overran", "oversaw", "overtook", "ran", "rang", "rebuilt", "retook", "rode",
    "sang", "sank", "sat", "shook", "shone", "shrank", "slept", "slid", "sought", "sped", "spun", "stuck",
    "stung", "strode", "strove", "swam", "swept", "swung", "tore", "undertook", "underwent", "upheld", "wept",
    "withdrew", "withheld", "withstood", "woke", "wore",
})
"""Past-tense words (besides regular "-ed" forms) and words that point back: irregular past forms that are
not also present forms, adjectives or common nouns ("put", "read", "bound", "fed", "a bit", "a hung parliament")."""

REPORTING_WORDS: frozenset[str] = frozenset({
    "said", "told", "announced", "reported", "added", "stated", "noted", "explained", "claimed", "warned",
    "argued", "insisted", "confirmed", "declared", "disclosed", "revealed", "wrote", "indicated", "suggested",
    "commented", "remarked", "replied", "quoted",
})
"""Past verbs that report words: they date the speaking, not what is spoken of ("said supplies should last
until the end of the year")."""

SCHEDULE_WORDS: frozenset[str] = frozenset({
    "scheduled", "rescheduled", "postponed", "delayed", "deferred", "slated", "anticipated", "expected",
})
"""Verbs of planning and delay, past in form but pointing ahead: "postponed to June 2", "expected in January"."""

DETERMINERS: frozenset[str] = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "some", "heavy", "high", "low", "poor", "bad", "lack", "concerns", "fears",
})
"""Words after "due to" that make it "because of" ("due to a landslide", "due to heavy rain")."""

PAST_PHRASES: frozenset[tuple[str, ...]] = frozenset({("has", "been"), ("have", "been")})

NOT_PAST_ED: frozenset[str] = frozenset({
    "hundred", "based", "bed", "red", "sacred", "naked", "wicked", "kindred", "rugged", "infrared", "beloved",
})
"""Words in "-ed" that are no past tense: nouns, adjectives, and "based" ("a Seattle-based maker", "based in")."""

NOT_VERB_BEFORE_ED: frozenset[str] = frozenset({"a", "an", "the", "still", "newly", "is", "are", "am"})
"""Words after which an "-ed" word is an adjective or a present passive ("the revised plan", "is estimated"),
not a past tense."""

FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "armistice day": (11, 11), "bastille day": (7, 14), "boxing day": (12, 26),
}
"""Holidays on the same month and day every year."""

WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    "columbus day": (10, 0, 2),
}
"""US holidays on the n-th weekday of a month: (month, weekday with 0=Monday, n; -1 for the last)."""

COUNTED_NOUNS: frozenset[str] = words("""
people persons troops soldiers members men women children workers employees staff students pupils patients
cases deaths dead victims residents families households homes houses buildings vehicles cars trucks aircraft
planes flights ships boats seats votes voters signatures delegates shares units jobs barrels bushels
ounces tonnes tons tonne ton kg kilograms kilogrammes pounds lbs grams litres liters gallons acres hectares
ha km kilometres kilometers kilometre kilometer mi miles mile m metres meters metre meter feet foot ft yards
inches cm mm mph kph knots megawatt megawatts mw kw kilowatt kilowatts gigawatt gigawatts gw watts volts kv
mhz ghz calories degrees points pts percent pct dollars dlrs euros yen francs marks pesos rupees yuan stg
cents light-years light bytes mb gb words pages copies rounds games matches goals runs laps species animals
birds cattle sheep tests samples doses beds rooms schools villages towns cities sites stores shops branches
farms machines computers phones items pieces rockets missiles bombs shells arrests protesters
demonstrators refugees migrants prisoners inmates detainees civilians fighters militants police officers
personnel hours hrs gmt utc bc bce followers participants attendees visitors passengers customers
subscribers users accounts posts tweets applications complaints injuries infections
""")
"""Words after a bare four-digit number that make it a count or a measure, not a year ("1000 megawatt")."""

IDENTIFIER_WORDS: frozenset[str] = words("""
section sections article articles case resolution flight route number no nos room chapter paragraph clause
page pages platform gate highway interstate road street avenue bus train model version form code exit item
lot unit block batch ward seat row line catalogue catalog
serial tel phone ext box suite apartment building docket file patent standard iso
""")
"""Words before a four-digit number that make it a label ("Section 1201", "Flight 1549"), not a year."""

QUANTITY_WORDS: frozenset[str] = words("""
about around approximately nearly almost some over than least roughly only just estimated totalling
totaling total exactly precisely
""")
"""Words before a number that make it a quantity ("about 1500", "more than 1200") unless a date word leads them."""

YEAR_LEADS: frozenset[str] = words("""
in since by until till from before after during circa c year years early late mid end beginning fiscal
calendar the between through spring summer autumn fall winter
""")
"""Words before a bare number that lead a year ("since 1501", "in about 1900")."""

NEWSPAPER_WORDS: frozenset[str] = words("""
times telegraph mirror express post herald tribune independent mail sport people star world observer mercury
argus sun journal record
""")
"""Capitalised words after a weekday that make it the title of a newspaper ("Sunday Telegraph", "Sunday Times")."""

NAMED_DAY_WORDS: frozenset[str] = words("""
super black good holy ash maundy palm bloody cyber giving shrove fat plough blue easter whit red
""")
"""Capitalised words that make a weekday the name of a particular day ("Super Tuesday", "Good Friday")."""

CROP_NOUNS: frozenset[str] = words("""
crop crops grain grains wheat barley rye oats rapeseed cereal cereals sowing sowings planting plantings seedings
""")
"""Nouns after a season that make it a kind of crop ("winter wheat", "the spring sowings"), not a time."""

FUTURE_NOUNS: frozenset[str] = words("""
health plans plan growth role use uses status direction course policy policies generations leaders leader king
queen president members prospects funding success work security shape size needs demand talks elections
""")
"""Nouns that "the future" often qualifies as an adjective ("the future health of our democracy")."""

PUBLICATION_WORDS: frozenset[str] = words("""
said says reported reports wrote writes quoted quotes cited cites newspaper paper tabloid publication
""")
"""Words after "the daily" or "the weekly" that make it a newspaper, not a frequency."""

YEAR_NOUNS: frozenset[str] = words("""
sales earnings results revenues profits losses levels figures totals averages highs lows peaks elections
primaries caucuses polls midterms games olympics championships finals playoffs awards protests demonstrations
strikes riots attacks bombings shootings killings talks negotiations summits agreements accords reforms
amendments laws acts rules regulations accounts statements returns operations prices rates exports imports
budgets taxes dividends estimates forecasts targets quotas crops harvests plantings contracts models
purchases shipments deliveries payments campaigns nominations floods fires wildfires events plans figures
numbers data statistics standings rankings sessions seasons cuts increases gains declines
""")
"""Plural nouns a year commonly describes ("1986 sales", "2019 protests"); other plurals after a bare number
with no determiner make it a count ("1885 aftershocks")."""
