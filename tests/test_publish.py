"""Publishing: a path that would leave the site folder is refused and the old site stays whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import snapshot

from briefgen.errors import BriefgenError
from briefgen.publish import MARKER, MARKER_TEXT, foreign_site_reason, publish

OURS = {MARKER: MARKER_TEXT}


@pytest.mark.parametrize("bad", ["../outside.html", "/etc/passwd", "a/../../b.html", "a\\b.html"])
def test_a_path_out_of_the_site_is_refused_and_nothing_changes(tmp_path: Path, bad: str) -> None:
    site = tmp_path / "site"
    assert publish(site, {"index.html": b"old"}) == 2
    with pytest.raises(BriefgenError) as caught:
        publish(site, {"index.html": b"new", bad: b"x"})
    assert str(caught.value) == f"refusing to write outside the site folder: {bad!r}"
    assert snapshot(site) == {"index.html": b"old", **OURS}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_unchanged_files_keep_their_inode(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(site, {"a.html": b"same", "b.html": b"one"})
    inode = (site / "a.html").stat().st_ino
    assert publish(site, {"a.html": b"same", "b.html": b"two"}) == 1
    assert (site / "a.html").stat().st_ino == inode
    assert snapshot(site) == {"a.html": b"same", "b.html": b"two", **OURS}


OLD_INDEX = b'<!doctype html>\n<html lang="en">\n<head>\n<meta name="generator" content="briefgen 0.3.0">\n'
FOREIGN = "a folder of files briefgen did not make"


@pytest.mark.parametrize(("files", "reason"), [
    ({}, None),
    ({MARKER: b"", "notes.txt": b"dropped in by hand"}, None),
    ({"index.html": OLD_INDEX, "articles/a.html": b"x"}, None),
    ({"index.html": b"<!doctype html><title>My notes</title>", "todo.txt": b"x"}, FOREIGN),
    ({"todo.txt": b"call the desk"}, FOREIGN),
    ({".git/HEAD": b"ref: refs/heads/main"}, FOREIGN),
])
def test_which_folders_may_be_replaced(tmp_path: Path, files: dict[str, bytes], reason: str | None) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name, data in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    found = foreign_site_reason(site)
    assert (found if found is None else found[: len(FOREIGN)]) == reason
    if reason is not None:
        with pytest.raises(BriefgenError):
            publish(site, {"index.html": b"new"})
        assert snapshot(site) == files
    else:
        publish(site, {"index.html": b"new"})
        assert snapshot(site) == {"index.html": b"new", **OURS}


def test_a_file_or_a_link_is_not_a_site_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert foreign_site_reason(tmp_path / "file") == "a file, not a folder"
    assert foreign_site_reason(tmp_path / "link") == ("a symbolic link: a build replaces the site folder as a whole, "
                                                      "and would replace the link")
    assert foreign_site_reason(tmp_path / "absent") is None
