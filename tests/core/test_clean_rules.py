"""Each rule family of the text-dump cleaner on small made-up pages."""

from __future__ import annotations

import pytest

from reader.clean import clean, clean_text
from reader.ingest import source_from_text
from reader.model import Article

HEADLINE = "Harbour town votes to restore its old wooden pier"
BODY = [
    "PORTHAVEN (Coastal Wire) – Residents of the small harbour town voted on Tuesday to "
    "restore the wooden pier that has stood at the end of the high street since 1890, after "
    "a long campaign by fishermen and local shop owners.",
    "The council said the work would take two years and cost about 4 million pounds, most of "
    "which will come from a national heritage fund and the rest from a local levy.",
    "\u201cThe pier is the reason people come here at all,\u201d said Ann Weller, who has run "
    "a cafe by the water for thirty years. \u201cWithout it the town would slowly empty.\u201d",
    "Engineers found last year that several of the oak piles had rotted through, and the "
    "pier has been closed to the public since the spring because of the risk of collapse.",
    "Opponents of the plan said the money would be better spent on the town's roads and on "
    "its school, which lost two teachers this year because of cuts to its budget.",
    "The first stage of the work, which will replace the piles nearest the shore, is due to "
    "begin in March once the winter storms are over, the council said in a statement.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def run(text: str) -> Article:
    return clean(source_from_text(text, path="made-up.txt"))


def reason_of(art: Article, line: str) -> str | None:
    return next((r.reason for r in art.removed if r.text == line), None)


def assert_body_whole(art: Article) -> None:
    texts = [p.text for p in art.paragraphs]
    for para in BODY:
        assert para in texts, para[:40]


def test_plain_article_keeps_every_paragraph() -> None:
    art = run(page(HEADLINE, *BODY))
    assert art.title == HEADLINE
    assert [p.text for p in art.paragraphs] == BODY
    assert art.dateline == "PORTHAVEN (Coastal Wire)"
    assert art.outlet == "Coastal Wire"


def test_navigation_block_before_the_headline() -> None:
    nav = ["Home", "World", "Business", "Sport", "Weather", "\u2022 Local news", "Search"]
    art = run(page(*nav, HEADLINE, *BODY))
    assert_body_whole(art)
    assert art.title == HEADLINE
    for item in nav:
        assert reason_of(art, item) == "navigation", item


def test_share_bar_under_the_headline() -> None:
    bar = ["Share this article", "Facebook", "Twitter", "WhatsApp", "Email"]
    art = run(page(HEADLINE, *bar, *BODY))
    assert_body_whole(art)
    for item in bar:
        assert reason_of(art, item) == "share", item


def test_cookie_and_subscribe_promos() -> None:
    cookie = ("We use cookies to improve your experience. By continuing you accept our "
              "cookie policy.")
    signup = "Sign up for our daily newsletter and get the news delivered to your inbox"
    art = run(page(HEADLINE, *BODY[:3], signup, *BODY[3:], cookie))
    assert_body_whole(art)
    assert reason_of(art, signup) == "subscribe"
    assert reason_of(art, cookie) == "legal"


def test_comment_form_ends_the_article() -> None:
    form = ["3 Comments", "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Name", "Email", "Website", "Post Comment",
            "I think this is a wonderful idea and the council should have done it years ago, "
            "before the storms of the last winters did so much damage to the old piles."]
    art = run(page(HEADLINE, *BODY, *form))
    assert_body_whole(art)
    assert art.paragraphs[-1].text == BODY[-1]
    assert reason_of(art, "Leave a Reply") == "comments"
    assert reason_of(art, form[2]) == "comments"
    assert form[-1] not in art.body  # a reader's comment is not the article


def test_duplicated_caption_is_removed() -> None:
    caption = "The old pier at low tide on Monday. (Photo: Jane Roe/Coastal Wire)"
    art = run(page(HEADLINE, caption, caption, *BODY))
    assert_body_whole(art)
    reasons = [r.reason for r in art.removed if r.text == caption]
    assert len(reasons) == 2 and set(reasons) <= {"caption", "duplicate"}


def test_repeated_paragraph_is_kept_once() -> None:
    art = run(page(HEADLINE, *BODY[:2], BODY[1], *BODY[2:]))
    texts = [p.text for p in art.paragraphs]
    assert texts.count(BODY[1]) == 1
    assert reason_of(art, BODY[1]) == "duplicate"


def test_author_bio_after_the_end() -> None:
    bio = ("Maria Lopez is a freelance writer who covers food, travel and coastal life, and "
           "has contributed to several regional magazines over the past decade.")
    art = run(page(HEADLINE, *BODY, bio, "Related Articles", "Another pier story"))
    assert_body_whole(art)
    assert reason_of(art, bio) == "author-bio"
    assert reason_of(art, "Related Articles") == "related"


def test_link_box_inside_the_article_does_not_end_it() -> None:
    box = ["Related stories", "Storm damage closes seafront road",
           "Fishing fleet shrinks to ten boats"]
    art = run(page(HEADLINE, *BODY[:2], *box, *BODY[2:]))
    assert_body_whole(art)
    for item in box:
        assert reason_of(art, item) == "related", item


def test_byline_timestamp_and_page_title() -> None:
    lines = [f"{HEADLINE} | The Porthaven Post", "Home", "News", HEADLINE,
             "By Jane Doe", "Updated 14 March 2021, 10:32 GMT", *BODY]
    art = run(page(*lines))
    assert art.title == HEADLINE
    assert art.byline == "Jane Doe"
    assert art.date == "2021-03-14"
    assert reason_of(art, "By Jane Doe") == "byline-line"
    assert reason_of(art, lines[5]) == "timestamp"
    assert [p.text for p in art.paragraphs] == BODY


def test_promo_glued_to_the_last_sentence_is_cut() -> None:
    last = BODY[-1] + " Read more about Porthaven news."
    art = run(page(HEADLINE, *BODY[:-1], last))
    assert art.paragraphs[-1].text == BODY[-1]
    promo = [r for r in art.removed if r.reason == "promo"]
    assert promo and promo[0].text == "Read more about Porthaven news."
    assert art.text[promo[0].start:promo[0].end] == promo[0].text


def test_unknown_metadata_stays_none() -> None:
    plain = [p.replace("PORTHAVEN (Coastal Wire) – ", "") for p in BODY]
    art = run(page(*plain))
    assert art.byline is None and art.date is None and art.dateline is None
    assert art.outlet is None and art.attribution == []
    assert [p.text for p in art.paragraphs] == plain


def test_attribution_names_credited_outlets_only() -> None:
    extra = ("The council's decision was first reported by The Porthaven Post, and "
             "according to the Coastal Times the vote was close, while the Ministry of "
             "Culture reported no objection.")
    art = run(page(HEADLINE, *BODY, extra, "(Coastal Wire with Agencies)"))
    assert art.paragraphs[-1].text == "(Coastal Wire with Agencies)"
    assert art.attribution == ["Coastal Wire", "The Porthaven Post", "The Coastal Times",
                               "Agencies"]


def test_empty_and_furniture_only_pages() -> None:
    assert clean_text("").paragraphs == []
    art = run(page("Home", "Menu", "Facebook", "Twitter"))
    assert art.paragraphs == [] and art.title is None
    assert len(art.removed) == 4


def test_text_with_no_prose_is_kept_rather_than_emptied():
    # One giant line, unpunctuated lines, escape-laden lines: nothing scores as prose,
    # but a user must still see the text, not an empty article.
    for text in ("word " * 2000,
                 "\n".join(f"a line of words with no full stop {i}" for i in range(30)),
                 "Escape headline\n\nColour \u241b[31mred\u241b[0m text here"):
        art = clean(source_from_text(text, "x.txt"))
        assert art.paragraphs, text[:40]
        assert all(art.text[p.start:p.end] == p.text for p in art.paragraphs)


def test_teaser_box_after_the_article_ends_it() -> None:
    # teasers with a sentence of their own, under the headings sites give such boxes
    for heading in ("Latest Videos", "Before You Go", "Best of Coast Herald", "Next read this:",
                    "Read This Next"):
        teasers = ["Ferry timetable changes for the winter",
                   "The harbour ferry will run twice a day from November, the operator said."]
        art = run(page(HEADLINE, *BODY, heading, *teasers))
        assert_body_whole(art)
        assert all(t not in art.body for t in teasers), heading


def test_teaser_headline_asking_a_question_is_not_the_last_paragraph() -> None:
    teasers = ["Ferry timetable changes for the winter months on the island",
               "Harbour seals return to the bay after an absence of ten years",
               "Will the old lighthouse on the point reopen to visitors by summer?"]
    art = run(page(HEADLINE, *BODY, *teasers))
    assert_body_whole(art)
    assert all(t not in art.body for t in teasers)


def test_question_closing_the_article_stays() -> None:
    art = run(page(HEADLINE, *BODY, "Will the pier be ready by summer?"))
    assert art.paragraphs[-1].text == "Will the pier be ready by summer?"


def test_sentence_over_a_photo_credit_is_its_caption() -> None:
    caption = "The old pier at dusk last winter, a month before the storm."
    art = run(page(HEADLINE, *BODY[:2], caption, "Jane Doe / Coast Herald", *BODY[2:]))
    assert_body_whole(art)
    assert reason_of(art, caption) == "caption"


def test_contact_lines_after_the_article_are_not_part_of_it() -> None:
    contact = ["Jane Doe can be reached at jdoe@coastherald.example.",
               "Have a story for us? Send it to tips@coastherald.example."]
    art = run(page(HEADLINE, *BODY, *contact))
    assert_body_whole(art)
    for line in contact:
        assert reason_of(art, line) == "promo", line


def test_sidebar_between_headline_and_byline_is_not_the_article() -> None:
    sidebar = ["Podcasts", "A new episode of the harbour podcast is out now",
               "What if the old ferry had never been sold to the island?",
               "Question of the Day", "Should the town pay for the pier out of its own budget?"]
    art = run(page(f"{HEADLINE} | The Porthaven Post", "Home", HEADLINE, *sidebar, "By Jane Doe",
                   *BODY))
    assert_body_whole(art)
    assert all(line not in art.body for line in sidebar)


def test_tag_list_under_the_article_ends_it() -> None:
    # section and topic tags, then another story's teaser that reads like body text
    tags = ["Opinion", "Coastal Towns", "Heritage", "Local Councils", "Fishing"]
    teaser = ("Our readers have written to us all week about the closure of the town's last "
              "bank branch, which will leave the nearest cash machine eleven miles away.")
    for menu in ([], ["Search", "Back to top"]):  # furniture a rule names may come between
        art = run(page(HEADLINE, *BODY, *menu, *tags, "Jane Marsh", teaser))
        assert_body_whole(art)
        assert teaser not in art.body
        assert all(t not in [p.text for p in art.paragraphs] for t in tags)


def test_a_repeated_short_line_is_no_tag_list() -> None:
    # embedded posts, each with the same one-word link under it, amid the article
    embeds = ["Advertisement", "Report"] * 4
    art = run(page(HEADLINE, *BODY[:3], *embeds, *BODY[3:]))
    assert_body_whole(art)


def test_names_listed_under_a_colon_stay_in_the_article() -> None:
    names = ["Mary Cole", "Tom Price", "Rita Moss", "Sam O'Neill"]
    art = run(page(HEADLINE, *BODY[:5], "The campaign was led by four residents:", *names,
                   *BODY[5:]))
    assert_body_whole(art)
    assert all(n in [p.text for p in art.paragraphs] for n in names)


def test_sources_list_and_comment_thread_heading_end_the_article() -> None:
    # a fact check's list of sources, and a blog's comment thread headed with the title
    sources = ["Council minutes, meeting of the harbour committee, March 3, 2021",
               "Interview with Ann Weller, cafe owner on the waterfront, March 4, 2021"]
    thread = ["Sam Reed",
              "What a lovely story, I remember walking to the end of that pier with my "
              "grandfather every summer when I was a boy, and I am glad it will be saved."]
    for heading, after in (("Our Sources", sources), ("Sources:", sources),
                           (f"12 thoughts on \u201c{HEADLINE} after years of campaigning "
                            "by the fishermen\u201d", thread)):
        art = run(page(HEADLINE, *BODY, heading, *after))
        assert_body_whole(art)
        assert all(line not in art.body for line in after), heading


def test_teasers_signed_one_by_one_end_the_article() -> None:
    # other stories, each headline over its own byline, then a teaser with a summary
    teasers = ["Ferry timetable changes for the winter months on the island", "by Tom Hale",
               "Harbour seals return to the bay after an absence of ten years", "by Rita Moss",
               "Deals",
               "The harbour shop has cut the price of its rain jackets by half for the whole of "
               "the week, and says it will not do so again before the summer season starts."]
    art = run(page(HEADLINE, "By Jane Doe", *BODY, *teasers))
    assert_body_whole(art)
    assert all(t not in art.body for t in teasers)


def test_about_box_after_the_article_ends_it() -> None:
    # the box about the writer or the company, whatever the first line of it says
    box = ["Tom Hale writes on the sea, boats and the people who work on them for several "
           "papers on the south coast, and lives in a cottage by the harbour with his dog."]
    for heading in ("About Tom Hale", "About Coast Herald", "About the Author", "Über Tom Hale"):
        art = run(page(HEADLINE, *BODY, heading, *box))
        assert_body_whole(art)
        assert box[0] not in art.body, heading


def test_link_box_leading_to_the_comments_ends_the_article() -> None:
    # the comments under the box are longer than the article: the box alone would not end it
    comment = ("I walked to the end of that pier with my grandfather every summer when I was "
               "a boy, and I cannot believe that the council waited so long to do something "
               "about the rotten piles, which anyone could see from the beach at low tide.")
    tail = ["More from Coast Herald", "Ferry timetable changes for the winter",
            "8 Comments", "sam_reed",
            *[comment.replace("grandfather", who) for who in ("father", "uncle", "aunt", "mother",
                                                             "brother", "sister")]]
    art = run(page(HEADLINE, *BODY, *tail))
    assert_body_whole(art)
    assert "the rotten piles" not in art.body


def test_company_boilerplate_after_a_press_release_ends_it() -> None:
    profile = ["Harbourworks is a global provider of marine engineering services to ports and "
               "coastal towns, with a focus on the repair of historic timber structures.",
               "Harbourworks is headquartered in Porthaven, has offices in six countries and "
               "employs around 900 people worldwide."]
    signup = ("An email with a link has been sent to your address: please click the link in it "
              "to confirm that you want to receive our news about the harbour and its works.")
    art = run(page(HEADLINE, *BODY, *profile, "Stay up to date", signup))
    assert_body_whole(art)
    assert all(line not in art.body for line in [*profile, signup])


def test_teasers_dated_by_their_age_end_the_article() -> None:
    summary = ("The island's ferry will run twice a day from November, the operator said on "
               "Monday, after a summer in which it ran every hour for the first time.")
    teasers = ["Ferry timetable changes for the winter", summary, "32M ago",
               "Harbour seals return to the bay after ten years", "Seals are back.", "1H ago",
               "Lighthouse keeper retires after forty years", "He kept the light.", "7 hours ago"]
    for lead in ([], ["Top Stories"]):  # under a link box's heading too
        art = run(page(HEADLINE, *BODY, *lead, *teasers))
        assert_body_whole(art)
        assert all(t not in art.body for t in teasers)


def test_the_article_restated_in_one_block_is_a_duplicate() -> None:
    # a page's structured data printed as text: dates, an image, the whole article again
    data = ["Jane Doe", "2021-03-04T08:57:40+01:00", "https://example.com/pier.jpg", "500",
            " ".join(BODY), "Coast Herald"]
    art = run(page(HEADLINE, *BODY, *data))
    assert [p.text for p in art.paragraphs] == BODY
    assert reason_of(art, " ".join(BODY)) == "duplicate"


def test_a_paragraph_opening_with_a_pull_quote_stays() -> None:
    quote = "\u201cThe pier is the reason people come here at all, and always was.\u201d"
    para = (quote + " said Ann Weller, who has run a cafe by the water for thirty years, "
            "and who started the campaign to save the pier with a petition in her window that "
            "collected more than two thousand names in its first month, most of them visitors "
            "who had come to the town for the day.")
    art = run(page(HEADLINE, *BODY[:2], quote, *BODY[2:4], para, *BODY[4:]))
    assert para in [p.text for p in art.paragraphs]


def test_the_writers_bio_ends_the_article() -> None:
    bio = "Jane Doe is a freelance writer living in Porthaven"
    teasers = ["Want more stories like this?", "HARBOUR NEWS",
               "Ferry timetable changes for the winter",
               "The island's ferry will run twice a day from November, the operator said on "
               "Monday, after a summer in which it ran every hour for the first time, and the "
               "fishermen say that the quay will be busier than ever when the boats come in."]
    art = run(page(HEADLINE, "By Jane Doe", *BODY, bio, *teasers))
    assert_body_whole(art)
    assert all(line not in art.body for line in [bio, *teasers])


def test_a_line_about_a_named_thing_is_no_writers_bio() -> None:
    # "Harbour Day" is a menu entry above the article, and not a writer
    line = "Harbour Day is the town's summer fair, held on the quay every July."
    art = run(page("Harbour Day", HEADLINE, "By Jane Doe", *BODY[:3], line, *BODY[3:]))
    assert_body_whole(art)


def test_a_labelled_list_closing_the_article_stays() -> None:
    # the article ends with a list of results; the writer's box under it is cut
    results = ["North Ward (Porthaven): 1,204 votes for", "South Ward (Porthaven): 988 votes for",
               "Quay Ward (Porthaven): 1,561 votes for", "Hill Ward (Porthaven): 402 votes for"]
    box = ["Jane Doe", "Staff Writer",
           "Jane Doe is a reporter who has covered the harbour for the paper since 2010."]
    teaser = ("The island's ferry will run twice a day from November, the operator said on "
              "Monday, after a summer in which it ran every hour for the first time, and the "
              "fishermen say that the quay will be busier than ever when the boats come in.")
    art = run(page(HEADLINE, "By Jane Doe", *BODY, "Results by ward", *results, *box, teaser))
    assert_body_whole(art)
    assert all(r in [p.text for p in art.paragraphs] for r in results)
    assert all(line not in [p.text for p in art.paragraphs] for line in box)


def test_a_box_heading_with_its_more_link_glued_on() -> None:
    # a box of links amid the article, its heading run into its "More" link; the line
    # that leads into the article's next list is the article again
    box = ["Harbour News More", "Storm damage closes seafront road",
           "Fishing fleet shrinks to ten boats"]
    lead = "Here is what the council decided:"
    art = run(page(HEADLINE, *BODY[:3], *box, lead, *BODY[3:]))
    assert_body_whole(art)
    assert lead in [p.text for p in art.paragraphs]
    for item in box:
        assert reason_of(art, item) == "related", item


def test_the_bio_of_a_writer_signed_under_the_dek_ends_the_article() -> None:
    # the dek opens the body, and the byline stands under it
    dek = ("Residents of the harbour town have voted to save the old wooden pier, and the "
           "work on it will start in the spring.")
    bio = ("Jane Doe is a contributing freelancer for the Herald covering the coast, its "
           "towns and the people who live in them.")
    teaser = ("The island's ferry will run twice a day from November, the operator said on "
              "Monday, after a summer in which it ran every hour for the first time, and the "
              "fishermen say that the quay will be busier than ever when the boats come in.")
    art = run(page(HEADLINE, dek, "By", "Jane Doe", *BODY, "Jane Doe", bio, "Home", teaser))
    assert_body_whole(art)
    assert bio not in art.body and teaser not in art.body


@pytest.mark.parametrize(("lines", "prose"), [
    (["About two dozen people came."], True),  # no "About Jane Doe" box heading
    # one sentence saying what a company is: no company profile
    (["Harbourworks is a family firm that has repaired piers along the coast since 1950."], True),
    (["Additional reporting", "by Tom Hale"], False),  # one signed line: no signed teasers
    # books and their writers, no teasers: "Title" / "by Jane Doe" pairs
    (["The Lighthouse", "by Ann Moss", "Salt and Stone", "by Tom Hale", "Low Water",
      "by Rita Reed"], False),
    (["Updated 2 hours ago"], False),  # one age stamp: no list of dated teasers
])
def test_lines_like_an_articles_end_amid_it_do_not_end_it(lines: list[str], prose: bool) -> None:
    art = run(page(HEADLINE, *BODY[:3], *lines, *BODY[3:]))
    assert_body_whole(art)
    assert not prose or lines[0] in [p.text for p in art.paragraphs]


def test_a_share_bar_amid_the_article_does_not_end_it() -> None:
    # a floating share bar, then more of the article than came before it
    bar = ["Share this article", "Copied!"]
    art = run(page(HEADLINE, *BODY[:2], *bar, *BODY[2:]))
    assert_body_whole(art)
    teaser = ("Harbour seals have returned to the bay after an absence of ten years, and the "
              "wardens say that more than forty of them now haul out on the sandbank.")
    art = run(page(HEADLINE, *BODY, "Share this story", teaser))  # under it: the article is over
    assert_body_whole(art)
    assert teaser not in art.body


def test_a_link_box_the_page_repeats_does_not_end_the_article() -> None:
    # the same box set between the article's sections, and again under it
    box = ["Most Popular", "Storm damage closes seafront road", "Jane Doe",
           "Fishing fleet shrinks to ten boats", "Tom Hale"]
    teaser = ("Harbour seals have returned to the bay after an absence of ten years, and the "
              "wardens say that more than forty of them now haul out on the sandbank at low tide.")
    art = run(page(HEADLINE, *BODY[:4], *box, *BODY[4:], *box, teaser))
    assert_body_whole(art)
    assert teaser not in art.body


def test_a_read_more_link_amid_the_article_does_not_end_it() -> None:
    link = "Ferry timetable changes for the winter months"
    for ad in ([], ["Advertisement"]):  # an advert may stand between it and the article
        art = run(page(HEADLINE, *BODY[:5], link, "Read more", *ad, *BODY[5:]))
        assert_body_whole(art)
        assert reason_of(art, link) == "related"


def test_a_last_line_about_the_company_the_headline_names_stays() -> None:
    headline = "Harbourworks wins the contract to restore the old wooden pier"
    body = [*BODY, "The contract is the largest Harbourworks has won since it was founded.",
            "Harbourworks is the biggest employer in the town, with 300 staff on the quay."]
    art = run(page(headline, "By Jane Doe", *body))
    assert [p.text for p in art.paragraphs] == body
