"""Audit the figures a reader sees on articles nobody annotated (../shared/eval/AUDIT.md).

    python scripts/audit_figures.py sample --seed 11 --round 3      # draw, extract, write the sheet
    python scripts/audit_figures.py read eval/audits/round-3.jsonl   # the judge's reading copy again
    python scripts/audit_figures.py score eval/audits/round-3.jsonl  # precision from the verdicts

`sample` draws articles at random (a new seed each round) from Wikinews 2019-2020, Reuters-21578
stories with government or military words and BBC politics odd-numbered files, leaving out every
annotated article (../shared/eval/gold/dev.jsonl, eval/gold/*.jsonl) and every article of an
earlier round (eval/audits/round-*.jsonl). A second draw takes articles with a number before a
word for military personnel, because troop counts are rare; with `--reserved` it draws them from
news kept out of development work (CoNLL-2003 dev documents, TempEval-3 TimeBank/AQUAINT; their
dates are not judged, the date extractor being tuned on TempEval-3). It runs `briefgen extract` once and
writes:

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
import html
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
AUDITS = ROOT / "eval" / "audits"
GOLD_FILES = [EVAL / "gold" / "dev.jsonl", *sorted((ROOT / "eval" / "gold").glob("*.jsonl"))]

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


def _eval_modules() -> tuple[Any, Any]:
    """The shared scorers' corpus readers (../shared/eval), imported at run time."""
    if not EVAL.is_dir():
        raise SystemExit(f"{EVAL} is not there: the audit needs ../shared beside the repository")
    sys.path.insert(0, str(EVAL))
    import common  # type: ignore[import-not-found]
    import sources  # type: ignore[import-not-found]

    return common, sources


def locator_key(source: dict[str, Any]) -> str:
    """An article's id as the gold files write it ("reuters21578:9209", "bbc-news-summary:politics/001.txt")."""
    dataset, file = source["dataset"], source.get("file", "")
    if dataset.startswith("wikinews"):
        return f"wikinews-2019-2020:{source['url']}"
    if dataset.startswith("reuters"):
        return f"reuters21578:{source['newid']}"
    if dataset == "bbc-news-summary":
        return f"bbc-news-summary:{file.split('News Articles/')[-1]}"
    if dataset == "tempeval3":
        return f"tempeval3:{file.split('TBAQ-cleaned/')[-1]}"
    if dataset == "conll2003":
        return f"conll2003:{Path(file).name}-{source['doc']:03d}"
    return f"{dataset}:{file}"


