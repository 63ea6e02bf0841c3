"""Sentence alignment: groups, gaps, moves, unrelated text kept apart, invariants."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import re

import numpy as np

from reader.align import MIN_SCORE, align
from reader.align.aligner import LATE_MOVE_MIN_SCORE, MOVE_MIN_SCORE, _typical_length
from reader.align.band import Band, anchored_band, anchors, score_band
from reader.align.dp import best_chain
from reader.align.links import (BIG_GROUP_SEED, MERGE_MAX_SKEW, MERGE_SEED, MOVES,
                                _view_bounds, candidate_links, link_gain)
from reader.align.score import block_scores, build_views, pair_scores, ratios
from reader.comparison_model import Alignment, Sentence
from reader.segment import sentences_from_strings
from reader.worddiff import fold, fold_all
from tests.support import ROOT

S = sentences_from_strings

STORY = [
    "Turkey and Russia are discussing possible joint patrols in Syria's Idlib region, "
    "a Turkish official said on Thursday.",
    "The two countries, which back opposing sides in the nine-year-old conflict, have "
    "failed to reach an agreement after two rounds of talks.",
    "A Syrian government offensive has led to some of the most serious confrontations "
    "yet between Ankara and Damascus.",
    "Turkey has taken in about 3.7 million Syrian refugees since the war started.",
    "The United Nations says more than 900,000 people have fled their homes since early December.",
    "Various exercises are being discussed, the official said, adding that both presidents "
    "expected to end the issue.",
]


def by_a(al: Alignment) -> dict[tuple[int, ...], tuple[tuple[int, ...], str, bool]]:
    return {p.a: (p.b, p.kind, p.moved) for p in al.pairs if p.a}


def check_invariants(al: Alignment, n: int, m: int) -> None:
    seen_a = sorted(i for p in al.pairs for i in p.a)
    seen_b = sorted(j for p in al.pairs for j in p.b)
    assert seen_a == list(range(n)) and seen_b == list(range(m))
    for p in al.pairs:
        assert 0 <= p.score <= 100
        assert p.a or p.b
        assert (p.kind == "dropped") == (not p.b)
        assert (p.kind == "added") == (not p.a)
        if p.kind in ("dropped", "added"):
            assert not p.moved
    # Reading order of A: the A sides of the pairs appear in increasing order.
    firsts = [p.a[0] for p in al.pairs if p.a]
    assert firsts == sorted(firsts)


def test_identical_documents_are_all_same():
    al = align(S(STORY), S(STORY))
    assert [(p.kind, p.a, p.b, p.score, p.moved) for p in al.pairs] == [
        ("same", (i,), (i,), 100.0, False) for i in range(len(STORY))]


def test_whitespace_quote_and_dash_variants_are_same_but_case_is_not():
    a = S(["The “worst-case” plan  was dropped.", "Ankara said no."])
    b = S(['The "worst–case" plan was dropped.', "ANKARA SAID NO."])
    kinds = [p.kind for p in align(a, b).pairs]
    assert kinds[0] == "same" and "same" not in kinds[1:]


def test_dropped_and_added_sentences():
    extra = "Roshan Amiri is an advocate for the truth who fights for social justice."
    b = STORY[:2] + [extra] + STORY[3:]  # drops STORY[2], adds an author line
    al = align(S(STORY), S(b))
    pairs = [(p.kind, p.a, p.b) for p in al.pairs]
    assert ("dropped", (2,), ()) in pairs
    assert ("added", (), (2,)) in pairs
    assert sum(p.kind == "same" for p in al.pairs) == len(STORY) - 1
    check_invariants(al, len(STORY), len(b))


def test_added_sentence_is_placed_where_it_occurs_in_b():
    extra = "Iran has offered to mediate between Turkey and Syria if needed by either side."
    b = STORY[:3] + [extra] + STORY[3:]
    al = align(S(STORY), S(b))
    order = [(p.a, p.b) for p in al.pairs]
    assert order.index(((), (3,))) == order.index(((3,), (4,))) - 1


def test_split_and_merge_are_found_as_groups():
    a = STORY[:3] + [STORY[3] + " " + STORY[4]] + [STORY[5]]  # B's 3 and 4 merged in A
    long = STORY[1]
    split = [long[:long.index(", have")] + ".", "They have" + long[long.index(", have") + 6:]]
    b = [STORY[0]] + split + STORY[2:]  # A's sentence 1 split in two in B
    al = align(S(a), S(b))
    groups = by_a(al)
    assert groups[(1,)][0] == (1, 2)
    assert groups[(3,)][0] == (4, 5)
    check_invariants(al, len(a), len(b))


def test_moved_sentence_is_flagged_and_placed_at_a_position():
    b = [STORY[4]] + STORY[:4] + STORY[5:]  # the UN sentence moved to the top
    al = align(S(STORY), S(b))
    groups = by_a(al)
    assert groups[(4,)] == ((0,), "same", True)
    assert all(not moved for (bj, kind, moved) in (groups[(i,)] for i in (0, 1, 2, 3, 5)))
    assert [p.a for p in al.pairs] == [(i,) for i in range(6)]


LIBRARY = [
    "The council voted on Tuesday to close the old library on Mill Street next spring.",
    "Residents had collected four thousand signatures against the plan since January.",
    ("The head librarian, Maria Okafor, who has worked there for twenty years, said the "
     "decision left her heartbroken and angry."),
    "The building will be sold to a developer who plans to build flats.",
    "A smaller reading room will open in the town hall in May.",
]


@pytest.mark.parametrize("cut, paired", [
    ("The head librarian, Maria Okafor, said she was heartbroken.", True),
    ("Maria Okafor, the head librarian, said she was heartbroken.", False),
])
def test_a_clause_cut_from_a_sentence_and_moved_pairs_once_the_gaps_are_settled(cut, paired):
    """A rewrite lifts a clause out of a long sentence and moves it to the end: too short
    for an in-order link, too weak for the first out-of-order pass, but as good as an
    anchor, so the last pass pairs it; a weaker match stays unpaired."""
    b = [LIBRARY[0], LIBRARY[1], LIBRARY[3], LIBRARY[4], cut]
    va, vb = build_views(LIBRARY, b)
    score = int(block_scores(va, [2], vb, [4])[0, 0])
    assert (LATE_MOVE_MIN_SCORE <= score < MOVE_MIN_SCORE) == paired
    al = align(S(LIBRARY), S(b))
    if paired:
        assert by_a(al)[(2,)] == ((4,), "changed", True)
    else:
        assert by_a(al)[(2,)] == ((), "dropped", False)
    assert by_a(al)[(3,)] == ((2,), "same", False)
    check_invariants(al, len(LIBRARY), len(b))


def test_unrelated_sentences_sharing_place_names_stay_unpaired():
    a = S(["Turkey and Russia discussed joint patrols in Idlib, Syria, on Thursday.",
           "Turkey says it cannot take more refugees from Idlib in Syria."])
    b = S(["Floods in Idlib, Syria, damaged camps while Turkey sent tents on Monday.",
           "A football match in Turkey ended in a draw with a team from Syria's Idlib."])
    al = align(a, b)
    assert all(not (p.a and p.b) for p in al.pairs)
    check_invariants(al, 2, 2)


def test_german_rewrite_aligns():
    a = ["Die Türkei und Russland beraten über gemeinsame Patrouillen in der Region Idlib.",
         "Die Vereinten Nationen zählen mehr als 900.000 Vertriebene seit Anfang Dezember.",
         "Ein Sprecher der Regierung lehnte jede Stellungnahme ab."]
    b = ["Die Vereinten Nationen zählen über 900.000 Geflüchtete seit Anfang Dezember.",
         "Die Türkei und Russland verhandeln über gemeinsame Patrouillen in der Region Idlib.",
         "Das Wetter in Berlin bleibt kalt und regnerisch."]
    al = align(S(a), S(b))
    linked = {(p.a, p.b) for p in al.pairs if p.a and p.b}
    assert ((1,), (0,)) in linked and ((0,), (1,)) in linked
    assert not any(2 in p.a or 2 in p.b for p in al.pairs if p.a and p.b)


def test_french_split_aligns():
    a = ["Le nouveau calcul, en tenant compte de tous les facteurs connus, donne 8481 mètres "
         "pour le Makalu, alors que la cote admise pendant un siècle était de 8470 mètres."]
    b = ["Le nouveau calcul, en tenant compte de tous les facteurs connus, donne 8481 mètres "
         "pour le Makalu.", "La cote admise pendant un siècle était de 8470 mètres."]
    al = align(S(a), S(b))
    assert [(p.a, p.b) for p in al.pairs] == [((0,), (0, 1))]
    assert al.pairs[0].kind == "changed"


def test_empty_sides():
    assert align([], []).pairs == []
    assert [(p.kind, p.a) for p in align(S(STORY[:2]), []).pairs] == [("dropped", (0,)), ("dropped", (1,))]
    assert [(p.kind, p.b) for p in align([], S(STORY[:2])).pairs] == [("added", (0,)), ("added", (1,))]


def test_long_documents_use_a_band_that_still_finds_the_alignment():
    lines = [f"Sentence {k} reports that delegation number {k * 7919 % 100003} met in "
             f"town {k * 104729 % 99991} about topic {k * 31 % 977}." for k in range(400)]
    b = lines[:150] + lines[151:] + ["An unrelated closing remark about the weather."]
    va, vb = build_views(lines, b)
    band = anchored_band(len(lines), len(b), anchors(va, vb))
    assert band.start[-1] < 0.2 * (len(lines) + 1) * (len(b) + 1)  # not the full grid
    al = align(S(lines), S(b))
    groups = by_a(al)
    assert groups[(150,)] == ((), "dropped", False)
    assert groups[(151,)][0] == (150,) and groups[(399,)][0] == (398,)
    check_invariants(al, len(lines), len(b))


DEV = ROOT.parent / "shared" / "data" / "align-dev" / "bleualign_dev_1957.json"


@pytest.mark.skipif(not DEV.exists(), reason="development data not present")
def test_bleualign_dev_pair_mostly_matches_gold_links():
    art = json.loads(DEV.read_text(encoding="utf-8"))["articles"][0]
    al = align(S(art["a"]), S(art["b"]))
    check_invariants(al, len(art["a"]), len(art["b"]))
    gold = {(tuple(x), tuple(y)) for x, y in art["links"] if x and y}
    pred = {(p.a, p.b) for p in al.pairs if p.a and p.b}
    assert len(gold & pred) / len(gold) > 0.75 and len(gold & pred) / len(pred) > 0.75


# --- properties -------------------------------------------------------------------

sentence = st.lists(
    st.sampled_from(["Turkey", "Russia", "Idlib", "talks", "patrols", "refugees", "the",
                     "official", "said", "900,000", "fled", "Straße", "été", "東京", "moved",
                     "agreement", "Ankara", "and", "a", "deal"]),
    min_size=1, max_size=9).map(lambda w: " ".join(w) + ".")
docs = st.lists(sentence, max_size=12)


@settings(max_examples=60, deadline=None)
@given(docs, docs)
def test_every_sentence_in_exactly_one_pair(a, b):
    al = align(S(a), S(b))
    check_invariants(al, len(a), len(b))


@settings(max_examples=40, deadline=None)
@given(docs)
def test_self_alignment_is_all_same(a):
    al = align(S(a), S(a))
    assert all(p.kind == "same" and len(p.a) == len(p.b) and not p.moved for p in al.pairs)
    assert sum(len(p.a) for p in al.pairs) == len(a)


@settings(max_examples=40, deadline=None)
@given(docs, docs)
def test_deterministic(a, b):
    assert align(S(a), S(b)).pairs == align(S(a), S(b)).pairs


@settings(max_examples=60, deadline=None)
@given(docs, docs)
@example(["Turkey.", "Turkey Turkey Turkey Idlib.", "Turkey Turkey Turkey Russia."],
         ["Russia.", "Idlib."])  # two leftover pairs crossing each other, not the main order
def test_moved_exactly_when_a_pair_crosses_another(a, b):
    pairs = [p for p in align(S(a), S(b)).pairs if p.a and p.b]
    main = [p for p in pairs if not p.moved]
    for x, y in zip(main, main[1:]):  # the unflagged pairs are monotone on both sides
        assert max(x.a) < min(y.a) and max(x.b) < min(y.b)
    for p in pairs:
        if p.moved:
            assert any((max(q.a) < min(p.a)) != (max(q.b) < min(p.b)) for q in main)


def test_sentences_keep_their_objects():
    a = [Sentence("One sentence here.", 10, 28, 2)]
    al = align(a, a)
    assert al.a == a and al.b == a


# --- the fast paths against plain reference implementations -------------------------


links_st = st.lists(st.tuples(st.integers(0, 7), st.integers(1, 3), st.integers(0, 7),
                              st.integers(1, 3), st.integers(1, 9)), max_size=14)


@settings(max_examples=150, deadline=None)
@given(links_st)
def test_best_chain_is_an_optimal_monotone_chain(raw):
    a0 = np.array([x[0] for x in raw], dtype=np.int64)
    a1 = a0 + [x[1] for x in raw]
    b0 = np.array([x[2] for x in raw], dtype=np.int64)
    b1 = b0 + [x[3] for x in raw]
    gain = np.array([float(x[4]) for x in raw])  # small integers: plenty of ties
    chain = best_chain(a0, b0, a1, b1, gain, int(b1.max(initial=0)))
    for x, y in zip(chain, chain[1:]):
        assert a1[x] <= a0[y] and b1[x] <= b0[y]
    # Reference: best chain ending with each link, links taken in order of their end.
    best = {}
    for x in sorted(range(len(raw)), key=lambda k: (a1[k], b1[k])):
        before = [best[y] for y in best if a1[y] <= a0[x] and b1[y] <= b0[x]]
        best[x] = gain[x] + max(before, default=0.0)
    assert sum(gain[chain]) == max(best.values(), default=0.0)


def test_best_chain_breaks_ties_like_the_grid_dp():
    # One A sentence against two equal B sentences pairs with the last; two equal A
    # sentences against one B sentence pair the first.
    one = np.array([1], dtype=np.int64)
    assert best_chain(np.array([0, 0]), np.array([0, 1]), one.repeat(2), np.array([1, 2]),
                      np.array([5.0, 5.0]), 2) == [1]
    assert best_chain(np.array([0, 1]), np.array([0, 0]), np.array([1, 2]), one.repeat(2),
                      np.array([5.0, 5.0]), 1) == [0]


words = st.sampled_from(["Turkey", "Russia", "Idlib", "talks", "the", "said", "900,000",
                         "fled", "Straße", "été", "東京都で", "a_b", "“quoted”", "—", "deal",
                         "agreement", "Ankara", "and", "refugees", "patrols"])
texts = st.lists(words, min_size=0, max_size=10).map(" ".join)
text_docs = st.lists(texts, min_size=1, max_size=7)


@settings(max_examples=60, deadline=None)
@given(text_docs, text_docs)
def test_band_scores_equal_the_full_matrix(a, b):
    va, vb = build_views(a, b)
    full = block_scores(va, range(len(a)), vb, range(len(b)))
    rng = np.random.default_rng(len(a) * 31 + len(b))
    lo = np.sort(rng.integers(0, len(b) + 1, len(a) + 1))
    hi = np.maximum(lo, np.sort(rng.integers(0, len(b) + 1, len(a) + 1)))
    for band in (Band(lo, hi), Band.full(len(a), len(b))):
        scores = score_band(band, va, vb)
        p, q = band.cells
        inside = (p > 0) & (q > 0)
        assert (scores.one[inside] == full[p[inside] - 1, q[inside] - 1]).all()
        assert (scores.one[~inside] == 0).all()


@settings(max_examples=60, deadline=None)
@given(st.one_of(text_docs, st.lists(st.sampled_from(STORY), min_size=1, max_size=5)), text_docs)
def test_group_view_bounds_hold(a, b):
    va, vb = build_views(a, b + a[::2])
    n, m = len(va.chars), len(vb.chars)
    band = Band.full(n, m)
    scores = score_band(band, va, vb)
    for da, db in MOVES[1:]:
        p, q = np.divmod(np.arange((n + 1) * (m + 1)), m + 1)
        p, q = p[(p >= da) & (q >= db)], q[(p >= da) & (q >= db)]
        if not len(p):
            continue
        dx, dy = np.divmod(np.arange(da * db), db)
        inner = band.index(p[:, None] - dx, q[:, None] - dy)
        char_bound, word_bound = _view_bounds(scores, inner, va, vb, p, q, da, db, dx, dy)
        chars_a = va.joined_chars(p, da)
        words_b = vb.joined_words(q, db)
        assert chars_a == [" ".join(va.chars[x - da:x]) for x in p.tolist()]
        assert words_b == ["".join(vb.words[y - db:y]) for y in q.tolist()]
        assert (ratios(chars_a, vb.joined_chars(q, db)) <= char_bound).all()
        assert (ratios(va.joined_words(p, da), words_b) <= word_bound).all()


def _optimum_without_pruning(va, vb, floor, unit) -> float:
    """The grid DP over every seeded, length-compatible group, each rescored: what the
    pruned candidates must still reach."""
    n, m = len(va.chars), len(vb.chars)
    one = score_band(Band.full(n, m), va, vb).one.reshape(n + 1, m + 1)
    best = np.zeros((n + 1, m + 1))
    for p in range(n + 1):
        for q in range(m + 1):
            value = max(best[p - 1, q] if p else 0.0, best[p, q - 1] if q else 0.0)
            for da, db in MOVES:
                if p < da or q < db:
                    continue
                ends = np.array([p]), np.array([q])
                if (da, db) == (1, 1):
                    score = one[p, q]
                else:
                    if one[p - da + 1:p + 1, q - db + 1:q + 1].max() < \
                            MERGE_SEED + BIG_GROUP_SEED * (da + db > 4):
                        continue
                    lengths = va.group_lengths(ends[0], da) / vb.group_lengths(ends[1], db)
                    if abs(np.log(lengths[0])) > MERGE_MAX_SKEW:
                        continue
                    score = pair_scores(
                        va.joined_chars(ends[0], da), va.joined_words(ends[0], da),
                        vb.joined_chars(ends[1], db), vb.joined_words(ends[1], db))[0]
                gain = link_gain(va, vb, *ends, da, db, np.array([score]), floor, unit)[0]
                if gain > 0:
                    value = max(value, best[p - da, q - db] + gain)
            best[p, q] = value
    return float(best[n, m])


related = st.lists(st.sampled_from(STORY + [STORY[1][:60] + ".", STORY[1][60:], "Ankara said no.",
                                            STORY[3] + " " + STORY[4], "The weather was cold."]),
                   min_size=1, max_size=7)


@settings(max_examples=40, deadline=None)
@given(related, related)
def test_pruned_candidates_keep_the_optimum(a, b):
    va, vb = build_views(a, b)
    unit = _typical_length(va, vb)
    band = Band.full(len(a), len(b))
    links = candidate_links(band, score_band(band, va, vb), va, vb, MIN_SCORE, unit)
    chain = best_chain(links.p - links.da, links.q - links.db, links.p, links.q, links.gain, len(b))
    assert np.isclose(links.gain[chain].sum(), _optimum_without_pruning(va, vb, MIN_SCORE, unit))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab 1_\t\n\x1c\xa0\u2028\u200b’“—-東é."),
                        max_size=12), max_size=6))
def test_fold_all_and_the_stems_of_each_sentence(texts_):
    assert fold_all(texts_) == [fold(t) for t in texts_]
    va, _ = build_views(texts_, ["x"])
    for i, text in enumerate(texts_):
        spaced = re.sub("[東]", " \\g<0> ", fold(text).lower())
        expected = set(re.findall(r"([^\W_]{1,5})[^\W_]*", spaced))
        assert (va.stem_rows == i).sum() == len(expected)
