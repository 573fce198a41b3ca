"""Who speaks in a transcript: the interviewer's turns are never summary material.

In an interview the summary is made of what the interviewee said and of the article's own
framing. A turn opens with a speaker's label, or, unlabelled, with a paragraph that asks a
question; a paragraph without a label otherwise goes on with the turn before it.
"""

from __future__ import annotations

import re

from briefgen.text.kinds import Span
from briefgen.text.markers import INTERVIEWER_LABELS, NOTE_LABELS

UNLABELLED_QUESTION = "?"
"""The speaker of a turn that has no label and asks a question: the interviewer."""
QUESTION_SHARE = 0.6
"""A speaker whose turns end with a question at least this often is the interviewer."""


_QUESTION_END = re.compile(r"\?[\"”’'»)\]]*\Z")


def asks(text: str, span: Span) -> bool:
    """Whether the span ends with a question mark (closing quotes or brackets aside)."""
    return bool(_QUESTION_END.search(text, max(span.start, span.end - 8), span.end))


def _turns(text: str, spans: list[Span], labels: dict[int, str]) -> list[tuple[str, list[int]]]:
    """(speaker, indices of the spans said) for each turn, from the first label on."""
    turns: list[tuple[str, list[int]]] = []
    speaker = ""
    i = min(labels)
    while i < len(spans):
        j = i
        while j < len(spans) and spans[j].paragraph == spans[i].paragraph:
            j += 1
        said = [k for k in range(i, j) if k not in labels]
        if i in labels:
            speaker = labels[i]
        elif said and asks(text, spans[said[-1]]):
            speaker = UNLABELLED_QUESTION
        turns.append((speaker, said))
        i = j
    return turns


def interviewers(text: str, spans: list[Span], turns: list[tuple[str, list[int]]]) -> set[str]:
    """The speakers who ask: a known interviewer's label, or one whose turns mostly end in a question."""
    asked: dict[str, list[bool]] = {}
    for speaker, said in turns:
        asked.setdefault(speaker, []).append(bool(said) and asks(text, spans[said[-1]]))
    found = {UNLABELLED_QUESTION} | (set(asked) & INTERVIEWER_LABELS)
    for speaker, questions in asked.items():
        if len(questions) >= 2 and sum(questions) >= QUESTION_SHARE * len(questions):
            found.add(speaker)
    return found


def mark_interviewer(text: str, spans: list[Span], kinds: list[str], labels: dict[int, str]) -> None:
    """Turn every sentence the interviewer says into a "question" piece, and a labelled note's into
    "note" pieces (kinds is changed in place)."""
    if not labels:
        return
    turns = _turns(text, spans, labels)
    asking = interviewers(text, spans, turns)
    for speaker, said in turns:
        kind = "question" if speaker in asking else "note" if speaker in NOTE_LABELS else None
        if kind is not None:
            for k in said:
                if kinds[k] in ("sentence", "fragment"):
                    kinds[k] = kind
