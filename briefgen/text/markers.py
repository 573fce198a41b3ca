"""Markup inside an article's text that a reader would not see: speaker labels and inline translations.

Wikinews transcripts open each turn with a label in double brackets ("((WN))", "((Jane Roe))"),
interviews elsewhere with "Q:", "A:", "**Jane Roe:**" or "JANE ROE:". Inline translations
are written "((pl))Polish language: \u200d" before the original words. The splitter cuts
labels off as pieces of their own; `readable_text` removes translation markers and inline
Markdown from what is shown.
"""

from __future__ import annotations

import re

SPEAKER = re.compile(
    r"\(\((?![a-z]{2,3}(?:-[a-z]+)?\)\))(?P<double>[^()\n]{1,40})\)\)[ \t]*+(?::[ \t]*+)?"
    r"|(?P<qa>Q|A|Question|Answer|Interviewer)[ \t]*+:[ \t]++"
    r"|\*\*(?P<bold>[^*\n]{1,40}):\*\*[ \t]*+|\*\*(?P<bold_after>[^*\n]{1,40})\*\*:[ \t]*+"
    r"|(?P<caps>[A-Z][A-Z.'’ -]{1,30}):(?:[ \t]++(?=[\"“‘(\[]?[A-Z0-9])|[ \t]*+$)"
    r"|(?P<note>(?i:notes?))(?:[ \t]*+:|[ \t]++[-–—])[ \t]*+(?=\S)"
)
"""A speaker label opening a line, with the spaces after it."""

TRANSLATION = re.compile(r"\(\([a-z]{2,3}(?:-[A-Za-z]+)?\)\)[^\n:()]{1,40}:[ \t]*+\u200d?")
"""The marker of an inline translation: language code, language name, a colon."""

INTERVIEWER_LABELS = frozenset({"wn", "wikinews", "q", "question", "interviewer"})
"""Speaker labels that always stand for the interviewer."""

NOTE_LABELS = frozenset({"note", "notes", "editor's note", "editor’s note", "footnote"})
"""Labels of a note under a table or story: what follows is a footnote, not the story."""


def speaker_label(match: re.Match[str]) -> str:
    """The speaker's name or role as the label gives it, lower-cased ("wn", "jane roe", "q")."""
    name = next(group for group in match.groups() if group is not None)
    return " ".join(name.split()).lower()
