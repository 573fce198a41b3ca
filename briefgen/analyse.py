"""Summarise an article and extract its figures, or reuse what its front matter already holds."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from briefgen.article import Analysis, Article, Figures
from briefgen.config import Config
from briefgen.dependencies import analysis_code_digest
from briefgen.errors import Problem
from briefgen.project_lock import die_with_parent
from briefgen.records import RecordError, analysis_from_data, analysis_to_data
from briefgen.text import sentence_spans


def fingerprint(article: Article, settings: dict[str, Any]) -> str:
    """What an analysis depends on: the body, the headline (the summariser weighs it), the publication date
    (relative dates resolve against it), the settings that shape it, and the analysis code."""
    digest = hashlib.sha256()
    published = article.date.isoformat() if article.date else None
    digest.update(json.dumps([analysis_code_digest(), settings, article.title, published], sort_keys=True).encode())
    digest.update(article.body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class Outcome:
    """The analysis of one article, the block to store for it, and what it cost."""

    analysis: Analysis
    block: dict[str, Any]
    problem: Problem | None
    sentences: tuple[tuple[int, int], ...] = ()
    """Sentence spans of the body, which the site uses to quote the sentence of each figure."""
    summarise_seconds: float = 0.0
    extract_seconds: float = 0.0


def load_analysers() -> None:
    """Import the summariser and extractors (sumy, numpy, compiled patterns: about a second)."""
    import briefgen.extract.dates
    import briefgen.extract.officials
    import briefgen.extract.troops
    import briefgen.summarise  # noqa: F401


def analyse(article: Article, config: Config) -> tuple[Analysis, float, float]:
    """Run the summariser and the configured extractors over the body; also return their CPU seconds."""
    # imported here: a build with nothing to analyse should not pay for loading sumy and numpy
    from briefgen.extract.dates import find_dates
    from briefgen.extract.officials import find_officials
    from briefgen.extract.troops import find_troops
    from briefgen.summarise import summarise

    body, published = article.body, article.date
    # CPU time, as the stages summarise_cpu and extract_cpu say: wall time in a worker counts the other
    # processes it waits for on a busy machine
    started = time.process_time()
    summary = summarise(
        body,
        title=article.title,
        method=config.summary_method,
        sentences=config.summary_sentences,
        max_words=config.summary_max_words,
    )
    summarised = time.process_time()
    figures = Figures(
        troops=find_troops(body, published) if "troops" in config.figures else (),
        dates=find_dates(body, published) if "dates" in config.figures else (),
        officials=(find_officials(body, published, config.titles, config.places)
                   if "officials" in config.figures else ()),
    )
    return Analysis(summary, figures), summarised - started, time.process_time() - summarised


def machine_block(analysis: Analysis, key: str) -> dict[str, Any]:
    """The mapping briefgen stores under its front matter key (a person may add `pinned: true`)."""
    return {"fingerprint": key, **analysis_to_data(analysis)}


def reuse(article: Article, config: Config) -> Outcome | None:
    """The stored analysis, when the body and settings are unchanged or it is pinned; else None.

    A person's corrections inside the stored block therefore survive rebuilds until the body, the
    headline, the date or an analysis setting changes; `pinned: true` keeps them for good.
    """
    stored = article.machine
    if stored is None:
        return None
    if stored.get("pinned") is not True and stored.get("fingerprint") != fingerprint(
        article, config.analysis_settings()
    ):
        return None
    try:
        return Outcome(analysis_from_data(stored), stored, None, sentence_spans(article.body))
    except RecordError as exc:
        problem = Problem(f"front matter {exc.where}: {exc.message}", article.path, article.machine_line)
        return Outcome(Analysis((), Figures()), stored, problem)


def analyse_fresh(article: Article, config: Config) -> Outcome:
    """Analyse an article and make the block to store for it.

    A failure inside the analysers is a bug in briefgen, not in the article: it becomes a warning
    naming the article (an error under --strict), and the article is published without figures.
    """
    try:
        analysis, summarise_seconds, extract_seconds = analyse(article, config)
        problem = None
    except Exception as exc:  # noqa: BLE001 - one article's bug must not take the whole brief down
        analysis, summarise_seconds, extract_seconds = Analysis((), Figures()), 0.0, 0.0
        problem = Problem(f"briefgen could not analyse this article ({type(exc).__name__}: {exc}); "
                          "it is published without summary or figures. This is a bug: please report it",
                          article.path, article.body_line, warning=True)
    block = machine_block(analysis, fingerprint(article, config.analysis_settings()))
    return Outcome(analysis, block, problem, sentence_spans(article.body), summarise_seconds, extract_seconds)


def _analyse_job(job: tuple[Article, Config]) -> Outcome:
    return analyse_fresh(*job)


PARALLEL_MINIMUM = 8
"""Below this many articles to analyse, starting worker processes costs more than it saves."""


Progress = Callable[[int, int], None]
"""Called with (done, total) as articles are analysed."""


def analyse_all(articles: list[Article], config: Config, jobs: int, progress: Progress | None = None) -> list[Outcome]:
    """Reuse or analyse every article; in `jobs` processes when there is enough to do. Order is kept."""
    outcomes: list[Outcome | None] = [reuse(article, config) for article in articles]
    todo = [i for i, outcome in enumerate(outcomes) if outcome is None]
    if jobs > 1 and len(todo) >= PARALLEL_MINIMUM:
        load_analysers()  # before forking, so that every worker starts with them loaded
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        chunk = max(1, min(32, len(todo) // (jobs * 4)))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=die_with_parent) as pool:
            fresh: Iterable[Outcome] = pool.map(_analyse_job, [(articles[i], config) for i in todo], chunksize=chunk)
            _collect(outcomes, todo, fresh, progress)
    else:
        _collect(outcomes, todo, (analyse_fresh(articles[i], config) for i in todo), progress)
    return [o for o in outcomes if o is not None]


def _collect(outcomes: list[Outcome | None], todo: list[int], fresh: Iterable[Outcome],
             progress: Progress | None) -> None:
    for done, (i, outcome) in enumerate(zip(todo, fresh, strict=True), start=1):
        outcomes[i] = outcome
        if progress is not None:
            progress(done, len(todo))
