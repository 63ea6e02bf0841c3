"""Align the sentences of two versions of a story.

1. Score sentence pairs with rapidfuzz (reader.align_score) inside a band: the whole
   grid for article-sized inputs, a band around anchors for long ones (reader.align_band).
2. Candidate links (reader.align_links) group up to four sentences on one side (1-1,
   1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1); promising groups are rescored as
   concatenated text, so a split sentence scores as a whole. A link must beat MIN_SCORE
   to be worth anything, which keeps unrelated sentences (even ones naming the same
   places) apart. A monotone DP (reader.align_dp) picks the best chain of links, the
   rest of the sentences stay unpaired.
3. A second pass pairs leftover dropped and added sentences that match strongly out of
   order and flags those that cross the main order as `moved`.
4. Small runs of unpaired sentences left between two links are realigned with a lower
   floor (the neighbours vouch for the position), which recovers loose translations and
   heavy paraphrases without pairing unrelated text elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reader.align_band import Band, anchored_band, anchors, score_band, shared_rare_pairs
from reader.align_dp import best_chain
from reader.align_links import candidate_links
from reader.align_score import Views, block_scores, build_views, pair_scores
from reader.model import Alignment, Pair, Sentence

MIN_SCORE = 40  # a link scoring below this is worth less than leaving both sides unpaired
GAP_FLOOR = 18  # the floor inside a gap between two links
GAP_MAX_SIDE = 6  # larger gaps are real insertions/deletions, not loose matches
MOVE_MIN_SCORE = 55  # an out-of-order pair must be this good to be claimed
FULL_GRID_CELLS = 60_000  # up to this n*m the band is the whole grid
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
    links = [Pair(_kind(va, vb, p.a, p.b), p.a, p.b, p.score, p.moved) if p.a and p.b else p
             for p in links]
    return Alignment(a, b, links)


def _solve(band: Band, va: Views, vb: Views, floor: float, unit: float, i0: int = 0,
           j0: int = 0) -> list[Pair]:
    """Best monotone links inside the band, unpaired sentences between them (B's added
    ones first); indices shifted by (i0, j0). Linked pairs get the provisional kind
    "changed"; the caller decides which are "same"."""
    n, m = len(va.chars), len(vb.chars)
    links = candidate_links(band, score_band(band, va, vb), va, vb, floor, unit)
    ends_a, ends_b = links.p - links.da, links.q - links.db
    out: list[Pair] = []
    done_a = done_b = 0
    for k in best_chain(ends_a, ends_b, links.p, links.q, links.gain, m):
        p, q = int(links.p[k]), int(links.q[k])
        first_a, first_b = int(ends_a[k]), int(ends_b[k])
        out += _unpaired(done_a, first_a, done_b, first_b, i0, j0)
        out.append(Pair("changed", tuple(range(i0 + first_a, i0 + p)),
                        tuple(range(j0 + first_b, j0 + q)), float(links.score[k])))
        done_a, done_b = p, q
    return out + _unpaired(done_a, n, done_b, m, i0, j0)


def _unpaired(a0: int, a1: int, b0: int, b1: int, i0: int, j0: int) -> list[Pair]:
    return ([Pair("added", (), (j0 + j,), 0.0) for j in range(b0, b1)]
            + [Pair("dropped", (i0 + i,), (), 0.0) for i in range(a0, a1)])


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


def _typical_length(va: Views, vb: Views) -> float:
    """Median sentence length: the unit that link gains are counted in."""
    lengths = np.concatenate((np.diff(va.cum_len), np.diff(vb.cum_len)))
    return max(float(np.median(lengths)), 1.0) if len(lengths) else 1.0


def _kind(va: Views, vb: Views, ai: tuple[int, ...], bj: tuple[int, ...]) -> str:
    """"same" when the two sides are equal after folding (quotes, dashes, spaces)."""
    if len(ai) == len(bj) == 1:
        same = va.folded[ai[0]] == vb.folded[bj[0]]
    else:
        same = (" ".join(t for i in ai if (t := va.folded[i]))
                == " ".join(t for j in bj if (t := vb.folded[j])))
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
