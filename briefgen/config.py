"""The project's config.yaml: every option declared once, validated in one place, all errors at once."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.content import decode
from briefgen.errors import BriefgenError, Problem
from briefgen.extract.places import PlaceEntry, entry_from_mapping, entry_problems
from briefgen.safe_yaml import YamlRefused, compose_safely, construct

SUMMARY_METHODS = ("editor", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "edmundson", "lead")
EXTRACTORS = ("troops", "dates", "officials")


@dataclass(frozen=True)
class Option:
    """One config key: its expected type, default and what it does."""

    default: Any
    doc: str
    check: Callable[[Any], str | None]
    """Returns None when the value is acceptable, else what is wrong with it."""
    choices: tuple[str, ...] = ()
    """The allowed words, when there is a fixed set: a mistyped one gets a suggestion."""
    items: Callable[[Any], list[str]] | None = None
    """For a list: what is wrong with one item (nothing when it is fine); each is reported at its own line."""


def _string(value: Any) -> str | None:
    """None for text, else what is wrong."""
    return None if isinstance(value, str) else "must be a string"


def _folder(value: Any) -> str | None:
    """None for a non-empty path, else what is wrong."""
    if not isinstance(value, str) or not value.strip():
        return "must be a folder path (a non-empty string)"
    return None


def _positive_int(value: Any) -> str | None:
    """None for a whole number of at least 1 (not a bool), else what is wrong."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return "must be a whole number of at least 1"
    return None


def _optional_positive_int(value: Any) -> str | None:
    """None for null or a whole number of at least 1, else what is wrong."""
    return None if value is None else _positive_int(value)


def _bool(value: Any) -> str | None:
    """None for true or false, else what is wrong."""
    return None if isinstance(value, bool) else "must be true or false"


def closest(word: object, choices: Iterable[str]) -> str | None:
    """The choice a mistyped word was most likely meant to be, if any is close."""
    if not isinstance(word, str):
        return None
    found = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.7)
    return found[0] if found else None


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """" (did you mean 'x'?)" for a mistyped word, or for each mistyped word of a list; else ""."""
    choices = list(choices)
    words = value if isinstance(value, list) else [value]
    guesses = [(w, closest(w, choices)) for w in words if w not in choices]
    found = [(w, g) for w, g in guesses if g]
    if not found:
        return ""
    if not isinstance(value, list):
        return f" (did you mean '{found[0][1]}'?)"
    return " (did you mean " + ", ".join(f"'{g}' for {w!r}" for w, g in found) + "?)"


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    """A check that a value is one of `choices`."""
    def check(value: Any) -> str | None:
        if value in choices:
            return None
        return f"must be one of: {', '.join(choices)}"

    return check


