"""Whether a sentence speaks of the past or the future, from its words: the direction of bare weekdays and months."""

from __future__ import annotations

import bisect
import re

from briefgen.extract.dates_lexicon import (
    DETERMINERS,
    FUTURE_PHRASES,
    FUTURE_WORDS,
    NOT_PAST_ED,
    NOT_VERB_BEFORE_ED,
    PAST_PHRASES,
    PAST_WORDS,
    REPORTING_WORDS,
    SCHEDULE_WORDS,
)

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll\b")
_REGULAR_PAST = re.compile(r"(?![a-z]*eed$)[a-z]+ed|[a-z]*(?:agr|fr|guarant|decr|refer)eed")
"""A regular past form; words in "-eed" are past only as "agreed", "freed" and their kin ("succeed", "need" are not)."""
_LONGEST_PHRASE = max(len(p) for p in FUTURE_PHRASES | PAST_PHRASES)

Cue = tuple[int, int, int]
"""(start, end, direction) of a tense cue in the text: PAST, FUTURE or FUTURE_IN_PAST."""

PAST = -1
SAID = -2
"""Past only by a verb of saying ("said", "announced"): the time of speaking, weak evidence for what is spoken of."""
FUTURE = 1
FUTURE_IN_PAST = 2
"""Ahead of a past moment ("was due to", "would"): the date may lie on either side of publication."""
PRESENT_AUXILIARIES = frozenset({"is", "are", "am", "be", "been", "being", "has", "have"})


def tense_cues(text: str, lo: int, hi: int) -> list[Cue]:
    """The tense cues in text[lo:hi], from single words and short phrases."""
    words = [(m.start(), m.end(), m[0]) for m in _WORD.finditer(text, lo, hi)]
    lower = [w.lower() for _, _, w in words]
    cues: list[Cue] = []
    for i, (start, end, word) in enumerate(words):
        low = lower[i]
        if low in SCHEDULE_WORDS and (i == 0 or lower[i - 1] not in NOT_VERB_BEFORE_ED):
            # "is scheduled for Monday" lies ahead; "games scheduled for Wednesday", "was expected
            # Wednesday night" lie ahead of a past moment, on either side of publication
            present = i > 0 and lower[i - 1] in PRESENT_AUXILIARIES
            cues.append((start, end, FUTURE if present else FUTURE_IN_PAST))
        elif low == "would":
            cues.append((start, end, FUTURE_IN_PAST))
        elif low in FUTURE_WORDS or low.endswith("'ll"):
            cues.append((start, end, 1))
        elif low in PAST_WORDS:
            cues.append((start, end, SAID if low in REPORTING_WORDS else PAST))
        elif _REGULAR_PAST.fullmatch(word) and low not in NOT_PAST_ED \
                and (i == 0 or lower[i - 1] not in NOT_VERB_BEFORE_ED):
            future_passive = i >= 2 and lower[i - 1] == "be" and lower[i - 2] in ("will", "would", "to")
            past = SAID if low in REPORTING_WORDS else PAST
            cues.append((words[i - 2][0] if future_passive else start, end, FUTURE if future_passive else past))
        for n in range(2, _LONGEST_PHRASE + 1):
            if i + n > len(words):  # a text that ends inside a phrase ("... it was set to")
                break
            phrase = tuple(lower[i:i + n])
            if phrase in PAST_PHRASES:
                cues.append((start, words[i + n - 1][1], -1))
            elif phrase in FUTURE_PHRASES:
                if phrase[-1] == "to" and i + n < len(words) and lower[i + n] in DETERMINERS:
                    continue  # "due to a landslide", "agreed to the plan": a cause or a thing, not a plan
                # From its last word: "On Friday it voted to ..." is past, "voted to meet on Friday" ahead
                # "was due to", "were planning to", "threatened to", "scheduled for": ahead of a past moment
                past_verb = phrase[0].endswith("ed") or phrase[0] in ("sought", "set", "forecast")
                seen_from_past = i > 0 and (lower[i - 1] in ("was", "were")
                                            or past_verb and lower[i - 1] not in PRESENT_AUXILIARIES) \
                    or i == 0 and past_verb
                cues.append((words[i + n - 1][0], words[i + n - 1][1], FUTURE_IN_PAST if seen_from_past else FUTURE))
    return cues


class Cues:
    """The tense cues of one sentence, indexed for finding the nearest one before or after a span."""

    def __init__(self, cues: list[Cue]) -> None:
        # Sorted by end (ties: future last) and by start (ties: future first), so that one
        # bisection finds the nearest cue with the tie-break that nearest_direction documents.
        self.by_end = sorted((end, direction) for _, end, direction in cues)
        self.by_start = sorted((start, -direction) for start, _, direction in cues)

    def nearest_direction(self, start: int, end: int) -> int:
        """The direction of the cue nearest before [start, end), else nearest after it, else 0.

        News sentences often report a past statement about a future event ("said on Monday it
        will vote on Friday"), so the words before the expression decide first. On a tie the
        future cue wins ("to be scheduled").
        """
        i = bisect.bisect_right(self.by_end, (start, 2))
        if i:
            return self.by_end[i - 1][1]
        j = bisect.bisect_left(self.by_start, (end, -2))
        if j < len(self.by_start):
            return -self.by_start[j][1]
        return 0
