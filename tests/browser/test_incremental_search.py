"""Search after incremental builds: a word added by an edit is found, a word edited away or deleted is not,
and articles in the other segments of the index are still found (the segments are merged in the browser)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import GOLDEN_PROJECT, run_cli

from briefgen import search_index

from .conftest import SEARCH_BOX, SEARCH_TIMEOUT_MS, BuiltSite, OpenPage, served

pytestmark = pytest.mark.browser

RESULTS = "main a.pagefind-ui__result-link"


def results_for(page: object, site: BuiltSite, query: str) -> list[str]:
    """The result links search.html shows for `query` (none when it says there are no results)."""
    page.goto(site.url + "search.html")  # type: ignore[attr-defined]
    page.locator(SEARCH_BOX).first.fill(query)  # type: ignore[attr-defined]
    # "N results" shows before the results themselves load: wait for the links of the first (up to five)
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => { const m = document.querySelector('.pagefind-ui__message');"
        " if (!m || /searching/i.test(m.textContent)) return false;"
        " const n = /^(\\d+) result/.exec(m.textContent.trim());"
        f" return document.querySelectorAll('{RESULTS}').length >= (n ? Math.min(+n[1], 5) : 0); }}",
        timeout=SEARCH_TIMEOUT_MS)
    return sorted({href.split("#")[0] for href in page.locator(RESULTS).evaluate_all(  # type: ignore[attr-defined]
        "links => links.map(a => a.getAttribute('href'))")})


def test_search_follows_edits_and_deletions(tmp_path: Path, open_page: OpenPage,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "SEGMENT_PAGES", 4)
    monkeypatch.setattr(search_index, "MIN_SEGMENT_PAGES", 2)
    monkeypatch.setattr(search_index, "MAX_SEGMENT_PAGES", 8)
    project = tmp_path / "project"
    shutil.copytree(GOLDEN_PROJECT, project)
    words = {3: "zanzibarite", 11: "flamingoesque", 19: "quixotical"}
    for i in range(24):
        (project / "content" / f"wire-{i:02d}.md").write_text(
            f"---\ntitle: Wire report {i}\ndate: 2023-06-{1 + i:02d}\n---\n"
            f"Envoys met on Monday in round {i} of talks. {words.get(i, 'Nothing')} was the word of the day.\n",
            encoding="utf-8")
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert len([p for p in (project / "site" / "pagefind").iterdir() if p.is_dir() and p.name[0] == "s"]) > 2
    edited = project / "content" / "wire-03.md"
    edited.write_text(edited.read_text().replace("zanzibarite", "quokkaville"))
    (project / "content" / "wire-11.md").unlink()
    assert run_cli(["build", "-q"], project).exit_code == 0
    with served(project / "site", "/brief/") as url:
        site = BuiltSite(project / "site", url)
        page, watch = open_page(site)
        assert results_for(page, site, "quokkaville") == ["/brief/articles/wire-03.html"]
        assert results_for(page, site, "zanzibarite") == []
        assert results_for(page, site, "flamingoesque") == []
        assert results_for(page, site, "quixotical") == ["/brief/articles/wire-19.html"]
        assert not (problems := watch.take()), "\n".join(problems)
