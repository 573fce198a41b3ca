"""Errors that point at a file and a line, and a collector that reports them all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        kind = "warning: " if self.warning else ""
        return f"{where}{kind}{self.message}"

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
