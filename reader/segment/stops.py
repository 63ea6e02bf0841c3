"""Whether a full stop ends a sentence: the word before it, and the word after.

Titles never end a sentence ("Dr. Smith"); "p." and "No." never before a number; "etc.",
"Inc." and "Jr." before any capitalised word; other abbreviations, initials and acronyms
only before a typical sentence opener ("in the U.S. They ..." but "the U.S. Senate");
a number not before a month ("7. Mai"), after an article ("im 19. Jahrhundert") or at the
end of a range of such ordinals ("1.-3.", "1. bis 3."); a list marker standing first ("1. The
first item") never, nor a dot leader before its page number ("Contents ..... 5"). A full stop
with no space after it ends a sentence only when a word plainly follows ("the day.The next").
"""

from __future__ import annotations

import re

from reader.segment.lists import BULLETS
from reader.segment.punct import OPENERS
from reader.segment.words import (
    ABBREVIATIONS,
    BEFORE_NUMBERS,
    ENDINGS,
    EXCLAIMED_NAMES,
    MONTHS,
    NEVER_FINAL,
    ORDINAL_CUES,
    ORDINAL_LINKS,
    SENTENCE_STARTERS,
    TITLES,
)

_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")  # U.S, e.g, Ph.D, т.е
_ROMAN = re.compile(r"[IVXLC]{2,7}")
_ORDINAL = re.compile(r"\d{1,2}\.")
_RANGE_END = re.compile(r"(?:\d{1,2}\.)?[-–]\d{1,2}")  # "-3" of "1. -3.", "1.-3" of "1.-3."
_MARKER = re.compile(r"\(?(?:\d{1,3}|[^\W\d_]|[ivxlcIVXLC]{2,6})")
_WORD = re.compile(r"[\w'’]+")
_CONTRACTIONS = frozenset(["s", "t", "d", "m", "ll", "re", "ve"])  # endings after an apostrophe
_GLUED = re.compile(r"[^\W\d_](?:[^\W\d_]*[a-z]|\s)")  # "The", "I " after "end."
_GLUED_CAPS = re.compile(r"[^\W\d_]+\s")
_RUN = 64  # how far a glued word is looked for either side of its full stop
_RUN_AFTER = re.compile(rf"\S{{0,{_RUN}}}")
_STRIPPED = OPENERS + BULLETS
_BEFORE_MARKER = frozenset(" \t\n" + OPENERS + BULLETS)
_KNOWN = TITLES | NEVER_FINAL | BEFORE_NUMBERS | ENDINGS | ABBREVIATIONS | MONTHS


def glued(text: str, m: re.Match) -> bool:
    """A full stop with its space forgotten ("the end.The next"): a word, ".", a capitalised
    word, in a run of text that is no address (no "/", "@", "www" and no other dot after it)."""
    start, nxt = m.start(), m.end()
    if m.group() != "." or not text[nxt:nxt + 1].isupper():
        return False
    lo = max(0, start - _RUN)
    run_start = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    word = text[max(run_start, lo):start]
    if not (len(word) >= 3 and word[-1].islower() or word[-1:].isdigit() and not word.isdigit()):
        return False  # "Ph.D", "1.Helado" (a list); but "world.The", "1,000.That"
    # after a lowercase word any capitalised word ("day.XVIII century"), else a word in
    # lowercase after its capital ("Node.JS" is a name)
    if not (_GLUED_CAPS if word.islower() else _GLUED).match(text, nxt):
        return False
    run = _RUN_AFTER.match(text, nxt).group()
    if not run_start and lo or len(run) == _RUN:
        return False  # no word is that long: code, a hash, an address
    before = text[run_start:start]
    return not ("/" in before + run or "@" in before + run or "www" in before.lower()
                or "." in run.rstrip(".!?,;:)”’\"'"))


