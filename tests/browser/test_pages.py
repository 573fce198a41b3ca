"""Every page of the repository's own site in Chromium: loads cleanly and offline, fits a phone, prints,
renders light and dark; the front page is saved as a screenshot in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from built_sites import html_pages, page_types

from .conftest import ARTIFACTS, BuiltSite, OpenPage

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
PRINTED_PAGES = 2
"""The repository's six stories print on at most this many A4 pages."""


def test_every_page_loads_without_errors_and_stays_on_the_local_server(repo_site: BuiltSite,
                                                                       open_page: OpenPage) -> None:
    page, watch = open_page(repo_site)
    problems = []
    for path in html_pages(repo_site.folder):
        response = page.goto(repo_site.url + path, wait_until="load")
        assert response is not None
        if response.status != 200:
            problems.append(f"{path}: HTTP {response.status}")
        problems += [f"{path}: {problem}" for problem in watch.take()]
    assert not problems, "\n".join(problems)


def test_a_missing_page_gets_the_sites_404_page(repo_site: BuiltSite, open_page: OpenPage) -> None:
    if not (repo_site.folder / "404.html").is_file():
        pytest.skip("the site has no 404.html yet")
    page, watch = open_page(repo_site)
    for missing in ("no-such-page.html", "no/such/folder/page.html"):
        response = page.goto(repo_site.url + missing)
        assert response is not None and response.status == 404
        problems = [p for p in watch.take() if missing not in p]
        assert not problems, f"{missing}:\n" + "\n".join(problems)
        assert page.locator("main").count() == 1, f"{missing}: the 404 page has no <main>"
        page.locator("main a[href$='index.html']").first.click()
        assert page.url.startswith(repo_site.url) and page.locator("main").count() == 1, \
            f"{missing}: the 404 page's first link leads to {page.url}"
        assert not (problems := watch.take()), f"{missing}: following a link:\n" + "\n".join(problems)


def overflowing(page_width: int) -> str:
    """JavaScript listing up to five elements that stick out to the right of the viewport."""
    return f"""() => Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().right > {page_width} + 1 && getComputedStyle(e).position !== 'fixed')
        .filter(e => !e.closest('.table-wrap, pre, [data-scrolls]') || e.matches('.table-wrap, pre, [data-scrolls]'))
        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                              + ' right=' + Math.round(e.getBoundingClientRect().right))"""


def test_no_page_scrolls_sideways_on_a_phone(repo_site: BuiltSite, open_page: OpenPage) -> None:
    page, _ = open_page(repo_site, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    too_wide = []
    for path in html_pages(repo_site.folder):
        page.goto(repo_site.url + path)
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            culprits = page.evaluate(overflowing(width[1]))
            too_wide.append(f"{path}: {width[0]}px wide in a {width[1]}px viewport; sticking out: {culprits}")
    assert not too_wide, "\n".join(too_wide)


def luminance(css_color: str) -> float:
    """Relative luminance (WCAG) of an rgb()/rgba() computed colour."""
    red, green, blue = (float(x) / 255 for x in re.findall(r"[\d.]+", css_color)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_light_and_dark_schemes_render(repo_site: BuiltSite, open_page: OpenPage, scheme: str) -> None:
    page, watch = open_page(repo_site, color_scheme=scheme)
    for kind, path in page_types(repo_site.folder).items():
        page.goto(repo_site.url + path)
        background, text = page.evaluate(
            "() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
        assert "rgba(0, 0, 0, 0)" not in background, f"{kind}: the page has no background colour of its own"
        bright, dark = (background, text) if scheme == "light" else (text, background)
        assert luminance(bright) > luminance(dark) + 0.5, f"{kind} in {scheme}: text {text} on {background}"
    assert not (problems := watch.take()), "\n".join(problems)
    page.goto(repo_site.url + "index.html")
    page.screenshot(path=ARTIFACTS / f"front-page-{scheme}.png", full_page=True)


def test_the_print_stylesheet_hides_navigation_keeps_figures_and_breaks_pages(repo_site: BuiltSite,
                                                                      open_page: OpenPage) -> None:
    page, _ = open_page(repo_site)
    types = page_types(repo_site.folder)
    for path in sorted({"index.html", types.get("articles/", "index.html")}):
        page.goto(repo_site.url + path)
        page.emulate_media(media="screen")
        assert page.locator("nav").count(), f"{path} has no <nav>"
        assert any(nav.is_visible() for nav in page.locator("nav").all()), f"{path}: no <nav> is visible on screen"
        figures = "main table, main dl"
        on_screen = sum(f.is_visible() for f in page.locator(figures).all())
        page.emulate_media(media="print")
        visible_navs = [nav.get_attribute("aria-label") or "nav"
                        for nav in page.locator("nav").all() if nav.is_visible()]
        assert not visible_navs, f"{path}: navigation still printed: {visible_navs}"
        assert page.locator("main").is_visible()
        assert sum(f.is_visible() for f in page.locator(figures).all()) == on_screen, f"{path}: figures not printed"
        splittable = page.evaluate("""() => Array.from(document.querySelectorAll('main article.brief'))
            .filter(a => !['avoid', 'avoid-page'].includes(getComputedStyle(a).breakInside)).length""")
        assert splittable == 0, f"{path}: {splittable} stories of the brief may be split across printed pages"
    page.goto(repo_site.url + "index.html")
    page.emulate_media(media="print")
    stories = page.locator("main article.brief").count()
    articles = [path for path in html_pages(repo_site.folder) if path.startswith("articles/")]
    assert stories == len(articles) == 6, f"the front page has {stories} of the sample's {len(articles)} stories"
    pdf = page.pdf(path=ARTIFACTS / "front-page.pdf", format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages <= PRINTED_PAGES, f"the printed front page takes {pages} A4 pages for {stories} stories"


def test_front_page_screenshot(repo_site: BuiltSite, open_page: OpenPage) -> None:
    """Saved as test-artifacts/front-page.png for the README and for looking at."""
    page, watch = open_page(repo_site, viewport={"width": 1100, "height": 900})
    page.goto(repo_site.url + "index.html")
    page.screenshot(path=ARTIFACTS / "front-page.png", full_page=True)
    assert (ARTIFACTS / "front-page.png").stat().st_size > 10_000
    phone, _ = open_page(repo_site, viewport=PHONE, device_scale_factor=2, is_mobile=True)
    phone.goto(repo_site.url + "index.html")
    phone.screenshot(path=ARTIFACTS / "front-page-phone.png", full_page=True)
    assert not (problems := watch.take()), "\n".join(problems)
