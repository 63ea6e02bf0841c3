"""Monotone alignment DP over a band of the (prefix of A) x (prefix of B) grid.

Cell (p, q) means "the first p sentences of A and the first q of B are aligned". Row p
only holds the columns lo[p]..hi[p] (the band); the rows are stored flat, one after the
other, so memory and time follow the band's area, not n*m. Moves are: drop one A
sentence (1-0) or add one B sentence (0-1), both worth 0, or link a group of `da` A
sentences with `db` B sentences, worth the caller's gain for that cell (-inf where the
link was not considered). Each row is computed with numpy; the 0-1 chain inside a row
is a running maximum, so there is no Python loop over cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

NEG = -1e18
DROP, ADD = 0, 1  # move codes; links use 2 + their index in the caller's move list


@dataclass(frozen=True)
class Band:
    """Columns lo[p]..hi[p] (inclusive) of every row p = 0..n; both bounds non-decreasing."""

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


def _shifted(prev: np.ndarray, prev_lo: int, lo: int, width: int, shift: int) -> np.ndarray:
    """Values of an earlier row at columns q - shift for q in lo..lo+width-1 (NEG outside)."""
    out = np.full(width, NEG, dtype=np.float64)
    first = lo - shift - prev_lo  # index into prev of the first wanted column
    src_lo, src_hi = max(first, 0), min(first + width, len(prev))
    if src_lo < src_hi:
        out[src_lo - first:src_hi - first] = prev[src_lo:src_hi]
    return out


def best_path(band: Band, moves: list[tuple[int, int]], gains: list[np.ndarray]
              ) -> list[tuple[int, int, int, int]]:
    """The highest-gain monotone path from (0, 0) to (n, hi[n]) as (p, q, da, db) steps,
    first to last. gains[k] is a flat per-cell array for moves[k] ending at that cell."""
    start = band.start
    n = len(band.lo) - 1
    # live[k, p]: row p has at least one cell where move k is possible (most rows have
    # no merge candidate at all, and skipping them is most of the DP's speed).
    live = np.array([np.maximum.reduceat(g, start[:-1]) > NEG / 2 for g in gains])
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []
    for p in range(n + 1):
        lo, width = int(band.lo[p]), int(band.hi[p] - band.lo[p] + 1)
        cell = slice(int(start[p]), int(start[p + 1]))
        if p == 0:
            best = np.full(width, NEG, dtype=np.float64)
            code = np.full(width, DROP, dtype=np.int8)
            if lo == 0:
                best[0] = 0.0
        else:
            best = _shifted(rows[p - 1], int(band.lo[p - 1]), lo, width, 0)
            code = np.full(width, DROP, dtype=np.int8)
            for k, (da, db) in enumerate(moves):
                if p < da or not live[k, p]:
                    continue
                gain = gains[k][cell]
                cand = _shifted(rows[p - da], int(band.lo[p - da]), lo, width, db) + gain
                better = cand > best
                best = np.where(better, cand, best)
                code[better] = 2 + k
        run = np.maximum.accumulate(best)  # 0-1 moves: carry the best value rightwards
        code[run > best] = ADD
        rows.append(run)
        back.append(code)
    steps: list[tuple[int, int, int, int]] = []
    p, q = n, int(band.hi[n])
    while p > 0 or q > 0:
        code = int(back[p][q - int(band.lo[p])])
        if p == 0:
            code = ADD
        da, db = (1, 0) if code == DROP else (0, 1) if code == ADD else moves[code - 2]
        steps.append((p, q, da, db))
        p, q = p - da, q - db
    steps.reverse()
    return steps
