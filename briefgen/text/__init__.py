"""The text of an article as every stage reads it: Markdown blocks, sentences and their kinds, words.

`split_sentences` is the one sentence splitter of briefgen: the summariser, every extractor
and the site's pages use it, with one abbreviation list and one word pattern (`lexicon`).
"""

from briefgen.text.sentences import Sentence, sentence_spans, split_sentences

__all__ = ["Sentence", "sentence_spans", "split_sentences"]
