"""Split a text dump into lines with offsets and the features the classifier reads.

A text dump of a web page puts every block (paragraph, menu item, caption) on its own
line; hard-wrapped text spreads a paragraph over several (`wraps` rejoins them). Each
`Line` keeps its text with whitespace folded, the offsets of its raw span in the
source text, and cheap features: characters, word tokens, stopword share, whether it
ends a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.clean.stopwords import STOPWORDS
from reader.clean.wraps import logical_lines

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。！？…:;][\"'”’»)\]]*$|[\"”’»]$")


def _unspaced(text: str) -> int:
    """Characters of scripts written without spaces (kana, CJK, Hangul), counted as words
    by the character. A loop, not a character class: the class's ranges take 5 ms to
    compile, on the way to a first article."""
    if not text or max(text) < "\u3040":
        return 0
    return sum("\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"
               for c in text)


@dataclass
class Line:
    text: str  # whitespace folded; the raw span is source[start:end]
    start: int
    end: int
    words: int  # word count (characters / 2 for unspaced scripts)
    size: int  # characters, with unspaced-script characters counted three times
    stop: float  # share of tokens that are stopwords of the page's language
    sentence: bool  # ends like a sentence
    blank_before: bool  # a blank line separates it from the previous line

    @property
    def chars(self) -> int:
        return len(self.text)


def page_language(text: str) -> str | None:
    """The stopword list that covers most tokens of the page, or None if none does."""
    tokens = Counter(t.lower() for t in _WORD.findall(text[:200_000]))
    total = sum(tokens.values())
    if not total:
        return None
    best, hits = None, 0
    for lang, words in STOPWORDS.items():
        n = sum(c for w, c in tokens.items() if w in words)
        if n > hits:
            best, hits = lang, n
    return best if hits >= 0.08 * total else None


def split_lines(text: str) -> list[Line]:
    """Every non-blank logical line (hard wraps rejoined, wire paragraph marks left out),
    its text with whitespace folded, offsets into `text` and its features."""
    lang = page_language(text)
    stops = STOPWORDS.get(lang or "", frozenset())
    lines: list[Line] = []
    for span in logical_lines(text):
        flat = span.text
        tokens = _WORD.findall(flat.lower())
        unspaced = _unspaced(flat)
        words = len(tokens) + unspaced // 2
        stop = sum(t in stops for t in tokens) / len(tokens) if tokens and lang else 0.0
        lines.append(Line(flat, span.start, span.end, words, len(flat) + 2 * unspaced, stop,
                          bool(_SENTENCE_END.search(flat)), span.blank_before))
    return lines
