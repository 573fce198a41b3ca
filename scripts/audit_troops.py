"""Audit troop counts in the wild: sample unannotated articles, extract, print each count for a judge.

    python scripts/audit_troops.py sample --seed 7 --round 1       # writes eval/audits/troops-round-1.jsonl
    python scripts/audit_troops.py show eval/audits/troops-round-1.jsonl   # the items again, with sentences
    python scripts/audit_troops.py judge eval/audits/troops-round-1.jsonl 3 --wrong who --note "..."
    python scripts/audit_troops.py score eval/audits/troops-round-1.jsonl  # precision from the verdicts

The pool is Wikinews 2019-2020, Reuters-21578, the odd-numbered BBC politics files, TempEval-3's
TBAQ-cleaned (TimeBank and AQUAINT) and CoNLL-2003 eng.testa (the held-out splits, even BBC politics
files, te3-platinum and eng.testb, are never read), minus every article `auditing.used_articles()`
names (gold annotations, audit sheets, articles read while tuning) and every article an earlier
troop round ran the extractor on, so each round is new.
Only articles with a number before a personnel word are drawn, because troop counts are rare.
Articles are taken in a seeded random order until the sample holds `--min-counts` counts, or
`--articles` articles: the whole corpus holds too few troop counts for several rounds of 100.

The sheet stores article ids, offsets and the extracted fields, never corpus sentences; `show`
reads the sentences from the corpus at run time. A judge reads every item (../shared/eval/AUDIT.md)
and fills in `verdict` ("right" or "wrong"), `wrong` (the fields that are wrong: "troops" when it
is not a troop count at all, "value", "high", "approx", "who", "kind") and `note`.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path
from typing import Any

from auditing import (
    AUDITS,
    CORPUS,
    CorpusArticle,
    article_id,
    bbc_politics_articles,
    extract,
    marked_sentence,
    precision,
    read_sheet,
    refuse_existing,
    reuters_articles,
    used_articles,
    wikinews_articles,
    write_new_sheet,
    write_sheet,
)

# isort: split
import conll  # the shared scorers' readers (../shared/eval), on the path once auditing is imported
import timeml

_TROOP_NUMBER = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|thousand|million|dozen|hundreds|thousands|dozens))(?:-strong)?\s+"
    r"(?:[\w.'-]+\s+){0,3}?(?:troops|soldiers|forces|fighters|marines|servicemen|sailors|peacekeepers|"
    r"militants|rebels|guerrillas|gunmen|insurgents|personnel|paratroopers|reservists|commandos|"
    r"militiamen|men|force|army|contingent)\b", re.I)
FIELDS = ("value", "high", "approx", "who", "kind", "text", "start", "end")


def _timebank_aquaint(corpus: Path) -> list[CorpusArticle]:
    """TempEval-3's TBAQ-cleaned documents (never the platinum set) as the shared scorers read them:
    troop sheets' offsets point into this text, not into `auditing.tempeval_articles`'."""
    out = []
    for path in sorted((corpus / "tempeval3" / "TBAQ-cleaned").rglob("*.tml")):
        doc = timeml.read(path)
        source = {"dataset": "tempeval3", "file": path.relative_to(corpus).as_posix()}
        out.append(CorpusArticle(article_id(source), source, doc.name, doc.dct, doc.text))
    return out


def _conll_testa(corpus: Path) -> list[CorpusArticle]:
    """CoNLL-2003's eng.testa documents (never eng.testb) as the shared scorers read them, one sentence a line."""
    out = []
    for index, doc in enumerate(conll.read(corpus / "conll2003" / "eng.testa")):
        source = {"dataset": "conll2003", "file": "conll2003/eng.testa", "doc": index}
        out.append(CorpusArticle(article_id(source), source, doc.text.partition("\n")[0], doc.date, doc.text))
    return out


def _every_article(corpus: Path) -> list[CorpusArticle]:
    """Every article a troop round may draw, held-out splits never read."""
    return (wikinews_articles(corpus) + reuters_articles(corpus) + bbc_politics_articles(corpus)
            + _timebank_aquaint(corpus) + _conll_testa(corpus))


def _sampled_by_troop_rounds() -> set[str]:
    """Every article an earlier troop round ran the extractor on (a sheet's last line lists them)."""
    return {key for path in sorted(AUDITS.glob("*.jsonl")) for record in read_sheet(path)
            for key in record.get("sampled", [])}


def pool(corpus: Path, every: bool = False) -> dict[str, CorpusArticle]:
    """Every unused article that has a number before a personnel word (or every one, with `every`)."""
    seen = used_articles() | _sampled_by_troop_rounds()
    return {a.key: a for a in _every_article(corpus)
            if a.key not in seen and (every or _TROOP_NUMBER.search(a.body))}