def used_articles() -> set[str]:
    """Articles already annotated, audited or looked at while tuning (every sheet in eval/): never drawn again."""
    used: set[str] = set()
    for path in [*GOLD_FILES, *sorted(AUDITS.glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
            record = json.loads(line) if line.strip() else {}
            if isinstance(record.get("source"), dict) and record["source"].get("dataset") != "seed":
                used.add(locator_key(record["source"]))
            for key in ("id", "article"):
                if isinstance(record.get(key), str) and ":" in record[key]:
                    used.add(record[key])
    return used


def candidate_pool(sources: Any) -> list[tuple[dict[str, Any], str, str | None]]:
    """(source locator, headline, publication date) of every article the audit may draw."""
    import csv

    corpus = sources.CORPUS
    pool: list[tuple[dict[str, Any], str, str | None]] = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        file = f"wikinews-2019-2020/{name}"
        with open(corpus / file, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if len(row["text"].split()) >= 80 and not row["title"].startswith("TEST PAGE"):
                    pool.append(({"dataset": "wikinews-2019-2020", "file": file, "url": row["url"]},
                                 row["title"], row["date"]))
    for path in sorted((corpus / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            if body and len(body.group(1).split()) >= 80 and GOVERNMENT.search(body.group(1)):
                date = re.search(r"<DATE>\s*(\d+)-([A-Z]+)-(\d{4})", m.group(2))
                pool.append(({"dataset": "reuters21578", "file": f"reuters21578/{path.name}",
                              "newid": m.group(1)}, "", _reuters_date(date)))
    for path in sorted((corpus / "bbc-news-summary" / "News Articles" / "politics").glob("*[13579].txt")):
        pool.append(({"dataset": "bbc-news-summary", "file": f"bbc-news-summary/News Articles/politics/{path.name}"},
                     "", None))
    return pool


MIX = {"wikinews-2019-2020": 0.5, "reuters21578": 0.35, "bbc-news-summary": 0.15}
"""Share of each source in the general draw (the pool itself is mostly Reuters)."""

MONTHS = {m: i for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                                      "DEC"], start=1)}


def _reuters_date(m: re.Match[str] | None) -> str | None:
    if m is None or m.group(2) not in MONTHS:
        return None
    return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"


def reserved_troop_pool(corpus: Path) -> list[tuple[dict[str, Any], str, str | None]]:
    """Conflict news kept out of everyone's development work, drawn only for troop counts: CoNLL-2003's
    dev documents (eng.testa, never eng.testb) and TempEval-3's TimeBank/AQUAINT (never the platinum set)."""
    pool: list[tuple[dict[str, Any], str, str | None]] = []
    for index, _ in enumerate(_conll_documents(corpus / "conll2003" / "eng.testa")):
        pool.append(({"dataset": "conll2003", "file": "conll2003/eng.testa", "doc": index}, "", None))
    for path in sorted((corpus / "tempeval3" / "TBAQ-cleaned").glob("*/*.tml")):
        pool.append(({"dataset": "tempeval3", "file": path.relative_to(corpus).as_posix()}, "", None))
    return pool


def _conll_documents(path: Path) -> list[list[list[str]]]:
    """CoNLL-2003 documents as lists of token sentences."""
    documents: list[list[list[str]]] = []
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("-DOCSTART-"):
            documents.append([])
        elif line.strip():
            sentence.append(line.split()[0])
        elif sentence:
            documents[-1].append(sentence)
            sentence = []
    return documents


def _detokenised(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]]|'s\b|n't\b|'\s)", r"\1", text)
    return re.sub(r"([(\[$]) ", r"\1", text)


def load_text(sources: Any, source: dict[str, Any]) -> tuple[str, str, str | None]:
    """(headline, body, publication date) of an article from its locator."""
    corpus = sources.CORPUS
    if source["dataset"] == "conll2003":
        sentences = _conll_documents(corpus / source["file"])[source["doc"]]
        title = _detokenised(sentences[0]).title() if sentences else ""
        rest = [_detokenised(s) for s in sentences[1:]]
        date = re.search(r"\b(19\d\d-\d\d-\d\d)\b", rest[0]) if rest else None
        return title, "\n\n".join(rest) + "\n", date.group(1) if date else None
    if source["dataset"] == "tempeval3":
        raw = (corpus / source["file"]).read_text(encoding="utf-8")
        dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', raw)
        match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        body = html.unescape(re.sub(r"<[^>]+>", "", match.group(1) if match else "")).strip()
        title = body.splitlines()[0] if body else ""
        return title, body + "\n", dct.group(1) if dct else None
    title, body = sources.load(source)
    return title, body, None


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of briefgen's splitter that holds the span (what the site shows beside a figure)."""
    from briefgen.text import split_sentences

    for sentence in split_sentences(body):
        if sentence.start <= start < sentence.end:
            return sentence.start, max(sentence.end, end)
    return start, end


def shown_fields(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """What the site shows for an item, the fields the judge rules on."""
    keys = {"official": ("name", "title", "org"), "troops": ("value", "high", "approx", "who", "kind"),
            "date": ("value", "type")}[kind]
    return {k: item.get(k) for k in keys}


def sample(args: argparse.Namespace) -> None:
    """Draw this round's articles, extract, and write the sheet and the reading copy."""
    common, sources = _eval_modules()
    rng = random.Random(args.seed)
    used = used_articles()
    pool = [entry for entry in candidate_pool(sources) if locator_key(entry[0]) not in used]
    rng.shuffle(pool)
    general: list[tuple[dict[str, Any], str, str | None]] = []
    for dataset, share in MIX.items():
        general += [e for e in pool if e[0]["dataset"] == dataset][: round(args.articles * share)]
    general += [e for e in pool if e not in general][: args.articles - len(general)]  # a source used up: others
    texts = {locator_key(s): load_text(sources, s) for s, _, _ in general}
    troop_candidates = [e for e in pool if e not in general]
    if args.reserved:
        troop_candidates = [e for e in reserved_troop_pool(sources.CORPUS) if locator_key(e[0]) not in used]
        rng.shuffle(troop_candidates)
    troop_pool = []
    for entry in troop_candidates:
        if len(troop_pool) >= args.troop_articles:
            break
        text = load_text(sources, entry[0])
        if PERSONNEL.search(text[1]):
            troop_pool.append(entry)
            texts[locator_key(entry[0])] = text
    chosen = general + troop_pool
    articles = []
    for i, (source, headline, date) in enumerate(chosen):
        title, body, own_date = texts[locator_key(source)]
        articles.append(common.Article(f"a{i:03d}", headline or title, date or own_date, body))
    os.environ.setdefault("BRIEFGEN", f"{sys.executable} -m briefgen")
    records, _ = common.extract(articles)
    items: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for (source, _, _), article in zip(chosen, articles, strict=True):
        figures = records[article.key]["figures"]
        base = {"source": source, "date": article.date}
        for kind, found in (("official", figures["officials"]), ("troops", figures["troops"]),
                            ("date", figures["dates"])):
            for item in found:
                start, end = (item["mentions"][0] if kind == "official" else (item["start"], item["end"]))
                record = {**base, "kind": kind, "shown": shown_fields(kind, item), "span": [start, end],
                          "sentence": list(sentence_around(article.body, start, end))}
                if kind != "date":
                    items.append(record)
                elif source["dataset"] != "tempeval3":  # the date extractor is tuned on TempEval-3's dev
                    dates.append(record)
    items += rng.sample(dates, min(args.dates, len(dates)))
    AUDITS.mkdir(parents=True, exist_ok=True)
    sheet = AUDITS / f"round-{args.round}.jsonl"
    if sheet.exists():
        raise SystemExit(f"{sheet.relative_to(ROOT)} exists: pick another --round")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    with sheet.open("w", encoding="utf-8") as out:
        for n, item in enumerate(items, start=1):
            record = {"id": f"r{args.round}-{n:04d}", "round": args.round, "seed": args.seed, "commit": commit, **item,
                      "ok": None, "wrong": [], "note": ""}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    reading = ROOT / "test-artifacts" / f"audit-{sheet.stem}.txt"
    reading.parent.mkdir(exist_ok=True)
    reading.write_text(reading_sheet(sheet, texts), encoding="utf-8")
    counts = Counter(item["kind"] for item in items)
    print(f"{len(chosen)} articles ({len(troop_pool)} drawn for troop counts), items: {dict(counts)}")
    print(f"sheet: {sheet.relative_to(ROOT)}  reading copy: {reading.relative_to(ROOT)}")


def reading_sheet(sheet: Path, texts: dict[str, tuple[str, str, str | None]]) -> str:
    """The judge's copy: every item with its headline and sentence, the span marked."""
    out: list[str] = []
    for line in sheet.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        headline, body, _ = texts[locator_key(item["source"])]
        (s0, s1), (a, b) = item["sentence"], item["span"]
        sentence = body[s0:a] + "[[" + body[a:b] + "]]" + body[b:s1]
        out.append(f"{item['id']}  {item['kind'].upper()}  {json.dumps(item['shown'], ensure_ascii=False)}\n"
                   f"  article: {locator_key(item['source'])}  published: {item['date']}\n"
                   f"  headline: {headline}\n  sentence: {' '.join(sentence.split())}\n")
    return "\n".join(out)


def reread(args: argparse.Namespace) -> None:
    """Write the judge's reading copy of a committed sheet again (it is not committed)."""
    _, sources = _eval_modules()
    sheet = Path(args.sheet)
    items = [json.loads(line) for line in sheet.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {locator_key(i["source"]): load_text(sources, i["source"]) for i in items}
    reading = ROOT / "test-artifacts" / f"audit-{sheet.stem}.txt"
    reading.parent.mkdir(exist_ok=True)
    reading.write_text(reading_sheet(sheet, texts), encoding="utf-8")
    print(f"reading copy: {reading.relative_to(ROOT)}")


def score(args: argparse.Namespace) -> None:
    """Precision per kind and errors per field, from a judged sheet."""
    items = [json.loads(line) for line in Path(args.sheet).read_text(encoding="utf-8").splitlines() if line.strip()]
    unjudged = [i["id"] for i in items if i["ok"] is None]
    if unjudged:
        print(f"{len(unjudged)} items not judged yet, e.g. {unjudged[:3]}", file=sys.stderr)
    for kind in ("official", "troops", "date"):
        judged = [i for i in items if i["kind"] == kind and i["ok"] is not None]
        if not judged:
            continue
        right = sum(1 for i in judged if i["ok"])
        fields = Counter(field for i in judged if not i["ok"] for field in i["wrong"] or ["unspecified"])
        errors = ", ".join(f"{f} {n}" for f, n in fields.most_common())
        print(f"{kind:9} {right / len(judged):.3f} ({right}/{len(judged)})  {errors}")


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
    judge = commands.add_parser("score", help="precision from a judged sheet")
    judge.add_argument("sheet")
    judge.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
