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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from rapidfuzz import fuzz, process

from reader.worddiff import CJK, fold_all

STEM_CHARS = 5
MAX_REPEAT = 3
IDF_PRIOR = 10
PARALLEL_CELLS = 40_000  # smaller cdist calls run on one thread (starting threads costs more)


@dataclass(frozen=True)
class Views:
    """Both comparison views of every sentence of one document, plus its folded text
    (case kept: the "same" test) and which stems each sentence holds."""

    chars: list[str]
    words: list[str]
    folded: list[str]
    cum_len: np.ndarray  # cum_len[k] = characters (plus one separator each) before sentence k
    cum_words: np.ndarray  # cum_words[k] = word-view code points before sentence k
    all_words: str  # "".join(words)
    stem_rows: np.ndarray  # (sentence, stem id) of every distinct stem of every sentence,
    stem_ids: np.ndarray  # sorted by sentence; ids are shared by both documents
    vocabulary: int  # number of stem ids

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
    def all_chars(self) -> str:
        return " ".join(self.chars)

    def joined_chars(self, ends: np.ndarray, count: int) -> list[str]:
        """" ".join of the char views of the `count` sentences ending before each index
        in `ends`, as slices of the document's joined view."""
        text, cum = self.all_chars, self.cum_len
        return [text[x:y] for x, y in zip(cum[ends - count].tolist(), (cum[ends] - 1).tolist())]

    def joined_words(self, ends: np.ndarray, count: int) -> list[str]:
        """"".join of the word views of those sentences, likewise."""
        text, cum = self.all_words, self.cum_words
        return [text[x:y] for x, y in zip(cum[ends - count].tolist(), cum[ends].tolist())]


_STEM = re.compile(rf"([^\W_]{{1,{STEM_CHARS}}})[^\W_]*|\n")  # a stem, or "" at a word's end
_CJK_CHAR = re.compile(f"[{CJK}]")
_SURROGATES = 0xD800  # word codes skip the 2048 surrogate code points from here
_CODE_SPACE = 0x110000 - 0x800


def _word_stems(words: list[str]) -> tuple[list[str], np.ndarray]:
    """The stems of every word, one word after the other, and how many each word has.

    A stem is a lowercased word's prefix of letters or digits (punctuation is not a
    word); in CJK text every ideograph or kana is a word of its own. One regex pass over
    all the words, each ended by a newline that the pattern reports as an empty match."""
    text = "\n".join(words) + "\n" if words else ""
    if not text.isascii() and _CJK_CHAR.search(text):
        text = _CJK_CHAR.sub(" \\g<0> ", text)
    found = np.array(_STEM.findall(text), dtype=object)
    ends = np.flatnonzero(found == "")
    return found[found != ""].tolist(), np.diff(ends, prepend=-1) - 1


def build_views(a: Sequence[str], b: Sequence[str]) -> tuple[Views, Views]:
    """Views of both documents with IDF weights computed over the two together.

    The stem regex runs once per distinct word, not per sentence; stem ids, document
    frequencies, weights and the word views are built with numpy over all words."""
    folded = fold_all([*a, *b])
    chars = [t.lower() for t in folded]
    # The char views have single spaces only, so one split finds every word of every
    # sentence (an empty sentence is one empty word). Folding only touches quotes,
    # dashes and spaces, none of which is part of a word.
    words = " ".join(chars).split(" ") if chars else []
    per_sentence = np.fromiter((c.count(" ") + 1 for c in chars), dtype=np.int64, count=len(chars))
    distinct_words = list(dict.fromkeys(words))
    stems, counts = _word_stems(distinct_words)
    index = {stem: k for k, stem in enumerate(dict.fromkeys(stems))}
    word_stems = np.fromiter(map(index.__getitem__, stems), dtype=np.int64, count=len(stems))
    where = dict(zip(distinct_words, range(len(distinct_words))))
    which = np.fromiter(map(where.__getitem__, words), dtype=np.int64, count=len(words))
    ids = word_stems[ranges((np.cumsum(counts) - counts)[which], counts[which])]
    rows = np.repeat(np.repeat(np.arange(len(chars)), per_sentence), counts[which])
    vocabulary = max(len(index), 1)
    entries = distinct(rows * vocabulary + ids)  # each stem once per sentence
    entry_rows, entry_ids = np.divmod(entries, vocabulary)
    df = np.bincount(entry_ids, minlength=vocabulary)
    # The prior keeps tiny inputs sane: in a two-sentence comparison a shared word is
    # evidence, not a stopword.
    n_docs = len(chars) + IDF_PRIOR
    weight = {c: min(MAX_REPEAT, max(0, math.ceil(math.log(n_docs / c) - 1)))
              for c in set(df.tolist()) if c}
    repeat = np.zeros(vocabulary, dtype=np.int64)
    repeat[df > 0] = [weight[c] for c in df[df > 0].tolist()]
    # Word view: each stem as one code point, repeated. Only equality matters, so the
    # most frequent stems get the smallest code points: strings of them are stored and
    # compared by rapidfuzz as bytes (a direct table instead of a hash map).
    code = np.zeros(vocabulary, dtype=np.int64)
    code[np.argsort(-df, kind="stable")] = np.arange(vocabulary) % _CODE_SPACE
    code += (code >= _SURROGATES) * 0x800
    codes = np.repeat(code[ids], repeat[ids]).astype("<u4")
    all_words = codes.tobytes().decode("utf-32-le")
    word_lengths = np.bincount(rows, weights=repeat[ids], minlength=len(chars)).astype(np.int64)
    cum_words = _cumulative(word_lengths)
    cum_len = _cumulative(np.fromiter(map(len, chars), dtype=np.int64, count=len(chars)) + 1)

    def views(lo: int, hi: int) -> Views:
        w0, w1 = int(cum_words[lo]), int(cum_words[hi])
        words = all_words[w0:w1]
        cw = cum_words[lo:hi + 1] - w0
        cw_list = cw.tolist()
        e0, e1 = np.searchsorted(entry_rows, [lo, hi])
        return Views(chars=chars[lo:hi], words=[words[x:y] for x, y in zip(cw_list, cw_list[1:])],
                     folded=folded[lo:hi], cum_len=cum_len[lo:hi + 1] - cum_len[lo],
                     cum_words=cw, all_words=words, stem_rows=entry_rows[e0:e1] - lo,
                     stem_ids=entry_ids[e0:e1], vocabulary=vocabulary)

    return views(0, len(a)), views(len(a), len(chars))


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique would import numpy.ma, 30 ms at first use)."""
    values = np.sort(values)
    return values[np.flatnonzero(np.diff(values, prepend=-1))] if len(values) else values


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices start..start+count-1 of every (start, count), one range after another."""
    ends = np.cumsum(counts)
    return np.repeat(starts - ends + counts, counts) + np.arange(ends[-1] if len(ends) else 0)


def _cumulative(lengths: np.ndarray) -> np.ndarray:
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
    no_words = np.array([not x and not y for x, y in zip(words_a, words_b)], dtype=bool)
    return combine(ratios(chars_a, chars_b), ratios(words_a, words_b), no_words)


def ratios(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """fuzz.ratio (0-100, uint8) of the element-wise pairs (a[k], b[k])."""
    if not a:
        return np.zeros(0, dtype=np.uint8)
    workers = -1 if len(a) >= PARALLEL_CELLS // 4 else 1
    return process.cpdist(a, b, scorer=fuzz.ratio, dtype=np.uint8, workers=workers)


def _pick(seq: list[str], index: Sequence[int] | slice) -> list[str]:
    return seq[index] if isinstance(index, slice) else [seq[k] for k in index]
