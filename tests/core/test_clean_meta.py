"""Dates and bylines as news pages set them: glued to the next block, split over lines,
labelled published or updated. Made-up pages and lines."""

from __future__ import annotations

from reader.clean import clean_text
from reader.clean.dates import named_date, stated_date, undated_words
from reader.clean.meta import cited_date, find_bare_name, find_byline, find_date
from tests.core.test_clean_titles import BODY

HEADLINE = "Old pier to close"
TITLE = f"{HEADLINE} | Coast Herald"
DEK = ("Anglers will get one last summer on the boards before the work on the piles begins "
       "in the autumn, and the board says that the north quay will be ready for all of them by "
       "the time the first boats come in.")


def page(*lines: str) -> str:
    return "\n".join([TITLE, HEADLINE, *lines, *BODY])


def test_a_date_glued_to_the_block_before_it_is_read() -> None:
    assert named_date("By Jane RoeDec. 3, 2021 9:00 am EST") == "2021-12-03"
    assert named_date("Jane Roe, CorrespondentMarch 4, 2021") == "2021-03-04"
    assert named_date("March 4, 20219:30 AM ET") == "2021-03-04"  # the year runs into the time
    assert named_date("2021-03-04T10:52:01Z") == "2021-03-04"
    assert named_date("Editor, Coast Herald MAR 4, 2021 8:41 am") == "2021-03-04"


def test_a_year_running_into_other_digits_is_not_read() -> None:
    assert named_date("Mar 4, 20214242 Shares") is None


def test_the_published_date_wins_over_the_update_on_one_line() -> None:
    assert stated_date("Updated 5 May 2021 | First published on 4 May 2021") == "2021-05-04"
    assert stated_date("PUBLISHED: May 4, 2021 at 1:49 p.m. | UPDATED: May 5, 2021") == "2021-05-04"
    assert stated_date("May 5, 2021 at 6:00 am Updated May 6, 2021") == "2021-05-05"


def test_numeric_dates_are_read_from_date_and_byline_lines_only() -> None:
    assert find_date([("05-14-2021", "timestamp")]) == "2021-05-14"
    assert find_date([("05-04-2021", "timestamp")]) is None  # day and month could swap
    assert find_date([("By Jane Roe • 05/14/21 4:23pm", "byline-line")]) == "2021-05-14"
    assert find_date([("Gates open 05/14/21 at noon", None)]) is None


def test_undated_words_leave_out_dates_and_times() -> None:
    assert undated_words("May 5, 2021 at 6:00 am Updated May 6, 2021 at 9:10 am") == 3
    assert undated_words("The board met on May 5, 2021 to agree the plan for the pier") == 11


def test_a_date_line_under_a_dek_photo_and_byline_is_the_article_date() -> None:
    text = page(DEK, "The old pier at dawn.", "Photo: Jane Roe", "By Tom Poe",
                "Published May 4, 2021")
    assert clean_text(text).date == "2021-05-04"


def test_a_long_date_line_of_dates_and_times_is_still_a_date_line() -> None:
    text = page("May 4, 2021 at 6:00 am Updated May 5, 2021 at 6:00 am", "By", "Tom Poe")
    assert clean_text(text).date == "2021-05-04"


def test_a_relative_date_with_no_anchor_stays_unknown() -> None:
    assert clean_text(page("Published", "4 days ago", "By Tom Poe")).date is None
    assert clean_text(page("Tom Poe", "Published Thursday 1:30PM")).date is None


def test_a_citation_of_the_article_dates_it() -> None:
    lines = ["Citation:", f"{HEADLINE} (2021, May 4) retrieved 6 May 2021"]
    assert cited_date(lines, HEADLINE) == "2021-05-04"
    assert cited_date(lines, "Another story") is None
    assert cited_date(["(2021, May 4)"], "") is None


def test_by_on_its_own_line_takes_the_names_under_it() -> None:
    assert find_byline(["By", "Jane Roe"]) == ("Jane Roe", None)
    assert find_byline(["By", "Jane Roe", ",", "Tom Poe", ",", "Ann Loe"]) == (
        "Jane Roe, Tom Poe, Ann Loe", None)
    assert find_byline(["By", "Social links for", "Jane Roe"]) == ("Jane Roe", None)
    assert find_byline(["By", "Topic"]) == (None, None)


