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
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from reader.align_score import Views, combine, pair_scores, view_scores

MARGIN = 4  # columns kept beyond each anchor rectangle
MAX_SIDE = 300  # an anchorless rectangle wider and taller than this becomes a strip
STRIP = 60  # half-width of that strip
ANCHOR_MIN_SCORE = 45
BLOCK_CELLS = 2_000_000  # most cells one cdist call fills
BLOCK_WASTE = 1.25  # a block may hold this much more than the band cells it fills...
BLOCK_SLACK = 256  # ...plus this many cells (a call costs about as much as 30 cells)


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
            while end <= n:
                row = hi[end] - max(lo[end], 1) + 1
                area = (end - p + 1) * (hi[end] - q0 + 1)
                if end > p and (area > BLOCK_CELLS or area > BLOCK_WASTE * (inside + row) + BLOCK_SLACK):
                    break
                inside += row
                end += 1
            if hi[end - 1] >= q0:
                yield p, end, q0, hi[end - 1] + 1
            p = end


@dataclass(frozen=True)
class BandScores:
    """Scores (uint8) of every band cell: each view and their combination; 0 on row and
    column 0, which stand for no sentence."""

    char: np.ndarray
    word: np.ndarray
    one: np.ndarray


def score_band(band: Band, a: Views, b: Views) -> BandScores:
    """Fill the band block by block with `process.cdist`."""
    total = int(band.start[-1])
    char, word = np.zeros(total, dtype=np.uint8), np.zeros(total, dtype=np.uint8)
    cells_p, cells_q = band.cells
    for p0, p1, q0, q1 in band.blocks():
        block_char, block_word = view_scores(a, slice(p0 - 1, p1 - 1), b, slice(q0 - 1, q1 - 1))
        f0, f1 = int(band.start[p0]), int(band.start[p1])
        q = cells_q[f0:f1]
        keep = np.flatnonzero(q >= q0)
        r, c = cells_p[f0:f1][keep] - p0, q[keep] - q0
        char[f0 + keep] = block_char[r, c]
        word[f0 + keep] = block_word[r, c]
    real = (cells_p > 0) & (cells_q > 0)
    no_words = np.zeros(total, dtype=bool)
    no_words[real] = ((a.word_lengths[cells_p[real] - 1] == 0)
                      & (b.word_lengths[cells_q[real] - 1] == 0))
    return BandScores(char, word, np.where(real, combine(char, word, no_words), 0).astype(np.uint8))


def shared_rare_pairs(stems_a: list[list[str]], stems_b: list[list[str]], max_df: int
                      ) -> Counter[tuple[int, int]]:
    """Votes for (i, j): how many stems occur in sentence i and j and in at most `max_df`
    sentences on each side. Work is linear in the text (postings are capped)."""
    sets_a = [set(stems) for stems in stems_a]
    sets_b = [set(stems) for stems in stems_b]
    df_a = Counter(chain.from_iterable(sets_a))
    df_b = Counter(chain.from_iterable(sets_b))
    rare = {s for s, c in df_a.items() if c <= max_df and 0 < df_b.get(s, 0) <= max_df}
    post_a: defaultdict[str, list[int]] = defaultdict(list)
    post_b: defaultdict[str, list[int]] = defaultdict(list)
    for i, stems in enumerate(sets_a):
        for s in stems & rare:
            post_a[s].append(i)
    for j, stems in enumerate(sets_b):
        for s in stems & rare:
            post_b[s].append(j)
    votes: Counter[tuple[int, int]] = Counter()
    for s, rows in post_a.items():
        votes.update((i, j) for i in rows for j in post_b[s])
    return votes


def anchors(a: Views, b: Views) -> list[tuple[int, int]]:
    """A monotone chain of confident (i, j) sentence pairs, in order."""
    votes = shared_rare_pairs(a.stems, b.stems, max_df=1)
    exact: defaultdict[str, list[int]] = defaultdict(list)
    for j, text in enumerate(b.chars):
        exact[text].append(j)
    for i, text in enumerate(a.chars):
        if len(exact.get(text, ())) == 1:
            votes[(i, exact[text][0])] += 2
    cands = sorted(pair for pair, v in votes.items() if v >= 2)
    if not cands:
        return []
    scores = pair_scores([a.chars[i] for i, _ in cands], [a.words[i] for i, _ in cands],
                         [b.chars[j] for _, j in cands], [b.words[j] for _, j in cands])
    best_a: dict[int, tuple[int, int]] = {}
    best_b: dict[int, tuple[int, int]] = {}
    for (i, j), score in zip(cands, scores.tolist()):
        if score < ANCHOR_MIN_SCORE:
            continue
        if score > best_a.get(i, (-1, 0))[0]:
            best_a[i] = (score, j)
        if score > best_b.get(j, (-1, 0))[0]:
            best_b[j] = (score, i)
    mutual = sorted((i, j) for i, (_, j) in best_a.items() if best_b[j][1] == i)
    return _longest_chain(mutual)


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
