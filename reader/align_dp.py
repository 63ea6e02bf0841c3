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
    it starts at or after the other's end on both sides. Ties go to the chain found
    first, so the result is deterministic."""
    k = len(gain)
    if not k:
        return []
    order = np.lexsort((b0, a0)).tolist()
    by_end = np.lexsort((b1, a1)).tolist()
    a0l, b0l, a1l, b1l, gl = a0.tolist(), b0.tolist(), a1.tolist(), b1.tolist(), gain.tolist()
    size = m + 1
    tree_val = [0.0] * (size + 1)  # Fenwick tree over end column + 1: best chain value
    tree_id = [-1] * (size + 1)  # ... and the link that ends it
    value = [0.0] * k
    parent = [-1] * k
    done = 0

    def insert(x: int) -> None:
        v, i = value[x], b1l[x] + 1
        while i <= size and v > tree_val[i]:
            tree_val[i] = v
            tree_id[i] = x
            i += i & -i

    for x in order:
        start = a0l[x]
        while done < k and a1l[by_end[done]] <= start:  # chains that end before x starts
            insert(by_end[done])
            done += 1
        best, best_id, i = 0.0, -1, b0l[x] + 1
        while i > 0:
            if tree_val[i] > best:
                best, best_id = tree_val[i], tree_id[i]
            i &= i - 1
        value[x] = best + gl[x]
        parent[x] = best_id
    last = max(range(k), key=lambda x: (value[x], -x))
    chain = []
    while last >= 0:
        chain.append(last)
        last = parent[last]
    return chain[::-1]
