"""Made-up analysed articles in any number, for checking how the site's pages grow with the archive
(no analysis runs: each entry comes with its figures and sentence spans)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from briefgen.article import Analysis, Article, DateMention, Figures, Official, TroopCount
from briefgen.site.entries import Entry

GIVEN = ("Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ines", "Jonas", "Karim", "Lena",
         "Marco", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Tomas", "Yusuf")
FAMILY = ("Abara", "Berg", "Costa", "Dahl", "Eze", "Fischer", "Garcia", "Haddad", "Ivanov", "Jensen", "Kowalski",
          "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Santos", "Tanaka", "Uddin",
          "Varga", "Weber", "Xu", "Yilmaz", "Zhou")
COUNTRIES = ("Russia", "United States", "Ukraine", "France", "Germany", "China", "Poland", "Turkey", "Japan",
             "India", "Brazil", "Nigeria", "Kenya", "Egypt", "Iran", "Israel", "Canada", "Mexico", "Italy", "Spain")
TITLES = ("Foreign Minister", "Defence Minister", "President", "Prime Minister", "spokesperson", "ambassador")
LATEST = dt.date(2022, 1, 31)


def person(rng: random.Random, pool: int) -> tuple[str, str, str]:
    """A name, title and country from a pool of `pool` people, a few named often and most rarely."""
    n = int(pool * rng.random() ** 3)
    name = f"{GIVEN[n % len(GIVEN)]} {FAMILY[(n // len(GIVEN)) % len(FAMILY)]}"
    if n >= len(GIVEN) * len(FAMILY):
        name += f"-{FAMILY[n // (len(GIVEN) * len(FAMILY)) % len(FAMILY)]}"
    return name, TITLES[n % len(TITLES)], COUNTRIES[n % len(COUNTRIES)]


def synthetic_entry(i: int, day: dt.date, rng: random.Random, pool: int) -> Entry:
    """Article `i` of `day`: three officials in three sentences, two dates, and a troop count in one of five."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    officials: list[Official] = []
    dates: list[DateMention] = []
    troops: list[TroopCount] = []

    def sentence(text: str) -> int:
        start = sum(len(p) + 1 for p in parts)
        parts.append(text)
        spans.append((start, start + len(text)))
        return start

    for k in range(3):
        name, title, country = person(rng, pool)
        if any(o.name == name for o in officials):
            continue
        start = sentence(f"{name} said the talks on item {i}-{k} would go on.")
        officials.append(Official(name, title, country, (), ((start, start + len(name)),)))
    earlier = day - dt.timedelta(days=rng.randrange(1, 20))
    start = sentence(f"The meeting was held on {earlier.isoformat()} in the capital.")
    dates.append(DateMention(earlier.isoformat(), "DATE", earlier.isoformat(), start + 24, start + 34))
    start = sentence(f"A vote is due in {day.strftime('%B')} or {earlier.year + 1}.")
    dates.append(DateMention(day.strftime("%Y-%m"), "DATE", day.strftime("%B"), start + 17, start + 17 + 3))
    dates.append(DateMention(str(earlier.year + 1), "DATE", "next year", start + 24, start + 28))
    dates.append(DateMention("P3D", "DURATION", "three days", start, start + 1))
    if i % 5 == 0:
        count = 500 * (1 + rng.randrange(200))
        start = sentence(f"About {count:,} troops were moved.")
        troops.append(TroopCount(count, None, True, COUNTRIES[i % len(COUNTRIES)], "strength",
                                 f"About {count:,} troops", start, start + 12 + len(f"{count:,}")))
    body = " ".join(parts)
    article = Article(Path(f"content/{day.isoformat()}/{i}.md"), f"{day.isoformat()}/{i}.md",
                      f"Headline number {i} about talks in the capital on {day.isoformat()}", day, None, (), False,
                      body, 1)
    summary = tuple(body[a:b] for a, b in spans[:3])
    return Entry(article, Analysis(summary, Figures(tuple(troops), tuple(dates), tuple(officials))),
                 f"{day.isoformat()}-{i}", tuple(spans))


def synthetic_entries(count: int, per_day: int = 25, seed: int = 7) -> list[Entry]:
    """`count` articles, `per_day` a day back from LATEST, naming people from a pool that grows with the count."""
    rng = random.Random(seed)
    pool = max(50, count // 3)
    return [synthetic_entry(i, LATEST - dt.timedelta(days=i // per_day), rng, pool) for i in range(count)]