def ends(text: str, p: str, sent_start: int, start: int, nxt: int, j: int) -> bool:
    """Does the punctuation `p` at `start` end the sentence that began at `sent_start`?"""
    first = text[j]
    if len(p) > 4 and first.isdigit() and p.count(".") > 4:
        return False  # a dot leader (longer than any ellipsis) runs on to its page number
    if p[0] == "." and len(p) > 1 or p[0] == "…":  # an ellipsis
        # ". . ." runs on mid-sentence; "[...]" marks an elision
        return not (p == ". . ." or start and text[start - 1] in "[(")
    if p == "!":
        return _token(text, sent_start, start).lower() not in EXCLAIMED_NAMES
    if p not in ".．":
        return True
    token = _token(text, sent_start, start)
    if not token:
        return True
    low = token.lower()
    before = start - len(token) - 1
    if before >= 0 and text[before] in "([" and text[start + 1:start + 2] in (")", "]"):
        return False  # one word in brackets is no sentence: "Lab (La.) High"
    if low not in _KNOWN and ("." not in token and len(token) > 7
                              or len(token) > 3 and token.isalpha() and token.islower()
                              and low.strip("ivxlc")):
        return True  # a plain word: the common case, decided without the checks below
    if _is_marker(text, sent_start, start, token) or text[start + 1:start + 2] == ")" \
            and _MARKER.fullmatch(token):
        return False  # "1. The first item", "a. here"; "2.)" is always a list marker
    if low in TITLES or low in NEVER_FINAL:
        return False
    if first.isdigit():
        return not (low in BEFORE_NUMBERS or low in ABBREVIATIONS or low in ENDINGS or _DOTTED.fullmatch(token)
                    or len(token) == 1 and token.isalpha() or text[nxt] in "-–")
    if token.isdigit() or _RANGE_END.fullmatch(token):  # "7. Mai", "im 19. Jahrhundert": ordinals
        word = _WORD.match(text, j)
        return not (word and word.group().lower() in MONTHS or _ordinal(text, sent_start, start, token))
    if low in ("a.m", "p.m"):
        return True  # "at 6 p.m. Travelers ..."
    if low in ENDINGS:  # "Pens, ink, etc. Mary ..." but "Co. KG", "Inc. (the company)"
        word = _WORD.match(text, j)
        return not (word and word.group().isupper() or text[nxt] == "(")
    if (low in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or _DOTTED.fullmatch(token)
            or _ROMAN.fullmatch(token) or len(token) == 2 and token[0] == token[1] and token.isupper()):
        # ... initials, "U.S.", "XII.", doubled plural initials ("EE. UU.")
        word = _WORD.match(text, j)
        return bool(word) and word.group().lower() in SENTENCE_STARTERS
    return True


def _token(text: str, sent_start: int, end: int) -> str:
    """The word before position `end`, without opening marks or an elided article
    ("l'Ing" is "Ing", "dell'avv" is "avv"; "Sam's" and "didn't" stay whole)."""
    token = text[max(sent_start, text.rfind(" ", sent_start, end) + 1):end]
    if not token.isprintable():  # another kind of space in it
        token = (token.split() or [""])[-1]
    token = token.lstrip(_STRIPPED)
    for mark in "'’":
        elided, _, rest = token.rpartition(mark)
        if elided and rest and rest.lower() not in _CONTRACTIONS:
            return rest
    return token


def _ordinal(text: str, sent_start: int, start: int, token: str) -> bool:
    """A number of one or two digits read as an ordinal: after an article ("im 19."), or at
    the end of a range that an ordinal opens ("1.-3.", "1. -3.", "1. bis 3.", "3. und 4.")."""
    if token[0].isdigit() and not token.isdigit():
        return True  # "1.-3": both ends in one word
    at = start - len(token) - 1
    before = _token(text, sent_start, at)
    if token[0] in "-–":
        return bool(_ORDINAL.fullmatch(before))
    if len(token) > 2:
        return False  # "im Jahr 1990. Dann": a year
    low = before.lower()
    if low in ORDINAL_CUES:
        return True
    return low in ORDINAL_LINKS and bool(_ORDINAL.fullmatch(_token(text, sent_start, at - len(before) - 1)))


def _is_marker(text: str, sent_start: int, start: int, token: str) -> bool:
    """A list marker standing first in its sentence ("1.", "• 3.", "a.", "iv.")."""
    if not _MARKER.fullmatch(token):
        return False
    k = start - len(token)
    while k > sent_start and text[k - 1] in _BEFORE_MARKER:
        k -= 1
    return k <= sent_start
