"""segment: sentence boundaries and offset invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article, Paragraph
from reader.segment import (
    sentences_from_strings,
    split_article,
    split_lines,
    split_text,
)


def texts(t: str) -> list[str]:
    return [s.text for s in split_text(t)]


@pytest.mark.parametrize("text,expected", [
    ("The official said it was “completely without a result.” He left.",
     ["The official said it was “completely without a result.”", "He left."]),
    ("Mr. Smith met Dr. Jones in Jan. and left.", ["Mr. Smith met Dr. Jones in Jan. and left."]),
    ("The U.S. economy added 3.6 million jobs. Then it slowed.",
     ["The U.S. economy added 3.6 million jobs.", "Then it slowed."]),
    ("More than 900,000 people fled. J. R. Smith reported it.",
     ["More than 900,000 people fled.", "J. R. Smith reported it."]),
    ("Delegations met ... but no deal emerged. Talks go on.",
     ["Delegations met ... but no deal emerged.", "Talks go on."]),
    ("Headline without final punctuation", ["Headline without final punctuation"]),
    ("Is it over? “No!” she said. Yes.", ["Is it over?", "“No!” she said.", "Yes."]),
    ("Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
    ("Il est parti. Elle est restée.", ["Il est parti.", "Elle est restée."]),
    ("他说。我们走吧！", ["他说。", "我们走吧！"]),
    ("It lives in the U.S. The end.", ["It lives in the U.S.", "The end."]),
])
def test_boundaries(text, expected):
    assert texts(text) == expected


def test_article_offsets_point_into_article_text():
    text = "Title\n\nFirst one. Second one.\n\nThird “quoted.” Fourth."
    paras = []
    pos = 0
    for chunk in text.split("\n"):
        if chunk:
            paras.append(Paragraph(chunk, pos, pos + len(chunk)))
        pos += len(chunk) + 1
    art = Article(path="x", text=text, paragraphs=paras[1:])
    sents = split_article(art)
    assert [s.text for s in sents] == ["First one.", "Second one.", "Third “quoted.”", "Fourth."]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]


def test_split_lines_one_per_nonempty_line():
    text = "a b\n\n  c d  \ne"
    sents = split_lines(text)
    assert [s.text for s in sents] == ["a b", "c d", "e"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_sentences_from_strings_keeps_one_per_input():
    sents = sentences_from_strings(["a ", "", " b"])
    assert [s.text for s in sents] == ["a", "", "b"]


def assert_cover(text: str, offset: int, lines: bool) -> None:
    """Sentences slice back into the text, in order, without overlap, and only whitespace
    lies between or around them: no text is lost."""
    pos = offset
    for s in split_text(text, offset, lines=lines):
        assert s.text and s.text == s.text.strip()
        assert text[s.start - offset:s.end - offset] == s.text
        assert s.start >= pos
        assert text[pos - offset:s.start - offset].strip() == ""
        pos = s.end
    assert text[pos - offset:].strip() == ""


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400),
       st.integers(min_value=0, max_value=1000), st.booleans())
def test_offsets_slice_back_and_nothing_is_lost(text, offset, lines):
    assert_cover(text, offset, lines)


TOKENS = ["Mr.", "U.S.", "3.6", "million.", "He", "said", "“No.”", "It", "...", "ended!", "Why?",
          "Jan.", "5,000", "people", "A.", "b.", "Le", "général.", "1.", "2)", "(a)", "•", "\n",
          "\n\n", "“", "”", "'", "(", ")", "«", "»", "。", "他说", "।", "։", ";", "Ωχ", "p.m.",
          "[1]", "e.g.", "Dr.", "„", ". . .", "a.m.", "etc.", "-", "I.", "--\"", "iPhone", "day.The",
          "\r\n", "-3.", "1.-3.", "bis", "dem", "........", "7"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60), st.integers(min_value=0, max_value=50),
       st.booleans())
def test_tricky_tokens_never_lose_text(words, offset, lines):
    assert_cover(" ".join(words), offset, lines)
