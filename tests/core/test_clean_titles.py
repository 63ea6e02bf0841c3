"""Web pages: the headline found from the page title, furniture around it, dates that are
not the article's. Made-up pages."""

from __future__ import annotations

import pytest

from reader.clean import clean_text
from reader.clean.rules import line_reason

BODY = [
    "The harbour board said on Tuesday that the old pier would close for two years while "
    "engineers replace the timber piles that have rotted since the storm of the winter.",
    "Fishermen who moor their boats at the pier will be moved to the north quay, which the "
    "board said had room for forty vessels and would be dredged before the spring season.",
    "A spokesman for the fishermen's association said members were disappointed but not "
    "surprised, and asked for the rent at the north quay to be cut by a fifth.",
]


def test_headline_is_the_title_run_without_the_site_and_section() -> None:
    page = ["Old pier to close for two years – harbour board | Local news | Coast Herald",
            "Home", "Local news", "Old pier to close for two years – harbour board",
            "By Jane Doe", *BODY]
    assert clean_text("\n".join(page)).title == "Old pier to close for two years – harbour board"


def test_media_tag_is_not_part_of_the_headline() -> None:
    page = ["Old pier to close [Watch] | Coast Herald", "Old pier to close [Watch]", *BODY]
    assert clean_text("\n".join(page)).title == "Old pier to close"


def test_section_label_is_not_part_of_the_headline() -> None:
    page = ["Old pier to close | Editorial – Coast Herald", "Old pier to close | Editorial", *BODY]
    assert clean_text("\n".join(page)).title == "Old pier to close"


def test_headline_that_rewords_the_page_title_is_found_by_resemblance() -> None:
    page = ["Harbour board closes old pier for two years - Coast Herald", "Home", "Weather",
            "Enlarge this image", "Old pier closes for two years, harbour board says",
            "Jane Doe / Coast Herald", *BODY]
    art = clean_text("\n".join(page))
    assert art.title == "Old pier closes for two years, harbour board says"


@pytest.mark.parametrize(("line", "reason"), [
    ("Copy Link", "share"), ("Link copied!", "share"), ("Print this article", "share"),
    ("Enlarge this image", "caption"), ("Courtesy of Coast Herald", "caption"),
    ("Jane Doe / Coast Herald", "caption"), ("Thanks for signing up!", "subscribe"),
    ("(with pictures)", "note"), ("Embargoed to 0001 Tuesday", "note"),
    ("Click to share on Facebook (Opens in new window)", "share"), ("2 of 9", "caption"),
    ("FILE - The old pier at Porthaven, on March 3, 2020. (Coast Wire Photo/Jane Doe)", "caption"),
    ("Anglers on the old pier, March 3, 2020. (AP Photo/Jane Doe, File)", "caption"),
    ("Search Query Submit Search", "navigation"), ("ShareClose extra sharing options", "share"), ("Save Article", "share"), ("Jane Doe on the pier (AP Images)", "caption"),
    ("Rights & Permissions", "legal"), ("Copy Link URLCopied!", "share"), ("Read in app", "promo"),
    ("(Jane Doe / Coast Herald)", "caption"), ("(Image credit: Coast Herald)", "caption"),
    ("Image Credits: Jane Doe", "caption"), ("Credits:", "caption"),
    ("Anglers on the old pier at dusk. Credit: Jane Doe, Coast University", "caption"),
    ("Article continues below this ad", "promo"), ("Social Sharing", "share"),
    ("- Advertisement -", "promo"), ("Get the best of the Coast Herald in your inbox", "subscribe"),
    ("Privacy Notice: our newsletters may carry adverts", "legal"),
    ("To view this video please enable JavaScript", "boilerplate"),
    ("supports HTML5 video", "boilerplate"),
    ("The new ferry at the north quay (Image credit: Coast Herald)", "caption"),
    ("Skaters on the frozen harbour pond.Jane Doe/Coast Herald", "caption"),
    ("MORE: Ferry times change for the winter", "related"),
    ("WeChat", "share"), ("Linked In", "share"), ("Table of contents", "navigation"),
    ("ShareTweetEmail", "share"), ("FacebookWhatsappPrint", "share"),
    ("Image 2 of 5", "caption"), ("Jane Doe Submitted photo", "caption"),
    ("Media playback is unsupported on your device", "boilerplate"),
    ("Media caption The old pier at dusk", "caption"),
    ("On CoastHerald.com: Ferry times change for the winter", "related"),
    ("[Related: Ferry times change for the winter]", "related"),
    ("View this post on Instagram", "boilerplate"), ("A post shared by Jane Doe (@janedoe)",
                                                    "boilerplate"),
    ("This content can also be viewed on the site it originates from.", "boilerplate"),
    ("Opens in a new window", "share"), ("+ additional share options added", "share"),
    ("You have successfully subscribed.", "subscribe"),
    ("Your subscription has been confirmed. Keep an eye on your inbox!", "subscribe"),
    ("Contact me with news and offers from other Herald brands", "subscribe"),
    ("Photo by Jane Doe on Unsplash", "caption"),
    ("Photo illustration by Coast Herald. Photos by Jane Doe.", "caption"),
    ("Coast Herald has affiliate partnerships. We receive compensation when you click a link.",
     "promo"),
    ("Anglers on the old pier at dusk Credit: Coast Herald", "caption"),
    ("Social Links Navigation", "navigation"), ("Written by", "navigation"),
    ("REQUIRED READING: Seals return to the bay. Here is why.", "related"),
    ("We may earn a commission from links on this page.", "promo"), ("  " + "=" * 30, "rule"), ("09:15 14/03/01: Page 2 (HHH) HARBOUR Pier", "slug"),
])
def test_furniture_lines(line: str, reason: str) -> None:
    assert line_reason(line.strip()) == reason


