"""Errors that point at a file and a line, and a collector that reports them all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Control characters, line separators and the stand-ins for bytes of a file name that are not UTF-8."""


def printable(text: str) -> str:
    """`text` on one printable line: control characters and undecodable bytes as escapes (\\n, \\udcff)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, printed as `path:line: message`."""

    message: str
    path: Path | None = None
    line: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            path = str(self.path)
            shown = f'"{printable(path)}"' if printable(path) != path else path  # quoted when escaped
            where = f"{shown}:{self.line}: " if self.line else f"{shown}: "
        kind = "warning: " if self.warning else ""
        return f"{where}{kind}{printable(self.message)}"

    def as_data(self) -> dict[str, str | int | None]:
        """The problem for machine-readable reports (`build --json`)."""
        return {"path": self.path.as_posix() if self.path else None, "line": self.line, "message": self.message}


def counted(number: int, noun: str) -> str:
    """"1 article", "3 articles"."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class BriefgenError(Exception):
    """Raised with every problem found, so that a user fixes them all in one run."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
