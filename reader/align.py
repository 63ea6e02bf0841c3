"""Align the sentences of two versions of a story.

1. Score sentence pairs with rapidfuzz (reader.align_score) inside a band: the whole
   grid for article-sized inputs, a band around anchors for long ones (reader.align_band).
2. A monotone DP (reader.align_dp) picks links of up to four sentences on one side
   (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1), or leaves sentences unpaired; merged groups are rescored as concatenated text, so a
   split sentence scores as a whole. A link must beat MIN_SCORE to be worth anything,
   which keeps unrelated sentences (even ones naming the same places) apart.
3. A second pass pairs leftover dropped and added sentences that match strongly out of
   order and flags those that cross the main order as `moved`.
4. Small runs of unpaired sentences left between two links are realigned with a lower
   floor (the neighbours vouch for the position), which recovers loose translations and
   heavy paraphrases without pairing unrelated text elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.align_band import anchored_band, anchors, shared_rare_pairs
from reader.align_dp import Band, best_path
from reader.align_score import Views, block_scores, build_views, pair_scores
from reader.model import Alignment, Pair, Sentence
from reader.worddiff import fold

MOVES = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1)]
MIN_SCORE = 40  # a link scoring below this is worth less than leaving both sides unpaired
MERGE_PENALTY = 10.0  # per extra sentence in a group: a merge must clearly beat 1-1 + gap
MERGE_SEED = 30  # a group is only tried where one of its 1-1 cells scores at least this
BIG_GROUP_SEED = 8  # extra seed score for groups of five sentences or more
LENGTH_TOLERANCE = 0.2  # |log(length ratio)| allowed for free
LENGTH_WEIGHT = 30.0  # score points lost per unit of log length ratio beyond that
GAP_FLOOR = 18  # the floor inside a gap between two links
GAP_MAX_SIDE = 6  # larger gaps are real insertions/deletions, not loose matches
MERGE_MAX_SKEW = 0.6  # groups whose lengths differ more than e^0.6 (1.8x) are not tried
MOVE_MIN_SCORE = 55  # an out-of-order pair must be this good to be claimed
FULL_GRID_CELLS = 60_000  # up to this n*m the band is the whole grid
BLOCK_CELLS = 2_000_000  # cdist block size while filling a band
MOVE_GRID_CELLS = 250_000  # leftovers up to this n*m are compared all against all


def align(a: Sequence[Sentence], b: Sequence[Sentence]) -> Alignment:
    """Align two sentence lists; every sentence lands in exactly one pair (see module doc)."""
    a, b = list(a), list(b)
    va, vb = build_views([s.text for s in a], [s.text for s in b])
    n, m = len(a), len(b)
    band = Band.full(n, m) if n * m <= FULL_GRID_CELLS else anchored_band(n, m, anchors(va, vb))
    unit = _typical_length(va, vb)
    links = _pair_leftovers(_solve(band, va, vb, MIN_SCORE, unit), va, vb)
    links = _fill_gaps(links, va, vb, unit)
    links = [Pair(_kind(a, b, p.a, p.b), p.a, p.b, p.score, p.moved) if p.a and p.b else p
             for p in links]
    return Alignment(a, b, links)


def _solve(band: Band, va: Views, vb: Views, floor: float, unit: float, i0: int = 0,
           j0: int = 0) -> list[Pair]:
    """Best monotone links inside the band; indices shifted by (i0, j0). Linked pairs get
    the provisional kind "changed"; the caller decides which are "same"."""
    one = _band_scores(band, va, vb)
    gains = [_gains(band, one, va, vb, da, db, floor, unit) for da, db in MOVES]
    links: list[Pair] = []
    for p, q, da, db in best_path(band, MOVES, [g for g, _ in gains]):
        ai, bj = tuple(range(i0 + p - da, i0 + p)), tuple(range(j0 + q - db, j0 + q))
        if da and db:
            score = gains[MOVES.index((da, db))][1][int(band.start[p]) + q - int(band.lo[p])]
            links.append(Pair("changed", ai, bj, float(score)))
        else:
            links.append(Pair("dropped" if da else "added", ai, bj, 0.0))
    return links


def _fill_gaps(links: list[Pair], va: Views, vb: Views, unit: float) -> list[Pair]:
    """Realign each small run of unpaired sentences sandwiched between two links with a
    lower floor: there, the neighbours vouch for the position and a weak match (a loose
    translation, a heavy paraphrase) is more likely than a coincidence."""
    out: list[Pair] = []
    run: list[Pair] = []
    for p in links:
        if not (p.a and p.b):
            run.append(p)
            continue
        gap_a = [i for g in run for i in g.a]
        gap_b = [j for g in run for j in g.b]
        if out and _small_block(gap_a) and _small_block(gap_b):
            i0, j0 = gap_a[0], gap_b[0]
            sub_a, sub_b = va.part(i0, i0 + len(gap_a)), vb.part(j0, j0 + len(gap_b))
            run = _solve(Band.full(len(gap_a), len(gap_b)), sub_a, sub_b, GAP_FLOOR, unit, i0, j0)
        out.extend(run)
        out.append(p)
        run = []
    out.extend(run)
    return out


def _small_block(indices: list[int]) -> bool:
    """A non-empty run of consecutive sentences no longer than GAP_MAX_SIDE (a moved
    pair can leave a hole in a run; such runs are left as they are)."""
    return 0 < len(indices) <= GAP_MAX_SIDE and indices[-1] - indices[0] == len(indices) - 1


def _band_scores(band: Band, va: Views, vb: Views) -> np.ndarray:
    """1-1 score of every band cell (p, q) = sentences (p-1, q-1); 0 on row/column 0."""
    start = band.start
    out = np.zeros(int(start[-1]), dtype=np.uint8)
    n = len(band.lo) - 1
    p = 1
    while p <= n:
        # Take rows while the block they span is mostly band (a diagonal band must not
        # turn into a dense square) and stays under BLOCK_CELLS.
        p_end, c_lo, inside = p, max(int(band.lo[p]), 1), 0
        while p_end <= n:
            area = (p_end - p + 1) * (int(band.hi[p_end]) - c_lo + 1)
            inside += int(band.hi[p_end] - band.lo[p_end] + 1)
            if p_end > p and (area > BLOCK_CELLS or area > 2 * inside + 4096):
                break
            p_end += 1
        c_hi = int(band.hi[p_end - 1])
        if c_hi >= c_lo:
            block = block_scores(va, slice(p - 1, p_end - 1), vb, slice(c_lo - 1, c_hi))
            for r in range(p, p_end):
                lo, hi = max(int(band.lo[r]), c_lo), int(band.hi[r])
                first = int(start[r]) + lo - int(band.lo[r])
                out[first:first + hi - lo + 1] = block[r - p, lo - c_lo:hi - c_lo + 1]
        p = p_end
    return out


def _gains(band: Band, one: np.ndarray, va: Views, vb: Views, da: int, db: int,
           floor: float, unit: float) -> tuple[np.ndarray, np.ndarray]:
    """(gain, score) per band cell for linking a[p-da:p] with b[q-db:q]: the score above
    `floor`, minus a merge penalty and a length-ratio prior (Gale-Church's intuition:
    a sentence and its rewrite or translation have similar lengths)."""
    gain = np.full(len(one), -np.inf)
    score = np.zeros(len(one), dtype=np.uint8)
    p, q = band.cells
    valid = (p >= da) & (q >= db)
    if (da, db) == (1, 1):
        cells = np.flatnonzero(valid)
        score[cells] = one[cells]
    else:
        # Only try a group where its best 1-1 part already looks like a match; the more
        # sentences a group has, the more chances of a fluke, so big groups need more.
        seed = np.zeros(len(one), dtype=np.uint8)
        start, lo, hi = band.start, band.lo, band.hi
        for x in range(da):
            row = np.maximum(p - x, 0)  # invalid cells may point above row 0
            for y in range(db):
                col = q - y
                idx = np.flatnonzero(valid & (col >= lo[row]) & (col <= hi[row]))
                seed[idx] = np.maximum(seed[idx], one[start[row[idx]] + col[idx] - lo[row[idx]]])
        need = MERGE_SEED + BIG_GROUP_SEED * (da + db > 4)
        cells = np.flatnonzero(valid & (seed >= need))
        cells = cells[_skew(va, vb, p[cells], q[cells], da, db) <= MERGE_MAX_SKEW]
        if len(cells):
            score[cells] = pair_scores(*_joined(va, p[cells], da), *_joined(vb, q[cells], db))
    len_a = va.group_lengths(p[cells], da)
    len_b = vb.group_lengths(q[cells], db)
    skew = np.maximum(np.abs(np.log(len_a / len_b)) - LENGTH_TOLERANCE, 0.0)
    # Weighted by text length (in typical sentences), so gluing a short line onto a
    # good link earns next to nothing and the merge penalty keeps it out.
    weight = (len_a + len_b) / unit
    gain[cells] = (weight * (score[cells].astype(np.float64) - floor - LENGTH_WEIGHT * skew)
                   - MERGE_PENALTY * (da + db - 2))
    return gain, score


def _joined(v: Views, ends: np.ndarray, count: int) -> tuple[list[str], list[str]]:
    """Char and word views of the `count` sentences ending before each index in `ends`,
    each distinct group joined once."""
    uniq, back = np.unique(ends, return_inverse=True)
    chars = np.array([" ".join(v.chars[e - count:e]) for e in uniq.tolist()] or [""], dtype=object)
    words = np.array(["".join(v.words[e - count:e]) for e in uniq.tolist()] or [""], dtype=object)
    return chars[back].tolist(), words[back].tolist()


def _skew(va: Views, vb: Views, p: np.ndarray, q: np.ndarray, da: int, db: int) -> np.ndarray:
    """|log(length ratio)| of the groups a[p-da:p] and b[q-db:q]."""
    return np.abs(np.log(va.group_lengths(p, da) / vb.group_lengths(q, db)))


def _typical_length(va: Views, vb: Views) -> float:
    """Median sentence length: the unit that link gains are counted in."""
    lengths = [len(c) + 1 for c in (*va.chars, *vb.chars)]
    return max(float(np.median(lengths)), 1.0) if lengths else 1.0


def _kind(a: list[Sentence], b: list[Sentence], ai: tuple[int, ...], bj: tuple[int, ...]) -> str:
    same = fold(" ".join(a[i].text for i in ai)) == fold(" ".join(b[j].text for j in bj))
    return "same" if same else "changed"


def _pair_leftovers(links: list[Pair], va: Views, vb: Views) -> list[Pair]:
    """Second pass: pair strong out-of-order matches among unpaired sentences.

    A new pair takes the place of its A sentence's `dropped` entry (reading order of A)
    and its B sentence's `added` entry disappears; it is `moved` if it crosses a link."""
    drops = [p.a[0] for p in links if p.kind == "dropped"]
    adds = [p.b[0] for p in links if p.kind == "added"]
    if not drops or not adds:
        return links
    if len(drops) * len(adds) <= MOVE_GRID_CELLS:
        grid = block_scores(va, drops, vb, adds)
        rows, cols = np.nonzero(grid >= MOVE_MIN_SCORE)
        cands = [(int(grid[r, c]), drops[r], adds[c]) for r, c in zip(rows, cols)]
    else:
        votes = shared_rare_pairs([va.stems[i] for i in drops], [vb.stems[j] for j in adds], 3)
        pairs = sorted((drops[r], adds[c]) for (r, c), v in votes.items() if v >= 2)
        scores = pair_scores([va.chars[i] for i, _ in pairs], [va.words[i] for i, _ in pairs],
                             [vb.chars[j] for _, j in pairs], [vb.words[j] for _, j in pairs])
        cands = [(int(s), i, j) for s, (i, j) in zip(scores, pairs) if s >= MOVE_MIN_SCORE]
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    order = _MainOrder(links)
    matched: dict[int, tuple[int, int]] = {}
    used_b: set[int] = set()
    for score, i, j in cands:
        if i not in matched and j not in used_b:
            matched[i] = (j, score)
            used_b.add(j)
    if not matched:
        return links
    out: list[Pair] = []
    for p in links:
        if p.kind == "dropped" and p.a[0] in matched:
            i = p.a[0]
            j, score = matched[i]
            out.append(Pair("changed", (i,), (j,), float(score), moved=order.crosses(i, j)))
        elif not (p.kind == "added" and p.b[0] in used_b):
            out.append(p)
    return out


class _MainOrder:
    """The monotone links of the main alignment, to test whether a new pair crosses one."""

    def __init__(self, links: list[Pair]) -> None:
        main = [p for p in links if p.a and p.b]  # already in increasing order on both sides
        self.a_lo = np.array([min(p.a) for p in main], dtype=np.int64)
        self.a_hi = np.array([max(p.a) for p in main], dtype=np.int64)
        b_lo = np.array([min(p.b) for p in main], dtype=np.int64)
        b_hi = np.array([max(p.b) for p in main], dtype=np.int64)
        self.b_hi_before = np.maximum.accumulate(b_hi) if len(main) else b_hi
        self.b_lo_after = np.minimum.accumulate(b_lo[::-1])[::-1] if len(main) else b_lo

    def crosses(self, i: int, j: int) -> bool:
        before = int(np.searchsorted(self.a_hi, i))  # links wholly before sentence i
        after = int(np.searchsorted(self.a_lo, i, side="right"))  # links wholly after it
        return bool((before and self.b_hi_before[before - 1] > j)
                    or (after < len(self.a_lo) and self.b_lo_after[after] < j))
