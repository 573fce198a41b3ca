"""Building the projects the site checks run on, and naming the pages of the sites they produce."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import GOLDEN_PROJECT, TESTS, run_cli

REPO = TESTS.parent
HOSTILE_PROJECT = TESTS / "hostile" / "project"
"""Articles whose titles, bodies, sources and tags try to inject markup and scripts."""

PROJECTS = ("repo", "golden", "hostile")
"""The projects every site check runs on: the repository's own, the golden one and the hostile one."""


def copy_project(name: str, dest: Path) -> Path:
    """Copy project `name` (one of PROJECTS) into `dest`, so that building it touches nothing in the repository."""
    if name == "repo":
        dest.mkdir(parents=True)
        for part in ("content", "templates"):
            shutil.copytree(REPO / part, dest / part)
        shutil.copy2(REPO / "config.yaml", dest / "config.yaml")
    else:
        shutil.copytree({"golden": GOLDEN_PROJECT, "hostile": HOSTILE_PROJECT}[name], dest)
    return dest


def build_site(root: Path) -> Path:
    """Run `briefgen build -q` in project `root` and return its site folder."""
    run = run_cli(["build", "-q"], root)
    assert run.exit_code == 0, f"briefgen build failed in {root}:\n{run.stderr}"
    site = root / "site"
    assert (site / "index.html").is_file(), "the build produced no index.html"
    return site


def built_project(name: str, dest: Path) -> Path:
    """The site of project `name`, built in a copy under `dest`."""
    return build_site(copy_project(name, dest / name))


def html_pages(site: Path) -> list[str]:
    """Every .html file of the site as a path relative to its root, sorted."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.is_file())


def page_type(path: str) -> str:
    """What kind of page a site path is: its top folder (an index in it is a kind of its own) or its file name.

    "articles/x.html" -> "articles/", "tags/index.html" -> "tags/index.html", "timeline.html" -> "timeline.html".
    New pages get a type of their own without anything here changing.
    """
    top, _, rest = path.partition("/")
    if not rest:
        return top
    return path if rest == "index.html" else f"{top}/"


def page_types(site: Path) -> dict[str, str]:
    """One page of each type, the largest (it exercises the most markup), keyed by the type."""
    chosen: dict[str, str] = {}
    for path in html_pages(site):
        kind = page_type(path)
        if kind not in chosen or (site / path).stat().st_size > (site / chosen[kind]).stat().st_size:
            chosen[kind] = path
    return dict(sorted(chosen.items()))


def sample_pages(site: Path) -> list[str]:
    """One page of each type, plus one of each kind that shares a folder with others (who's who by country
    and by letter, a person, a timeline month, a day, a tag), sorted."""
    pages = set(page_types(site).values())
    for pattern in ("people/by-country/*.html", "people/a-z/*.html", "people/*.html", "timeline/*.html",
                    "days/*.html", "tags/*.html"):
        pages |= {p.relative_to(site).as_posix() for p in sorted(site.glob(pattern))[:1]}
    return sorted(pages)
