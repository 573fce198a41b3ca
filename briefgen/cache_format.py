"""The build cache as JSON: data out, data checked on the way back in, nothing that can run code.

A project folder may come from someone else (an archive, a repository with the cache committed),
so the cache is as untrusted as the articles. It is JSON, read only from a regular file of bounded
size, and every value is checked for its type before use: anything unexpected raises CacheInvalid,
which the caller turns into a cold build.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

from briefgen.article import Article, Source
from briefgen.errors import Problem


class CacheInvalid(Exception):
    """A cache file that is missing, unreadable or not what briefgen writes: build without it."""


_JSON_INT_BITS = 12_000
"""Larger ints are stored as hex text: Python refuses to print ints of more than 4,300 digits in decimal."""


def _plain(value: Any) -> bool:
    """True for data JSON holds as it is: text keys, JSON scalars, lists and mappings of those."""
    if value is None or isinstance(value, bool | str | float):
        return True
    if isinstance(value, int):
        return value.bit_length() <= _JSON_INT_BITS
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def value_to_json(value: Any) -> Any:
    """YAML-loaded data (front matter) as JSON: mappings and non-JSON scalars become one-key tagged objects.

    A mapping that JSON holds as it is (text keys, JSON values: most front matter) is stored as such under
    the tag "plain", which reads back in one step.
    """
    if isinstance(value, dict) and _plain(value):
        return {"plain": value}
    if value is None or isinstance(value, bool | str | float):
        return value
    if isinstance(value, int):
        return value if value.bit_length() <= _JSON_INT_BITS else {"int": hex(value)}
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [value_to_json(v) for v in value]
    if isinstance(value, dict):
        return {"map": [[value_to_json(k), value_to_json(v)] for k, v in value.items()]}
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def value_from_json(data: Any) -> Any:
    """The inverse of value_to_json; CacheInvalid for anything it would not have written."""
    if data is None or isinstance(data, bool | str | int | float):
        return data
    if isinstance(data, list):
        return [value_from_json(v) for v in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise CacheInvalid("not a stored value")
    (tag, inner), = data.items()
    if tag == "plain" and isinstance(inner, dict):
        return inner  # what json.loads makes of a JSON object is a mapping of JSON values: nothing to check
    try:
        if tag == "map" and isinstance(inner, list):
            pairs = [(value_from_json(k), value_from_json(v)) for k, v in inner]
            return dict(pairs)
        if tag == "int" and isinstance(inner, str):
            return int(inner, 16)
        if tag == "datetime" and isinstance(inner, str):
            return dt.datetime.fromisoformat(inner)
        if tag == "date" and isinstance(inner, str):
            return dt.date.fromisoformat(inner)
    except (TypeError, ValueError) as exc:  # a pair that is not two items, an unhashable key, a bad date
        raise CacheInvalid(f"bad {tag}") from exc
    raise CacheInvalid(f"unknown tag {tag!r}")


def expect(value: Any, kind: type[Any] | tuple[type[Any], ...], what: str) -> Any:
    """`value` when it is of `kind` (a bool is not an int here), else CacheInvalid."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise CacheInvalid(f"{what}: wrong type")
    if not isinstance(value, kinds):
        raise CacheInvalid(f"{what}: wrong type")
    return value


def pair_from_json(data: Any, what: str) -> tuple[int, int]:
    """Two ints stored as a JSON list ([start, end], [mtime, size])."""
    if not isinstance(data, list) or len(data) != 2:
        raise CacheInvalid(f"{what}: not a pair")
    return expect(data[0], int, what), expect(data[1], int, what)


def problem_to_json(problem: Problem) -> dict[str, Any]:
    """A warning or error as plain data."""
    path = None if problem.path is None else str(problem.path)
    return {"message": problem.message, "path": path, "line": problem.line, "warning": problem.warning}


