"""The site's search index: a Pagefind bundle per segment of the article pages, merged in the browser.

Re-indexing the whole archive for one edited article was the slowest step of a small rebuild, so
the article pages are cut into segments of about SEGMENT_PAGES pages and each segment gets a
Pagefind bundle of its own, `pagefind/<segment>/`. The search page loads the first segment's
bundle (copied to `pagefind/`, where Pagefind's scripts are) and merges the others with Pagefind's
`mergeIndex`. A build re-indexes only the segments whose pages changed, came or went.

The cut depends only on the pages themselves, not on the order they arrived in: pages are sorted
by date and path, and a segment ends after a page whose path hashes to a multiple of
SEGMENT_PAGES (content-defined chunking, as rsync and borg cut files). Adding, editing or removing
a page moves no boundary but its own, so the same pages always make the same bundles, and an
incremental build writes the same files as a cold one. A segment's folder is named by a digest of
its pages' paths and bytes: an existing folder of that name is already right.

Pagefind runs as one `pagefind --service` process per build (the `pagefind[bin]` package ships the
binary; no network), fed the pages from memory, one segment at a time so its memory stays bounded.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import Problem
from briefgen.project_lock import die_with_parent

BUNDLE = "pagefind"
"""Pagefind's folder inside the site."""
BUNDLE_LIST = "bundles.js"
"""In BUNDLE: the merged segments' folders, as `window.briefgenSearchBundles` for the search page."""
SEGMENT_PAGES = 128
"""Pages per segment on average: re-indexing a segment costs about 2 ms a page, and the browser fetches a
few small files per segment for the first word searched (with segments of 64 pages, 20,000 articles made
252 bundles, 764 requests and a first search of 4 s on a loaded machine)."""
MIN_SEGMENT_PAGES = 32
MAX_SEGMENT_PAGES = 4 * SEGMENT_PAGES
"""Bounds on a segment's size, whatever the hashes say."""
SEGMENT_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
"""What a merged bundle needs besides its .pf_meta file: the scripts and WebAssembly come from BUNDLE."""
SERVICE_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class IndexedPage:
    """A page the search index covers."""

    url: str
    """Site path ("articles/x.html"); the search results link to it."""
    order: str
    """Where it sorts among the pages (its date), before its url."""
    digest: str
    """A digest of the page's bytes: the segment's folder name changes when a page does."""


@dataclass(frozen=True)
class Segment:
    """Consecutive indexed pages that share one Pagefind bundle."""

    pages: tuple[IndexedPage, ...]

    @property
    def name(self) -> str:
        """The bundle's folder in BUNDLE: a digest of the pages' paths and bytes."""
        digest = hashlib.sha256()
        for page in self.pages:
            digest.update(f"{page.url}\0{page.digest}\n".encode())
        return f"s{digest.hexdigest()[:16]}"


def _ends_segment(url: str) -> bool:
    """True for the pages after which a segment may end (one page in SEGMENT_PAGES, by path alone)."""
    return int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % SEGMENT_PAGES == 0


def cut_segments(pages: Iterable[IndexedPage]) -> list[Segment]:
    """The pages in order, cut where content-defined boundaries fall (see the module's docstring)."""
    segments: list[Segment] = []
    current: list[IndexedPage] = []
    for page in sorted(pages, key=lambda p: (p.order, p.url)):
        current.append(page)
        if (len(current) >= MIN_SEGMENT_PAGES and _ends_segment(page.url)) or len(current) >= MAX_SEGMENT_PAGES:
            segments.append(Segment(tuple(current)))
            current = []
    if current:
        segments.append(Segment(tuple(current)))
    return segments


def bundle_list(segments: list[Segment]) -> bytes:
    """The script that tells the search page which bundles to merge (all but the first, which is BUNDLE's own)."""
    names = [f"{segment.name}/" for segment in segments[1:]]
    return f"window.briefgenSearchBundles = {json.dumps(names)};\n".encode()


