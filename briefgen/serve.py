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

from briefgen.config import Config
from briefgen.errors import BriefgenError, Problem

STATUS_PATH = "/__briefgen/status"
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null;
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
  function poll() {
    fetch("STATUS_PATH", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen && !s.error) { location.reload(); return; }
      seen = s.build;
      if (s.error) { overlay(s.error, "briefgen build failed:", "background:#7a1010;color:#fff"); }
      else { overlay(s.warnings, "briefgen build warnings (click to hide):", "background:#fff3bf;color:#222"); }
    }).catch(function () {}).finally(function () { setTimeout(poll, 700); });
  }
  poll();
})();
</script>
""".replace("STATUS_PATH", STATUS_PATH)


@dataclass
class ServeState:
    """The latest build's number, errors and warnings, shared by the watcher and the request handlers."""

    build: int = 0
    error: str = ""
    warnings: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> dict[str, Any]:
        """What the status endpoint answers."""
        with self.lock:
            return {"build": self.build, "error": self.error, "warnings": self.warnings}


def rebuild(config_loader: Callable[[], Config], state: ServeState, say: Callable[[str], None],
            show: Callable[[Problem], None], drafts: bool = False) -> Config | None:
    """Build once (never writing into content/), recording success or the errors; never raises for input errors."""
    from briefgen.build import build_project

    try:
        config = config_loader()
        report = build_project(config, write=False, drafts=drafts)
    except BriefgenError as exc:
        for problem in exc.problems:
            show(problem)
        with state.lock:
            state.error = "\n".join(str(p) for p in exc.problems)
        return None
    for warning in report.warnings:
        show(warning)
    say(report.summary_line())
    with state.lock:
        state.build += 1
        state.error = ""
        state.warnings = "\n".join(str(w) for w in report.warnings)
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
        if self.path.split("?")[0] == STATUS_PATH:
            self._send(json.dumps(self.server.state.snapshot()).encode(), "application/json")
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
