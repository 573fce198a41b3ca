"""`briefgen build` end to end: the golden site, idempotence, atomicity and front matter write-back."""

from __future__ import annotations

import gc
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TESTS, run_cli, snapshot

from briefgen import analyse as analyse_module
from briefgen import build as build_module
from briefgen.frontmatter import split, store_machine_block
from briefgen.safe_yaml import load_safely
from briefgen.site import THEME

EXPECTED = TESTS / "golden" / "expected"


def test_golden_site_and_front_matter(project: Path) -> None:
    """The whole output tree equals tests/golden/expected (regenerate: python tests/golden/regenerate.py)."""
    run = run_cli(["build", "-q"], project)
    assert run.exit_code == 0, run.stderr
    site = snapshot(project / "site")
    static = {name: site.pop(name) for name in list(site) if name.startswith("static/")}
    assert static == {f"static/{name}": data for name, data in snapshot(THEME / "static").items()}
    search = {name: site.pop(name) for name in list(site) if name.startswith("pagefind/")}
    assert "pagefind/pagefind-ui.js" in search
    assert site == snapshot(EXPECTED / "site")
    assert masked(snapshot(project / "content")) == masked(snapshot(EXPECTED / "content"))


def masked(files: dict[str, bytes]) -> dict[str, bytes]:
    """The fingerprint digests change with any edit to the analysis code, so they are compared elsewhere."""
    return {name: re.sub(rb"fingerprint: [0-9a-f]+", b"fingerprint: <digest>", data) for name, data in files.items()}


def test_second_build_changes_nothing(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in project.rglob("*") if p.is_file()}
    assert run_cli(["build", "-q"], project).exit_code == 0
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in project.rglob("*") if p.is_file()}
    assert after == before


def test_broken_template_leaves_site_and_content_untouched(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    site, content = snapshot(project / "site"), snapshot(project / "content")
    (project / "content" / "new.md").write_text("---\ntitle: New\ndate: 2023-05-06\n---\nNew text.\n")
    content = snapshot(project / "content")
    (project / "templates" / "article.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{{ entry.article.title }\n{% endblock %}\n'
    )
    run = run_cli(["build"], project)
    assert run.exit_code == 1
    assert "templates/article.html:3: template error: unexpected '}'" in run.stderr
    assert snapshot(project / "site") == site
    assert snapshot(project / "content") == content


def test_undefined_variable_names_template_line_and_article(project: Path) -> None:
    (project / "templates" / "article.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n<p>{{ entry.no_such_thing }}</p>\n{% endblock %}\n'
    )
    run = run_cli(["build"], project)
    assert run.exit_code == 1
    first = run.stderr.splitlines()[0]
    assert first.startswith("templates/article.html:3: template error: ")
    assert "no_such_thing" in first
    assert "(while rendering content/border-exercise.txt)" in first
    assert not (project / "site").exists()


def test_no_write_leaves_content_untouched(project: Path) -> None:
    content = snapshot(project / "content")
    assert run_cli(["build", "--no-write", "-q"], project).exit_code == 0
    assert snapshot(project / "content") == content
    assert (project / "site" / "index.html").is_file()


def correct_block(article: Path, pinned: bool = False) -> str:
    """Replace the stored summary by hand, as a person correcting it would; return the new text."""
    parts = split(article.read_text())
    block = load_safely(parts.head)[0]["briefgen"]
    block["summary"] = ["A sentence corrected by hand."]
    if pinned:
        block["pinned"] = True
    text = store_machine_block(article.read_text(), block)[0]
    article.write_text(text)
    return text


def test_hand_corrections_survive_until_the_body_changes(project: Path) -> None:
    article = project / "content" / "ceasefire-talks.md"
    assert run_cli(["build", "-q"], project).exit_code == 0
    corrected = correct_block(article)
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert article.read_text() == corrected
    assert "A sentence corrected by hand." in (project / "site" / "articles" / "ceasefire-talks.html").read_text()
    article.write_text(corrected.replace("next week.", "next month."))
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert "A sentence corrected by hand." not in article.read_text()


def test_pinned_block_survives_a_body_change(project: Path) -> None:
    article = project / "content" / "ceasefire-talks.md"
    assert run_cli(["build", "-q"], project).exit_code == 0
    text = correct_block(article, pinned=True).replace("next week.", "next month.")
    article.write_text(text)
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert article.read_text() == text


def test_drafts_are_not_published(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert not (project / "site" / "articles" / "draft-note.html").exists()
    assert "briefgen:" in (project / "content" / "draft-note.md").read_text()


def test_files_are_replaced_atomically_not_rewritten_in_place(project: Path) -> None:
    article = project / "content" / "ceasefire-talks.md"
    inode = os.stat(article).st_ino
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert os.stat(article).st_ino != inode
    assert not [p for p in (project / "content").iterdir() if p.name.endswith(".tmp")]


def add_articles(project: Path, count: int) -> None:
    """Enough dated articles to make analysis run in worker processes."""
    for i in range(count):
        (project / "content" / f"extra-{i:02d}.md").write_text(
            f"---\ntitle: Extra report {i}\ndate: 2023-05-{1 + i % 9:02d}\ntags: [extra]\n---\n"
            f"General Ida Moreno, the army chief, said on Monday that {1000 + 250 * i:,} troops were ready. "
            f"The drills will end next week. Officials met in the capital for talks number {i}.\n",
            encoding="utf-8",
        )


def test_output_is_the_same_for_one_or_two_workers(project: Path, tmp_path: Path) -> None:
    add_articles(project, 12)
    other = tmp_path / "other"
    shutil.copytree(project, other)
    assert run_cli(["build", "-q", "-j", "1"], project).exit_code == 0
    assert run_cli(["build", "-q", "-j", "2"], other).exit_code == 0
    assert snapshot(project / "site") == snapshot(other / "site")
    assert snapshot(project / "content") == snapshot(other / "content")


def test_incremental_build_equals_a_cold_build(project: Path, tmp_path: Path) -> None:
    add_articles(project, 10)
    assert run_cli(["build", "-q"], project).exit_code == 0
    edited = project / "content" / "extra-03.md"
    edited.write_text(edited.read_text().replace("were ready", "stood ready"))
    (project / "content" / "extra-07.md").unlink()
    add_articles_text = "---\ntitle: Late news\ndate: 2023-05-09\n---\nA late report on Friday.\n"
    (project / "content" / "late.md").write_text(add_articles_text)
    assert run_cli(["build", "-q"], project).exit_code == 0
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("site", ".briefgen-cache"))
    assert run_cli(["build", "-q"], cold).exit_code == 0
    assert snapshot(project / "site") == snapshot(cold / "site")
    assert snapshot(project / "content") == snapshot(cold / "content")
    assert "stood ready" in (project / "site" / "articles" / "extra-03.html").read_text()
    assert not (project / "site" / "articles" / "extra-07.html").exists()


def test_deleted_site_file_is_restored_by_the_next_build(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    page = project / "site" / "articles" / "ceasefire-talks.html"
    expected = page.read_bytes()
    page.unlink()
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert page.read_bytes() == expected


def test_articles_added_since_the_previous_build_are_marked_new(project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert "is-new" not in (project / "site" / "index.html").read_text()
    (project / "content" / "fresh.md").write_text("---\ntitle: Fresh report\ndate: 2023-05-03\n---\nNews on Monday.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    front = (project / "site" / "index.html").read_text()
    assert front.count('class="brief is-new"') == 1
    marked = front[front.index('class="brief is-new"') :]
    assert "Fresh report" in marked[: marked.index("</article>")]
    assert "added: 2" in (project / "content" / "fresh.md").read_text()
    assert "added: 1" in (project / "content" / "ceasefire-talks.md").read_text()


def test_an_edit_rewrites_only_the_pages_that_change(project: Path) -> None:
    add_articles(project, 3)
    assert run_cli(["build", "-q"], project).exit_code == 0
    pages = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (project / "site" / "articles").glob("*.html")}
    edited = project / "content" / "extra-01.md"
    edited.write_text(edited.read_text().replace("were ready", "stood ready"))
    run = run_cli(["build"], project)
    assert run.exit_code == 0
    after = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in pages}
    changed = sorted(p.name for p in pages if after[p] != pages[p])
    assert changed == ["extra-01.html"]
    assert "front matter written for 1 article," in run.stdout


def test_a_missing_content_folder_is_an_error_and_an_empty_one_builds(project: Path) -> None:
    shutil.rmtree(project / "content")
    run = run_cli(["build"], project)
    assert run.exit_code == 1
    assert run.stderr.startswith(f"config.yaml: the content folder {(project / 'content').resolve()} does not exist")
    (project / "content").mkdir()
    run = run_cli(["build"], project)
    assert run.exit_code == 0
    assert "0 warnings" in run.stdout
    assert (project / "site" / "index.html").is_file()


def test_errors_in_article_and_front_page_templates_are_reported_together(project: Path) -> None:
    (project / "templates" / "article.html").write_text('{% extends "base.html" %}{% block content %}{{ nope }}'
                                                        "{% endblock %}\n")
    (project / "templates" / "index.html").write_text('{% extends "base.html" %}{% block content %}{{ nada }}'
                                                      "{% endblock %}\n")
    run = run_cli(["build"], project)
    assert run.exit_code == 1
    lines = run.stderr.splitlines()
    assert lines[0].startswith("templates/article.html:1: template error: 'nope' is undefined")
    assert lines[1].startswith("templates/index.html:1: template error: 'nada' is undefined")
    assert not (project / "site").exists() and not list(project.glob(".site.*"))


def test_a_block_the_parent_template_lacks_is_a_warning_naming_the_blocks_there(project: Path) -> None:
    (project / "templates" / "base.html").write_text(
        '{% extends "theme/base.html" %}\n{% block masthead %}Desk{% endblock %}\n'
        "{% block fotter %}Contact the desk{% endblock %}\n")
    run = run_cli(["build"], project)
    assert run.exit_code == 0, run.stderr
    warning = next(line for line in run.stderr.splitlines() if line.startswith("templates/base.html"))
    assert warning.startswith("templates/base.html:3: warning: block 'fotter' is not defined in 'theme/base.html', "
                              "so it is never shown (did you mean 'footer'? its blocks: ")
    assert "masthead" in warning.split("its blocks: ")[1]


def imported_modules(args: list[str], cwd: Path) -> set[str]:
    """The modules a `python -m briefgen ARGS` run imports (from -X importtime), after checking it succeeded."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefgen", *args], cwd=cwd, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(TESTS.parent)}, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}


def test_the_default_summary_method_does_not_import_sumy(project: Path) -> None:
    modules = imported_modules(["build", "-q", "-j", "1"], project)
    assert "briefgen.summarise" in modules
    assert not {m for m in modules if m.split(".")[0] in ("sumy", "nltk")}
    (project / "config.yaml").write_text((project / "config.yaml").read_text() + "\nsummary:\n  method: lexrank\n")
    assert "sumy" in imported_modules(["build", "-q", "-j", "1"], project)


def test_drafts_are_shown_marked_only_when_asked(project: Path) -> None:
    from briefgen.build import build_project
    from briefgen.config import load_config

    config = load_config(project / "config.yaml")
    build_project(config, write=False, drafts=True)
    page = (project / "site" / "articles" / "draft-note.html").read_text()
    assert '<h1><span class="draft-badge">Draft</span> An unfinished note</h1>' in page
    assert "draft-badge" in (project / "site" / "index.html").read_text()
    build_project(config, write=False)
    assert not (project / "site" / "articles" / "draft-note.html").exists()
    assert "draft-badge" not in (project / "site" / "index.html").read_text()


def test_a_new_publication_date_resolves_the_relative_dates_again(project: Path) -> None:
    article = project / "content" / "ceasefire-talks.md"
    assert run_cli(["build", "-q"], project).exit_code == 0
    thursday = next(d for d in yaml.safe_load(article.read_text().split("---\n")[1])["briefgen"]["figures"]["dates"]
                    if d["text"] == "Thursday")
    assert thursday["value"] == "2023-05-04"
    article.write_text(article.read_text().replace("date: 2023-05-04", "date: 2023-05-12"))
    assert run_cli(["build", "-q"], project).exit_code == 0
    thursday = next(d for d in yaml.safe_load(article.read_text().split("---\n")[1])["briefgen"]["figures"]["dates"]
                    if d["text"] == "Thursday")
    assert thursday["value"] == "2023-05-11"


def test_a_build_pauses_the_cycle_collector_and_restores_it(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is off while the build holds the archive (it walked every record again and again), frozen and
    on around forking the analysis workers, and as it was once the build ends, even when the build fails."""
    seen: list[tuple[str, bool, int]] = []
    real_build, real_analyse = build_module.build_locked, analyse_module.analyse_all

    def spy_build(*args: Any, **kwargs: Any) -> Any:
        seen.append(("build", gc.isenabled(), gc.get_freeze_count()))
        return real_build(*args, **kwargs)

    def spy_analyse(*args: Any, **kwargs: Any) -> Any:
        seen.append(("analyse", gc.isenabled(), gc.get_freeze_count()))
        return real_analyse(*args, **kwargs)

    monkeypatch.setattr(build_module, "build_locked", spy_build)
    monkeypatch.setattr(analyse_module, "analyse_all", spy_analyse)
    assert gc.isenabled()
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert seen[0] == ("build", False, 0)
    assert seen[1][:2] == ("analyse", True) and seen[1][2] > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    (project / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    assert run_cli(["build", "-q"], project).exit_code != 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        assert run_cli(["build", "-q"], project).exit_code != 0
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()