def sample(args: argparse.Namespace) -> None:
    """Draw articles in a seeded order until the counts reach the minimum, and write the sheet."""
    sheet = args.out or AUDITS / f"troops-round-{args.round}.jsonl"
    refuse_existing(sheet)
    found = pool(args.corpus, args.every)
    order = sorted(found)
    random.Random(args.seed).shuffle(order)
    chosen: list[CorpusArticle] = []
    counts: dict[str, list[dict[str, Any]]] = {}
    total = 0
    batch = 2000 if args.every else 40
    while total < args.min_counts and order and len(chosen) < args.articles:
        step = [found[k] for k in order[:batch]]
        order = order[batch:]
        records = extract(step)
        for a in step:
            if total >= args.min_counts or len(chosen) >= args.articles:
                break
            chosen.append(a)
            counts[a.key] = records[a.key]["figures"]["troops"]
            total += len(counts[a.key])
    items = [{"round": args.round, "seed": args.seed, "article": a.key, "date": a.date,
              **{f: c[f] for f in FIELDS}, "verdict": None, "wrong": [], "note": ""}
             for a in chosen for c in counts[a.key]]
    meta = {"round": args.round, "seed": args.seed, "article": None, "sampled": [a.key for a in chosen],
            "pool": len(found)}
    write_new_sheet(sheet, [*items, meta])
    print(f"{sheet}: {total} counts in {len(chosen)} articles (pool {len(found)}, seed {args.seed})")


def _items(sheet: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A sheet's items, and its last line (round, seed, the articles sampled, the pool's size)."""
    rows = read_sheet(sheet)
    return [r for r in rows if r.get("article")], next(r for r in rows if r.get("article") is None)


def show(args: argparse.Namespace) -> None:
    """Print every item of a sheet with its article's headline and date and its sentence, span marked."""
    items, meta = _items(args.sheet)
    wanted = set(meta["sampled"])
    articles = {a.key: a for a in _every_article(args.corpus) if a.key in wanted}
    last = None
    for i, item in enumerate(items):
        if args.only_wrong and item["verdict"] != "wrong":
            continue
        a = articles[item["article"]]
        if a.key != last:
            print(f"\n=== {a.key}\n    {a.title} ({a.date})")
            last = a.key
        fields = " ".join(f"{f}={item[f]!r}" for f in ("value", "high", "approx", "who", "kind"))
        verdict = f"  -> {item['verdict']} {item['wrong']} {item['note']}" if item["verdict"] else ""
        print(f"[{i}] {fields}{verdict}\n    {marked_sentence(a.body, item['start'], item['end'])}")


def score(args: argparse.Namespace) -> None:
    """Precision of a judged sheet, overall and per wrong field."""
    items, meta = _items(args.sheet)
    unjudged = [i for i, item in enumerate(items) if item["verdict"] not in ("right", "wrong")]
    if unjudged:
        raise SystemExit(f"{args.sheet}: {len(unjudged)} items have no verdict, e.g. item {unjudged[0]}")
    every_field = precision(items, lambda item: item["verdict"] == "right", lambda item: item["wrong"])
    core = precision(items, lambda item: item["verdict"] == "right" or not set(item["wrong"]) & _CORE_FIELDS,
                     lambda item: item["wrong"])
    print(f"round {meta['round']} seed {meta['seed']}: {len(meta['sampled'])} articles, pool {meta['pool']}")
    print(f"troop counts {every_field} every field right")
    print(f"troop counts {core} value, range, owner and kind right")
    print("wrong fields: " + (every_field.errors_text() or "none"))


_CORE_FIELDS = {"troops", "value", "high", "who", "kind"}
"""The fields a reader relies on (`approx` is only "about")."""


def judge(args: argparse.Namespace) -> None:
    """Record a judge's verdict on one item of a sheet."""
    rows = read_sheet(args.sheet)
    wrong = [f for f in args.wrong.split(",") if f]
    item = [r for r in rows if r.get("article")][args.item]
    item.update(verdict="wrong" if wrong else "right", wrong=wrong, note=args.note)
    write_sheet(args.sheet, rows)


def main() -> None:
    """Parse the command line and run one of sample, show and score."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample", help="draw a new sample and write its sheet")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--min-counts", type=int, default=100)
    p.add_argument("--articles", type=int, default=10**6, help="at most this many articles")
    p.add_argument("--out", type=Path)
    p.add_argument("--every", action="store_true", help="draw from every unannotated article, not only those "
                   "with a number before a personnel word (once the pool is used up)")
    p = sub.add_parser("show", help="print a sheet's items with their sentences")
    p.add_argument("sheet", type=Path)
    p.add_argument("--only-wrong", action="store_true")
    p = sub.add_parser("score", help="precision from a judged sheet")
    p.add_argument("sheet", type=Path)
    p = sub.add_parser("judge", help="record the verdict on one item (no --wrong: right)")
    p.add_argument("sheet", type=Path)
    p.add_argument("item", type=int)
    p.add_argument("--wrong", default="", help="comma-separated wrong fields: troops,value,high,approx,who,kind")
    p.add_argument("--note", default="")
    args = parser.parse_args()
    {"sample": sample, "show": show, "score": score, "judge": judge}[args.command](args)


if __name__ == "__main__":
    main()
