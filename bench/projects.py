"""Write benchmark articles as a briefgen project and as a Pelican project, and make the one-article edit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from corpus import BenchArticle

PELICAN_CONFIG = '''\
# Pelican's defaults (theme, feeds, category/tag/archive pages) are kept on purpose:
# only the content folder and the time zone are set, so the build runs offline
# inside this temporary folder without a warning about the missing time zone.
PATH = "content"
TIMEZONE = "UTC"
'''
EDIT_FROM, EDIT_TO = ". ", ", the desk was told on the day. "
"""The one-sentence edit: the end of the body's first sentence gains a clause."""


def briefgen_markdown(article: BenchArticle) -> str:
    """The article with YAML front matter (a JSON string is a valid YAML double-quoted scalar)."""
    title = json.dumps(article.title, ensure_ascii=False)
    return f"---\ntitle: {title}\ndate: {article.date.isoformat()}\n---\n\n{article.body}\n"


def pelican_markdown(article: BenchArticle) -> str:
    """The article with Pelican's Markdown metadata header; the explicit slug keeps pages one per article."""
    return (
        f"Title: {article.title}\nDate: {article.date.isoformat()}\nSlug: {article.slug}\n\n{article.body}\n"
    )


def write_articles(articles: list[BenchArticle], content: Path, *, pelican: bool) -> None:
    """One Markdown file per article under `content/`, in folders that mirror the corpus."""
    for article in articles:
        path = content / f"{article.name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = pelican_markdown(article) if pelican else briefgen_markdown(article)
        path.write_text(text, encoding="utf-8")


def write_briefgen_project(articles: list[BenchArticle], folder: Path) -> None:
    """A briefgen project with no config.yaml (the defaults apply) and the articles in content/."""
    write_articles(articles, folder / "content", pelican=False)


def write_pelican_project(articles: list[BenchArticle], folder: Path) -> None:
    """A Pelican project: pelicanconf.py and the articles in content/."""
    write_articles(articles, folder / "content", pelican=True)
    (folder / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")


def edit_target(articles: list[BenchArticle]) -> BenchArticle:
    """The article to edit: the first from the middle of the list whose body has a sentence end to change."""
    middle = len(articles) // 2
    for article in articles[middle:] + articles[:middle]:
        if EDIT_FROM in article.body:
            return article
    raise SystemExit("no article has a sentence to edit")


def edit_one_sentence(project: Path, article: BenchArticle) -> None:
    """Change one sentence of the article's body, leaving its front matter (briefgen's included) alone."""
    path = project / "content" / f"{article.name}.md"
    text = path.read_text(encoding="utf-8")
    head_end = text.index("\n---\n", 4) + len("\n---\n")
    head, body = text[:head_end], text[head_end:]
    if EDIT_FROM not in body:
        raise SystemExit(f"{path}: the body has no sentence end to edit")
    path.write_text(head + body.replace(EDIT_FROM, EDIT_TO, 1), encoding="utf-8")


MORNING_ARTICLES = 50
"""How many articles a desk adds on a morning (the daily-use step of the benchmark)."""


def morning_articles(articles: list[BenchArticle], extra: list[BenchArticle]) -> list[BenchArticle]:
    """The next corpus articles as a new morning's news: dated the day after the project's latest article."""
    today = max(a.date for a in articles) + dt.timedelta(days=1)
    return [dataclasses.replace(article, date=today) for article in extra]


def add_articles(project: Path, articles: list[BenchArticle]) -> None:
    """Write new articles into an existing briefgen project."""
    write_articles(articles, project / "content", pelican=False)


def delete_target(articles: list[BenchArticle], edited: BenchArticle) -> BenchArticle:
    """The article to delete: the one after the edited article in the list (another day, usually)."""
    return articles[(articles.index(edited) + 1) % len(articles)]


def delete_article(project: Path, article: BenchArticle) -> None:
    """Remove one article from the project, as a desk withdrawing a story does."""
    (project / "content" / f"{article.name}.md").unlink()
