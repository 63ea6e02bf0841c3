"""The wrapping that keeps side-by-side columns level: cell widths, no lost text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from reader.tui.widgets.wrap import line_starts, wrap

WORDS = st.lists(st.sampled_from(["a", "word", "Idlib", "中文字符", "😀", "北京市长",
                                  "supercalifragilistic", "x" * 30, "é", " ", "  ", "\n", "\t"]),
                 max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.integers(min_value=2, max_value=60))
def test_lines_fit_the_width_and_keep_every_character(text, width):
    lines = wrap(Text(text), width)
    assert all(cell_len(line.plain) <= width for line in lines)
    assert "".join(text.split()) == "".join("".join(line.plain for line in lines).split())
    # a hard-wrapped paragraph's line breaks are spaces: one inside a row broke the
    # terminal line there and the row's other cells overwrote the rest of the text
    assert not any(c in line.plain for line in lines for c in "\n\t")


@settings(max_examples=200, deadline=None)
@given(WORDS, st.integers(min_value=2, max_value=60))
def test_height_is_the_rendered_line_count(text, width):
    if text:
        assert len(line_starts(text, width)) == len(wrap(Text(text), width))


def test_words_stay_whole_when_they_fit():
    lines = [line.plain for line in wrap(Text("the quick brown fox jumps"), 10)]
    assert lines == ["the quick", "brown fox", "jumps"]


def test_double_width_characters_never_straddle_the_edge():
    lines = [line.plain for line in wrap(Text("中文字符测试中文"), 5)]
    assert all(cell_len(line) <= 5 for line in lines)
    assert "".join(lines) == "中文字符测试中文"


def test_styles_follow_the_text_across_lines():
    text = Text("keep these words styled please")
    text.stylize("strike", 5, 16)  # "these words"
    lines = wrap(text, 11)
    struck = [line.plain[s.start:s.end] for line in lines for s in line.spans]
    assert "".join(struck).replace(" ", "") == "thesewords"


@settings(max_examples=200, deadline=None)
@given(WORDS, st.integers(min_value=2, max_value=60))
def test_each_wrapped_line_becomes_a_strip_exactly_as_wide_as_the_view(text, width):
    from rich.console import Console
    from rich.style import Style

    from reader.tui.widgets.rows import text_strip

    base = Style(color="red", bgcolor="black")
    text_styled = Text(text)
    text_styled.stylize("bold", 0, len(text) // 2)
    for line in wrap(text_styled, width):
        strip = text_strip(line, width, base, Console(width=200))
        assert strip.cell_length == width
        assert "".join(s.text for s in strip).rstrip() == line.plain.rstrip()
        assert all(s.style.bgcolor == base.bgcolor for s in strip if s.style)  # on the base
