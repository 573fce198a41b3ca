"""Bad and hostile input: a clear `path:line: message`, exit 1, and content/ and site/ left exactly as they were.

Cases with `exit: 0` are accepted with warnings: stderr is exactly `warnings`, content/ is byte-identical
but for the files given in `written` (their exact new text, less the lines inside the machine block, which
depend on the analysis), and the site has the `pages` listed.

`remove` deletes paths first and `folders` makes folders; in `files` and `written`, `<<9*200000>>` stands
for that character repeated that many times. `special` makes files that text cannot: `fifo`, `socket`,
`device` (a character device, as root only), `loop` (a link to itself) or `link:TARGET` (a symbolic
link). A build that opened a pipe would wait forever, so those cases run under an alarm.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import stat
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


def make_special(path: Path, kind: str) -> None:
    """A file of a kind that is not text: a named pipe, a socket, a device, or a symbolic link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device file needs root")
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # what /dev/zero is: endless
    elif kind == "loop":
        path.symlink_to(path.name)
    else:
        path.symlink_to(kind.removeprefix("link:"))


def expand(text: str) -> str:
    """The text with each `<<C*N>>` replaced by the character C repeated N times."""
    return re.sub(r"<<(.)\*(\d+)>>", lambda m: m.group(1) * int(m.group(2)), text)


def _hung(signum: int, frame: object) -> None:
    raise TimeoutError("the build hung")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any], project: Path) -> None:
    assert run_cli(["build", "-q"], project).exit_code == 0
    for name in case.get("remove") or []:
        shutil.rmtree(project / name) if (project / name).is_dir() else (project / name).unlink()
    for name in case.get("folders") or []:
        (project / name).mkdir(parents=True)
    for name, kind in (case.get("special") or {}).items():
        make_special(project / name, kind)
    if "special" in case:
        signal.signal(signal.SIGALRM, _hung)
        signal.alarm(60)
    for name, text in (case.get("files") or {}).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(expand(text), encoding="utf-8")
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
    try:
        run = run_cli(["build", *case.get("args", [])], project)
    finally:
        signal.alarm(0)
    assert run.exit_code == case.get("exit", 1)
    if run.exit_code == 0:
        assert run.stderr.splitlines() == case["warnings"]
        written = {name.removeprefix("content/"): expand(text).encode()
                   for name, text in (case.get("written") or {}).items()}
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