def _subset(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    """A check that a value is a list of some of `choices`."""
    def check(value: Any) -> str | None:
        if not isinstance(value, list) or any(v not in choices for v in value):
            return f"must be a list drawn from: {', '.join(choices)}"
        return None

    return check


def _string_list(value: Any) -> str | None:
    """None for a list of non-empty strings, else what is wrong."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return "must be a list of non-empty strings"
    return None


def _list(value: Any) -> str | None:
    """None for a list, else what is wrong."""
    return None if isinstance(value, list) else "must be a list"


def _default_date(value: Any) -> str | None:
    """None for fs or null, else what is wrong."""
    return None if value in (None, "fs") else "must be fs or null"


def _base_url(value: Any) -> str | None:
    """None for an http(s) URL or nothing, else what is wrong."""
    if not isinstance(value, str):
        return "must be a string"
    if value and not value.startswith(("http://", "https://")):
        return "must start with http:// or https:// (or be empty)"
    return None


OPTIONS: dict[str, Option] = {
    "title": Option("Morning brief", "Site title, shown in the masthead and the feed.", _string),
    "description": Option("", "One line under the title and in the feed.", _string),
    "base_url": Option("", "Absolute URL the site is published at; used by the feed and sitemap.", _base_url),
    "content_dir": Option("content", "Folder of articles (*.md, *.txt), relative to config.yaml.", _folder),
    "templates_dir": Option("templates", "Folder of template overrides, looked up before the theme.", _folder),
    "site_dir": Option("site", "Folder the site is built into (replaced as a whole on success).", _folder),
    "summary.method": Option(
        "editor", "How summary sentences are chosen: " + ", ".join(SUMMARY_METHODS) + ".", _choice(SUMMARY_METHODS),
        SUMMARY_METHODS,
    ),
    "summary.sentences": Option(3, "How many sentences a summary has.", _positive_int),
    "summary.max_words": Option(None, "Optional cap on summary words (null for none).", _optional_positive_int),
    "extract.figures": Option(
        list(EXTRACTORS), "Which figure extractors run: " + ", ".join(EXTRACTORS) + ".", _subset(EXTRACTORS),
        EXTRACTORS,
    ),
    "extract.titles": Option([], "Extra official titles to recognise, e.g. [Hetman, Chief Rabbi].", _string_list),
    "extract.places": Option(
        [], "Countries and organisations to add to the built-in list, e.g. "
        "[{name: Somaliland, demonyms: [Somalilander], capital: Hargeisa}].", _list, items=entry_problems,
    ),
    "search": Option(True, "Whether build makes a Pagefind search index (the slowest step of small rebuilds).", _bool),
    "write_front_matter": Option(True, "Whether build writes summary and figures into content/.", _bool),
    "remote_images": Option(False, "Whether article images on other hosts are shown; by default they are links, "
                            "so that opening the site requests nothing from another host.", _bool),
    "default_date": Option(
        None, "Date of articles whose front matter has none: null lists them as undated; fs uses the file's "
        "modification time (as Pelican's DEFAULT_DATE = 'fs'), kept when briefgen writes the front matter.",
        _default_date, ("fs",)),
    "front_matter_keys": Option(
        [], "Front matter keys of your own (e.g. [author, desk]); other unknown keys get a warning.", _string_list
    ),
}
SECTIONS = {name.split(".")[0] for name in OPTIONS if "." in name}


@dataclass(frozen=True)
class Config:
    """Validated settings of one briefing project; paths are absolute."""

    root: Path
    """Folder that holds config.yaml (or the current folder when there is none)."""
    path: Path | None
    """The config file read, or None when defaults apply."""
    title: str
    description: str
    base_url: str
    content_dir: Path
    templates_dir: Path
    site_dir: Path
    summary_method: str
    summary_sentences: int
    summary_max_words: int | None
    figures: tuple[str, ...]
    titles: tuple[str, ...]
    search: bool
    write_front_matter: bool
    front_matter_keys: tuple[str, ...] = ()
    remote_images: bool = False
    """Whether Markdown images on other hosts are shown as images (else as links)."""
    default_date: str | None = None
    """"fs": articles without a date take their file's modification day; None: they stay undated."""
    places: tuple[PlaceEntry, ...] = ()
    """A project's own countries and organisations (`extract.places`)."""

    def analysis_settings(self) -> dict[str, Any]:
        """The settings that change what analysis produces (part of the analysis cache key)."""
        return {
            "summary": [self.summary_method, self.summary_sentences, self.summary_max_words],
            "figures": list(self.figures),
            "titles": list(self.titles),
            "places": [dataclasses.asdict(p) for p in self.places],
        }


def _flatten(node: yaml.MappingNode, path: Path, problems: list[Problem],
             item_lines: dict[str, list[int]]) -> dict[str, tuple[Any, int]]:
    """Return {dotted key: (value, line)} for the config mapping, noting unknown keys and each list
    item's line in `item_lines`."""
    options: list[tuple[str, yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in SECTIONS:
            options.append((key, key_node, value_node))
        elif isinstance(value_node, yaml.MappingNode):
            options += [(f"{key}.{sub_key.value}", sub_key, sub_value) for sub_key, sub_value in value_node.value]
        else:
            problems.append(Problem(f"'{key}' must be a mapping of options", path, key_node.start_mark.line + 1))
    found: dict[str, tuple[Any, int]] = {}
    for dotted, key_node, value_node in options:
        found[dotted] = (construct(value_node), key_node.start_mark.line + 1)
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[dotted] = [item.start_mark.line + 1 for item in value_node.value]
    for key, (_, line) in found.items():
        if key not in OPTIONS:
            guess = difflib.get_close_matches(key, list(OPTIONS), n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            problems.append(Problem(f"unknown config key '{key}'{hint}", path, line))
    return found


def _take(key: str, value: Any, values: dict[str, Any], problems: list[Problem], where: Path | None,
          line: int | None, item_lines: list[int] | None = None) -> None:
    """Store a known option's value if it is valid, else note what is wrong (with a suggestion)."""
    option = OPTIONS.get(key)
    if option is None:
        return
    wrong = option.check(value)
    if wrong:
        hint = did_you_mean(value, option.choices) if option.choices else ""
        problems.append(Problem(f"'{key}' {wrong}, got {value!r}{hint}", where, line))
        return
    faults = [(n, fault) for n, item in enumerate(value) for fault in option.items(item)] if option.items else []
    for n, fault in faults:
        at = item_lines[n] if item_lines and n < len(item_lines) else line
        problems.append(Problem(f"'{key}' item {n + 1}: {fault}", where, at))
    if not faults:
        values[key] = value


ENVIRONMENT_PREFIX = "BRIEFGEN_"
"""`BRIEFGEN_BASE_URL=...` overrides `base_url`; `BRIEFGEN_SUMMARY_METHOD` overrides `summary.method`."""


def environment_name(key: str) -> str:
    """The environment variable that overrides a config key."""
    return ENVIRONMENT_PREFIX + key.replace(".", "_").upper()


def environment_overrides(environ: Mapping[str, str]) -> tuple[dict[str, tuple[Any, Path]], list[Problem]]:
    """Config values given as BRIEFGEN_<KEY> environment variables (YAML values: `false`, `[a, b]`)."""
    names = {environment_name(key): key for key in OPTIONS}
    overrides: dict[str, tuple[Any, Path]] = {}
    problems: list[Problem] = []
    for name, text in sorted(environ.items()):
        if not name.startswith(ENVIRONMENT_PREFIX):
            continue
        where = Path(f"${name}")
        if name not in names:
            guess = difflib.get_close_matches(name, list(names), n=1)
            hint = f" (did you mean ${guess[0]}?)" if guess else ""
            problems.append(Problem(f"not a briefgen setting{hint}", where))
            continue
        try:
            value = yaml.safe_load(text) if text.strip() else ""
        except yaml.YAMLError:
            value = text
        # a plain word stays text even where YAML would read a number or a date (a title "2024")
        if isinstance(OPTIONS[names[name]].default, str) and not isinstance(value, str):
            value = text
        overrides[names[name]] = (value, where)
    return overrides, problems


def load_config(path: Path | None = None, root: Path | None = None,
                overrides: Mapping[str, tuple[Any, Path]] | None = None) -> Config:
    """Read and validate config.yaml; with no file, the defaults for `root`. `overrides` (key -> (value,
    where it came from, e.g. $BRIEFGEN_BASE_URL or --base-url)) win over the file."""
    values = {name: option.default for name, option in OPTIONS.items()}
    problems: list[Problem] = []
    found: dict[str, tuple[Any, int]] = {}
    if path is not None:
        try:
            text = decode(path.read_bytes(), path, "a config file").removeprefix("\ufeff")
        except OSError as exc:
            raise BriefgenError(Problem(f"cannot read config: {exc.strerror}", path)) from exc
        try:
            node = compose_safely(text)
        except YamlRefused as exc:
            raise BriefgenError(Problem(exc.message, path, exc.line)) from exc
        if node is not None and not isinstance(node, yaml.MappingNode):
            raise BriefgenError(Problem("config must be a mapping of options", path, 1))
        item_lines: dict[str, list[int]] = {}
        found.update(_flatten(node, path, problems, item_lines) if node is not None else {})
        for key, (value, line) in found.items():
            _take(key, value, values, problems, path, line, item_lines.get(key))
        root = path.parent
    for key, (value, where) in (overrides or {}).items():
        _take(key, value, values, problems, where, None)
    base = (root or Path.cwd()).resolve()
    site_dir = (base / values["site_dir"]).resolve()
    guarded = [base, (base / values["content_dir"]).resolve(), (base / values["templates_dir"]).resolve()]
    if any(site_dir == g or g.is_relative_to(site_dir) for g in guarded):
        site_line: int | None = found["site_dir"][1] if "site_dir" in found else None
        site_where = path
        if overrides and "site_dir" in overrides:
            site_where, site_line = overrides["site_dir"][1], None
        problems.append(Problem("'site_dir' must be a folder of its own, outside content and templates: "
                                "it is replaced as a whole on every build", site_where, site_line))
    if problems:
        raise BriefgenError(sorted(problems, key=lambda p: p.line or 0))
    return Config(
        root=base,
        path=path,
        title=values["title"],
        description=values["description"],
        base_url=values["base_url"] + ("/" if values["base_url"] and not values["base_url"].endswith("/") else ""),
        content_dir=(base / values["content_dir"]).resolve(),
        templates_dir=(base / values["templates_dir"]).resolve(),
        site_dir=site_dir,
        summary_method=values["summary.method"],
        summary_sentences=values["summary.sentences"],
        summary_max_words=values["summary.max_words"],
        figures=tuple(values["extract.figures"]),
        titles=tuple(values["extract.titles"]),
        search=values["search"],
        write_front_matter=values["write_front_matter"],
        front_matter_keys=tuple(values["front_matter_keys"]),
        remote_images=values["remote_images"],
        default_date=values["default_date"],
        places=tuple(entry_from_mapping(item) for item in values["extract.places"]),
    )
