"""The site of real articles (the repository's six and 150 from Wikinews) in Chromium: the front page is the
brief at a glance on a desk and on a phone, nothing scrolls sideways at 320 px, search is readable in both
schemes, who's who and the timeline work, the 404 page works deep down; screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from typing import Any

import pytest
from built_sites import sample_pages

from .conftest import ARTIFACTS, BuiltSite, OpenPage, search
from .test_pages import luminance

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
NARROW = {"width": 320, "height": 640}
PHONE_OPTIONS: dict[str, Any] = {"device_scale_factor": 2, "is_mobile": True, "has_touch": True}
STORIES_SEEN = """() => {
    const seen = new Set();
    for (const a of document.querySelectorAll('main a[href]')) {
        const m = a.getAttribute('href').match(/(?:#story-|articles\\/)([^#]+?)(?:\\.html)?$/);
        const r = a.getBoundingClientRect();
        if (m && r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight) seen.add(m[1]);
    }
    return seen.size; }"""
"""How many different stories have a link wholly inside the first screen."""
LEAST_ABOVE_THE_FOLD = {"desktop": 5, "phone": 3}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_front_page_shows_several_stories_above_the_fold(news_site: BuiltSite, open_page: OpenPage,
                                                             device: str) -> None:
    options = {"viewport": DESKTOP} if device == "desktop" else {"viewport": PHONE, **PHONE_OPTIONS}
    page, watch = open_page(news_site, **options)
    page.goto(news_site.url + "index.html")
    seen = page.evaluate(STORIES_SEEN)
    (ARTIFACTS / f"above-the-fold-{device}.txt").write_text(f"{seen}\n")
    assert seen >= LEAST_ABOVE_THE_FOLD[device], f"{device}: only {seen} stories above the fold"
    assert not (problems := watch.take()), "\n".join(problems)


def test_no_page_scrolls_sideways_at_320_pixels(news_site: BuiltSite, open_page: OpenPage) -> None:
    page, _ = open_page(news_site, viewport=NARROW, **PHONE_OPTIONS)
    too_wide = []
    for path in [*sample_pages(news_site.folder), "no/such/folder/page.html"]:
        page.goto(news_site.url + path)
        width, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        tables = page.evaluate("() => Array.from(document.querySelectorAll('main table'))"
                               ".filter(t => t.getBoundingClientRect().width > innerWidth).length")
        if width > inner or tables:
            too_wide.append(f"{path}: {width}px wide in a {inner}px viewport, {tables} tables wider than it")
    assert not too_wide, "\n".join(too_wide)


def test_the_404_page_three_folders_deep_is_styled_and_its_links_work(news_site: BuiltSite,
                                                                     open_page: OpenPage) -> None:
    page, watch = open_page(news_site)
    response = page.goto(news_site.url + "one/two/three/missing.html")
    assert response is not None and response.status == 404
    styled = page.evaluate("() => Array.from(document.styleSheets).some(s => s.href && s.href.endsWith("
                           "'/static/style.css') && s.cssRules.length > 20)")
    assert styled, "the 404 page three folders deep has not loaded the theme's stylesheet"
    links = page.locator("main a[href], nav a[href]").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 3
    for link in links:
        reached = page.goto(link)
        assert reached is not None and reached.status == 200, f"the 404 page's link {link} is broken"
    assert not [p for p in watch.take() if "missing.html" not in p]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two computed rgb() colours."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


RESULT_COLOURS = """() => {
    const background = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
        if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
    const parts = document.querySelectorAll('.pagefind-ui__result-link, .pagefind-ui__result-excerpt, '
        + '.pagefind-ui__message, .pagefind-ui__result-excerpt mark');
    return Array.from(parts).map(e => [e.className || e.tagName, getComputedStyle(e).color, background(e)]); }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_are_readable_and_show_one_snippet_per_article(news_site: BuiltSite,
                                                                     open_page: OpenPage, scheme: str) -> None:
    if not (news_site.folder / "pagefind").is_dir():
        pytest.skip("the site has no search index")
    page, watch = open_page(news_site, color_scheme=scheme)
    results = search(page, news_site, "president")
    assert len(results) >= 3, "searching 'president' over 156 articles finds fewer than three"
    page.wait_for_selector(".pagefind-ui__result-excerpt")
    colours = page.evaluate(RESULT_COLOURS)
    assert len(colours) >= 2 * len(results), "the result titles and snippets were not found"
    unreadable = [f"{name}: {fg} on {bg} ({contrast(fg, bg):.2f}:1)" for name, fg, bg in colours
                  if contrast(fg, bg) < 4.5]
    assert not unreadable, f"search results below WCAG AA contrast in {scheme}:\n" + "\n".join(unreadable)
    per_result = page.evaluate("() => Array.from(document.querySelectorAll('.pagefind-ui__result'))"
                               ".map(r => r.querySelectorAll('.pagefind-ui__result-excerpt').length)")
    assert per_result and set(per_result) == {1}, f"snippets per result: {per_result}"
    stylesheets = page.evaluate("() => Array.from(document.styleSheets).map(s => s.href || '')")
    assert any(s.endswith("/static/house.css") for s in stylesheets), "search.html lacks the project's stylesheet"
    page.screenshot(path=ARTIFACTS / f"search-{scheme}.png")
    assert not (problems := watch.take()), "\n".join(problems)


def test_search_opened_from_disk_says_why_it_cannot_work(news_site: BuiltSite, browser: Any) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((news_site.folder / "search.html").as_uri())
        notice = page.locator("#search-unavailable")
        notice.wait_for(state="visible", timeout=5_000)
        assert "served over HTTP" in notice.inner_text()
    finally:
        context.close()


def test_whos_who_filter_finds_people_and_the_lists_work_without_javascript(news_site: BuiltSite,
                                                                          open_page: OpenPage) -> None:
    page, watch = open_page(news_site)
    page.goto(news_site.url + "people/index.html")
    box = page.locator("#people-filter")
    assert box.is_visible(), "the filter box does not show with JavaScript on"
    box.fill("putin")
    page.wait_for_selector("#people-filter-results li")
    found = page.locator("#people-filter-results li a").all_inner_texts()
    assert "Vladimir Putin" in found, found
    assert not page.locator("#people-lists").is_visible(), "the lists stay on screen under the filter's results"
    link = page.locator("#people-filter-results li a", has_text="Vladimir Putin").first
    with page.expect_navigation():
        link.click()
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    assert not (problems := watch.take()), "\n".join(problems)

    still, _ = open_page(news_site, java_script_enabled=False)
    still.goto(news_site.url + "people/index.html")
    assert not still.locator("#people-filter").is_visible(), "without JavaScript a dead filter box shows"
    assert still.locator("#people-lists li").count() >= 20
    country = still.locator(".people-nav a").first
    with still.expect_navigation():
        country.click()
    assert still.locator("main .people-list li").count() >= 1


def test_the_timeline_opens_at_the_latest_brief_and_moves_by_year_then_month(news_site: BuiltSite,
                                                                          open_page: OpenPage) -> None:
    page, watch = open_page(news_site)
    page.goto(news_site.url + "index.html")
    latest = page.locator("main h1 time").get_attribute("datetime") or ""
    page.goto(news_site.url + "timeline.html")
    month = page.locator(".timeline-nav .months a[aria-current=page]")
    assert month.count() == 1
    assert page.locator(".timeline-nav .years a[aria-current]").inner_text() == latest[:4]
    assert re.search(latest[:7], month.get_attribute("href") or ""), f"the timeline opens at {month.inner_text()}"
    assert page.locator(".timeline-nav .is-current").count() == 1, "the month of the latest brief is not marked"
    years = page.locator(".timeline-nav .years a").all_inner_texts()
    earlier = next(y for y in reversed(years) if y < latest[:4])
    with page.expect_navigation():
        page.locator(".timeline-nav .years a", has_text=earlier).click()
    assert earlier in page.locator("h1").inner_text()
    months = page.locator(".timeline-nav .months a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert months and all(earlier in href for href in months), months
    assert page.locator("ol.timeline > li").count() >= 1
    assert not (problems := watch.take()), "\n".join(problems)


SHOTS = {"front-page": "index.html", "who-s-who": "people/index.html", "timeline": "timeline.html"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_main_pages(news_site: BuiltSite, open_page: OpenPage, scheme: str) -> None:
    """test-artifacts/<page>-<scheme>-<desktop|phone>.png, for looking at (and the README's picture)."""
    article = next(iter(sorted(news_site.folder.glob("articles/2022-01-blinken*.html"))), None)
    shots = {**SHOTS, "article": article.relative_to(news_site.folder).as_posix()} if article else SHOTS
    for device, options in (("desktop", {"viewport": DESKTOP}), ("phone", {"viewport": PHONE, **PHONE_OPTIONS})):
        page, watch = open_page(news_site, color_scheme=scheme, **options)
        for name, path in shots.items():
            page.goto(news_site.url + path)
            target = ARTIFACTS / f"{name}-{scheme}-{device}.png"
            page.screenshot(path=target)
            assert target.stat().st_size > 10_000
        assert not (problems := watch.take()), "\n".join(problems)
