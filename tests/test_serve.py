"""`briefgen serve`: builds, serves with a reload script, rebuilds on change, shows errors without crashing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import run_cli

from briefgen.serve import ServeState

REPO = Path(__file__).parent.parent


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


@pytest.mark.slow
def test_serve_rebuilds_reloads_and_reports_errors(project: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "serve", "--port", "0"], cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("serving ")
        url = line.split(" at ")[1].split()[0]
        page = get(url)
        assert "/__briefgen/status" in page
        assert "/__briefgen/status" not in (project / "site" / "index.html").read_text()
        status = json.loads(get(url + "__briefgen/status"))
        assert status["build"] >= 1 and status["error"] == ""
        assert status["warnings"] == ("content/border-exercise.txt:1: warning: no publication date: relative dates "
                                      "cannot be resolved")

        article = project / "content" / "served.md"
        article.write_text("---\ntitle: Served live\ndate: 2023-05-08\n---\nHello.\n")
        # the site is swapped in before the build reports: wait for the report, not only the page
        wait_for(lambda: json.loads(get(url + "__briefgen/status"))["build"] > status["build"])
        assert "Served live" in get(url)
        time.sleep(1.5)  # serve never writes front matter into the file being edited
        assert article.read_text() == "---\ntitle: Served live\ndate: 2023-05-08\n---\nHello.\n"

        with pytest.raises(urllib.error.HTTPError) as missing:
            get(url + "no/such/page.html")
        assert missing.value.code == 404
        assert "/__briefgen/status" in missing.value.read().decode()

        (project / "templates" / "index.html").write_text("{% extends 'base.html' %}{% block content %}{{ x }\n")
        wait_for(lambda: json.loads(get(url + "__briefgen/status"))["error"] != "")
        error = json.loads(get(url + "__briefgen/status"))["error"]
        assert error.startswith("templates/index.html:1: template error:")
        assert "Served live" in get(url)  # the previous site stays up

        (project / "templates" / "index.html").unlink()
        wait_for(lambda: json.loads(get(url + "__briefgen/status"))["error"] == "")
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_on_a_port_in_use_says_so_before_building(project: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_cli(["serve", "--port", str(port)], project)
    assert run.exit_code == 1
    assert run.stderr == f"port {port} is in use: try --port {port + 1} or --port 0\n"
    assert not (project / "site").exists()


def test_a_status_request_with_since_waits_for_the_next_build() -> None:
    state = ServeState()
    state.finished("")
    answers: list[dict[str, object]] = []
    waiter = threading.Thread(target=lambda: answers.append(state.snapshot(since=1, timeout=30)))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive() and not answers  # nothing new yet: the request waits
    state.finished("content/x.md:1: broken")
    waiter.join(30)
    assert answers == [{"build": 1, "error": "content/x.md:1: broken", "warnings": "", "version": 2}]
    assert state.snapshot(since=0) == answers[0]  # an older version answers at once
