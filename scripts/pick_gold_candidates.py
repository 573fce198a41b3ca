"""List candidate articles for hand annotation of officials and troop counts, in a seeded random order.

    python scripts/pick_gold_candidates.py --seed 1207 [--shared ../shared] [--per-pool 15]

Prints one line per candidate: pool, id, source locator (JSON), words, title, and the
phrases that put it in the pool. It only finds candidates; every annotation is made by
reading the whole article. Articles already in the shared dev gold are left out, and
the BBC politics folder is listed with odd-numbered files only (even ones are held out).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

NUMBER = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"dozen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)")
PERSONNEL = (r"(?:troops|soldiers|servicemen|forces|fighters|marines|sailors|airmen|paratroopers|"
             r"reservists|peacekeepers|militants|rebels|guerrillas|gunmen|personnel|men)")
# a number, then up to three words (e.g. "U.S.", "Iraqi", "Revolutionary Guard"), then a personnel noun
TROOP_PHRASE = re.compile(rf"\b{NUMBER}(?:[- ][\w.'-]+){{0,3}}[- ]{PERSONNEL}\b", re.I)
GOVERNMENT = re.compile(r"\b(?:minister|president|government|military|army|troops|soldiers|defen[cs]e|"
                        r"parliament|ambassador|general|rebels|war|ceasefire|embassy)\b", re.I)
MILITARY = re.compile(r"\b(?:military|army|troops|soldiers|defen[cs]e minister|rebels|guerrillas|war|ceasefire|"
                      r"embassy|ambassador|navy|marines|air force|guerrilla|offensive|attack(?:ed|s)?)\b", re.I)
# missing spaces after a full stop or comma, or a lower-case "i"/"im"/"dont" as in unedited text
ODD_PUNCTUATION = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]|[a-z]{2},[A-Za-z]{2}|\b(?:i|im|dont|didnt|cant)\b")
TRAP = re.compile(rf"\b{NUMBER}\s+(?:[\w-]+\s+)?(?:police(?:men)?|officers|civilians|fighter jets|fighters|"
                  r"rebels|protesters|demonstrators|MPs)\b", re.I)
DEV_GOLD = "eval/gold/dev.jsonl"
# Phrases that GUIDELINES.md quotes as examples but that no dev.jsonl article contains: their
# articles probably belong to the held-out gold file, so they are not annotated here.
GUIDELINE_EXAMPLES = ("O'Higgins Riquelme Base", "Sergeant Aldea", "Avions Marcel Dassault", "100 FSX fighters",
                      "32 Labour rebels", "Ian Blair", "384 Libyans", "over 2,400 Iraqis",
                      "Libyan force of some 3,000 men", "two colonels", "of RSF", "two officers and three privates",
                      "Gurkhas", "Meschstein", "Nikolsky")


def wikinews(corpus: Path) -> list[dict]:
    """Every Wikinews 2019-2020 row as a candidate record (source locator, title, text)."""
    out = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        file = f"wikinews-2019-2020/{name}"
        with open(corpus / file, encoding="utf-8", newline="") as fh:
            for row_no, row in enumerate(csv.DictReader(fh)):
                out.append({"id": f"wikinews-2019-2020:{row['url']}", "title": row["title"], "text": row["text"],
                            "source": {"dataset": "wikinews-2019-2020", "file": file, "row": row_no,
                                       "url": row["url"]}, "date": row["date"]})
    return out


def reuters(corpus: Path) -> list[dict]:
    """Every Reuters-21578 story that has a body."""
    out = []
    for path in sorted((corpus / "reuters21578").glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            if not body:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", m.group(2), re.S)
            out.append({"id": f"reuters21578:{m.group(1)}", "title": title.group(1) if title else "",
                        "text": body.group(1),
                        "source": {"dataset": "reuters21578", "file": f"reuters21578/{path.name}",
                                   "newid": m.group(1)}})
    return out


def bbc_politics_odd(corpus: Path) -> list[dict]:
    """BBC politics articles with odd file numbers only: the even ones are held out and never opened."""
    out = []
    folder = corpus / "bbc-news-summary" / "News Articles" / "politics"
    for path in sorted(folder.glob("*[13579].txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        out.append({"id": f"bbc-news-summary:politics/{path.name}", "title": text.partition("\n")[0],
                    "text": text, "source": {"dataset": "bbc-news-summary",
                                             "file": f"bbc-news-summary/News Articles/politics/{path.name}"}})
    return out


def pools(corpus: Path) -> dict[str, list[dict]]:
    """Group the candidate articles into the pools the annotation draws from."""
    wn, rt, bbc = wikinews(corpus), reuters(corpus), bbc_politics_odd(corpus)
    wn = [a for a in wn if not a["title"].startswith("TEST PAGE")]
    return {
        "wikinews-troops": [a for a in wn if TROOP_PHRASE.search(a["text"])],
        "wikinews-conflict": [a for a in wn if len({m.lower() for m in MILITARY.findall(a["text"])}) >= 3],
        "wikinews-interview": [a for a in wn if re.search(r"interview", a["title"], re.I)],
        "wikinews-government": [a for a in wn if len(GOVERNMENT.findall(a["text"])) >= 3],
        "wikinews-any": wn,
        "reuters-troops": [a for a in rt if TROOP_PHRASE.search(a["text"])],
        "reuters-military": [a for a in rt if len({m.lower() for m in MILITARY.findall(a["text"])}) >= 2],
        "odd-punctuation": [a for a in wn + rt + bbc if len(ODD_PUNCTUATION.findall(a["text"])) >= 2],
        "bbc-politics-odd": bbc,
        "traps": [a for a in wn + rt + bbc if TRAP.search(a["text"])],
    }


def main() -> None:
    """Print the seeded candidate list."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--shared", default="../shared", help="the shared folder (corpus/ and eval/)")
    ap.add_argument("--per-pool", type=int, default=15)
    args = ap.parse_args()
    shared = Path(args.shared)
    done = {json.loads(line)["id"] for line in (shared / DEV_GOLD).read_text(encoding="utf-8").splitlines()
            if line.strip()}
    all_pools = pools(shared / "corpus")
    held = {a["id"] for arts in all_pools.values() for a in arts
            if any(" ".join(e.split()) in " ".join(a["text"].split()) for e in GUIDELINE_EXAMPLES)}
    print(f"# left out (guideline examples, probably held-out gold): {sorted(held)}", file=sys.stderr)
    for pool, arts in all_pools.items():
        arts = [a for a in arts if a["id"] not in done and a["id"] not in held]
        random.Random(f"{args.seed}:{pool}").shuffle(arts)  # one stream per pool: pools do not shift each other
        print(f"# {pool}: {len(arts)} articles", file=sys.stderr)
        for a in arts[: args.per_pool]:
            hits = sorted({" ".join(m.group(0).split()) for m in TROOP_PHRASE.finditer(a["text"])})
            traps = sorted({" ".join(m.group(0).split()) for m in TRAP.finditer(a["text"])})
            print("\t".join([pool, a["id"], json.dumps(a["source"]), str(len(a["text"].split())),
                             " ".join(a["title"].split()), "; ".join(hits[:6]), "; ".join(traps[:6])]))


if __name__ == "__main__":
    main()
