"""The figure extractors: each a pure function of (body text, publication date).

Every extractor reads the raw body text (never sumy's tokens, which drop numbers)
and returns facts carrying character offsets into that text.
"""
