"""Every built page parses without error under html5lib (the WHATWG parsing algorithm), every internal link
resolves, nothing is loaded from another host, and hostile article text never becomes live markup.

Runs on the repository's own project, the golden project and tests/hostile/project; pages are found by
walking the built site, so pages added to the theme are checked without changes here.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from built_sites import PROJECTS, built_project, html_pages
from html5lib.constants import E as PARSE_ERROR_MESSAGES

from briefgen.config import load_config

Element = ET.Element

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "cite", "data", "srcset", "imagesrcset")
FETCHING_LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "prefetch", "manifest"}
"""`<link rel>` values the browser fetches; others (canonical, alternate) only name a URL."""
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
DANGEROUS_URL = re.compile(r"^(javascript:|vbscript:|data:text/html)", re.IGNORECASE)
CSS_REMOTE_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""")
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
HOSTILE_MARKER = "alert("
"""Every script payload in tests/hostile/project calls alert(); nothing the theme writes does."""
PAYLOADS_SHOWN_AS_TEXT = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@dataclass(frozen=True)
class Page:
    """One parsed page of a built site."""

    path: str
    root: Element
    errors: tuple[str, ...]
    ids: frozenset[str]


@dataclass(frozen=True)
class Site:
    """A built site and its parsed pages, keyed by path relative to the site root."""

    name: str
    folder: Path
    base_url: str
    pages: dict[str, Page]

    @property
    def base_path(self) -> str:
        """Where the site lives on its host ("/brief/" for https://example.org/brief/): root-relative links start so."""
        return urlsplit(self.base_url).path or "/"


def local_name(element: Element) -> str:
    """The tag without its namespace ("{http://www.w3.org/2000/svg}svg" -> "svg"); "" for comments."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def parse_page(site: Path, path: str) -> Page:
    """Parse a page with html5lib, keeping every parse error as "path:line:col: message"."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    root = parser.parse((site / path).read_bytes())
    errors = tuple(
        f"{path}:{line}:{col}: {PARSE_ERROR_MESSAGES.get(code, code) % (data or {})}"
        for (line, col), code, data in parser.errors
    )
    ids = frozenset(el.get("id", "") for el in root.iter() if el.get("id")) | frozenset(
        el.get("name", "") for el in root.iter() if local_name(el) == "a" and el.get("name")
    )
    return Page(path, root, errors, ids)


