"""Headless Chromium (Debian's, driven by Playwright), the built sites served on 127.0.0.1, and pages
that record every console error, failed request and request to anywhere but the site's own server."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from built_sites import REPO, build_site, built_project
from corpus_project import NEWS_ARTICLES, news_corpus_missing, write_news_project

from briefgen.config import load_config

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response, Route, WebError

CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))
"""Debian's chromium package; Playwright's own browser downloads are impossible here."""
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium, or a skip that says what is missing.

    Playwright's launch() gives every run a fresh temporary user-data-dir of its own and removes it after.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]'): browser tests skipped")
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set BRIEFGEN_CHROMIUM): "
                    "browser tests skipped")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@dataclass(frozen=True)
class BuiltSite:
    """A built site and the URL it is served at."""

    folder: Path
    url: str


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves a site folder under its base path, like a static host: the site's 404.html for a missing file."""

    def __init__(self, *args: Any, base_path: str, **kwargs: Any) -> None:
        self.base_path = base_path  # set first: the base class handles the request inside __init__
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / ".not-under-the-base-path")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file() or self.command != "GET":
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(folder: Path, base_path: str = "/") -> Iterator[str]:
    """Serve `folder` at `base_path` on 127.0.0.1, a free port, in a thread; yield the site's URL (ending in /)."""
    handler = functools.partial(SiteRequestHandler, directory=str(folder), base_path=base_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


def served_project(name: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """Build project `name` in a copy and serve it at the path of its base_url, as it will be published."""
    folder = built_project(name, tmp_path_factory.mktemp("browser"))
    base_path = urlsplit(load_config(folder.parent / "config.yaml").base_url).path.rstrip("/") + "/"
    with served(folder, base_path) as url:
        yield BuiltSite(folder, url)


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The repository's own project, built in a copy and served."""
    yield from served_project("repo", tmp_path_factory)


@pytest.fixture(scope="session")
def news_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The repository's project plus NEWS_ARTICLES real Wikinews articles of ../shared/corpus (read now,
    written only into a temporary folder), built once per session and served."""
    missing = news_corpus_missing()
    if missing:
        pytest.skip(f"{missing}: the checks on a site of real articles are skipped")
    root = write_news_project(tmp_path_factory.mktemp("browser") / "news", NEWS_ARTICLES)
    folder = build_site(root)
    base_path = urlsplit(load_config(root / "config.yaml").base_url).path.rstrip("/") + "/"
    with served(folder, base_path) as url:
        yield BuiltSite(folder, url)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """tests/hostile/project, whose articles carry script payloads everywhere, built in a copy and served."""
    yield from served_project("hostile", tmp_path_factory)


@dataclass
class Watch:
    """What went wrong while pages of one browser context loaded (not frozen: Playwright tags its handlers)."""

    origin: str
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} (at {message.location.get('url', '?')})")

    def on_error(self, error: WebError) -> None:
        self.problems.append(f"uncaught exception: {error.error.message}")

    def on_failed(self, request: Request) -> None:
        # ERR_ABORTED: the test moved on to the next page while this one was still fetching (search's worker).
        if request.url.startswith(self.origin) and request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url}: {request.failure}")

    def on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def guard(self, route: Route) -> None:
        """Let requests to the site's own server through; refuse and record everything else."""
        if route.request.url.startswith(self.origin):
            route.continue_()
        else:
            self.problems.append(f"request outside the site's server: {route.request.url}")
            route.abort()

    def take(self) -> list[str]:
        """The problems recorded so far, forgetting them."""
        taken = list(self.problems)
        self.problems.clear()
        return taken


OpenPage = Callable[..., "tuple[Page, Watch]"]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """A factory: open_page(site, **context options) gives a new page in a fresh context, and its Watch."""
    contexts: list[BrowserContext] = []

    def open_one(site: BuiltSite, **options: Any) -> tuple[Page, Watch]:
        context = browser.new_context(**options)
        contexts.append(context)
        watch = Watch(site.url)
        context.route("**/*", watch.guard)
        context.on("console", watch.on_console)
        context.on("weberror", watch.on_error)
        context.on("requestfailed", watch.on_failed)
        context.on("response", watch.on_response)
        page = context.new_page()
        page.on("dialog", lambda dialog: (watch.dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
        return page, watch

    yield open_one
    for context in contexts:
        context.close()


SEARCH_BOX = "main input[type=search], main input[type=text], input[type=search]"
SEARCH_TIMEOUT_MS = 10_000


def search(page: Page, site: BuiltSite, query: str) -> list[str]:
    """Type `query` into search.html's search box; the absolute URLs of the result links that appear, in order."""
    page.goto(site.url + "search.html")
    box = page.locator(SEARCH_BOX).first
    box.wait_for(timeout=SEARCH_TIMEOUT_MS)
    links = "links => links.map(a => a.href)"
    before = set(page.locator("a[href]").evaluate_all(links))
    box.fill(query)
    page.wait_for_function(
        "before => Array.from(document.querySelectorAll('main a[href]')).some(a => !before.includes(a.href))",
        arg=sorted(before), timeout=SEARCH_TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    return [href for href in page.locator("main a[href]").evaluate_all(links) if href not in before]
