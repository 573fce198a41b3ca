"""Shared test helpers: snapshots of folders and running the CLI in-process."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

TESTS = Path(__file__).parent
GOLDEN_PROJECT = TESTS / "golden" / "project"
SHARED = TESTS.parent.parent / "shared"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (empty when the folder does not exist)."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: Path) -> Run:
    """Run `briefgen ARGS` in-process in folder `cwd`."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A copy of the golden project in a temporary folder."""
    root = tmp_path / "project"
    shutil.copytree(GOLDEN_PROJECT, root)
    yield root
