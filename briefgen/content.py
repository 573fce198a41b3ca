"""Find and read the articles of content/, every problem reported with its file and line (write_back.py writes
the front matter back)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from briefgen.article import Article, Source
from briefgen.errors import BriefgenError, Problem
from briefgen.frontmatter import MACHINE_KEY, FrontMatterError, Parts, split
from briefgen.safe_yaml import YamlRefused, load_safely
from briefgen.site.urls import MAX_SLUG

SUFFIXES = (".md", ".txt")
KNOWN_KEYS = ("title", "date", "source", "tags", "draft", "slug", MACHINE_KEY)
"""The front matter keys briefgen reads; others are the user's own (config `front_matter_keys`) or typos."""
MAX_BYTES = 5 * 1024 * 1024
"""Articles above this size are refused: no wire story is that long, and it bounds memory."""


_NOT_REGULAR = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
                stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def _not_regular(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a named pipe")."""
    return _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")


@dataclass(frozen=True)
class ContentScan:
    """What is under the content folder: the articles with their signatures, the names skipped, leftovers."""

    root: Path
    names: list[str]
    """Each article file, in folder order, as its path from `root` (its absolute path when outside `root`)."""
    signatures: list[tuple[int, int]]
    """(modification time in ns, size) of each article file."""
    skipped: list[Problem]
    leftovers: list[Path]
    """Hidden files matching the pattern asked for (a killed build's temporaries)."""

    @cached_property
    def paths(self) -> list[Path]:
        """The article files as paths (made only when asked, once: a build with nothing to do needs none)."""
        return [self.root / name for name in self.names]


def scan_content(folder: Path, root: Path, leftover: re.Pattern[str] | None = None) -> ContentScan:
    """Every *.md and *.txt under `folder` in folder order, and a warning for each such name skipped.

    Only regular files are articles, and links to regular files inside `root` (once: a link to a file
    that is read anyway is skipped). Hidden files and folders are left out without a word; named
    pipes, devices, sockets and links that loop, lead nowhere or leave the project, with a warning:
    opening a pipe would wait forever and a device would never end. One pass over the folders with
    one lstat per article (its signature comes with it): a build with nothing to do pays for little else.
    """
    base = Path(folder)
    inside = base.resolve().is_relative_to(root.resolve()) and not os.path.relpath(base, root).startswith("..")
    prefix = (os.path.relpath(base, root).replace(os.sep, "/") + "/") if inside else (str(base) + "/")
    prefix = "" if prefix == "./" else prefix
    candidates: list[tuple[str, str, os.stat_result, str]] = []
    leftovers: list[Path] = []
    pending = [(str(base), "")]
    while pending:
        directory, relative = pending.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        real = None
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                if leftover is not None and leftover.match(name):
                    leftovers.append(Path(entry.path))
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append((entry.path, f"{relative}{name}/"))
                    continue
                if entry.is_symlink() and _leads_to_folder(entry):
                    continue  # a link to a folder is not followed (nor is it an article)
                if os.path.splitext(name)[1].lower() not in SUFFIXES:
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # gone since the folder was listed
            if real is None:
                real = os.path.realpath(directory)
            candidates.append((f"{prefix}{relative}{name}", entry.path, st, os.path.join(real, name)))
        pending += reversed(subfolders)  # depth first, in name order, as os.walk goes
    boundary = root.resolve()
    regular = {resolved for _, _, st, resolved in candidates if stat.S_ISREG(st.st_mode)}
    names: list[str] = []
    signatures: list[tuple[int, int]] = []
    skipped: list[Problem] = []
    for shown, path, st, _ in candidates:
        if not stat.S_ISREG(st.st_mode):
            reason = _link_problem(Path(path), boundary, regular) if stat.S_ISLNK(st.st_mode) else \
                f"not a regular file but {_not_regular(st.st_mode)}"
            if reason:
                skipped.append(Problem(f"{reason}, so it is not read as an article", Path(shown), warning=True))
                continue
            try:
                st = os.stat(path)
            except OSError:
                continue
        names.append(shown)
        signatures.append((st.st_mtime_ns, st.st_size))
    return ContentScan(root, names, signatures, skipped, leftovers)


def _leads_to_folder(entry: os.DirEntry[str]) -> bool:
    """True when a link found in a folder leads to a folder (False for a loop)."""
    try:
        return entry.is_dir()
    except OSError:  # a loop: not a folder (it is reported as a link that leads nowhere)
        return False


def find_article_files(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every *.md and *.txt under `folder` in folder order, and a warning for each such name skipped
    (see scan_content)."""
    scan = scan_content(folder, root)
    return scan.paths, scan.skipped


def _link_problem(link: Path, boundary: Path, regular: set[str]) -> str | None:
    """Why a symbolic link is not read as an article, or None; `regular` gains the file it leads to."""
    try:
        target = link.resolve(strict=True)
        mode = target.stat().st_mode
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return "a symbolic link that leads nowhere (a loop, or a missing file)"
    if not target.is_relative_to(boundary):
        return "a symbolic link to a file outside the project"
    if not stat.S_ISREG(mode):
        return f"a symbolic link to {_not_regular(mode)}"
    if str(target) in regular:
        return f"a symbolic link to {shown_path(target, boundary)}, which is read already"
    regular.add(str(target))
    return None


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` + 1 of them; OSError for a pipe, device or socket.

    Opened without blocking, so that a named pipe put in place of the file cannot hang the build.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, f"not a regular file but {_not_regular(st.st_mode)}", str(path))
        if st.st_size > limit:
            raise OSError(errno.EFBIG, f"{st.st_size:,} bytes; the limit is {limit:,}", str(path))
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(limit + 1)
    finally:
        os.close(fd)


def decode(raw: bytes, path: Path, expected: str = "an article") -> str:
    """Decode strict UTF-8, or say where the first bad byte is; `expected` says what the file should be."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefgenError(Problem("UTF-16 text (it starts with a UTF-16 byte order mark); save the file as UTF-8",
                                    path, 1))
    if b"\x00" in raw[:8192]:
        raise BriefgenError(Problem(f"binary file (contains NUL bytes), not {expected}", path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        message = f"not valid UTF-8: byte 0x{byte} at offset {exc.start}; save the file as UTF-8"
        raise BriefgenError(Problem(message, path, line)) from exc


def _date(value: Any) -> dt.date | None:
    """A front matter date (a date, a datetime or an ISO string) as a date; None when it is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _source(value: Any) -> Source | None | str:
    """A Source, None when absent, or a message when malformed."""
    if value is None:
        return None
    if isinstance(value, str):
        is_url = re.match(r"https?://", value.strip()) is not None
        return Source(None, value.strip()) if is_url else Source(value.strip(), None)
    if isinstance(value, dict) and set(value) <= {"name", "url"}:
        name, url = value.get("name"), value.get("url")
        if all(v is None or isinstance(v, str) for v in (name, url)):
            return Source(name, url)
    return "'source' must be a name, a URL, or a mapping with 'name' and 'url'"


def _key_lines(meta_node: Any, parts: Parts) -> dict[str, int]:
    """The file line of each front matter key."""
    return {str(key.value): parts.head_line + key.start_mark.line for key, _ in getattr(meta_node, "value", [])}


def _headline(body: str) -> str:
    """The first non-empty line of a body without its Markdown heading marks: a .txt article's headline."""
    for line in body.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()
    return ""


def read_article(path: Path, content_dir: Path, shown: Path) -> Article:
    """Read one article; raise BriefgenError listing everything wrong with it."""
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            raise BriefgenError(Problem(f"article is {exc.strerror}", shown)) from exc
        raise BriefgenError(Problem(f"cannot read: {exc.strerror}", shown)) from exc
    if len(raw) > MAX_BYTES:  # it grew while being read
        raise BriefgenError(Problem(f"article is over {MAX_BYTES:,} bytes, the limit", shown))
    text = decode(raw, shown)
    try:
        parts = split(text)
    except FrontMatterError as exc:
        raise BriefgenError(Problem(exc.message, shown, exc.line)) from exc
    try:
        meta, node = load_safely(parts.head) if parts.opening else ({}, None)
    except YamlRefused as exc:
        line = parts.head_line + exc.line - 1 if exc.line else parts.head_line
        raise BriefgenError(Problem(f"front matter: {exc.message}", shown, line)) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise BriefgenError(Problem("front matter must be a mapping of keys (key: value)", shown, 2))
    key_lines = _key_lines(node, parts)

    def line_of(key: str) -> int:
        return key_lines.get(key, parts.head_line)

    problems: list[Problem] = []
    if not parts.body.strip():
        problems.append(Problem("the article is empty (no text after the front matter)", shown, parts.body_line))
    machine = meta.pop(MACHINE_KEY, None)
    title = meta.get("title")
    if title is not None and not isinstance(title, str | int | float):
        problems.append(Problem("'title' must be text", shown, line_of("title")))
    date = _date(meta.get("date"))
    if meta.get("date") is not None and date is None:
        problems.append(
            Problem(f"'date' is not a date: {meta['date']!r} (write YYYY-MM-DD)", shown, line_of("date"))
        )
    source = _source(meta.get("source"))
    if isinstance(source, str):
        problems.append(Problem(source, shown, line_of("source")))
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",") if t.strip()]
    if not isinstance(tags, list) or not all(isinstance(t, str | int) for t in tags):
        problems.append(Problem("'tags' must be a list of words", shown, line_of("tags")))
        tags = []
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        problems.append(Problem("'draft' must be true or false", shown, line_of("draft")))
    slug = meta.get("slug")
    if slug is not None and not (isinstance(slug, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug)):
        message = f"'slug' must be lower-case letters, digits and hyphens (no '/' or '..'), got {slug!r}"
        problems.append(Problem(message, shown, line_of("slug")))
    elif isinstance(slug, str) and len(slug) > MAX_SLUG:
        message = f"'slug' must be at most {MAX_SLUG} characters (it names a file), got {len(slug):,}"
        problems.append(Problem(message, shown, line_of("slug")))
    if machine is not None and not isinstance(machine, dict):
        problems.append(Problem(f"'{MACHINE_KEY}' must be a mapping", shown, line_of(MACHINE_KEY)))
        machine = None
    if problems:
        raise BriefgenError(problems)
    return Article(
        path=shown,
        relpath=path.relative_to(content_dir).as_posix(),
        title=str(title).strip() if title is not None else _headline(parts.body) or path.stem,
        date=date,
        source=source if isinstance(source, Source) else None,
        tags=tuple(str(t) for t in tags),
        draft=draft is True,
        body=parts.body,
        body_line=parts.body_line,
        meta=meta,
        machine=machine,
        machine_line=line_of(MACHINE_KEY) if machine is not None else 0,
        key_lines=key_lines,
    )


