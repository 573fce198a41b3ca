"""The command line, run in-process: exit codes, --help, --version, extract's contract, init."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import SHARED, run_cli, snapshot

from briefgen import __version__

SEED = SHARED / "seed"


def test_version() -> None:
    run = run_cli(["--version"], Path.cwd())
    assert run.exit_code == 0
    assert run.stdout.strip() == f"briefgen, version {__version__}"


@pytest.mark.parametrize("command", [[], ["build"], ["extract"], ["init"], ["serve"]])
def test_every_command_has_help(command: list[str]) -> None:
    run = run_cli([*command, "--help"], Path.cwd())
    assert run.exit_code == 0
    assert "Usage: " in run.stdout


def test_usage_error_exits_2(tmp_path: Path) -> None:
    assert run_cli(["build", "--no-such-option"], tmp_path).exit_code == 2
    assert run_cli(["extract", "--format", "xml"], tmp_path).exit_code == 2


def assert_contract(record: dict[str, object], body: str) -> None:
    assert set(record) >= {"path", "title", "date", "summary", "figures"}
    figures = record["figures"]
    assert isinstance(figures, dict) and set(figures) == {"troops", "dates", "officials"}
    summary = record["summary"]
    assert isinstance(summary, list)
    positions = [body.index(s) for s in summary]
    assert positions == sorted(positions)
    for kind in ("troops", "dates"):
        for fact in figures[kind]:
            assert body[fact["start"] : fact["end"]] == fact["text"]
    for official in figures["officials"]:
        for start, end in official["mentions"]:
            assert body[start:end] in [official["name"], *official["variants"]] or body[start:end].startswith(
                tuple(official["name"].split())
            )


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/seed is not beside the repository")
def test_extract_seed_prints_the_contract_and_writes_nothing(tmp_path: Path) -> None:
    before = snapshot(SEED)
    run = run_cli(["extract", str(SEED), "--format", "json"], tmp_path)
    assert run.exit_code == 0, run.stderr
    records = json.loads(run.stdout)
    assert len(records) == 1
    body = next(SEED.iterdir()).read_text(encoding="utf-8")
    assert_contract(records[0], body)
    assert records[0]["date"] is None
    assert snapshot(SEED) == before
    assert list(tmp_path.iterdir()) == []


def test_extract_yaml_and_default_folder(project: Path) -> None:
    before = snapshot(project)
    run = run_cli(["extract", "--format", "yaml"], project)
    assert run.exit_code == 0, run.stderr
    records = yaml.safe_load(run.stdout)
    assert [r["path"] for r in records] == ["content/border-exercise.txt", "content/ceasefire-talks.md",
                                            "content/draft-note.md"]
    assert records[1]["date"] == "2023-05-04"
    assert snapshot(project) == before


def test_init_creates_a_project_that_builds(tmp_path: Path) -> None:
    run = run_cli(["init", "brief"], tmp_path)
    assert run.exit_code == 0, run.stderr
    root = tmp_path / "brief"
    assert sorted(snapshot(root)) == [".gitignore", "config.yaml", "content/sample-article.md", "templates/README.md"]
    build = run_cli(["build"], root)
    assert build.exit_code == 0, build.stderr
    assert (root / "site" / "articles" / "sample-article.html").is_file()
    assert run_cli(["init", "brief"], tmp_path).exit_code == 1
