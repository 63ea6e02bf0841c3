"""Where to look: a DP band around high-confidence anchors, so long documents stay linear.

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
from itertools import chain

import numpy as np

from reader.align_dp import Band
from reader.align_score import Views, pair_scores

MARGIN = 4  # columns kept beyond each anchor rectangle
MAX_SIDE = 300  # an anchorless rectangle wider and taller than this becomes a strip
STRIP = 60  # half-width of that strip
ANCHOR_MIN_SCORE = 45


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