def pagefind_binary() -> Path | None:
    """Pagefind's executable: $PAGEFIND_BINARY_PATH, the one the pagefind_bin package ships, or one on PATH."""
    configured = os.environ.get("PAGEFIND_BINARY_PATH")
    if configured:
        return Path(configured)
    for package in ("pagefind_bin_extended", "pagefind_bin"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            for name in ("pagefind_extended", "pagefind"):
                candidate = Path(spec.origin).parent / name
                if candidate.is_file():
                    return candidate
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(found) if found else None


class IndexerFailed(Exception):
    """Pagefind could not be started or reported an error."""


class PagefindService:
    """One `pagefind --service` process: requests are base64 JSON written to its stdin, each followed by a
    comma; answers come back the same way on stdout, read by a thread so the pipes never fill up."""

    def __init__(self, binary: Path) -> None:
        try:
            self.process = subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
        except OSError as exc:
            raise IndexerFailed(str(exc)) from exc
        self.answers: dict[int, dict[str, Any]] = {}
        self.arrived = threading.Condition()
        self.last_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        pending = b""
        while chunk := os.read(self.process.stdout.fileno(), 1 << 16):
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                with self.arrived:
                    self.answers[int(answer.get("message_id") or 0)] = answer.get("payload") or {}
                    self.arrived.notify_all()
        with self.arrived:
            self.answers[-1] = {"type": "Error", "message": "pagefind stopped"}
            self.arrived.notify_all()

    def send(self, payload: dict[str, Any]) -> int:
        """Queue one request; return its id (wait for its answer with `answer`)."""
        assert self.process.stdin is not None
        self.last_id += 1
        try:
            self.process.stdin.write(base64.b64encode(json.dumps({"message_id": self.last_id, "payload": payload})
                                                      .encode()) + b",")
        except OSError as exc:
            raise IndexerFailed(f"pagefind stopped: {exc.strerror}") from exc
        return self.last_id

    def answer(self, message_id: int) -> dict[str, Any]:
        """The answer to a request sent before, waiting for it; IndexerFailed when it is an error."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.flush()
        except OSError as exc:
            raise IndexerFailed(f"pagefind stopped: {exc.strerror}") from exc
        with self.arrived:
            if not self.arrived.wait_for(lambda: message_id in self.answers or -1 in self.answers,
                                         timeout=SERVICE_TIMEOUT_S):
                raise IndexerFailed("pagefind did not answer in ten minutes")
            payload = self.answers.pop(message_id, None) or self.answers[-1]
        if payload.get("type") == "Error":
            raise IndexerFailed(str(payload.get("message") or "unknown error"))
        return payload

    def bundle(self, pages: Iterable[tuple[str, bytes]]) -> dict[str, bytes]:
        """Index the (url, html) pages; the files of their bundle by path inside it (nothing is written)."""
        index = self.answer(self.send({"type": "NewIndex", "config": {}}))["index_id"]
        last = None
        for url, html in pages:
            last = self.send({"type": "AddFile", "index_id": index, "url": "/" + url,
                              "file_contents": html.decode("utf-8", "replace")})
        if last is not None:
            self.answer(last)
        listing = self.answer(self.send({"type": "GetFiles", "index_id": index})).get("files")
        self.answer(self.send({"type": "DeleteIndex", "index_id": index}))
        if not isinstance(listing, list):
            raise IndexerFailed("no files in pagefind's answer")
        files: dict[str, bytes] = {}
        for item in listing:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or not isinstance(item.get("content"), str):
                raise IndexerFailed("a file without a path or content in pagefind's answer")
            files[path] = base64.b64decode(item["content"])
        return files

    def close(self) -> None:
        """Stop the process."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass(frozen=True)
class SegmentPlan:
    """Which segments' bundles must be written, given the site as it is and as the previous build left it."""

    stale: list[Segment]
    top_intact: bool
    """BUNDLE's own files (Pagefind's scripts and the first segment's copy) are as the previous build left them."""
    files: dict[str, set[str]]
    """The site's files in BUNDLE now, by the folder they are in ("" for BUNDLE's own, else a segment's)."""


def _group(files: Iterable[str]) -> dict[str, set[str]]:
    """The site's files under BUNDLE by segment folder ("" for the others), as paths relative to the site."""
    groups: dict[str, set[str]] = {}
    for path in files:
        if not path.startswith(f"{BUNDLE}/"):
            continue
        first = path.split("/")[1]
        folder = first if _is_segment_folder(first) and path.count("/") > 1 else ""
        groups.setdefault(folder, set()).add(path)
    return groups


def _is_segment_folder(name: str) -> bool:
    return len(name) == 17 and name[0] == "s" and all(c in "0123456789abcdef" for c in name[1:])


def plan_segments(segments: list[Segment], now: dict[str, Any], recorded: dict[str, Any]) -> SegmentPlan:
    """A segment is written again unless its folder is in the site exactly as the previous build left it."""
    groups_now, groups_then = _group(now), _group(recorded)

    def intact(folder: str) -> bool:
        here = groups_now.get(folder, set())
        return bool(here) and here == groups_then.get(folder, set()) and all(now[p] == recorded[p] for p in here)

    stale = [s for s in segments if not intact(s.name) or f"{BUNDLE}/{s.name}/pagefind-entry.json" not in now]
    top = intact("")
    if not top and segments and segments[0] not in stale:
        stale.insert(0, segments[0])  # rewriting the first segment gives the scripts and the copy again
    return SegmentPlan(stale, top, groups_now)


def is_segment_file(path: str) -> bool:
    """True for the files of a bundle that a merged bundle needs (the scripts and WebAssembly come from BUNDLE)."""
    return path.split("/")[0] in SEGMENT_FILES or path.endswith(".pf_meta")


class SegmentWriter:
    """Stages segments' bundles among the site's changes, keeping Pagefind's scripts from the first one."""

    def __init__(self, changes: Any) -> None:
        self.changes = changes
        self.assets: dict[str, bytes] = {}
        self.files: dict[str, set[str]] = {}
        """The files staged for each segment written, by segment name."""

    def write(self, segments: list[Segment], html: Callable[[str], bytes]) -> Problem | None:
        """Index each segment and stage its bundle; a warning when Pagefind is missing or fails (then the caller
        publishes no index at all)."""
        binary = pagefind_binary()
        if binary is None:
            return Problem("search index not built: the 'pagefind[bin]' package is not installed", warning=True)
        try:
            service = PagefindService(binary)
            try:
                for segment in segments:
                    folder = f"{BUNDLE}/{segment.name}"
                    files = service.bundle((page.url, html(page.url)) for page in segment.pages)
                    first = not self.files
                    self.files[segment.name] = set()
                    for path, data in sorted(files.items()):
                        if is_segment_file(path):
                            self.changes.write(f"{folder}/{path}", data)
                            self.files[segment.name].add(f"{folder}/{path}")
                        elif first:
                            self.assets[path] = data
            finally:
                service.close()
        except IndexerFailed as exc:
            return Problem(f"search index not built: pagefind failed: {exc}", warning=True)
        return None


def finish_bundles(segments: list[Segment], plan: SegmentPlan, writer: SegmentWriter) -> set[str]:
    """Stage BUNDLE's own files (scripts, the first segment's copy, the list of bundles to merge) and remove
    what no segment needs any more; return every file of BUNDLE after the commit."""
    changes = writer.changes
    wanted: set[str] = set()
    for segment in segments:
        if segment.name in writer.files:
            wanted |= writer.files[segment.name]
            for path in plan.files.get(segment.name, set()) - writer.files[segment.name]:
                changes.remove(path)  # a file Pagefind no longer writes, or one put there by hand
        else:
            wanted |= plan.files.get(segment.name, set())
    first = segments[0]
    if first in plan.stale or not plan.top_intact:
        prefix = f"{BUNDLE}/{first.name}/"
        top = {f"{BUNDLE}/{name}": data for name, data in writer.assets.items()}
        for path in sorted(p for p in wanted if p.startswith(prefix)):
            top[f"{BUNDLE}/{path[len(prefix):]}"] = changes.current(path) or b""
        for path, data in top.items():
            changes.write(path, data)
        wanted |= set(top)
    else:
        wanted |= plan.files.get("", set())
    listing = f"{BUNDLE}/{BUNDLE_LIST}"
    changes.write(listing, bundle_list(segments))
    wanted.add(listing)
    names = {s.name for s in segments}
    for folder, paths in plan.files.items():
        if folder and folder not in names:
            changes.remove(f"{BUNDLE}/{folder}")
        elif not folder:
            for path in paths - wanted:
                changes.remove(path)
    return wanted
