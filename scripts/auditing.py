"""What every audit script shares (../shared/eval/AUDIT.md): corpus articles and their ids, the
articles already used, running `briefgen extract`, the sheets, and precision per field.

An audit draws articles nobody has annotated or audited, runs `briefgen extract` on them and
writes a sheet: one JSON line per item for a judge, holding article ids and offsets, never corpus
text. Each audit script (audit_figures, audit_dates, audit_officials, audit_troops,
audit_summaries) keeps only what is its own: which articles it draws, what an item holds and how
its verdicts are counted. Corpus files are read from ../shared at run time, never copied in, and
the held-out splits (even-numbered BBC politics files, TempEval-3 platinum, CoNLL eng.testb) are
never opened.
"""

from __future__ import annotations

import csv
import functools
import html
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
AUDITS = ROOT / "eval" / "audits"
DEV_GOLD = SHARED / "eval" / "gold" / "dev.jsonl"

if not (SHARED / "eval").is_dir():
    raise SystemExit(f"{SHARED / 'eval'} is not there: the audits need ../shared beside the repository")
sys.path.insert(0, str(SHARED / "eval"))
import common  # type: ignore[import-not-found]  # noqa: E402  (the scorers' runner of `briefgen extract`)

_REUTERS_STORY = re.compile(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_NOTE = re.compile(r"(?:^|\s)#")
"""Where a note starts on a line of a .txt list of articles ("conll2003:FILE#DOC" holds a '#' of its own)."""
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


@dataclass(frozen=True)
class CorpusArticle:
    """One article of ../shared/corpus as `briefgen extract` is given it, and where it is."""

    key: str
    """Its id as the gold files write it: "reuters21578:9209", "bbc-news-summary:politics/001.txt"."""
    source: dict[str, Any]
    """Its locator, as gold files and sheets store it (dataset, file, and url, newid or doc)."""
    title: str
    date: str | None
    """Publication date (YYYY-MM-DD), when the corpus gives one."""
    body: str
    """The text after the headline: sheet offsets point into it."""

    @property
    def dataset(self) -> str:
        """The corpus it comes from ("wikinews-2019-2020", "reuters21578", ...)."""
        return str(self.source["dataset"])


def article_id(source: dict[str, Any]) -> str:
    """An article's id as the gold files write it, from its locator."""
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


def _article(source: dict[str, Any], title: str, date: str | None, body: str) -> CorpusArticle:
    """A corpus article with its id made from its locator."""
    return CorpusArticle(article_id(source), source, title, date, body)


def wikinews_articles(corpus: Path = CORPUS) -> list[CorpusArticle]:
    """Every Wikinews 2019-2020 row, in file order (the "TEST PAGE" row too: callers filter)."""
    out = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        file = f"wikinews-2019-2020/{name}"
        with open(corpus / file, encoding="utf-8", newline="") as fh:
            for row_no, row in enumerate(csv.DictReader(fh)):
                source = {"dataset": "wikinews-2019-2020", "file": file, "row": row_no, "url": row["url"]}
                out.append(_article(source, row["title"], row["date"], row["text"].strip() + "\n"))
    return out


def reuters_articles(corpus: Path = CORPUS) -> list[CorpusArticle]:
    """Every Reuters-21578 story with a body, cleaned as the shared scorers clean it, dated by its <DATE>."""
    out = []
    for path in sorted((corpus / "reuters21578").glob("reut2-*.sgm")):
        for m in _REUTERS_STORY.finditer(path.read_text(encoding="latin-1")):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            if body is None:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", m.group(2), re.S)
            date = re.search(r"<DATE>\s*(\d{1,2})-([A-Z]{3})-(\d{4})", m.group(2))
            text = re.sub(r"\s*Reuter\s*$", "", _reuters_clean(body.group(1)))
            source = {"dataset": "reuters21578", "file": f"reuters21578/{path.name}", "newid": m.group(1)}
            out.append(_article(source, _reuters_clean(title.group(1)) if title else "", _reuters_date(date),
                                text + "\n"))
    return out


def _reuters_clean(text: str) -> str:
    """SGML entities decoded, control characters dropped, ends trimmed."""
    return _CONTROL.sub("", html.unescape(text)).strip()


def _reuters_date(m: re.Match[str] | None) -> str | None:
    """YYYY-MM-DD from a Reuters <DATE> ("26-FEB-1987 15:01:01.79")."""
    if m is None or m.group(2) not in _MONTHS:
        return None
    return f"{int(m.group(3)):04d}-{_MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"


def bbc_title_and_body(path: Path) -> tuple[str, str]:
    """A BBC News Summary text file: its first line is the headline, the rest the body (UTF-8, else Latin-1)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    title, _, body = text.partition("\n")
    return title.strip(), body.strip() + "\n"


def bbc_politics_articles(corpus: Path = CORPUS) -> list[CorpusArticle]:
    """The BBC News Summary politics articles with odd file numbers (the even ones are held out), undated."""
    out = []
    for path in sorted((corpus / "bbc-news-summary" / "News Articles" / "politics").glob("*[13579].txt")):
        title, body = bbc_title_and_body(path)
        source = {"dataset": "bbc-news-summary", "file": f"bbc-news-summary/News Articles/politics/{path.name}"}
        out.append(_article(source, title, None, body))
    return out


def conll_dev_articles(corpus: Path = CORPUS) -> list[CorpusArticle]:
    """CoNLL-2003's dev documents (eng.testa; never eng.testb), detokenised into readable text."""
    out = []
    for index, sentences in enumerate(_conll_documents(corpus / "conll2003" / "eng.testa")):
        title = _detokenised(sentences[0]).title() if sentences else ""
        rest = [_detokenised(s) for s in sentences[1:]]
        date = re.search(r"\b(19\d\d-\d\d-\d\d)\b", rest[0]) if rest else None
        source = {"dataset": "conll2003", "file": "conll2003/eng.testa", "doc": index}
        out.append(_article(source, title, date.group(1) if date else None, "\n\n".join(rest) + "\n"))
    return out


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
    """CoNLL tokens joined as running text (no space before punctuation and clitics)."""
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]]|'s\b|n't\b|'\s)", r"\1", text)
    return re.sub(r"([(\[$]) ", r"\1", text)


