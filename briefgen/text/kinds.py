"""Tell running prose from the other text an article body carries.

Captions, photo credits, bylines, datelines, headings, "Click here" boilerplate and
broken fragments ("The army has.") sit between the sentences of scraped news. They
are never summary material, and extractors may want to skip them too.
Each span is judged from its own text and its line, so the whole pass is linear.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from briefgen.text.blocks import Layout
from briefgen.text.lexicon import WORD, word_set
from briefgen.text.markers import TRANSLATION

KINDS = (
    "sentence", "heading", "caption", "credit", "byline", "dateline", "fragment", "boilerplate", "speaker",
    "question", "translation", "table", "note",
)


@dataclass(frozen=True)
class Span:
    """A sentence found by the splitter, before it is given a kind."""

    start: int
    end: int
    paragraph: int
    marker: str
    """Markdown block it came from: "", "heading", "list" or "quote"."""


_ENDS_CLEANLY = re.compile(r"[.!?…][\"”’'»)\]]*$")

# Page furniture: calls to action at the start of a line, and notices anywhere.
_BOILERPLATE = re.compile(
    r"^[\"“‘'(\[]*(?:click|tap|scroll) (?:here|to|below)"
    r"|^[\"“‘'(\[]*(?:read|see|watch|listen)(?: more| the full| our)?\s*:"
    r"|^(?:read more|sign up|subscribe|follow us|share this|share on|download (?:our|the) app|advertisement"
    r"|related (?:stories|articles|coverage)|terms of (?:use|service)|copyright|©)\b"
    r"|\b(?:click here|all rights reserved)\b"
    r"|^this (?:story|article|page) (?:was|has been) (?:updated|corrected)"
    r"|^this (?:story|article|page) (?:requires|needs|is awaiting) "
    r"|^[-–—]?\s*(?:article|story|page) last (?:amended|updated|modified|edited)\b"
    r"|^correct(?:s|ion)\b|\b(?:has|have) not verified (?:these|this|the) (?:stories|story|reports?)"
    r"|\bdoes not vouch for\b",
    re.IGNORECASE,
)
# A credit line opened by its label may end with a full stop ("Image: Jane Roe.").
_CREDIT_LABEL = re.compile(
    r"^(?:photo(?:graph)?|image|picture|credit|illustration|video)s?\s*(?::|by\b)", re.IGNORECASE
)
# A caption with its credit at the end: "Delegates leave the hall Image: Jane Roe."
_CREDIT_AT_END = re.compile(r"\b(?:Photo(?:graph)?|Image|Picture|Credit|Video)s?\s*:\s*\S[^:]{0,60}\Z")
# Credits name an agency or photographer: "Jane Roe / Agency", "Photo: AFP", "(Getty Images)".
_CREDIT_WORDS = re.compile(
    r"\b(?:getty(?: images)?|afp|reuters|associated press|ap photo|epa|efe|shutterstock|alamy|pa media|"
    r"pa wire|handout|pool photo|file photo|sputnik|ria novosti|anadolu|xinhua)\b"
    r"|^(?:photo(?:graph)?|image|picture|credit|illustration)s?\s*(?::|by\b)|\bcourtesy of\b",
    re.IGNORECASE,
)
_CAPTION_MARK = re.compile(
    r"\((?:L|R|C|left|right|centre|center|pictured|top|bottom|front|back|file|second left|second right)\)"
    r"|^(?:photo|image|picture|caption|pictured|above|top|below|file photo)\s*:",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|reporting by|writing by|written by|editing by|additional reporting by|compiled by)\s+"
    r"[A-Z][\w'’.-]*",
    re.IGNORECASE,
)
# "MOSCOW (Reuters) -", "LISBON -" or "Moscow –": a place (and agency) before a dash opening the story.
_DATELINE = re.compile(
    r"(?:(?P<caps>[A-Z][A-Z'’.]++(?:[ ,]++[A-Z][A-Z'’.]++){0,3})(?:,[ ]++[A-Z][a-z'’.]++(?:[ ]++[A-Z][a-z'’.]++){0,2})?"
    r"|[A-Z][a-z'’.]++(?:[ ,]++[A-Z][a-z'’.]++){0,2})"
    r"(?:,\s*+[A-Z][a-z]{2,8}\.?\s++\d{1,2})?(?P<agency>\s*+\([A-Za-z .&]++\))?"
    r"\s*+(?P<dash>--|[–—_]|-(?=\s))\s*+(?=[\"“‘A-Z])"
)
DATELINE_REACH = 120
"""A dateline is read within this many characters of the story's start."""
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A line that is only a date ("Tuesday, March 3, 2020" or "3 March 2020") heads the story.
_DATE_LINE = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?:{_MONTHS})\s+\d{{1,2}},?|\d{{1,2}}\s+(?:{_MONTHS}),?)\s+\d{{4}}\.?$"
)
_AUXILIARIES = word_set(
    "is are was were be been being am has have had do does did will would can could shall should may "
    "might must"
)
# A sentence does not stop on one of these: "The army has." is a sentence cut in two.
_DANGLING_ENDS = word_set("the a an its their our my your and or nor but")
# "The army has." is cut; "... as Murphy already has." is whole: only short sentences are suspect.
_DANGLING_AUXILIARIES = word_set("has have had been")
# Words that open a clause's subject: "Asked about it, she said" has one after the comma.
_SUBJECT_WORDS = word_set(
    "he she it they we i you there the a an this that these those his her its their our"
)
_CONTRACTION = re.compile(r"\w(?:['’](?:m|s|re|ve|ll|d)|n['’]t)\b", re.IGNORECASE)
# Finite verbs that cannot open a statement (which ends with a full stop, not "?").
_INVERTED_OPENERS = word_set("is are was were has have had does did")
_NEEDS_MAIN_CLAUSE = word_set("including whereas whose than")
# Irregular past forms: a sentence may not open with one and no subject ("Left 40 boats.").
_PAST_FORMS = word_set(
    "told rose fell won lost came went made took got gave left met ran saw began grew held kept paid sold "
    "spent stood thought wrote knew led felt found heard meant sent built brought bought caught fought drew "
    "flew broke chose spoke became"
)
_SAYING = word_set("said says added told stated noted wrote explained asked replied")
_VERB_HINTS = _AUXILIARIES | _PAST_FORMS | word_set("said says say tell added quit hit cut let put set beat beats")


