"""Country names, demonyms and metonyms ("Kremlin") mapped to short English country names; international bodies."""

from __future__ import annotations

import re

# Canonical short name -> other ways of writing the country itself.
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "Afghanistan": (),
    "Albania": (),
    "Algeria": (),
    "Angola": (),
    "Argentina": (),
    "Armenia": (),
    "Australia": (),
    "Austria": (),
    "Azerbaijan": (),
    "Bahrain": (),
    "Bangladesh": (),
    "Belarus": (),
    "Belgium": (),
    "Bolivia": (),
    "Bosnia": ("Bosnia and Herzegovina", "Bosnia-Herzegovina"),
    "Brazil": (),
    "Bulgaria": (),
    "Burma": ("Myanmar",),
    "Burundi": (),
    "Cambodia": (),
    "Cameroon": (),
    "Canada": (),
    "Chad": (),
    "Chile": (),
    "China": ("People's Republic of China", "PRC"),
    "Colombia": (),
    "Congo": ("DR Congo", "Democratic Republic of Congo", "Democratic Republic of the Congo"),
    "Croatia": (),
    "Cuba": (),
    "Cyprus": (),
    "Czech Republic": ("Czechia",),
    "Czechoslovakia": (),
    "Denmark": (),
    "Ecuador": (),
    "Egypt": (),
    "El Salvador": (),
    "Eritrea": (),
    "Estonia": (),
    "Ethiopia": (),
    "Finland": (),
    "France": (),
    "Georgia": (),
    "Germany": (),
    "East Germany": (),
    "West Germany": (),
    "Ghana": (),
    "Greece": (),
    "Guatemala": (),
    "Haiti": (),
    "Honduras": (),
    "Hungary": (),
    "India": (),
    "Indonesia": (),
    "Iran": (),
    "Iraq": (),
    "Ireland": (),
    "Israel": (),
    "Italy": (),
    "Ivory Coast": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "Japan": (),
    "Jordan": (),
    "Kazakhstan": (),
    "Kenya": (),
    "Kosovo": (),
    "Kuwait": (),
    "Kyrgyzstan": (),
    "Latvia": (),
    "Lebanon": (),
    "Liberia": (),
    "Libya": (),
    "Lithuania": (),
    "Macedonia": ("North Macedonia",),
    "Malaysia": (),
    "Mali": (),
    "Mexico": (),
    "Moldova": (),
    "Mongolia": (),
    "Morocco": (),
    "Mozambique": (),
    "Namibia": (),
    "Nepal": (),
    "Netherlands": ("Holland",),
    "New Zealand": (),
    "Nicaragua": (),
    "Niger": (),
    "Nigeria": (),
    "North Korea": ("DPRK",),
    "Norway": (),
    "Oman": (),
    "Pakistan": (),
    "Palestine": ("Palestinian Territories",),
    "Panama": (),
    "Paraguay": (),
    "Peru": (),
    "Philippines": (),
    "Poland": (),
    "Portugal": (),
    "Qatar": (),
    "Romania": (),
    "Russia": ("Russian Federation",),
    "Rwanda": (),
    "Saudi Arabia": (),
    "Senegal": (),
    "Serbia": (),
    "Sierra Leone": (),
    "Singapore": (),
    "Slovakia": (),
    "Slovenia": (),
    "Somalia": (),
    "South Africa": (),
    "South Korea": (),
    "South Sudan": (),
    "Soviet Union": ("USSR", "U.S.S.R."),
    "Spain": (),
    "Sri Lanka": (),
    "Sudan": (),
    "Sweden": (),
    "Switzerland": (),
    "Syria": (),
    "Taiwan": (),
    "Tajikistan": (),
    "Tanzania": (),
    "Thailand": (),
    "Tunisia": (),
    "Turkey": ("Turkiye", "Türkiye"),
    "Turkmenistan": (),
    "Uganda": (),
    "Ukraine": (),
    "United Arab Emirates": ("UAE",),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "Uruguay": (),
    "Uzbekistan": (),
    "Venezuela": (),
    "Vietnam": ("Viet Nam",),
    "Yemen": (),
    "Yugoslavia": (),
    "Zambia": (),
    "Zimbabwe": (),
    "Bahamas": (), "Barbados": (), "Belize": (), "Benin": (), "Bhutan": (), "Botswana": (), "Brunei": (),
    "Burkina Faso": (), "Central African Republic": (), "Costa Rica": (), "Djibouti": (),
    "Dominican Republic": (), "East Timor": ("Timor-Leste",), "Equatorial Guinea": (), "Fiji": (),
    "Gabon": (), "Gambia": (), "Guinea": (), "Guinea-Bissau": (), "Guyana": (), "Iceland": (),
    "Jamaica": (), "Laos": (), "Lesotho": (), "Luxembourg": (), "Madagascar": (), "Malawi": (),
    "Maldives": (), "Malta": (), "Mauritania": (), "Mauritius": (), "Montenegro": (),
    "Papua New Guinea": (), "Samoa": (), "Suriname": (), "Swaziland": ("Eswatini",), "Togo": (),
    "Tonga": (), "Trinidad and Tobago": ("Trinidad",),
}

