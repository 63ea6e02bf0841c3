"""Align the sentences of two versions of a story.

1. Score sentence pairs with rapidfuzz (reader.align.score) inside a band: the whole
   grid for article-sized inputs, a band around anchors for long ones (reader.align.band).
2. Candidate links (reader.align.links) group up to four sentences on one side (1-1,
   1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1); promising groups are rescored as
   concatenated text, so a split sentence scores as a whole. A link must beat MIN_SCORE
   to be worth anything, which keeps unrelated sentences (even ones naming the same
   places) apart. A monotone DP (reader.align.dp) picks the best chain of links, the
   rest of the sentences stay unpaired.
3. A second pass pairs leftover dropped and added sentences that match strongly out of
   order and flags those that cross the main order as `moved`.
4. Small runs of unpaired sentences left between two links are realigned with a lower
   floor (the neighbours vouch for the position), which recovers loose translations and
   heavy paraphrases without pairing unrelated text elsewhere.
5. What is still unpaired on both sides then has no place in the order, so a leftover
   pair as good as an anchor is claimed too: a rewrite moves and cuts sentences (a
   clause lifted out of a longer one scores too low for step 3 and has too unequal a
   length for the in-order links). Step 3 keeps its higher bar because it runs first,
   before the in-order gaps are settled; a weaker pair there could take a sentence
   that belongs in a gap.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from reader.align.band import (
    ANCHOR_MIN_SCORE,
    Band,
    anchored_band,
    anchors,
    score_band,
    shared_rare_pairs,
)
from reader.align.dp import best_chain
from reader.align.links import candidate_links
from reader.align.score import Views, block_scores, build_views, pair_scores
from reader.comparison_model import Alignment, Pair, Sentence

MIN_SCORE = 40  # a link scoring below this is worth less than leaving both sides unpaired
GAP_FLOOR = 18  # the floor inside a gap between two links
GAP_MAX_SIDE = 6  # larger gaps are real insertions/deletions, not loose matches
MOVE_MIN_SCORE = 55  # an out-of-order pair must be this good to be claimed before the gaps
LATE_MOVE_MIN_SCORE = ANCHOR_MIN_SCORE  # ... and this good after them (step 5)
FULL_GRID_CELLS = 60_000  # up to this n*m the band is the whole grid
MOVE_GRID_CELLS = 250_000  # leftovers up to this n*m are compared all against all


class _Link(NamedTuple):
    """A pair while it is being worked out (cheap to make; becomes a Pair at the end)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float = 0.0
    moved: bool = False


def align(a: Sequence[Sentence], b: Sequence[Sentence]) -> Alignment:
    """Align two sentence lists; every sentence lands in exactly one pair (see module doc)."""
    a, b = list(a), list(b)
    va, vb = build_views([s.text for s in a], [s.text for s in b])
    n, m = len(a), len(b)
    band = Band.full(n, m) if n * m <= FULL_GRID_CELLS else anchored_band(n, m, anchors(va, vb))
    unit = _typical_length(va, vb)
    links = _with_unpaired(_solve(band, va, vb, MIN_SCORE, unit), 0, n, 0, m)
    leftover = _leftover_matches(links, va, vb)  # gap filling only ever pairs more
    links = _fill_gaps(_pair_leftovers(links, leftover, MOVE_MIN_SCORE), va, vb, unit)
    links = _pair_leftovers(links, leftover, LATE_MOVE_MIN_SCORE)
    return Alignment(a, b, [Pair(_kind(va, vb, x.a, x.b), x.a, x.b, x.score, x.moved)
                            for x in links])


