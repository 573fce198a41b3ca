"""Count the work a function does, so that tests can check it grows linearly without timing it.

Two things are counted while the function runs: the Python bytecodes executed in briefgen's own
code, and the characters that briefgen's regular expressions are asked to scan (a search over
a window counts the window; an anchored match counts what it matched). A loop that runs once
per sentence over the whole text shows in the first; a regex re-reading a growing prefix for
every full stop shows in the second. Both are deterministic, unlike a stopwatch.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import briefgen

PACKAGE = str(Path(briefgen.__file__).resolve().parent)
SCANS = ("search", "finditer", "findall", "sub", "subn", "split")
ANCHORED = ("match", "fullmatch")


class _Counter:
    def __init__(self) -> None:
        self.total = 0


class _CountingPattern:
    """Stands in for a compiled pattern and adds the characters each call may scan to a counter."""

    def __init__(self, pattern: re.Pattern[str], counter: _Counter) -> None:
        self._pattern = pattern
        self._counter = counter

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._pattern, name)
        if name in SCANS:
            return self._scanning(attribute, name)
        if name in ANCHORED:
            return self._anchored(attribute)
        return attribute

    def _window(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
        # sub/subn/split take the text second; the others take it first, then pos and endpos.
        if name in ("sub", "subn"):
            return len(args[1] if len(args) > 1 else kwargs["string"])
        if name == "split":
            return len(args[0] if args else kwargs["string"])
        text = args[0] if args else kwargs["string"]
        pos = args[1] if len(args) > 1 else kwargs.get("pos", 0)
        endpos = args[2] if len(args) > 2 else kwargs.get("endpos", len(text))
        return max(0, min(endpos, len(text)) - pos)

    def _scanning(self, method: Callable[..., Any], name: str) -> Callable[..., Any]:
        def scan(*args: Any, **kwargs: Any) -> Any:
            self._counter.total += self._window(name, args, kwargs) + 1
            return method(*args, **kwargs)
        return scan

    def _anchored(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def match(*args: Any, **kwargs: Any) -> Any:
            found = method(*args, **kwargs)
            self._counter.total += (found.end() - found.start() if found else 0) + 1
            return found
        return match


@contextmanager
def _counting_patterns(modules: Iterable[ModuleType], counter: _Counter) -> Iterator[None]:
    replaced: list[tuple[ModuleType, str, re.Pattern[str]]] = []
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                replaced.append((module, name, value))
    try:
        for module, name, pattern in replaced:
            setattr(module, name, _CountingPattern(pattern, counter))
        yield
    finally:
        for module, name, pattern in replaced:
            setattr(module, name, pattern)


def count_operations(function: Callable[[], object], modules: Iterable[ModuleType] = ()) -> int:
    """Bytecodes run in briefgen's code plus characters scanned by the regexes of `modules`."""
    counter = _Counter()

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        if not frame.f_code.co_filename.startswith(PACKAGE):
            return None
        frame.f_trace_opcodes = True
        return local

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., Any]:
        if event == "opcode":
            counter.total += 1
        return local

    with _counting_patterns(modules, counter):
        previous = sys.gettrace()
        sys.settrace(trace)
        try:
            function()
        finally:
            sys.settrace(previous)
    return counter.total


def growth(make_input: Callable[[int], str], run: Callable[[str], object], size: int,
           modules: Iterable[ModuleType] = ()) -> float:
    """How many times more work `run` does on an input twice as large (about 2 when linear)."""
    modules = list(modules)
    run(make_input(size // 4))  # first calls load word lists and caches: keep them out of the count
    small = count_operations(lambda: run(make_input(size)), modules)
    large = count_operations(lambda: run(make_input(2 * size)), modules)
    return large / small
