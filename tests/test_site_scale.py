"""The site's pages at archive scale, on made-up analysed articles: the pages a reader opens first stay the
same size when the archive grows tenfold, none passes 1 MB, and making the page models is linear work.
No test here reads a clock (bench/site_weight.py measures real corpora)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from operations import count_operations
from synthetic_news import synthetic_entries

from briefgen.config import load_config
from briefgen.site.brief import front_page
from briefgen.site.pages import render_pages, site_model, site_pages
from briefgen.site.render import PageWriter
from briefgen.site.timeline import build_timeline
from briefgen.site.whos_who import build_directory

BOUNDED = ("index.html", "people/index.html", "timeline.html", "figures.html")
"""Pages whose size depends on a day's or a week's news, not on the size of the archive."""
MEGABYTE = 1_000_000


def rendered(count: int) -> dict[str, bytes]:
    """Every page but the article pages of a site of `count` made-up articles, 25 a day."""
    config = load_config(None, Path("/nonexistent-project"))
    writer = PageWriter(config)
    render_pages(writer, [page for page in site_pages(config, synthetic_entries(count)) if not page.indexed])
    assert not writer.problems
    return writer.files


@pytest.fixture(scope="module")
def small_and_large() -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The sites of 400 and 4,000 articles."""
    return rendered(400), rendered(4000)


def test_the_first_pages_a_reader_opens_do_not_grow_with_the_archive(
        small_and_large: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    small, large = small_and_large
    for page in BOUNDED:
        assert len(large[page]) < 1.5 * len(small[page]), \
            f"{page}: {len(small[page]):,} bytes at 400 articles, {len(large[page]):,} at 4,000"
    timeline = [len(data) for name, data in large.items() if name.startswith("timeline/")]
    assert max(timeline) < 2 * len(small["timeline.html"]) + 200_000  # a month is split past 300 events


def test_no_page_is_over_a_megabyte_and_every_person_is_filed(
        small_and_large: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    _, large = small_and_large
    heavy = {name: len(data) for name, data in large.items() if len(data) > MEGABYTE}
    assert not heavy, heavy
    people = [name for name in large if name.startswith("people/") and name.count("/") == 1
              and name not in ("people/index.html", "people/names.js")]
    filed = sum(len(re.findall(rb'<li><a href="\.\./\.\./people/(?!index\.html)[a-z0-9-]+\.html"', data))
                for name, data in large.items() if name.startswith("people/a-z/"))
    assert filed == len(people) > 1000, "the A-Z pages do not list every person once"


def models(count: int) -> object:
    """Make who's who, the timeline and the front page of `count` made-up articles."""
    config = load_config(None, Path("/nonexistent-project"))
    model = site_model(config, synthetic_entries(count))
    return build_directory(model.people), build_timeline(model.entries), front_page(model.entries, model.person_urls)


def test_making_the_page_models_is_linear_work() -> None:
    models(50)  # first calls fill caches: keep them out of the count
    small = count_operations(lambda: models(300))
    large = count_operations(lambda: models(600))
    assert large / small < 2.3, f"the work grew {large / small:.2f} times when the articles doubled"
