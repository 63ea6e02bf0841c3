"""Provenance: who explains an article and which way the copying went, on the seeds
and on made-up versions."""

from __future__ import annotations

import pytest

from reader.library import SEEDS_DIR, load_library
from reader.corpus.provenance import assess, credits_of, likely_original, parse_date, rank_sources

from tests.support.hearing_story import OWN, PART, WIRE, take
from tests.support.story_corpus import FLOOD, election_versions, flood_versions, make_article


@pytest.fixture(scope="module")
def seeds():
    return {a.name[:3]: a for a in load_library([SEEDS_DIR]).articles}


def test_004_is_the_source_of_003(seeds):
    ranked = rank_sources(seeds["003"], list(seeds.values()))
    top = ranked[0]
    assert top.article is seeds["004"]
    assert top.direction == "original" and top.confidence >= 0.5
    assert top.explained >= 0.5
    assert any("Reuters" in r for r in top.reasons)
    assert any("The National" in r for r in top.reasons)


def test_001_is_the_source_of_002_and_000_only_loosely_related(seeds):
    ranked = rank_sources(seeds["002"], list(seeds.values()))
    assert ranked[0].article is seeds["001"] and ranked[0].direction == "original"
    assert any("Arab News" in r for r in ranked[0].reasons)
    loose = next(c for c in ranked if c.article is seeds["000"])
    assert loose.explained < 0.2 and loose.direction == "unclear"
    assert loose.reasons[1].startswith("only loosely related")  # the line a list shows
    assert loose.explained < ranked[0].explained / 2


def test_direction_is_reversed_from_the_original_side(seeds):
    ranked = rank_sources(seeds["004"], list(seeds.values()))
    assert ranked[0].article is seeds["003"] and ranked[0].direction == "derivative"
    back = rank_sources(seeds["001"], list(seeds.values()))
    assert back[0].article is seeds["002"] and back[0].direction == "derivative"


def test_an_article_is_never_its_own_source(seeds):
    corpus = list(seeds.values())
    for article in corpus:
        assert all(c.article is not article for c in rank_sources(article, corpus))


def test_ranking_is_by_explained_share(seeds):
    ranked = rank_sources(seeds["000"], list(seeds.values()))
    shares = [c.explained for c in ranked]
    assert shares == sorted(shares, reverse=True)
    assert all(0 <= s <= 1 and 0 <= c.confidence <= 1 for s, c in zip(shares, ranked))


def test_spun_copy_points_to_the_wire_and_says_so():
    wire, reprint, spun = flood_versions()
    candidate = assess(spun, wire, word_df={"flooded": 5, "inundated": 1, "residents": 9,
                                            "inhabitants": 1, "homes": 7, "dwellings": 1,
                                            "families": 4, "households": 2, "officials": 8,
                                            "authorities": 3, "damaged": 4, "harmed": 1})
    assert candidate.direction == "original"
    assert any("spun copy" in r and "spun.txt" in r for r in candidate.reasons)


def test_credit_to_the_other_outlet_decides():
    _, reprint, spun = flood_versions()
    candidate = assess(spun, reprint)
    assert candidate.direction == "original"
    assert any("credits 'the Harbour Daily'" in r.replace("The", "the") for r in candidate.reasons)


def test_unrelated_articles_on_the_same_places_are_unclear():
    flood, vote = flood_versions()[0], election_versions()[0]
    candidate = assess(vote, flood)
    assert candidate.explained < 0.2 and candidate.direction == "unclear"


def test_no_signal_means_unclear():
    a = make_article("a.txt", FLOOD[1:5])
    b = make_article("b.txt", FLOOD[1:5])
    candidate = assess(a, b)
    assert candidate.explained > 0.9 and candidate.direction == "unclear"
    assert candidate.confidence == 0


def test_a_later_page_without_a_byline_is_still_wire_copy_by_its_slug_line():
    """The same text either way round: only the slug line tells the take from the paper."""
    page = take("g2.txt", "10:40 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS", WIRE[1:5], byline=False)
    paper = make_article("paper.txt", WIRE[1:5])
    assert credits_of(page).wire is None
    candidate = assess(paper, page)
    assert any("g2.txt is a wire take (slug line sent 10:40 on 05/03/24)" in r
               for r in candidate.reasons)
    assert assess(page, paper).direction != "original"


def test_dates_vote_for_the_earlier_version():
    a = make_article("a.txt", FLOOD[1:5], date="March 14, 2024")
    b = make_article("b.txt", FLOOD[1:5], date="12 Mar 2024")
    candidate = assess(a, b)
    assert candidate.direction == "original"
    assert any("dated 12 Mar 2024" in r for r in candidate.reasons)


def test_parse_date_formats():
    assert parse_date("20 Feb 2020") == parse_date("Feb. 20th, 2020") == parse_date("2020-02-20")
    assert parse_date("yesterday") is None and parse_date(None) is None


def test_credits_and_likely_original():
    wire, reprint, spun = flood_versions()
    assert credits_of(wire).wire == "Reuters"
    assert "Reuters" in credits_of(reprint).credited
    assert likely_original([spun, reprint, wire]) is wire
    assert likely_original(election_versions()) is not None  # the earlier date
    same_day = [make_article("x.txt", FLOOD), make_article("y.txt", FLOOD)]
    assert likely_original(same_day) is None


def test_to_dict_is_plain_data(seeds):
    d = rank_sources(seeds["003"], list(seeds.values()))[0].to_dict()
    assert d["path"].endswith("004_90f67be5c111099e.txt")
    assert set(d) >= {"explained", "direction", "confidence", "reasons"}


def test_another_copy_of_the_same_wire_copy_is_a_sibling_not_the_original():
    """Both papers took the wire's words: the longer one is no source of the shorter."""
    wire = take("w1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS", WIRE)
    short, long = make_article("short.txt", WIRE[1:3]), make_article("long.txt", WIRE[1:5])
    assert assess(short, long).direction == "original"  # on its own, the fuller side
    ranked = {c.article.name: c for c in rank_sources(short, [wire, long])}
    assert ranked["w1.txt"].direction == "original"
    assert ranked["long.txt"].direction == "sibling" and ranked["long.txt"].confidence > 0.5
    assert any("both were likely written from the wire" in r for r in ranked["long.txt"].reasons)


def test_wording_two_versions_share_and_the_wire_lacks_keeps_their_direction():
    wire = take("w1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS", WIRE)
    short = make_article("short.txt", [WIRE[1], OWN[0]])
    long = make_article("long.txt", [WIRE[1], *OWN[:3]])
    ranked = {c.article.name: c for c in rank_sources(short, [wire, long])}
    assert ranked["w1.txt"].direction == "original"
    assert ranked["long.txt"].direction == "original"


def test_the_fuller_version_is_the_original_only_of_one_that_is_mostly_its_text():
    """Copies trim: but a version that says as much of its own again is no trimmed copy."""
    fuller = make_article("fuller.txt", [*WIRE, *PART[2:5]])
    trimmed = make_article("trimmed.txt", WIRE[1:4])
    assert assess(trimmed, fuller).direction == "original"
    own = make_article("own.txt", [*WIRE[1:3], *OWN[:2]])
    candidate = assess(own, fuller)
    assert candidate.direction == "unclear"
    assert any("no trimmed copy" in r for r in candidate.reasons)
