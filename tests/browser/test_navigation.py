"""Getting around the repository's own site in Chromium: with the keyboard, and from the front page to an
article and back."""

from __future__ import annotations

from typing import Any

import pytest
from built_sites import page_types

from .conftest import BuiltSite, OpenPage

pytestmark = pytest.mark.browser

FOCUSED = """() => {
    const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return {tag: e.tagName.toLowerCase(), href: e.getAttribute('href') || '', text: e.textContent.trim(),
            inNav: !!e.closest('nav'), onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                && r.left < innerWidth && r.top < innerHeight,
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'}; }"""


def tab(page: Any) -> dict[str, Any]:
    """Press Tab and describe the element that has the focus then."""
    page.keyboard.press("Tab")
    focused: dict[str, Any] = page.evaluate(FOCUSED)
    return focused


def test_tab_reaches_the_skip_link_first_then_every_nav_link(repo_site: BuiltSite, open_page: OpenPage) -> None:
    page, watch = open_page(repo_site)
    problems = []
    for path in page_types(repo_site.folder).values():
        page.goto(repo_site.url + path)
        problems += [f"{path}: {problem}" for problem in keyboard_problems(page)]
    assert not problems, "\n".join(problems)
    assert not (problems := watch.take()), "\n".join(problems)


def keyboard_problems(page: Any) -> list[str]:
    """What is wrong with tabbing through the page from the top: skip link first, then every nav link, visibly."""
    nav_links = page.locator("nav a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    if not nav_links:
        return ["no links in a <nav>"]
    first = tab(page)
    if not (first["href"].startswith("#") and "skip" in first["text"].lower()):
        return [f"the first Tab stop is not a skip link: {first}"]
    problems = [] if first["onScreen"] else ["the skip link stays off screen when it has the focus"]
    target = first["href"][1:]
    if not page.evaluate("id => !!document.getElementById(id)?.closest('main') "
                         "|| !!document.getElementById(id)?.querySelector('main')", target):
        problems.append(f"the skip link's target #{target} is not the main content")
    reached: set[str] = set()
    for _ in range(len(nav_links) + 40):
        focused = tab(page)
        if focused["inNav"]:
            reached.add(focused["href"])
            if not focused["outline"]:
                problems.append(f"nav link {focused['href']} shows no focus indicator")
        if reached >= set(nav_links):
            break
    if missing := sorted(set(nav_links) - reached):
        problems.append(f"Tab never reaches these nav links: {missing}")
    return problems


def test_the_skip_link_moves_the_keyboard_into_the_content(repo_site: BuiltSite, open_page: OpenPage) -> None:
    page, _ = open_page(repo_site)
    page.goto(repo_site.url + "index.html")
    skip = tab(page)
    page.keyboard.press("Enter")
    page.wait_for_function("href => location.hash === href", arg=skip["href"], timeout=2_000)
    after = tab(page)
    assert not after["inNav"], f"after the skip link, Tab still goes to the navigation: {after}"
    assert page.evaluate("() => !!document.activeElement.closest('main')"), "Tab after the skip link leaves <main>"


def test_keyboard_enter_on_a_nav_link_follows_it(repo_site: BuiltSite, open_page: OpenPage) -> None:
    path = page_types(repo_site.folder).get("articles/", "index.html")
    page, watch = open_page(repo_site)
    page.goto(repo_site.url + path)
    page.locator("nav a").first.focus()
    expected = page.locator("nav a").first.evaluate("a => a.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == expected
    assert not (problems := watch.take()), "\n".join(problems)


def test_front_page_to_an_article_and_back(repo_site: BuiltSite, open_page: OpenPage) -> None:
    page, watch = open_page(repo_site)
    front = repo_site.url + "index.html"
    page.goto(front)
    links = page.locator("main article a[href]:not([href^='http']):not([href^='#'])")
    assert links.count(), "the front page links to no article"
    link = links.first
    title = link.inner_text().strip()
    with page.expect_navigation():
        link.click()
    assert page.url != front
    assert page.locator("h1").first.inner_text().strip() == title, "the article page's heading is not its title"
    page.go_back()
    assert page.url == front
    assert page.locator("main article").count()
    with page.expect_navigation():
        page.go_forward()
    home = page.locator("nav a[href$='index.html'], header a[href$='index.html']").first
    with page.expect_navigation():
        home.click()
    assert page.url == front
    assert not (problems := watch.take()), "\n".join(problems)
