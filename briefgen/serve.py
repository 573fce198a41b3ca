"""`briefgen serve`: build, serve site/ on localhost, rebuild on changes, reload the open page.

The reload script is added to pages as they are served, never to the files in site/.
A failed build keeps the previous site on screen and shows the errors over it.
"""

from __future__ import annotations

import errno
import json
import socket
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from briefgen.config import Config
from briefgen.errors import BriefgenError, Problem

STATUS_PATH = "/__briefgen/status"
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null, version = -1;
  var dismissed = "";
  function overlay(text, heading, colours) {
    var box = document.getElementById("briefgen-errors");
    if (!text || text === dismissed) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "briefgen-errors";
      box.setAttribute("role", "alert");
      box.title = "click to hide";
      box.onclick = function () { dismissed = box.dataset.text; box.remove(); };
      document.body.appendChild(box);
    }
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
      colours + ";font:14px/1.4 ui-monospace,monospace;z-index:9999;white-space:pre-wrap;cursor:pointer";
    box.dataset.text = text;
    box.textContent = heading + "\\n" + text;
  }
  // A long poll: the server answers as soon as a build finishes (or after a while with nothing new).
  function poll() {
    var answer = fetch("STATUS_PATH?since=" + version, {cache: "no-store"});
    answer.then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen && !s.error) { location.reload(); return; }
      seen = s.build;
      version = s.version;
      if (s.error) { overlay(s.error, "briefgen build failed:", "background:#7a1010;color:#fff"); }
      else { overlay(s.warnings, "briefgen build warnings (click to hide):", "background:#fff3bf;color:#222"); }
      poll();
    }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>
""".replace("STATUS_PATH", STATUS_PATH)


LONG_POLL_SECONDS = 25.0
"""How long a status request waits for a build before answering with nothing new."""


@dataclass
class ServeState:
    """The latest build's number, errors and warnings, shared by the watcher and the request handlers."""

    build: int = 0
    """Successful builds that changed the site: the open page reloads when this moves."""
    error: str = ""
    warnings: str = ""
    version: int = 0
    """Builds tried so far, successful or not: a status request waits for this to pass what it saw."""
    changed: threading.Condition = field(default_factory=threading.Condition)

    def finished(self, error: str, warnings: str = "", site_changed: bool = True) -> None:
        """Record a build's outcome and wake the waiting status requests."""
        with self.changed:
            if not error and site_changed:
                self.build += 1
            self.error = error
            if not error:
                self.warnings = warnings
            self.version += 1
            self.changed.notify_all()

    def snapshot(self, since: int | None = None, timeout: float = LONG_POLL_SECONDS) -> dict[str, Any]:
        """What the status endpoint answers; with `since`, once a build after that version has finished."""
        with self.changed:
            if since is not None:
                self.changed.wait_for(lambda: self.version > since, timeout=timeout)
            return {"build": self.build, "error": self.error, "warnings": self.warnings, "version": self.version}


def rebuild(config_loader: Callable[[], Config], state: ServeState, say: Callable[[str], None],
            show: Callable[[Problem], None], drafts: bool = False) -> Config | None:
    """Build once (never writing into content/), recording success or the errors; never raises for input errors."""
    from briefgen.build import build_project

    try:
        config = config_loader()
        # the pages first, so that the open page reloads as soon as they are in place; the search index after
        report = build_project(config, write=False, drafts=drafts, search_later=config.search)
    except BriefgenError as exc:
        for problem in exc.problems:
            show(problem)
        state.finished("\n".join(str(p) for p in exc.problems))
        return None
    for warning in report.warnings:
        show(warning)
    say(report.summary_line())
    # A save that changes no page (a touch, an edit undone) does not reload the page.
    state.finished("", "\n".join(str(w) for w in report.warnings),
                   site_changed=report.changed_files > 0 or state.build == 0)
    if config.search:
        try:
            searched = build_project(config, write=False, drafts=drafts)
        except BriefgenError as exc:  # the pages are up: only the search index is behind
            for problem in exc.problems:
                show(problem)
            return config
        for warning in searched.warnings:
            if warning not in report.warnings:
                show(warning)
    return config


class PortInUse(Exception):
    """The port asked for is taken by another program."""


class BriefgenServer(ThreadingHTTPServer):
    """The HTTP server, holding the state of the latest build for its request handlers."""

    state: ServeState


class _Handler(SimpleHTTPRequestHandler):
    server: BriefgenServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        route, _, query = self.path.partition("?")
        if route == STATUS_PATH:
            since = parse_qs(query).get("since", [""])[0]
            answer = self.server.state.snapshot(int(since) if since.lstrip("-").isdigit() else None)
            self._send(json.dumps(answer).encode(), "application/json")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send_page(path, 200)
            return
        if not path.exists() and (Path(self.directory) / "404.html").is_file():
            self._send_page(Path(self.directory) / "404.html", 404)
            return
        super().do_GET()

    def _send_page(self, path: Path, status: int) -> None:
        page = path.read_text(encoding="utf-8", errors="replace")
        page = page.replace("</body>", RELOAD_SCRIPT + "</body>", 1)
        self._send(page.encode("utf-8"), "text/html; charset=utf-8", status)

    def _send(self, data: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


def watched_paths(config: Config) -> list[Path]:
    """content/, templates/ and config.yaml: what a rebuild depends on."""
    paths = [config.content_dir, config.templates_dir]
    if config.path is not None:
        paths.append(config.path)
    return [p for p in paths if p.exists()]


def _visible(_change: Any, path: str) -> bool:
    """Ignore hidden files: temporary files of briefgen's own atomic writes, editor swap files."""
    return not Path(path).name.startswith(".")


def open_server(site_dir: Path, host: str, port: int) -> BriefgenServer:
    """Take the port before building, so that a port in use is said at once, not after a long build."""
    try:
        server = BriefgenServer((host, port), partial(_Handler, directory=str(site_dir)))
        server.state = ServeState()
        return server
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(f"port {port} is in use: try --port {port + 1} or --port 0") from exc
        if exc.errno in (errno.EADDRNOTAVAIL, errno.EACCES) or isinstance(exc, socket.gaierror):
            raise PortInUse(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
        raise


def serve(config_loader: Callable[[], Config], server: BriefgenServer, say: Callable[[str], None],
          ready: Callable[[str], None] | None = None, stop: threading.Event | None = None,
          open_browser: bool = False, drafts: bool = False, show: Callable[[Problem], None] | None = None) -> None:
    """Build, then serve and rebuild on every change until interrupted (or `stop` is set)."""
    from watchfiles import watch

    state = server.state
    show = show or (lambda problem: say(str(problem)))
    config = rebuild(config_loader, state, say, show, drafts) or config_loader()
    host, port = server.server_address[:2]
    url = f"http://{host!s}:{port}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (ready or say)(f"serving {config.site_dir} at {url} (Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(url)
    stop = stop or threading.Event()
    try:
        for _changes in watch(*watched_paths(config), watch_filter=_visible, stop_event=stop, debounce=300):
            rebuild(config_loader, state, say, show, drafts)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
