"""Split a file into front matter and body, and put them back together with the body bytes untouched."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from briefgen.safe_yaml import Dumper, compose_safely

MACHINE_KEY = "briefgen"
"""The one front matter key that briefgen owns and rewrites."""

_OPENING = re.compile(r"---[ \t]*(\r?\n)")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


class FrontMatterError(Exception):
    """The front matter block is malformed; `line` is 1-based in the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class Parts:
    """A text file cut into its pieces; `join` of the same pieces gives the same text back."""

    bom: str
    """"\ufeff" when the file starts with a byte order mark, else ""."""
    opening: str
    """The opening fence line as written ("---\\n"), or "" when the file has no front matter."""
    head: str
    """The YAML between the fences, exactly as written."""
    closing: str
    """The closing fence line as written, or ""."""
    body: str
    """Everything after the closing fence: the article text that offsets point into."""

    @property
    def head_line(self) -> int:
        """1-based line of the first line of YAML."""
        return 2

    @property
    def body_line(self) -> int:
        """1-based line where the body starts."""
        return 1 + (self.opening + self.head + self.closing).count("\n")

    @property
    def newline(self) -> str:
        """The file's line ending, so that text we add matches it."""
        sample = self.opening or self.body
        return "\r\n" if "\r\n" in sample[: sample.find("\n") + 1 or None] else "\n"


def split(text: str) -> Parts:
    """Cut a file's text into BOM, fences, YAML and body."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    rest = text[len(bom) :]
    opening = _OPENING.match(rest)
    if not opening:
        return Parts(bom, "", "", "", rest)
    after = rest[opening.end() :]
    closing = _CLOSING.search(after)
    if not closing:
        raise FrontMatterError("front matter opened with '---' is never closed (add a '---' line)", 1)
    return Parts(bom, opening.group(0), after[: closing.start()], closing.group(0), after[closing.end() :])


def join(parts: Parts) -> str:
    """Put the pieces back together."""
    return parts.bom + parts.opening + parts.head + parts.closing + parts.body


def _machine_lines(head: str) -> tuple[int, int] | None:
    """Return the [first, last) line numbers of the machine-owned key in the YAML, if present."""
    node = compose_safely(head)
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if key.value == MACHINE_KEY:
            end = value.end_mark.line + (1 if value.end_mark.column else 0)
            return key.start_mark.line, max(end, key.start_mark.line + 1)
    return None


class _FlowMap(dict[str, Any]):
    pass


class _FlowList(list[Any]):
    pass


class _BlockDumper(Dumper):  # type: ignore[misc]
    pass


_BlockDumper.add_representer(
    _FlowMap, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
)
_BlockDumper.add_representer(
    _FlowList, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _is_short(value: Any) -> bool:
    if isinstance(value, list):
        return all(_is_short(v) for v in value)
    return not isinstance(value, dict) and not (isinstance(value, str) and len(value) > 40)


def _readable(value: Any) -> Any:
    """Mark small mappings and lists for one-line flow style, so a figure reads as one line."""
    if isinstance(value, dict):
        flat = all(not isinstance(v, dict | list) for v in value.values())
        mapping = {k: _readable(v) for k, v in value.items()}
        return _FlowMap(mapping) if flat else mapping
    if isinstance(value, list):
        items = [_readable(v) for v in value]
        return _FlowList(items) if value and _is_short(value) else items
    return value


def dump_machine_block(block: dict[str, Any], newline: str) -> str:
    """Serialise the machine-owned block as YAML lines ending in `newline`: one line per figure."""
    text = yaml.dump(
        {MACHINE_KEY: {key: _readable(value) for key, value in block.items()}},
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,  # one line per sentence and per figure: easier to correct by hand
        default_flow_style=False,
    )
    return text.replace("\n", newline)


def with_machine_block(parts: Parts, block_text: str) -> Parts:
    """Return parts whose YAML has `block_text` in place of the machine-owned key (added if absent)."""
    nl = parts.newline
    if not parts.opening:
        return Parts(parts.bom, "---" + nl, block_text, "---" + nl, parts.body)
    lines = parts.head.splitlines(keepends=True)
    where = _machine_lines(parts.head)
    if where is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += nl
        lines.append(block_text)
    else:
        lines[where[0] : where[1]] = [block_text]
    closing = parts.closing if parts.closing.endswith("\n") else parts.closing + nl
    return Parts(parts.bom, parts.opening, "".join(lines), closing, parts.body)
