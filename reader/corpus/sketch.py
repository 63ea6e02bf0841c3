"""Per-article bottom-k MinHash sketches of word-bigram shingles.

A sketch is the `SKETCH_SIZE` smallest 64-bit hashes of an article's distinct word
bigrams (a one-permutation "bottom-k" MinHash). It depends only on the article's own
text, so it can be cached by content hash; yet boilerplate can still be dropped per
corpus afterwards: removing the values that too many sketches share from a bottom-k
sketch leaves exactly the bottom-k' sketch of the article without those shingles.

Word bigrams, not longer shingles: spun copies swap a word every few words, which
breaks most 3- and 4-grams but leaves enough bigrams to find the pair.
"""

from __future__ import annotations

import re
import weakref
import zlib
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from reader.model import Article

Progress = Callable[[int, int, str], None]  # (done, total, stage)


class SketchStore(Protocol):
    """Where sketches are kept between runs (the on-disk cache)."""

    def get_sketch(self, sha: str) -> tuple[np.ndarray, int] | None: ...
    def put_sketch(self, sha: str, values: np.ndarray, n: int) -> None: ...
    def commit(self) -> None: ...

SKETCH_SIZE = 128
SKETCH_VERSION = f"bigram-crc32-splitmix-k{SKETCH_SIZE}"  # bump when hashing changes

_WORD = re.compile(r"\w+")
_TOKEN_HASH: dict[str, int] = {}
_TOKEN_HASH_LIMIT = 2_000_000  # bound the memo; a news vocabulary stays far below it


def _token_ids(words: list[str]) -> np.ndarray:
    """32-bit, process-independent token hashes (crc32, memoised)."""
    memo = _TOKEN_HASH
    if len(memo) > _TOKEN_HASH_LIMIT:
        memo.clear()
    for w in set(words).difference(memo):
        memo[w] = zlib.crc32(w.encode("utf-8"))
    return np.fromiter(map(memo.__getitem__, words), dtype=np.uint64, count=len(words))


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """A bijective 64-bit mixer, so the order of shingle keys is a random permutation."""
    with np.errstate(over="ignore"):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def sketch(text: str) -> tuple[np.ndarray, int]:
    """(bottom-k sketch, number of distinct shingles) of a text."""
    return sketch_many([text])[0]


def sketch_many(texts: list[str]) -> list[tuple[np.ndarray, int]]:
    """`sketch` of every text, hashed and sorted in one numpy pass for the whole batch."""
    words = [words_of(t) for t in texts]
    counts = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    ids = _token_ids([w for ws in words for w in ws])
    del words
    if len(ids) == 0:
        return [(ids, 0) for _ in texts]
    doc = np.repeat(np.arange(len(texts)), counts)
    # a bigram per word and its successor in the same text; a one-word text keeps the word
    alone = np.r_[doc[1:] != doc[:-1], True] & np.r_[True, doc[1:] != doc[:-1]]
    pair = np.r_[doc[1:] == doc[:-1], False]
    nxt = np.r_[ids[1:], np.zeros(1, np.uint64)]
    keep = pair | alone
    keys = np.where(pair, (ids << np.uint64(32)) | nxt, ids)[keep]
    doc = doc[keep]
    hashes = _splitmix64(keys)
    order = np.lexsort((hashes, doc))
    hashes, doc = hashes[order], doc[order]
    new = np.r_[True, (hashes[1:] != hashes[:-1]) | (doc[1:] != doc[:-1])]
    hashes, doc = hashes[new], doc[new]
    distinct = np.bincount(doc, minlength=len(texts))
    starts = np.cumsum(distinct) - distinct
    rank = np.arange(len(doc)) - starts[doc]
    small = rank < SKETCH_SIZE
    ends = np.cumsum(np.minimum(distinct, SKETCH_SIZE))
    values = np.split(hashes[small], ends[:-1])
    return [(v, int(d)) for v, d in zip(values, distinct)]


def sketch_to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u8").tobytes()


def sketch_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


_SKETCH_BATCH = 2000  # articles sketched per call (progress granularity)
_MEMO: weakref.WeakKeyDictionary[Article, tuple[np.ndarray, int]] = weakref.WeakKeyDictionary()


def sketches_of(articles: Sequence[Article], cache: SketchStore | None = None,
                progress: Progress | None = None) -> list[tuple[np.ndarray, int]]:
    """Sketch of every article body: remembered per article object, else from the cache
    when it has one; the rest are sketched in batches (one numpy pass per batch)."""
    total = len(articles)
    out: list[tuple[np.ndarray, int] | None] = [_MEMO.get(a) for a in articles]
    if cache:
        for pos, article in enumerate(articles):
            if out[pos] is None and article.sha256:
                out[pos] = cache.get_sketch(article.sha256)
    todo = [pos for pos, got in enumerate(out) if got is None]
    done = total - len(todo)
    for lo in range(0, len(todo), _SKETCH_BATCH):
        batch = todo[lo:lo + _SKETCH_BATCH]
        for pos, got in zip(batch, sketch_many([articles[p].body for p in batch])):
            out[pos] = got
            if cache and articles[pos].sha256:
                cache.put_sketch(articles[pos].sha256, *got)
        done += len(batch)
        if progress:
            progress(done, total, "sketching")
    if cache:
        cache.commit()
    if progress and not todo:
        progress(total, total, "sketching")
    for article, got in zip(articles, out):
        _MEMO[article] = got  # type: ignore[assignment]
    return out  # type: ignore[return-value]
