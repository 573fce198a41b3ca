"""Publishing: a path that would leave the site folder is refused and the old site stays whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import snapshot

from briefgen.errors import BriefgenError
from briefgen.publish import publish


@pytest.mark.parametrize("bad", ["../outside.html", "/etc/passwd", "a/../../b.html", "a\\b.html"])
def test_a_path_out_of_the_site_is_refused_and_nothing_changes(tmp_path: Path, bad: str) -> None:
    site = tmp_path / "site"
    assert publish(site, {"index.html": b"old"}) == 1
    with pytest.raises(BriefgenError) as caught:
        publish(site, {"index.html": b"new", bad: b"x"})
    assert str(caught.value) == f"refusing to write outside the site folder: {bad!r}"
    assert snapshot(site) == {"index.html": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_unchanged_files_keep_their_inode(tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(site, {"a.html": b"same", "b.html": b"one"})
    inode = (site / "a.html").stat().st_ino
    assert publish(site, {"a.html": b"same", "b.html": b"two"}) == 1
    assert (site / "a.html").stat().st_ino == inode
    assert snapshot(site) == {"a.html": b"same", "b.html": b"two"}
