"""Audit officials in the wild: sample unannotated articles, extract, and show each official for a judgement.

    python scripts/audit_officials.py sample --seed 7 --per-source 12 --out eval/audits/officials-round-1.jsonl
    python scripts/audit_officials.py show eval/audits/officials-round-1.jsonl      # what the judge reads
    python scripts/audit_officials.py score eval/audits/officials-round-1.jsonl     # count the verdicts

The pool (../eval/AUDIT.md): Wikinews 2019-2020, Reuters-21578 stories with government or military
words, BBC politics files with odd numbers; every article annotated, audited or read while tuning
(`auditing.used_articles()`) is left out. The sheet stores ids, offsets and what briefgen showed,
never corpus sentences: `show` reads the sentences from ../shared/corpus at run time. A judge adds
`verdict` ("right" or "wrong") and `wrong` (the wrong fields: name, title, org, not-official) by
reading each item; no program judges.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from auditing import (
    CorpusArticle,
    bbc_politics_articles,
    extract,
    load_article,
    marked_sentence,
    precision,
    read_sheet,
    refuse_existing,
    reuters_articles,
    unused,
    wikinews_articles,
    write_new_sheet,
)

_GOVERNMENT = re.compile(r"\b(?:minister|president|government|army|military|troops|defen[cs]e|secretary|"
                         r"ambassador|general|spokesman|governor|senator|parliament|rebels?)\b", re.I)


def _pool() -> dict[str, list[CorpusArticle]]:
    """Every article a round may draw, by source."""
    # the junk row goes, and the longest interviews, which would swamp a round
    wikinews = [a for a in wikinews_articles()
                if not a.title.startswith("TEST PAGE") and len(a.body.split()) <= 3000]
    reuters = [a for a in reuters_articles() if len(_GOVERNMENT.findall(a.body)) >= 2]
    return {"wikinews": wikinews, "reuters": reuters, "bbc": bbc_politics_articles()}


def _sample(args: argparse.Namespace) -> None:
    """Draw `--per-source` unused articles of each source, extract, and write the sheet of their officials."""
    out = Path(args.out)
    refuse_existing(out)
    rng = random.Random(args.seed)
    chosen: list[CorpusArticle] = []
    for _source, articles in sorted(_pool().items()):
        articles = unused(articles)
        chosen += rng.sample(articles, min(args.per_source, len(articles)))
    records = extract(chosen)
    items = [{"seed": args.seed, "article": a.key, "source": a.source, "date": a.date,
              "name": o["name"], "title": o["title"], "org": o["org"],
              "mentions": o["mentions"], "verdict": None, "wrong": [], "note": ""}
             for a in chosen for o in records[a.key]["figures"]["officials"]]
    write_new_sheet(out, items)
    print(f"{len(chosen)} articles, {len(items)} officials -> {out}")


def _show(args: argparse.Namespace) -> None:
    """Print each official (or only the unjudged ones) with the sentences of its first mentions."""
    for n, item in enumerate(read_sheet(Path(args.sheet))):
        if args.only_unjudged and item["verdict"] is not None:
            continue
        article = load_article(item["source"])
        print(f"[{n}] {item['article']}  ({item['date']})  {article.title}")
        print(f"    SHOWN  name={item['name']!r} title={item['title']!r} org={item['org']!r}")
        for s, e in item["mentions"][:args.mentions]:
            print("    > " + marked_sentence(article.body, s, e)[:600])
        if item["verdict"] is not None:
            print(f"    VERDICT {item['verdict']} {item['wrong']} {item['note']}")
        print()


def _score(args: argparse.Namespace) -> None:
    """Precision and wrong fields of each judged sheet."""
    for sheet in args.sheets:
        items = read_sheet(Path(sheet))
        found = precision(items, lambda i: None if i["verdict"] is None else i["verdict"] == "right",
                          lambda i: i["wrong"])
        articles = len({i["article"] for i in items})
        seeds = sorted({i["seed"] for i in items})
        print(f"{sheet}: seed {seeds}, {articles} articles with officials, {len(items)} officials, "
              f"{found.judged} judged; precision {found}; wrong fields: {found.errors_text() or 'none'}")


def _compare(args: argparse.Namespace) -> None:
    """Re-extract a judged sheet's articles with this checkout and print every official that changed."""
    items = read_sheet(Path(args.sheet))
    articles = {i["article"]: load_article(i["source"]) for i in items}
    records = extract(list(articles.values()))
    same = changed = 0
    for key, article in articles.items():
        old = {(i["name"]): i for i in items if i["article"] == key}
        new = {o["name"]: o for o in records[key]["figures"]["officials"]}
        for name in sorted(set(old) | set(new)):
            o, w = old.get(name), new.get(name)
            before = (o["title"], o["org"]) if o else None
            after = (w["title"], w["org"]) if w else None
            if before == after:
                same += 1
                continue
            changed += 1
            verdict = f"{o['verdict']} {o['wrong']}" if o else "new"
            s, e = ((w or o or {}).get("mentions") or [[0, 0]])[0]
            sentence = marked_sentence(article.body, s, e)
            print(f"{key.split('/')[-1][:60]}  {name!r}: {before} -> {after}   (was {verdict})\n    > {sentence[:400]}")
    print(f"{same} unchanged, {changed} changed")


def main() -> None:
    """Parse the command line and run one of sample, show, score."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="sample articles, extract, write a sheet to judge")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--per-source", type=int, default=12)
    s.add_argument("--out", required=True)
    s.set_defaults(run=_sample)
    v = sub.add_parser("show", help="print each official with its sentences")
    v.add_argument("sheet")
    v.add_argument("--mentions", type=int, default=2, help="sentences shown per official")
    v.add_argument("--only-unjudged", action="store_true")
    v.set_defaults(run=_show)
    d = sub.add_parser("compare", help="re-extract a judged sheet's articles and print what changed")
    d.add_argument("sheet")
    d.set_defaults(run=_compare)
    c = sub.add_parser("score", help="precision and wrong fields of judged sheets")
    c.add_argument("sheets", nargs="+")
    c.set_defaults(run=_score)
    args = ap.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
