"""The front page as a brief: the latest days' stories one line each with their key figure, what is coming
up, then each story in full (summary and fact line); undated articles in a section of their own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen.site import urls
from briefgen.site.entries import Entry, group_by_day, official_label
from briefgen.site.facts import Fact, FactCard, PersonUrls, fact_card, troop_words
from briefgen.site.periods import day_in_words
from briefgen.site.timeline import Event, timeline_events

FRONT_PAGE_DAYS = 7
"""Days with articles on the front page; older days are in the archive."""
UNDATED_SHOWN = 20
"""Undated articles shown in full on the front page; the rest are listed on the undated day page."""
COMING_UP_SHOWN = 8


@dataclass(frozen=True)
class Story:
    """An article in a brief: the entry, its fact card and the one figure that goes beside its headline."""

    entry: Entry
    card: FactCard
    key_figure: str
    """"Russia: about 100,000 troops", "Antony Blinken, Secretary of State"; "" when there is none."""

    @property
    def other_dates(self) -> tuple[Fact, ...]:
        """The dates of the fact card besides the publication day (which the story's date line says)."""
        published = day_in_words(self.entry.article.date) if self.entry.article.date else None
        return tuple(f for f in self.card.dates if f.label != published)

    @property
    def anchor(self) -> str:
        """The id of the story's full entry on the page."""
        return f"story-{self.entry.slug}"


@dataclass(frozen=True)
class BriefDay:
    """The stories of one publication day (None: undated)."""

    date: dt.date | None
    stories: tuple[Story, ...]

    @property
    def url(self) -> str:
        """The day's archive page."""
        return urls.day_url(urls.day_slug(self.date))


@dataclass(frozen=True)
class FrontPage:
    """What the front page shows."""

    days: tuple[BriefDay, ...]
    """The latest days with articles, newest first."""
    undated: BriefDay | None
    undated_total: int
    coming_up: tuple[Event, ...]
    """Dates after the latest brief that its stories mention, soonest first."""
    older: bool
    """True when there are earlier days, in the archive."""

    @property
    def latest(self) -> dt.date | None:
        """The day of the latest brief."""
        return self.days[0].date if self.days else None

    @property
    def stories(self) -> list[Story]:
        """Every dated story on the page, newest day first."""
        return [story for day in self.days for story in day.stories]

    @property
    def new(self) -> int:
        """How many stories arrived in the latest build."""
        undated = self.undated.stories if self.undated else ()
        return sum(s.entry.new for s in [*self.stories, *undated])


def key_figure(entry: Entry) -> str:
    """The figure to put beside a headline: the first troop count with a number (a story leads with its
    count), else the first troop count, else the official the article names most, with their role."""
    figures = entry.analysis.figures
    troops = sorted(figures.troops, key=lambda t: (t.value is None, t.start))
    if troops:
        return troop_words(troops[0])
    named = [o for o in figures.officials if o.title]
    if named:
        official = max(named, key=lambda o: len(o.mentions))
        return f"{official.name}, {official_label(official)}"
    return ""


def story(entry: Entry, person_urls: PersonUrls) -> Story:
    """An entry with its fact card and key figure."""
    return Story(entry, fact_card(entry, person_urls), key_figure(entry))


def brief_day(date: dt.date | None, entries: tuple[Entry, ...] | list[Entry], person_urls: PersonUrls) -> BriefDay:
    """The stories of one day."""
    return BriefDay(date, tuple(story(e, person_urls) for e in entries))


def front_page(entries: list[Entry], person_urls: PersonUrls) -> FrontPage:
    """The latest days' stories, what they say is coming, and every undated article (the first ones in full)."""
    days = group_by_day(entries)
    dated = [day for day in days if day.date is not None]
    undated = next((day.entries for day in days if day.date is None), ())
    shown = [brief_day(day.date, day.entries, person_urls) for day in dated[:FRONT_PAGE_DAYS]]
    latest = shown[0].date if shown else None
    coming: list[Event] = []
    if latest is not None:
        on_page = [s.entry for day in shown for s in day.stories]
        coming = [e for e in timeline_events(on_page) if e.period.start > latest][:COMING_UP_SHOWN]
    return FrontPage(
        days=tuple(shown),
        undated=brief_day(None, undated[:UNDATED_SHOWN], person_urls) if undated else None,
        undated_total=len(undated),
        coming_up=tuple(coming),
        older=len(dated) > FRONT_PAGE_DAYS,
    )
