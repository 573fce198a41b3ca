"""Describe each prose sentence of an article by the numbers the editor scorer weighs.

Position, length, centrality (LexRank on tf-idf cosine and TextRank on shared words,
both computed in numpy), closeness to the title and to the article's centroid, word
salience and term frequency, surface cues (numbers, quotes, attribution, openers that
need an antecedent, a quotation joined over sentences), and the main ones again relative
to the article's other sentences. The scorer's weights are learned by
`scripts/train_summary_model.py`; this module only measures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from briefgen.text import Sentence
from briefgen.text.lexicon import word_set

Matrix = npt.NDArray[np.float64]

RELATIVE = ("lexrank", "textrank", "centroid", "salience", "title_overlap", "log_words", "degree", "term_frequency")
"""Features also given relative to the article's other sentences (standard scores within the article)."""

FEATURE_NAMES = (
    "first",
    "second",
    "inverse_position",
    "relative_position",
    "first_in_paragraph",
    "inverse_paragraph",
    "log_words",
    "short",
    "long",
    "lexrank",
    "textrank",
    "degree",
    "centroid",
    "title_overlap",
    "salience",
    "has_number",
    "has_quote",
    "starts_with_quote",
    "needs_antecedent",
    "attributed",
    "joined_quotation",
    "term_frequency",
    "term_frequency_rank",
    *(f"{name}_in_article" for name in RELATIVE),
)

_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|according)\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*(?:['’][a-z]+)?")
_QUOTES = "\"“”"
STOP_WORDS = word_set(
    "a about above after again against all also am an and any are as at be because been before being below "
    "between both but by can could did do does doing down during each few for from further had has have "
    "having he her here hers herself him himself his how i if in into is it its itself just me more most my "
    "myself no nor not now of off on once only or other our ours out over own same she should so some such "
    "than that the their theirs them themselves then there these they this those through to too under until "
    "up very was we were what when where which while who whom why will with would you your yours said says "
    "say told mr mrs ms one two new year years also last first"
)
# Openers that lean on an earlier sentence ("He added...", "But...", "This means...").
ANTECEDENT_OPENERS = word_set(
    "he she it they his her its their him them this these those that such but however also meanwhile "
    "instead still yet so and or nor then therefore thus besides furthermore moreover likewise similarly"
)


def content_terms(text: str) -> list[str]:
    """Lower-cased words and numbers of `text`, stop words left out, plural -s folded."""
    terms = []
    for token in _TOKEN.findall(text.lower()):
        if token in STOP_WORDS or len(token) < 2:
            continue
        if len(token) > 4 and token.endswith("s") and not token.endswith("ss") and not token[0].isdigit():
            token = token[:-1]
        terms.append(token)
    return terms


def _counts(bags: list[list[str]]) -> Matrix:
    vocabulary: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            vocabulary.setdefault(term, len(vocabulary))
    counts = np.zeros((len(bags), max(1, len(vocabulary))))
    for row, bag in enumerate(bags):
        for term in bag:
            counts[row, vocabulary[term]] += 1.0
    return counts


def _tfidf(counts: Matrix) -> Matrix:
    document_frequency = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(counts)) / (1.0 + document_frequency)) + 1.0
    weights = counts * idf
    norms = np.linalg.norm(weights, axis=1, keepdims=True)
    return np.asarray(weights / np.where(norms > 0, norms, 1.0), dtype=np.float64)


def _overlap_weights(counts: Matrix) -> Matrix:
    """TextRank's edge weights: shared words over the sum of the log lengths (self-loops kept)."""
    lengths = counts.sum(axis=1)
    logs = np.log(np.maximum(lengths, 1.0))
    norm = logs[:, None] + logs[None, :]
    shared = counts @ counts.T
    return np.asarray(np.where(norm > 0, shared / np.where(norm > 0, norm, 1.0), shared), dtype=np.float64)