def align_sections(a: Sequence[Sentence], b: Sequence[Sentence]) -> Alignment:
    """Headline with headline, whatever the rewrite did to its wording (it is the same
    slot of the page); standfirst and body aligned together as one text, since a rewrite
    moves sentences between them."""
    head_a = [s for s in a if s.section == "headline"][:1]
    head_b = [s for s in b if s.section == "headline"][:1]
    rest = align([s for s in a if s.section != "headline"], [s for s in b if s.section != "headline"])
    if not head_a and not head_b:
        return rest
    if head_a and head_b:
        va, vb = build_views([head_a[0].text], [head_b[0].text])
        score = float(block_scores(va, [0], vb, [0])[0, 0])
        heads = [Pair(_kind(va, vb, (0,), (0,)), (0,), (0,), score)]
    else:
        heads = [Pair("dropped", (0,), (), 0.0)] if head_a else [Pair("added", (), (0,), 0.0)]
    na, nb = len(head_a), len(head_b)
    shifted = [Pair(p.kind, tuple(i + na for i in p.a), tuple(j + nb for j in p.b), p.score, p.moved)
               for p in rest.pairs]
    return Alignment(head_a + rest.a, head_b + rest.b, heads + shifted)


def _solve(band: Band, va: Views, vb: Views, floor: float, unit: float
           ) -> list[tuple[int, int, int, int, float]]:
    """Best monotone links inside the band as (a0, a1, b0, b1, score): A [a0, a1) with
    B [b0, b1)."""
    links = candidate_links(band, score_band(band, va, vb), va, vb, floor, unit)
    firsts_a, firsts_b = links.p - links.da, links.q - links.db
    chain = best_chain(firsts_a, firsts_b, links.p, links.q, links.gain, len(vb.chars))
    return list(zip(firsts_a[chain].tolist(), links.p[chain].tolist(), firsts_b[chain].tolist(),
                    links.q[chain].tolist(), links.score[chain].astype(float).tolist()))


def _with_unpaired(links: list[tuple[int, int, int, int, float]], a0: int, a1: int, b0: int,
                   b1: int) -> list[_Link]:
    """The links of A [a0, a1) x B [b0, b1) with the sentences between them unpaired (B's
    added ones first)."""
    out: list[_Link] = []
    for i0, i1, j0, j1, score in links:
        out += _unpaired(a0, i0, b0, j0)
        out.append(_Link(tuple(range(i0, i1)), tuple(range(j0, j1)), score))
        a0, b0 = i1, j1
    return out + _unpaired(a0, a1, b0, b1)


def _unpaired(a0: int, a1: int, b0: int, b1: int) -> list[_Link]:
    return [_Link((), (j,)) for j in range(b0, b1)] + [_Link((i,), ()) for i in range(a0, a1)]


def _fill_gaps(links: list[_Link], va: Views, vb: Views, unit: float) -> list[_Link]:
    """Realign the small runs of unpaired sentences sandwiched between two links with a
    lower floor: there, the neighbours vouch for the position and a weak match (a loose
    translation, a heavy paraphrase) is more likely than a coincidence. All the runs are
    solved at once, as one band made of their boxes."""
    pieces: list[list[_Link] | tuple[int, int, int, int]] = []  # links kept, or a box to solve
    run: list[_Link] = []
    for x in links:
        if not (x.a and x.b):
            run.append(x)
            continue
        if run and pieces:
            gap_a = [i for g in run for i in g.a]
            gap_b = [j for g in run for j in g.b]
            if _small_block(gap_a) and _small_block(gap_b):
                run = (gap_a[0], gap_a[-1] + 1, gap_b[0], gap_b[-1] + 1)
        pieces += [run, [x]]
        run = []
    pieces.append(run)
    boxes = [x for x in pieces if isinstance(x, tuple)]
    if not boxes:
        return links
    found = _solve(Band.rectangles(len(va.chars), len(vb.chars), boxes), va, vb, GAP_FLOOR, unit)
    starts = [f[0] for f in found]
    out: list[_Link] = []
    for x in pieces:
        if isinstance(x, tuple):
            out += _with_unpaired(found[bisect_left(starts, x[0]):bisect_left(starts, x[1])], *x)
        else:
            out += x
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
    """dropped / added, or "same" when both sides are equal after folding (quotes,
    dashes, spaces), else "changed"."""
    if not bj:
        return "dropped"
    if not ai:
        return "added"
    if len(ai) == len(bj) == 1:
        same = va.folded[ai[0]] == vb.folded[bj[0]]
    else:
        same = (" ".join(t for i in ai if (t := va.folded[i]))
                == " ".join(t for j in bj if (t := vb.folded[j])))
    return "same" if same else "changed"


