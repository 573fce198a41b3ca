"""The build cache is JSON that cannot run code; anything but what briefgen wrote means a cold build.

The cache is state.json and a log of article records (briefgen/dependencies.py). A tampered record is
written back with its offset, length and version in state.json made to match, as a crafted cache
would be: what refuses it is the check of every value, not a digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.cache_format import value_from_json, value_to_json
from briefgen.config import load_config
from briefgen.content import find_article_files
from briefgen.dependencies import CACHE_DIR, INDEX_FILE, STATE_FILE, Dependencies

LOG = "the record log"
"""Stands for the current records-N.jsonl in the tables below."""

fixed_offsets = st.integers(-23 * 60, 23 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
"""The time zones YAML can write: a fixed offset."""
scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
           | st.dates() | st.datetimes() | st.datetimes(timezones=fixed_offsets)
           | st.integers(min_value=10**5000, max_value=10**5000 + 10))
yaml_like = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                         | st.dictionaries(scalars.filter(lambda k: not isinstance(k, float)), inner, max_size=4),
                         max_leaves=20)


@given(value=yaml_like)
@settings(max_examples=200, deadline=None)
def test_front_matter_values_survive_the_json_form(value: Any) -> None:
    stored = json.loads(json.dumps(value_to_json(value)))
    assert value_from_json(stored) == value


class _Mkdir:
    """Unpickling this calls os.mkdir(marker): the side effect a crafted cache would aim for."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str]]:
        return os.mkdir, (str(self.marker),)


def _cold_copy(project: Path, tmp_path: Path) -> Path:
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("site", CACHE_DIR))
    assert run_cli(["build", "-q"], cold).exit_code == 0
    return cold


def _edit_one_article(project: Path) -> None:
    article = project / "content" / "ceasefire-talks.md"
    article.write_text(article.read_text().replace("talks", "negotiations", 1))


def test_a_crafted_pickle_in_the_cache_is_never_loaded(project: Path, tmp_path: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_Mkdir(marker))
    for name in ("state.pickle", "articles.pickle", STATE_FILE, _log(project).name):
        (project / CACHE_DIR / name).write_bytes(payload)
    _edit_one_article(project)
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert not marker.exists()
    cold = _cold_copy(project, tmp_path)
    assert snapshot(project / "site") == snapshot(cold / "site")
    assert snapshot(project / "content") == snapshot(cold / "content")


def _set(path: list[Any], value: Any) -> Callable[[Any], Any]:
    """A change to the parsed JSON: the item at `path` ("*": the first entry of a mapping) becomes `value`."""
    def change(data: Any) -> Any:
        node = data
        for step in path[:-1]:
            node = node[next(iter(node))] if step == "*" else node[step]
        last = next(iter(node)) if path[-1] == "*" else path[-1]
        node[last] = value
        return data
    return change


JSON_TAMPERING: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "format from another version": (STATE_FILE, _set(["format"], 1)),
    "a signature that is text": (INDEX_FILE, _set(["articles", "*", 0], "soon")),
    "a signature of three numbers": (INDEX_FILE, _set(["articles", "*"], [1, 2, 3])),
    "a warning without a message": (STATE_FILE, _set(["warnings"], [{"line": 1}])),
    "site files as a list": (INDEX_FILE, _set(["site"], [])),
    "a log outside the cache": (STATE_FILE, _set(["log"], "../../records-1.jsonl")),
    "a record length of zero": (INDEX_FILE, _set(["articles", "*", 4], 0)),
    "a record beyond the log": (INDEX_FILE, _set(["articles", "*", 3], 10**9)),
    "an index from another build": (INDEX_FILE, _set(["generation"], 0)),
    "page digests that are numbers": (INDEX_FILE, _set(["made", "*"], [1, 2])),
    "an article body that is a number": (LOG, _set(["article", "body"], 7)),
    "a draft flag that is a string": (LOG, _set(["article", "draft"], "no")),
    "a block with an unknown tag": (LOG, _set(["block"], {"pyobject": "os.system"})),
    "a meta mapping with a list as key": (LOG, _set(["article", "meta"], {"map": [[[1], 2]]})),
    "a figure of the wrong type": (LOG, _set(["analysis", "figures", "troops"], [5])),
    "an article stored under another file's name": (LOG, _set(["article", "path"], "../../elsewhere.md")),
    "a sentence span of one number": (LOG, _set(["sentences"], [[1]])),
    "a date that is not a date": (LOG, _set(["article", "date"], "2022-02-30")),
}
"""Valid JSON, wrong content: each must be refused as a whole."""


def _log(project: Path) -> Path:
    return project / CACHE_DIR / json.loads((project / CACHE_DIR / STATE_FILE).read_text())["log"]


