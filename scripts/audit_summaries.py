"""Audit the summaries a reader sees on articles nobody tuned the summariser on (issue 16).

    python scripts/audit_summaries.py sample --seed 5 --round 2    # draw, extract, flag, write the sheet
    python scripts/audit_summaries.py read eval/audits/summaries-round-2.jsonl   # the reading copy again
    python scripts/audit_summaries.py score eval/audits/summaries-round-2.jsonl  # rates from the verdicts

`sample` draws articles at random (a new seed each round) from Wikinews 2019-2020, Reuters-21578,
CoNLL-2003 dev documents (eng.testa, detokenised: badly punctuated text) and TempEval-3
TimeBank/AQUAINT, plus the machine-translated seed in the first round, leaving out every article
annotated, audited or read while tuning (`auditing.used_articles()`: among them those listed in
eval/audits/summaries-development.txt, looked at while fixing the summariser). It runs
`briefgen extract` once with the default settings and writes:

- `eval/audits/summaries-round-N.jsonl`: one line per summary sentence (its article's locator and
  the sentence's offsets in the body, no corpus text) with the defects this script flags, and one
  line per article whose body has prose but got no summary; `verdict`, `defect` and `note` are
  left empty for the judge;
- `test-artifacts/audit-summaries-round-N.txt` (not committed): the judge's reading copy, each
  sentence as the reader sees it, with the sentence before it for context.

The judge reads every sentence of the sample (or a random part of the flagged and of the
unflagged) and fills `verdict` ("ok": readable on its own, or "defect") and `defect` (one of
DEFECTS) by reading, never by a program. `score` prints the readable rate among flagged and
unflagged sentences, the estimate over all sentences, the defects by kind and how well the flags
predicted the verdicts (so that the script's own errors are known).
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from auditing import (
    AUDITS,
    ROOT,
    CorpusArticle,
    conll_dev_articles,
    extract,
    head_commit,
    load_article,
    mixed_draw,
    read_sheet,
    refuse_existing,
    reuters_articles,
    seed_article,
    tempeval_articles,
    unused,
    wikinews_articles,
    write_new_sheet,
)

DEFECTS = (
    "question", "speaker", "markup", "half_quote", "cut", "caption", "credit", "byline", "dateline",
    "fragment", "run_on", "table", "heading", "translation", "no_summary", "other",
)
"""What can make a summary sentence unreadable on its own (the judge's vocabulary)."""

MIX = {"wikinews-2019-2020": 0.4, "reuters21578": 0.35, "conll2003": 0.15, "tempeval3": 0.1}
"""Share of each source in a draw."""

# The flags are deliberately cruder and wider than the summariser's own rules: they point the
# judge at suspects, and the verdicts on unflagged sentences measure what they miss. (After
# round 2: sentences ending on an initial or "U.S.", underscore datelines and sign-offs.)
FLAGS: dict[str, re.Pattern[str]] = {
    "question": re.compile(r"\?[\"”’'»)\]]*\s*$"),
    "speaker": re.compile(r"\(\([^()]{1,40}\)\)|^(?:Q|A|Question|Answer)\s*[:.-]\s|^[A-Z][\w.'’ -]{1,30}:\s+[\"“A-Z]"),
    "markup": re.compile(r"\(\(|\)\)|\[\[|\]\]|\{\{|\}\}|</?[a-zA-Z][^>]*>|!\[|\]\(|\*\*|\u200d|\blanguage:\s"),
    "cut": re.compile(
        r"\[(?:\.\.\.|…)\]|^[\"“‘']?(?:\.\.\.|…)|(?:\.\.\.|…)[\"”’']?\s*$|^[\"“‘'(]?[a-z]"
        r"|\b[A-Z]\.$|\bU\.[SK]\.$"
    ),
    "caption": re.compile(r"\b(?:Image|Photo|Picture|File|Credit|Pictured|Courtesy)\b\s*:|\((?:left|right|L|R|C)\)"),
    "byline": re.compile(r"^By\s+[A-Z]|^[A-Z][\w.'’ -]+, [A-Z][\w.'’ &-]+, [A-Z][\w.'’ -]+\.$"),
    "dateline": re.compile(
        r"^[A-Z][A-Z .'’,]{2,}(?:\([^)]*\))?\s*[-–—_]+\s"
        r"|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\w+\s+\d"),
}


def flags_of(sentence: str) -> list[str]:
    """The suspect defects of one summary sentence, as shown to the reader."""
    found = [name for name, pattern in FLAGS.items() if pattern.search(sentence)]
    straight = sentence.count('"')
    if straight % 2 or sentence.count("“") != sentence.count("”"):
        found.append("half_quote")
    if sentence.count("(") != sentence.count(")") or sentence.count("[") != sentence.count("]"):
        found.append("markup" if "markup" not in found else "")
    words = sentence.split()
    if not re.search(r"[.!?…][\"”’'»)\]]*$", sentence.rstrip()):
        found.append("fragment")
    elif len(words) < 6:
        found.append("caption")
    if len(words) > 70:
        found.append("run_on")
    if words and sum(1 for w in words if any(c.isdigit() for c in w)) > 0.3 * len(words):
        found.append("table")
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        found.append("heading")
    return sorted({f for f in found if f})


def candidate_pool() -> list[CorpusArticle]:
    """Every article a round may draw (never a held-out split)."""
    wikinews = [a for a in wikinews_articles() if not a.title.startswith("TEST PAGE")]
    reuters = [a for a in reuters_articles() if len(a.body.split()) >= 40]
    return wikinews + reuters + conll_dev_articles() + tempeval_articles()


def sentence_offsets(body: str, shown: str) -> tuple[int, int] | None:
    """Where in the body the summary passage `shown` comes from (the reader sees it cleaned)."""
    from briefgen.text import summary_candidates

    for passage in summary_candidates(body):
        if shown in (passage.text, passage.readable):
            return passage.start, passage.end
    at = body.find(shown)
    return (at, at + len(shown)) if at >= 0 else None


def prose_words(body: str) -> int:
    """Words in lines that look like prose (ending in a full stop): does the article deserve a summary?"""
    return sum(len(line.split()) for line in body.splitlines() if re.search(r"[a-z].*[.!?][\"”’')]*\s*$", line))


def sample(args: argparse.Namespace) -> None:
    """Draw this round's articles, extract, flag, and write the sheet and the reading copy."""
    sheet = AUDITS / f"summaries-round-{args.round}.jsonl"
    refuse_existing(sheet)
    rng = random.Random(args.seed)
    pool = unused(candidate_pool())
    rng.shuffle(pool)
    chosen = mixed_draw(pool, MIX, args.articles)
    if not any(AUDITS.glob("summaries-round-*.jsonl")):
        chosen.append(seed_article())
    records = extract(chosen)
    commit = head_commit()
    items: list[dict[str, Any]] = []
    for article in chosen:
        summary = records[article.key]["summary"]
        base = {"round": args.round, "seed": args.seed, "commit": commit, "source": article.source}
        if not summary:
            words = prose_words(article.body)
            items.append({**base, "kind": "article", "prose_words": words,
                          "flags": ["no_summary"] if words >= 40 else []})
        for position, shown in enumerate(summary):
            offsets = sentence_offsets(article.body, shown)
            items.append({**base, "kind": "sentence", "position": position,
                          "sentence": list(offsets) if offsets else None, "flags": flags_of(shown)})
    write_new_sheet(sheet, [{"id": f"s{args.round}-{n:04d}", **item, "verdict": None, "defect": None, "note": ""}
                            for n, item in enumerate(items, start=1)])
    write_reading_copy(sheet, {a.key: records[a.key]["summary"] for a in chosen})
    flagged = sum(1 for i in items if i["kind"] == "sentence" and i["flags"])
    sentences = sum(1 for i in items if i["kind"] == "sentence")
    print(f"{len(chosen)} articles, {sentences} summary sentences, {flagged} flagged, "
          f"{sum(1 for i in items if i['kind'] == 'article')} without a summary")
    print(f"sheet: {sheet.relative_to(ROOT)}")


def write_reading_copy(sheet: Path, summaries: dict[str, list[str]] | None = None) -> None:
    """The judge's copy: each summary sentence as shown, with its headline and the sentence before it."""
    from briefgen.text import split_sentences

    out: list[str] = []
    for item in read_sheet(sheet):
        article = load_article(item["source"])
        body = article.body
        head = (f"{item['id']}  flags: {', '.join(item['flags']) or '-'}\n  article: {article.key}\n"
                f"  headline: {article.title}")
        if item["kind"] == "article":
            body_start = " ".join(body.split())[:600]
            out.append(f"{head}\n  NO SUMMARY; prose words: {item['prose_words']}\n  body: {body_start}\n")
            continue
        if summaries is not None:
            shown = summaries[article.key][item["position"]]
        elif item["sentence"]:
            shown = body[item["sentence"][0]:item["sentence"][1]]
        else:
            shown = "(not found in the body)"
        before = ""
        if item["sentence"]:
            earlier = [s for s in split_sentences(body) if s.end <= item["sentence"][0]]
            before = earlier[-1].text if earlier else ""
        out.append(f"{head}\n  before: {' '.join(before.split())[:300]}\n  SHOWN: {' '.join(shown.split())}\n")
    reading = ROOT / "test-artifacts" / f"audit-{sheet.stem}.txt"
    reading.parent.mkdir(exist_ok=True)
    reading.write_text("\n".join(out), encoding="utf-8")
    print(f"reading copy: {reading.relative_to(ROOT)}")


def reread(args: argparse.Namespace) -> None:
    """Write the judge's reading copy of a committed sheet again (it is not committed)."""
    write_reading_copy(Path(args.sheet))


def score(args: argparse.Namespace) -> None:
    """Readable rates among flagged and unflagged sentences, defects by kind, and the flags' accuracy."""
    items = read_sheet(Path(args.sheet))
    sentences = [i for i in items if i["kind"] == "sentence"]
    articles = [i for i in items if i["kind"] == "article"]
    total = len(sentences)
    rates: dict[bool, float] = {}
    for flagged in (True, False):
        group = [i for i in sentences if bool(i["flags"]) == flagged]
        judged = [i for i in group if i["verdict"] is not None]
        ok = sum(1 for i in judged if i["verdict"] == "ok")
        rates[flagged] = ok / len(judged) if judged else float("nan")
        name = "flagged" if flagged else "unflagged"
        print(f"{name:9} {len(group):4} sentences, {len(judged):4} judged, readable {ok}/{len(judged)}"
              + (f" = {100 * ok / len(judged):.1f}%" if judged else ""))
    shares = {flagged: sum(1 for i in sentences if bool(i["flags"]) == flagged) / total for flagged in rates}
    estimate = sum(shares[f] * rates[f] for f in rates if shares[f])
    print(f"estimated readable over all {total} summary sentences: {100 * estimate:.1f}%")
    defects = Counter(i["defect"] or "unspecified" for i in sentences if i["verdict"] == "defect")
    print("defects by kind:", ", ".join(f"{k} {n}" for k, n in defects.most_common()) or "none")
    judged = [i for i in sentences if i["verdict"] is not None]
    caught = sum(1 for i in judged if i["verdict"] == "defect" and i["flags"])
    false_alarms = sum(1 for i in judged if i["verdict"] == "ok" and i["flags"])
    missed = sum(1 for i in judged if i["verdict"] == "defect" and not i["flags"])
    print(f"flags: {caught} defects caught, {missed} missed, {false_alarms} readable sentences flagged")
    judged_articles = [a for a in articles if a["verdict"] is not None]
    wrong = sum(1 for a in judged_articles if a["verdict"] == "defect")
    flagged_articles = sum(1 for a in articles if "no_summary" in a["flags"])
    print(f"articles without a summary: {len(articles)} ({flagged_articles} flagged as having prose); "
          f"judged {len(judged_articles)}, {wrong} should have had one")


def main() -> None:
    """Command line: `sample`, `read` or `score`."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(required=True)
    draw = commands.add_parser("sample", help="draw articles, extract, flag, write the sheet")
    draw.add_argument("--seed", type=int, required=True, help="a new seed each round")
    draw.add_argument("--round", type=int, required=True, help="round number (names the sheet)")
    draw.add_argument("--articles", type=int, default=100, help="articles drawn")
    draw.set_defaults(run=sample)
    copy = commands.add_parser("read", help="write the reading copy of a sheet again")
    copy.add_argument("sheet")
    copy.set_defaults(run=reread)
    scoring = commands.add_parser("score", help="rates from a judged sheet")
    scoring.add_argument("sheet")
    scoring.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
