"""Monotone alignment as the best chain of candidate links.

A link joins the A sentences [a0, a1) with the B sentences [b0, b1) and is worth its
gain. Leaving a sentence unpaired is worth 0, so only links with a positive gain are
ever worth taking, and those are few: about one per sentence near the diagonal, not one
per cell of the grid. The best alignment is then the chain of non-overlapping links,
increasing on both sides, with the largest total gain (the monotone DP over the grid,
restricted to the cells where something can happen). Links are visited in order of
their first A sentence; a Fenwick tree over B positions answers "best chain ending at or
before column b0" in O(log m), so the whole pass is O(k log m) for k links.
"""

from __future__ import annotations

import numpy as np


def best_chain(a0: np.ndarray, b0: np.ndarray, a1: np.ndarray, b1: np.ndarray,
               gain: np.ndarray, m: int) -> list[int]:
    """Indices of the links of the highest-gain chain, first to last. Link k covers A
    [a0[k], a1[k]) and B [b0[k], b1[k]) with b1 <= m; a link may follow another when
    it starts at or after the other's end on both sides.

    Ties are broken as a grid DP that prefers dropping to linking to adding would break
    them when traced back from the end: the chain's last link ends in the earliest A
    row, then the latest B column, then comes first in the given order; and so on
    backwards. So the result is deterministic, and a sentence repeated on one side pairs
    with the first copy in A but the last copy in B."""
    k = len(gain)
    if not k:
        return []
    order = np.lexsort((b0, a0)).tolist()
    by_end = np.lexsort((b1, a1)).tolist()
    a0l, b0l, a1l, b1l, gl = a0.tolist(), b0.tolist(), a1.tolist(), b1.tolist(), gain.tolist()
    size = m + 1
    none = (0.0, 0, 0, 1)  # the empty chain: worth 0, loses every tie
    tree: list[tuple[float, int, int, int]] = [none] * (size + 1)  # Fenwick tree over b1 + 1
    key: list[tuple[float, int, int, int]] = [none] * k  # (value, -a1, b1, -index) per link
    parent = [-1] * k
    done = 0
    for x in order:
        start = a0l[x]
        while done < k and a1l[by_end[done]] <= start:  # chains that end before x starts
            y = by_end[done]
            i = b1l[y] + 1
            while i <= size and key[y] > tree[i]:
                tree[i] = key[y]
                i += i & -i
            done += 1
        best, i = none, b0l[x] + 1
        while i > 0:
            if tree[i] > best:
                best = tree[i]
            i &= i - 1
        key[x] = (best[0] + gl[x], -a1l[x], b1l[x], -x)
        parent[x] = -best[3] if best is not none else -1
    last = -max(key)[3]
    chain = []
    while last >= 0:
        chain.append(last)
        last = parent[last]
    return chain[::-1]
