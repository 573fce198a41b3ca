"""Benchmark find_dates: milliseconds per 1,000 words over a folder of texts (not a test; run by hand).

    python tests/extract/bench_dates.py ../shared/corpus/tempeval3/TBAQ-cleaned/TimeBank ...

Each argument is a folder of TimeML (.tml) or plain-text (.txt, .md) files. Every file is
timed `--repeat` times and its best run kept (the machine is shared), then the median and
90th percentile over files are printed, normalised to 1,000 whitespace-separated words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import statistics
import time
from pathlib import Path

from briefgen.extract.dates import find_dates

_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def read_text(path: Path) -> str:
    """The article text of a TimeML file (tags stripped), or the whole of any other file."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".tml":
        found = _TEXT.search(raw)
        return html.unescape(_TAG.sub("", found.group(1) if found else raw))
    return raw


def time_per_thousand_words(text: str, published: dt.date, repeat: int) -> float:
    """Best-of-repeat milliseconds find_dates takes on text, per 1,000 words."""
    best = min(_time_once(text, published) for _ in range(repeat))
    return best * 1000 / max(1, len(text.split())) * 1000


def _time_once(text: str, published: dt.date) -> float:
    start = time.perf_counter()
    find_dates(text, published)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(p for folder in args.folders for p in folder.iterdir() if p.suffix in (".tml", ".txt", ".md"))
    published = dt.date(2000, 1, 1)
    find_dates("warm up on Friday, 3 March 1999, two weeks ago", published)
    timings = sorted(time_per_thousand_words(read_text(p), published, args.repeat) for p in files)
    p90 = timings[int(0.9 * (len(timings) - 1))]
    print(f"files={len(timings)} median={statistics.median(timings):.2f} ms/1k words  p90={p90:.2f}")


if __name__ == "__main__":
    main()