# The source left words out: "... from many countries[...]" ends inside its ellipsis.
_CUT_AT_ELLIPSIS = re.compile(r"\[(?:\.\.\.|…)\][\"”’'»)]*\Z|^[\"“‘'«(]*(?:\[(?:\.\.\.|…)\]|\.\.\.|…)")
_QUESTION_END = re.compile(r"\?[\"”’'»)\]]*\Z")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
# Units and shorthand of results and earnings tables ("Shr 65 cts vs 63 cts", "Varga 40 pen").
_TABLE_WORDS = word_set("vs v cts ct mln bln dlrs dlr pct shr shrs mths qtr og pen pts")
_SIGN_ON = re.compile(r", I['’]m [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}\.?\Z")
_BROKEN_OFF = re.compile(r"(?:,|\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at|from))\Z")
_NUMBER = re.compile(r"\d[\d,.]*+")
_LISTING = re.compile(r"(?:^|\s)@ [A-Z]{3,}\b|\b[A-Z][\w.&']*(?: [A-Z][\w.&']*){0,4} -- \$?\d")
_SEEDED = re.compile(r"\d{1,2} - [A-Z]")
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
_FIGURES_COMPARED = re.compile(r"\d[^.;]{0,40}\bvs\.?\s[^;]{0,40}\d")


def _mostly_foreign(sentence: str) -> bool:
    """Whether most letters are of another script than the Latin one (a quotation left untranslated)."""
    if sentence.isascii():
        return False  # every ASCII letter is Latin; most sentences end here without counting letters
    letters = sum(1 for ch in sentence if ch.isalpha())
    return letters > 0 and len(_LATIN_LETTER.findall(sentence)) < 0.5 * letters