def problem_from_json(data: Any) -> Problem:
    """A Problem back from problem_to_json's form."""
    expect(data, dict, "problem")
    path = expect(data.get("path"), (str, type(None)), "problem.path")
    return Problem(expect(data.get("message"), str, "problem.message"), None if path is None else Path(path),
                   expect(data.get("line"), (int, type(None)), "problem.line"),
                   expect(data.get("warning"), bool, "problem.warning"))


def article_to_json(article: Article) -> dict[str, Any]:
    """An article as plain data (its machine block is stored by the caller, once)."""
    source = None if article.source is None else [article.source.name, article.source.url]
    return {
        "path": str(article.path), "relpath": article.relpath, "title": article.title,
        "date": None if article.date is None else article.date.isoformat(), "source": source,
        "tags": list(article.tags), "draft": article.draft, "body": article.body, "body_line": article.body_line,
        "meta": value_to_json(article.meta), "machine_line": article.machine_line,
        "key_lines": dict(article.key_lines),
    }


def article_from_json(data: Any, machine: dict[str, Any] | None) -> Article:
    """An Article back from article_to_json's form, with `machine` as its machine block."""
    expect(data, dict, "article")
    date = expect(data.get("date"), (str, type(None)), "article.date")
    source = expect(data.get("source"), (list, type(None)), "article.source")
    if source is not None and (len(source) != 2 or not all(isinstance(s, str | None) for s in source)):
        raise CacheInvalid("article.source: wrong shape")
    tags = expect(data.get("tags"), list, "article.tags")
    meta = value_from_json(data.get("meta"))
    try:
        published = None if date is None else dt.date.fromisoformat(date)
    except ValueError as exc:
        raise CacheInvalid("article.date: not a date") from exc
    return Article(
        path=Path(expect(data.get("path"), str, "article.path")),
        relpath=expect(data.get("relpath"), str, "article.relpath"),
        title=expect(data.get("title"), str, "article.title"),
        date=published,
        source=None if source is None else Source(source[0], source[1]),
        tags=tuple(tags) if all(type(t) is str for t in tags) else _wrong("article.tags"),
        draft=expect(data.get("draft"), bool, "article.draft"),
        body=expect(data.get("body"), str, "article.body"),
        body_line=expect(data.get("body_line"), int, "article.body_line"),
        meta=expect(meta, dict, "article.meta"),
        machine=machine,
        machine_line=expect(data.get("machine_line"), int, "article.machine_line"),
        key_lines=_key_lines(data.get("key_lines")),
    )


def _wrong(what: str) -> Any:
    """Raise CacheInvalid for a value of the wrong type (inside an expression)."""
    raise CacheInvalid(f"{what}: wrong type")


def _key_lines(data: Any) -> dict[str, int]:
    """The line of each front matter key, checked: text keys, whole numbers."""
    lines = expect(data, dict, "article.key_lines")
    if not all(isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in lines.items()):
        raise CacheInvalid("article.key_lines: wrong shape")
    return dict(lines)


def read_json(path: Path, limit: int) -> Any:
    """The JSON in `path`, which must be a regular file (not a link) of at most `limit` bytes.

    Opened without following links and without blocking, then checked with fstat: a FIFO, device
    or folder put where the file should be is refused, never read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise CacheInvalid(f"{path.name}: {exc.strerror}") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            raise CacheInvalid(f"{path.name}: not a regular file of at most {limit} bytes")
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise CacheInvalid(f"{path.name}: {exc.strerror}") from exc
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise CacheInvalid(f"{path.name}: larger than {limit} bytes")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:  # bad JSON or UTF-8, ints over 4,300 digits, deep nesting
        raise CacheInvalid(f"{path.name}: not valid JSON") from exc


def write_json(path: Path, data: Any) -> None:
    """Replace `path` with `data` as JSON, all at once (a temporary beside it, then a rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            # one json.dumps: its C encoder is many times faster than json.dump's chunks on a large index
            fh.write(json.dumps(data, separators=(",", ":")))  # ASCII: a lone surrogate from YAML stays writable
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
