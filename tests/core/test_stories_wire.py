"""Stories on wire reuse: takes of one wire story join by their slug lines, the earliest
take is named the original, a partial rewrite joins by the phrases it keeps, and a
closing line shared by many takes ties no stories together. Made-up wire copy."""

from __future__ import annotations

from reader.corpus.stories import group_stories
from reader.corpus.wire import slug_of, takes_of_their_stories
from tests.support.hearing_story import COPY, OWN, PART, WIRE, take
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
    assert any("first wire take (sent 10:02 on 05/03/24, page 1)" in r for r in goats.reasons)


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


def test_a_catchline_used_again_months_later_is_another_story():
    march = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:2])
    june = take("pa/goats9.txt", "10:02 05/06/24: Page 1 (HHH) COURTS Goats", "GOATS AGAIN", FLOOD[:2])
    assert len(group_stories([march, june])) == 2


def test_a_sidebar_carrying_on_a_catchline_joins_that_story_and_nothing_else():
    """'COURTS Goats List' is a sidebar of 'COURTS Goats' (a list of names sharing no
    sentence with it); a catchline sharing only its desk word names another story."""
    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    names = take("pa/goatslist.txt", "17:55 05/03/24: Page 1 (HHH) COURTS Goats List", "", FLOOD[:1])
    other = take("pa/sheep1.txt", "11:00 05/03/24: Page 1 (HHH) COURTS Sheep", "SHEEP", ELECTION)
    stories = group_stories([names, other, first])
    assert _groups(stories) == [["pa/goats1.txt", "pa/goatslist.txt"], ["pa/sheep1.txt"]]
    assert next(s for s in stories if len(s.members) == 2).original is first
    later = take("pa/goatslist9.txt", "17:55 05/06/24: Page 1 (HHH) COURTS Goats List", "", FLOOD[:1])
    assert len(group_stories([first, later])) == 2  # months later: another story


def test_judged_versions_carry_their_verdict_against_the_original():
    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE)
    copy = make_article("papers/copy.txt", COPY)
    story = group_stories([copy, first])[0]
    assert story.derivation(copy) is None  # not judged until asked
    story.judge()
    assert story.derivation(copy).verdict == "wholly-derived"
    assert story.derivation(first) is None  # the original is judged against nothing


def test_a_version_is_judged_against_every_take_of_the_wire_story():
    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    later = take("pa/goats2.txt", "10:40 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS FINE",
                 WIRE[3:], byline=False)
    copy = make_article("papers/copy.txt", COPY + WIRE[3:4])
    story = group_stories([copy, later, first])[0]
    story.judge()
    assert story.original is first
    assert story.derivation(copy).sources == ["pa/goats1.txt", "pa/goats2.txt"]
    assert story.takes == [later] and story.derivation(later) is None  # the wire story itself
    assert story.to_dict()["takes"] == ["pa/goats2.txt"]


def test_the_takes_of_a_story_are_its_pages_and_sidebars_not_another_catchline():
    def t(path, slug):
        return take(path, slug, "GOATS", WIRE[:1])

    first = t("g1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats")
    pages = [t("g2.txt", "11:30 05/03/24: Page 2 (HHH) COURTS Goats"),
             t("g3.txt", "09:00 06/03/24: Page 1 (HHH) COURTS Goats Substitute"),
             t("list.txt", "12:00 05/03/24: (HHH) COURTS Goats List")]
    others = [t("f.txt", "10:05 05/03/24: Page 1 (HHH) COURTS Flood"),
              t("late.txt", "10:02 05/06/24: Page 1 (HHH) COURTS Goats"),  # months later
              make_article("paper.txt", WIRE[:1])]
    got = takes_of_their_stories([first], [*others, *pages])
    assert [a.path for a in got] == ["g1.txt", "g2.txt", "g3.txt", "list.txt"]


def test_a_line_with_an_impossible_date_or_no_catchline_is_no_slug():
    assert slug_of(take("a.txt", "10:02 31/02/24: Page 1 (HHH) COURTS Goats", "GOATS", WIRE[:1])) is None
    assert slug_of(take("b.txt", "10:02 05/03/24: Page 1 (HHH) Substitute", "GOATS", WIRE[:1])) is None


def test_among_wire_takes_the_earliest_sent_is_the_original_bylined_or_not():
    """A later take that carries the wire's byline does not outrank an earlier one that
    does not: wire takes are ordered by when they were sent."""
    early = take("pa/world1.txt", "07:49 05/03/24: Page 1 (OOO) WORLD Goats", "GOATS", WIRE[:3],
                 byline=False)
    late = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS", WIRE[1:])
    paper = make_article("papers/copy.txt", COPY)
    stories = group_stories([late, paper, early])
    assert len(stories) == 1 and stories[0].original is early


def test_a_later_page_without_a_credit_is_labelled_wire_copy_not_outlet_unknown():
    from reader.render.labels import meta_line, outlet_label

    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    second = take("pa/goats2.txt", "10:09 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS FINE",
                  WIRE[3:], byline=False)
    assert outlet_label(first) == "PA News"  # its byline credits the agency
    assert second.outlet is None and outlet_label(second) == "wire copy"
    assert meta_line(second, brief=True).startswith("wire copy · ")
    assert outlet_label(make_article("n.txt", WIRE)) == "outlet unknown"


def test_a_reason_spells_out_a_slug_date_only_where_day_and_month_cannot_be_swapped():
    clear = slug_of(take("t.txt", "14:58 27/01/00: Page 1 (HHH) SHOWBIZ Oasis", "BABY", WIRE[:1]))
    swappable = slug_of(take("t.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS", WIRE[:1]))
    assert clear is not None and clear.when() == "14:58 on 27 Jan 2000"
    assert swappable is not None and swappable.when() == "10:02 on 05/03/24"  # 5 March or 3 May
