"""Split text into sentences with character offsets into it.

rules.py scans for sentence punctuation, stops.py weighs a full stop by the words around
it, spans.py says which quoted or bracketed text is never cut, lists.py which line breaks,
bullets and list items cut on their own, words.py holds the abbreviations and other word
lists, merged across languages, and punct.py the punctuation. No language is given: every
rule holds for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.comparison_model import Sentence
from reader.model import Article
from reader.segment.lists import BLANK_LINE
from reader.segment.punct import CLOSERS, TERMS
from reader.segment.rules import cuts

_PUNCTUATION_ALONE = TERMS + CLOSERS + " \t\r\n\u00a0"
_PUNCTUATION_FIRST = frozenset(TERMS + CLOSERS)


def split_text(text: str, offset: int = 0, paragraph: int = 0, lines: bool = True) -> list[Sentence]:
    """Split any text; offsets are `offset + position in text`. A line break ends a sentence
    unless the next line runs on (see lists.py); with `lines` False it is only a space.
    Punctuation alone is no sentence: a full stop or closing quote wrapped onto a line of
    its own ("for pricing\n.") ends the sentence before it, in the same paragraph."""
    out: list[Sentence] = []
    bounds = cuts(text, lines)
    bounds.append(len(text))
    start = 0
    for end in bounds:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            s = offset + start + chunk.index(stripped[0])  # the first non-space character
            e = s + len(stripped)
            if stripped[0] in _PUNCTUATION_FIRST and out and not stripped.strip(_PUNCTUATION_ALONE) \
                    and not BLANK_LINE.search(text, out[-1].end - offset, s - offset):
                prev = out.pop()
                out.append(Sentence(text[prev.start - offset:e - offset], prev.start, e, paragraph))
            else:
                out.append(Sentence(stripped, s, e, paragraph))
        start = end
    return out


def split_article(article: Article) -> list[Sentence]:
    """All sentences of an article's body, paragraph by paragraph."""
    out: list[Sentence] = []
    for i, p in enumerate(article.paragraphs):
        out.extend(split_text(p.text, p.start, i, lines=False))  # wraps were rejoined
    return out


def split_lines(text: str) -> list[Sentence]:
    """One sentence per non-empty line (for research corpora that come pre-split)."""
    out: list[Sentence] = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped)
            out.append(Sentence(stripped, s, s + len(stripped), i))
        pos += len(line) + 1
    return out


def sentences_from_strings(lines: Iterable[str]) -> list[Sentence]:
    """Exactly one Sentence per string (stripped), offsets as if joined by newlines."""
    out: list[Sentence] = []
    pos = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        s = pos + (line.index(stripped) if stripped else 0)
        out.append(Sentence(stripped, s, s + len(stripped), i))
        pos += len(line) + 1
    return out
