"""Audit officials in the wild: sample unannotated articles, extract, and show each official for a judgement.

    python scripts/audit_officials.py sample --seed 7 --per-source 12 --out eval/audits/officials-round-1.jsonl
    python scripts/audit_officials.py show eval/audits/officials-round-1.jsonl      # what the judge reads
    python scripts/audit_officials.py score eval/audits/officials-round-1.jsonl     # count the verdicts

The pool (../eval/AUDIT.md): Wikinews 2019-2020, Reuters-21578 stories with government or military
words, BBC politics files with odd numbers; every article annotated in ../shared/eval/gold/ or in
this repository's eval/ folder is left out. The sheet stores ids, offsets and what briefgen showed,
never corpus sentences: `show` reads the sentences from ../shared/corpus at run time. A judge adds
`verdict` ("right" or "wrong") and `wrong` (the wrong fields: name, title, org, not-official) by
reading each item; no program judges.
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

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
import common  # noqa: E402
import sources  # noqa: E402

_GOVERNMENT = re.compile(r"\b(?:minister|president|government|army|military|troops|defen[cs]e|secretary|"
                         r"ambassador|general|spokesman|governor|senator|parliament|rebels?)\b", re.I)
_STORY = re.compile(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', re.S)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[A-Z])|\n\s*\n")


def _annotated_ids() -> set[str]:
    """Ids of every article annotated in the shared gold folder or this repository's eval/ folder."""
    ids: set[str] = set()
    for path in [*(EVAL / "gold").glob("*.jsonl"), *(REPO / "eval").rglob("*.jsonl")]:
        if "audits" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["id"])
    return ids