def build_and_parse(name: str, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Build project `name` in a temporary copy and parse every page of its site."""
    folder = built_project(name, tmp_path_factory.mktemp("sites"))
    base_url = load_config(folder.parent / "config.yaml").base_url
    base_url = base_url + "/" if base_url and not base_url.endswith("/") else base_url
    return Site(name, folder, base_url, {path: parse_page(folder, path) for path in html_pages(folder)})


@pytest.fixture(scope="module", params=PROJECTS)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Each project built once for this module, with its pages parsed."""
    return build_and_parse(request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_and_parse("hostile", tmp_path_factory)


def urls_of(element: Element) -> Iterator[tuple[str, str]]:
    """(attribute, URL) for every URL-valued attribute of an element (each candidate of a srcset)."""
    for attribute in URL_ATTRIBUTES:
        value = element.get(attribute)
        if value is None:
            continue
        if attribute.endswith("srcset"):
            for candidate in value.split(","):
                if candidate.strip():
                    yield attribute, candidate.split()[0]
        else:
            yield attribute, value.strip()


def link_problem(site: Site, page: Page, url: str) -> str | None:
    """Why an internal URL on `page` does not resolve, or None (also for external and mailto URLs).

    Absolute URLs under the config's base_url are internal too.
    """
    if site.base_url and url.startswith(site.base_url):
        url = site.base_path + url[len(site.base_url):]
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme.lower() in EXTERNAL_SCHEMES or url.lower().startswith("data:image/"):
            return None
        return f"unexpected URL scheme {parts.scheme!r}"
    if parts.netloc:
        return None  # //host/...: another host; whether it is fetched is checked separately
    if not parts.path:
        target = page.path
    else:
        path, base = unquote(parts.path), posixpath.dirname(page.path)
        if path.startswith("/"):
            if not path.startswith(site.base_path):
                return f"root-relative, but the site lives under {site.base_path}"
            path, base = path[len(site.base_path):], ""
        target = posixpath.normpath(posixpath.join(base, path))
        if target == ".." or target.startswith("../"):
            return "leads outside the site"
        if parts.path.endswith("/") or (site.folder / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site.folder / target).is_file():
            return f"no such file {target}"
    fragment = unquote(parts.fragment)
    if fragment and fragment != "top" and target in site.pages and fragment not in site.pages[target].ids:
        return f"{target} has no element with id {fragment!r}"
    return None


def fetches_from_another_host(element: Element) -> list[str]:
    """URLs this element makes the browser load from anywhere but the site itself."""
    name = local_name(element)
    rels = set((element.get("rel") or "").lower().split())
    fetches_href = name == "link" and bool(rels & FETCHING_LINK_RELS)
    fetched = [url for attribute, url in urls_of(element)
               if attribute not in ("href", "cite", "action", "formaction") or fetches_href]
    inline_css = (element.text or "") if name == "style" else (element.get("style") or "")
    fetched += CSS_REMOTE_URL.findall(inline_css)
    return [url for url in fetched if re.match(r"(?:https?:)?//", url, re.IGNORECASE)]


def test_every_page_parses_without_errors(site: Site) -> None:
    errors = [error for page in site.pages.values() for error in page.errors]
    assert site.pages, "the site has no pages"
    assert not errors, f"{site.name}: {len(errors)} parse errors:\n" + "\n".join(errors)


def test_ids_are_unique_on_each_page(site: Site) -> None:
    duplicates = []
    for page in site.pages.values():
        ids = [el.get("id") for el in page.root.iter() if el.get("id")]
        duplicates += [f"{page.path}: id {i!r} occurs {ids.count(i)} times"
                       for i in sorted(set(ids)) if ids.count(i) > 1]
    assert not duplicates, "\n".join(duplicates)


def test_every_internal_link_resolves(site: Site) -> None:
    broken, checked = [], 0
    for page in site.pages.values():
        for element in page.root.iter():
            for attribute, url in urls_of(element):
                checked += 1
                problem = link_problem(site, page, url)
                if problem:
                    broken.append(f"{page.path}: <{local_name(element)} {attribute}={url!r}>: {problem}")
    assert checked, "no links found at all"
    assert not broken, f"{site.name}: {len(broken)} broken links:\n" + "\n".join(broken)


def test_nothing_is_loaded_from_another_host(site: Site) -> None:
    own = "(its own file, but by the absolute base_url: previews and file:// fetch it from the internet)"
    found = [f"{page.path}: <{local_name(el)}> loads {url}" + (f" {own}" if site.base_url in url else "")
             for page in site.pages.values() for el in page.root.iter() for url in fetches_from_another_host(el)]
    for css in sorted(site.folder.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        found += [f"{css.relative_to(site.folder)}: loads {url}"
                  for url in CSS_REMOTE_URL.findall(text)]
    assert not found, "\n".join(found)


def test_every_xml_file_is_well_formed_and_links_into_the_site(site: Site) -> None:
    problems = []
    for path in sorted(site.folder.rglob("*.xml")):
        name = path.relative_to(site.folder).as_posix()
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            problems.append(f"{name}: {exc}")
            continue
        for element in root.iter():
            urls = [element.get("href") or ""] + ([element.text or ""] if local_name(element) == "loc" else [])
            for url in (u.strip() for u in urls):
                if site.base_url and url.startswith(site.base_url):
                    target = url[len(site.base_url):].split("#")[0]
                    if not (site.folder / target).is_file() and not (site.folder / target / "index.html").is_file():
                        problems.append(f"{name}: {url} is not a file of the site")
    assert not problems, "\n".join(problems)


def live_payloads(root: Element) -> list[str]:
    """Markup under `root` that could run script: what hostile article text must never turn into."""
    found = []
    for element in root.iter():
        name = local_name(element)
        for attribute, value in element.attrib.items():
            if attribute.lower().startswith("on") and HOSTILE_MARKER in value:
                found.append(f"<{name} {attribute}={value!r}>")
        for attribute, url in urls_of(element):
            if DANGEROUS_URL.match(re.sub(r"[\x00-\x20]", "", url)):
                found.append(f"<{name} {attribute}={url!r}>")
        executable = name == "script" and (element.get("type") or "").strip().lower() in SCRIPT_TYPES
        if executable and HOSTILE_MARKER in (element.text or "") + (element.get("src") or ""):
            found.append(f"<script>{element.text or ''}</script>")
        if name in ("iframe", "object", "embed", "base", "frame"):
            found.append(f"<{name}>")
        if name == "img" and (element.get("src") or "").strip() == "x":
            found.append("<img src=x>")
        if name == "style" and "display:none" in (element.text or "").replace(" ", ""):
            found.append(f"<style>{element.text}</style>")
        if name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
    return found


def test_hostile_article_text_never_becomes_live_markup(hostile_site: Site) -> None:
    site = hostile_site
    found = [f"{page.path}: {markup}" for page in site.pages.values() for markup in live_payloads(page.root)]
    for path in sorted(site.folder.rglob("*.xml")):
        for element in ET.parse(path).getroot().iter():
            if element.get("type") == "html":  # Atom: the reader parses this text as HTML
                fragment = html5lib.parseFragment(element.text or "", treebuilder="etree", namespaceHTMLElements=False)
                found += [f"{path.name}: <{local_name(element)} type=html>: {m}" for m in live_payloads(fragment)]
            href = element.get("href") or ""
            if DANGEROUS_URL.match(re.sub(r"[\x00-\x20]", "", href)):
                found.append(f"{path.name}: <{local_name(element)} href={href!r}>")
    assert not found, "live markup from article text:\n" + "\n".join(found)
    shown = "".join("".join(page.root.itertext()) for page in site.pages.values())
    missing = [payload for payload in PAYLOADS_SHOWN_AS_TEXT if payload not in shown]
    assert not missing, f"the payloads should still be readable as text on some page: {missing}"
