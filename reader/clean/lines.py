"""Split a text dump into lines with offsets and the features the classifier reads.

A text dump of a web page puts every block (paragraph, menu item, caption) on its own
line. Each `Line` keeps its stripped text, its offsets into the source text, and
cheap features: characters, word tokens, stopword share, whether it ends a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.clean.stopwords import STOPWORDS

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。！？…:;][\"'”’»)\]]*$|[\"”’»]$")
# Scripts written without spaces: count characters, not tokens, as words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass
class Line:
    text: str
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
    """Every non-blank line, stripped, with offsets into `text` and its features."""
    lang = page_language(text)
    stops = STOPWORDS.get(lang or "", frozenset())
    lines: list[Line] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            tokens = _WORD.findall(stripped.lower())
            unspaced = len(_UNSPACED.findall(stripped))
            words = len(tokens) + unspaced // 2
            stop = sum(t in stops for t in tokens) / len(tokens) if tokens else 0.0
            if lang is None:
                stop = 0.0
            lines.append(Line(stripped, start, start + len(stripped), words,
                              len(stripped) + 2 * unspaced, stop,
                              bool(_SENTENCE_END.search(stripped)), blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines
