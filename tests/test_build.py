"""`briefgen build` end to end: the golden site, idempotence, atomicity and front matter write-back."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import TESTS, run_cli, snapshot

from briefgen.frontmatter import dump_machine_block, join, split, with_machine_block
from briefgen.render import THEME
from briefgen.safe_yaml import load_safely

EXPECTED = TESTS / "golden" / "expected"


def test_golden_site_and_front_matter(project: Path) -> None:
    """The whole output tree equals tests/golden/expected (regenerate: python tests/golden/regenerate.py)."""
    run = run_cli(["build", "-q"], project)
    assert run.exit_code == 0, run.stderr
    site = snapshot(project / "site")
    assert site.pop("static/style.css") == (THEME / "static" / "style.css").read_bytes()
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
    text = join(with_machine_block(parts, dump_machine_block(block, "\n")))
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
