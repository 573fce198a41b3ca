"""Pick the sentences of an article that make its summary: the only module that imports sumy.

`summarise` returns verbatim prose sentences of the text, in article order. The
default method, `editor`, ranks sentences with a small learned scorer (position,
LexRank centrality, title overlap, length, cues); sumy's algorithms and `lead`
stay available by name for users who want them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from briefgen.summary_features import Matrix, leans_on_previous, sentence_features
from briefgen.summary_model import EditorModel, load_model
from briefgen.text import Sentence, split_sentences, summary_candidates
from briefgen.text.lexicon import word_set

DEFAULT_METHOD = "editor"
MAX_CANDIDATES = 300
"""Summary sentences are chosen among the first this many passages (news articles have fewer)."""
MAX_CANDIDATE_WORDS = 10_000
"""... and among the passages within the first this many words of them (a news article has fewer)."""
METHODS = ("editor", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "edmundson", "lead")
"""Names valid for `summary.method` in config."""

LANGUAGE = "english"
_WORD = re.compile(r"\w+(?:[.,'’]\w+)*", re.UNICODE)

# Edmundson's cue words: news verbs and nouns that carry the story ...
EDMUNDSON_BONUS_WORDS = word_set(
    "announced said says warned agreed confirmed decided approved rejected launched killed died won lost "
    "rose fell increased cut raised government minister president officials police court deal plan talks "
    "report results profit sales troops war election vote law crisis first record biggest major new"
)
# ... and words of hedging, asides and page furniture that seldom do.
EDMUNDSON_STIGMA_WORDS = word_set(
    "perhaps maybe hopefully apparently anyway meanwhile incidentally click subscribe photo pictured "
    "caption advertisement copyright also though although however"
)


class SumyTokenizer:
    """sumy's tokenizer interface on top of briefgen's splitter; words keep their numbers."""

    language = LANGUAGE

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """The prose sentences of `paragraph`, as briefgen splits them."""
        return tuple(s.text for s in split_sentences(paragraph) if s.is_prose)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words and numbers of `sentence` ("100,000", "2.5", "Ryabkov's" stay whole)."""
        return tuple(_WORD.findall(sentence))


_TOKENIZER = SumyTokenizer()


# sumy (and the nltk it loads, about 0.3 s) is imported only when one of its methods is chosen:
# the default `editor` method does not need it.
def _sumy_document(prose: Sequence[Sentence], title: str) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    paragraphs: list[list[SumySentence]] = []
    last = None
    for sentence in prose:
        if sentence.paragraph != last:
            paragraphs.append([])
            last = sentence.paragraph
        paragraphs[-1].append(SumySentence(sentence.text, _TOKENIZER))
    if title.strip() and paragraphs:
        paragraphs[0].insert(0, SumySentence(title.strip(), _TOKENIZER, is_heading=True))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def _sumy_summarizer(method: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    stemmer = Stemmer(LANGUAGE)
    classes: dict[str, Callable[[Any], Any]] = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
        "sumbasic": SumBasicSummarizer,
        "edmundson": EdmundsonSummarizer,
    }
    summarizer = classes[method](stemmer)
    stop_words = get_stop_words(LANGUAGE)
    if method == "edmundson":
        summarizer.bonus_words = EDMUNDSON_BONUS_WORDS
        summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
        summarizer.null_words = stop_words
    else:
        summarizer.stop_words = stop_words
    return summarizer


def _sumy_ranking(prose: Sequence[Sentence], title: str, method: str) -> list[int]:
    """Indices of `prose`, best first, as sumy's algorithm rates them."""
    ranked: list[Any] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        # sumy hands its count callable every sentence sorted by rating: keep that order.
        ranked.extend(infos)
        return infos

    # sumy's LexRank divides by a zero norm on tiny documents; the ranking is still usable.
    with np.errstate(invalid="ignore", divide="ignore"):
        _sumy_summarizer(method)(_sumy_document(prose, title), keep_all)
    return [info.order for info in ranked]


def _choose(
    prose: Sequence[Sentence],
    ranking: Sequence[int],
    count: int,
    max_words: int | None,
    similarity: Matrix | None = None,
    repeat_similarity: float = 1.01,
) -> list[int]:
    """Take passages in ranked order within the limits, skipping near-repeats.

    A quotation kept whole counts as the sentences it joins, so `count` is a number of sentences.
    """
    chosen: list[int] = []
    words = sentences = 0
    for index in ranking:
        if sentences >= count:
            break
        length = len(prose[index].text.split())
        if sentences + prose[index].joins > count:
            continue
        if max_words is not None and chosen and words + length > max_words:
            continue
        if similarity is not None and any(similarity[index, j] > repeat_similarity for j in chosen):
            continue
        chosen.append(index)
        words += length
        sentences += prose[index].joins
    return sorted(chosen)


def choose_editor_sentences(
    prose: Sequence[Sentence], title: str, count: int, max_words: int | None, model: EditorModel
) -> list[int]:
    """Indices of the prose sentences the editor model picks, in article order."""
    features, similarity = sentence_features(prose, title)
    scores = model.scores(features)
    # A sentence that opens with "He", "But", "This" reads badly without the one before it.
    leaning = np.array([leans_on_previous(s.text) for s in prose], dtype=bool)
    aside = np.array([s.block in ("list", "quote") for s in prose], dtype=bool)
    adjusted = scores - model.antecedent_penalty * leaning - model.aside_penalty * aside
    adjusted[0] += model.lead_bonus
    ranking = [int(i) for i in np.argsort(-adjusted, kind="stable")]
    return _choose(prose, ranking, count, max_words, similarity, model.repeat_similarity)


def _opening(passages: Sequence[Sentence]) -> list[Sentence]:
    """The first passages, within MAX_CANDIDATES passages and MAX_CANDIDATE_WORDS words (at least one)."""
    kept: list[Sentence] = []
    words = 0
    for passage in passages[:MAX_CANDIDATES]:
        words += len(passage.text.split())
        if kept and words > MAX_CANDIDATE_WORDS:
            break
        kept.append(passage)
    return kept


def summarise(
    text: str,
    *,
    title: str = "",
    method: str = DEFAULT_METHOD,
    sentences: int = 3,
    max_words: int | None = None,
) -> tuple[str, ...]:
    """The summary of `text`: up to `sentences` prose passages as a reader sees them, in article order."""
    if method not in METHODS:
        raise ValueError(f"unknown summary method {method!r}; choose one of {', '.join(METHODS)}")
    headline = " ".join(title.split())
    # A body that repeats the headline as its first line should not quote it back.
    prose = [s for s in summary_candidates(text) if " ".join(s.text.split()) != headline]
    # Centrality costs time and memory quadratic in the number of passages (and the term matrix
    # grows with their words): a very long text (a transcript, a report pasted whole) is
    # summarised from its opening passages.
    prose = _opening(prose)
    if not prose or sentences <= 0:
        return ()
    if method == "editor":
        chosen = choose_editor_sentences(prose, title, sentences, max_words, load_model())
    elif method == "lead":
        chosen = _choose(prose, range(len(prose)), sentences, max_words)
    else:
        chosen = _choose(prose, _sumy_ranking(prose, title, method), sentences, max_words)
    return tuple(prose[i].readable for i in chosen)
