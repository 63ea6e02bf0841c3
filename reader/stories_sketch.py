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
import zlib

import numpy as np

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
    out = np.empty(len(words), dtype=np.uint64)
    for i, w in enumerate(words):
        h = memo.get(w)
        if h is None:
            h = memo[w] = zlib.crc32(w.encode("utf-8"))
        out[i] = h
    return out


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """A bijective 64-bit mixer, so the order of shingle keys is a random permutation."""
    with np.errstate(over="ignore"):
        x = x + np.uint64(0x9E3779B97F4A7C15)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingle_hashes(text: str) -> np.ndarray:
    """Sorted distinct hashes of the text's word bigrams (a lone word if only one)."""
    ids = _token_ids(words_of(text))
    if len(ids) == 0:
        return ids
    keys = (ids[:-1] << np.uint64(32)) | ids[1:] if len(ids) > 1 else ids
    return np.unique(_splitmix64(keys))


def sketch(text: str) -> tuple[np.ndarray, int]:
    """(bottom-k sketch, number of distinct shingles) of a text."""
    hashes = shingle_hashes(text)
    return hashes[:SKETCH_SIZE], int(len(hashes))


def sketch_to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u8").tobytes()


def sketch_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)
