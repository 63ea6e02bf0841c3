"""Stories on wire reuse: takes of one wire story join by their slug lines, the earliest
take is named the original, a partial rewrite joins by the phrases it keeps, and a
closing line shared by many takes ties no stories together. Made-up wire copy."""

from __future__ import annotations

from reader.corpus.stories import group_stories
from reader.corpus.wire import slug_of

from tests.support.hearing_story import OWN, PART, WIRE, take
from tests.support.story_corpus import ELECTION, FLOOD, make_article

def _groups(stories):
    return sorted(sorted(a.path for a in s.members) for s in stories)


def test_slug_line_gives_catchline_time_and_page():
    s = slug_of(take("t.txt", "10:09 05/03/24: Page 2 (HHH) COURTS Goats Substitute",
                     "GOATS", WIRE[:1]))
    assert s is not None
    assert s.catchline == "courts goats" and s.page == 2
    assert (s.sent.year, s.sent.month, s.sent.day, s.sent.hour, s.sent.minute) == (2024, 3, 5, 10, 9)
    assert slug_of(make_article("n.txt", WIRE)) is None


def test_later_pages_join_the_first_take_by_slug_and_the_first_take_is_the_original():
    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    second = take("pa/goats2.txt", "10:09 05/03/24: Page 2 (HHH) COURTS Goats", "", WIRE[3:])
    sub = take("pa/goats3.txt", "12:30 05/03/24: Page 1 (HHH) COURTS Goats Substitute",
               "GOATS FINE", WIRE[:2])
    other = take("pa/vote1.txt", "10:05 05/03/24: Page 1 (HHH) POLITICS Mayor", "MAYOR", ELECTION)
    stories = group_stories([second, sub, other, first])
    assert _groups(stories) == [["pa/goats1.txt", "pa/goats2.txt", "pa/goats3.txt"], ["pa/vote1.txt"]]
    goats = next(s for s in stories if len(s.members) == 3)
    assert goats.original is first
    assert any("slug" in r for r in goats.reasons)


def test_a_newspaper_version_joins_the_wire_story_and_a_take_is_named_original():
    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    second = take("pa/goats2.txt", "10:09 05/03/24: Page 2 (HHH) COURTS Goats", "", WIRE[3:])
    paper = make_article("papers/goats_daily.txt", PART, outlet="Daily Example")
    stories = group_stories([paper, first, second])
    assert len(stories) == 1
    assert stories[0].original is first


def test_a_partial_rewrite_joins_its_source_by_the_phrases_it_keeps():
    rewrite = [p.replace(" and ", " while ").replace("The club secretary said", "According to the club secretary,")
               for p in PART]
    stories = group_stories([make_article("wire.txt", WIRE), make_article("rewrite.txt", rewrite),
                             make_article("flood.txt", FLOOD)])
    assert _groups(stories) == [["flood.txt"], ["rewrite.txt", "wire.txt"]]


def test_a_closing_line_shared_by_takes_of_different_stories_ties_none_together():
    closing = "The hearing was adjourned until tomorrow."
    a = take("pa/goats2.txt", "10:09 05/03/24: Page 2 (HHH) COURTS Goats", "", [closing])
    b = take("pa/flood2.txt", "11:09 05/03/24: Page 2 (HHH) NEWS Flood", "", [closing])
    c = take("pa/vote2.txt", "12:09 05/03/24: Page 2 (HHH) POLITICS Mayor", "", [closing])
    assert len(group_stories([a, b, c])) == 3


def test_an_independent_report_shares_too_little_to_need_the_wire_as_original():
    stories = group_stories([make_article("own.txt", OWN), make_article("flood.txt", FLOOD)])
    assert all(s.original is None for s in stories)
