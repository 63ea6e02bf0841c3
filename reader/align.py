"""PLACEHOLDER aligner (to be replaced): greedy best match on fuzz.ratio."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from reader.model import Alignment, Pair, Sentence


def align(a: Sequence[Sentence], b: Sequence[Sentence]) -> Alignment:
    pairs: list[Pair] = []
    used: set[int] = set()
    for i, s in enumerate(a):
        best, score = None, 0.0
        for j, t in enumerate(b):
            if j in used:
                continue
            sc = fuzz.ratio(s.text, t.text)
            if sc > score:
                best, score = j, sc
        if best is not None and score >= 60:
            used.add(best)
            kind = "same" if s.text == b[best].text else "changed"
            pairs.append(Pair(kind, (i,), (best,), score))
        else:
            pairs.append(Pair("dropped", (i,), (), 0.0))
    for j in range(len(b)):
        if j not in used:
            pairs.append(Pair("added", (), (j,), 0.0))
    return Alignment(list(a), list(b), pairs)