def unknown_keys(article: Article, own_keys: tuple[str, ...]) -> list[Problem]:
    """A warning per front matter key that briefgen does not read and the project did not declare."""
    known = (*KNOWN_KEYS, *own_keys)
    warnings = []
    for key in article.meta:
        if key in known:
            continue
        guess = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1, cutoff=0.6)
        hint = (f" (did you mean '{guess[0]}'?)" if guess else
                " (list your own keys under front_matter_keys in config.yaml)")
        line = article.key_lines.get(str(key), article.body_line)
        warnings.append(Problem(f"unknown key '{key}'{hint}", article.path, line, warning=True))
    return warnings


def shown_path(path: Path, base: Path) -> Path:
    """The path to print in messages: relative to `base` when inside it."""
    try:
        return path.relative_to(base)
    except ValueError:
        return path


def load_articles(files: Iterable[Path], content_dir: Path, base: Path, file_dates: bool = False
                  ) -> tuple[list[Article], list[Problem]]:
    """Read every file, collecting all problems instead of stopping at the first.

    With `file_dates` (config `default_date: fs`), an article whose front matter has no date is
    dated by its file's modification time, as Pelican's `DEFAULT_DATE = 'fs'` does.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in files:
        try:
            article = read_article(path, content_dir, shown_path(path, base))
        except BriefgenError as exc:
            problems.extend(exc.problems)
            continue
        articles.append(dated_by_file(article, path) if file_dates else article)
    return articles, problems


def dated_by_file(article: Article, path: Path) -> Article:
    """The article dated by the modification day of its file (local time) when it has no date of its own."""
    if article.date is not None:
        return article
    try:
        modified = dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return article
    return dataclasses.replace(article, date=modified)
