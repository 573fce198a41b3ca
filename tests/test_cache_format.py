"""The build cache is JSON that cannot run code; anything but what briefgen wrote means a cold build.

The cache is state.json, index.json and a log of article records (briefgen/dependencies.py). A tampered
record is written back with its offset, length and version in index.json made to match, as a crafted
cache would be: what refuses it is the check of every value, not a digest.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import GOLDEN_PROJECT, run_cli, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.cache_format import value_from_json, value_to_json
from briefgen.config import load_config
from briefgen.content import scan_content
from briefgen.dependencies import CACHE_DIR, INDEX_FILE, STATE_FILE, Dependencies, forget_held_records

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


def _edit_one_article(project: Path) -> None:
    article = project / "content" / "ceasefire-talks.md"
    article.write_text(article.read_text().replace("talks", "negotiations", 1))


@dataclass(frozen=True)
class Builds:
    """A built project with its cache, and what a cold build makes after one article is edited."""

    built: Path
    site: dict[str, bytes]
    content: dict[str, bytes]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    base = tmp_path_factory.mktemp("builds")
    built = base / "built"
    shutil.copytree(GOLDEN_PROJECT, built)
    assert run_cli(["build", "-q"], built).exit_code == 0
    cold = base / "cold"
    shutil.copytree(built, cold, ignore=shutil.ignore_patterns("site", CACHE_DIR))
    _edit_one_article(cold)
    assert run_cli(["build", "-q"], cold).exit_code == 0
    return Builds(built, snapshot(cold / "site"), snapshot(cold / "content"))


def _copy(builds: Builds, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(builds.built, project, symlinks=True)
    return project


def _rebuild_matches_a_cold_build(project: Path, builds: Builds, edited: bool = False) -> None:
    if not edited:
        _edit_one_article(project)
    assert run_cli(["build", "-q"], project).exit_code == 0
    assert snapshot(project / "site") == builds.site
    assert snapshot(project / "content") == builds.content


def test_a_crafted_pickle_in_the_cache_is_never_loaded(builds: Builds, tmp_path: Path) -> None:
    project = _copy(builds, tmp_path)
    marker = tmp_path / "code-ran"
    payload = pickle.dumps(_Mkdir(marker))
    for name in ("state.pickle", "articles.pickle", STATE_FILE, INDEX_FILE, _log(project).name):
        (project / CACHE_DIR / name).write_bytes(payload)
    _rebuild_matches_a_cold_build(project, builds)
    assert not marker.exists()


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
    "a figure of the wrong type": (LOG, _set(["block", "plain", "figures", "troops"], [5])),
    "a block that is not a mapping": (LOG, _set(["block"], {"plain": [1, 2]})),
    "an article stored under another file's name": (LOG, _set(["article", "path"], "../../elsewhere.md")),
    "a sentence span of one number": (LOG, _set(["sentences"], [[1]])),
    "a date that is not a date": (LOG, _set(["article", "date"], "2022-02-30")),
}
"""Valid JSON, wrong content: each must be refused as a whole."""


def _log(project: Path) -> Path:
    return project / CACHE_DIR / json.loads((project / CACHE_DIR / STATE_FILE).read_text())["log"]


def _tamper_first_record(project: Path, change: Callable[[Any], Any]) -> None:
    """Change the first record of the log and make index.json agree with the new bytes (offsets, version)."""
    index_file = project / CACHE_DIR / INDEX_FILE
    index = json.loads(index_file.read_text())
    log = _log(project)
    lines = log.read_bytes().split(b"\n")[:-1]
    lines[0] = json.dumps(change(json.loads(lines[0])), separators=(",", ":")).encode()
    log.write_bytes(b"".join(line + b"\n" for line in lines))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    by_offset = {entry[3]: name for name, entry in index["articles"].items()}
    for number, (offset, line) in enumerate(zip(sorted(by_offset), lines, strict=True)):
        entry = index["articles"][by_offset[offset]]
        entry[3], entry[4] = offsets[number], len(line)
        entry[2] = hashlib.sha256(line).hexdigest()[:24]
    index_file.write_text(json.dumps(index))


def _dependencies(project: Path) -> tuple[Dependencies, list[str]]:
    """The project's dependency record as a build sees it once it has planned, and its article names."""
    forget_held_records()  # what this test process built before would otherwise stand in for the log
    scan = scan_content(project / "content", project)
    deps = Dependencies(project, load_config(project / "config.yaml"), {}, {"strict": False, "drafts": False})
    deps.load(len(scan.names))
    deps.plan(scan)
    return deps, sorted(scan.names)


