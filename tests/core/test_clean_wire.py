"""Wire copy and hard-wrapped text: made-up cases for each general rule."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean import clean, clean_text
from reader.clean.dates import day_first, named_date
from reader.clean.meta import split_byline
from reader.clean.wraps import logical_lines, wrap_width
from reader.ingest import source_from_text

RULE = "  " + "-" * 60
PROSE = [
    "The harbour board said on Tuesday that the old pier would close for two years while "
    "engineers replace the timber piles that have rotted since the storm of the winter.",
    "Fishermen who moor their boats at the pier will be moved to the north quay, which the "
    "board said had room for forty vessels and would be dredged before the spring season.",
    "A spokesman for the fishermen's association said members were ``disappointed but not "
    "surprised'' and asked for the rent at the north quay to be cut by #200 a year.",
]


def wire(slug_date: str = "27/01/00", extra: str = "", headline: str = "OLD PIER TO CLOSE FOR TWO YEARS",
         prose: list[str] = PROSE) -> str:
    """A made-up agency story laid out the way wire copy arrives."""
    paras = ["\x19" + "\n".join(textwrap.wrap(p, 62)) + "<" for p in prose]
    return "\n".join([
        RULE, "", RULE, "", f"        14:58 {slug_date}: Page 1 (HHH) HARBOUR Pier", RULE,
        "(with pix)<", f"\x19{headline}<",
        "\x19By Jane Doe, Transport Correspondent, PA News<", *paras, extra, "\x19end<", ""])


def test_wire_copy_reads_like_a_wire_editor_would() -> None:
    art = clean(source_from_text(wire()))
    assert art.title == "OLD PIER TO CLOSE FOR TWO YEARS"
    assert art.byline == "Jane Doe"
    assert art.outlet == "PA News" and art.attribution == ["PA News"]
    assert art.date == "2000-01-27"
    assert [" ".join(p.text.split()) for p in art.paragraphs] == PROSE
    for p in art.paragraphs:  # offsets still point at the raw, wrapped text
        assert art.text[p.start:p.end] == p.text and not p.text.endswith("<")
    reasons = {r.reason for r in art.removed}
    assert {"rule", "slug", "note", "title", "byline-line"} <= reasons
    assert any(r.reason == "slug" and "14:58" in r.text for r in art.removed)
    assert any(r.reason == "note" and r.text == "end" for r in art.removed)  # the sign-off


def test_a_two_word_headline_is_the_title_over_a_byline_or_atop_a_text() -> None:
    assert clean(source_from_text(wire(headline="PIER SHUT"))).title == "PIER SHUT"
    plain = "Pier shut\n\n" + "\n\n".join(textwrap.fill(p, 60) for p in PROSE) + "\n"
    art = clean_text(plain)
    assert art.title == "Pier shut" and len(art.paragraphs) == len(PROSE)
    one = 'He said: "The pier will reopen in the spring."'  # a file of one quoted sentence
    assert clean_text(one + "\n").title is None and clean_text(one + "\n").paragraphs[0].text == one


def test_a_wire_takes_closing_list_of_names_stays_in_the_body() -> None:
    """Wire copy has no page furniture: a list of names and ages, which reads like a link
    list on a web page, is copy up to the sign-off."""
    names = ("The full list of those charged is: Ann Ash, 25, Leeds, Bob Birch, 31, York, "
             "Cat Cole, 40, Hull, Dan Dale, 28, Ripon, Eve Elm, 33, Selby, Fay Fern, 51, Goole.")
    art = clean(source_from_text(wire(prose=[*PROSE, names])))
    assert " ".join(art.paragraphs[-1].text.split()) == names
    assert any(r.reason == "note" and r.text == "end" for r in art.removed)


def test_swappable_day_and_month_stay_unknown() -> None:
    assert clean(source_from_text(wire("03/04/00"))).date is None
    # another date in the same layout with a day above 12 settles the order
    settled = wire("03/04/00", "\x19Embargoed until 00:01 14/04/00<")
    assert clean(source_from_text(settled)).date == "2000-04-03"


def test_day_first_needs_a_field_above_twelve() -> None:
    assert day_first("filed 27/01/00") is True
    assert day_first("filed 01/27/00") is False
    assert day_first("filed 03/04/00") is None
    assert day_first("27/01/00 and 01/27/00") is None  # contradictory: unknown


def test_named_dates_read_as_iso() -> None:
    assert named_date("Updated 14 March 2021, 10:32 GMT") == "2021-03-14"
    assert named_date("Sept. 3, 1999") == "1999-09-03"
    assert named_date("30 February 2020") is None


def test_byline_splits_reporters_from_agency_and_role() -> None:
    assert split_byline("Jane Doe and Tom Roe, PA News") == ("Jane Doe and Tom Roe", "PA News")
    assert split_byline("Jane Doe, Health Editor, Reuters") == ("Jane Doe", "Reuters")
    assert split_byline("PA Reporter") == (None, "PA")
    assert split_byline("Jane Doe") == ("Jane Doe", None)


def test_hard_wrapped_plain_text_is_rejoined_but_short_lines_are_not() -> None:
    wrapped = "\n\n".join("\n".join(textwrap.wrap(p, 70)) for p in PROSE)
    text = "\n".join(["HARBOUR NEWS", "", "Pier Office", "1 Quay Street", "Porthaven", "",
                      wrapped, "", "Contacts:", "- Jane Doe", "- Tom Roe", ""])
    spans = [s.text for s in logical_lines(text)]
    assert [" ".join(p.split()) for p in PROSE] == [s for s in spans if len(s) > 100]
    for short in ("HARBOUR NEWS", "Pier Office", "1 Quay Street", "Porthaven", "- Jane Doe"):
        assert short in spans


def test_a_short_item_of_one_hard_wrapped_paragraph_is_rejoined_and_kept() -> None:
    """Three full lines are enough to tell the width: a brief wrapped at 40 columns
    keeps its whole paragraph (its lines were dropped one by one as a menu)."""
    para = ("The ferry to Gull Rock will not sail on Saturday while divers inspect a "
            "cracked pontoon at the harbour mouth, the island's trust said.")
    article = clean_text("Ferry cancelled for inspection\n\n" + textwrap.fill(para, 40) + "\n")
    assert [p.text.replace("\n", " ") for p in article.paragraphs] == [para]


def test_a_pages_one_line_paragraphs_of_like_length_are_not_read_as_wrapped() -> None:
    """Two paragraphs of nearly one length, as a page dump gives them (a line each, an
    advert between): they end sentences, so nothing is joined into them."""
    first = "The harbour authority said the breakwater would close for eleven weeks of work."
    second = "Engineers said the concrete crown had cracked in three places during the storms."
    text = "\n".join(["Breakwater to close", first, "Advertisement", second, "Share this"])
    assert [s.text for s in logical_lines(text)] == text.split("\n")
    assert clean_text(text).paragraphs[-1].text == second


def test_text_of_ragged_lines_is_not_read_as_wrapped() -> None:
    lines = ["Home", "A long paragraph of page text " * 6, "Share", "Short", "x" * 40,
             "Another paragraph that runs on for a while " * 4]
    assert wrap_width([len(s) for s in lines]) is None


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEF.,'`#", min_size=1, max_size=12)
_PARA = st.lists(_WORD, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PARA, min_size=1, max_size=8), st.integers(20, 90), st.booleans(),
       st.booleans())
def test_rejoining_never_loses_or_reorders_text(paras: list[str], width: int, marks: bool,
                                                blank: bool) -> None:
    blocks = ["\n".join(textwrap.wrap(p, width)) for p in paras]
    if marks:
        blocks = ["\x19" + b + "<" for b in blocks]
    text = source_from_text(("\n\n" if blank else "\n").join(blocks)).text
    spans = list(logical_lines(text))
    kept = "".join(text[s.start:s.end] for s in spans)
    for s in spans:
        assert s.text == re.sub(r"[ \t]*\n[ \t]*", " ", text[s.start:s.end])
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end < b.start for a, b in zip(spans, spans[1:]))
    # every character left out is whitespace or a paragraph mark (U+2419 is ingest's \x19)
    marks_and_space = r"[\s\u2419<]"
    assert re.sub(marks_and_space, "", kept) == re.sub(marks_and_space, "", text)


def test_short_closing_sentence_stays_in_the_body() -> None:
    text = "\n".join([*PROSE, "The hearing was adjourned.", "Share"])
    art = clean_text(text)
    assert art.paragraphs[-1].text == "The hearing was adjourned."


def test_marked_paragraph_carries_on_into_a_line_that_looks_like_a_list_item() -> None:
    text = source_from_text("\x19The board paid its costs<\n\x19The judge said the board\n"
                            "- and the council - should pay.<\n\x19end<\n").text
    assert [s.text for s in logical_lines(text)] == [
        "The board paid its costs", "The judge said the board - and the council - should pay.",
        "end"]


def test_fixed_width_table_rows_are_not_joined() -> None:
    rows = [f"{name:<30}{town:<30}{n:>8}" for name, town, n in [
        ("North quay berths", "Porthaven", 40), ("Fish market stalls", "Porthaven", 12),
        ("Lifeboat station crew", "Westhaven", 24), ("Harbour office staff", "Porthaven", 9),
        ("Ferry terminal desks", "Easthaven", 6), ("Chandlery counters", "Westhaven", 3)]]
    spans = [s.text for s in logical_lines("\n".join(rows * 2))]
    assert len(spans) == 12


@settings(max_examples=100, deadline=None)
@given(st.lists(_PARA, min_size=1, max_size=8), st.integers(20, 90), st.booleans())
def test_cleaning_wrapped_text_keeps_offsets_exact(paras: list[str], width: int,
                                                   marks: bool) -> None:
    blocks = ["\n".join(textwrap.wrap(p, width)) for p in paras]
    if marks:
        blocks = ["\x19" + b + "<" for b in blocks]
    art = clean(source_from_text("\n".join([RULE, "", *blocks])))
    spans = sorted([(p.start, p.end) for p in art.paragraphs] + [(r.start, r.end) for r in art.removed])
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text and p.text.strip()
    for r in art.removed:
        assert art.text[r.start:r.end] == r.text
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
