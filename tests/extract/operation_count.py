"""Count the work an extractor does, without a clock: Python lines run and characters scanned by regexes.

Lines are counted with sys.settrace in the modules under test. Regular expressions do their work in
C, out of the tracer's sight, so every compiled pattern those modules hold (and their `re`
module) is swapped, for the duration of a count, for a proxy that adds up the characters each call
may scan: the range searched, or the part consumed by an anchored match.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class _Tally:
    def __init__(self) -> None:
        self.lines = 0
        self.scanned = 0


def _span(string: str, pos: int = 0, endpos: int | None = None) -> int:
    end = len(string) if endpos is None else min(endpos, len(string))
    return max(0, end - pos)


class _CountingPattern:
    """A stand-in for a compiled pattern that tallies the characters each call may scan."""

    def __init__(self, pattern: re.Pattern[str], tally: _Tally) -> None:
        self._pattern = pattern
        self._tally = tally
        self.pattern = pattern.pattern
        self.flags = pattern.flags

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self._pattern.search(string, pos, len(string) if endpos is None else endpos)
        self._tally.scanned += (m.end() - pos + 1) if m else _span(string, pos, endpos)
        return m

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self._pattern.match(string, pos, len(string) if endpos is None else endpos)
        self._tally.scanned += (m.end() - pos + 1) if m else 1
        return m

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        self._tally.scanned += _span(string, pos, endpos)
        return self._pattern.fullmatch(string, pos, len(string) if endpos is None else endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        self._tally.scanned += _span(string, pos, endpos)
        return self._pattern.finditer(string, pos, len(string) if endpos is None else endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        self._tally.scanned += _span(string, pos, endpos)
        return self._pattern.findall(string, pos, len(string) if endpos is None else endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        self._tally.scanned += len(string)
        return self._pattern.split(string, maxsplit)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        self._tally.scanned += len(string)
        return self._pattern.sub(repl, string, count)


def _counting_re(tally: _Tally) -> types.SimpleNamespace:
    """A stand-in for the `re` module whose functions tally like _CountingPattern."""

    def wrap(name: str) -> Callable[..., Any]:
        def call(pattern: str, string: str, *args: Any, **kwargs: Any) -> Any:
            return getattr(_CountingPattern(re.compile(pattern, kwargs.pop("flags", 0)), tally), name)(
                string, *args, **kwargs)
        return call

    names = {n: getattr(re, n) for n in dir(re) if not n.startswith("_")}
    names.update({n: wrap(n) for n in ("search", "match", "fullmatch", "finditer", "findall", "split", "sub")})
    return types.SimpleNamespace(**names)


@contextmanager
def _counting(modules: list[types.ModuleType], tally: _Tally) -> Iterator[None]:
    saved: list[tuple[types.ModuleType, str, Any]] = []
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                saved.append((module, name, value))
                setattr(module, name, _CountingPattern(value, tally))
        if "re" in vars(module):
            saved.append((module, "re", module.re))
            module.re = _counting_re(tally)  # type: ignore[attr-defined]
    files = {str(Path(m.__file__)) for m in modules if getattr(m, "__file__", None)}

    def local(frame: types.FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            tally.lines += 1
        return local

    def start(frame: types.FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename in files else None

    sys.settrace(start)
    try:
        yield
    finally:
        sys.settrace(None)
        for module, name, value in saved:
            setattr(module, name, value)


def operations(run: Callable[[], object], modules: list[types.ModuleType]) -> int:
    """The Python lines run in `modules` plus the characters their regexes scanned while `run()` ran."""
    tally = _Tally()
    with _counting(modules, tally):
        run()
    return tally.lines + tally.scanned
