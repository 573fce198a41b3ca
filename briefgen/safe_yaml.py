"""YAML for untrusted text: safe tags only, no aliases (so no alias bombs), errors with a line.

Parsing uses libyaml's C parser when PyYAML has it (it does in PyPI's wheels): front matter
is read on every build, and the pure-Python parser costs milliseconds per article.
"""

from __future__ import annotations

from typing import Any

import yaml

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper: type[Any] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""The fastest safe dumper PyYAML offers here."""


class YamlRefused(Exception):
    """The text is not YAML that briefgen accepts; `line` is 1-based within the text."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_UNCLOSED = {
    "while parsing a flow sequence": "the list opened with '[' here is never closed",
    "while parsing a flow mapping": "the mapping opened with '{' here is never closed",
    "while scanning a quoted scalar": "the quoted text opened here is never closed",
}
"""Errors found far from their cause: the parser's context mark is where the unclosed thing starts."""


def _refusal(exc: yaml.YAMLError) -> YamlRefused:
    """A PyYAML error as a YamlRefused with the line of its cause."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context in _UNCLOSED and start is not None:
        return YamlRefused(f"invalid YAML: {_UNCLOSED[context]} ({problem})", start.line + 1)
    return YamlRefused(f"invalid YAML: {problem}", mark.line + 1 if mark is not None else None)


def _check(root: yaml.Node) -> None:
    """Refuse aliases (a node reached twice) and tags that would construct objects."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise YamlRefused("YAML anchors and aliases (&name, *name) are not accepted", node.start_mark.line + 1)
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise YamlRefused(f"YAML tag {node.tag!r} is not accepted", node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise YamlRefused(f"duplicate key {key.value!r}", key.start_mark.line + 1)
                    keys.add(key.value)
                stack += [value, key]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)


def compose_safely(text: str) -> yaml.Node | None:
    """Parse YAML into a node tree (with line marks), refusing aliases and unusual tags."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _refusal(exc) from exc
    if node is not None:
        _check(node)
    return node


class _DateCheckingLoader(yaml.SafeLoader):
    """The safe loader, refusing dates that are none (2022-02-30) and numbers too long to use."""
    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date or time, or YamlRefused for one that does not exist."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:  # matches YAML's date pattern but is no date: 2022-02-30
            raise YamlRefused(f"invalid date {node.value!r}: {exc}", node.start_mark.line + 1) from exc


    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        """An integer, or YamlRefused for one too long to print."""
        try:
            value = super().construct_yaml_int(node)
        except ValueError:  # over 4,300 decimal digits: Python refuses to read it
            value = None
        if not isinstance(value, int) or value.bit_length() > _MAX_INT_BITS:
            raise YamlRefused(f"a number of {len(node.value):,} characters is too long to use; put it in quotes "
                              "if it is text", node.start_mark.line + 1)
        return value


_MAX_INT_BITS = 13_000
"""About 3,900 digits: larger ints could not even be printed (Python's limit is 4,300 digits)."""
_DateCheckingLoader.add_constructor("tag:yaml.org,2002:timestamp", _DateCheckingLoader.construct_yaml_timestamp)
_DateCheckingLoader.add_constructor("tag:yaml.org,2002:int", _DateCheckingLoader.construct_yaml_int)


def construct(node: yaml.Node) -> Any:
    """Turn an already-checked node into Python data."""
    loader = _DateCheckingLoader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _refusal(exc) from exc
    finally:
        loader.dispose()


def load_safely(text: str) -> tuple[Any, yaml.Node | None]:
    """Return (data, node) for YAML text, refusing aliases and unusual tags."""
    node = compose_safely(text)
    if node is None:
        return None, None
    return construct(node), node
