"""`briefgen init`: a new project with a commented config, a sample article and a templates README."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml

from briefgen.config import OPTIONS, Config
from briefgen.errors import BriefgenError, Problem

STARTER = Path(__file__).parent / "init"
GITIGNORE = "# made by briefgen build: the site, and the cache of rebuilds\nsite/\n.briefgen-cache/\n"


def _yaml_value(value: Any) -> str:
    """A value as YAML on one line, as config.yaml writes it ("[troops, dates]", "null")."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.strip().removesuffix("...").strip()


def commented_config(values: dict[str, Any] | None = None) -> str:
    """A config.yaml with every option, its doc as a comment, and its value (default unless given)."""
    values = values or {}
    lines = ["# briefgen project settings. Every key is optional; paths are relative to this file.", ""]
    section = ""
    for name, option in OPTIONS.items():
        head, _, leaf = name.rpartition(".")
        if head and head != section:
            lines += ["", f"{head}:"]
        section = head
        indent = "  " if head else ""
        if not head and lines[-1] != "":
            lines.append("")
        lines.append(f"{indent}# {option.doc}")
        lines.append(f"{indent}{leaf}: {_yaml_value(values.get(name, option.default))}")
    return "\n".join(lines) + "\n"


def create_project(directory: Path) -> list[Path]:
    """Create config.yaml, content/ with one sample article, templates/README.md and a .gitignore."""
    targets = {
        directory / "config.yaml": commented_config({"title": "My briefing"}),
        directory / "content" / "sample-article.md": (STARTER / "sample-article.md").read_text(encoding="utf-8"),
        directory / "templates" / "README.md": (STARTER / "templates-README.md").read_text(encoding="utf-8"),
        directory / ".gitignore": GITIGNORE,
    }
    existing = [p for p in targets if p.exists()]
    if existing:
        raise BriefgenError([Problem("already exists; not overwriting", p) for p in existing])
    folders = sorted({folder for path in targets for folder in (path.parent, *path.parent.parents)
                      if not folder.exists()})
    written: list[Path] = []
    try:
        for path, text in targets.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as fh:
                fh.write(text)
            written.append(path)
    except OSError as exc:  # a file where a folder should be, a read-only or full disk: nothing half made stays
        for made in written:
            with contextlib.suppress(OSError):
                made.unlink()
        for folder in reversed(folders):  # the deepest first
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise BriefgenError(Problem(f"cannot create the project: {exc.strerror}", Path(exc.filename or path))) from exc
    return written


NEW_ARTICLE_BODY = "Write the story here. The first paragraph is the lead: who did what, where and when.\n"


def create_article(config: Config, headline: str, day: dt.date) -> Path:
    """Write content/YYYY-MM/<slug>.md with front matter (title, date, slug, a draft), refusing to overwrite."""
    from briefgen.site.urls import slugify

    title = " ".join(headline.split())
    if not any(c.isalnum() for c in title):  # slugify would name the file "item"
        raise BriefgenError(Problem("the headline must contain letters or digits"))
    slug = slugify(title)[:80].strip("-")
    path = config.content_dir / f"{day:%Y-%m}" / f"{slug}.md"
    shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
    if path.exists():
        raise BriefgenError(Problem("already exists; not overwriting (choose another headline)", shown))
    head = yaml.safe_dump({"title": title, "date": day, "slug": slug, "tags": [], "draft": True},
                          sort_keys=False, allow_unicode=True, width=10_000)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as fh:
            fh.write(f"---\n{head}---\n{NEW_ARTICLE_BODY}")
    except FileExistsError as exc:
        raise BriefgenError(Problem("already exists; not overwriting (choose another headline)", shown)) from exc
    except OSError as exc:
        raise BriefgenError(Problem(f"cannot write: {exc.strerror}", shown)) from exc
    return shown


def clean_project(config: Config) -> list[Path]:
    """Delete the site folder (only one briefgen made) and the cache of rebuilds; content/ is never touched."""
    import shutil

    from briefgen.dependencies import CACHE_DIR
    from briefgen.project_lock import LOCK_NAME, project_lock
    from briefgen.publish import refuse_foreign_site

    refuse_foreign_site(config)
    cache = config.root / CACHE_DIR
    removed: list[Path] = []
    present = [folder for folder in (config.site_dir, cache) if folder.is_dir()]
    with project_lock(cache):  # (which makes the cache folder for its lock file)
        for folder in present:
            try:
                if folder == cache:  # the lock file stays while we hold it
                    for child in folder.iterdir():
                        if child.is_dir() and not child.is_symlink():
                            shutil.rmtree(child)
                        elif child.name != LOCK_NAME:
                            child.unlink()
                else:
                    shutil.rmtree(folder)
            except OSError as exc:
                raise BriefgenError(Problem(f"cannot remove: {exc.strerror}", Path(exc.filename or folder))) from exc
            removed.append(Path(os.path.relpath(folder, Path.cwd())))
    with contextlib.suppress(OSError):
        (cache / LOCK_NAME).unlink()
        cache.rmdir()
    return removed
