"""Analyses as plain data: the machine-owned front matter block and the `extract` JSON contract."""

from __future__ import annotations

import dataclasses
from typing import Any

from briefgen.article import Analysis, Article, DateMention, Figures, Official, TroopCount


class RecordError(Exception):
    """A stored analysis that cannot be read back; `where` names the field."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def figures_to_data(figures: Figures) -> dict[str, list[dict[str, Any]]]:
    """The figures as the contract's `figures` object."""
    return {
        "troops": [dataclasses.asdict(t) for t in figures.troops],
        "dates": [dataclasses.asdict(d) for d in figures.dates],
        "officials": [
            {**dataclasses.asdict(o), "variants": list(o.variants), "mentions": [list(m) for m in o.mentions]}
            for o in figures.officials
        ],
    }


def analysis_to_data(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the mapping stored in front matter (summary, then figures)."""
    return {"summary": list(analysis.summary), "figures": figures_to_data(analysis.figures)}


def contract_record(article: Article, analysis: Analysis, shown_path: str) -> dict[str, Any]:
    """One object of `briefgen extract --format json`, as ../shared/eval/README.md specifies."""
    return {
        "path": shown_path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        **analysis_to_data(analysis),
    }


_TYPES: dict[str, Any] = {"int": int, "str": str}


def _field(item: Any, name: str, kind: str, where: str, optional: bool = False) -> Any:
    """A field of a stored figure, checked for its type (`optional`: None is allowed)."""
    if not isinstance(item, dict):
        raise RecordError(where, "must be a mapping")
    value = item.get(name)
    if value is None and optional:
        return None
    expected = _TYPES[kind]
    if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
        raise RecordError(f"{where}.{name}", f"must be {'an' if kind == 'int' else 'a'} {kind}, got {value!r}")
    return value


def _items(data: dict[str, Any], name: str, where: str) -> list[Any]:
    """A list field of stored data (absent: empty)."""
    value = data.get(name) or []
    if not isinstance(value, list):
        raise RecordError(f"{where}.{name}", "must be a list")
    return value


def _span(item: Any, where: str) -> tuple[int, int]:
    """The (start, end) offsets of a stored figure."""
    start = _field(item, "start", "int", where)
    end = _field(item, "end", "int", where)
    return start, end


def analysis_from_data(data: Any, where: str = "briefgen") -> Analysis:
    """Read a stored analysis back, checking every field (people edit it by hand)."""
    if not isinstance(data, dict):
        raise RecordError(where, "must be a mapping")
    summary = _items(data, "summary", where)
    if not all(isinstance(s, str) for s in summary):
        raise RecordError(f"{where}.summary", "must be a list of sentences")
    figs = data.get("figures") or {}
    if not isinstance(figs, dict):
        raise RecordError(f"{where}.figures", "must be a mapping")
    fw = f"{where}.figures"
    troops = []
    for i, t in enumerate(_items(figs, "troops", fw)):
        tw = f"{fw}.troops[{i}]"
        start, end = _span(t, tw)
        troops.append(
            TroopCount(
                value=_field(t, "value", "int", tw, optional=True),
                high=_field(t, "high", "int", tw, optional=True),
                approx=bool(t.get("approx")),
                who=_field(t, "who", "str", tw, optional=True),
                kind=_field(t, "kind", "str", tw),
                text=_field(t, "text", "str", tw),
                start=start,
                end=end,
            )
        )
    dates = []
    for i, d in enumerate(_items(figs, "dates", fw)):
        dw = f"{fw}.dates[{i}]"
        start, end = _span(d, dw)
        value = d.get("value")
        dates.append(
            DateMention(
                value=None if value is None else str(value),
                type=_field(d, "type", "str", dw),
                text=_field(d, "text", "str", dw),
                start=start,
                end=end,
            )
        )
    officials = []
    for i, o in enumerate(_items(figs, "officials", fw)):
        ow = f"{fw}.officials[{i}]"
        variants = _items(o, "variants", ow) if isinstance(o, dict) else []
        mentions = _items(o, "mentions", ow) if isinstance(o, dict) else []
        if not all(isinstance(m, list) and len(m) == 2 and all(isinstance(x, int) for x in m) for m in mentions):
            raise RecordError(f"{ow}.mentions", "must be a list of [start, end] pairs")
        officials.append(
            Official(
                name=_field(o, "name", "str", ow),
                title=_field(o, "title", "str", ow, optional=True),
                org=_field(o, "org", "str", ow, optional=True),
                variants=tuple(str(v) for v in variants),
                mentions=tuple((m[0], m[1]) for m in mentions),
            )
        )
    return Analysis(tuple(summary), Figures(tuple(troops), tuple(dates), tuple(officials)))