@pytest.mark.parametrize("line", [
    "The board gave the divers credit: the pier stayed open all winter.",
    "“Advertising pays for the pier,” the harbour master said.",
    "The board moved its office to the U.S.", "Harbour dues rose 3.5% on Friday.",
    "PrintShop", "MailChimp",  # brands glued from words, not a share bar
    "Image 2 of the survey shows the pier in 1890.",
    "On Tuesday: the council voted.",
    "Updated lifeboat station with a larger slipway",  # a feature list, not a time stamp
    "Photography by the harbour is banned.",
    "The ferry subscription is confirmed for the winter, the operator said.",
])
def test_prose_that_mentions_furniture_words_is_no_furniture(line: str) -> None:
    assert line_reason(line) is None


def test_body_sentences_are_not_furniture() -> None:
    assert line_reason("Print runs of the paper fell by a fifth last year, the board said.") is None
    assert line_reason("(The board did not say how much the work would cost.)") is None


def test_copyright_year_is_not_the_article_date() -> None:
    page = ["Old pier to close | Coast Herald", "© 14 March 2021 Coast Herald", "Old pier to close",
            *BODY]
    assert clean_text("\n".join(page)).date is None
    dated = ["Old pier to close | Coast Herald", "Old pier to close", "Updated 14 March 2021",
             *BODY]
    assert clean_text("\n".join(dated)).date == "2021-03-14"


def test_bare_name_under_the_headline_is_the_byline() -> None:
    page = ["Old pier to close | Coast Herald", "Home", "Old pier to close", "Jane Doe",
            "Updated 14 March 2021", *BODY]
    assert clean_text("\n".join(page)).byline == "Jane Doe"
    labels = ["Old pier to close | Coast Herald", "Old pier to close", "View All",
              "Updated December", *BODY]
    assert clean_text("\n".join(labels)).byline is None
    from reader.clean.meta import find_bare_name, find_byline

    assert find_bare_name("Harbour Games") == (None, None)
    assert find_bare_name("Jane Doe •") == ("Jane Doe", None)
    assert find_bare_name("Jane Doe | Reuters") == ("Jane Doe", "Reuters")
    assert find_byline(["By Jane Doe | AFP"]) == ("Jane Doe", "AFP")


def test_byline_loses_a_glued_date_and_the_outlet_it_writes_for() -> None:
    from reader.clean.meta import find_byline

    assert find_byline(["ByJane DoeMarch 14, 2021"]) == ("Jane Doe", None)
    assert find_byline(["By Jane Doe Mar 14, 2021 10:20 PM"]) == ("Jane Doe", None)
    assert find_byline(["By Jan Roe and Tom Roe, PA News"]) == ("Jan Roe and Tom Roe", "PA News")
    assert find_byline(["By Jane Doe For The Coast Herald"]) == ("Jane Doe", None)
    assert find_byline(["by clicking Sign Up you agree"]) == (None, None)


def test_only_a_date_by_the_headline_is_the_article_date() -> None:
    masthead = ["Old pier to close | Coast Herald", "Sunday, 24 December 2023", "Home", "News",
                "Weather", "Sport", "Old pier to close", "Jane Doe", *BODY,
                "Related stories", "New ferry timetable", "20 December 2023"]
    assert clean_text("\n".join(masthead)).date is None
    dated = masthead[:7] + ["Jane Doe", "22 December 2023"] + masthead[8:]
    assert clean_text("\n".join(dated)).date == "2023-12-22"


def test_markup_and_script_data_are_not_text() -> None:
    assert line_reason('{"providerName":"Clipper","url":"https://example.org/x","width":550}') \
        == "boilerplate"
    assert line_reason('<a href="https://example.org/tag?src=hash&amp;ref=x">#pier</a>') \
        == "boilerplate"
    assert line_reason("The board said the work (on the north quay) would cost less.") is None


