"""Grouping a corpus into stories: seeds, made-up corpora, and partition properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library import SEEDS_DIR, load_library
from reader.corpus import stories as stories_module
from reader.corpus.candidates import containment_estimate
from reader.corpus.stories import Grouping, group_stories
from reader.corpus.sketch import SKETCH_SIZE, sketch, sketch_many, words_of

from tests.support.story_corpus import BOILERPLATE, ELECTION, FLOOD, election_versions, flood_versions, make_article, spin


def _names(stories):
    return sorted(sorted(a.name for a in s.members) for s in stories)


def test_seeds_form_two_stories_and_000_stands_alone():
    """000 shares a few facts (Idlib, joint patrols) with 001/002 but is another
    report, so it is its own story: grouping means versions, not topics."""
    stories = group_stories(load_library([SEEDS_DIR]).articles)
    assert _names(stories) == [["000_4082506faa480835.txt"],
                               ["001_7a96e757d48b2c2e.txt", "002_e9fef7baff8a209e.txt"],
                               ["003_f4ced20b6688ca26.txt", "004_90f67be5c111099e.txt"]]
    by_first = {s.members[0].name: s for s in stories}
    assert by_first["003_f4ced20b6688ca26.txt"].original.name == "004_90f67be5c111099e.txt"
    assert by_first["000_4082506faa480835.txt"].links == []


def test_three_versions_are_one_story_and_places_plus_boilerplate_do_not_link():
    flood, vote = flood_versions(), election_versions()
    stats = Grouping()
    stories = group_stories(vote + flood, stats=stats)
    assert _names(stories) == [["first.txt", "second.txt"], ["reprint.txt", "spun.txt", "wire.txt"]]
    flood_story = stories[0]
    assert flood_story.original.path == "flood/wire.txt"
    assert flood_story.label == "Floods hit Marlow"
    assert len(flood_story.links) == 2 and flood_story.reasons
    assert stats.candidates >= 2


def test_the_aligner_runs_only_on_some_checked_candidates_of_the_seeds():
    stats = Grouping()
    group_stories(load_library([SEEDS_DIR]).articles, stats=stats)
    assert stats.aligned <= stats.checked <= stats.candidates <= 10  # of the 10 pairs
    assert stats.checked >= 1


def test_boilerplate_shared_by_many_articles_is_dropped(monkeypatch):
    """Short unrelated items that carry the same two footer lines stay apart: the footer's
    shingles and paragraphs are in more articles than the cutoff, so they neither make
    candidates nor count when the aligner checks one."""
    monkeypatch.setattr(stories_module, "BOILERPLATE_FLOOR", 4)  # shingles; paragraphs: 3
    items = [make_article(f"n{i}.txt", [s, *BOILERPLATE]) for i, s in enumerate(FLOOD + ELECTION)]
    stats = Grouping()
    stories = group_stories(items, stats=stats)
    assert len(stories) == len(items)
    assert stats.boilerplate_values > 0


def test_wire_copy_run_by_many_outlets_is_one_story_with_its_rewrite(monkeypatch):
    """Forty outlets run the same wire story, each inside its own furniture, and one spins
    it: the wire text is in more articles than the boilerplate cutoff, yet it is the
    story, not boilerplate. An unrelated item of one of those outlets stays apart."""
    monkeypatch.setattr(stories_module, "BOILERPLATE_FLOOR", 10)
    copies = [make_article(f"wire/o{i:02d}.txt", [f"Outlet {i} Daily", *FLOOD, f"Follow Outlet {i} Daily"])
              for i in range(40)]
    spun = make_article("wire/spun.txt", [spin(s) for s in FLOOD[:6]] + ["Quick News Hub"])
    other = make_article("wire/other.txt", ["Outlet 3 Daily", *ELECTION, "Follow Outlet 3 Daily"])
    stories = group_stories([*copies, spun, other])
    assert _names(stories) == sorted([["other.txt"], sorted([a.name for a in copies] + ["spun.txt"])])


def test_a_stock_background_paragraph_does_not_make_stories_one():
    """Four short stories about Marlow carry the same background paragraph (verbatim, its
    own paragraph, a third of each): it is stock text, so they stay four stories, while a
    reprint of one of them still joins it."""
    background = ("Marlow, a river town of 40,000 people north of Kessing, has flooded "
                  "three times in the past decade and is still waiting for a new dam. The "
                  "town's old harbour, once the busiest on the coast, now mostly serves "
                  "fishing boats and the summer ferry to the islands.")
    bodies = [FLOOD[:2], FLOOD[2:4], ELECTION[:2], ELECTION[2:4]]
    items = [make_article(f"m{i}.txt", [*body, background]) for i, body in enumerate(bodies)]
    items.append(make_article("m0-reprint.txt", [*bodies[0], background, "Harbour Daily"]))
    stories = group_stories(items)
    assert _names(stories) == [["m0-reprint.txt", "m0.txt"], ["m1.txt"], ["m2.txt"], ["m3.txt"]]


def test_sketch_many_is_the_bottom_k_of_each_texts_distinct_bigrams():
    texts = ["", "one", "Two words", "a b a b a b c", " ".join(POOL), " ".join(POOL[:2]) * 3]
    for text, (values, count) in zip(texts, sketch_many(texts)):
        words = words_of(text)
        expected = {tuple(words[k:k + 2]) for k in range(len(words) - 1)} or {tuple(words)} - {()}
        assert count == len(expected)
        assert len(values) == min(SKETCH_SIZE, count)
        assert list(values) == sorted(values) and len(set(values.tolist())) == len(values)
        alone, _ = sketch(text)  # the same sketch whichever batch a text is in
        assert alone.tolist() == values.tolist()


def test_story_to_dict_is_plain_data():
    d = group_stories(flood_versions())[0].to_dict()
    assert d["original"] == "flood/wire.txt"
    assert {m["path"] for m in d["members"]} == {"flood/wire.txt", "flood/reprint.txt",
                                                 "flood/spun.txt"}
    assert all(isinstance(r, str) for r in d["reasons"])


def test_progress_reports_every_stage_and_stats_time_them():
    seen = []
    stats = Grouping()
    group_stories(flood_versions(), progress=lambda done, total, stage: seen.append(stage), stats=stats)
    assert {"sketching", "matching", "confirming"} <= set(seen)
    assert min(stats.sketch_s, stats.match_s, stats.confirm_s) > 0


def test_containment_estimate_is_high_for_a_contained_text_and_low_for_another():
    whole, n_whole = sketch(" ".join(FLOOD * 3))
    part, n_part = sketch(" ".join(FLOOD[:3]))
    other, n_other = sketch(" ".join(ELECTION))
    assert containment_estimate(part, whole, n_part, n_whole) > 0.8
    assert containment_estimate(other, whole, n_other, n_whole) < 0.1


def test_empty_and_single_inputs():
    assert group_stories([]) == []
    one = group_stories([make_article("x.txt", [])])
    assert len(one) == 1 and one[0].original is None


POOL = FLOOD + ELECTION + [spin(s) for s in FLOOD]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(POOL) - 1), min_size=0, max_size=6),
                min_size=1, max_size=8),
       st.randoms(use_true_random=False))
def test_grouping_is_a_deterministic_partition_independent_of_order(picks, rnd):
    articles = [make_article(f"a{i}.txt", [POOL[k] for k in pick]) for i, pick in enumerate(picks)]
    stories = group_stories(articles)
    members = [a.path for s in stories for a in s.members]
    assert sorted(members) == sorted(a.path for a in articles)  # each exactly once
    assert [s.paths for s in group_stories(articles)] == [s.paths for s in stories]
    shuffled = articles[:]
    rnd.shuffle(shuffled)
    assert _names(group_stories(shuffled)) == _names(stories)