def _pagerank(similarity: Matrix, damping: float = 0.85, rounds: int = 30, loops: bool = False) -> Matrix:
    n = similarity.shape[0]
    weights = similarity.copy()
    if not loops:
        np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.where(totals > 0, weights / np.where(totals > 0, totals, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(rounds):
        rank = (1.0 - damping) / n + damping * transition.T @ rank
    return np.asarray(rank * n, dtype=np.float64)


STANDARD_SCORE_LIMIT = 3.0
"""Standard scores are clipped here: in a very long text they would stretch past anything trained on."""


def _standard_scores(column: Matrix) -> Matrix:
    """How far each value stands from the article's mean, in standard deviations (0 when all are equal)."""
    spread = float(column.std())
    scores = (column - column.mean()) / spread if spread > 0 else column * 0.0
    return np.asarray(np.clip(scores, -STANDARD_SCORE_LIMIT, STANDARD_SCORE_LIMIT), dtype=np.float64)


def _ranks(column: Matrix) -> Matrix:
    """Each value's place from the top, 0 (highest) to 1 (lowest)."""
    places = np.argsort(np.argsort(-column, kind="stable"), kind="stable")
    return np.asarray(places / max(1, len(column) - 1), dtype=np.float64)


def leans_on_previous(text: str) -> bool:
    """Whether the sentence opens with a word that needs the sentence before it ("He", "But")."""
    first = re.match(r"[\"“‘']*([A-Za-z]+)", text)
    return first is not None and first.group(1).lower() in ANTECEDENT_OPENERS


def sentence_features(sentences: Sequence[Sentence], title: str) -> tuple[Matrix, Matrix]:
    """Return (features, similarity) for the prose sentences given, in article order.

    `features` has one row per sentence and one column per FEATURE_NAMES entry;
    `similarity` is the tf-idf cosine between sentences, used to avoid repeats.
    """
    n = len(sentences)
    bags = [content_terms(s.text) for s in sentences]
    counts = _counts(bags)
    vectors = _tfidf(counts)
    similarity = vectors @ vectors.T
    lexrank = _pagerank(similarity)
    textrank = _pagerank(_overlap_weights(counts), loops=True)
    degree = ((similarity > 0.1).sum(axis=1) - 1) / max(1, n - 1)
    centroid = vectors.sum(axis=0)
    centroid_norm = float(np.linalg.norm(centroid)) or 1.0
    centroid_sim = vectors @ centroid / centroid_norm
    title_terms = set(content_terms(title))
    frequency: dict[str, int] = {}
    for bag in bags:
        for term in bag:
            frequency[term] = frequency.get(term, 0) + 1
    total = max(1, sum(frequency.values()))
    features = np.zeros((n, len(FEATURE_NAMES)))
    seen_paragraphs: set[int] = set()
    paragraph_rank: dict[int, int] = {}
    for i, (sentence, bag) in enumerate(zip(sentences, bags, strict=True)):
        words = len(sentence.text.split())
        first_in_paragraph = sentence.paragraph not in seen_paragraphs
        seen_paragraphs.add(sentence.paragraph)
        paragraph_rank.setdefault(sentence.paragraph, len(paragraph_rank))
        overlap = len(title_terms & set(bag)) / len(title_terms) if title_terms else 0.0
        salience = sum(frequency[t] for t in set(bag)) / total * 10.0
        features[i] = (
            i == 0,
            i == 1,
            1.0 / (i + 1),
            i / max(1, n - 1),
            first_in_paragraph,
            1.0 / (paragraph_rank[sentence.paragraph] + 1),
            math.log(words + 1),
            words < 10,
            words > 35,
            lexrank[i],
            textrank[i],
            degree[i],
            centroid_sim[i],
            overlap,
            salience,
            any(ch.isdigit() for ch in sentence.text),
            any(q in sentence.text for q in _QUOTES),
            sentence.text[:1] in _QUOTES,
            leans_on_previous(sentence.text),
            bool(_ATTRIBUTION.search(sentence.text)),
            sentence.joins > 1,
            sum(frequency[t] for t in bag) / len(bag) / total * 100.0 if bag else 0.0,
            0.0,
            *([0.0] * len(RELATIVE)),
        )
    # Where a sentence stands among the article's others, which absolute values do not say.
    column = FEATURE_NAMES.index
    features[:, column("term_frequency_rank")] = _ranks(features[:, column("term_frequency")])
    for name in RELATIVE:
        features[:, column(f"{name}_in_article")] = _standard_scores(features[:, column(name)])
    return features, np.asarray(similarity, dtype=np.float64)
