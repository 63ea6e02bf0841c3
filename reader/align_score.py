"""Sentence similarity for the aligner: rapidfuzz scores on two views of each sentence.

* the character view: folded, lowercased text, compared with `fuzz.ratio` (catches
  copies and light edits, any script);
* the word view: each word stem becomes one code point, repeated by its IDF weight over
  both documents, so `fuzz.ratio` on these strings is a weighted word-level LCS.
  Stopwords and names that recur across the two documents ("Turkey", "Idlib") weigh
  little or nothing, rare shared words weigh most. Stems are word prefixes, which is
  crude but language-agnostic ("discussions"/"discussed", "nouveau"/"nouveaux").

A pair's score is the mean of the two views; when neither sentence has a weighted word
(all stopwords) the character view alone decides. Everything runs inside rapidfuzz
(`process.cdist` for blocks, `process.cpdist` for lists of pairs), never in a Python
loop over pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from reader.worddiff import CJK, fold

STEM_CHARS = 5
MAX_REPEAT = 3
IDF_PRIOR = 10
_CODE_BASE = 0x10000  # code points for word ids: astral plane, never a surrogate


@dataclass(frozen=True)
class Views:
    """Both comparison views of every sentence of one document, plus its word stems."""

    chars: list[str]
    words: list[str]
    stems: list[list[str]]
    cum_len: np.ndarray  # cum_len[k] = characters (plus one separator each) before sentence k

    def part(self, start: int, stop: int) -> Views:
        """The views of sentences start..stop-1 (weights stay those of the whole document)."""
        return Views(self.chars[start:stop], self.words[start:stop], self.stems[start:stop],
                     self.cum_len[start:stop + 1] - self.cum_len[start])

    def group_lengths(self, ends: np.ndarray, count: int) -> np.ndarray:
        """Length of the `count` sentences ending before each index in `ends`."""
        return (self.cum_len[ends] - self.cum_len[ends - count]).astype(np.float64)


_STEM = re.compile(rf"([^\W_]{{1,{STEM_CHARS}}})[^\W_]*")
_CJK_CHAR = re.compile(f"[{CJK}]")


def stems_of(text: str) -> list[str]:
    """Lowercased word prefixes (letters or digits only; punctuation is not a word);
    in CJK text every ideograph or kana is a word of its own."""
    text = text.lower()
    if not text.isascii() and _CJK_CHAR.search(text):
        text = _CJK_CHAR.sub(" \\g<0> ", text)
    return _STEM.findall(text)


def build_views(a: Sequence[str], b: Sequence[str]) -> tuple[Views, Views]:
    """Views of both documents with IDF weights computed over the two together."""
    stems_a = [stems_of(t) for t in a]
    stems_b = [stems_of(t) for t in b]
    df: Counter[str] = Counter()
    for stems in (*stems_a, *stems_b):
        df.update(set(stems))
    # The prior keeps tiny inputs sane: in a two-sentence comparison a shared word is
    # evidence, not a stopword.
    n_docs = len(a) + len(b) + IDF_PRIOR
    code: dict[str, str] = {}
    for k, (stem, count) in enumerate(sorted(df.items())):
        repeat = min(MAX_REPEAT, max(0, math.ceil(math.log(n_docs / count) - 1)))
        code[stem] = chr(_CODE_BASE + k) * repeat

    def views(texts: Sequence[str], stems: list[list[str]]) -> Views:
        chars = [fold(t).lower() for t in texts]
        return Views(
            chars=chars,
            words=["".join(map(code.__getitem__, ss)) for ss in stems],
            stems=stems,
            cum_len=np.concatenate(([0], np.cumsum([len(c) + 1 for c in chars]))).astype(np.int64),
        )

    return views(a, stems_a), views(b, stems_b)


def _combine(char: np.ndarray, word: np.ndarray, no_words: np.ndarray) -> np.ndarray:
    mean = (char.astype(np.uint16) + word) // 2
    return np.where(no_words, char, mean).astype(np.uint8)


def block_scores(a: Views, rows: Sequence[int] | slice, b: Views, cols: Sequence[int] | slice
                 ) -> np.ndarray:
    """Scores (0-100, uint8) of sentences a[rows] against b[cols], as a matrix."""
    pick = _picker(rows)
    pick_b = _picker(cols)
    words_a, words_b = pick(a.words), pick_b(b.words)
    char = process.cdist(pick(a.chars), pick_b(b.chars), scorer=fuzz.ratio,
                         dtype=np.uint8, workers=-1)
    word = process.cdist(words_a, words_b, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
    empty_a = np.array([not w for w in words_a], dtype=bool)
    empty_b = np.array([not w for w in words_b], dtype=bool)
    return _combine(char, word, np.logical_and.outer(empty_a, empty_b))


def pair_scores(chars_a: Sequence[str], words_a: Sequence[str],
                chars_b: Sequence[str], words_b: Sequence[str]) -> np.ndarray:
    """Scores (0-100, uint8) of the element-wise pairs (a[k], b[k])."""
    if not chars_a:
        return np.zeros(0, dtype=np.uint8)
    char = process.cpdist(chars_a, chars_b, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
    word = process.cpdist(words_a, words_b, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
    no_words = np.array([not x and not y for x, y in zip(words_a, words_b)], dtype=bool)
    return _combine(char, word, no_words)


def _picker(index: Sequence[int] | slice):
    if isinstance(index, slice):
        return lambda seq: seq[index]
    return lambda seq: [seq[k] for k in index]
