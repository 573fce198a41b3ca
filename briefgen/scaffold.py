"""`briefgen init`: a new project with a commented config, a sample article and a templates README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefgen.config import OPTIONS
from briefgen.errors import BriefgenError, Problem

STARTER = Path(__file__).parent / "init"
GITIGNORE = "# made by briefgen build: the site, and the cache of rebuilds\nsite/\n.briefgen-cache/\n"


def _yaml_value(value: Any) -> str:
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
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(targets)
