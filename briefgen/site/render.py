"""The Jinja environment and the page writer: every page rendered into memory, nothing written."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup, escape

from briefgen import __version__
from briefgen.article import Article
from briefgen.config import Config
from briefgen.errors import Problem
from briefgen.site import THEME
from briefgen.site.entries import official_label, troop_label
from briefgen.site.periods import day_in_words
from briefgen.site.urls import root_of

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False})
_REMOTE = re.compile(r"(?!data:)[a-z][a-z0-9+.-]*:|//", re.IGNORECASE)
"""An image source on another host: any scheme but data:, or protocol-relative (//host/x.png)."""


def _remote_image_as_link(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
                          env: EnvType) -> str:
    """A remote image as a link to it, named by its alt text: showing it would request it from its host."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if not _REMOTE.match(src):
        return str(self.image(tokens, idx, options, env))
    alt = self.renderInlineAsText(token.children or [], options, env) or "image"
    depth = sum(1 if t.type == "link_open" else -1 if t.type == "link_close" else 0 for t in tokens[:idx])
    if depth > 0:  # the image is the text of a link already: a link may not hold another
        return str(escape(alt))
    return f'<a class="remote-image" href="{escape(src)}" rel="noreferrer">{escape(alt)}</a>'


_MARKDOWN_OWN_HOST = MarkdownIt("commonmark", {"html": False, "typographer": False})
_MARKDOWN_OWN_HOST.add_render_rule("image", _remote_image_as_link)


def body_html(article: Article, remote_images: bool = False) -> Markup:
    """The article text as HTML: Markdown with raw HTML off (images from other hosts as links, unless
    `remote_images`), or plain paragraphs for .txt."""
    if article.relpath.endswith(".md"):
        return Markup((_MARKDOWN if remote_images else _MARKDOWN_OWN_HOST).render(article.body))
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
    """"Thursday 13 January 2022", or "Undated"."""
    return day_in_words(value) if value else "Undated"


def short_date(value: dt.date | None) -> str:
    """"Wed 26 Jan": a date in a list where the year is clear."""
    return f"{value:%a} {value.day} {value:%b}" if value else "Undated"


def project_stylesheets(config: Config) -> list[str]:
    """The project's own stylesheets (templates/static/*.css), linked from every page after the theme's."""
    folder = config.templates_dir / "static"
    if not folder.is_dir():
        return []
    return sorted(f"static/{p.name}" for p in folder.glob("*.css") if p.is_file() and p.name != "style.css")


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
    env.filters["short_date"] = short_date
    env.filters["troop_label"] = troop_label
    env.filters["official_label"] = official_label
    env.globals["safe_url"] = safe_url
    env.globals["site"] = {"title": config.title, "description": config.description, "base_url": config.base_url}
    env.globals["briefgen_version"] = __version__
    env.globals["stylesheets"] = project_stylesheets(config)
    return env


TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


def _template_frames(exc: BaseException) -> list[traceback.FrameSummary]:
    """The frames of a traceback that are in template files."""
    return [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(TEMPLATE_SUFFIXES)]


def _message(exc: Exception, config: Config) -> str:
    """What went wrong, in words a template author can act on."""
    if isinstance(exc, jinja2.TemplateNotFound):
        names = exc.templates if isinstance(exc, jinja2.TemplatesNotFound) else [exc.name]
        known = make_environment(config).list_templates()
        guesses = [g for name in names for g in difflib.get_close_matches(str(name), known, n=1, cutoff=0.75)]
        hint = f" (did you mean '{guesses[0]}'?)" if guesses else ""
        shown = ", ".join(f"'{n}'" for n in names)
        return (f"template {shown} not found: looked in {config.templates_dir.name}/, "
                f"then the built-in theme{hint}")
    if isinstance(exc, RecursionError):
        return ("a template extends or includes itself without end: to build on the built-in "
                "'base.html' from templates/base.html, write {% extends \"theme/base.html\" %}")
    if isinstance(exc, jinja2.TemplateError):
        return getattr(exc, "message", None) or str(exc)
    return f"{type(exc).__name__}: {exc}"


def template_problem(exc: Exception, config: Config, rendering: str) -> Problem:
    """Name the template file and line of an error raised while rendering, and the page being rendered."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not isinstance(exc, jinja2.TemplateSyntaxError):
        frames = _template_frames(exc)
        if frames:
            filename, line = frames[-1].filename, frames[-1].lineno
    path = Path(filename) if filename else None
    if path is not None and path.is_relative_to(config.root):
        path = path.relative_to(config.root)
    return Problem(f"template error: {_message(exc, config)} (while rendering {rendering})", path, line)


def _parent(tree: jinja2.nodes.Template) -> str | None:
    """The template a parsed template extends by a constant name, if any."""
    for node in tree.find_all(jinja2.nodes.Extends):
        if isinstance(node.template, jinja2.nodes.Const) and isinstance(node.template.value, str):
            return node.template.value
    return None


def _blocks(env: jinja2.Environment, name: str, seen: set[str]) -> set[str]:
    """The blocks a template and the templates it extends define."""
    source, _, _ = env.loader.get_source(env, name) if env.loader else ("", None, None)
    tree = env.parse(source)
    blocks = {block.name for block in tree.find_all(jinja2.nodes.Block)}
    parent = _parent(tree)
    if parent is not None and parent not in seen:
        blocks |= _blocks(env, parent, seen | {parent})
    return blocks


def override_warnings(config: Config) -> list[Problem]:
    """A warning per block that a project template defines but its parent never shows (a misspelt name)."""
    env = make_environment(config)
    warnings: list[Problem] = []
    folder = config.templates_dir
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.suffix not in TEMPLATE_SUFFIXES or "static" in path.relative_to(folder).parts:
            continue
        name = path.relative_to(folder).as_posix()
        try:
            tree = env.parse(path.read_text(encoding="utf-8"))
            parent = _parent(tree)
            if parent is None:
                continue
            inherited = _blocks(env, parent, {name, parent})
        except (jinja2.TemplateError, OSError, UnicodeDecodeError, RecursionError):
            continue  # reported as an error when a page is rendered with it
        for block in tree.find_all(jinja2.nodes.Block):
            if block.name not in inherited:
                close = difflib.get_close_matches(block.name, sorted(inherited), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                message = (f"block '{block.name}' is not defined in '{parent}', so it is never shown "
                           f"({hint}its blocks: {', '.join(sorted(inherited))})")
                shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
                warnings.append(Problem(message, shown, block.lineno, warning=True))
    return warnings


def merge_template_problems(first: list[Problem], more: list[Problem]) -> list[Problem]:
    """`first` plus the problems of `more` at a template place not yet reported (once per place, not per page)."""
    def place(p: Problem) -> tuple[object, ...]:
        return p.path, p.line, p.message.split(" (while")[0]

    seen = {place(p) for p in first}
    merged = list(first)
    for problem in more:
        if place(problem) not in seen:
            seen.add(place(problem))
            merged.append(problem)
    return merged


class PageWriter:
    """Renders templates into an in-memory site, collecting template errors instead of stopping."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.env = make_environment(config)
        self.files: dict[str, bytes] = {}
        self.problems: list[Problem] = []

    def page(self, path: str, template: str, rendering: str, root_override: str | None = None,
             **context: Any) -> None:
        """Render `template` to site path `path`; links in it are relative via `root`."""
        root = root_override or root_of(path)
        try:
            html = self.env.get_template(template).render(root=root, page_path=path, **context)
        except Exception as exc:  # noqa: BLE001 - any error in a template is the template author's to fix
            self.problems = merge_template_problems(self.problems, [template_problem(exc, self.config, rendering)])
            return
        self.files[path] = xml_safe(html).encode("utf-8")


_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 does not allow (and HTML treats as errors): C0 controls but tab and line ends, the
stand-ins for undecodable bytes of a file name, and the two non-characters U+FFFE and U+FFFF."""


def xml_safe(text: str) -> str:
    """`text` with the characters XML 1.0 forbids dropped (a stand-in for an undecodable byte becomes U+FFFD,
    a vertical tab or form feed a space), so that every page, the feed and the sitemap are well-formed."""
    if not _XML_FORBIDDEN.search(text):
        return text
    return _XML_FORBIDDEN.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff"
                              else " " if m.group() in "\x0b\x0c" else "", text)


def static_files(config: Config) -> dict[str, bytes]:
    """The theme's static files, overlaid by the project's templates/static/."""
    files: dict[str, bytes] = {}
    for folder in (THEME / "static", config.templates_dir / "static"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    files[f"static/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
    return files
