"""Words as evidence of copying: tokens that know whether they sit inside a quotation,
the runs of words two texts share verbatim, and the content words one has and the
other lacks.

Independent reports of one hearing quote the same witnesses, so words inside quotation
marks are kept apart: they are shared by reporting, not necessarily by copying. Quotes
are read per paragraph (a quote running on opens again in the next one) in the forms
news copy uses: straight and curly double quotes, wire-style ``...'', and single
quotes that open before a word and close after one (apostrophes inside a word are
part of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from reader.clean.stopwords import STOPWORDS

if TYPE_CHECKING:
    from reader.model import Article

SEQUENCE = 3  # words in a shared sequence: few independent reports share many of these

# words; then every quote mark a paragraph may use
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|``|''|[\"\u201c\u201d'\u2018\u2019]")
# function words and the stock verbs of reporting: not evidence of whose wording it is
_FUNCTION = STOPWORDS["en"] | frozenset(
    "said says told added yesterday today mr mrs ms miss dr also after before".split())


@dataclass(frozen=True)
class Words:
    """A text's words, lower-cased, and which of them are inside a quotation."""

    words: list[str]
    quoted: np.ndarray  # bool per word

    def __len__(self) -> int:
        return len(self.words)


def read_words(paragraphs: Iterable[str]) -> Words:
    """Words of the paragraphs in order, with their quotation flags."""
    words: list[str] = []
    quoted: list[bool] = []
    for text in paragraphs:
        inside = False
        for m in _TOKEN.finditer(text):
            tok = m.group()
            if tok[0].isalnum() or tok[0] == "_":
                words.append(tok.lower().replace("\u2019", "'"))
                quoted.append(inside)
            elif tok in ("``", "\u201c", "\u2018"):
                inside = True
            elif tok in ("''", "\u201d"):
                inside = False
            elif tok == '"':
                inside = not inside
            else:  # ' or a right single quote: opens before a word, closes after one
                before = text[m.start() - 1] if m.start() else " "
                after = text[m.end()] if m.end() < len(text) else " "
                if not inside and not before.isalnum() and after.isalnum():
                    inside = True
                elif inside and not after.isalnum():
                    inside = False
    return Words(words, np.array(quoted, dtype=bool))


def words_of_article(article: Article) -> Words:
    """The body's words; an article read as lines (`reader diff --split lines`) has no
    paragraphs, so its lines stand in for them."""
    if article.paragraphs:
        return read_words(p.text for p in article.paragraphs)
    return read_words(article.text.splitlines())


def _grams(words: Sequence[str], k: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def shared_runs(text: Words, sources: Sequence[Words], k: int) -> np.ndarray:
    """Per word of `text`: is it inside a run of at least k words that one of the
    sources has verbatim, in the same order?"""
    covered = np.zeros(len(text), dtype=bool)
    grams: set[tuple[str, ...]] = set()
    for source in sources:
        grams |= _grams(source.words, k)
    words = text.words
    for i in range(len(words) - k + 1):
        if tuple(words[i:i + k]) in grams:
            covered[i:i + k] = True
    return covered


def runs(covered: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) of each stretch of True."""
    edges = np.diff(np.r_[0, covered.astype(np.int8), 0])
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


def content_key(word: str) -> str | None:
    """The form a content word is compared in (a plural -s folded), None for function words."""
    if word in _FUNCTION:
        return None
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def own_content(text: Words) -> list[str]:
    """The text's content words outside quotations (with repeats, in order)."""
    keys = (content_key(w) for w, q in zip(text.words, text.quoted.tolist()) if not q)
    return [k for k in keys if k]


def vocabulary(texts: Iterable[Words]) -> set[str]:
    """Every content word of the texts, quoted or not."""
    out: set[str] = set()
    for t in texts:
        out.update(k for k in map(content_key, t.words) if k)
    return out
