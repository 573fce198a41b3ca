"""Check a gold file of officials and troop counts against the articles it points to.

    python scripts/check_gold.py eval/gold/dev-extra.jsonl [--shared ../shared]

For every record: the source locator finds the article (with the shared scorer's own
loader, so the text is the one `figures.py` scores), the date is the corpus date, every
official name and variant and every troop `text` / `other_texts` occurs in the article
(headline or body, whitespace collapsed), fields have the right types, optional entries
carry a note, and no record repeats an article of the shared dev gold or points at a
held-out file. It judges nothing: the annotations themselves are made by reading.
Exit status 1 and one `path:line: problem` per failure.
"""
from __future__ import annotations

import argparse
import csv
import functools
import json
import re
import sys
from datetime import datetime
from pathlib import Path

KINDS = {"strength", "casualties"}
OFFICIAL_KEYS = {"name", "title", "org", "variants", "note", "optional"}
TROOP_KEYS = {"value", "high", "approx", "text", "who", "kind", "other_texts", "note", "optional"}
RECORD_KEYS = {"id", "source", "date", "title", "officials", "troops", "notes"}
LONGEST_SPAN_WORDS = 12  # a `text` span longer than this is more than a figure


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, as the guidelines write spans."""
    return " ".join(text.split())


@functools.cache
def wikinews_dates(corpus: Path, file: str) -> dict[str, str]:
    """url -> publication date for one Wikinews CSV."""
    with open(corpus / file, encoding="utf-8", newline="") as fh:
        return {row["url"]: row["date"] for row in csv.DictReader(fh)}


@functools.cache
def reuters_dates(corpus: Path, file: str) -> dict[str, str]:
    """NEWID -> publication date (YYYY-MM-DD) for one Reuters SGML file."""
    raw = (corpus / file).read_text(encoding="latin-1")
    out = {}
    for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)">.*?<DATE>\s*(\d+-[A-Z]{3}-\d{4})', raw, re.S):
        out[m.group(1)] = datetime.strptime(m.group(2), "%d-%b-%Y").strftime("%Y-%m-%d")
    return out


def expected_id_and_date(corpus: Path, source: dict) -> tuple[str, str | None]:
    """The record id and publication date that a source locator implies."""
    dataset, file = source["dataset"], source["file"]
    if dataset == "wikinews-2019-2020":
        return f"{dataset}:{source['url']}", wikinews_dates(corpus, file)[source["url"]]
    if dataset == "reuters21578":
        return f"{dataset}:{source['newid']}", reuters_dates(corpus, file)[str(source["newid"])]
    if dataset == "bbc-news-summary":
        return f"{dataset}:{file.split('News Articles/')[-1]}", None
    raise ValueError(f"unknown dataset {dataset!r}")


def held_out(source: dict) -> bool:
    """True for a locator into a held-out split (decided from the name, without opening it)."""
    file = source.get("file", "")
    m = re.search(r"politics/(\d+)\.txt$", file)
    return bool(m and int(m.group(1)) % 2 == 0) or "te3-platinum" in file or "eng.testb" in file


def check_record(rec: dict, corpus: Path, load) -> list[str]:
    """Every problem found in one record, as short messages."""
    problems: list[str] = []
    extra = set(rec) - RECORD_KEYS
    if extra:
        problems.append(f"unknown keys {sorted(extra)}")
    source = rec.get("source") or {}
    if held_out(source):
        return ["points at a held-out file"]
    try:
        want_id, want_date = expected_id_and_date(corpus, source)
        title, body = load(source)
    except (KeyError, ValueError, OSError) as exc:
        return [f"source cannot be found: {exc!r}"]
    if rec.get("id") != want_id:
        problems.append(f"id {rec.get('id')!r} should be {want_id!r}")
    if rec.get("date") != want_date:
        problems.append(f"date {rec.get('date')!r} should be {want_date!r}")
    text = collapse(title + "\n" + body)
    seen_names: set[str] = set()
    for o in rec.get("officials", []):
        label = f"official {o.get('name')!r}"
        if set(o) - OFFICIAL_KEYS:
            problems.append(f"{label}: unknown keys {sorted(set(o) - OFFICIAL_KEYS)}")
        for key in ("name", "title", "org", "variants"):
            if key not in o:
                problems.append(f"{label}: missing {key!r}")
        for form in [o.get("name", "")] + list(o.get("variants") or []):
            plain = form.replace("[", "").replace("]", "")
            if not form or (collapse(plain) not in text and collapse(form) not in text):
                problems.append(f"{label}: {form!r} does not occur in the article")
        if o.get("name") in seen_names:
            problems.append(f"{label}: the same person twice")
        seen_names.add(o.get("name", ""))
        if o.get("optional") and not o.get("note"):
            problems.append(f"{label}: optional without a note")
    for t in rec.get("troops", []):
        label = f"troop count {t.get('text')!r}"
        if set(t) - TROOP_KEYS:
            problems.append(f"{label}: unknown keys {sorted(set(t) - TROOP_KEYS)}")
        if not isinstance(t.get("value"), int) or t["value"] <= 0:
            problems.append(f"{label}: value must be a positive integer")
        if t.get("high") is not None and (not isinstance(t["high"], int) or t["high"] <= t.get("value", 0)):
            problems.append(f"{label}: high must be an integer above value")
        if not isinstance(t.get("approx"), bool):
            problems.append(f"{label}: approx must be true or false")
        if t.get("kind") not in KINDS:
            problems.append(f"{label}: kind must be one of {sorted(KINDS)}")
        if "who" not in t:
            problems.append(f"{label}: missing 'who'")
        for span in [t.get("text") or ""] + list(t.get("other_texts") or []):
            if not span or collapse(span) != span:
                problems.append(f"{label}: span {span!r} is empty or has uncollapsed whitespace")
            elif span not in text:
                problems.append(f"{label}: span {span!r} does not occur in the article")
            elif len(span.split()) > LONGEST_SPAN_WORDS:
                problems.append(f"{label}: span {span!r} is longer than a figure")
        if t.get("optional") and not t.get("note"):
            problems.append(f"{label}: optional without a note")
    if not isinstance(rec.get("notes", []), list):
        problems.append("notes must be a list")
    return problems


def main() -> int:
    """Check every record of the gold file; print problems; return the exit status."""
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    args = ap.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    import sources  # the scorer's own loader, so the checked text is the scored text

    dev_ids = {json.loads(line)["id"] for line in (args.shared / "eval/gold/dev.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()}
    seen: set[str] = set()
    failures = n = n_off = n_troops = 0
    for lineno, line in enumerate(args.gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"{args.gold}:{lineno}: not JSON: {exc}")
            failures += 1
            continue
        problems = check_record(rec, args.shared / "corpus", sources.load)
        if rec.get("id") in dev_ids:
            problems.append("article is already in the shared dev gold")
        if rec.get("id") in seen:
            problems.append("article annotated twice in this file")
        seen.add(rec.get("id"))
        for p in problems:
            print(f"{args.gold}:{lineno}: {rec.get('id')}: {p}")
        failures += len(problems)
        n += 1
        n_off += len(rec.get("officials", []))
        n_troops += len(rec.get("troops", []))
    print(f"{n} articles, {n_off} officials, {n_troops} troop counts, {failures} problems", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
