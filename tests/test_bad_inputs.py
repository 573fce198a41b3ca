"""Bad and hostile input: a clear `path:line: message`, exit 1, and content/ and site/ left exactly as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli, snapshot

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "bad_inputs.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any], project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    for name, text in (case.get("files") or {}).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    for name, data in (case.get("bytes") or {}).items():
        (project / name).write_bytes(data)
    for name, size in (case.get("generate") or {}).items():
        line = b"Officials said talks would resume on Monday in Geneva.\n"
        (project / name).write_bytes((line * (size // len(line) + 1))[:size])
    if "config" in case:
        (project / "config.yaml").write_text(case["config"], encoding="utf-8")
    if "config_bytes" in case:
        (project / "config.yaml").write_bytes(case["config_bytes"])
    content, site = snapshot(project / "content"), snapshot(project / "site")
    run = run_cli(["build", *case.get("args", [])], project)
    assert run.exit_code == case.get("exit", 1)
    assert run.stderr.splitlines()[:-1] == case["errors"]
    assert run.stderr.splitlines()[-1].endswith("nothing was changed")
    assert snapshot(project / "content") == content
    assert snapshot(project / "site") == site
