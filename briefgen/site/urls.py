"""Where every page of the site lives: the one place that turns a model into a site path.

Paths are relative to the site root, without a leading slash; templates prefix them with `root`
(the way back to the root from the page being rendered), so the site works under any sub-path
and opened from disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

FRONT_PAGE = "index.html"
TIMELINE = "timeline.html"
PEOPLE = "people/index.html"
FIGURES = "figures.html"
TAGS = "tags/index.html"
ARCHIVE = "days/index.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ARTICLES_FOLDER = "articles"
"""The folder of article pages, the pages the search index covers."""


RESERVED_SLUGS = frozenset({"index"})
"""Names the list pages take in their folders (tags/index.html, people/index.html): never an item's slug."""
MAX_SLUG = 100
"""Characters (ASCII): with its folder and ".html", a page's name stays well below the 255 bytes file systems allow."""


def slugify(text: str) -> str:
    """A lower-case ASCII slug for URLs ("Talks in Geneva!" -> "talks-in-geneva"), at most MAX_SLUG long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "item"
    if len(slug) > MAX_SLUG:  # cut, with a digest of the whole so that long names sharing a beginning stay apart
        slug = f"{slug[: MAX_SLUG - 9].rstrip('-')}-{hashlib.sha256(slug.encode()).hexdigest()[:8]}"
    return slug


class UniqueSlugs:
    """Slugs for the items of one folder of pages: never twice the same, never a list page's name."""

    def __init__(self) -> None:
        self.taken: set[str] = set(RESERVED_SLUGS)
        self.counts: dict[str, int] = {}

    def take(self, text: str) -> str:
        """The slug of `text`, numbered when already taken ("talks", then "talks-2", "talks-3")."""
        base = slugify(text)
        slug, n = base, self.counts.get(base, 1)
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.counts[base] = n
        self.taken.add(slug)
        return slug


def article_url(slug: str) -> str:
    """The page of an article."""
    return f"{ARTICLES_FOLDER}/{slug}.html"


def person_url(slug: str) -> str:
    """The page of a person in who's who."""
    return f"people/{slug}.html"


def people_country_url(slug: str) -> str:
    """The who's who page of one country or organisation."""
    return f"people/by-country/{slug}.html"


def people_letter_url(letter: str) -> str:
    """The who's who page of family names starting with one letter ("a", or "other")."""
    return f"people/a-z/{letter}.html"


PEOPLE_FILTER_DATA = "people/names.js"
"""Every person's name, page and country, for the who's who filter box."""


def tag_url(slug: str) -> str:
    """The page of a tag."""
    return f"tags/{slug}.html"


def day_slug(day: dt.date | None) -> str:
    """The name of a day's archive page: "2022-01-21", or "undated" for the articles without a date."""
    return day.isoformat() if day else "undated"


def day_url(slug: str) -> str:
    """The archive page of one day ("2022-01-21", or "undated")."""
    return f"days/{slug}.html"


def timeline_month_url(month: str, part: int = 1) -> str:
    """The timeline page of one month ("2022-01"), or of a later part of a long month."""
    return f"timeline/{month}.html" if part == 1 else f"timeline/{month}-{part}.html"


def root_of(path: str) -> str:
    """The relative way back to the site root from the page at `path` ("people/x.html" -> "../")."""
    return "../" * path.count("/")
