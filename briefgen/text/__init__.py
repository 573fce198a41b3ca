"""The text of an article as every stage reads it: Markdown blocks, sentences and their kinds, words.

`split_sentences` is the one sentence splitter of briefgen: the summariser, every extractor
and the site's pages use it, with one abbreviation list and one word pattern (`lexicon`).
`summary_candidates` gives what a summary may quote, and `readable_text` what a reader sees
of a sentence (no markup), for the summary and for the sentences quoted beside figures.
"""

from briefgen.text.passages import quotable_passages
from briefgen.text.readable import readable_text
from briefgen.text.sentences import Sentence, sentence_spans, split_sentences


def summary_candidates(text: str) -> list[Sentence]:
    """The passages of `text` a summary may quote: prose, quotations whole, in article order."""
    return quotable_passages(text, split_sentences(text))


__all__ = ["Sentence", "readable_text", "sentence_spans", "split_sentences", "summary_candidates"]
