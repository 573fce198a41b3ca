"""axe-core (npm's axe-core, injected into the page) on one page of each type, in light and dark."""

from __future__ import annotations

from typing import Any

import pytest
from built_sites import sample_pages

from .conftest import AXE, BuiltSite, OpenPage

pytestmark = pytest.mark.browser

ALWAYS_FAIL = {
    "heading-order", "page-has-heading-one", "landmark-one-main", "landmark-unique", "landmark-no-duplicate-main",
    "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level", "landmark-main-is-top-level",
    "landmark-complementary-is-top-level", "region", "bypass", "skip-link", "color-contrast",
}
"""Rules the issue names (landmarks, headings in order, contrast, keyboard): violations fail whatever their impact."""


def describe(violation: dict[str, Any]) -> str:
    """"id (impact): help; at selector, selector"."""
    targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:4])
    return f"{violation['id']} ({violation['impact']}): {violation['help']}; at {targets}"


@pytest.mark.parametrize("site_name", ["repo_site", "news_site"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_on_any_page_type(request: pytest.FixtureRequest, open_page: OpenPage,
                                                             scheme: str, site_name: str) -> None:
    """Every rule in light; in dark only what the colours change (contrast), the rest is the same markup.

    On the repository's own site and on the site of 150 real articles (who's who pages by country and
    letter, timeline months, the filter box and the 404 page three folders deep included)."""
    repo_site: BuiltSite = request.getfixturevalue(site_name)
    if not AXE.is_file():
        pytest.skip(f"axe-core is not installed at {AXE} (npm install --no-save axe-core@4 in the repository root)")
    options = {"resultTypes": ["violations"]} | ({"runOnly": ["color-contrast"]} if scheme == "dark" else {})
    page, watch = open_page(repo_site, color_scheme=scheme)
    found, rules_run = [], []
    for path in [*sample_pages(repo_site.folder), "one/two/three/missing.html"]:
        page.goto(repo_site.url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async options => await axe.run(document, options)", options)
        rules_run.append(sum(len(result[k]) for k in ("passes", "violations", "incomplete", "inapplicable")))
        found += [f"{path}: {describe(v)}" for v in result["violations"]
                  if v["impact"] in ("serious", "critical") or v["id"] in ALWAYS_FAIL]
    assert all(rules_run), "axe ran no rules on some page"
    assert not found, f"{len(found)} accessibility violations in {scheme}:\n" + "\n".join(found)
    assert not (problems := [p for p in watch.take() if "missing.html" not in p]), "\n".join(problems)