@pytest.mark.parametrize("name", sorted(JSON_TAMPERING))
def test_a_tampered_json_cache_is_not_used(name: str, builds: Builds, tmp_path: Path) -> None:
    project = _copy(builds, tmp_path)
    file, change = JSON_TAMPERING[name]
    if file == LOG:
        _tamper_first_record(project, change)
    else:
        cache_file = project / CACHE_DIR / file
        cache_file.write_text(json.dumps(change(json.loads(cache_file.read_text()))))
    _edit_one_article(project)
    deps, names = _dependencies(project)
    assert deps.state is None or deps.records(names) is None
    _rebuild_matches_a_cold_build(project, builds, edited=True)


def test_the_tampering_helper_keeps_an_untouched_cache_usable(builds: Builds, tmp_path: Path) -> None:
    # The helper rewrites offsets and versions: with no change made, the records must still read.
    project = _copy(builds, tmp_path)
    _tamper_first_record(project, lambda record: record)
    _edit_one_article(project)
    deps, names = _dependencies(project)
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
def test_a_cache_file_that_is_not_ours_means_a_cold_build(name: str, file: str, builds: Builds, tmp_path: Path
                                                          ) -> None:
    project = _copy(builds, tmp_path)
    FILE_TAMPERING[name](_log(project) if file == LOG else project / CACHE_DIR / file)
    _rebuild_matches_a_cold_build(project, builds)


def test_cached_articles_read_back_equal_to_the_ones_stored(project: Path) -> None:
    (project / "content" / "dated.md").write_text(
        "---\ntitle: Dated\ndate: 2023-05-02 10:30:00+02:00\nextra: {when: 2023-05-01, count: 3}\n---\n"
        "Talks resumed on Monday.\n")
    assert run_cli(["build", "-q"], project).exit_code == 0
    _edit_one_article(project)  # else the record answers "nothing to do" from state.json alone
    deps, names = _dependencies(project)
    cached = deps.records(names)
    assert cached is not None and sorted(cached) == names
    dated = cached["content/dated.md"].article
    assert dated.date == dt.date(2023, 5, 2)
    assert dated.meta["extra"] == {"when": dt.date(2023, 5, 1), "count": 3}
    assert cached["content/dated.md"].outcome.block is dated.machine
    run = run_cli(["build"], project)
    assert run.exit_code == 0 and "front matter written for 0" in run.stdout


NOT_ANALYSIS = {"article", "dependencies", "cache_format", "config", "content", "errors", "frontmatter",
                "project_lock", "safe_yaml", "site", "site/urls", "write_back"}
"""Modules the analysers load that do not decide what an analysis holds (data types, I/O, config reading)."""


def test_every_module_the_analysis_runs_is_part_of_the_analysis_digest() -> None:
    import subprocess
    import sys
    from pathlib import Path

    from briefgen.dependencies import ANALYSIS_CODE, PACKAGE

    loaded = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom briefgen.analyse import load_analysers\nload_analysers()\n"
         "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('briefgen.') and m.__file__))"],
        capture_output=True, text=True, check=True).stdout.split()
    covered = {path for pattern in ANALYSIS_CODE for path in PACKAGE.glob(pattern)}
    for file in loaded:
        path = Path(file)
        relative = path.relative_to(PACKAGE).with_suffix("").as_posix().removesuffix("/__init__")
        if relative not in NOT_ANALYSIS:
            assert path in covered, f"{relative}.py decides analyses but a change to it would not renew them"
