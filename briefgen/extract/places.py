"""A country, territory or organisation as config.yaml and the built-in list write it, and its checks.

Kept apart from countries.py so that reading config.yaml does not build the gazetteer.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

PLACE_KEYS = ("name", "aliases", "demonyms", "capital", "capitals", "metonyms", "kind")
KINDS = ("country", "organisation")


@dataclass(frozen=True)
class PlaceEntry:
    """One country, territory or international organisation and the ways the news writes it."""

    name: str
    """The short English name shown as an official's org ("United Kingdom")."""
    aliases: tuple[str, ...] = ()
    """Other names of the place itself ("Britain", "UK")."""
    demonyms: tuple[str, ...] = ()
    """Adjectives and nouns for its people ("British", "Briton"); plurals in -s are added."""
    capitals: tuple[str, ...] = ()
    """Seats of government ("London"), which stand for it in news copy but not before a role."""
    metonyms: tuple[str, ...] = ()
    """Places that stand for its government ("Downing Street", "Kremlin")."""
    kind: str = "country"
    """"country" (also territories) or "organisation" (NATO, the UN)."""


def entry_from_mapping(data: dict[str, Any]) -> PlaceEntry:
    """A PlaceEntry from a mapping already checked by `entry_problems`; "capital" may be one string."""
    def words(key: str) -> tuple[str, ...]:
        value = data.get(key) or ()
        found = (value,) if isinstance(value, str) else tuple(value)
        return tuple(_bare(v) for v in found)

    capitals = words("capitals") + words("capital")
    return PlaceEntry(str(data["name"]).strip(), words("aliases"), words("demonyms"), capitals, words("metonyms"),
                      str(data.get("kind", "country")))


def _bare(form: str) -> str:
    """A form as the text writes it after "the": "the Kremlin" -> "Kremlin"."""
    form = " ".join(form.split())
    return form[4:] if form.lower().startswith("the ") else form


def entry_problems(data: Any) -> list[str]:
    """What is wrong with one place written as a mapping (config.yaml), or nothing."""
    if not isinstance(data, dict):
        return ["must be a mapping such as {name: Puerto Rico, demonyms: [Puerto Rican]}"]
    problems = []
    for key in data:
        if key not in PLACE_KEYS:
            guess = difflib.get_close_matches(str(key), PLACE_KEYS, n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else f" (known: {', '.join(PLACE_KEYS)})"
            problems.append(f"unknown key '{key}'{hint}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("'name' must be a non-empty string")
    for key in ("aliases", "demonyms", "capitals", "metonyms", "capital"):
        value = data.get(key)
        if value is None or (key in ("capital", "capitals") and isinstance(value, str) and value.strip()):
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            what = "a name or a list of names" if key in ("capital", "capitals") else "a list of names"
            problems.append(f"'{key}' must be {what}")
    if data.get("kind", "country") not in KINDS:
        problems.append("'kind' must be country or organisation")
    return problems