def tempeval_articles(corpus: Path = CORPUS) -> list[CorpusArticle]:
    """TempEval-3's TimeBank and AQUAINT documents (TBAQ-cleaned; never the platinum set), tags removed."""
    out = []
    for path in sorted((corpus / "tempeval3" / "TBAQ-cleaned").glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', raw)
        match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        body = html.unescape(re.sub(r"<[^>]+>", "", match.group(1) if match else "")).strip()
        source = {"dataset": "tempeval3", "file": path.relative_to(corpus).as_posix()}
        out.append(_article(source, body.splitlines()[0] if body else "", dct.group(1) if dct else None, body + "\n"))
    return out


def seed_article() -> CorpusArticle:
    """The machine-translated seed article of ../shared/seed."""
    title, _, body = (SHARED / "seed" / "000_ba5d53e9f3018aef.txt").read_text(encoding="utf-8").partition("\n")
    return _article({"dataset": "seed", "file": "seed"}, title.strip(), None, body.strip() + "\n")


_READERS: dict[str, Callable[[Path], list[CorpusArticle]]] = {
    "wikinews-2019-2020": wikinews_articles,
    "reuters21578": reuters_articles,
    "bbc-news-summary": bbc_politics_articles,
    "conll2003": conll_dev_articles,
    "tempeval3": tempeval_articles,
}
"""Every corpus an audit draws from, by dataset name."""


@functools.cache
def _articles_of(dataset: str, corpus: Path) -> dict[str, CorpusArticle]:
    """Every article of one corpus, by id (read once per run)."""
    return {a.key: a for a in _READERS[dataset](corpus)}


def load_article(source: dict[str, Any], corpus: Path = CORPUS) -> CorpusArticle:
    """The article a locator points to, as a sheet's offsets read it."""
    if source["dataset"] == "seed":
        return seed_article()
    return _articles_of(source["dataset"], corpus)[article_id(source)]


def load_articles(keys: Iterable[str], corpus: Path = CORPUS) -> dict[str, CorpusArticle]:
    """The articles with these ids (as sheets name them), by id."""
    return {key: _articles_of(_dataset_of(key), corpus)[key] for key in set(keys)}


def _dataset_of(key: str) -> str:
    """The corpus an article id belongs to."""
    dataset = key.partition(":")[0]
    if dataset not in _READERS:
        raise SystemExit(f"{key}: not an article of a corpus the audits read")
    return dataset


def used_articles() -> set[str]:
    """Every article named in ../shared/eval/gold/dev.jsonl or in any sheet or list under eval/: never drawn.

    An audit measures articles no fix was made for, so every article annotated, judged or read
    while tuning (named by a record of any JSON-lines file under eval/, or by a line of a .txt
    list there) is left out. A troop sheet's `sampled` list is not counted: it names every article
    a troop round ran the extractor on, nearly the whole corpus, most of them shown to nobody.
    """
    used: set[str] = set()
    for path in [DEV_GOLD, *sorted((ROOT / "eval").rglob("*"))]:
        if path.suffix == ".jsonl":
            for record in read_sheet(path):
                used |= _articles_named(record)
        elif path.suffix == ".txt":
            for line in path.read_text(encoding="utf-8").splitlines():
                listed = _NOTE.split(line, maxsplit=1)[0].strip()
                if listed:
                    used.add(_from_short_id(listed))
    return used


def _articles_named(record: dict[str, Any]) -> set[str]:
    """The article ids a gold or sheet record names: its source, and its id or article."""
    named = {key for key in (record.get("id"), record.get("article")) if isinstance(key, str) and ":" in key}
    source = record.get("source")
    if isinstance(source, dict) and source.get("dataset") != "seed":
        named.add(article_id(source))
    return named


def _from_short_id(text: str) -> str:
    """An id as the gold files write it, from the short form audit_summaries once wrote (wikinews:URL,
    reuters:NEWID, conll2003:FILE#DOC, tempeval3:FILE); other ids are returned as they are."""
    dataset, _, rest = text.partition(":")
    if dataset == "wikinews":
        return f"wikinews-2019-2020:{rest}"
    if dataset == "reuters":
        return f"reuters21578:{rest}"
    if dataset == "conll2003" and "#" in rest:
        file, _, doc = rest.partition("#")
        return article_id({"dataset": dataset, "file": file, "doc": int(doc)})
    if dataset == "tempeval3":
        return article_id({"dataset": dataset, "file": rest})
    return text


def unused(articles: Iterable[CorpusArticle]) -> list[CorpusArticle]:
    """The articles no gold file or sheet has used yet."""
    used = used_articles()
    return [a for a in articles if a.key not in used]


def mixed_draw(pool: list[CorpusArticle], shares: dict[str, float], count: int) -> list[CorpusArticle]:
    """The first articles of each source of a shuffled pool, by share; a used-up source is made up from the others."""
    chosen: list[CorpusArticle] = []
    for dataset, share in shares.items():
        chosen += [a for a in pool if a.dataset == dataset][: round(count * share)]
    keys = {a.key for a in chosen}
    return chosen + [a for a in pool if a.key not in keys][: count - len(chosen)]


def extract(articles: list[CorpusArticle]) -> dict[str, dict[str, Any]]:
    """What `briefgen extract` (of this checkout) gives for each article, by article id."""
    os.environ.setdefault("BRIEFGEN", f"{sys.executable} -m briefgen")
    # file names in the throwaway project: ids hold ':' and '/'
    keyed = [common.Article(f"a{i:04d}", a.title, a.date, a.body) for i, a in enumerate(articles)]
    records, _seconds = common.extract(keyed)
    return {a.key: records[k.key] for a, k in zip(articles, keyed, strict=True)}


def head_commit() -> str:
    """The short hash of the checkout the sample is extracted with."""
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of briefgen's splitter that holds the span (what the site shows beside a figure)."""
    from briefgen.text import split_sentences

    for sentence in split_sentences(body):
        if sentence.start <= start < sentence.end:
            return sentence.start, max(sentence.end, end)
    return start, end


def marked_sentence(body: str, start: int, end: int) -> str:
    """The sentence around [start, end) on one line, with the span in [[double brackets]]."""
    lo, hi = sentence_around(body, start, end)
    return " ".join((body[lo:start] + "[[" + body[start:end] + "]]" + body[end:hi]).split())


def read_sheet(path: Path) -> list[dict[str, Any]]:
    """The records of a sheet (or gold file), one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_sheet(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Write a sheet's records back, one JSON object a line (a judge's verdicts recorded)."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def refuse_existing(path: Path) -> None:
    """Stop when a new sheet would overwrite one (maybe judged): checked before the sample is extracted too."""
    if path.exists():
        raise SystemExit(f"{path} exists: pick another --round or --out")


def write_new_sheet(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Write a new sheet; an existing one is never overwritten."""
    refuse_existing(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_sheet(path, records)


@dataclass(frozen=True)
class Precision:
    """How many judged items were right, and what was wrong with the others."""

    right: int
    judged: int
    errors: Counter[str]
    """Wrong fields (or error classes), counted over the wrong items."""

    def __str__(self) -> str:
        """As the audits report it: "0.910 (182/200)"."""
        return f"{self.right / self.judged if self.judged else 0:.3f} ({self.right}/{self.judged})"

    def errors_text(self) -> str:
        """The errors, most frequent first: "org 36, title 8"."""
        return ", ".join(f"{error} {n}" for error, n in self.errors.most_common())


def precision(items: Iterable[dict[str, Any]], is_right: Callable[[dict[str, Any]], bool | None],
              errors: Callable[[dict[str, Any]], Iterable[str]]) -> Precision:
    """Precision over the judged items (`is_right` None: not judged yet) and the errors of the wrong ones."""
    verdicts = [(item, is_right(item)) for item in items]
    judged = [(item, right) for item, right in verdicts if right is not None]
    wrong = Counter(error for item, right in judged if not right for error in errors(item))
    return Precision(sum(1 for _, right in judged if right), len(judged), wrong)
