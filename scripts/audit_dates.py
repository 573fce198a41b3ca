"""Audit shown dates in the wild: sample unannotated articles, extract, print each date for a judge.

    python scripts/audit_dates.py sample --seed 11 --round 1     # writes eval/audits/dates-round-1.jsonl
    python scripts/audit_dates.py show eval/audits/dates-round-1.jsonl        # each date with its sentence
    python scripts/audit_dates.py judge eval/audits/dates-round-1.jsonl --wrong 7=clock-as-year --right-rest
    python scripts/audit_dates.py score eval/audits/dates-round-1.jsonl       # precision and error classes
    python scripts/audit_dates.py recheck eval/audits/dates-round-*.jsonl     # what today's code shows otherwise
    python scripts/audit_dates.py paired --seed 5 --round 13 --against ad733cd  # what changed since a commit

The pool is Reuters-21578 stories and BBC News Summary politics files with odd numbers (the
Wikinews pool of the earlier rounds is used up; even-numbered BBC politics files are held out and
never read), minus every article that scripts/audit_figures.py's `used_articles()` names (gold
annotations and every sheet under eval/audits/, so that each round reads articles no fix was tuned
to). BBC files carry no publication date: their relative dates have no value to judge, only their
span and type. Articles are drawn in a seeded random order, `--reuters-per-bbc` Reuters stories for
each BBC file while both last, and at most `--per-article` of each article's dates (a seeded random
choice) go on the sheet, until it holds `--dates` dates.

The sheet stores article ids, offsets and what briefgen shows (value, type, the few words of the
span), never corpus sentences; `show` reads the sentences from the corpus at run time. A judge
reads every item under ../shared/eval/AUDIT.md and records `verdict` ("right" or "wrong") and, for a
wrong one, `error` (the class of error) and `note`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from auditing import bbc_title_and_body
from auditing import read_sheet as _read
from auditing import write_sheet as _write

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import common  # noqa: E402  (the scorers' runner of `briefgen extract`)

sys.path.insert(0, str(ROOT / "scripts"))
import audit_figures  # noqa: E402  (used_articles(): what earlier rounds and gold files have read)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_SENTENCE_EDGE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n(?=\s)")
"""A sentence end, or a paragraph break (Reuters wraps lines and indents paragraphs)."""


def _wikinews(corpus: Path) -> list[common.Article]:
    """Every Wikinews 2019-2020 article, keyed by its URL as the dev gold keys it."""
    out = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(corpus / "wikinews-2019-2020" / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.append(common.Article(f"wikinews-2019-2020:{row['url']}", row["title"], row["date"],
                                          row["text"].strip() + "\n"))
    return out


def _reuters(corpus: Path) -> list[common.Article]:
    """Every Reuters-21578 story with a body, keyed by its NEWID, dated by its <DATE>."""
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
            headline = _CONTROL.sub("", html.unescape(title.group(1))).strip() if title else ""
            out.append(common.Article(f"reuters21578:{m.group(1)}", headline, day, text + "\n"))
    return out


def _bbc_politics_odd(corpus: Path) -> list[common.Article]:
    """Every BBC News Summary politics article with an odd file number (the even ones are held out), undated."""
    out = []
    for path in sorted((corpus / "bbc-news-summary" / "News Articles" / "politics").glob("*[13579].txt")):
        title, body = bbc_title_and_body(path)
        out.append(common.Article(f"bbc-news-summary:politics/{path.name}", title, None, body))
    return out


def pool(corpus: Path) -> tuple[list[common.Article], list[common.Article]]:
    """The Reuters stories and odd-numbered BBC politics articles that nobody has annotated or audited."""
    seen = audit_figures.used_articles()
    return ([a for a in _reuters(corpus) if a.key not in seen],
            [a for a in _bbc_politics_odd(corpus) if a.key not in seen])


def _extract(articles: list[common.Article]) -> dict[str, list[dict[str, Any]]]:
    """The dates `briefgen extract` shows for each article, by article id."""
    keyed = [common.Article(f"a{i:04d}", a.title, a.date, a.body) for i, a in enumerate(articles)]
    records, _seconds = common.extract(keyed)
    return {a.key: records[k.key]["figures"]["dates"] for a, k in zip(articles, keyed, strict=True)}


def sample(args: argparse.Namespace) -> None:
    """Draw articles in a seeded order, mixing sources, until the sheet holds enough dates."""
    rng = random.Random(args.seed)
    reuters, bbc = pool(args.corpus)
    rng.shuffle(reuters)
    rng.shuffle(bbc)
    # k Reuters stories for each BBC file while both last, then go on with the one left
    k = args.reuters_per_bbc
    groups = itertools.zip_longest(*[iter(reuters)] * k, bbc)
    order = [a for group in groups for a in group if a is not None]
    items: list[dict[str, Any]] = []
    batch = 40
    for lo in range(0, len(order), batch):
        chunk = order[lo:lo + batch]
        found = _extract(chunk)
        for article in chunk:
            dates = found[article.key]
            for d in sorted(rng.sample(dates, min(len(dates), args.per_article)), key=lambda d: d["start"]):
                items.append({"round": args.round, "seed": args.seed, "article": article.key,
                              "published": article.date, "value": d["value"], "type": d["type"],
                              "text": d["text"], "start": d["start"], "end": d["end"],
                              "verdict": None, "error": None, "note": ""})
            if len(items) >= args.dates:
                break
        if len(items) >= args.dates:
            break
    out = args.out or ROOT / "eval" / "audits" / f"dates-round-{args.round}.jsonl"
    if out.exists():
        raise SystemExit(f"{out} exists: pick another --round")
    out.parent.mkdir(parents=True, exist_ok=True)
    _write(out, items)
    print(f"{out}: {len(items)} dates from {len({i['article'] for i in items})} articles")


def _articles(corpus: Path) -> dict[str, common.Article]:
    return {a.key: a for a in _wikinews(corpus) + _reuters(corpus) + _bbc_politics_odd(corpus)}


def _sentence(body: str, start: int, end: int) -> str:
    """The sentence around [start, end), with the span marked [[...]]."""
    lo = max((m.end() for m in _SENTENCE_EDGE.finditer(body, 0, start)), default=0)
    after = _SENTENCE_EDGE.search(body, end)
    hi = after.start() + 1 if after else len(body)
    return " ".join((body[lo:start] + "[[" + body[start:end] + "]]" + body[end:hi]).split())


def show(args: argparse.Namespace) -> None:
    """Print each item (or only the unjudged ones) with its headline, publication date and sentence."""
    articles = _articles(args.corpus)
    previous = ""
    for n, item in enumerate(_read(args.sheet)):
        if args.todo and item["verdict"] or "start" not in item:
            continue
        a = articles[item["article"]]
        if a.key != previous:
            print(f"\n=== {a.key}  published {a.date}\n    {a.title}")
            previous = a.key
        assert a.body[item["start"]:item["end"]] == item["text"], item
        verdict = f"  <{item['verdict']}: {item['error']}>" if item["verdict"] == "wrong" else ""
        side = f"{item['side']}: " if item.get("side") else ""
        sentence = _sentence(a.body, item["start"], item["end"])
        print(f"[{n}] {side}{item['value']} {item['type']}{verdict}\n     {sentence}")


def judge(args: argparse.Namespace) -> None:
    """Record verdicts: --wrong N=CLASS[:note] for each wrong item, --right-rest for every other unjudged one."""
    items = _read(args.sheet)
    for spec in args.wrong:
        index, _, rest = spec.partition("=")
        error, _, note = rest.partition(":")
        items[int(index)].update(verdict="wrong", error=error, note=note)
    for spec in args.right:
        items[int(spec)].update(verdict="right", error=None, note="")
    if args.right_rest:
        for item in items:
            if not item["verdict"] and "start" in item:
                item["verdict"] = "right"
    _write(args.sheet, items)


def score(args: argparse.Namespace) -> None:
    """Precision over the judged items, and the wrong ones by error class."""
    for sheet in args.sheets:
        items = [i for i in _read(sheet) if i["verdict"]]
        right = sum(i["verdict"] == "right" for i in items)
        classes = Counter(i["error"] for i in items if i["verdict"] == "wrong")
        seeds = sorted({i["seed"] for i in items if "seed" in i})  # a sheet of old verdicts names no seed
        print(f"{sheet}: seed {seeds} dates {right / max(1, len(items)):.3f} ({right}/{len(items)}) "
              f"articles {len({i['article'] for i in items})}")
        # a date left without a value is shown on no card or timeline: say how many, and the precision of the rest
        valued = [i for i in items if i["value"] is not None]
        valued_right = sum(i["verdict"] == "right" for i in valued)
        print(f"    with a value {valued_right / max(1, len(valued)):.3f} ({valued_right}/{len(valued)}), "
              f"value left empty {len(items) - len(valued)}")
        for source in sorted({i["article"].split(":")[0] for i in items}):
            mine = [i for i in items if i["article"].startswith(source + ":")]
            ok = sum(i["verdict"] == "right" for i in mine)
            print(f"    {source}: {ok / len(mine):.3f} ({ok}/{len(mine)})")
        for side in ("old", "new"):  # a paired sheet: the dates each code shows where the two differ
            mine = [i for i in items if i.get("side") == side]
            if mine:
                ok = sum(i["verdict"] == "right" for i in mine)
                valued = [i for i in mine if i["value"] is not None]
                ok_valued = sum(i["verdict"] == "right" for i in valued)
                print(f"    {side} code ({mine[0]['against'] if side == 'old' else mine[0]['code']}): "
                      f"{ok} right of {len(mine)} shown where the codes differ; "
                      f"with a value {ok_valued} right of {len(valued)}")
        for error, n in classes.most_common():
            print(f"    {error}: {n}")


def recheck(args: argparse.Namespace) -> None:
    """Run today's code on the judged sheets' articles and list every judged date it now shows otherwise.

    A changed item keeps its old verdict beside the new value, for a judge to read again: this
    measures a fix on articles it may have been made for, so only a fresh round counts as a result.
    """
    articles = _articles(args.corpus)
    items = [i for sheet in args.sheets for i in _read(sheet) if i["verdict"]]
    keys = sorted({i["article"] for i in items})
    found = _extract([articles[k] for k in keys])
    changed: Counter[tuple[str, str]] = Counter()
    for item in items:
        now = next((d for d in found[item["article"]] if (d["start"], d["end"]) == (item["start"], item["end"])), None)
        new = (now["value"], now["type"]) if now else ("(left out)", "")
        if new == (item["value"], item["type"]):
            continue
        becomes = "left out" if now is None else "no value" if now["value"] is None else "new value"
        changed[item["verdict"], becomes] += 1
        a = articles[item["article"]]
        print(f"{item['verdict']:5} {item['value']} {item['type']} -> {new[0]} {new[1]}  [{item['error'] or ''}]\n"
              f"      {a.key} {a.date}: {_sentence(a.body, item['start'], item['end'])}")
    summary = ", ".join(f"{v} -> {b} {n}" for (v, b), n in sorted(changed.items()))
    print(f"{len(items)} judged dates; changed: {summary}")


_DATES_OF = """
import datetime as dt, json, sys
from briefgen.extract.dates import find_dates
out = {}
for key, body, date in json.load(sys.stdin):
    published = dt.date.fromisoformat(date) if date else None
    out[key] = [[d.start, d.end, d.value, d.type, d.text] for d in find_dates(body, published)]
