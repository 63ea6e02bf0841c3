"""Baseline sentence aligners the benches compare reader's aligner against.

Both return links as (a indices, b indices) tuples with both sides non-empty.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
from rapidfuzz import fuzz, process

from reader.worddiff import fold


def greedy_ratio(a: list[str], b: list[str], cutoff: int = 50) -> list[tuple[tuple[int], tuple[int]]]:
    """Each A sentence in order takes its best unused B sentence by fuzz.ratio (>= cutoff)."""
    if not a or not b:
        return []
    grid = process.cdist(a, b, scorer=fuzz.ratio, dtype=np.uint8, workers=-1)
    used: set[int] = set()
    links = []
    for i in range(len(a)):
        for j in np.argsort(-grid[i], kind="stable"):
            if grid[i, j] < cutoff:
                break
            if int(j) not in used:
                used.add(int(j))
                links.append(((i,), (int(j),)))
                break
    return links


def difflib_align(a: list[str], b: list[str], cutoff: float = 0.5, window: int = 20
                  ) -> list[tuple[tuple[int], tuple[int]]]:
    """SequenceMatcher over the sentence lists; inside each replaced block, sentences are
    paired in order with their best SequenceMatcher.ratio partner (>= cutoff) among the
    `window` B sentences around the block's diagonal (still after the last pair), using
    difflib's quick upper bounds first as get_close_matches does."""
    fa, fb = [fold(t) for t in a], [fold(t) for t in b]
    links = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes():
        if tag == "equal":
            links.extend(((i1 + k,), (j1 + k,)) for k in range(i2 - i1))
        elif tag == "replace":
            nxt = j1
            for i in range(i1, i2):
                best, best_j = cutoff, None
                matcher = SequenceMatcher(None, autojunk=False)
                matcher.set_seq2(fa[i])  # difflib caches the second sequence
                expect = j1 + (i - i1) * (j2 - j1) // (i2 - i1)  # the block's diagonal
                for j in range(max(nxt, expect - window // 2), min(j2, expect + window // 2)):
                    matcher.set_seq1(fb[j])
                    if (matcher.real_quick_ratio() >= best and matcher.quick_ratio() >= best
                            and matcher.ratio() >= best):
                        best, best_j = matcher.ratio(), j
                if best_j is not None:
                    links.append(((i,), (best_j,)))
                    nxt = best_j + 1
    return links
