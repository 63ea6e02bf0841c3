"""Token-level diff: tokens carry offsets, opcodes rebuild B from A, folding is not a change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.worddiff import diff_words, fold, tokenize


def rebuild(a_tokens, b_tokens, ops) -> list[str]:
    out: list[str] = []
    for op in ops:
        if op.tag == "equal":
            out += [t.text for t in a_tokens[op.a1:op.a2]]
        else:  # replace and insert take B's tokens; delete takes none
            out += [t.text for t in b_tokens[op.b1:op.b2]]
    return out


def test_tokenize_words_numbers_punctuation_with_offsets():
    text = "Syria’s 900,000 people fled — “mostly” women."
    toks = tokenize(text)
    assert [t.text for t in toks] == ["Syria’s", "900,000", "people", "fled", "—", "“",
                                      "mostly", "”", "women", "."]
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_tokenize_cjk_per_character_and_arabic_words_keep_their_marks():
    assert [t.text for t in tokenize("東京都に住む")] == list("東京都に住む")
    arabic = "مرحبًا بالعالم"
    assert [t.text for t in tokenize(arabic)] == ["مرحبًا", "بالعالم"]


def test_tokenize_german_and_french_words():
    assert [t.text for t in tokenize("Größere Straße, l’été")] == ["Größere", "Straße", ",", "l’été"]


def test_synonym_swap_is_one_replace_between_equal_runs():
    d = diff_words("Turkey has taken in about 3.7 million refugees",
                   "Turkey has accepted in about 3.7 million refugees")
    assert [(op.tag, op.a1, op.a2, op.b1, op.b2) for op in d.ops] == [
        ("equal", 0, 2, 0, 2), ("replace", 2, 3, 2, 3), ("equal", 3, 8, 3, 8)]


def test_insert_and_delete_are_reported_as_such():
    d = diff_words("the talks had failed", "the talks had not failed")
    assert [op.tag for op in d.ops] == ["equal", "insert", "equal"]
    ins = d.ops[1]
    assert [t.text for t in d.b[ins.b1:ins.b2]] == ["not"]
    d = diff_words("the talks had not failed", "the talks had failed")
    assert [op.tag for op in d.ops] == ["equal", "delete", "equal"]


def test_quote_and_dash_style_is_not_a_change():
    d = diff_words("the “worst-case” plan", 'the "worst–case" plan')
    assert [op.tag for op in d.ops] == ["equal"]


def test_fold_keeps_case_and_collapses_space():
    assert fold("  A\u00a0“b”\n—  c ") == 'A "b" - c'


def test_empty_sides():
    assert diff_words("", "").ops == []
    assert [op.tag for op in diff_words("", "new words").ops] == ["insert"]
    assert [op.tag for op in diff_words("old words", "").ops] == ["delete"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_offsets_slice_back_and_cover_every_visible_character(text):
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert all(x.end <= y.start for x, y in zip(toks, toks[1:]))
    covered = "".join(t.text for t in toks)
    assert covered == "".join(text.split())


words = st.lists(st.sampled_from(["the", "talks", "Idlib", "3.7", "million", ",", "“", "東",
                                  "Straße", "été", "مرحبًا"]), max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(words, st.text(max_size=60)), st.one_of(words, st.text(max_size=60)))
def test_opcodes_rebuild_b_and_cover_both_sides(a, b):
    d = diff_words(a, b)
    assert [fold(t) for t in rebuild(d.a, d.b, d.ops)] == [fold(t.text) for t in d.b]
    # Opcodes tile both token lists in order, with no gaps or overlaps.
    a_pos = b_pos = 0
    for op in d.ops:
        assert (op.a1, op.b1) == (a_pos, b_pos)
        a_pos, b_pos = op.a2, op.b2
        if op.tag == "equal":
            assert [fold(t.text) for t in d.a[op.a1:op.a2]] == [fold(t.text) for t in d.b[op.b1:op.b2]]
    assert (a_pos, b_pos) == (len(d.a), len(d.b))
    assert all(x.tag != "equal" or y.tag != "equal" for x, y in zip(d.ops, d.ops[1:]))
    assert all(not ({x.tag, y.tag} <= {"insert", "delete", "replace"}) for x, y in zip(d.ops, d.ops[1:]))


def test_mark_table_matches_unicodedata():
    import unicodedata

    from reader.unicode_marks import MARK_RANGES

    table = {c for lo, hi in MARK_RANGES for c in range(lo, hi + 1)}
    known = {c for c in range(0x80, 0x10000) if unicodedata.category(chr(c)).startswith("M")}
    assert table <= known  # never a non-mark inside a word
    assert len(table) >= 0.99 * len(known)  # a newer Unicode may add a few marks