json.dump(out, sys.stdout)
"""
"""Run in a child Python: the dates of each (key, body, date) read from stdin, by whichever briefgen it imports."""


def _dates_by(code: Path | None, articles: list[common.Article]) -> dict[str, list[list[Any]]]:
    """Every date find_dates shows in each article, with today's code (None) or the briefgen package under code."""
    env = dict(os.environ)
    command = [sys.executable, "-c", _DATES_OF]
    if code is not None:
        # -S keeps the editable install of today's briefgen off the path; the old package comes first
        site = next(p for p in sys.path if p.endswith("site-packages"))
        env["PYTHONPATH"] = os.pathsep.join([str(code), site])
        command.insert(1, "-S")
    done = subprocess.run(command, input=json.dumps([[a.key, a.body, a.date] for a in articles]),
                          capture_output=True, text=True, env=env, cwd=code or ROOT, check=True)
    found: dict[str, list[list[Any]]] = json.loads(done.stdout)
    return found


def paired(args: argparse.Namespace) -> None:
    """Draw fresh articles, run the code at --against and today's code on them, and list every date they show otherwise.

    Both sides of each difference go on the sheet (`side`: old or new) for a judge; every drawn
    article is recorded, so later draws leave it out. Precision of what changed, old against new,
    measures the changes on articles they were not made for.
    """
    out = ROOT / "eval" / "audits" / f"dates-paired-{args.round}.jsonl"
    if out.exists():
        raise SystemExit(f"{out} exists: pick another --round")
    rng = random.Random(args.seed)
    reuters, bbc = pool(args.corpus)
    rng.shuffle(reuters)
    rng.shuffle(bbc)
    articles = reuters[:args.articles - args.bbc] + bbc[:args.bbc]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", args.against, "briefgen"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        old = _dates_by(Path(tmp), articles)
    new = _dates_by(None, articles)
    items: list[dict[str, Any]] = []
    for a in articles:
        before = {(d[0], d[1]): d for d in old[a.key]}
        after = {(d[0], d[1]): d for d in new[a.key]}
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        base = {"round": args.round, "seed": args.seed, "code": commit, "against": args.against, "article": a.key,
                "published": a.date}
        if not changed:
            items.append({**base, "side": None, "verdict": None, "note": "no date differs"})
        for side, found in (("old", before), ("new", after)):
            for key in changed:
                if key in found:
                    start, end, value, kind, text = found[key]
                    items.append({**base, "side": side, "value": value, "type": kind, "text": text, "start": start,
                                  "end": end, "verdict": None, "error": None, "note": ""})
    _write(out, items)
    sides = Counter(i["side"] for i in items if i["side"])
    print(f"{out}: {len(articles)} articles, dates that differ: old {sides['old']}, new {sides['new']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("sample")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--dates", type=int, default=220)
    p.add_argument("--per-article", type=int, default=10)
    p.add_argument("--reuters-per-bbc", type=int, default=2)
    p.add_argument("--out", type=Path)
    p.set_defaults(run=sample)
    p = sub.add_parser("show")
    p.add_argument("sheet", type=Path)
    p.add_argument("--todo", action="store_true", help="only the items not judged yet")
    p.set_defaults(run=show)
    p = sub.add_parser("judge")
    p.add_argument("sheet", type=Path)
    p.add_argument("--wrong", action="append", default=[], metavar="N=CLASS[:note]")
    p.add_argument("--right", action="append", default=[], metavar="N")
    p.add_argument("--right-rest", action="store_true")
    p.set_defaults(run=judge)
    p = sub.add_parser("recheck")
    p.add_argument("sheets", type=Path, nargs="+")
    p.set_defaults(run=recheck)
    p = sub.add_parser("paired")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--against", required=True, help="the commit whose code the changes are measured against")
    p.add_argument("--articles", type=int, default=300)
    p.add_argument("--bbc", type=int, default=20, help="how many of the articles are BBC politics files")
    p.set_defaults(run=paired)
    p = sub.add_parser("score")
    p.add_argument("sheets", type=Path, nargs="+")
    p.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
