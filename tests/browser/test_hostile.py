"""The hostile project's script payloads never run in Chromium: on load, on focus, or in search results."""

from __future__ import annotations

import pytest
from built_sites import html_pages

from .conftest import BuiltSite, OpenPage, search

pytestmark = pytest.mark.browser

PROVOKE = """() => { for (const e of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'pointerdown']) e.dispatchEvent(new Event(type));
    if (e.tabIndex >= 0) e.focus(); } }"""
"""Fire the events that inline handlers (onmouseover=, onfocus=, ...) would answer, on every element."""


def test_no_payload_runs_on_any_page(hostile_site: BuiltSite, open_page: OpenPage) -> None:
    page, watch = open_page(hostile_site)
    problems = []
    for path in html_pages(hostile_site.folder):
        page.goto(hostile_site.url + path, wait_until="load")
        page.evaluate(PROVOKE)
        problems += [f"{path}: {p}" for p in watch.take()]
        problems += [f"{path}: a script ran: {d}" for d in watch.dialogs]
        watch.dialogs.clear()
    assert not problems, "\n".join(problems)


def test_no_payload_runs_in_search_results(hostile_site: BuiltSite, open_page: OpenPage) -> None:
    if not (hostile_site.folder / "pagefind").is_dir():
        pytest.skip("the site has no pagefind/ folder (no search index yet): search not tested")
    page, watch = open_page(hostile_site)
    assert search(page, hostile_site, "alert"), "searching 'alert' in the hostile site finds nothing"
    page.evaluate(PROVOKE)
    assert not watch.dialogs, f"a script in the search results ran: {watch.dialogs}"
    assert not (problems := watch.take()), "\n".join(problems)
