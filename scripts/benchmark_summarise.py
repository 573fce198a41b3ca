"""Time summarise() per 1,000 words of article on the BBC dev split (one process, one thread).

    OPENBLAS_NUM_THREADS=1 taskset -c 0 python scripts/benchmark_summarise.py [--method editor]

Each article is summarised once to warm caches, then timed `--repeat` times; the
figure reported is the median over articles of (best time / words * 1000), and the
same for articles padded to about 1,000 words by repeating their paragraphs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from auditing import bbc_title_and_body

from briefgen.summarise import METHODS, summarise

CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


def _dev_articles(corpus: Path, limit: int) -> list[tuple[str, str]]:
    """(headline, body) of the first `limit` articles of each BBC category (odd politics files only)."""
    folder = corpus / "bbc-news-summary" / "News Articles"
    articles = []
    for category in CATEGORIES:
        for path in sorted((folder / category).glob("*.txt"))[:limit]:
            if category == "politics" and int(path.stem) % 2 == 0:
                continue  # held-out test split
            articles.append(bbc_title_and_body(path))
    return articles


def _ms_per_thousand_words(title: str, body: str, method: str, repeat: int) -> float:
    """The best of `repeat` timings of one summary, in milliseconds per 1,000 words."""
    summarise(body, title=title, method=method)
    best = min(_timed(title, body, method) for _ in range(repeat))
    return best * 1000 * 1000 / len(body.split())


def _timed(title: str, body: str, method: str) -> float:
    """Seconds one summary takes."""
    start = time.perf_counter()
    summarise(body, title=title, method=method)
    return time.perf_counter() - start


def main() -> None:
    """Print the median time per 1,000 words of one method, on the articles as written and padded to 1,000 words."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--method", choices=METHODS, default="editor")
    parser.add_argument("--per-category", type=int, default=60, help="articles read per category")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = _dev_articles(args.corpus, args.per_category)
    plain = [_ms_per_thousand_words(t, b, args.method, args.repeat) for t, b in articles]
    padded = []
    for title, body in articles:
        long_body = body
        while len(long_body.split()) < 1000:
            long_body += "\n" + body
        padded.append(_ms_per_thousand_words(title, long_body, args.method, args.repeat))
    print(f"{args.method}: {len(articles)} dev articles")
    print(f"  as written:        median {statistics.median(plain):.2f} ms per 1,000 words")
    print(f"  padded to >=1,000: median {statistics.median(padded):.2f} ms per 1,000 words")


if __name__ == "__main__":
    main()
