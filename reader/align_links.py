"""Candidate links for the aligner and what each is worth.

A link pairs a group of `da` consecutive A sentences with `db` consecutive B sentences
(1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1). Its gain is its score above a floor,
weighted by the text it covers (in typical sentences), minus a length-ratio prior
(Gale-Church's intuition: a sentence and its rewrite or translation have similar
lengths) and a penalty per extra sentence in a group. Only links with a positive gain
are returned: anything else is worth less than leaving the sentences unpaired.

1-1 links come straight from the band's scores. A group is only tried where one of its
1-1 cells already looks like a match (big groups need more), its lengths are compatible,
and an upper bound on its score, computed from the 1-1 scores of its cells without
rescoring, says it could beat the best 1-1 link inside it; only those few are rescored
as concatenated text (slices of the documents' joined views).

Coordinates are the DP grid's: a link ending at cell (p, q) covers A [p-da, p) and
B [q-db, q).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reader.align_band import Band, BandScores
from reader.align_score import Views, combine, distinct, pair_scores

MOVES = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1)]
MERGE_PENALTY = 10.0  # per extra sentence in a group: a merge must clearly beat 1-1 + gap
MERGE_SEED = 30  # a group is only tried where one of its 1-1 cells scores at least this
BIG_GROUP_SEED = 8  # extra seed score for groups of five sentences or more
LENGTH_TOLERANCE = 0.2  # |log(length ratio)| allowed for free
LENGTH_WEIGHT = 30.0  # score points lost per unit of log length ratio beyond that
MERGE_MAX_SKEW = 0.6  # groups whose lengths differ more than e^0.6 (1.8x) are not tried


@dataclass(frozen=True)
class Links:
    """Candidate links as parallel arrays: end cell (p, q), group sizes, gain, score."""

    p: np.ndarray
    q: np.ndarray
    da: np.ndarray
    db: np.ndarray
    gain: np.ndarray
    score: np.ndarray


def candidate_links(band: Band, scores: BandScores, va: Views, vb: Views, floor: float,
                    unit: float) -> Links:
    """Every link with a positive gain (see module doc)."""
    cells_p, cells_q = band.cells
    found = np.flatnonzero((scores.one > floor) & (cells_p > 0) & (cells_q > 0))
    p, q, score = cells_p[found], cells_q[found], scores.one[found]
    gain = _gain(va, vb, p, q, 1, 1, score, floor, unit)
    keep = gain > 0
    best_one = np.zeros(len(scores.one))  # the 1-1 gain of every band cell (0 if none)
    best_one[found[keep]] = gain[keep]
    parts = [(p[keep], q[keep], 1, 1, gain[keep], score[keep])]
    for da, db in MOVES[1:]:
        parts.append(_group_links(band, scores, best_one, va, vb, da, db, floor, unit))
    return Links(
        p=np.concatenate([x[0] for x in parts]).astype(np.int64),
        q=np.concatenate([x[1] for x in parts]).astype(np.int64),
        da=np.concatenate([np.full(len(x[0]), x[2]) for x in parts]).astype(np.int64),
        db=np.concatenate([np.full(len(x[0]), x[3]) for x in parts]).astype(np.int64),
        gain=np.concatenate([x[4] for x in parts]),
        score=np.concatenate([x[5] for x in parts]).astype(np.uint8),
    )


def _gain(va: Views, vb: Views, p: np.ndarray, q: np.ndarray, da: int, db: int,
          score: np.ndarray, floor: float, unit: float) -> np.ndarray:
    len_a, len_b = va.group_lengths(p, da), vb.group_lengths(q, db)
    skew = np.maximum(np.abs(np.log(len_a / len_b)) - LENGTH_TOLERANCE, 0.0)
    # Weighted by text length (in typical sentences), so gluing a short line onto a
    # good link earns next to nothing and the merge penalty keeps it out.
    weight = (len_a + len_b) / unit
    return (weight * (score.astype(np.float64) - floor - LENGTH_WEIGHT * skew)
            - MERGE_PENALTY * (da + db - 2))


def _group_links(band: Band, scores: BandScores, best_one: np.ndarray, va: Views, vb: Views,
                 da: int, db: int, floor: float, unit: float) -> tuple:
    """The da x db links worth having: seeded, length-compatible, bounded, rescored."""
    n, m = len(va.chars), len(vb.chars)
    cells_p, cells_q = band.cells
    need = MERGE_SEED + BIG_GROUP_SEED * (da + db > 4)
    seeds = np.flatnonzero((scores.one >= need) & (cells_p > 0) & (cells_q > 0))
    # Every group containing a seed cell: shift the seeds by up to (da-1, db-1).
    dx, dy = np.divmod(np.arange(da * db), db)
    p = (cells_p[seeds][:, None] + dx).ravel()
    q = (cells_q[seeds][:, None] + dy).ravel()
    ok = (p >= da) & (p <= n) & (q >= db) & (q <= m)
    p, q = np.divmod(distinct(p[ok] * (m + 1) + q[ok]), m + 1)
    len_a, len_b = va.group_lengths(p, da), vb.group_lengths(q, db)
    fits = np.abs(np.log(len_a / len_b)) <= MERGE_MAX_SKEW
    p, q = p[fits], q[fits]
    inner = band.index(p[:, None] - dx, q[:, None] - dy)  # the group's 1-1 cells
    whole = (inner >= 0).all(axis=1)  # a group lies wholly inside the band
    p, q, inner = p[whole], q[whole], inner[whole]
    rival = _best_inner_chain(best_one[inner], da, db)
    bound = _score_bound(scores, inner, va, vb, p, q, da, db, dx, dy)
    hopeful = _gain(va, vb, p, q, da, db, bound, floor, unit) > rival
    p, q, rival = p[hopeful], q[hopeful], rival[hopeful]
    score = pair_scores(*va.joined(p, da), *vb.joined(q, db))
    gain = _gain(va, vb, p, q, da, db, score, floor, unit)
    good = gain > rival  # a group that does not beat the 1-1 links inside it is never needed
    return p[good], q[good], da, db, gain[good], score[good]


def _best_inner_chain(one: np.ndarray, da: int, db: int) -> np.ndarray:
    """Per group, the best total gain of a monotone chain of 1-1 links inside it (its
    cells' gains given as rows of da*db values): what the group must beat."""
    one = one.reshape(len(one), da, db)
    best = np.zeros((len(one), da + 1, db + 1))
    for x in range(1, da + 1):
        for y in range(1, db + 1):
            best[:, x, y] = np.maximum(np.maximum(best[:, x - 1, y], best[:, x, y - 1]),
                                       best[:, x - 1, y - 1] + one[:, x - 1, y - 1])
    return best[:, da, db]


def _score_bound(scores: BandScores, inner: np.ndarray, va: Views, vb: Views, p: np.ndarray,
                 q: np.ndarray, da: int, db: int, dx: np.ndarray, dy: np.ndarray
                 ) -> np.ndarray:
    """An upper bound on each group's score from its cells' 1-1 view scores.

    fuzz.ratio is 200 * LCS / (total length), and the LCS of two concatenations is at
    most the sum of the LCS of their parts (plus one per separator space), each part's
    LCS recovered from its rounded 1-1 ratio and capped by the shorter side."""
    ia, jb = p[:, None] - dx - 1, q[:, None] - dy - 1  # sentence indices of the cells
    bounds = []
    for view, lengths_a, lengths_b, sep in (
            (scores.char, va.char_lengths, vb.char_lengths, 1),
            (scores.word, va.word_lengths, vb.word_lengths, 0)):
        la, lb = lengths_a[ia], lengths_b[jb]
        ratio = view[inner].astype(np.float64) + 0.5
        lcs = np.minimum(ratio * (la + lb) / 200.0, np.minimum(la, lb))
        lcs = lcs.reshape(len(p), da, db)
        group_a = la.reshape(len(p), da, db)[:, :, 0]
        group_b = lb.reshape(len(p), da, db)[:, 0, :]
        by_a = np.minimum(group_a, lcs.sum(axis=2) + sep * (db - 1)).sum(axis=1) + sep * (da - 1)
        by_b = np.minimum(group_b, lcs.sum(axis=1) + sep * (da - 1)).sum(axis=1) + sep * (db - 1)
        total_a = group_a.sum(axis=1) + sep * (da - 1)
        total_b = group_b.sum(axis=1) + sep * (db - 1)
        lcs_bound = np.minimum(np.minimum(by_a, by_b), np.minimum(total_a, total_b))
        ratio_bound = np.where(total_a + total_b > 0,
                               200.0 * lcs_bound / np.maximum(total_a + total_b, 1), 100.0)
        bounds.append(np.minimum(np.floor(ratio_bound + 0.5), 100).astype(np.uint8))
    no_words = (va.cum_words[p] == va.cum_words[p - da]) & (vb.cum_words[q] == vb.cum_words[q - db])
    return combine(bounds[0], bounds[1], no_words)
