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
loop over pairs. Each view is built once per sentence, and once per document as one
joined string, so a group of neighbouring sentences is a slice, not a fresh join.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np
from rapidfuzz import fuzz, process

from reader.worddiff import CJK, fold

STEM_CHARS = 5
MAX_REPEAT = 3
IDF_PRIOR = 10
PARALLEL_CELLS = 40_000  # below this many cells a cdist call runs on one thread (spawning costs more)
_CODE_BASE = 0x10000  # code points for word ids: astral plane, never a surrogate


@dataclass(frozen=True)
class Views:
    """Both comparison views of every sentence of one document, plus its folded text
    (case kept: the "same" test) and word stems."""

    chars: list[str]
    words: list[str]
    folded: list[str]
    stems: list[list[str]]
    cum_len: np.ndarray  # cum_len[k] = characters (plus one separator each) before sentence k
    cum_words: np.ndarray  # cum_words[k] = word-view code points before sentence k

    def part(self, start: int, stop: int) -> Views:
        """The views of sentences start..stop-1 (weights stay those of the whole document)."""
        return Views(self.chars[start:stop], self.words[start:stop], self.folded[start:stop],
                     self.stems[start:stop], self.cum_len[start:stop + 1] - self.cum_len[start],
                     self.cum_words[start:stop + 1] - self.cum_words[start])

    def group_lengths(self, ends: np.ndarray, count: int) -> np.ndarray:
        """Length of the `count` sentences ending before each index in `ends`."""
        return (self.cum_len[ends] - self.cum_len[ends - count]).astype(np.float64)

    @cached_property
    def char_lengths(self) -> np.ndarray:
        return np.diff(self.cum_len) - 1

    @cached_property
    def word_lengths(self) -> np.ndarray:
        return np.diff(self.cum_words)

    @cached_property
    def _all_chars(self) -> str:
        return " ".join(self.chars)

    @cached_property
    def _all_words(self) -> str:
        return "".join(self.words)

    def joined(self, ends: np.ndarray, count: int) -> tuple[list[str], list[str]]:
        """Char and word views of the `count` sentences ending before each index in
        `ends`: " ".join of the char views and "".join of the word views, as slices."""
        chars, words = self._all_chars, self._all_words
        lo, hi = self.cum_len[ends - count].tolist(), (self.cum_len[ends] - 1).tolist()
        wlo, whi = self.cum_words[ends - count].tolist(), self.cum_words[ends].tolist()
        return ([chars[x:y] for x, y in zip(lo, hi)], [words[x:y] for x, y in zip(wlo, whi)])


_STEM = re.compile(rf"([^\W_]{{1,{STEM_CHARS}}})[^\W_]*")
_CJK_CHAR = re.compile(f"[{CJK}]")


def stems_of(text: str) -> list[str]:
    """Lowercased word prefixes (letters or digits only; punctuation is not a word);
    in CJK text every ideograph or kana is a word of its own."""
    return _stems_of_lower(text.lower())


def _stems_of_lower(text: str) -> list[str]:
    if not text.isascii() and _CJK_CHAR.search(text):
        text = _CJK_CHAR.sub(" \\g<0> ", text)
    return _STEM.findall(text)


def build_views(a: Sequence[str], b: Sequence[str]) -> tuple[Views, Views]:
    """Views of both documents with IDF weights computed over the two together."""
    folded_a, folded_b = [fold(t) for t in a], [fold(t) for t in b]
    chars_a, chars_b = [t.lower() for t in folded_a], [t.lower() for t in folded_b]
    # Stems come from the folded text: folding only touches quotes, dashes and spaces,
    # none of which is part of a word.
    stems_a, stems_b = list(map(_stems_of_lower, chars_a)), list(map(_stems_of_lower, chars_b))
    df = Counter(chain.from_iterable(map(set, chain(stems_a, stems_b))))
    # The prior keeps tiny inputs sane: in a two-sentence comparison a shared word is
    # evidence, not a stopword.
    n_docs = len(a) + len(b) + IDF_PRIOR
    code: dict[str, str] = {}
    for k, (stem, count) in enumerate(sorted(df.items())):
        repeat = min(MAX_REPEAT, max(0, math.ceil(math.log(n_docs / count) - 1)))
        code[stem] = chr(_CODE_BASE + k) * repeat

    def views(chars: list[str], folded: list[str], stems: list[list[str]]) -> Views:
        words = ["".join(map(code.__getitem__, ss)) for ss in stems]
        return Views(chars=chars, words=words, folded=folded, stems=stems,
                     cum_len=_cumulative([len(c) + 1 for c in chars]),
                     cum_words=_cumulative(list(map(len, words))))

    return views(chars_a, folded_a, stems_a), views(chars_b, folded_b, stems_b)


def _cumulative(lengths: list[int]) -> np.ndarray:
    out = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out[1:])
    return out


def combine(char: np.ndarray, word: np.ndarray, no_words: np.ndarray) -> np.ndarray:
    """The pair score from its two view scores (see module doc)."""
    mean = (char.astype(np.uint16) + word) // 2
    return np.where(no_words, char, mean).astype(np.uint8)


def view_scores(a: Views, rows: Sequence[int] | slice, b: Views, cols: Sequence[int] | slice
                ) -> tuple[np.ndarray, np.ndarray]:
    """Char-view and word-view scores (0-100, uint8) of a[rows] against b[cols]."""
    chars_a, chars_b = _pick(a.chars, rows), _pick(b.chars, cols)
    workers = -1 if len(chars_a) * len(chars_b) >= PARALLEL_CELLS else 1
    char = process.cdist(chars_a, chars_b, scorer=fuzz.ratio, dtype=np.uint8, workers=workers)
    word = process.cdist(_pick(a.words, rows), _pick(b.words, cols), scorer=fuzz.ratio,
                         dtype=np.uint8, workers=workers)
    return char, word


def block_scores(a: Views, rows: Sequence[int] | slice, b: Views, cols: Sequence[int] | slice
                 ) -> np.ndarray:
    """Scores (0-100, uint8) of sentences a[rows] against b[cols], as a matrix."""
    char, word = view_scores(a, rows, b, cols)
    empty_a = np.array([not w for w in _pick(a.words, rows)], dtype=bool)
    empty_b = np.array([not w for w in _pick(b.words, cols)], dtype=bool)
    return combine(char, word, np.logical_and.outer(empty_a, empty_b))


def pair_scores(chars_a: Sequence[str], words_a: Sequence[str],
                chars_b: Sequence[str], words_b: Sequence[str]) -> np.ndarray:
    """Scores (0-100, uint8) of the element-wise pairs (a[k], b[k])."""
    if not chars_a:
        return np.zeros(0, dtype=np.uint8)
    workers = -1 if len(chars_a) >= PARALLEL_CELLS // 4 else 1
    char = process.cpdist(chars_a, chars_b, scorer=fuzz.ratio, dtype=np.uint8, workers=workers)
    word = process.cpdist(words_a, words_b, scorer=fuzz.ratio, dtype=np.uint8, workers=workers)
    no_words = np.array([not x and not y for x, y in zip(words_a, words_b)], dtype=bool)
    return combine(char, word, no_words)


def _pick(seq: list[str], index: Sequence[int] | slice) -> list[str]:
    return seq[index] if isinstance(index, slice) else [seq[k] for k in index]
