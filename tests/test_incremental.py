"""Incremental builds: the same output as a cold build after any sequence of changes, for work that follows
the change (counted, never timed), and a site commit that a killed build's successor finishes."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import TESTS, run_cli, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen import build as build_module
from briefgen import search_index
from briefgen.dependencies import CACHE_DIR, forget_held_records
from briefgen.publish import JOURNAL, SiteChanges, apply_journal, finish_interrupted_commit
from briefgen.search_index import IndexedPage, cut_segments


@pytest.fixture
def small_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Segments of a few pages, so that a small project has several search bundles."""
    monkeypatch.setattr(search_index, "SEGMENT_PAGES", 4)
    monkeypatch.setattr(search_index, "MIN_SEGMENT_PAGES", 2)
    monkeypatch.setattr(search_index, "MAX_SEGMENT_PAGES", 8)


def write_articles(project: Path, numbers: range, day: int = 1) -> None:
    """Dated articles with figures, officials and a tag, so that they appear on every kind of page."""
    for i in numbers:
        (project / "content" / f"wire-{i:03d}.md").write_text(
            f"---\ntitle: Wire report {i}\ndate: 2023-06-{day + i % 20:02d}\ntags: [wire, desk-{i % 3}]\n---\n"
            f"General Ida Moreno, the army chief, said on Monday that {1000 + 50 * i:,} troops were ready "
            f"near post {i}. Envoys will meet again next week in Vienna.\n\nTalks number {i} went on late.\n",
            encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit an article in place; the text to replace must be there (a step that changes nothing proves nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def build(project: Path) -> dict[str, int]:
    """Build and return the counts of the work done (BuildReport.work, printed by `build --json`)."""
    run = run_cli(["build", "-q", "--json"], project)
    assert run.exit_code == 0, run.stderr
    return dict(json.loads(run.stdout)["work"])


def cold_build_equals(project: Path, tmp_path: Path, name: str) -> None:
    """A cold build of a copy of `project` (no site, no cache) writes exactly the same site and content."""
    cold = tmp_path / name
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("site", CACHE_DIR))
    build(cold)
    assert snapshot(project / "site") == snapshot(cold / "site"), f"site differs from a cold build after {name}"
    assert snapshot(project / "content") == snapshot(cold / "content"), f"content differs after {name}"
    shutil.rmtree(cold)


def test_any_sequence_of_incremental_builds_equals_a_cold_build(
        project: Path, tmp_path: Path, small_segments: None) -> None:
    write_articles(project, range(30))
    build(project)
    assert len([p for p in (project / "site" / "pagefind").iterdir() if p.is_dir() and p.name.startswith("s")]) > 3
    steps = {
        "an edit": lambda: (project / "content" / "wire-007.md").write_text(
            (project / "content" / "wire-007.md").read_text().replace("went on late", "ended at dawn")),
        "a deletion": lambda: (project / "content" / "wire-012.md").unlink(),
        "three additions": lambda: write_articles(project, range(30, 33), day=5),
        "a template change": lambda: (project / "templates" / "day.html").write_text(
            '{% extends "theme/day.html" %}{% block title %}Day · {{ site.title }}{% endblock %}\n'),
        "an article moved to another day": lambda: replace_in(project / "content" / "wire-008.md",
                                                              "date: 2023-06-09", "date: 2023-07-02"),
        "a tag removed": lambda: replace_in(project / "content" / "wire-009.md", "tags: [wire, desk-0]",
                                            "tags: [wire]"),
        "a person renamed": lambda: replace_in(project / "content" / "wire-010.md", "Ida Moreno", "Ines Moreno"),
        "the same name in another country": lambda: (project / "content" / "wire-050.md").write_text(
            "---\ntitle: Port report\ndate: 2023-06-03\n---\nMinister Ida Moreno of Peru said on Monday that "
            "the port would reopen.\n", encoding="utf-8"),
        "a fuller name in a new article (the person's page moves)": lambda: (
            project / "content" / "wire-051.md").write_text(
            "---\ntitle: Border report\ndate: 2023-06-04\n---\nGeneral Ida Maria Moreno, the army chief, said on "
            "Tuesday that 4,000 troops were ready.\n", encoding="utf-8"),
        "a person's only mentions removed": lambda: replace_in(project / "content" / "wire-010.md", "Ines Moreno",
                                                                 "the commander"),
        "a config change": lambda: (project / "config.yaml").write_text(
            (project / "config.yaml").read_text().replace("Golden brief", "Golden morning brief")),
        "the template change undone": lambda: (project / "templates" / "day.html").unlink(),
        "deleting the first articles": lambda: [(project / "content" / f"wire-{i:03d}.md").unlink()
                                                for i in range(5)],
    }
    for name, change in steps.items():
        change()
        build(project)
        cold_build_equals(project, tmp_path, name)


def test_one_edit_does_work_that_does_not_grow_with_the_archive(project: Path, tmp_path: Path,
                                                                 small_segments: None) -> None:
    counts = {}
    for size in (20, 60):
        folder = tmp_path / f"size-{size}"
        shutil.copytree(project, folder)
        write_articles(folder, range(size))
        cold = build(folder)
        assert cold["analysed"] >= size
        edited = folder / "content" / "wire-007.md"
        edited.write_text(edited.read_text().replace("went on late", "ended at dawn"))
        counts[size] = build(folder)
        assert "ended at dawn" in (folder / "site" / "articles" / "wire-007.html").read_text()
    small, large = counts[20], counts[60]
    assert small["read"] == large["read"] == 1
    assert small["analysed"] == large["analysed"] == 1
    assert small["segments_indexed"] == large["segments_indexed"] == 1
    # the edited article's page, its day, tags, person and the pages listing every article: about as many at 60
    # as at 20 (which page of a paged list the article falls on may differ by a page or two)
    assert large["rendered"] <= small["rendered"] + 2
    assert large["files_changed"] <= small["files_changed"] + 2


def test_a_no_op_build_reads_renders_and_writes_nothing(project: Path) -> None:
    write_articles(project, range(10))
    build(project)
    before = {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file() and CACHE_DIR not in p.parts}
    assert build(project) == {}  # a no-op reports no work at all
    after = {p: p.stat().st_mtime_ns for p in project.rglob("*") if p.is_file() and CACHE_DIR not in p.parts}
    assert after == before


def test_a_no_op_build_does_not_load_jinja_or_the_analysers(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefgen", "build", "-q"], cwd=project,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(TESTS.parent)},
                         check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    modules = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "briefgen.build" in modules
    assert not modules & {"jinja2", "numpy", "briefgen.analyse", "briefgen.summarise", "markdown_it"}


def test_a_file_changed_by_hand_in_the_site_is_repaired_and_a_stray_one_removed(project: Path) -> None:
    build(project)
    page = project / "site" / "articles" / "ceasefire-talks.html"
    expected = page.read_bytes()
    page.write_bytes(b"scribbled")
    (project / "site" / "stray.html").write_text("not ours")
    work = build(project)
    assert page.read_bytes() == expected
    assert not (project / "site" / "stray.html").exists()
    assert work["rendered"] == 1 and work["read"] == 0


pages = st.lists(st.tuples(st.sampled_from(["", "2023-01-02", "2023-01-03", "2023-02-01"]),
                           st.from_regex(r"articles/[a-z]{1,8}\.html", fullmatch=True)),
                 unique_by=lambda p: p[1], min_size=1, max_size=120)


@given(pages=pages, added=st.tuples(st.sampled_from(["", "2023-01-02", "2023-03-01"]),
                                    st.from_regex(r"articles/[a-z]{9}\.html", fullmatch=True)))
@settings(max_examples=150, deadline=None)
def test_segments_depend_on_the_pages_only_and_an_added_page_changes_at_most_two(
        pages: list[tuple[str, str]], added: tuple[str, str]) -> None:
    indexed = [IndexedPage(url, order, "d") for order, url in pages]
    segments = cut_segments(indexed)
    assert [s.name for s in cut_segments(list(reversed(indexed)))] == [s.name for s in segments]
    assert sorted(p.url for s in segments for p in s.pages) == sorted(url for _, url in pages)
    assert all(len(s.pages) <= search_index.MAX_SEGMENT_PAGES for s in segments)
    more = cut_segments([*indexed, IndexedPage(added[1], added[0], "d")])
    before, after = {s.name for s in segments}, {s.name for s in more}
    assert len(after - before) <= 2, "an added page rewrote more than the segments around it"


def test_a_changed_page_renames_only_its_own_segment() -> None:
    indexed = [IndexedPage(f"articles/a{i:03d}.html", f"2023-01-{1 + i // 10:02d}", "same") for i in range(300)]
    edited = [IndexedPage(p.url, p.order, "other" if p.url == "articles/a123.html" else p.digest) for p in indexed]
    before, after = {s.name for s in cut_segments(indexed)}, {s.name for s in cut_segments(edited)}
    assert len(before) > 3 and len(before - after) == len(after - before) == 1


def test_a_commit_cut_short_is_finished_by_the_next_build(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / CACHE_DIR
    (site / "folder").mkdir(parents=True)
    for name in ("keep.html", "edit.html", "gone.html", "folder/old.js"):
        (site / name).write_text(f"old {name}")
    changes = SiteChanges(site, cache)
    assert not changes.write("keep.html", b"old keep.html")  # the same bytes: nothing staged
    changes.write("edit.html", b"new edit")
    changes.write("new/page.html", b"new page")
    changes.remove("gone.html")
    changes.remove("folder")
    changes.write("folder/new.js", b"new js")
    # the commit is decided (journal written) and only begun: one file moved, then the build is killed
    cache.mkdir()
    journal = cache / JOURNAL
    journal.write_text(json.dumps({"staging": changes.staging.name, "write": sorted(changes.written),
                                   "remove": sorted(changes.removed)}))
    os.replace(changes.staging / "folder" / "new.js", site / "folder" / "new.js")
    finish_interrupted_commit(site, cache)
    expected = {"keep.html": b"old keep.html", "edit.html": b"new edit", "new/page.html": b"new page",
                "folder/new.js": b"new js"}
    assert snapshot(site) == expected
    assert not journal.exists() and not changes.staging.exists()
    journal.write_text(json.dumps({"staging": changes.staging.name, "write": ["edit.html"], "remove": ["gone.html"]}))
    apply_journal(site, journal)  # finishing twice changes nothing
    assert snapshot(site) == expected


def test_a_journal_that_is_not_ours_is_dropped_and_touches_nothing(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / CACHE_DIR
    site.mkdir()
    cache.mkdir()
    (site / "index.html").write_text("home")
    (tmp_path / "elsewhere").mkdir()
    for plan in ({"staging": "../elsewhere", "write": ["index.html"], "remove": []},
                 {"staging": ".site.staging-x", "write": [], "remove": ["../outside"]}, "not a mapping"):
        (cache / JOURNAL).write_text(json.dumps(plan))
        finish_interrupted_commit(site, cache)
        assert snapshot(site) == {"index.html": b"home"} and not (cache / JOURNAL).exists()
    assert (tmp_path / "elsewhere").is_dir()


def test_a_build_without_write_back_and_one_with_it_share_the_articles(project: Path) -> None:
    write_articles(project, range(6))
    run = run_cli(["build", "-q", "--no-write", "--json"], project)
    assert run.exit_code == 0
    assert "briefgen:" not in (project / "content" / "wire-001.md").read_text()
    work = build(project)  # the analyses are reused from the cache and now written into the files
    assert work["analysed"] == 0 and work["read"] == 0 and work["front_matter_written"] == 9
    assert "briefgen:" in (project / "content" / "wire-001.md").read_text()


def test_a_process_that_builds_again_takes_the_records_it_holds(project: Path) -> None:
    write_articles(project, range(12))
    forget_held_records()
    build(project)
    edited = project / "content" / "wire-004.md"
    edited.write_text(edited.read_text().replace("went on late", "ended at dawn"))
    assert build(project)["records_read"] == 0  # as `serve` builds: the unchanged records are held
    forget_held_records()
    edited.write_text(edited.read_text().replace("ended at dawn", "ended at noon"))
    assert build(project)["records_read"] == 14  # a new process reads them from the log (12 + the project's 3 - 1)


def test_pages_first_and_search_after_make_what_one_build_makes(project: Path, tmp_path: Path,
                                                                small_segments: None) -> None:
    from briefgen.build import build_project
    from briefgen.config import load_config

    write_articles(project, range(20))
    build(project)
    edited = project / "content" / "wire-009.md"
    edited.write_text(edited.read_text().replace("went on late", "ended at dawn"))
    search_before = snapshot(project / "site" / "pagefind")
    config = load_config(project / "config.yaml")
    pages = dict(build_project(config, search_later=True).work)
    assert pages["rendered"] > 0 and pages["segments_indexed"] == 0 and pages["search_pending"] == 1
    assert "ended at dawn" in (project / "site" / "articles" / "wire-009.html").read_text()
    assert snapshot(project / "site" / "pagefind") == search_before  # search as it was, for now
    search = build(project)  # nothing else changed: only the search index is brought up to date
    assert search["rendered"] == 0 and search["read"] == 0 and search["segments_indexed"] == 1
    cold_build_equals(project, tmp_path, "pages first, search after")
    assert build(project) == {}


def test_an_article_saved_while_the_build_runs_is_read_again_by_the_next_build(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The state remembers an article file as the build's scan found it, not as it is when the build ends: an
    editor's save in between is not mistaken for what the build read."""
    write_articles(project, range(5))
    build(project)
    edited, saved_meanwhile = project / "content" / "wire-001.md", project / "content" / "wire-003.md"
    real_render = build_module.render_changes

    def render_while_saved(*args: Any, **kwargs: Any) -> Any:
        saved_meanwhile.write_text(saved_meanwhile.read_text().replace("went on late", "ended at dawn"))
        return real_render(*args, **kwargs)

    monkeypatch.setattr(build_module, "render_changes", render_while_saved)
    replace_in(edited, "went on late", "went on and on")
    assert build(project)["read"] == 1
    monkeypatch.undo()
    assert build(project)["read"] == 1
    assert "ended at dawn" in (project / "site" / "articles" / "wire-003.html").read_text()


def test_the_garbage_a_build_leaves_for_the_paused_collector_does_not_grow_with_the_archive(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused during a build (build.collector_paused), which is safe for memory only while the
    build makes few reference cycles: count the unreachable objects it leaves, for a project and one three times
    larger."""
    left: list[int] = []
    real_build = build_module.build_locked

    def counting(*args: Any, **kwargs: Any) -> Any:
        report = real_build(*args, **kwargs)
        left.append(gc.collect())  # still paused here: everything the build left unreachable is counted
        return report

    monkeypatch.setattr(build_module, "build_locked", counting)
    for number, size in enumerate((20, 20, 60)):  # the first pays for what a process makes once (templates)
        folder = tmp_path / f"build-{number}"
        shutil.copytree(project, folder)
        write_articles(folder, range(size))
        build(folder)
    _, small, large = left
    assert large <= small + 100, (small, large)  # one cycle per page or article would be hundreds more
