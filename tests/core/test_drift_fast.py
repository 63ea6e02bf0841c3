"""The faster ways drift reads text agree with the plain ones they replace, on random
made-up texts: quoted words found with findall and str.find, their coding built in one
pass, quote ranges counted, figures spelled out only where a text has some, the
apostrophe pass skipped in texts without one, lead credits looked for only in texts with
one of their words, dates looked for only near month and day names, figures tried only
where one may begin, the edge check of a quote, and the word views two article checks share."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.drift.context import Articles, word_key, words
from reader.drift.credit import _LEAD_CREDIT, _LEAD_PARTS, _credit_matches
from reader.drift.names import Vocabulary
from reader.drift.numbers import (
    _DATE,
    _NUMBER,
    _counting,
    _day_names,
    _figures,
    _matches,
)
from reader.drift.quotes import (
    _EDITORIAL,
    _ELLIPSIS,
    _SCALE,
    _SCALES,
    _TOKEN,
    Token,
    _char,
    _edge_neutral,
    _key,
    _match_keys,
    _same_words,
    _spelled,
    quoted,
    quotes,
    tokens,
)

# made-up words with the marks the readers care about: quotes, apostrophes, hyphens,
# brackets, ellipses, figures with scales, credits
PIECES = ["the", "a", "of", "said", "we", "Will", "fight", "on", "beaches", "two", "2m",
          "3bn", "5k", "half-way", "don't", "Jo’s", "it's", "“", "”", '"', "‘", "’", "'",
          "[sic]", "...", "…", "-", "(", ")", ",", ".", "\n", "according to", "As per",
          "citing", "quoted by", "reported by", "(Reuters)", "told AP", "has reported",
          "The Daily Planet", "Nine", "Monday"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
glued = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)  # no spaces either
any_text = st.one_of(texts, glued)


def _plain_tokens(text: str, found) -> list[Token]:
    out = []
    for n, q in enumerate(found):
        for m in _TOKEN.finditer(text, q.start, q.end):
            w = m.group()
            key = _EDITORIAL if w[0] == "[" else _ELLIPSIS if w in ("...", "…") else _key(w)
            out.append(Token(key, m.start(), m.end(), n))
    return out


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_quoted_words_are_found_where_a_scan_of_match_objects_finds_them(text):
    found = quotes(text)
    assert tokens(text, found) == _plain_tokens(text, found)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_the_coding_of_quoted_words_is_the_one_built_word_by_word(text):
    run = quoted(text, quotes(text))
    code: dict[str, str] = {}
    codes = "".join(code.setdefault(k, _char(len(code))) for k in _match_keys(run.tokens, "a"))
    assert (run.codes, run.code) == (codes, code)
    bounds: list[tuple[int, int]] = []
    for n, t in enumerate(run.tokens):
        if bounds and run.tokens[bounds[-1][0]].quote == t.quote:
            bounds[-1] = (bounds[-1][0], n + 1)
        else:
            bounds.append((n, n + 1))
    assert run.ranges == bounds
    assert run.words == sum(t.key != _EDITORIAL for t in run.tokens)


keys = st.lists(st.sampled_from(["we", "fight", "fights", "has", "have", "then", "than", "2",
                                 "2m", "m", "3", "bn", "k", "5k", "don't", "halfway", "half-way",
                                 "é", "\x01", "x9"]), max_size=8)


@settings(max_examples=400, deadline=None)
@given(keys)
def test_a_run_of_words_is_spelled_as_the_pattern_spells_it(run):
    plain = _SCALE.sub(lambda m: m.group(1) + _SCALES[m.group(2)], "".join(run).replace("-", ""))
    assert _spelled(run) == plain


def _plain_edge_neutral(a_edge: list[str], b_edge: list[str], lead: bool) -> bool:
    spelled = _spelled(b_edge)
    for k in range(1, min(len(a_edge), len(b_edge) + 2) + 1):
        xs = a_edge[len(a_edge) - k:] if lead else a_edge[:k]
        if _spelled(xs) == spelled or _same_words(xs, b_edge):
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(keys, keys, st.booleans())
def test_an_edge_is_judged_as_trying_every_width_judges_it(a_edge, b_edge, lead):
    assert _edge_neutral(a_edge, b_edge, lead) == _plain_edge_neutral(a_edge, b_edge, lead)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_word_keys_are_those_of_every_word(text):
    found = words(text)
    assert found.keys == [word_key(text[s:e]) for s, e in zip(found.starts, found.ends)]


credit_texts = st.lists(st.sampled_from(
    ["As per", "according to", "citing", "Quoted by", "reported by", "has reported", "told",
     "said", "The Daily Planet", "Reuters", "(Reuters)", "officials", "we", ",", "."]),
    max_size=8).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(credit_texts)
def test_a_text_without_any_lead_word_has_no_lead_credit(text):
    """So skipping the pattern there, as the credit reader does, loses nothing."""
    if not any(part in text for part in _LEAD_PARTS):
        assert _LEAD_CREDIT.search(text) is None
    else:
        lead = {m.start() for m in _LEAD_CREDIT.finditer(text)}
        assert lead <= {m.start() for m in _credit_matches(text) if not isinstance(m, tuple)}


@settings(max_examples=100, deadline=None)
@given(texts, texts)
def test_word_views_of_an_article_share_its_words(a, b):
    articles = Articles(a, b)
    seen = []
    vocabulary = articles.word_view(lambda ws: seen.append(ws) or Vocabulary(ws), "a")
    counts = articles.word_view(lambda ws: seen.append(ws) or Counter(ws.keys), "a")
    assert seen[0] is seen[1] is articles.view(words, "a")  # split once for both views
    assert vocabulary.exact == Vocabulary(words(a)).exact and counts == Counter(words(a).keys)
    assert articles.swapped().word_view(Vocabulary, "b").exact == vocabulary.exact


date_texts = st.lists(st.sampled_from(
    ["13", "13th", "1st", "of", "January", "Jan", "Jan.", "Sept", "May", "mid-January",
     "Friday's", "Friday’s", "Monday-Friday", "o'May", "2020", "1999", ",", ".", "\n", "the",
     "x-13", "on", "march", "MAY"]), max_size=14)


@settings(max_examples=500, deadline=None)
@given(date_texts, st.sampled_from([" ", "", "  ", "\n\n"]))
def test_dates_are_found_where_a_scan_of_the_whole_text_finds_them(pieces, sep):
    text = sep.join(pieces)
    found = words(text)
    assert [m.span() for m in _matches(_DATE, found, _day_names(found), 2)] == [
        m.span() for m in _DATE.finditer(text)]


figure_texts = st.lists(st.sampled_from(
    ["a", "an", "A", "half", "one", "Two", "twenty-five", "hundred", "thousands", "of", "more",
     "than", "about", "close", "to", "nearly", "the", "tens", "dozens", "several", "few", "and",
     "5", "1,200", "3.5", "2m", "£5", "$", "US$5", "-5", "x-5", "rock’5", "o'two", "it's", "ſeven",
     "İn", "excess", "İN", "٣", "%", "per", "cent", "ft", "people", "(", ")", ",", ".", "\n", "—", "Group", "Seven"]),
    max_size=16)


@settings(max_examples=600, deadline=None)
@given(figure_texts, st.sampled_from([" ", "", "-", "  "]))
@example(["İn", "excess", "of", "5"], " ")  # a capital outside ASCII that ignoring case folds in
def test_figures_are_found_where_a_scan_of_each_window_finds_them(pieces, sep):
    text = sep.join(pieces)
    found = words(text)
    assert [m.span() for m in _figures(found)] == [
        m.span() for m in _matches(_NUMBER, found, _counting(found), 6)]
