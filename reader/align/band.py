"""Where to look, and the scores there: a band around high-confidence anchors, so long
documents stay linear, filled with rapidfuzz scores block by block.

Anchors are sentence pairs that share words found in exactly one sentence of each
document (rare names, numbers, unusual words) or are identical after folding, confirmed
by their rapidfuzz score and kept only if they form the longest monotone chain. Between
two consecutive anchors the band covers the whole rectangle (plus a margin), so gaps,
splits and merges inside it are found; a large rectangle with no anchor at all is
narrowed to a diagonal strip instead of being filled.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from reader.align.score import Views, combine, distinct, pair_scores, ranges, view_scores

MARGIN = 4  # columns kept beyond each anchor rectangle
MAX_SIDE = 300  # an anchorless rectangle wider and taller than this becomes a strip
STRIP = 60  # half-width of that strip
ANCHOR_MIN_SCORE = 45
BLOCK_CELLS = 2_000_000  # most cells one cdist call fills
BLOCK_WASTE = 1.25  # a block may hold this much more than the band cells it fills...
BLOCK_SLACK = 64  # ...plus this many cells (a call costs about as much as 50 cells)


@dataclass(frozen=True)
class Band:
    """Columns lo[p]..hi[p] (inclusive) of every row p = 0..n of the (prefix of A) x
    (prefix of B) grid; both bounds non-decreasing. Cell (p, q) stands for the sentence
    pair (p-1, q-1); the cells are stored flat, row after row, so memory follows the
    band's area, not n*m."""

    lo: np.ndarray
    hi: np.ndarray

    @cached_property
    def start(self) -> np.ndarray:
        """Flat index of the first cell of every row, plus the total cell count at the end."""
        return np.concatenate(([0], np.cumsum(self.hi - self.lo + 1)))

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @cached_property
    def cells(self) -> tuple[np.ndarray, np.ndarray]:
        """(p, q) of every cell, in flat order."""
        widths = self.hi - self.lo + 1
        p = np.repeat(np.arange(len(self.lo)), widths)
        q = np.arange(int(widths.sum())) - np.repeat(self.start[:-1], widths) + self.lo[p]
        return p, q

    def index(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Flat index of each cell (p, q); -1 where it lies outside the band or the grid."""
        n = len(self.lo) - 1
        inside = (p >= 0) & (p <= n)
        row = np.where(inside, p, 0)
        lo, hi = self.lo[row], self.hi[row]
        inside &= (q >= lo) & (q <= hi)
        return np.where(inside, self.start[row] + q - lo, -1)

    def blocks(self):
        """Rectangles (p0, p1, q0, q1) of cells p0 <= p < p1, q0 <= q < q1 (p, q >= 1)
        that together cover the band, each mostly band (a diagonal strip must not turn
        into a dense square) and at most BLOCK_CELLS."""
        lo, hi = self.lo.tolist(), self.hi.tolist()
        n, p = len(lo) - 1, 1
        while p <= n:
            q0, end, inside = max(lo[p], 1), p, 0
            if hi[p] < q0:  # an empty row
                p += 1
                continue
            while end <= n:
                row = max(hi[end] - max(lo[end], 1) + 1, 0)
                area = (end - p + 1) * (hi[end] - q0 + 1)
                wasteful = area > BLOCK_WASTE * (inside + row) + BLOCK_SLACK
                if end > p and (area > BLOCK_CELLS or wasteful):
                    break
                inside += row
                end += 1
            yield p, end, q0, hi[end - 1] + 1
            p = end

    @classmethod
    def rectangles(cls, n: int, m: int, boxes: list[tuple[int, int, int, int]]) -> Band:
        """The band made of the cells of some sentence boxes (i0, i1, j0, j1), meaning
        A [i0, i1) x B [j0, j1), ordered and apart on both sides; other rows are empty."""
        lo = np.full(n + 1, m + 1, dtype=np.int64)
        hi = np.full(n + 1, -1, dtype=np.int64)
        for i0, i1, j0, j1 in boxes:
            lo[i0 + 1:i1 + 1] = j0 + 1
            hi[i0 + 1:i1 + 1] = j1
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        return cls(lo, np.where(hi >= 0, hi, lo - 1))


@dataclass(frozen=True)
class BandScores:
    """Scores (uint8) of every band cell: each view and their combination; 0 on row and
    column 0, which stand for no sentence."""

    char: np.ndarray
    word: np.ndarray
    one: np.ndarray


def score_band(band: Band, a: Views, b: Views) -> BandScores:
    """Fill the band with `process.cdist` block by block, then gather every band cell
    from the blocks at once (per-block numpy work would cost more than the scoring)."""
    blocks = list(band.blocks())
    results = [view_scores(a, slice(p0 - 1, p1 - 1), b, slice(q0 - 1, q1 - 1))
               for p0, p1, q0, q1 in blocks]
    cells_p, cells_q = band.cells
    total = len(cells_p)
    char, word = np.zeros(total, dtype=np.uint8), np.zeros(total, dtype=np.uint8)
    real = (cells_p > 0) & (cells_q > 0)
    if blocks:
        p0, p1, q0, q1 = np.array(blocks, dtype=np.int64).T
        rows, width = p1 - p0, q1 - q0
        first = np.cumsum(rows * width) - rows * width  # each block's place in the buffer
        block_of_row = np.full(len(band.lo), -1)
        block_of_row[ranges(p0, rows)] = np.repeat(np.arange(len(blocks)), rows)
        k = block_of_row[cells_p]
        real &= k >= 0
        k, p, q = k[real], cells_p[real], cells_q[real]
        at = first[k] + (p - p0[k]) * width[k] + q - q0[k]
        char[real] = np.concatenate([c.ravel() for c, _ in results])[at]
        word[real] = np.concatenate([w.ravel() for _, w in results])[at]
    no_words = np.zeros(total, dtype=bool)
    no_words[real] = ((a.word_lengths[cells_p[real] - 1] == 0)
                      & (b.word_lengths[cells_q[real] - 1] == 0))
    return BandScores(char, word, np.where(real, combine(char, word, no_words), 0).astype(np.uint8))


def shared_rare_pairs(a: Views, b: Views, max_df: int, only_a: list[int] | None = None,
                      only_b: list[int] | None = None
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs (i, j) that share stems found in at most `max_df` sentences on each
    side, with how many such stems they share (sorted by i, then j). `only_a`/`only_b`
    restrict either side to some sentences. Work is linear in the text (postings are
    capped), all in numpy."""
    rows_a, ids_a = _entries(a, only_a)
    rows_b, ids_b = _entries(b, only_b)
    df_a = np.bincount(ids_a, minlength=a.vocabulary)
    df_b = np.bincount(ids_b, minlength=b.vocabulary)
    rare = (df_a > 0) & (df_a <= max_df) & (df_b > 0) & (df_b <= max_df)
    keep = rare[ids_a]
    rows_a, ids_a = rows_a[keep], ids_a[keep]
    keep = rare[ids_b]
    order = np.argsort(ids_b[keep], kind="stable")
    rows_b, ids_b = rows_b[keep][order], ids_b[keep][order]
    # Every A posting meets every B posting of its stem.
    first = np.searchsorted(ids_b, ids_a, "left")
    count = np.searchsorted(ids_b, ids_a, "right") - first
    i, j = np.repeat(rows_a, count), rows_b[ranges(first, count)]
    m = max(len(b.chars), 1)
    key = np.sort(i * m + j)
    starts = np.flatnonzero(np.diff(key, prepend=-1))
    votes = np.diff(np.append(starts, len(key)))
    return key[starts] // m, key[starts] % m, votes


def _entries(v: Views, only: list[int] | None) -> tuple[np.ndarray, np.ndarray]:
    if only is None:
        return v.stem_rows, v.stem_ids
    mask = np.zeros(len(v.chars), dtype=bool)
    mask[only] = True
    keep = mask[v.stem_rows]
    return v.stem_rows[keep], v.stem_ids[keep]


def anchors(a: Views, b: Views) -> list[tuple[int, int]]:
    """A monotone chain of confident (i, j) sentence pairs, in order."""
    m = max(len(b.chars), 1)
    i, j, votes = shared_rare_pairs(a, b, max_df=1)
    exact: defaultdict[str, list[int]] = defaultdict(list)
    for k, text in enumerate(b.chars):
        exact[text].append(k)
    same = [(k, exact[text][0]) for k, text in enumerate(a.chars) if len(exact.get(text, ())) == 1]
    keys = np.concatenate(((i * m + j)[votes >= 2], [x * m + y for x, y in same]))
    ci, cj = np.divmod(distinct(keys.astype(np.int64)), m)
    if not len(ci):
        return []
    scores = pair_scores([a.chars[x] for x in ci.tolist()], [a.words[x] for x in ci.tolist()],
                         [b.chars[y] for y in cj.tolist()], [b.words[y] for y in cj.tolist()])
    ok = scores >= ANCHOR_MIN_SCORE
    ci, cj, scores = ci[ok], cj[ok], scores[ok].astype(np.int64)
    # Each A sentence's best B partner (ties: the first) and each B sentence's; keep the
    # pairs that choose each other.
    order = np.lexsort((cj, -scores, ci))
    first = order[np.flatnonzero(np.diff(ci[order], prepend=-1))]
    best_i_of_j = np.full(m, -1)
    order_b = np.lexsort((ci, -scores, cj))
    first_b = order_b[np.flatnonzero(np.diff(cj[order_b], prepend=-1))]
    best_i_of_j[cj[first_b]] = ci[first_b]
    mutual = first[best_i_of_j[cj[first]] == ci[first]]
    return _longest_chain(list(zip(ci[mutual].tolist(), cj[mutual].tolist())))


def _longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence increasing in both i and j (pairs sorted by i, distinct i and j)."""
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_idx: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        parent[k] = tail_idx[pos - 1] if pos else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]


def anchored_band(n: int, m: int, chain: list[tuple[int, int]]) -> Band:
    """Band over prefix rows 0..n covering each rectangle between consecutive anchors."""
    # An anchor (i, j) is the cell (i + 1, j + 1) in prefix coordinates.
    points = [(0, 0)] + [(i + 1, j + 1) for i, j in chain] + [(n, m)]
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for (p0, q0), (p1, q1) in zip(points, points[1:]):
        rows = np.arange(p0, p1 + 1)
        if p1 - p0 > MAX_SIDE and q1 - q0 > MAX_SIDE:
            centre = q0 + (rows - p0) * (q1 - q0) / max(p1 - p0, 1)
            seg_lo = np.floor(centre).astype(np.int64) - STRIP
            seg_hi = np.ceil(centre).astype(np.int64) + STRIP
        else:
            seg_lo = np.full(len(rows), q0 - MARGIN)
            seg_hi = np.full(len(rows), q1 + MARGIN)
        lo[rows] = np.minimum(lo[rows], seg_lo)
        hi[rows] = np.maximum(hi[rows], seg_hi)
    lo = np.clip(lo, 0, m)
    hi = np.clip(hi, 0, m)
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing, only ever widening
    hi = np.maximum.accumulate(hi)
    return Band(lo, hi)
