"""Audit the figures a reader sees on articles nobody annotated (../shared/eval/AUDIT.md).

    python scripts/audit_figures.py sample --seed 11 --round 3      # draw, extract, write the sheet
    python scripts/audit_figures.py read eval/audits/round-3.jsonl   # the judge's reading copy again
    python scripts/audit_figures.py score eval/audits/round-3.jsonl  # precision from the verdicts

`sample` draws articles at random (a new seed each round) from Wikinews 2019-2020, Reuters-21578
stories with government or military words and BBC politics odd-numbered files, leaving out every
article annotated, audited or read while tuning (`auditing.used_articles()`). A second draw takes
articles with a number before a word for military personnel, because troop counts are rare; with
`--reserved` it draws them from news kept out of development work (CoNLL-2003 dev documents,
TempEval-3 TimeBank/AQUAINT; their dates are not judged, the date extractor being tuned on
TempEval-3). It runs `briefgen extract` once and writes:

- `eval/audits/round-N.jsonl`: one line per item to judge (every official and troop count, a
  random sample of dates), with the article's locator and offsets but no corpus text, and empty
  `ok`/`wrong`/`note` fields for the judge;
- `test-artifacts/audit-round-N.txt` (not committed): the judge's reading sheet, each item with
  its headline, publication date, fields and its sentence with the span in [[double brackets]].

The judge reads every item under AUDIT.md and gold/GUIDELINES.md and fills `ok` (true/false),
`wrong` (the wrong fields: name, title, org, not_official, value, who, kind, not_troops, span,
type, not_date) and `note` in the .jsonl, by reading, never by a program. `score` prints the
precision per kind with counts and the errors per field.

It reads ../shared at run time and never copies corpus text into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from auditing import (
    AUDITS,
    ROOT,
    CorpusArticle,
    bbc_politics_articles,
    conll_dev_articles,
    extract,
    head_commit,
    load_article,
    mixed_draw,
    precision,
    read_sheet,
    refuse_existing,
    reuters_articles,
    sentence_around,
    tempeval_articles,
    unused,
    wikinews_articles,
    write_new_sheet,
)
from auditing import used_articles as used_articles  # audit_dates (dates2 branch) calls it from here

GOVERNMENT = re.compile(
    r"\b(?:minister|president|troops|soldiers|army|military|government|ambassador|secretary|"
    r"governor|senator|parliament|rebels|defen[cs]e|forces|spokesman|chancellor|premier)\b",
    re.IGNORECASE,
)
PERSONNEL = re.compile(
    r"\b\d[\d,.]*\s+(?:[A-Za-z-]+\s+){0,3}(?:troops|soldiers|servicemen|forces|fighters|marines|"
    r"militants|rebels|guerrillas|gunmen|paratroopers|peacekeepers|reservists|sailors|airmen)\b",
    re.IGNORECASE,
)
MIX = {"wikinews-2019-2020": 0.5, "reuters21578": 0.35, "bbc-news-summary": 0.15}
"""Share of each source in the general draw (the pool itself is mostly Reuters)."""


def candidate_pool() -> list[CorpusArticle]:
    """Every article the general draw may take: long enough, and from Reuters only government or military news."""
    wikinews = [a for a in wikinews_articles() if len(a.body.split()) >= 80 and not a.title.startswith("TEST PAGE")]
    reuters = [a for a in reuters_articles() if len(a.body.split()) >= 80 and GOVERNMENT.search(a.body)]
    return wikinews + reuters + bbc_politics_articles()


def shown_fields(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """What the site shows for an item, the fields the judge rules on."""
    keys = {"official": ("name", "title", "org"), "troops": ("value", "high", "approx", "who", "kind"),
            "date": ("value", "type")}[kind]
    return {k: item.get(k) for k in keys}


def sample(args: argparse.Namespace) -> None:
    """Draw this round's articles, extract, and write the sheet and the reading copy."""
    sheet = AUDITS / f"round-{args.round}.jsonl"
    refuse_existing(sheet)
    rng = random.Random(args.seed)
    pool = unused(candidate_pool())
    rng.shuffle(pool)
    general = mixed_draw(pool, MIX, args.articles)
    drawn = {a.key for a in general}
    troop_candidates = [a for a in pool if a.key not in drawn]
    if args.reserved:  # their dates are not judged: the date extractor is tuned on TempEval-3
        troop_candidates = unused(conll_dev_articles() + tempeval_articles())
        rng.shuffle(troop_candidates)
    troop_pool = [a for a in troop_candidates if PERSONNEL.search(a.body)][: args.troop_articles]
    chosen = general + troop_pool
    records = extract(chosen)
    items: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for article in chosen:
        figures = records[article.key]["figures"]
        base = {"source": article.source, "date": article.date}
        for kind, found in (("official", figures["officials"]), ("troops", figures["troops"]),
                            ("date", figures["dates"])):
            for item in found:
                start, end = (item["mentions"][0] if kind == "official" else (item["start"], item["end"]))
                record = {**base, "kind": kind, "shown": shown_fields(kind, item), "span": [start, end],
                          "sentence": list(sentence_around(article.body, start, end))}
                if kind != "date":
                    items.append(record)
                elif article.dataset != "tempeval3":  # the date extractor is tuned on TempEval-3's dev
                    dates.append(record)
    items += rng.sample(dates, min(args.dates, len(dates)))
    commit = head_commit()
    write_new_sheet(sheet, [{"id": f"r{args.round}-{n:04d}", "round": args.round, "seed": args.seed,
                             "commit": commit, **item, "ok": None, "wrong": [], "note": ""}
                            for n, item in enumerate(items, start=1)])
    reading = write_reading_copy(sheet)
    counts = Counter(item["kind"] for item in items)
    print(f"{len(chosen)} articles ({len(troop_pool)} drawn for troop counts), items: {dict(counts)}")
    print(f"sheet: {sheet.relative_to(ROOT)}  reading copy: {reading.relative_to(ROOT)}")