def _tamper_first_record(project: Path, change: Callable[[Any], Any]) -> None:
    """Change the first record of the log and make index.json agree with the new bytes (offsets, version)."""
    state_file = project / CACHE_DIR / INDEX_FILE
    state = json.loads(state_file.read_text())
    log = _log(project)
    lines = log.read_bytes().split(b"\n")[:-1]
    lines[0] = json.dumps(change(json.loads(lines[0])), separators=(",", ":")).encode()
    log.write_bytes(b"".join(line + b"\n" for line in lines))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    by_offset = {entry[3]: name for name, entry in state["articles"].items()}
    for number, (offset, line) in enumerate(zip(sorted(by_offset), lines, strict=True)):
        entry = state["articles"][by_offset[offset]]
        entry[3], entry[4] = offsets[number], len(line)
        entry[2] = hashlib.sha256(line).hexdigest()[:24]
    state_file.write_text(json.dumps(state))


def _dependencies(project: Path) -> Dependencies:
    config = load_config(project / "config.yaml")
    deps = Dependencies(project, config, {}, {"strict": False, "drafts": False})
    deps.load(len(find_article_files(project / "content", project)))
    return deps


@pytest.mark.parametrize("name", sorted(JSON_TAMPERING))
def test_a_tampered_json_cache_is_not_used(name: str, project: Path, tmp_path: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    file, change = JSON_TAMPERING[name]
    if file == LOG:
        _tamper_first_record(project, change)
    else:
        cache_file = project / CACHE_DIR / file
        cache_file.write_text(json.dumps(change(json.loads(cache_file.read_text()))))
    _edit_one_article(project)
    files = find_article_files(project / "content", project)
    names = sorted(p.relative_to(project).as_posix() for p in files)
    deps = _dependencies(project)
    deps.plan(files)
    assert deps.state is None or deps.records(names) is None
    assert run_cli(["build", "-q"], project).exit_code == 0
    cold = _cold_copy(project, tmp_path)
    assert snapshot(project / "site") == snapshot(cold / "site")
    assert snapshot(project / "content") == snapshot(cold / "content")


def test_the_tampering_helper_keeps_an_untouched_cache_usable(project: Path) -> None:
    # The helper rewrites offsets and versions: with no change made, the records must still read.
    assert run_cli(["build", "-q"], project).exit_code == 0
    _tamper_first_record(project, lambda record: record)
    files = find_article_files(project / "content", project)
    names = sorted(p.relative_to(project).as_posix() for p in files)
    deps = _dependencies(project)
    deps.plan(files)
    records = deps.records(names)
    assert records is not None and sorted(records) == names


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _folder(path: Path) -> None:
    path.unlink()
    (path / "inside").mkdir(parents=True)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _huge(path: Path) -> None:
    with path.open("r+b") as fh:  # sparse: takes no disk space, but would take memory to read
        fh.truncate(64 << 30)


def _link_elsewhere(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere.json"
    os.replace(path, elsewhere)
    path.symlink_to(elsewhere)


def _deep(path: Path) -> None:
    path.write_text("[" * 200_000 + "]" * 200_000)


def _long_number(path: Path) -> None:
    path.write_text('{"format": ' + "9" * 50_000 + "}")


def _not_utf8(path: Path) -> None:
    path.write_bytes(b'{"format": "\xff\xfe"}')


def _nan_key(path: Path) -> None:
    text = path.read_text()
    changed = re.sub(r":-?[0-9]+", ":NaN", text, count=1)
    assert changed != text
    path.write_text(changed)


FILE_TAMPERING: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate, "a folder": _folder, "a FIFO": _fifo, "64 GB": _huge,
    "a link out of the cache": _link_elsewhere,
    "nested 200,000 deep": _deep, "a 50,000-digit number": _long_number, "not UTF-8": _not_utf8, "NaN": _nan_key,
}
"""What may sit where a cache file should be, none of which may hang, crash or be trusted."""


@pytest.mark.parametrize("file", [STATE_FILE, INDEX_FILE, LOG])
@pytest.mark.parametrize("name", sorted(FILE_TAMPERING))
def test_a_cache_file_that_is_not_ours_means_a_cold_build(name: str, file: str, project: Path, tmp_path: Path
                                                          ) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    FILE_TAMPERING[name](_log(project) if file == LOG else project / CACHE_DIR / file)
    _edit_one_article(project)
    assert run_cli(["build", "-q"], project).exit_code == 0
    cold = _cold_copy(project, tmp_path)
    assert snapshot(project / "site") == snapshot(cold / "site")
    assert snapshot(project / "content") == snapshot(cold / "content")


def test_cached_articles_read_back_equal_to_the_ones_stored(project: Path) -> None:
    (project / "content" / "dated.md").write_text(
        "---\ntitle: Dated\ndate: 2023-05-02 10:30:00+02:00\nextra: {when: 2023-05-01, count: 3}\n---\n"
        "Talks resumed on Monday.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    names = sorted(p.relative_to(project).as_posix() for p in find_article_files(project / "content", project))
    deps = _dependencies(project)
    deps.plan(find_article_files(project / "content", project))
    cached = deps.records(names)
    assert cached is not None and sorted(cached) == names
    dated = cached["content/dated.md"].article
    assert dated.date == dt.date(2023, 5, 2)
    assert dated.meta["extra"] == {"when": dt.date(2023, 5, 1), "count": 3}
    assert cached["content/dated.md"].outcome.block is dated.machine
    run = run_cli(["build"], project)
    assert run.exit_code == 0 and "front matter written for 0" in run.stdout