def _leftover_matches(links: list[_Link], va: Views, vb: Views) -> list[tuple[int, int, int]]:
    """(score, i, j) of every pair of a dropped A and an added B sentence scoring at least
    LATE_MOVE_MIN_SCORE, best first (ties: reading order), for both leftover passes."""
    drops = [x.a[0] for x in links if not x.b]
    adds = [x.b[0] for x in links if not x.a]
    if not drops or not adds:
        return []
    if len(drops) * len(adds) <= MOVE_GRID_CELLS:
        grid = block_scores(va, drops, vb, adds)
        rows, cols = np.nonzero(grid >= LATE_MOVE_MIN_SCORE)
        cands = [(int(grid[r, c]), drops[r], adds[c]) for r, c in zip(rows, cols)]
    else:
        i, j, votes = shared_rare_pairs(va, vb, 3, drops, adds)
        i, j = i[votes >= 2].tolist(), j[votes >= 2].tolist()
        scores = pair_scores([va.chars[x] for x in i], [va.words[x] for x in i],
                             [vb.chars[y] for y in j], [vb.words[y] for y in j])
        cands = [(int(s), x, y) for s, x, y in zip(scores, i, j) if s >= LATE_MOVE_MIN_SCORE]
    return sorted(cands, key=lambda c: (-c[0], c[1], c[2]))


def _pair_leftovers(links: list[_Link], matches: list[tuple[int, int, int]], least: float
                    ) -> list[_Link]:
    """Pair out-of-order `matches` scoring at least `least` whose sentences are both
    still unpaired, best first.

    A new pair takes the place of its A sentence's `dropped` entry (reading order of A)
    and its B sentence's `added` entry disappears; it is `moved` if it crosses a link."""
    drops = {x.a[0] for x in links if not x.b}
    adds = {x.b[0] for x in links if not x.a}
    cands = [c for c in matches if c[0] >= least and c[1] in drops and c[2] in adds]
    matched: dict[int, tuple[int, int]] = {}
    used_b: set[int] = set()
    for score, i, j in cands:
        if i not in matched and j not in used_b:
            matched[i] = (j, score)
            used_b.add(j)
    if not matched:
        return links
    order = _MainOrder(links)
    # A new pair is moved if it crosses the main order or a better new pair left in it
    # (`matched` is best first), so the unmoved pairs stay monotone on both sides.
    moved: dict[int, bool] = {}
    kept: list[tuple[int, int]] = []
    for i, (j, _) in matched.items():
        moved[i] = order.crosses(i, j) or any((i - p) * (j - q) < 0 for p, q in kept)
        if not moved[i]:
            kept.append((i, j))
    out: list[_Link] = []
    for x in links:
        if not x.b and x.a[0] in matched:
            i = x.a[0]
            j, score = matched[i]
            out.append(_Link((i,), (j,), float(score), moved[i]))
        elif x.a or x.b[0] not in used_b:
            out.append(x)
    return out


class _MainOrder:
    """The monotone links of the main alignment, to test whether a new pair crosses one."""

    def __init__(self, links: list[_Link]) -> None:
        # Links not flagged moved: already in increasing order on both sides (the pairs
        # an earlier pass moved are not the order a later one is measured against).
        main = [x for x in links if x.a and x.b and not x.moved]
        self.a_lo = np.array([x.a[0] for x in main], dtype=np.int64)
        self.a_hi = np.array([x.a[-1] for x in main], dtype=np.int64)
        b_lo = np.array([x.b[0] for x in main], dtype=np.int64)
        b_hi = np.array([x.b[-1] for x in main], dtype=np.int64)
        self.b_hi_before = np.maximum.accumulate(b_hi) if len(main) else b_hi
        self.b_lo_after = np.minimum.accumulate(b_lo[::-1])[::-1] if len(main) else b_lo

    def crosses(self, i: int, j: int) -> bool:
        before = int(np.searchsorted(self.a_hi, i))  # links wholly before sentence i
        after = int(np.searchsorted(self.a_lo, i, side="right"))  # links wholly after it
        return bool((before and self.b_hi_before[before - 1] > j)
                    or (after < len(self.a_lo) and self.b_lo_after[after] < j))
