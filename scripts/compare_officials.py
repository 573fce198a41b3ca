"""Which officials change between an older commit and this checkout, on unused articles, for a paired judgement.

    python scripts/compare_officials.py --before 4066c79 --seed 777 --articles 400

Draws `--articles` articles from the pool no sheet has used (as `audit_figures.py sample` does), runs
`briefgen extract` over them with the code of `--before` (a `git archive` of its `briefgen/` in a temporary
folder, put first on PYTHONPATH) and with this checkout, and prints every official whose name, title or org
differs, with its sentence and the span in [[double brackets]]. A reader then judges each pair: better, worse
or the same. Only the articles printed count as read (list them in a sheet under eval/audits/ to leave them
out of later draws). It reads ../shared at run time and copies no corpus text into the repository.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

from audit_figures import candidate_pool
from auditing import ROOT, extract, marked_sentence, unused

Shown = tuple[str, str | None, str | None]


@contextmanager
def code_of(commit: str) -> Iterator[None]:
    """Run what is inside the block with `briefgen/` as it was at `commit` first on PYTHONPATH."""
    archive = subprocess.run(["git", "archive", commit, "briefgen"], cwd=ROOT, check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        before = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = folder
        try:
            yield
        finally:
            if before is None:
                del os.environ["PYTHONPATH"]
            else:
                os.environ["PYTHONPATH"] = before


def officials_by_span(records: dict[str, dict[str, Any]]) -> dict[tuple[str, int, int], Shown]:
    """(article, start, end) of each official's first mention -> (name, title, org)."""
    return {(key, *o["mentions"][0]): (o["name"], o["title"], o["org"])
            for key, record in records.items() for o in record["figures"]["officials"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="the older commit")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    pool = unused(candidate_pool())
    random.Random(args.seed).shuffle(pool)
    chosen = pool[: args.articles]
    with code_of(args.before):
        before = officials_by_span(extract(chosen))
    now = officials_by_span(extract(chosen))
    bodies = {a.key: a.body for a in chosen}
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for n, (key, start, end) in enumerate(changed, start=1):
        print(f"{n}. {key}: {marked_sentence(bodies[key], start, end)}")
        print(f"   before: {before.get((key, start, end))}\n   now:    {now.get((key, start, end))}")
    print(f"{len(chosen)} articles, {len(now)} officials now, {len(changed)} differ from {args.before}")


if __name__ == "__main__":
    main()
