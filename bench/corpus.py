"""Read benchmark articles from the shared corpora (BBC News Summary, Reuters-21578), dated, at run time.

Nothing here copies corpus text into the repository: the articles are read from
`../shared/corpus` when the benchmark runs and written only into temporary projects.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT.parent / "shared" / "corpus"
BBC_CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
BBC_FIRST_DAY = dt.date(2004, 1, 1)
BBC_DAYS = 731
"""The BBC texts carry no date; each gets a fixed day in 2004-2005, the years the corpus covers."""

MONTHS = {m: i for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
STORY = re.compile(r"<REUTERS\b[^>]*\bNEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
DATE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})")
TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
CONTROL_ENTITY = re.compile(r"&#\d+;")
SIGN_OFF = re.compile(r"\s*\bReuter\s*$", re.I)


@dataclass(frozen=True)
class BenchArticle:
    """One corpus article as the benchmark writes it: where it goes, its headline, date and body."""

    name: str
    """Path below content/ without suffix, e.g. `bbc/tech/007` or `reuters/reut2-003/3412`."""
    title: str
    date: dt.date
    body: str
    """Plain paragraphs separated by blank lines."""

    @property
    def slug(self) -> str:
        """A unique page name, the same for both generators (Pelican would otherwise slug the title)."""
        return self.name.replace("/", "-")


def is_held_out(category: str, number: int) -> bool:
    """BBC politics articles with even numbers are the project's held-out test data: never read them."""
    return category == "politics" and number % 2 == 0


def bbc_date(category: str, number: int) -> dt.date:
    """A deterministic publication day for an undated BBC article."""
    offset = (number * 3 + BBC_CATEGORIES.index(category) * 101) % BBC_DAYS
    return BBC_FIRST_DAY + dt.timedelta(days=offset)


def read_bbc_text(path: Path) -> str:
    """One BBC file; a few are Latin-1, not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def bbc_articles(corpus: Path = CORPUS) -> Iterator[BenchArticle]:
    """BBC articles round-robin over the categories (001 of each, then 002, ...), held-out files skipped."""
    folder = corpus / "bbc-news-summary" / "News Articles"
    numbers = {c: sorted(int(p.stem) for p in (folder / c).glob("*.txt")) for c in BBC_CATEGORIES}
    for row in zip_longest(*(numbers[c] for c in BBC_CATEGORIES)):
        for category, number in zip(BBC_CATEGORIES, row, strict=True):
            if number is None or is_held_out(category, number):
                continue
            text = read_bbc_text(folder / category / f"{number:03d}.txt").replace("\r\n", "\n")
            title, _, rest = text.strip().partition("\n")
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rest) if p.strip()]
            if title.strip() and paragraphs:
                yield BenchArticle(f"bbc/{category}/{number:03d}", title.strip(), bbc_date(category, number),
                                   "\n\n".join(paragraphs))


def reuters_text(sgml: str) -> str:
    """Story text without SGML entities and control characters."""
    return html.unescape(CONTROL_ENTITY.sub("", sgml))


def reuters_paragraphs(body: str) -> list[str]:
    """Reflow the wire's hard-wrapped lines; an indented line starts a new paragraph."""
    paragraphs: list[list[str]] = [[]]
    for line in body.splitlines():
        if (line.startswith(" ") or not line.strip()) and paragraphs[-1]:
            paragraphs.append([])
        if line.strip():
            paragraphs[-1].append(line.strip())
    return [" ".join(p) for p in paragraphs if p]


def reuters_articles(corpus: Path = CORPUS) -> Iterator[BenchArticle]:
    """Reuters stories that have a body and a readable date, in file and NEWID order."""
    for path in sorted((corpus / "reuters21578").glob("reut2-*.sgm")):
        sgml = path.read_text(encoding="latin-1")
        for match in STORY.finditer(sgml):
            newid, story = match.group(1), match.group(2)
            date, body = DATE.search(story), BODY.search(story)
            if date is None or body is None or date.group(2) not in MONTHS:
                continue
            day, month, year = int(date.group(1)), MONTHS[date.group(2)], int(date.group(3))
            paragraphs = reuters_paragraphs(SIGN_OFF.sub("", reuters_text(body.group(1))))
            if not paragraphs:
                continue
            title = TITLE.search(story)
            headline = " ".join(reuters_text(title.group(1)).split()) if title else ""
            yield BenchArticle(f"reuters/{path.stem}/{newid}", headline or f"Reuters story {newid}",
                               dt.date(year, month, day), "\n\n".join(paragraphs))


def sample_articles(count: int, corpus: Path = CORPUS) -> list[BenchArticle]:
    """`count` articles alternating BBC and Reuters, Reuters alone once the BBC texts run out; 0: all."""
    chosen: list[BenchArticle] = []
    for pair in zip_longest(bbc_articles(corpus), reuters_articles(corpus)):
        for article in pair:
            if article is not None:
                chosen.append(article)
                if len(chosen) == count:
                    return chosen
    if count == 0:
        return chosen
    raise SystemExit(f"the corpus holds only {len(chosen)} usable articles, fewer than the {count} asked for")