def test_bio_of_the_author_who_signed_is_cut_even_if_named_in_the_body() -> None:
    page = ["Old pier to close | Coast Herald", "Old pier to close", "By Jane Doe", *BODY,
            "Jane Doe said she had fished from the pier as a child, and would miss it.",
            "Jane Doe is a reporter covering the coast for the Coast Herald."]
    art = clean_text("\n".join(page))
    assert not any("is a reporter" in p.text for p in art.paragraphs)
    assert any(r.reason == "author-bio" for r in art.removed)


def test_agency_story_reads_credit_byline_and_dateline_not_the_photo_file() -> None:
    page = ["Old pier to close | Coast Herald", "Old pier to close", "By JANE DOE and TOM ROE",
            "FILE - The old pier at Porthaven. (AP Photo/Jane Doe, File)", "Copy", "Link copied",
            "PORTHAVEN (AP) — " + BODY[0], *BODY[1:]]
    art = clean_text("\n".join(page))
    assert art.byline == "JANE DOE and TOM ROE"
    assert art.dateline == "PORTHAVEN (AP)" and art.outlet == "AP" and "AP" in art.attribution
    assert all(not p.text.startswith(("FILE", "Copy", "Link")) for p in art.paragraphs)


def test_subheading_that_echoes_the_page_title_is_not_the_headline() -> None:
    page = ["When does the old pier close? What the harbour board said | Coast Herald",
            "Home", "News", "A last summer for the old pier", "Jane Doe",
            "Anglers have one more summer on the old pier, the harbour board said.",
            "The pier has stood on the east side of the harbour for more than a century.",
            "When does the old pier close?", *BODY]
    art = clean_text("\n".join(page))
    assert art.title != "When does the old pier close?"
    assert art.paragraphs[0].text.startswith("Anglers have one more summer")


@pytest.mark.parametrize("items", [
    ["1. North quay", "2. Fish market", "3. Lifeboat station"],
    ["June 9 -- Town Hall, Porthaven", "June 10 -- North Quay, Porthaven",
     "June 14 -- Lifeboat Station, Eastwick"],  # a tour's or a hearing's dates
    ["1) North quay", "https://example.com/quay", "2) Fish market", "https://example.com/market",
     "3) Lifeboat station", "https://example.com/lifeboat"],  # each with its link under it
])
def test_a_list_under_a_paragraph_belongs_to_the_article(items: list[str]) -> None:
    page = ["Old pier to close | Coast Herald", "Old pier to close", *BODY,
            "The board will repair these first:", *items, "Share", "Facebook"]
    art = clean_text("\n".join(page))
    assert [p.text for p in art.paragraphs[-len(items):]] == items


def test_site_name_line_is_not_the_headline() -> None:
    page = ["Harbour board closes old pier for two years - Coast Herald", "Coast Herald", "Home",
            "Old pier closes for two years, harbour board says", *BODY]
    art = clean_text("\n".join(page))
    assert art.title == "Old pier closes for two years, harbour board says"


def test_byline_by_the_headline_wins_over_menu_entries() -> None:
    page = ["Old pier to close | Coast Herald", "By Topic", "By Region", "Old pier to close",
            "By Jane DoeStaff Writer", *BODY]
    art = clean_text("\n".join(page))
    assert art.byline == "Jane Doe"
    assert any(r.reason == "byline-line" and r.text.startswith("By Jane") for r in art.removed)


def test_date_under_a_standfirst_before_the_first_paragraph_is_read() -> None:
    page = ["Old pier to close | Coast Herald", "Old pier to close",
            "Anglers get one last summer on the boards before the work begins in the autumn",
            "Jane Doe", "Thu, Dec 21, 2023, 9:42 PM · 2 min read", *BODY]
    assert clean_text("\n".join(page)).date == "2023-12-21"


def test_headline_over_the_byline_wins_over_a_dek_and_a_teaser_like_the_title() -> None:
    # the page title is a rewrite: the dek and a teaser further down echo it more closely
    page = ["Why the old pier must close, and where the boats will go - Coast Herald",
            "Home", "Local news", "Old pier shuts after storm damage, board says",
            "How the old pier must close and where boats go",
            "By Jane Doe", *BODY, "Related", "Where the boats will go when the pier must close"]
    assert clean_text("\n".join(page)).title == "Old pier shuts after storm damage, board says"


def test_headline_that_shares_no_words_with_the_title_stands_over_the_byline() -> None:
    page = ["Pier closure latest: timber piles rotted", "Home", "Local news",
            "Weather", "Boats moved north as harbour board acts", "Jane Doe",
            "Coast Herald", *BODY]
    assert clean_text("\n".join(page)).title == "Boats moved north as harbour board acts"


def test_menu_entries_that_look_like_names_are_no_byline() -> None:
    # "Island Trails" reads like a name, but a menu repeats it
    menu = [f"Section{i}" for i in range(20)] + [
        "Island Trails", "Tide tables for this week", "Boats", "Island Trails"]
    page = ["Pier closure latest: timber piles rotted - Coast Herald", *menu,
            "Old pier to close for two years as piles rot", *BODY]
    assert clean_text("\n".join(page)).title == "Old pier to close for two years as piles rot"
