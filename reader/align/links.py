"""Candidate links for the aligner and what each is worth.

A link pairs a group of `da` consecutive A sentences with `db` consecutive B sentences
(1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1). Its gain is its score above a floor,
weighted by the text it covers (in typical sentences), minus a length-ratio prior
(Gale-Church's intuition: a sentence and its rewrite or translation have similar
lengths) and a penalty per extra sentence in a group. Only links with a positive gain
are returned: anything else is worth less than leaving the sentences unpaired.

1-1 links come straight from the band's scores. A group is only tried where one of its
1-1 cells already looks like a match (big groups need more), it lies inside the band and
its lengths are compatible. It must then beat its rival: the best chain of smaller links
inside it, which could always take its place, so a group that cannot beat it is never
part of the best alignment and is left out without changing the result. An upper bound
on its score, from the 1-1 view scores of its cells, discards most groups without
rescoring; the rest are rescored as concatenated text (slices of the documents' joined
views), the cheap word view first.

Coordinates are the DP grid's: a link ending at cell (p, q) covers A [p-da, p) and
B [q-db, q).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reader.align.band import Band, BandScores
from reader.align.score import Views, combine, distinct, ratios

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
    """Every link with a positive gain that could be part of the best chain (see module
    doc). Moves are tried smallest first, so each group is measured against the best
    chain of the smaller links already found inside it."""
    cells_p, cells_q = band.cells
    found = np.flatnonzero((scores.one > floor) & (cells_p > 0) & (cells_q > 0))
    p, q, score = cells_p[found], cells_q[found], scores.one[found]
    gain = link_gain(va, vb, p, q, 1, 1, score, floor, unit)
    keep = gain > 0
    parts = [(p[keep], q[keep], 1, 1, gain[keep], score[keep])]
    known: dict[tuple[int, int], np.ndarray] = {}  # move -> gain of every band cell (0: none)
    known[(1, 1)] = np.zeros(len(scores.one))
    known[(1, 1)][found[keep]] = gain[keep]
    for da, db in MOVES[1:]:
        part = _group_links(band, scores, known, va, vb, da, db, floor, unit)
        parts.append(part)
        if any(da <= x and db <= y and (da, db) != (x, y) for x, y in MOVES):
            known[(da, db)] = np.zeros(len(scores.one))
            known[(da, db)][band.index(part[0], part[1])] = part[4]
    return Links(
        p=np.concatenate([x[0] for x in parts]).astype(np.int64),
        q=np.concatenate([x[1] for x in parts]).astype(np.int64),
        da=np.concatenate([np.full(len(x[0]), x[2]) for x in parts]).astype(np.int64),
        db=np.concatenate([np.full(len(x[0]), x[3]) for x in parts]).astype(np.int64),
        gain=np.concatenate([x[4] for x in parts]),
        score=np.concatenate([x[5] for x in parts]).astype(np.uint8),
    )


def link_gain(va: Views, vb: Views, p: np.ndarray, q: np.ndarray, da: int, db: int,
              score: np.ndarray, floor: float, unit: float) -> np.ndarray:
    """Gain of the da x db links ending at cells (p, q) with these scores (module doc)."""
    len_a, len_b = va.group_lengths(p, da), vb.group_lengths(q, db)
    skew = np.maximum(np.abs(np.log(len_a / len_b)) - LENGTH_TOLERANCE, 0.0)
    # Weighted by text length (in typical sentences), so gluing a short line onto a
    # good link earns next to nothing and the merge penalty keeps it out.
    weight = (len_a + len_b) / unit
    return (weight * (score.astype(np.float64) - floor - LENGTH_WEIGHT * skew)
            - MERGE_PENALTY * (da + db - 2))


def _group_links(band: Band, scores: BandScores, known: dict[tuple[int, int], np.ndarray],
                 va: Views, vb: Views, da: int, db: int, floor: float, unit: float) -> tuple:
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
    rival = _best_inner_chain(band, known, p, q, da, db)
    char_bound, word_bound = _view_bounds(scores, inner, va, vb, p, q, da, db, dx, dy)
    no_words = (va.cum_words[p] == va.cum_words[p - da]) & (vb.cum_words[q] == vb.cum_words[q - db])

    def beats_rival(char: np.ndarray, word: np.ndarray) -> np.ndarray:
        score = combine(char, word, no_words)
        return link_gain(va, vb, p, q, da, db, score, floor, unit) > rival

    # Rescore in two steps, the cheap word view first; each step keeps only the groups
    # that could still beat their rival.
    keep = beats_rival(char_bound, word_bound)
    p, q, rival, no_words = p[keep], q[keep], rival[keep], no_words[keep]
    char_bound = char_bound[keep]
    word = ratios(va.joined_words(p, da), vb.joined_words(q, db))
    keep = beats_rival(char_bound, word)
    p, q, rival, word, no_words = p[keep], q[keep], rival[keep], word[keep], no_words[keep]
    score = combine(ratios(va.joined_chars(p, da), vb.joined_chars(q, db)), word, no_words)
    gain = link_gain(va, vb, p, q, da, db, score, floor, unit)
    good = gain > rival  # a group that does not beat the links inside it is never needed
    return p[good], q[good], da, db, gain[good], score[good]


def _best_inner_chain(band: Band, known: dict[tuple[int, int], np.ndarray], p: np.ndarray,
                      q: np.ndarray, da: int, db: int) -> np.ndarray:
    """Per group, the best total gain of a monotone chain of smaller links inside it:
    what the group must beat, since that chain could always take its place."""
    best = np.zeros((len(p), da + 1, db + 1))  # over the group's own prefix grid
    for x in range(da + 1):
        for y in range(db + 1):
            if not x and not y:
                continue
            value = np.maximum(best[:, x - 1, y] if x else 0.0, best[:, x, y - 1] if y else 0.0)
            if x and y:  # links end on the group's own cells, all inside the band
                cell = band.index(p - da + x, q - db + y)
                for (sa, sb), gains in known.items():
                    if sa <= x and sb <= y:
                        value = np.maximum(value, best[:, x - sa, y - sb] + gains[cell])
            best[:, x, y] = value
    return best[:, da, db]


def _view_bounds(scores: BandScores, inner: np.ndarray, va: Views, vb: Views, p: np.ndarray,
                 q: np.ndarray, da: int, db: int, dx: np.ndarray, dy: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Upper bounds on each group's char-view and word-view ratios from its cells' 1-1
    view scores, without rescoring.

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
    return bounds[0], bounds[1]
