"""Writing into content/ and site/ is one commit: on any failure (full disk, read-only folder, a rename
that fails) every article and the previous site are as they were, and no temporary file is left."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN_PROJECT, run_cli, snapshot

import briefgen.write_back
from briefgen.errors import BriefgenError
from briefgen.publish import MARKER, MARKER_TEXT, publish
from briefgen.write_back import CHANGED_MEANWHILE, TEMPORARY, PlannedWrite, WriteBack


def leftovers(root: Path) -> list[str]:
    """Temporary files of the write-back and staging folders of the site anywhere under `root`."""
    found = [p for p in root.rglob("*") if TEMPORARY.match(p.name) or p.name.startswith(".site.")]
    return sorted(p.relative_to(root).as_posix() for p in found)


def rewrite_bodies(project: Path) -> None:
    """Change the body of every article, so that a build rewrites all of content/ and most of site/."""
    for path in sorted((project / "content").rglob("*.*")):
        path.write_text(path.read_text().replace("talks", "negotiations").replace("troops", "soldiers"))


def _planned(folder: Path, count: int) -> list[PlannedWrite]:
    import hashlib

    writes = []
    for i in range(count):
        path = folder / f"article-{i}.md"
        path.write_text(f"---\ntitle: Report {i}\n---\nEnvoys met.\n")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        writes.append(PlannedWrite(path, Path(f"content/article-{i}.md"), f"new {i}\n".encode(), digest))
    return writes


def test_a_rename_that_fails_puts_back_the_articles_already_replaced(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    planned = _planned(tmp_path, 4)
    before = snapshot(tmp_path)
    real_replace = os.replace
    calls: list[str] = []

    def replace_failing_on_the_third(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) == 3:
            raise OSError(errno.EIO, "Input/output error", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(briefgen.write_back.os, "replace", replace_failing_on_the_third)
    commit = WriteBack()
    commit.stage(planned)
    with pytest.raises(BriefgenError) as caught:
        commit.apply()
    monkeypatch.undo()
    assert str(caught.value) == "content/article-2.md: cannot write the analysis into this file: Input/output error"
    assert snapshot(tmp_path) == before
    assert leftovers(tmp_path) == []


def test_an_article_saved_by_an_editor_meanwhile_is_left_alone(tmp_path: Path) -> None:
    planned = _planned(tmp_path, 3)
    (tmp_path / "article-0.md").write_text("---\ntitle: Report 0\n---\nEnvoys met, and typed more.\n")
    commit = WriteBack()
    commit.stage(planned)
    (tmp_path / "article-1.md").write_text("---\ntitle: Report 1\n---\nSaved again between staging and commit.\n")
    commit.apply()
    assert [str(w) for w in commit.warnings] == [f"content/article-{i}.md: warning: {CHANGED_MEANWHILE}"
                                                 for i in (0, 1)]
    assert (tmp_path / "article-0.md").read_text().endswith("typed more.\n")
    assert (tmp_path / "article-1.md").read_text().endswith("between staging and commit.\n")
    assert (tmp_path / "article-2.md").read_text() == "new 2\n"
    assert commit.written == 1
    assert leftovers(tmp_path) == []


def test_an_editor_saving_during_the_build_keeps_their_bytes(project: Path, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    import briefgen.site.pages

    article = project / "content" / "ceasefire-talks.md"
    typed = article.read_text().replace("---\n", "---\nsubtitle: being typed\n", 1)
    real_pages = briefgen.site.pages.site_pages

    def render_while_an_editor_saves(*args: Any, **kwargs: Any) -> Any:
        article.write_text(typed)
        return real_pages(*args, **kwargs)

    monkeypatch.setattr(briefgen.site.pages, "site_pages", render_while_an_editor_saves)
    run = run_cli(["build"], project)
    assert run.exit_code == 0
    assert f"content/ceasefire-talks.md: warning: {CHANGED_MEANWHILE}" in run.stderr.splitlines()
    assert article.read_text() == typed
    assert "briefgen:" in (project / "content" / "draft-note.md").read_text()
    monkeypatch.undo()
    assert run_cli(["build", "-q"], project).exit_code == 0  # the next build stores the analysis
    assert "briefgen:" in article.read_text() and "subtitle: being typed" in article.read_text()


def test_a_companion_that_fails_after_the_swap_puts_the_previous_site_back(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(site, {"index.html": b"old", "a.html": b"same"})

    class Failing:
        discarded = False

        def apply(self) -> None:
            assert (site / "index.html").read_bytes() == b"new"  # applied once the new site is in place
            raise BriefgenError([])

        def discard(self) -> None:
            self.discarded = True

    with pytest.raises(BriefgenError):
        publish(site, {"index.html": b"new", "a.html": b"same"}, companion=Failing())
    assert snapshot(site) == {"index.html": b"old", "a.html": b"same", MARKER: MARKER_TEXT}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_read_only_folder_of_articles_fails_the_build_and_changes_nothing(project: Path) -> None:
    folder = project / "content" / "wire"
    folder.mkdir()
    (folder / "late.md").write_text("---\ntitle: Late report\ndate: 2023-05-02\n---\nEnvoys met on Monday.\n")
    assert run_cli(["build", "-q", "--no-write"], project).exit_code == 0
    content, site = snapshot(project / "content"), snapshot(project / "site")
    with read_only(folder):
        run = run_cli(["build"], project)
    assert run.exit_code == 1
    assert run.stderr.splitlines() == [
        "content/wire/late.md: cannot write the analysis into this file: Read-only file system"
        if os.geteuid() == 0 else "content/wire/late.md: cannot write the analysis into this file: Permission denied",
        "briefgen: 1 error, nothing was changed",
    ]
    assert snapshot(project / "content") == content
    assert snapshot(project / "site") == site
    assert leftovers(project) == []


def test_an_unwritable_project_folder_is_an_error_not_a_traceback(project: Path) -> None:
    assert run_cli(["build", "-q", "--no-write"], project).exit_code == 0
    shutil.rmtree(project / ".briefgen-cache")
    content, site = snapshot(project / "content"), snapshot(project / "site")
    with read_only(project):
        run = run_cli(["build"], project)
    reason = "Read-only file system" if os.geteuid() == 0 else "Permission denied"
    assert run.exit_code == 1
    assert run.stderr.splitlines() == [
        f".briefgen-cache: cannot make the folder of briefgen's cache and build lock: {reason} "
        "(a build needs to write in the project folder)",
        "briefgen: 1 error, nothing was changed",
    ]
    assert (snapshot(project / "content"), snapshot(project / "site")) == (content, site)


class read_only:  # noqa: N801 - used as a context manager, named like one
    """Make a folder read-only: a read-only bind mount as root (who ignores permissions), else chmod."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self) -> None:
        if os.geteuid() != 0:
            self.folder.chmod(0o555)
            return
        for command in (["mount", "--bind", str(self.folder), str(self.folder)],
                        ["mount", "-o", "remount,bind,ro", str(self.folder)]):
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                self.__exit__()
                pytest.skip(f"cannot make a read-only bind mount here: {done.stderr.strip()}")

    def __exit__(self, *exc: object) -> None:
        if os.geteuid() != 0:
            self.folder.chmod(0o755)
        else:
            subprocess.run(["umount", str(self.folder)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs, mounted for the test (root only)."""
    if os.geteuid() != 0:
        pytest.skip("filling a disk needs a small tmpfs, and mounting one needs root: run the tests as root")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk but for `leave` bytes; return the filler file."""
    filler = disk / "filler"
    st = os.statvfs(disk)
    size = st.f_bavail * st.f_frsize - leave
    with filler.open("wb") as fh:
        if size > 0:
            os.posix_fallocate(fh.fileno(), 0, size)
    return filler


NO_SPACE = re.compile(r"(content/\S+: cannot write the analysis into this file|site(/\S+)?: cannot write the new site)"
                      r": No space left on device")


SWEEPS = {
    # the new site needs some 40 KiB (unchanged pages are hard links): fine steps below that, then a few
    "without search": [*range(0, 64 * 1024, 4 * 1024), 96 * 1024, 256 * 1024],
    # Pagefind writes some 700 KiB, and may exit 0 when a write failed
    "with search": [*range(32 * 1024, 1280 * 1024, 192 * 1024), 3 * 1024 * 1024],
}


@pytest.mark.slow
@pytest.mark.parametrize("sweep", sorted(SWEEPS))
def test_a_full_disk_at_any_point_leaves_content_and_site_old_or_new(sweep: str, small_disk: Path, tmp_path: Path
                                                                    ) -> None:
    before = tmp_path / "before"
    shutil.copytree(GOLDEN_PROJECT, before)
    if sweep == "without search":
        with (before / "config.yaml").open("a") as fh:
            fh.write("search: false\n")
    assert run_cli(["build", "-q"], before).exit_code == 0
    rewrite_bodies(before)
    new = tmp_path / "new"
    shutil.copytree(before, new)
    assert run_cli(["build", "-q"], new).exit_code == 0
    old_state = snapshot(before / "content"), snapshot(before / "site")
    new_state = snapshot(new / "content"), snapshot(new / "site")
    assert old_state[0] != new_state[0] and old_state[1] != new_state[1]
    failed_in: set[str] = set()
    succeeded = 0
    for leave in SWEEPS[sweep]:
        project = small_disk / "project"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(before, project)
        filler = fill(small_disk, leave)
        run = run_cli(["build", "-q"], project)
        filler.unlink()
        state = snapshot(project / "content"), snapshot(project / "site")
        assert leftovers(project) == [], f"leftovers with {leave} bytes free"
        if run.exit_code == 0:
            assert state == new_state, f"built with {leave} bytes free, but not the new content and site"
            succeeded += 1
            continue
        assert state == old_state, f"failed with {leave} bytes free, and changed content/ or site/"
        lines = run.stderr.splitlines()
        assert NO_SPACE.fullmatch(lines[0]) and lines[1:] == ["briefgen: 1 error, nothing was changed"], lines
        failed_in.add(lines[0].split(":")[0].split("/")[0])
    assert failed_in == ({"content", "site"} if sweep == "without search" else {"site"}) and succeeded
