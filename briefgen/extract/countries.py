"""Countries, territories and international bodies: their names, demonyms, capitals and metonyms ("Kremlin").

The built-in list (briefgen/data/places.yaml) covers every UN member and observer; a project adds
places of the same shape in config.yaml (`extract.places`). A `Gazetteer` answers every question
the extractors ask about places; the module-level functions answer them for the built-in list.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from briefgen.extract.places import PlaceEntry, entry_from_mapping

_DATA = Path(__file__).resolve().parent.parent / "data" / "places.yaml"
class Place(NamedTuple):
    """A place named in a text: where, which one, and how it was written."""

    start: int
    end: int
    name: str
    kind: str
    """"name" (or alias), "demonym", "capital" or "metonym"."""


# States of the United States, which stand for it before a role ("Florida Governor", "Texas Senator"),
# though not as places in the text nor after "of" ("the governor of Ohio" keeps Ohio); Georgia is the country.
_US_STATES = frozenset((
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York State", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
))

# Regions and names whose words hold a country form ("South America", "Warsaw Pact"): found, then ignored.
_REGIONS = ("South America", "Latin America", "Central America", "North America", "New England",
            "South Asia", "Gulf of Mexico", "New Mexico", "Georgia Tech", "Warsaw Pact", "Indian Ocean",
            "Irish Sea", "Chinese New Year", "Turkish Cypriot", "Greek Cypriot", "Jordan River", "Dead Sea",
            "Persian Gulf", "Arabian Sea", "South China Sea", "East China Sea", "English Channel",
            "Panama Canal", "Suez Canal", "New Guinea", "Scotland Yard", "Islamic State of Iraq",
            "Islamic State in Iraq", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant")

# The US dollar after "U.S.", which prices things the world over ("assets of 14 billion U.S. dlrs").
_US_CURRENCY = re.compile(r"\s+(?:dlrs?|dollars?|cents?)\b", re.I)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Every place form mapped to its place, with one compiled pattern that finds them in a text.

    Compared by identity: `gazetteer()` returns the same object for the same entries.
    """

    entries: tuple[PlaceEntry, ...]
    exact: dict[str, str] = field(init=False, compare=False, hash=False, repr=False)
    """Names, aliases, demonyms (and their plurals) and metonyms of countries -> country."""
    capital: dict[str, str] = field(init=False, compare=False, hash=False, repr=False)
    kinds: dict[str, str] = field(init=False, compare=False, hash=False, repr=False)
    """How each form writes its place ("demonym", "capital", ...)."""
    demonyms: frozenset[str] = field(init=False, compare=False, hash=False, repr=False)
    bodies: dict[str, str] = field(init=False, compare=False, hash=False, repr=False)
    """Names and acronyms of international organisations -> their name."""
    pattern: re.Pattern[str] = field(init=False, compare=False, hash=False, repr=False)
    """Finds any country form or region; group 1 is the form written."""
    body_pattern: re.Pattern[str] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        exact: dict[str, str] = {}
        capital: dict[str, str] = {}
        kinds: dict[str, str] = {}
        demonyms: set[str] = set()
        bodies: dict[str, str] = {}
        for e in self.entries:  # later entries (a project's own) win over earlier ones
            if e.kind == "organisation":
                for form in (e.name, *e.aliases, *e.metonyms):
                    bodies[form] = e.name
                continue
            for form in (e.name, *e.aliases):
                exact[form], kinds[form] = e.name, "name"
            for form in e.metonyms:
                exact[form], kinds[form] = e.name, "metonym"
            for form in e.demonyms:
                plural = [f"{form}s"] if form[-1] not in "hes" else []
                for f in (form, *plural):
                    exact[f], kinds[f] = e.name, "demonym"
                    demonyms.add(f)
            for form in e.capitals:
                capital[form] = e.name
                kinds.setdefault(form, "capital")
        found = {**capital, **exact, **dict.fromkeys(_REGIONS, "")}
        forms = "|".join(re.escape(k) for k in sorted(found, key=len, reverse=True))
        set_ = object.__setattr__  # frozen: the lookups are worked out once, here
        set_(self, "exact", exact)
        set_(self, "capital", capital)
        set_(self, "kinds", kinds)
        set_(self, "demonyms", frozenset(demonyms))
        set_(self, "bodies", bodies)
        set_(self, "pattern", re.compile(r"(?<![\w.])(?=[A-ZÀ-Þ])(" + forms + r")(?![\w])"))
        set_(self, "body_pattern", re.compile(
            r"(?<![\w.-])(" + "|".join(re.escape(k) for k in sorted(bodies, key=len, reverse=True)) + r")(?![\w-])"))

    def country_of(self, phrase: str, capitals: bool = True) -> str | None:
        """The place a phrase stands for ("Kremlin" -> "Russia"), else None; capitals only if asked."""
        text = phrase.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        found = self.exact.get(text)
        if found is None and capitals:
            found = self.capital.get(text)
        return found

    def places_in(self, text: str) -> list[Place]:
        """Every country form in the text with how it is written, regions and "U.S. dlrs" left out."""
        out = []
        for m in self.pattern.finditer(text):
            form = m.group(1)
            name = self.exact.get(form) or self.capital.get(form)
            if not name or (form in ("U.S.", "US") and _US_CURRENCY.match(text, m.end())):
                continue
            out.append(Place(m.start(1), m.end(1), name, self.kinds.get(form, "name")))
        return out

    def countries_in(self, text: str) -> list[tuple[int, str]]:
        """(offset, country) for every country, demonym, metonym or capital in the text, not "U.S. dlrs"."""
        return [(p.start, p.name) for p in self.places_in(text)]

    def bodies_in(self, text: str) -> list[tuple[int, str]]:
        """(offset, body) for every international body named in the text ("NATO", "the U.N.")."""
        return [(m.start(1), self.bodies[m.group(1)]) for m in self.body_pattern.finditer(text)]

    def body_of(self, phrase: str) -> str | None:
        """The international body a name or acronym stands for ("U.N." -> "United Nations"), else None."""
        return self.bodies.get(phrase.strip())

    def is_demonym(self, word: str) -> bool:
        """True for an adjective or people-noun of a country ("Chinese", "Libyans"), not its name."""
        return word in self.demonyms