def test_by_must_be_a_word_or_glued_to_a_capitalised_name() -> None:
    assert find_byline(["BYOD Statistics and Facts"]) == (None, None)
    assert find_byline(["ByJane Roe"]) == ("Jane Roe", None)


def test_an_outlet_staff_byline_is_kept_but_not_as_a_co_author() -> None:
    assert find_byline(["By Coast Herald Staff"]) == ("Coast Herald Staff", None)
    assert find_byline(["By Herald Editorial Board | Coast Herald"]) == (
        "Herald Editorial Board", None)
    assert find_byline(["By Jane Roe, Coast Herald Staff"]) == ("Jane Roe", None)
    assert find_byline(["By Staff"]) == (None, None)


def test_a_post_run_on_after_the_name_is_not_part_of_it() -> None:
    assert find_byline(["By Jane Roe Globe Correspondent,Updated March 4, 2021"]) == ("Jane Roe", None)
    assert find_byline(["By Jane Roe Times Staff Writer"]) == ("Jane Roe", None)
    assert find_byline(["By Executive Content Editor"]) == (None, None)  # a post, nobody's name
    assert find_byline(["By Jane Roe, Old Bailey Correspondent, PA News"]) == ("Jane Roe", "PA News")


def test_a_byline_after_its_date_line() -> None:
    assert find_byline(["Mar 4, 2021 at 2:56 pm | By Jane Roe"]) == ("Jane Roe", None)
    assert find_byline(["posted on 2021-03-04 23:30 EST by Jane Roe"]) == ("Jane Roe", None)
    assert find_byline(["Pictures of the week | By Jane Roe"]) == (None, None)


def test_a_second_by_line_under_the_first_names_a_co_author() -> None:
    assert find_byline(["By Jane Roe", "March 4, 2021", "By Tom Poe"]) == (
        "Jane Roe, Tom Poe", None)
    assert find_byline(["By Jane Roe", "By Jane Roe"]) == ("Jane Roe", None)


def test_bare_names_as_bylines_set_them() -> None:
    assert find_bare_name("Anna-Lena Roe-Poe") == ("Anna-Lena Roe-Poe", None)
    assert find_bare_name("Tom Poe Jr.") == ("Tom Poe Jr", None)
    assert find_bare_name("Jane Roe and Tom Poe in Lisbon") == ("Jane Roe and Tom Poe", None)
    assert find_bare_name("Jane Roe on March 3, 2021") == ("Jane Roe", None)
    assert find_bare_name("Jane Roe@@janeroe") == ("Jane Roe", None)


def test_a_caption_is_not_a_bare_byline() -> None:
    assert find_bare_name("Jane Roe on the set of her new film") == (None, None)


def test_a_role_under_a_name_vouches_for_a_common_word_name() -> None:
    assert find_bare_name("Will Poe") == (None, None)
    assert find_bare_name("Will Poe", "Contributing Reporter") == ("Will Poe", None)


def test_a_name_the_headline_holds_is_its_subject_not_its_writer() -> None:
    headline = "Jane Roe opens the new pier"
    text = "\n".join([f"{headline} | Coast Herald", headline, "Jane Roe", *BODY])
    article = clean_text(text)
    assert article.byline is None
    assert all(p.text != "Jane Roe" for p in article.paragraphs)
    signed = "\n".join([f"{headline} | Coast Herald", headline, "Tom Poe", *BODY])
    assert clean_text(signed).byline == "Tom Poe"


def test_a_bare_byline_the_page_repeats_elsewhere_is_still_the_byline() -> None:
    # the writer's name is also on the teasers of her other stories above the article
    teasers = ["Harbour seals return to the bay", "Jane Roe -", "Read more",
               "Ferry timetable changes for winter", "Jane Roe -", "Read more"]
    text = "\n".join([TITLE, *teasers, HEADLINE, "March 4, 2021", "Jane Roe", *BODY])
    article = clean_text(text)
    assert article.byline == "Jane Roe"
    assert all(p.text != "Jane Roe" for p in article.paragraphs)


def test_a_name_that_stands_alone_wins_over_one_the_page_repeats() -> None:
    # a menu entry that looks like a name, repeated from the page's header, then the writer
    text = "\n".join([TITLE, "Sam Reed", "Harbour seals return to the bay", HEADLINE, "Sam Reed",
                      "Jane Roe", *BODY])
    assert clean_text(text).byline == "Jane Roe"