# Demonym (adjective or noun) -> canonical country.
_DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "Angolan": "Angola",
    "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia",
    "Australian": "Australia", "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Azeri": "Azerbaijan",
    "Bahraini": "Bahrain", "Bangladeshi": "Bangladesh", "Belarusian": "Belarus", "Belgian": "Belgium",
    "Bolivian": "Bolivia", "Bosnian": "Bosnia", "Brazilian": "Brazil", "Bulgarian": "Bulgaria",
    "Burmese": "Burma", "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada",
    "Chadian": "Chad", "Chilean": "Chile", "Chinese": "China", "Colombian": "Colombia",
    "Congolese": "Congo", "Croatian": "Croatia", "Cuban": "Cuba", "Cypriot": "Cyprus",
    "Czech": "Czech Republic",
    "Czechoslovak": "Czechoslovakia", "Danish": "Denmark", "Dutch": "Netherlands",
    "Ecuadorian": "Ecuador", "Egyptian": "Egypt", "Eritrean": "Eritrea", "Estonian": "Estonia",
    "Ethiopian": "Ethiopia", "Finnish": "Finland", "French": "France", "Georgian": "Georgia",
    "German": "Germany", "East German": "East Germany", "West German": "West Germany", "Ghanaian": "Ghana",
    "Greek": "Greece", "Guatemalan": "Guatemala", "Haitian": "Haiti", "Honduran": "Honduras",
    "Hungarian": "Hungary", "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran",
    "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Ivorian": "Ivory Coast",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya",
    "Kuwaiti": "Kuwait", "Latvian": "Latvia", "Lebanese": "Lebanon", "Liberian": "Liberia",
    "Libyan": "Libya", "Lithuanian": "Lithuania", "Malaysian": "Malaysia", "Malian": "Mali",
    "Mexican": "Mexico", "Moldovan": "Moldova", "Mongolian": "Mongolia", "Moroccan": "Morocco",
    "Mozambican": "Mozambique", "Nepalese": "Nepal", "Nicaraguan": "Nicaragua", "Nigerian": "Nigeria",
    "North Korean": "North Korea", "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan",
    "Palestinian": "Palestine", "Panamanian": "Panama", "Paraguayan": "Paraguay", "Peruvian": "Peru",
    "Philippine": "Philippines", "Filipino": "Philippines", "Polish": "Poland", "Portuguese": "Portugal",
    "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia", "Rwandan": "Rwanda",
    "Saudi": "Saudi Arabia", "Senegalese": "Senegal", "Serbian": "Serbia", "Serb": "Serbia",
    "Singaporean": "Singapore", "Slovak": "Slovakia", "Slovenian": "Slovenia", "Somali": "Somalia",
    "South African": "South Africa", "South Korean": "South Korea", "Soviet": "Soviet Union",
    "Spanish": "Spain", "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan", "Swedish": "Sweden",
    "Swiss": "Switzerland", "Syrian": "Syria", "Taiwanese": "Taiwan", "Tajik": "Tajikistan",
    "Tanzanian": "Tanzania", "Thai": "Thailand", "Tunisian": "Tunisia", "Turkish": "Turkey",
    "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Emirati": "United Arab Emirates",
    "British": "United Kingdom", "English": "United Kingdom", "Scottish": "United Kingdom",
    "Welsh": "United Kingdom", "American": "United States", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Yemeni": "Yemen",
    "Yugoslav": "Yugoslavia", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
    "Bahamian": "Bahamas", "Barbadian": "Barbados", "Belizean": "Belize", "Beninese": "Benin",
    "Bhutanese": "Bhutan", "Bruneian": "Brunei", "Burkinabe": "Burkina Faso", "Costa Rican": "Costa Rica",
    "Djiboutian": "Djibouti", "Dominican": "Dominican Republic", "Fijian": "Fiji", "Gabonese": "Gabon",
    "Gambian": "Gambia", "Guyanese": "Guyana", "Icelandic": "Iceland", "Jamaican": "Jamaica",
    "Kosovar": "Kosovo", "Kyrgyz": "Kyrgyzstan", "Laotian": "Laos", "Macedonian": "Macedonia",
    "Malagasy": "Madagascar", "Malawian": "Malawi", "Maldivian": "Maldives", "Maltese": "Malta",
    "Mauritanian": "Mauritania", "Mauritian": "Mauritius", "Montenegrin": "Montenegro",
    "Nigerien": "Niger", "Salvadoran": "El Salvador", "Samoan": "Samoa", "Sierra Leonean": "Sierra Leone",
    "South Sudanese": "South Sudan", "Surinamese": "Suriname", "Swazi": "Swaziland", "Timorese": "East Timor",
    "Togolese": "Togo", "Tongan": "Tonga", "Trinidadian": "Trinidad and Tobago", "Turkmen": "Turkmenistan",
}

