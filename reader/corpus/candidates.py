"""Candidate pairs for story grouping, and their containment estimates, all in numpy.

Sketch values are first replaced by their rank among all values of the corpus (order
kept, so sketches stay sorted; int32 halves the memory). A value in more than `cutoff`
articles is boilerplate (site furniture, stock phrases) for the articles where it is
not nearly all of the sketch; where such values are nearly all of it, the article *is*
widely shared text (wire copy run by many outlets) and keeps them.

Candidates come from an inverted index over all values: a value in a few articles pairs
them all; a value in many pairs each article only with the next one in index order
(linear, yet many versions of one story share the same neighbours value after value).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

ALL_PAIRS_DF = 30  # values in at most this many articles pair them all; above: a chain
MIN_SHARED = 3  # sketch values two articles must share to become candidates
MOSTLY_BOILERPLATE = 0.8  # share of a sketch above which its common values are its own text
_BATCH = 65536  # pairs per vectorised containment batch (bounds the temporary arrays)


@dataclass
class SketchMatrix:
    """Sketches as rows of value ranks, sorted, padded with `pad` (above every rank)."""

    ranks: np.ndarray  # (n, k) int32
    lengths: np.ndarray  # (n,) values in each row
    sizes: np.ndarray  # (n,) estimated number of distinct shingles each row stands for
    pad: int


@dataclass
class Candidates:
    pairs: np.ndarray  # (m, 2) int64, i < j
    full: np.ndarray  # containment estimate over all shingles
    rare: np.ndarray  # containment estimate without boilerplate shingles
    own_boilerplate: np.ndarray  # (n,) bool: the article is mostly common shingles
    boilerplate_values: int


def sketch_matrix(sketches: list[tuple[np.ndarray, int]]) -> tuple[SketchMatrix, np.ndarray]:
    """(the rank matrix, each rank's document frequency)."""
    n = len(sketches)
    lengths = np.fromiter((len(s) for s, _ in sketches), dtype=np.int64, count=n)
    k = int(lengths.max()) if n else 0
    values = np.concatenate([s for s, _ in sketches]) if n else np.empty(0, np.uint64)
    uniq, inverse = np.unique(values, return_inverse=True)
    pad = len(uniq)
    ranks = np.full((n, k), pad, dtype=np.int32)
    rows = np.repeat(np.arange(n), lengths)
    cols = np.arange(len(values)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    ranks[rows, cols] = inverse
    df = np.bincount(inverse, minlength=pad)
    sizes = np.fromiter((m for _, m in sketches), dtype=np.float64, count=n)
    return SketchMatrix(ranks, lengths, sizes, pad), df


def without(matrix: SketchMatrix, drop: np.ndarray) -> SketchMatrix:
    """The sketches with the ranks flagged in `drop` removed: a bottom-k sketch minus some
    shingles is the bottom-k' sketch of the rest, whose size is scaled accordingly."""
    ranks = matrix.ranks.copy()
    valid = ranks < matrix.pad
    hit = np.zeros_like(valid)
    hit[valid] = drop[ranks[valid]]
    ranks[hit] = matrix.pad
    ranks.sort(axis=1)
    lengths = matrix.lengths - hit.sum(axis=1)
    share = np.divide(lengths, matrix.lengths, out=np.zeros(len(lengths)), where=matrix.lengths > 0)
    return SketchMatrix(ranks, lengths, matrix.sizes * share, matrix.pad)


def containment(matrix: SketchMatrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Share of the smaller shingle set found in the other, for each pair (i, j): below
    the smaller of the two sketch maxima both sketches are complete, which gives a
    Jaccard estimate; set sizes turn it into containment."""
    out = np.zeros(len(i))
    for lo in range(0, len(i), _BATCH):
        a, b = matrix.ranks[i[lo:lo + _BATCH]], matrix.ranks[j[lo:lo + _BATCH]]
        la, lb = matrix.lengths[i[lo:lo + _BATCH]], matrix.lengths[j[lo:lo + _BATCH]]
        ok = (la > 0) & (lb > 0)
        rows = np.arange(len(a))
        limit = np.minimum(a[rows, np.maximum(la - 1, 0)], b[rows, np.maximum(lb - 1, 0)])
        ca = (a <= limit[:, None]).sum(axis=1)
        cb = (b <= limit[:, None]).sum(axis=1)
        both = np.concatenate([a, b], axis=1)
        both.sort(axis=1)
        shared = ((both[:, 1:] == both[:, :-1]) & (both[:, 1:] <= limit[:, None])).sum(axis=1)
        union = np.maximum(ca + cb - shared, 1)
        jaccard = shared / union
        na, nb = matrix.sizes[i[lo:lo + _BATCH]], matrix.sizes[j[lo:lo + _BATCH]]
        small = np.maximum(1.0, np.minimum(na, nb))
        est = np.minimum(1.0, jaccard * (na + nb) / ((1 + jaccard) * small))
        out[lo:lo + _BATCH] = np.where(ok, est, 0.0)
    return out


def _pair_codes(matrix: SketchMatrix, df: np.ndarray) -> np.ndarray:
    """Pair codes i * n + j (i < j), once per shared value (chained for common values)."""
    n = len(matrix.lengths)
    flat = matrix.ranks.ravel()
    docs = np.repeat(np.arange(n, dtype=np.int64), matrix.ranks.shape[1])
    real = flat < matrix.pad
    flat, docs = flat[real], docs[real]
    order = np.argsort(flat, kind="stable")  # by value, then by document
    flat, docs = flat[order], docs[order]
    df_entry = df[flat]
    codes = []
    chain = df_entry > ALL_PAIRS_DF
    if chain.any():
        v, d = flat[chain], docs[chain]
        same = v[1:] == v[:-1]
        codes.append(d[:-1][same] * n + d[1:][same])
    for size in np.unique(df_entry[(df_entry >= 2) & ~chain]):
        groups = docs[df_entry == size].reshape(-1, int(size))  # ascending in each row
        a, b = np.triu_indices(int(size), k=1)
        codes.append((groups[:, a] * n + groups[:, b]).ravel())
    return np.concatenate(codes) if codes else np.empty(0, np.int64)


def candidates(sketches: list[tuple[np.ndarray, int]], cutoff: int) -> Candidates:
    """Pairs sharing at least MIN_SHARED sketch values, with both containment estimates."""
    n = len(sketches)
    matrix, df = sketch_matrix(sketches)
    codes = _pair_codes(matrix, df)
    pair_codes, counts = np.unique(codes, return_counts=True)
    del codes
    pair_codes = pair_codes[counts >= MIN_SHARED]
    i, j = np.divmod(pair_codes, n) if n else (pair_codes, pair_codes)
    common = df > cutoff
    rare = without(matrix, common)
    own = rare.lengths < (1 - MOSTLY_BOILERPLATE) * matrix.lengths
    return Candidates(np.stack([i, j], axis=1), containment(matrix, i, j),
                      containment(rare, i, j), own, int(common.sum()))


def containment_estimate(a: np.ndarray, b: np.ndarray, na: float, nb: float) -> float:
    """Share of the smaller shingle set found in the other, estimated from two sorted
    bottom-k sketches and the sizes of the sets they stand for."""
    values = np.concatenate([a, b])
    uniq, inverse = np.unique(values, return_inverse=True)
    k = max(len(a), len(b), 1)
    ranks = np.full((2, k), len(uniq), dtype=np.int32)
    ranks[0, :len(a)], ranks[1, :len(b)] = inverse[:len(a)], inverse[len(a):]
    matrix = SketchMatrix(ranks, np.array([len(a), len(b)]), np.array([na, nb], float), len(uniq))
    return float(containment(matrix, np.array([0]), np.array([1]))[0])
