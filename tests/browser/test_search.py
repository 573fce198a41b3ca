"""Pagefind search on search.html finds the article that a word occurs in, and only there."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from built_sites import html_pages

from .conftest import BuiltSite, OpenPage, search

pytestmark = pytest.mark.browser


def text_of(site: Path, path: str, within: str = "body") -> str:
    """The text of an element (the first `within`) of a page, lower-cased."""
    root = html5lib.parse((site / path).read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    element = root.find(f".//{within}")
    return " ".join(element.itertext()).lower() if element is not None else ""


def front_page_articles(site: Path) -> list[str]:
    """Site paths of the pages the front page's <article>s link to, in front page order."""
    root = html5lib.parse((site / "index.html").read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    found: list[str] = []
    for article in root.iter("article"):
        link = next((a.get("href", "") for a in article.iter("a") if not re.match(r"[a-z]+:|#", a.get("href", ""))), "")
        if link and link not in found:
            found.append(link)
    return found


def distinctive_word(site: Path) -> tuple[str, str]:
    """(article path, word): a word of one article's text that no other page has, even as another form of it.

    Pagefind stems words, so no word of any other page may share the first six letters.
    """
    texts = {path: text_of(site, path) for path in html_pages(site) if path != "search.html"}
    for article in front_page_articles(site):
        others = {w[:6] for path, text in texts.items() if path != article for w in re.findall(r"[a-z]+", text)}
        words = set(re.findall(r"[a-z]{8,}", text_of(site, article, "main")))
        unique = sorted((w for w in words if w[:6] not in others), key=lambda w: (-len(w), w))
        if unique:
            return article, unique[0]
    raise AssertionError("no article has a word that no other page has")


def test_search_finds_the_article_a_word_is_in(repo_site: BuiltSite, open_page: OpenPage) -> None:
    if not (repo_site.folder / "pagefind").is_dir():
        pytest.skip("the site has no pagefind/ folder (no search index yet): search not tested")
    assert (repo_site.folder / "search.html").is_file(), "there is a search index but no search.html"
    article, word = distinctive_word(repo_site.folder)
    page, watch = open_page(repo_site)
    results = search(page, repo_site, word)
    expected = repo_site.url + article
    assert results, f"searching {word!r} shows no result links"
    assert results[0].split("#")[0] == expected, f"searching {word!r}: first result {results[0]}, expected {expected}"
    assert {r.split("#")[0] for r in results} == {expected}, f"{word!r} is only in {article}, results: {results}"
    assert not (problems := watch.take()), "\n".join(problems)
