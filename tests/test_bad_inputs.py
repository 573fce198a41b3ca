"""Bad and hostile input: a clear `path:line: message`, exit 1, and content/ and site/ left exactly as they were.

Cases with `exit: 0` are accepted with warnings: stderr is exactly `warnings`, content/ is byte-identical
but for the files given in `written` (their exact new text, less the lines inside the machine block, which
depend on the analysis), and the site has the `pages` listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import run_cli, snapshot

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "bad_inputs.yaml").read_text(encoding="utf-8"))


def without_block_lines(data: bytes) -> bytes:
    """The file without the lines inside the machine block (those indented deeper than its key line)."""
    lines = data.decode().splitlines(keepends=True)
    key = next(i for i, line in enumerate(lines) if line.lstrip().startswith("briefgen:"))
    depth = len(lines[key]) - len(lines[key].lstrip())
    end = next(i for i in range(key + 1, len(lines)) if len(lines[i]) - len(lines[i].lstrip()) <= depth)
    return "".join(lines[: key + 1] + lines[end:]).encode()


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
    if run.exit_code == 0:
        assert run.stderr.splitlines() == case["warnings"]
        written = {name.removeprefix("content/"): text.encode() for name, text in (case.get("written") or {}).items()}
        after = snapshot(project / "content")
        assert {name: without_block_lines(after[name]) for name in written} == written
        assert {k: v for k, v in after.items() if k not in written} == {
            k: v for k, v in content.items() if k not in written}
        assert all((project / "site" / page).is_file() for page in case["pages"])
        return
    assert run.stderr.splitlines()[:-1] == case["errors"]
    assert run.stderr.splitlines()[-1].endswith("nothing was changed")
    assert snapshot(project / "content") == content
    assert snapshot(project / "site") == site
