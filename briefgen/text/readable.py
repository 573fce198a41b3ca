"""What a reader sees of a sentence: the words, without markup they would never see.

Inline Markdown (emphasis, links, code), a few inline HTML tags, inline-translation markers
and invisible joiners are removed, and runs of spaces and line breaks become one space.
Nothing else changes: the words stay the article's own. Every pattern is bounded, so the
work is linear in the text.
"""

from __future__ import annotations

import re

from briefgen.text.markers import TRANSLATION

_MARKUP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!?\[([^\]\n]{0,300})\]\([^()\s]{0,500}(?:\s+\"[^\"\n]{0,200}\")?\)"), r"\1"),
    (re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"__(?=\S)([^_\n]{1,300}?)(?<=\S)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    # Inline code in single backticks; a doubled backtick is a typewriter opening quotation mark.
    (re.compile(r"(?<!`)`(?!`)([^`\n]{1,300})(?<!`)`(?!`)"), r"\1"),
    (re.compile(r"</?(?:a|b|i|u|s|q|em|strong|span|br|sup|sub|small|abbr|cite|code|mark)\b[^<>\n]{0,300}>",
                re.IGNORECASE), ""),
    (TRANSLATION, ""),
    (re.compile(r"[\u200b\u200c\u200d\u00ad\ufeff]"), ""),
)


def readable_text(text: str) -> str:
    """`text` as a reader sees it: inline markup removed, spaces and line breaks collapsed."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())
