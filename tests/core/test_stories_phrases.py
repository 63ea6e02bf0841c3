"""Stories joined by shared 3-word sequences: one phrase in the own line an outlet adds
to wire copy that many outlets run verbatim is not most of that article. Made-up text."""

from __future__ import annotations

from reader.corpus.stories import group_stories
from tests.support.hearing_story import PART, WIRE
from tests.support.story_corpus import BOILERPLATE, ELECTION, FLOOD, make_article

# the governor's remark, carried by a flood item's local line and by an election report
REMARK = ("the regional governor told reporters in Marlow that the coast road would be "
          "rebuilt with money from the national recovery fund before the winter")


def _groups(stories):
    return sorted(sorted(a.path for a in s.members) for s in stories)


def test_a_phrase_in_an_outlets_own_line_does_not_join_widely_run_wire_copy_to_another_story():
    local = f"In a separate interview on Monday {REMARK}, our correspondent reports."
    copies = [make_article(f"wire/o{i}.txt", [*FLOOD, *([local] if i == 0 else [])]) for i in range(3)]
    vote = make_article("vote.txt", [*ELECTION[:4], f"Speaking later on Sunday, {REMARK}.", *ELECTION[4:]])
    stories = group_stories([*copies, vote])
    assert _groups(stories) == [["vote.txt"], ["wire/o0.txt", "wire/o1.txt", "wire/o2.txt"]]


def test_a_partial_rewrite_still_joins_by_its_phrases_when_both_carry_repeated_site_furniture():
    rewrite = [p.replace(" and ", " while ").replace("The club secretary said", "According to the club secretary,")
               for p in PART]
    stories = group_stories([make_article("wire.txt", WIRE + BOILERPLATE),
                             make_article("rewrite.txt", rewrite + BOILERPLATE),
                             make_article("flood.txt", FLOOD + BOILERPLATE),
                             make_article("vote.txt", ELECTION + BOILERPLATE)])
    assert _groups(stories) == [["flood.txt"], ["rewrite.txt", "wire.txt"], ["vote.txt"]]
    joined = next(s for s in stories if len(s.members) == 2)
    assert [link.how for link in joined.links] == ["sequences"]