def write_reading_copy(sheet: Path) -> Path:
    """Write the judge's copy (not committed): every item with its headline and sentence, the span marked."""
    out: list[str] = []
    for item in read_sheet(sheet):
        article = load_article(item["source"])
        body = article.body
        (s0, s1), (a, b) = item["sentence"], item["span"]
        sentence = body[s0:a] + "[[" + body[a:b] + "]]" + body[b:s1]
        out.append(f"{item['id']}  {item['kind'].upper()}  {json.dumps(item['shown'], ensure_ascii=False)}\n"
                   f"  article: {article.key}  published: {item['date']}\n"
                   f"  headline: {article.title}\n  sentence: {' '.join(sentence.split())}\n")
    reading = ROOT / "test-artifacts" / f"audit-{sheet.stem}.txt"
    reading.parent.mkdir(exist_ok=True)
    reading.write_text("\n".join(out), encoding="utf-8")
    return reading


def reread(args: argparse.Namespace) -> None:
    """Write the judge's reading copy of a committed sheet again (it is not committed)."""
    reading = write_reading_copy(Path(args.sheet))
    print(f"reading copy: {reading.relative_to(ROOT)}")


def score(args: argparse.Namespace) -> None:
    """Precision per kind and errors per field, from a judged sheet."""
    items = read_sheet(Path(args.sheet))
    unjudged = [i["id"] for i in items if i["ok"] is None]
    if unjudged:
        print(f"{len(unjudged)} items not judged yet, e.g. {unjudged[:3]}", file=sys.stderr)
    for kind in ("official", "troops", "date"):
        found = precision((i for i in items if i["kind"] == kind), lambda i: i["ok"],
                          lambda i: i["wrong"] or ["unspecified"])
        if found.judged:
            print(f"{kind:9} {found}  {found.errors_text()}")


def main() -> None:
    """Command line: `sample` or `score`."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(required=True)
    draw = commands.add_parser("sample", help="draw articles, extract, write the sheet")
    draw.add_argument("--seed", type=int, required=True, help="a new seed each round")
    draw.add_argument("--round", type=int, required=True, help="round number (names the sheet)")
    draw.add_argument("--articles", type=int, default=60, help="articles drawn from the whole pool")
    draw.add_argument("--troop-articles", type=int, default=40, help="more articles with troop-like numbers")
    draw.add_argument("--dates", type=int, default=200, help="dates judged (a random sample)")
    draw.add_argument("--reserved", action="store_true",
                      help="draw the troop articles from the reserved pool (CoNLL-2003 dev, TempEval-3 TBAQ)")
    draw.set_defaults(run=sample)
    copy = commands.add_parser("read", help="write the reading copy of a sheet again")
    copy.add_argument("sheet")
    copy.set_defaults(run=reread)
    scoring = commands.add_parser("score", help="precision from a judged sheet")
    scoring.add_argument("sheet")
    scoring.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
