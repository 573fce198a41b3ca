"""A project of real news: the repository's own articles plus Wikinews 2019-2020 articles from ../shared/corpus,
read at test time and written only into a temporary folder (never into the repository)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from built_sites import copy_project
from conftest import SHARED

WIKINEWS = SHARED / "corpus" / "wikinews-2019-2020"
WIKINEWS_FILES = ("wikinews_2019.csv", "wikinews_2020.csv")
NEWS_ARTICLES = 150
"""Wikinews articles in the browser tests' real-news site (with the repository's own six)."""


@dataclass(frozen=True)
class NewsItem:
    """One Wikinews row: where it was published, when, its headline and text."""

    url: str
    date: str
    title: str
    text: str


def wikinews_items(folder: Path = WIKINEWS) -> list[NewsItem]:
    """Every usable row of the Wikinews CSVs, oldest first (the corpus's test page left out)."""
    items: list[NewsItem] = []
    for name in WIKINEWS_FILES:
        with (folder / name).open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["title"].startswith("TEST PAGE") or not row["text"].strip():
                    continue
                items.append(NewsItem(row["url"], row["date"], row["title"].strip(), row["text"]))
    return sorted(items, key=lambda i: (i.date, i.title))


def spread(items: list[NewsItem], count: int) -> list[NewsItem]:
    """`count` items evenly spaced over the list (all of them when it is shorter)."""
    if count >= len(items):
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def as_text_file(item: NewsItem) -> str:
    """The item as a .txt article with front matter (a JSON string is a valid YAML double-quoted scalar)."""
    source = json.dumps({"name": "Wikinews", "url": item.url.replace(".org//", ".org/")})
    return f"---\ntitle: {json.dumps(item.title, ensure_ascii=False)}\ndate: {item.date}\nsource: {source}\n---\n" \
           f"{item.text.strip()}\n"


def write_news_project(dest: Path, count: int) -> Path:
    """The repository's own project plus `count` Wikinews articles under content/wikinews/; returns `dest`."""
    copy_project("repo", dest)
    folder = dest / "content" / "wikinews"
    folder.mkdir(parents=True)
    for i, item in enumerate(spread(wikinews_items(), count)):
        (folder / f"{item.date}-{i:03d}.txt").write_text(as_text_file(item), encoding="utf-8")
    return dest


def news_corpus_missing() -> str | None:
    """Why the real-news project cannot be made here, or None when it can."""
    missing = [name for name in WIKINEWS_FILES if not (WIKINEWS / name).is_file()]
    return f"the Wikinews corpus is not at {WIKINEWS} ({', '.join(missing)} missing)" if missing else None
