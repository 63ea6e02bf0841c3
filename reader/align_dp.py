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


def _window(lo: int, width: int, prev_lo: int, prev_width: int, shift: int) -> tuple[int, int]:
    """Index range [k0, k1) of this row whose column q - shift lies in an earlier row."""
    k0 = max(0, prev_lo + shift - lo)
    k1 = min(width, prev_lo + prev_width + shift - lo)
    return k0, max(k0, k1)


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
        best = np.full(width, NEG, dtype=np.float64)
        code = np.full(width, DROP, dtype=np.int8)
        if p == 0:
            if lo == 0:
                best[0] = 0.0
        else:
            k0, k1 = _window(lo, width, int(band.lo[p - 1]), len(rows[p - 1]), 0)
            prev = rows[p - 1]
            best[k0:k1] = prev[k0 + lo - int(band.lo[p - 1]):k1 + lo - int(band.lo[p - 1])]
            for k, (da, db) in enumerate(moves):
                if p < da or not live[k, p]:
                    continue
                src, src_lo = rows[p - da], int(band.lo[p - da])
                k0, k1 = _window(lo, width, src_lo, len(src), db)
                off = lo - db - src_lo
                cand = src[k0 + off:k1 + off] + gains[k][cell][k0:k1]
                better = cand > best[k0:k1]
                np.copyto(best[k0:k1], cand, where=better)
                code[k0:k1][better] = 2 + k
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
