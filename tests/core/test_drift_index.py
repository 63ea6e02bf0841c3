"""The indexes that let drift look across whole articles agree with the plain scans they
replace, on random made-up texts: a run of words found through word positions, a figure
found through values sorted, single marks next to double quotes found by bisection, and
the closest original of a quote found with the shared-word bound."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.drift.numbers import Amounts, Quantity, same_value
from reader.drift.quotes import (
    _EDITORIAL,
    _FUNCTION,
    Quote,
    _accepted,
    _best,
    _closest,
    _compare,
    _in_double,
    _in_words,
    _segments,
    _side_keys,
    quoted,
    quotes,
    tokens,
)

# a few words, function words and figures among them, so runs and quotes overlap often
WORDS = ["the", "a", "of", "said", "we", "will", "fight", "fights", "on", "beaches",
         "two", "2", "million", "2m", "never", "surrender", "bear", "hug", "bearhug"]
word_lists = st.lists(st.sampled_from(WORDS), max_size=40)


@settings(max_examples=300, deadline=None)
@given(word_lists, word_lists)
def test_a_run_of_words_is_found_as_a_scan_finds_it(text, run):
    keys = _side_keys(" ".join(text))
    naive = any(keys[i:i + len(run)] == run for i in range(len(keys) - len(run) + 1))
    assert _in_words(run, keys) == naive
    if text:  # every run the text holds is found
        i = len(text) // 3
        assert _in_words(keys[i:i + 4], keys)


values = st.one_of(st.floats(-1e7, 1e7), st.sampled_from([0.0, 1.0, 2.0, 1e6, 2e6]),
                   st.sampled_from([math.inf, -math.inf, math.nan]))
amounts = st.builds(lambda v, alt: Quantity(0, 1, v, "", "", False, alt),
                    values, st.one_of(st.none(), values))
dates = st.builds(lambda kind, m, d, y: Quantity(0, 1, (kind, m, d, y), "", "", True),
                  st.sampled_from(["date", "weekday"]), st.integers(1, 3),
                  st.one_of(st.none(), st.integers(1, 3)), st.one_of(st.none(), st.just(2020)))
quantity = st.one_of(amounts, dates)


@settings(max_examples=300, deadline=None)
@given(st.lists(quantity, max_size=30), quantity)
def test_a_figure_stated_anywhere_is_found_as_a_scan_finds_it(found, x):
    assert Amounts(found).has(x) == any(same_value(x, q) for q in found)
    if found:  # and a figure equal to a stated one, only a hair off, is found
        y = found[-1]
        if not isinstance(y.value, tuple) and math.isfinite(y.value):
            assert Amounts(found).has(replace(y, value=y.value * (1 + 1e-12), alt=None))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=8),
       st.integers(0, 80))
def test_a_mark_beside_a_double_quote_is_found_as_a_scan_finds_it(gaps, p):
    doubles, pos = [], 0
    for gap, size in gaps:  # in reading order, apart, as the double quotes of a text are
        start = pos + gap + 1
        doubles.append(Quote(start, start + size, False, False))
        pos = start + size + 1
    naive = any(q.start - 1 <= p < q.end + 1 for q in doubles)
    assert _in_double(p, doubles, [q.start for q in doubles]) == naive


def _article(quotes_words: list[list[str]]) -> str:
    return " ".join(f"“{' '.join(ws)},” he said." for ws in quotes_words if ws)


def _exhaustive(run, part):
    """The closest original as a plain scan finds it: the run of all quotes, then each
    quote sharing a content word, in order, a strictly better one replacing it."""
    xs = run.tokens
    m = _compare(xs, part, run.quotes, run.codes, run.code)
    wanted = {t.key for t in part if t.key not in _FUNCTION and t.key != _EDITORIAL}
    for lo, hi in run.ranges:
        content = {t.key for t in xs[lo:hi] if t.key not in _FUNCTION}
        if hi - lo == len(xs) or (wanted and content.isdisjoint(wanted)):
            continue
        one = _compare(xs[lo:hi], part, run.quotes, run.codes[lo:hi], run.code)
        if one and (m is None or (one.matched, -len(one.changes)) > (m.matched, -len(m.changes))):
            m = replace(one, a_first=one.a_first + lo, a_last=one.a_last + lo)
    return m


quote_words = st.lists(st.sampled_from(WORDS + ["[the", "army]", "..."]), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(quote_words, min_size=1, max_size=8), quote_words)
def test_the_closest_original_is_the_one_a_full_scan_finds(article, quote):
    text = _article(article)
    run = quoted(text, quotes(text))
    b = _article([quote])
    for part in _segments(tokens(b, quotes(b))):
        if run.tokens:
            assert _closest(run, part) == _exhaustive(run, part)


@settings(max_examples=200, deadline=None)
@given(st.lists(quote_words, max_size=8), quote_words)
def test_a_match_kept_is_the_one_the_closest_of_all_gives(article, quote):
    """Leaving out quotes that could not pair enough words changes no accepted match."""
    text = _article(article)
    run = quoted(text, quotes(text))
    b = _article([quote])
    for part in _segments(tokens(b, quotes(b))):
        full = _accepted(_closest(run, part), run, part) if run.tokens else None
        assert _best(run, part) == full
