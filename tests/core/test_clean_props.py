"""Invariants of the text-dump cleaner on arbitrary input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean import REASONS, clean_text

_LINES = st.sampled_from([
    "Home", "Share", "Facebook", "Leave a Reply", "Related Articles", "By Jane Doe",
    "20 Feb 2020 07:02:13 GMT", "(Reuters)", "Reuters", "\u2022 Politics", "Most Popular",
    "Image: a photo of a pier (AFP)", "Jane Doe is a writer who covers the coast.",
    "ANKARA: Turkey and Russia are discussing possible joint patrols, an official said.",
    "The council said the work would take two years and cost about four million pounds, "
    "most of which will come from a national heritage fund and the rest from a levy.",
    "Headline | Site", "Headline", "", "   ", "Read more about it.",
])
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=30).map("\n".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_clean_never_raises_and_offsets_slice_back(text: str) -> None:
    art = clean_text(text)
    assert art.text == text
    spans = []
    for p in art.paragraphs:
        assert text[p.start:p.end] == p.text and p.text.strip()
        spans.append((p.start, p.end))
    for r in art.removed:
        assert text[r.start:r.end] == r.text and r.reason in REASONS
        spans.append((r.start, r.end))
    spans.sort()
    for (_, end1), (start2, _) in zip(spans, spans[1:]):
        assert end1 <= start2, "paragraphs and removed lines overlap"
    starts = [p.start for p in art.paragraphs]
    assert starts == sorted(starts)
    if art.title is not None:  # a hard-wrapped headline is rejoined with a space
        assert " ".join(art.title.split()) in " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF), max_size=80))
def test_unspaced_characters_are_the_kana_cjk_and_hangul_ones(text: str) -> None:
    import re

    from reader.clean.lines import _unspaced

    assert _unspaced(text) == len(re.findall("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text))
    assert _unspaced("日本語 and 한국어 text, “quoted”") == 6
