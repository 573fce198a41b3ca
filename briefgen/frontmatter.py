"""Split a file into front matter and body, and put them back together with the body bytes untouched."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

import yaml

from briefgen.safe_yaml import Dumper, YamlRefused, compose_safely, construct, load_safely

MACHINE_KEY = "briefgen"
"""The one front matter key that briefgen owns and rewrites."""

_OPENING = re.compile(r"---[ \t]*(\r\n|\r|\n)")
_CLOSING = re.compile(r"(?:^|(?<=\r))(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)", re.MULTILINE)
_NEWLINE = re.compile(r"\r\n|\r|\n")
"""The line ends briefgen accepts in a file: LF, CRLF and CR alone (old Mac files)."""
_YAML_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break inside front matter (positions in its marks count these)."""


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
        return 1 + len(_NEWLINE.findall(self.opening + self.head + self.closing))

    @property
    def newline(self) -> str:
        """The file's line ending (that of its first line), so that text we add matches it."""
        first = _NEWLINE.search(self.opening or self.body)
        return first.group() if first else "\n"


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


class _FlowMap(dict[str, Any]):
    """A mapping written on one line ({a: 1, b: 2})."""


class _FlowList(list[Any]):
    """A list written on one line ([a, b])."""


class _BlockDumper(Dumper):  # type: ignore[misc]
    """The safe dumper, writing _FlowMap and _FlowList on one line and the rest as blocks."""


_BlockDumper.add_representer(
    _FlowMap, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
)
_BlockDumper.add_representer(
    _FlowList, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def _is_short(value: Any) -> bool:
    """True for a value short enough to sit on one line inside a list."""
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


class CannotStore(FrontMatterError):
    """The machine block cannot be added to this front matter without changing what the author wrote."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(f"cannot add the {MACHINE_KEY} block to this front matter: {reason}", line)


def store_machine_block(text: str, block: dict[str, Any]) -> tuple[str, Any]:
    """The file's text with `block` under the machine key, and the front matter data the file held before.

    Only the machine key's lines change; comments, quoting and every other key stay as written.
    The result is parsed again and must give the author's mapping plus `block` and the same body,
    else CannotStore is raised and nothing should be written.
    """
    parts = split(text)
    nl = parts.newline
    block_text = dump_machine_block(block, nl)
    if not parts.opening:
        updated = Parts(parts.bom, "---" + nl, block_text, "---" + nl, parts.body)
        before: Any = None
    else:
        node = compose_safely(parts.head)
        before = construct(node) if node is not None else None
        updated = dataclasses.replace(parts, head=_new_head(parts.head, node, block_text, nl),
                                      closing=parts.closing if _NEWLINE.search(parts.closing) else parts.closing + nl)
    new_text = join(updated)
    _verify(new_text, parts, before, block)
    return new_text, before


def _new_head(head: str, node: yaml.Node | None, block_text: str, nl: str) -> str:
    """The YAML with the block in place of the machine key's lines, or after the last key."""
    if node is not None and not isinstance(node, yaml.MappingNode):
        raise CannotStore("it is not a mapping of keys", 2 + node.start_mark.line)
    if isinstance(node, yaml.MappingNode) and node.flow_style:
        raise CannotStore("it is written as one flow mapping ({...}); write one 'key: value' per line instead",
                          2 + node.start_mark.line)
    found = [(k, v) for k, v in (node.value if node is not None else []) if k.value == MACHINE_KEY]
    if not found:
        indent = " " * node.start_mark.column if node is not None else ""
        ends_a_line = not head or _YAML_BREAK.match(head[-1])
        return head + ("" if ends_a_line else nl) + _indented(block_text, indent, nl)
    key, value = found[0]
    first = _line_start(head, key.start_mark.index)
    indent = head[first : key.start_mark.index]
    if indent.strip(" "):
        raise CannotStore(f"the {MACHINE_KEY} key is not at the start of its line", 2 + key.start_mark.line)
    end = max(_content_end(value), key.end_mark.index)
    line_break = _YAML_BREAK.search(head, end)
    after = line_break.end() if line_break else len(head)
    rest = head[end : line_break.start() if line_break else len(head)].strip()
    if end > first and _YAML_BREAK.match(head[end - 1]):  # a block scalar ends after its last line break
        rest, after = "", end
    if rest and not rest.startswith("#"):
        raise CannotStore(f"unexpected text after the {MACHINE_KEY} block", 2 + value.end_mark.line)
    one_line = value.start_mark.line == key.start_mark.line
    new = _indented(block_text, indent, nl)
    on_key_line = rest if one_line else _key_line_comment(head, key, value)
    if on_key_line:  # "briefgen:  # note" keeps its note
        new = new.replace(nl, "  " + on_key_line + nl, 1)
    if rest and not one_line:  # a note on the block's last line goes on a line of its own after it
        new += indent + rest + nl
    return head[:first] + new + head[after:]


def _line_start(text: str, index: int) -> int:
    """Index of the first character of the line holding `index`."""
    return max(text.rfind(c, 0, index) for c in "\r\n\x85\u2028\u2029") + 1


def _content_end(node: yaml.Node) -> int:
    """Index just after the node's own text (a block collection's end mark is where the next token starts)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False) or not node.value:
        return int(node.end_mark.index)
    last = node.value[-1]
    if isinstance(node, yaml.MappingNode):
        return max(int(last[0].end_mark.index), _content_end(last[1]))
    return _content_end(last)


def _key_line_comment(head: str, key: yaml.Node, value: yaml.Node) -> str:
    """The comment after `key:` when the value starts on a later line ("briefgen:  # ..."), else ""."""
    between = head[key.end_mark.index : value.start_mark.index]
    line = _YAML_BREAK.split(between, maxsplit=1)[0]
    return line[line.find("#") :].rstrip() if "#" in line else ""


def _indented(block_text: str, indent: str, nl: str) -> str:
    """The block shifted right by `indent` (the column of the mapping it joins); empty lines stay empty."""
    if not indent:
        return block_text
    return nl.join(indent + line if line else line for line in block_text.split(nl))


def _verify(new_text: str, parts: Parts, before: Any, block: dict[str, Any]) -> None:
    """Raise CannotStore unless `new_text` reads back as the author's front matter plus `block`."""
    try:
        again = split(new_text)
        data = load_safely(again.head)[0]
    except (FrontMatterError, YamlRefused) as exc:
        raise CannotStore(f"the result would not be valid ({exc})", 2) from exc
    expected = {k: v for k, v in (before or {}).items() if k != MACHINE_KEY}
    if (again.body != parts.body or again.bom != parts.bom or not isinstance(data, dict)
            or not same_data(data.pop(MACHINE_KEY, None), block) or not same_data(data, expected)):
        raise CannotStore("the result would not read back as the same keys plus the block", 2)


def same_data(a: Any, b: Any) -> bool:
    """Equal data, in the same order and of the same types, with NaN equal to itself."""
    if isinstance(a, dict) != isinstance(b, dict) or isinstance(a, list) != isinstance(b, list):
        return False
    if not isinstance(a, dict | list) and type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(same_data(ka, kb) and same_data(va, vb)
                                        for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b or (isinstance(a, float) and a != a and b != b))
