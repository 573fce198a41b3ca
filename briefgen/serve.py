"""`briefgen serve`: build, serve site/ on localhost, rebuild on changes, reload the open page.

The reload script is added to pages as they are served, never to the files in site/.
A failed build keeps the previous site on screen and shows the errors over it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from briefgen.config import Config
from briefgen.errors import BriefgenError

STATUS_PATH = "/__briefgen/status"
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null, version = -1;
  function overlay(text) {
    var box = document.getElementById("briefgen-errors");
    if (!text) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "briefgen-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
        "background:#7a1010;color:#fff;font:14px/1.4 ui-monospace,monospace;z-index:9999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "briefgen build failed:\\n" + text;
  }
  // A long poll: the server answers as soon as a build finishes (or after a while with nothing new).
  function poll() {
    var answer = fetch("STATUS_PATH?since=" + version, {cache: "no-store"});
    answer.then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen && !s.error) { location.reload(); return; }
      seen = s.build;
      version = s.version;
      overlay(s.error);
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
    """The latest build's number and errors, shared by the watcher and the request handlers."""

    build: int = 0
    """Successful builds that changed the site: the open page reloads when this moves."""
    error: str = ""
    version: int = 0
    """Builds tried so far, successful or not: a status request waits for this to pass what it saw."""
    changed: threading.Condition = field(default_factory=threading.Condition)

    def finished(self, error: str, site_changed: bool = True) -> None:
        """Record a build's outcome and wake the waiting status requests."""
        with self.changed:
            if not error and site_changed:
                self.build += 1
            self.error = error
            self.version += 1
            self.changed.notify_all()

    def snapshot(self, since: int | None = None, timeout: float = LONG_POLL_SECONDS) -> dict[str, Any]:
        """What the status endpoint answers; with `since`, once a build after that version has finished."""
        with self.changed:
            if since is not None:
                self.changed.wait_for(lambda: self.version > since, timeout=timeout)
            return {"build": self.build, "error": self.error, "version": self.version}


def rebuild(config_loader: Callable[[], Config], state: ServeState, say: Callable[[str], None]) -> Config | None:
    """Build once, recording success or the errors; never raises for input errors."""
    from briefgen.build import build_project

    try:
        config = config_loader()
        report = build_project(config)
    except BriefgenError as exc:
        message = "\n".join(str(p) for p in exc.problems)
        say(message)
        state.finished(message)
        return None
    say(report.summary_line())
    # The write-back of an edit triggers one more build, which changes nothing: no second reload.
    state.finished("", site_changed=report.changed_files > 0 or state.build == 0)
    return config


class _Handler(SimpleHTTPRequestHandler):
    state: ServeState

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        route, _, query = self.path.partition("?")
        if route == STATUS_PATH:
            since = parse_qs(query).get("since", [""])[0]
            answer = self.state.snapshot(int(since) if since.lstrip("-").isdigit() else None)
            self._send(json.dumps(answer).encode(), "application/json")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_text(encoding="utf-8", errors="replace")
            page = page.replace("</body>", RELOAD_SCRIPT + "</body>", 1)
            self._send(page.encode("utf-8"), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
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


def serve(config_loader: Callable[[], Config], host: str, port: int, say: Callable[[str], None],
          ready: Callable[[str], None] | None = None, stop: threading.Event | None = None) -> None:
    """Build, then serve and rebuild on every change until interrupted (or `stop` is set)."""
    from watchfiles import watch

    state = ServeState()
    config = rebuild(config_loader, state, say) or config_loader()
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(config.site_dir)))
    url = f"http://{host}:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (ready or say)(f"serving {config.site_dir} at {url} (Ctrl-C to stop)")
    stop = stop or threading.Event()
    try:
        for _changes in watch(*watched_paths(config), watch_filter=_visible, stop_event=stop, debounce=300):
            rebuild(config_loader, state, say)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