def _read_built_in() -> tuple[PlaceEntry, ...]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return tuple(entry_from_mapping(d) for d in data)


BUILT_IN = Gazetteer(_read_built_in())
"""The places briefgen knows without any configuration."""


@functools.lru_cache(maxsize=16)
def gazetteer(extra: tuple[PlaceEntry, ...] = ()) -> Gazetteer:
    """The built-in places with a project's own added (theirs win where both name a form)."""
    return BUILT_IN if not extra else Gazetteer(BUILT_IN.entries + extra)


COUNTRY_PATTERN = BUILT_IN.pattern
"""Finds any built-in country, demonym, metonym or capital; group 1 is the form written."""
BODY_PATTERN = BUILT_IN.body_pattern
"""Finds a built-in international body by its name or acronym; group 1 is the form written."""


def country_of(phrase: str, capitals: bool = True) -> str | None:
    """Return the short country name a phrase stands for ("Kremlin" -> "Russia"), else None."""
    return BUILT_IN.country_of(phrase, capitals)


def countries_in(text: str) -> list[tuple[int, str]]:
    """Return (offset, country) for every country, demonym, metonym or capital in the text, not "U.S. dlrs"."""
    return BUILT_IN.countries_in(text)


def bodies_in(text: str) -> list[tuple[int, str]]:
    """Return (offset, body) for every international body named in the text ("NATO", "the U.N.")."""
    return BUILT_IN.bodies_in(text)


def is_demonym(word: str) -> bool:
    """True for an adjective or people-noun of a country ("Chinese", "Libyans"), not its name."""
    return BUILT_IN.is_demonym(word)


def is_us_state(phrase: str) -> bool:
    """True for the name of a state of the United States ("Ohio", "New Mexico"), not Georgia."""
    return phrase in _US_STATES


def is_region(phrase: str) -> bool:
    """True for a region whose name holds a country's ("South America", "New Mexico")."""
    return phrase in _REGIONS
