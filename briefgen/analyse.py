"""Summarise an article and extract its figures, or reuse what its front matter already holds."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.article import Analysis, Article, Figures
from briefgen.config import Config
from briefgen.errors import Problem
from briefgen.extract.dates import find_dates
from briefgen.extract.officials import find_officials
from briefgen.extract.troops import find_troops
from briefgen.records import RecordError, analysis_from_data, analysis_to_data
from briefgen.summarise import summarise

PACKAGE = Path(__file__).parent
ANALYSIS_CODE = ("summarise.py", "summary_*.py", "sentence*.py", "extract/*.py", "data/*")
"""The files whose contents decide what analysis produces."""


@functools.cache
def analysis_code_digest() -> str:
    """A digest of the analysis code and data, so that any change to them invalidates stored analyses."""
    digest = hashlib.sha256(__version__.encode())
    for pattern in ANALYSIS_CODE:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(body: str, settings: dict[str, Any]) -> str:
    """What an analysis depends on: the body, the settings that shape it, and the analysis code."""
    digest = hashlib.sha256()
    digest.update(json.dumps([analysis_code_digest(), settings], sort_keys=True).encode())
    digest.update(body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def analyse(article: Article, config: Config) -> Analysis:
    """Run the summariser and the configured extractors over the body."""
    body, published = article.body, article.date
    summary = summarise(
        body,
        title=article.title,
        method=config.summary_method,
        sentences=config.summary_sentences,
        max_words=config.summary_max_words,
    )
    figures = Figures(
        troops=find_troops(body, published) if "troops" in config.figures else (),
        dates=find_dates(body, published) if "dates" in config.figures else (),
        officials=find_officials(body, published, config.titles) if "officials" in config.figures else (),
    )
    return Analysis(summary, figures)


def machine_block(analysis: Analysis, key: str, pinned: bool) -> dict[str, Any]:
    """The mapping briefgen stores under its front matter key."""
    block: dict[str, Any] = {"fingerprint": key}
    if pinned:
        block["pinned"] = True
    block.update(analysis_to_data(analysis))
    return block


def analyse_or_reuse(article: Article, config: Config) -> tuple[Analysis, dict[str, Any], Problem | None]:
    """Reuse the stored analysis when the body and settings are unchanged (or it is pinned), else analyse.

    A person's corrections inside the stored block therefore survive rebuilds until the body
    or an analysis setting changes; `pinned: true` keeps them for good.
    """
    key = fingerprint(article.body, config.analysis_settings())
    stored = article.machine
    if stored is not None and (stored.get("pinned") is True or stored.get("fingerprint") == key):
        try:
            analysis = analysis_from_data(stored)
        except RecordError as exc:
            problem = Problem(f"front matter {exc.where}: {exc.message}", article.path, article.machine_line)
            return Analysis((), Figures()), stored, problem
        return analysis, stored, None
    analysis = analyse(article, config)
    return analysis, machine_block(analysis, key, pinned=False), None
