"""Audit troop counts in the wild: sample unannotated articles, extract, print each count for a judge.

    python scripts/audit_troops.py sample --seed 7 --round 1       # writes eval/audits/troops-round-1.jsonl
    python scripts/audit_troops.py show eval/audits/troops-round-1.jsonl   # the items again, with sentences
    python scripts/audit_troops.py judge eval/audits/troops-round-1.jsonl 3 --wrong who --note "..."
    python scripts/audit_troops.py score eval/audits/troops-round-1.jsonl  # precision from the verdicts

The pool is Wikinews 2019-2020, Reuters-21578, the odd-numbered BBC politics files, TempEval-3's
TBAQ-cleaned (TimeBank and AQUAINT) and CoNLL-2003 eng.testa (the held-out splits, even BBC politics
files, te3-platinum and eng.testb, are never read), minus every article named in ../shared/eval/gold/dev.jsonl or in
any JSON-lines file under eval/ (gold annotations and earlier audit sheets, so each round is new).
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
import csv
import datetime as dt
import html
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from briefgen.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import common  # noqa: E402  (the scorers' runner of `briefgen extract`)
import conll  # noqa: E402
import timeml  # noqa: E402

_TROOP_NUMBER = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|thousand|million|dozen|hundreds|thousands|dozens))(?:-strong)?\s+"
    r"(?:[\w.'-]+\s+){0,3}?(?:troops|soldiers|forces|fighters|marines|servicemen|sailors|peacekeepers|"
    r"militants|rebels|guerrillas|gunmen|insurgents|personnel|paratroopers|reservists|commandos|"
    r"militiamen|men|force|army|contingent)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
FIELDS = ("value", "high", "approx", "who", "kind", "text", "start", "end")


def _wikinews(corpus: Path) -> list[common.Article]:
    out = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(corpus / "wikinews-2019-2020" / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.append(common.Article(f"wikinews-2019-2020:{row['url']}", row["title"], row["date"],
                                          row["text"].strip() + "\n"))
    return out


def _reuters(corpus: Path) -> list[common.Article]:
    out = []
    for path in sorted((corpus / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', raw, re.S):
            title = re.search(r"<TITLE>(.*?)</TITLE>", m.group(2), re.S)
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            date = re.search(r"<DATE>\s*(\d+-[A-Z]+-\d{4})", m.group(2))
            if body is None:
                continue
            text = re.sub(r"\s*Reuter\s*$", "", _CONTROL.sub("", html.unescape(body.group(1))).strip())
            day = dt.datetime.strptime(date.group(1).title(), "%d-%b-%Y").date().isoformat() if date else None
            out.append(common.Article(f"reuters21578:{m.group(1)}",
                                      _CONTROL.sub("", html.unescape(title.group(1))).strip() if title else "",
                                      day, text + "\n"))
    return out


def _bbc_politics_odd(corpus: Path) -> list[common.Article]:
    out = []
    # Only odd-numbered files: the even ones are the held-out test split and are never read.
    for path in sorted((corpus / "bbc-news-summary" / "News Articles" / "politics").glob("*[13579].txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.partition("\n")
        out.append(common.Article(f"bbc-news-summary:politics/{path.name}", title.strip(), None,
                                  body.strip() + "\n"))
    return out


def _annotated_ids() -> set[str]:
    """Ids of every article already annotated or audited: dev gold and every JSON-lines file under eval/."""
    files = [SHARED / "eval" / "gold" / "dev.jsonl", *sorted((ROOT / "eval").rglob("*.jsonl"))]
    ids: set[str] = set()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                ids.update(str(i) for i in [record.get("id"), record.get("article"), *record.get("sampled", [])] if i)
    return ids


def _timebank_aquaint(corpus: Path) -> list[common.Article]:
    out = []
    # TBAQ-cleaned only: the platinum test set is held out and never read.
    for path in sorted((corpus / "tempeval3" / "TBAQ-cleaned").rglob("*.tml")):
        doc = timeml.read(path)
        out.append(common.Article(f"tempeval3:{path.parent.name}/{path.name}", doc.name, doc.dct, doc.text))
    return out


def _conll_testa(corpus: Path) -> list[common.Article]:
    # eng.testa only: eng.testb is held out and never read.
    return [common.Article(f"conll2003:{d.name}", d.text.partition("\n")[0], d.date, d.text)
            for d in conll.read(corpus / "conll2003" / "eng.testa")]


def _every_article(corpus: Path) -> list[common.Article]:
    return (_wikinews(corpus) + _reuters(corpus) + _bbc_politics_odd(corpus) + _timebank_aquaint(corpus)
            + _conll_testa(corpus))


def pool(corpus: Path, every: bool = False) -> dict[str, common.Article]:
    """Every unannotated article that has a number before a personnel word (or every one, with `every`)."""
    seen = _annotated_ids()
    return {a.key: a for a in _every_article(corpus)
            if a.key not in seen and (every or _TROOP_NUMBER.search(a.body))}


def _extract(articles: list[common.Article]) -> dict[str, list[dict[str, Any]]]:
    """The troop counts `briefgen extract` gives for each article, by article id."""
    keyed = [common.Article(f"a{i:04d}", a.title, a.date, a.body) for i, a in enumerate(articles)]
    records, _seconds = common.extract(keyed)
    return {a.key: records[k.key]["figures"]["troops"] for a, k in zip(articles, keyed, strict=True)}


def sample(args: argparse.Namespace) -> None:
    """Draw articles in a seeded order until the counts reach the minimum, and write the sheet."""
    found = pool(args.corpus, args.every)
    order = sorted(found)
    random.Random(args.seed).shuffle(order)
    chosen: list[common.Article] = []
    counts: dict[str, list[dict[str, Any]]] = {}
    total = 0
    batch = 2000 if args.every else 40
    while total < args.min_counts and order and len(chosen) < args.articles:
        step = [found[k] for k in order[:batch]]
        order = order[batch:]
        extracted = _extract(step)
        for a in step:
            if total >= args.min_counts or len(chosen) >= args.articles:
                break
            chosen.append(a)
            counts[a.key] = extracted[a.key]
            total += len(extracted[a.key])
    sheet = args.out or ROOT / "eval" / "audits" / f"troops-round-{args.round}.jsonl"
    sheet.parent.mkdir(parents=True, exist_ok=True)
    with open(sheet, "w", encoding="utf-8") as fh:
        for a in chosen:
            for c in counts[a.key]:
                item = {"round": args.round, "seed": args.seed, "article": a.key, "date": a.date,
                        **{f: c[f] for f in FIELDS}, "verdict": None, "wrong": [], "note": ""}
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"round": args.round, "seed": args.seed, "article": None,
                             "sampled": [a.key for a in chosen], "pool": len(found)}) + "\n")
    print(f"{sheet}: {total} counts in {len(chosen)} articles (pool {len(found)}, seed {args.seed})")


def _items(sheet: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows = [json.loads(line) for line in sheet.read_text(encoding="utf-8").splitlines() if line.strip()]
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
        sentence = next((s for s in split_sentences(a.body) if s.start <= item["start"] < s.end), None)
        begin, end = (sentence.start, sentence.end) if sentence else (item["start"], item["end"])
        marked = (a.body[begin:item["start"]] + "[[" + a.body[item["start"]:item["end"]] + "]]"
                  + a.body[item["end"]:end])
        fields = " ".join(f"{f}={item[f]!r}" for f in ("value", "high", "approx", "who", "kind"))
        verdict = f"  -> {item['verdict']} {item['wrong']} {item['note']}" if item["verdict"] else ""
        print(f"[{i}] {fields}{verdict}\n    {' '.join(marked.split())}")


def score(args: argparse.Namespace) -> None:
    """Precision of a judged sheet, overall and per wrong field."""
    items, meta = _items(args.sheet)
    unjudged = [i for i, item in enumerate(items) if item["verdict"] not in ("right", "wrong")]
    if unjudged:
        raise SystemExit(f"{args.sheet}: {len(unjudged)} items have no verdict, e.g. item {unjudged[0]}")
    right = sum(item["verdict"] == "right" for item in items)
    fields = Counter(f for item in items for f in item["wrong"])
    core = sum(item["verdict"] == "right" or not set(item["wrong"]) & {"troops", "value", "high", "who", "kind"}
               for item in items)
    print(f"round {meta['round']} seed {meta['seed']}: {len(meta['sampled'])} articles, pool {meta['pool']}")
    print(f"troop counts {right / len(items):.3f} ({right}/{len(items)}) every field right")
    print(f"troop counts {core / len(items):.3f} ({core}/{len(items)}) value, range, owner and kind right")
    print("wrong fields: " + (", ".join(f"{f} {n}" for f, n in fields.most_common()) or "none"))


def judge(args: argparse.Namespace) -> None:
    """Record a judge's verdict on one item of a sheet."""
    lines = args.sheet.read_text(encoding="utf-8").splitlines()
    items = [i for i, line in enumerate(lines) if json.loads(line).get("article")]
    row = json.loads(lines[items[args.item]])
    wrong = [f for f in args.wrong.split(",") if f]
    row.update(verdict="wrong" if wrong else "right", wrong=wrong, note=args.note)
    lines[items[args.item]] = json.dumps(row, ensure_ascii=False)
    args.sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Parse the command line and run one of sample, show and score."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
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
