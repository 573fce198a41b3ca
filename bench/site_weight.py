"""Page weight and usability of the built site at archive scale (issue 13), on the benchmark's corpus.

    python bench/site_weight.py --articles 1000
    python bench/site_weight.py --articles 20000 --browser

Builds N corpus articles (bench/corpus.py: BBC News Summary and Reuters-21578, read at run time) in a
temporary project with `search: false` (the search index does not change the HTML), then reports per
kind of page how many there are and the largest, and every page over 1 MB. With --browser it opens
who's who and the timeline in headless Chromium (Debian's, via Playwright) and times what a reader
does there: the page load, the filter box answering a name, a year link of the timeline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, REPO_ROOT, sample_articles
from projects import write_briefgen_project

MEGABYTE = 1_000_000
CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))


def build(folder: Path) -> float:
    """Build the project in `folder` with this checkout of briefgen; seconds taken."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefgen", "build", "-q"], cwd=folder, env=env, check=True)
    return time.perf_counter() - started


def kind_of(path: str) -> str:
    """The kind of a site page: its folder (two levels for who's who) or its file name."""
    parts = path.split("/")
    if len(parts) == 1:
        return path
    if parts[0] == "people" and len(parts) == 3:
        return f"people/{parts[1]}/"
    return f"{parts[0]}/" if parts[-1] != "index.html" else path


def weigh(site: Path) -> dict[str, tuple[int, int, str]]:
    """Per kind of page: (pages, bytes of the largest, its path)."""
    kinds: dict[str, tuple[int, int, str]] = {}
    for path in site.rglob("*"):
        if path.suffix not in (".html", ".js", ".xml") or "pagefind" in path.parts or "static" in path.parts:
            continue
        name = path.relative_to(site).as_posix()
        size = path.stat().st_size
        count, largest, where = kinds.get(kind_of(name), (0, 0, ""))
        kinds[kind_of(name)] = (count + 1, size, name) if size > largest else (count + 1, largest, where)
    return dict(sorted(kinds.items()))


def try_in_browser(site: Path) -> list[str]:
    """Load who's who and the timeline from disk in Chromium, use the filter and the year links; what it took."""
    from playwright.sync_api import sync_playwright

    lines = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        started = time.perf_counter()
        page.goto((site / "people" / "index.html").as_uri())
        lines.append(f"who's who loaded in {1000 * (time.perf_counter() - started):.0f} ms, "
                     f"{page.locator('#people-lists li').count()} people listed")
        name = page.locator("#people-lists li a").first.inner_text()
        started = time.perf_counter()
        page.locator("#people-filter").fill(name.split()[-1].lower())
        page.wait_for_selector("#people-filter-results li", timeout=30_000)
        lines.append(f"filter '{name.split()[-1].lower()}': {page.locator('#people-filter-status').inner_text()!r} "
                     f"in {1000 * (time.perf_counter() - started):.0f} ms (names.js loaded on first use)")
        started = time.perf_counter()
        page.goto((site / "timeline.html").as_uri())
        rows = page.locator("ol.timeline > li").count()
        lines.append(f"timeline loaded in {1000 * (time.perf_counter() - started):.0f} ms: "
                     f"{page.locator('h1').inner_text()!r}, {rows} rows")
        years = page.locator(".timeline-nav .years a")
        if years.count() > 1:
            started = time.perf_counter()
            with page.expect_navigation():
                years.first.click()
            lines.append(f"year link {years.first.inner_text() if years.count() else ''}: "
                         f"{page.locator('h1').inner_text()!r} in {1000 * (time.perf_counter() - started):.0f} ms")
        browser.close()
    return lines


def main() -> None:
    """Build, weigh, report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--workdir", type=Path, default=None, help="where the temporary project goes")
    parser.add_argument("--browser", action="store_true", help="also try who's who and the timeline in Chromium")
    parser.add_argument("--keep", action="store_true", help="keep the project for a look")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="briefgen-weight-", dir=args.workdir))
    try:
        write_briefgen_project(sample_articles(args.articles, args.corpus), folder)
        (folder / "config.yaml").write_text("search: false\nbase_url: https://example.org/brief/\n")
        seconds = build(folder)
        site = folder / "site"
        print(f"{args.articles} articles built in {seconds:.1f} s into {sum(1 for _ in site.rglob('*.html'))} pages")
        print(f"{'kind of page':28} {'pages':>7} {'largest bytes':>14}  largest")
        for kind, (count, largest, where) in weigh(site).items():
            print(f"{kind:28} {count:7,} {largest:14,}  {where}")
        heavy = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.stat().st_size > MEGABYTE]
        print(f"pages over 1 MB: {len(heavy)}" + (f" ({', '.join(heavy[:10])})" if heavy else ""))
        if args.browser:
            for line in try_in_browser(site):
                print(line)
    finally:
        if args.keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