# Seats of government used for the government itself.
_METONYMS: dict[str, str] = {
    "Kremlin": "Russia", "Pentagon": "United States", "White House": "United States",
    "State Department": "United States", "Downing Street": "United Kingdom",
    "Whitehall": "United Kingdom", "Foreign Office": "United Kingdom", "Elysee": "France",
    "Élysée": "France", "Quai d'Orsay": "France", "Zhongnanhai": "China", "Blue House": "South Korea",
}

# Capitals, which stand for their government in news copy ("Moscow sent a list").
_CAPITALS: dict[str, str] = {
    "Moscow": "Russia", "Washington": "United States", "London": "United Kingdom", "Paris": "France",
    "Berlin": "Germany", "Bonn": "West Germany", "Beijing": "China", "Peking": "China", "Tokyo": "Japan",
    "Kiev": "Ukraine", "Kyiv": "Ukraine", "Tehran": "Iran", "Baghdad": "Iraq", "Damascus": "Syria",
    "Ankara": "Turkey", "Tripoli": "Libya", "N'Djamena": "Chad", "N'djamena": "Chad", "Cairo": "Egypt",
    "Manila": "Philippines", "Brasilia": "Brazil", "Warsaw": "Poland", "Havana": "Cuba",
    "Caracas": "Venezuela", "Kabul": "Afghanistan", "Islamabad": "Pakistan", "New Delhi": "India",
    "Jerusalem": "Israel", "Riyadh": "Saudi Arabia", "Seoul": "South Korea", "Pyongyang": "North Korea",
    "Rome": "Italy", "Madrid": "Spain", "Ottawa": "Canada", "Canberra": "Australia", "Minsk": "Belarus",
    "Tbilisi": "Georgia", "Belgrade": "Serbia", "Abidjan": "Ivory Coast", "Khartoum": "Sudan",
    "Beirut": "Lebanon", "Amman": "Jordan", "Nairobi": "Kenya", "Jakarta": "Indonesia",
    "Hanoi": "Vietnam", "Bangkok": "Thailand", "Mexico City": "Mexico", "Buenos Aires": "Argentina",
    "Bogota": "Colombia", "Lima": "Peru", "Santiago": "Chile", "Athens": "Greece", "Budapest": "Hungary",
    "Prague": "Czech Republic", "Bucharest": "Romania", "Sofia": "Bulgaria", "Stockholm": "Sweden",
    "Oslo": "Norway", "Copenhagen": "Denmark", "Helsinki": "Finland", "Vienna": "Austria",
}


# States of the United States, which stand for it before a role ("Florida Governor", "Texas Senator"),
# though not as places in the text nor after "of" ("the governor of Ohio" keeps Ohio); Georgia is the country.
_US_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York State", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
)

