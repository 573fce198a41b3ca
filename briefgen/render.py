"""The Jinja environment and the pages of the site: every page rendered into memory, nothing written."""

from __future__ import annotations

import datetime as dt
import re
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from briefgen import __version__
from briefgen.article import Analysis, Article, Official, TroopCount
from briefgen.config import Config
from briefgen.errors import BriefgenError, Problem
from briefgen.sentences import split_sentences

THEME = Path(__file__).parent / "theme"
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})


@dataclass(frozen=True)
class Entry:
    """An article ready for the templates: its analysis and where its page lives."""

    article: Article
    analysis: Analysis
    slug: str

    @property
    def url(self) -> str:
        """Path of the article's page, relative to the site root."""
        return f"articles/{self.slug}.html"


@dataclass(frozen=True)
class FigureRow:
    """One figure as the article page shows it: what it says and the sentence it came from."""

    kind: str
    label: str
    detail: str
    text: str
    sentence: str


@dataclass(frozen=True)
class Day:
    """The articles published on one day (date None: undated), for the front page."""

    date: dt.date | None
    entries: tuple[Entry, ...]


def slugify(text: str) -> str:
    """A lower-case ASCII slug for URLs ("Talks in Geneva!" -> "talks-in-geneva")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "article"


def troop_label(troop: TroopCount) -> str:
    """"about 100,000" or "5,000–10,000" or "tens of thousands"."""
    if troop.value is None:
        return troop.text
    number = f"{troop.value:,}" + (f"–{troop.high:,}" if troop.high else "")
    return f"about {number}" if troop.approx else number


def official_label(official: Official) -> str:
    """"Deputy Foreign Minister, Russia" (whatever of title and org is known)."""
    return ", ".join(x for x in (official.title, official.org) if x)


def sentence_finder(article: Article) -> Callable[[int], str]:
    """A function giving the sentence of the body that contains an offset."""
    sentences = split_sentences(article.body)

    def sentence_at(offset: int) -> str:
        for sentence in sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.text
        return ""

    return sentence_at


def figure_rows(entry: Entry) -> list[FigureRow]:
    """The article's figures, each with the sentence it came from, in the order of the text."""
    sentence_at, figs = sentence_finder(entry.article), entry.analysis.figures
    rows: list[tuple[int, FigureRow]] = []
    for t in figs.troops:
        detail = " · ".join(x for x in (t.who, t.kind) if x)
        rows.append((t.start, FigureRow("troops", troop_label(t), detail, t.text, sentence_at(t.start))))
    for d in figs.dates:
        rows.append((d.start, FigureRow("date", d.value or "unresolved", d.type, d.text, sentence_at(d.start))))
    for o in figs.officials:
        first = o.mentions[0][0] if o.mentions else 0
        rows.append((first, FigureRow("official", o.name, official_label(o), o.name, sentence_at(first))))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def body_html(article: Article) -> Markup:
    """The article text as HTML: Markdown with raw HTML off, or plain paragraphs for .txt."""
    if article.relpath.endswith(".md"):
        return Markup(_MARKDOWN.render(article.body))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", article.body) if p.strip()]
    if paragraphs and paragraphs[0].splitlines()[0].strip() == article.title:
        first = paragraphs[0].splitlines()[1:]
        paragraphs = (["\n".join(first)] if any(x.strip() for x in first) else []) + paragraphs[1:]
    return Markup("\n".join(f"<p>{escape(p)}</p>" for p in paragraphs))


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: article text is untrusted."""
    if url and re.match(r"https?://[^\s<>\"']+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def human_date(value: dt.date | None) -> str:
    """"Thursday 13 January 2022"."""
    return value.strftime("%A %-d %B %Y") if value else "Undated"


def group_by_day(entries: list[Entry]) -> list[Day]:
    """Newest day first, undated last; within a day by title."""
    ordered = sorted(entries, key=lambda e: (e.article.date is None, -(e.article.date or dt.date.min).toordinal(),
                                             e.article.title.lower(), e.slug))
    return [Day(date, tuple(group)) for date, group in groupby(ordered, key=lambda e: e.article.date)]


def make_environment(config: Config) -> jinja2.Environment:
    """Project templates first, then the built-in theme (also as `theme/<name>`, to extend a block).

    Autoescape is on for every template and undefined names are errors: article text is untrusted.
    """
    theme = jinja2.FileSystemLoader(str(THEME / "templates"))
    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(str(config.templates_dir)), theme, jinja2.PrefixLoader({"theme": theme})]
    )
    env = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["human_date"] = human_date
    env.filters["troop_label"] = troop_label
    env.filters["official_label"] = official_label
    env.globals["safe_url"] = safe_url
    env.globals["site"] = {"title": config.title, "description": config.description, "base_url": config.base_url}
    env.globals["briefgen_version"] = __version__
    return env


def template_problem(exc: Exception, config: Config, rendering: str) -> Problem:
    """Name the template file and line of a Jinja error, and the page being rendered."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not isinstance(exc, jinja2.TemplateSyntaxError):
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".xml", ".txt")):
                filename, line = frame.filename, frame.lineno
                break
    path = Path(filename) if filename else None
    if path is not None and path.is_relative_to(config.root):
        path = path.relative_to(config.root)
    message = getattr(exc, "message", None) or str(exc)
    return Problem(f"template error: {message} (while rendering {rendering})", path, line)


class PageWriter:
    """Renders templates into an in-memory site, collecting template errors instead of stopping."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.env = make_environment(config)
        self.files: dict[str, bytes] = {}
        self.problems: list[Problem] = []

    def page(self, path: str, template: str, rendering: str, **context: Any) -> None:
        """Render `template` to site path `path`; links in it are relative via `root`."""
        root = "../" * path.count("/")
        try:
            html = self.env.get_template(template).render(root=root, page_path=path, **context)
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
            problem = template_problem(exc, self.config, rendering)
            if all((p.path, p.line, p.message.split(" (while")[0]) != (problem.path, problem.line,
                   problem.message.split(" (while")[0]) for p in self.problems):
                self.problems.append(problem)
            return
        self.files[path] = html.encode("utf-8")


def static_files(config: Config) -> dict[str, bytes]:
    """The theme's static files, overlaid by the project's templates/static/."""
    files: dict[str, bytes] = {}
    for folder in (THEME / "static", config.templates_dir / "static"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    files[f"static/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    return files


PageStep = Callable[[PageWriter, list[Entry]], None]


def article_pages(writer: PageWriter, entries: list[Entry]) -> None:
    """One page per article: summary, figures with their sentences, full text, source."""
    for entry in entries:
        writer.page(entry.url, "article.html", entry.article.path.as_posix(), entry=entry,
                    figures=figure_rows(entry), body=body_html(entry.article))


def front_page(writer: PageWriter, entries: list[Entry]) -> None:
    """The day's brief: newest day first, each article with its summary and key figures."""
    writer.page("index.html", "index.html", "the front page", days=group_by_day(entries))


PAGES: list[PageStep] = [front_page, article_pages]
"""The pages of the site, in the order they are rendered."""


def render_site(config: Config, entries: list[Entry]) -> dict[str, bytes]:
    """Every file of the site, keyed by its path relative to the site root."""
    writer = PageWriter(config)
    for step in PAGES:
        step(writer, entries)
    if writer.problems:
        raise BriefgenError(writer.problems)
    return {**static_files(config), **writer.files}