def _is_table_row(sentence: str) -> bool:
    """Whether the text is a row of names and figures ("Somerset 83 and 174, Leicestershire 296.")."""
    tokens = sentence.split()
    numbers = sum(1 for token in tokens if _NUMBER.search(token))
    if numbers < 2:
        return False
    lower = [w for w in _words(sentence) if w.islower() and w.isalpha() and w not in _TABLE_WORDS]
    if any(w in _VERB_HINTS or w.endswith("ed") and len(w) > 3 for w in lower):
        return False
    # A comparison of figures without a verb is a results line ("Revenue 7.9 bln vs 8.7 bln.");
    # otherwise prose runs on lower-case words, and a row of a table is names, numbers and units.
    return bool(_FIGURES_COMPARED.search(sentence)) or numbers >= 0.3 * len(tokens) and len(lower) <= 0.3 * len(tokens)


def _is_listing(sentence: str) -> bool:
    """A row of a listing: a section mark ("@ CORPORATES"), an issuer's line ("Hertz Corp. -- $100 million"),
    or a seeded result ("2 - Jo Roe (Norway) beat Ola Berg 15-6 15-9 11-15")."""
    return bool(_LISTING.search(sentence)) or bool(_SEEDED.match(sentence)) and len(_SCORE.findall(sentence)) >= 3


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def dateline_end(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end of the place, start of the story) when text[start:end] opens with a wire dateline."""
    dateline = _DATELINE.match(text, start, min(end, start + DATELINE_REACH))
    if dateline is None or not (dateline["caps"] or dateline["agency"] or dateline["dash"] in "–—"):
        return None
    if len(list(itertools.islice(WORD.finditer(text, dateline.end(), end), 4))) < 4:
        return None
    return start + len(dateline.group().rstrip().rstrip("-–—_").rstrip()), dateline.end()


def _is_credit(sentence: str) -> bool:
    words = _words(sentence)
    if not words or len(words) > 14:
        return False
    if _ENDS_CLEANLY.search(sentence) and sentence.endswith("."):
        return False
    return " / " in sentence or "©" in sentence or " | " in sentence or bool(_CREDIT_WORDS.search(sentence))


def _is_sign_off(sentence: str) -> bool:
    """A broadcast sign-off or sign-on: "Jo Roe, ABC News, Oslo." or "Radio Nord news, I'm Jo Roe."."""
    words = _words(sentence)
    if len(words) <= 10 and _SIGN_ON.search(sentence):
        return True
    if sentence.count(",") < 2 or len(words) > 10:
        return False
    return all(w[:1].isupper() or w in ("of", "and", "the", "de", "van") for w in words)


def _has_subject_after_comma(sentence: str) -> bool:
    _, comma, rest = sentence.partition(", ")
    first = _words(rest[:60])[:1]
    return bool(comma and first) and (first[0][:1].isupper() or first[0].lower() in _SUBJECT_WORDS)


def is_fragment(sentence: str) -> bool:
    """Whether the text is a broken piece of a sentence rather than a sentence."""
    words = _words(sentence)
    if len(words) < 2 or not _ENDS_CLEANLY.search(sentence) or _CUT_AT_ELLIPSIS.search(sentence):
        return True
    first = sentence.lstrip("\"“‘'«([-–— ")
    if first[:1].islower():
        return True
    lower = [w.lower() for w in words]
    if sentence.rstrip("\"”’'»)] ").endswith(".") and not sentence.rstrip().endswith(".."):
        if words[-1].islower() and (
            lower[-1] in _DANGLING_ENDS or lower[-1] in _DANGLING_AUXILIARIES and len(words) <= 6
        ):
            return True
        needs_main_clause = lower[0] in _NEEDS_MAIN_CLAUSE or lower[:2] == ["such", "as"]
        inverted = lower[0] in _INVERTED_OPENERS and "," not in sentence[:40]
        if needs_main_clause and ", " not in sentence or inverted:
            return True
    if (
        (lower[0].endswith("ed") and len(lower[0]) > 4 or lower[0] in _PAST_FORMS)
        and len(words) <= 16
        and not words[1][:1].isupper()
        and lower[1] not in _VERB_HINTS
        and lower[1] not in _SUBJECT_WORDS
        and not lower[1].endswith("ed")
        and not _has_subject_after_comma(sentence)
    ):
        # "Gathered 40 ships." has no subject; "Asked about it, she said ..." has one.
        return True
    if len(words) <= 3 and lower[-1] in _SAYING:
        return True  # "Pelosi said.": the attribution of a quotation left in the sentence before
    if len(words) <= 4 and not _CONTRACTION.search(sentence):
        return not any(w in _VERB_HINTS or (w.endswith(("ed", "es")) and len(w) > 3) for w in lower)
    return False


def classify_spans(layout: Layout, spans: list[Span], cut_off: dict[int, str]) -> list[str]:
    """The kind of each span; `cut_off` gives the kinds of the datelines and labels the split cut off."""
    kinds = [cut_off.get(i) or _kind(layout, span, layout.text[span.start:span.end]) for i, span in enumerate(spans)]
    # A piece after one broken off on a joining word ("... drew 2-2 with" / "Brazil in a friendly.")
    # is the rest of that sentence, whatever break the source put between them.
    for i in range(1, len(spans)):
        before = layout.text[max(spans[i - 1].start, spans[i - 1].end - 12):spans[i - 1].end]
        if kinds[i] == "sentence" and kinds[i - 1] in ("fragment", "heading") and _BROKEN_OFF.search(before):
            kinds[i] = "fragment"
    # A sign-off ends a broadcast script, often run into its last paragraph.
    if kinds and kinds[-1] in ("sentence", "fragment") and _is_sign_off(layout.text[spans[-1].start:spans[-1].end]):
        kinds[-1] = "byline"
    _mark_captions(layout, spans, kinds)
    return kinds


def _kind(layout: Layout, span: Span, sentence: str) -> str:
    if span.marker == "heading":
        return "heading"
    if _BOILERPLATE.search(sentence):
        return "boilerplate"
    if _CREDIT_LABEL.match(sentence) and len(_words(sentence)) <= 14:
        return "credit"
    if len(_words(sentence)) <= 10 and _SIGN_ON.search(sentence):
        return "byline"
    own_line = layout.own_line(span.start, span.end)
    if own_line and _DATE_LINE.match(sentence):
        return "dateline"
    if own_line and _BYLINE.match(sentence) and len(_words(sentence)) <= 10 and not sentence.endswith("."):
        return "byline"
    if own_line and _is_sign_off(sentence):
        return "byline"
    if own_line and _is_credit(sentence):
        return "credit"
    if own_line and (_CAPTION_MARK.search(sentence) or sentence.startswith("![")):
        return "caption"
    if len(_words(sentence)) <= 25 and _CREDIT_AT_END.search(sentence):
        return "caption"
    if TRANSLATION.search(sentence) or _mostly_foreign(sentence):
        return "translation"
    if _QUESTION_END.search(sentence, max(0, len(sentence) - 8)):
        # A brief states what happened; a question, asked in an interview or of the reader, does not.
        return "question"
    if _is_table_row(sentence) or _is_listing(sentence):
        return "table"
    if own_line and not _ENDS_CLEANLY.search(sentence) and len(_words(sentence)) <= 20:
        return "heading"
    if is_fragment(sentence):
        return "fragment"
    return "sentence"


def _mark_captions(layout: Layout, spans: list[Span], kinds: list[str]) -> None:
    """A line standing next to a credit or caption, with no prose between, is a caption too."""
    furniture = ("credit", "caption")
    for i, kind in enumerate(kinds):
        # A credit right after another credit or caption adds nothing: the walk from that one
        # already went back over the same lines (so each line is visited once).
        if kind not in furniture or i and kinds[i - 1] in furniture:
            continue
        j = i - 1
        while j >= 0:
            prev, after = spans[j], spans[j + 1]
            allowed = 2 if j == i - 1 and kind == "credit" else 1
            breaks = layout.text.count("\n", prev.end, after.start)
            if kinds[j] not in ("sentence", "fragment", "heading"):
                break
            if len(_words(layout.text[prev.start:prev.end])) > 40:
                break
            if breaks == 0 and j == i - 1 and kind == "credit":
                # "Delegates leave the hall. Image: Jane Roe." on a line of its own: the caption and its credit.
                if layout.own_line(prev.start, spans[i].end):
                    kinds[j] = "caption"
                break
            if not 0 < breaks <= allowed or not layout.own_line(prev.start, prev.end):
                break
            kinds[j] = "caption"
            j -= 1
