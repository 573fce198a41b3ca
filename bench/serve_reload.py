"""Time from saving an article to the reloaded page under `briefgen serve`.

The project is served by `python -m briefgen serve --port 0`; an article page is open in headless
Chromium (Debian's, driven by Playwright) with the reload script that `serve` adds. Each edit adds
a new word to the article's body, and the figure is the time from writing the file to the `load`
event of the reloaded page that shows the word. Without Playwright or Chromium the page is
emulated over HTTP instead: wait on the status endpoint as the reload script does, then fetch the
page; the browser's own reload time is then left out, and the result says which was used.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
STATUS = "__briefgen/status"
TIMEOUT_S = 120.0


def get(url: str, timeout: float = TIMEOUT_S) -> bytes:
    """The body of a GET request."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return bytes(response.read())


def status(url: str, since: int | None = None) -> dict[str, Any]:
    """The server's build status; with `since`, once a build newer than that version has finished."""
    query = f"?since={since}" if since is not None else ""
    answer: dict[str, Any] = json.loads(get(url + STATUS + query))
    return answer


def settle(url: str, quiet_s: float = 1.0) -> dict[str, Any]:
    """Wait until no build has finished for `quiet_s` (the write-back of an edit triggers one more build)."""
    current = status(url)
    while True:
        time.sleep(quiet_s)
        later = status(url)
        if later["version"] == current["version"]:
            return later
        current = later


@contextmanager
def serving(command: list[str], project: Path, env: dict[str, str]) -> Iterator[str]:
    """Run `briefgen serve` in the project until the block ends; yield its URL."""
    log = open(os.environ.get("BENCH_SERVE_LOG", os.devnull), "w")  # noqa: SIM115
    proc = subprocess.Popen([*command, "serve", "--port", "0"], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("serving "):
            raise RuntimeError(f"briefgen serve did not start: {line!r}")
        yield line.split(" at ")[1].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def edit_with_word(path: Path, word: str) -> None:
    """Add `word` to the first sentence of the body (the front matter, briefgen's block included, stays)."""
    text = path.read_text(encoding="utf-8")
    head_end = text.index("\n---\n", 4) + len("\n---\n")
    head, body = text[:head_end], text[head_end:]
    cut = body.index(". ") if ". " in body else len(body.rstrip())
    path.write_text(head + body[:cut] + f", {word} said" + body[cut:], encoding="utf-8")


def reloads_in_chromium(url: str, page_path: str, article: Path, count: int) -> list[float] | None:
    """Seconds from each save to the reloaded page in Chromium; None when Playwright or Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.is_file():
        return None
    seconds: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.goto(url + page_path)
        for i in range(count):
            settle(url)
            page.wait_for_timeout(200)  # the page's status request is waiting again
            word = f"reloadmark{i}x{os.getpid()}"
            # wait for the reload from before the save: a fast rebuild reloads the page before a wait set after
            with page.expect_event("load", timeout=TIMEOUT_S * 1000):
                started = time.perf_counter()
                edit_with_word(article, word)
            deadline = started + TIMEOUT_S
            while word not in page.content():  # a reload for an earlier change: wait for the next one
                page.wait_for_event("load", timeout=max(1.0, deadline - time.perf_counter()) * 1000)
            seconds.append(time.perf_counter() - started)
        browser.close()
    return seconds


def reloads_over_http(url: str, page_path: str, article: Path, count: int) -> list[float]:
    """Seconds from each save to the fetched page that shows the change, waiting as the reload script does."""
    seconds: list[float] = []
    for i in range(count):
        seen = settle(url)
        word = f"reloadmark{i}x{os.getpid()}"
        started = time.perf_counter()
        edit_with_word(article, word)
        answer = status(url, seen["version"])
        while answer["build"] == seen["build"] or answer["error"]:
            answer = status(url, answer["version"])
        if word.encode() not in get(url + page_path):
            raise RuntimeError(f"the page {page_path} does not show the edit after the reload")
        seconds.append(time.perf_counter() - started)
    return seconds


def measure_reloads(command: list[str], env: dict[str, str], project: Path, article: Path, page_path: str,
                    count: int, say: Callable[[str], None]) -> dict[str, Any]:
    """Serve the project, edit `article` `count` times, and time each save to the reloaded page."""
    with serving(command, project, env) as url:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0
        seconds = reloads_in_chromium(url, page_path, article, count)
        how = "chromium"
        if seconds is None:
            seconds, how = reloads_over_http(url, page_path, article, count), "http"
    say(f"  serve save-to-reload ({how}): " + " ".join(f"{s:.2f}" for s in seconds) + f" s, load before {load:.1f}")
    return {"seconds": seconds, "how": how, "load_before": load}