def _pool() -> dict[str, list[dict[str, Any]]]:
    """Source locators of every candidate article, by source."""
    import csv

    wikinews = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        file = f"wikinews-2019-2020/{name}"
        with open(common.CORPUS / file, encoding="utf-8", newline="") as fh:
            for row_no, row in enumerate(csv.DictReader(fh)):
                if row["title"].startswith("TEST PAGE") or len(row["text"].split()) > 3000:
                    continue  # the junk row; the longest interviews would swamp a round
                wikinews.append({"dataset": "wikinews-2019-2020", "file": file, "row": row_no, "url": row["url"],
                                 "id": f"wikinews-2019-2020:{row['url']}", "date": row["date"]})
    reuters = []
    for path in sorted((common.CORPUS / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for m in _STORY.finditer(raw):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            date = re.search(r"<DATE>\s*(\d{1,2}-[A-Z]{3}-\d{4})", m.group(2))
            if body is None or len(_GOVERNMENT.findall(body.group(1))) < 2:
                continue
            reuters.append({"dataset": "reuters21578", "file": f"reuters21578/{path.name}", "newid": m.group(1),
                            "id": f"reuters21578:{m.group(1)}", "date": _reuters_date(date.group(1) if date else "")})
    folder = common.CORPUS / "bbc-news-summary" / "News Articles" / "politics"
    bbc = [{"dataset": "bbc-news-summary", "file": f"bbc-news-summary/News Articles/politics/{n:03d}.txt",
            "id": f"bbc-news-summary:politics/{n:03d}.txt", "date": None}
           for n in range(1, 1000, 2) if (folder / f"{n:03d}.txt").exists()]  # odd numbers only: evens are held out
    return {"wikinews": wikinews, "reuters": reuters, "bbc": bbc}


def _reuters_date(text: str) -> str | None:
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    m = re.match(r"(\d{1,2})-([A-Z]{3})-(\d{4})", text)
    if m is None or m.group(2) not in months:
        return None
    return f"{m.group(3)}-{months.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"


def _sample(args: argparse.Namespace) -> None:
    excluded = _annotated_ids() | set(_earlier_articles(args.out))
    rng = random.Random(args.seed)
    chosen = []
    for _source, items in sorted(_pool().items()):
        items = [i for i in items if i["id"] not in excluded]
        chosen += rng.sample(items, min(args.per_source, len(items)))
    articles = []
    for n, loc in enumerate(chosen):
        title, body = sources.load(loc)
        articles.append(common.Article(f"a{n:03d}", title, loc["date"], body))
    records, _secs = common.extract(articles)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for art, loc in zip(articles, chosen, strict=True):
            source = {k: v for k, v in loc.items() if k not in ("id", "date")}
            for o in records[art.key]["figures"]["officials"]:
                item = {"seed": args.seed, "article": loc["id"], "source": source, "date": loc["date"],
                        "name": o["name"], "title": o["title"], "org": o["org"],
                        "mentions": o["mentions"], "verdict": None, "wrong": [], "note": ""}
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
                count += 1
    print(f"{len(chosen)} articles, {count} officials -> {out}")


def _earlier_articles(out: str) -> list[str]:
    """Articles already judged in earlier rounds (the other sheets beside `out`): a new round takes new ones."""
    found = []
    for path in Path(out).parent.glob("officials-round-*.jsonl"):
        if path.resolve() != Path(out).resolve():
            found += [json.loads(line)["article"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return found


def _sentence(body: str, at: int) -> tuple[int, int]:
    """The sentence around offset `at` (a simple splitter: the judge only needs to read it)."""
    start = 0
    for m in _SENTENCE_END.finditer(body, 0, at):
        start = m.end()
    m = _SENTENCE_END.search(body, at)
    return start, (m.end() if m else len(body))


def _show(args: argparse.Namespace) -> None:
    lines = Path(args.sheet).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        item = json.loads(line)
        if args.only_unjudged and item["verdict"] is not None:
            continue
        title, body = sources.load({**item["source"], "dataset": item["source"]["dataset"]})
        print(f"[{n}] {item['article']}  ({item['date']})  {title}")
        print(f"    SHOWN  name={item['name']!r} title={item['title']!r} org={item['org']!r}")
        for s, e in item["mentions"][:args.mentions]:
            a, b = _sentence(body, s)
            text = body[a:s] + "[[" + body[s:e] + "]]" + body[e:b]
            print("    > " + " ".join(text.split())[:600])
        if item["verdict"] is not None:
            print(f"    VERDICT {item['verdict']} {item['wrong']} {item['note']}")
        print()


def _score(args: argparse.Namespace) -> None:
    for sheet in args.sheets:
        items = [json.loads(line) for line in Path(sheet).read_text(encoding="utf-8").splitlines() if line]
        judged = [i for i in items if i["verdict"] is not None]
        right = sum(i["verdict"] == "right" for i in judged)
        fields = Counter(f for i in judged for f in i["wrong"])
        articles = len({i["article"] for i in items})
        seeds = sorted({i["seed"] for i in items})
        print(f"{sheet}: seed {seeds}, {articles} articles with officials, {len(items)} officials, "
              f"{len(judged)} judged; precision {right / len(judged) if judged else 0:.3f} ({right}/{len(judged)}); "
              f"wrong fields: {', '.join(f'{k} {v}' for k, v in fields.most_common()) or 'none'}")


def _compare(args: argparse.Namespace) -> None:
    """Re-extract a judged sheet's articles with this checkout and print every official that changed."""
    items = [json.loads(line) for line in Path(args.sheet).read_text(encoding="utf-8").splitlines() if line]
    locs: dict[str, dict[str, Any]] = {}
    for i in items:
        locs.setdefault(i["article"], {**i["source"], "date": i["date"]})
    articles, bodies = [], {}
    for n, (art, loc) in enumerate(locs.items()):
        title, body = sources.load(loc)
        articles.append(common.Article(f"a{n:03d}", title, loc["date"], body))
        bodies[art] = body
    records, _secs = common.extract(articles)
    same = changed = 0
    for art, a in zip(locs, articles, strict=True):
        old = {(i["name"]): i for i in items if i["article"] == art}
        new = {o["name"]: o for o in records[a.key]["figures"]["officials"]}
        for name in sorted(set(old) | set(new)):
            o, w = old.get(name), new.get(name)
            before = (o["title"], o["org"]) if o else None
            after = (w["title"], w["org"]) if w else None
            if before == after:
                same += 1
                continue
            changed += 1
            verdict = f"{o['verdict']} {o['wrong']}" if o else "new"
            spans = (w or o or {}).get("mentions") or [[0, 0]]
            s, e = spans[0]
            a_, b_ = _sentence(bodies[art], s)
            sentence = " ".join((bodies[art][a_:s] + "[[" + bodies[art][s:e] + "]]" + bodies[art][e:b_]).split())
            print(f"{art.split('/')[-1][:60]}  {name!r}: {before} -> {after}   (was {verdict})\n    > {sentence[:400]}")
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