# Regions and alliances whose names contain a country form ("South America", "Warsaw Pact"): found, then ignored.
_REGIONS = ("South America", "Latin America", "Central America", "North America", "New England",
            "South Asia", "Gulf of Mexico", "New Mexico", "Georgia Tech",
            "Warsaw Pact")


def _build() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    for name, others in _COUNTRIES.items():
        for form in (name, *others):
            exact[form] = name
    exact.update(_DEMONYMS)
    exact.update({f"{k}s": v for k, v in _DEMONYMS.items() if k[-1] not in "hes"})
    exact.update(_METONYMS)
    return exact, dict(_CAPITALS)


_EXACT, _CAPITAL = _build()
_ALL = {**_CAPITAL, **_EXACT, **dict.fromkeys(_REGIONS, "")}
COUNTRY_PATTERN = re.compile(
    r"(?<![\w.])(?=[A-ZÀ-Þ])("
    + "|".join(re.escape(k) for k in sorted(_ALL, key=len, reverse=True))
    + r")(?![\w])"
)
"""Finds any country, demonym, metonym or capital; group 1 is the form written."""



# International bodies whose officials and forces the news names without a country ("NATO's 30 members").
_BODIES: dict[str, str] = {
    "NATO": "NATO", "North Atlantic Treaty Organization": "NATO", "North Atlantic Treaty Organisation": "NATO",
    "United Nations": "United Nations", "UN": "United Nations", "U.N.": "United Nations",
    "European Union": "European Union", "EU": "European Union", "E.U.": "European Union",
    "OSCE": "OSCE", "Organization for Security and Co-operation in Europe": "OSCE",
    "Organisation for Security and Co-operation in Europe": "OSCE",
    "OPEC": "OPEC", "Arab League": "Arab League", "African Union": "African Union", "ASEAN": "ASEAN",
    "OIC": "Organisation of Islamic Cooperation",
    "Organisation of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "Organization of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "Organization of American States": "Organization of American States",
    "OAS": "Organization of American States", "Council of Europe": "Council of Europe",
    "Gulf Cooperation Council": "Gulf Cooperation Council", "GCC": "Gulf Cooperation Council",
    "Commonwealth of Independent States": "Commonwealth of Independent States",
    "CSTO": "Collective Security Treaty Organization",
    "Collective Security Treaty Organization": "Collective Security Treaty Organization",
}
BODY_PATTERN = re.compile(
    r"(?<![\w.-])(" + "|".join(re.escape(k) for k in sorted(_BODIES, key=len, reverse=True)) + r")(?![\w-])"
)
"""Finds an international body by its name or acronym; group 1 is the form written."""


def bodies_in(text: str) -> list[tuple[int, str]]:
    """Return (offset, body) for every international body named in the text ("NATO", "the U.N.")."""
    return [(m.start(1), _BODIES[m.group(1)]) for m in BODY_PATTERN.finditer(text)]


def country_of(phrase: str, capitals: bool = True) -> str | None:
    """Return the short country name a phrase stands for ("Kremlin" -> "Russia"), else None."""
    text = phrase.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    found = _EXACT.get(text)
    if found is None and capitals:
        found = _CAPITAL.get(text)
    return found


# The US dollar after "U.S.", which prices things the world over ("assets of 14 billion U.S. dlrs").
_US_CURRENCY = re.compile(r"\s+(?:dlrs?|dollars?|cents?)\b", re.I)


def countries_in(text: str) -> list[tuple[int, str]]:
    """Return (offset, country) for every country, demonym, metonym or capital in the text, not "U.S. dlrs"."""
    return [(m.start(1), _ALL[m.group(1)]) for m in COUNTRY_PATTERN.finditer(text) if _ALL[m.group(1)]
            and not (m.group(1) in ("U.S.", "US") and _US_CURRENCY.match(text, m.end()))]


def is_demonym(word: str) -> bool:
    """True for an adjective or people-noun of a country ("Chinese", "Libyans"), not its name."""
    return word in _DEMONYMS or (word.endswith("s") and word[:-1] in _DEMONYMS)


def is_us_state(phrase: str) -> bool:
    """True for the name of a state of the United States ("Ohio", "New Mexico"), not Georgia."""
    return phrase in _STATE_SET


_STATE_SET = frozenset(_US_STATES)


def is_region(phrase: str) -> bool:
    """True for a region whose name holds a country's ("South America", "New Mexico")."""
    return phrase in _REGIONS
