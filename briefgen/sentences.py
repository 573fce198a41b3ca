# PLACEHOLDER (not to be committed)
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
def split_sentences(text):
    return tuple(Sentence(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\s.!?][^.!?\n]*[.!?]?", text))
