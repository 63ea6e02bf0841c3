"""The whole story at once: rows of the original, a cell per version, added sentences."""

from __future__ import annotations

import sqlite3

from reader.clean import clean
from reader.compare import compare
from reader.corpus.story import story_members, story_table
from reader.ingest import source_from_text
from tests.support.bridge_story import ADDED, SENTENCES, TITLE, UNRELATED, page_text


def article(sentences: list[str], path: str, title: str = TITLE):
    return clean(source_from_text(page_text(sentences, title), path))


def versions():
    changed = [s.replace("12,000", "21,000") for s in SENTENCES]
    shortened = SENTENCES[:2] + SENTENCES[3:] + [ADDED]
    return [article(changed, "changed.txt"), article(shortened, "shortened.txt")]


def test_rows_follow_the_original_and_cells_say_what_each_version_did():
    original = article(SENTENCES, "original.txt")
    table = story_table(original, versions())
    data = table.to_dict()
    assert data["original"] == "original.txt"
    assert [r["sentence"] for r in data["rows"]] == [TITLE, *SENTENCES]  # the headline first
    assert [r["section"] for r in data["rows"]][:2] == ["headline", "body"]
    assert [v["path"] for v in data["versions"]] == ["changed.txt", "shortened.txt"]
    kinds = [{p: c["kind"] for p, c in r["cells"].items()} for r in data["rows"]]
    assert kinds[1] == {"changed.txt": "same", "shortened.txt": "same"}
    assert kinds[2]["changed.txt"] == "changed"
    assert kinds[3]["shortened.txt"] == "dropped"
    assert data["added"] == {"changed.txt": [], "shortened.txt": [ADDED]}


def test_changed_cells_carry_their_drift():
    table = story_table(article(SENTENCES, "original.txt"), versions())
    cell = table.to_dict()["rows"][2]["cells"]["changed.txt"]
    assert [d["kind"] for d in cell["drift"]] == ["number"]
    assert "21,000" in cell["drift"][0]["b_text"]
    assert table.to_dict()["rows"][1]["cells"]["changed.txt"]["drift"] == []


def test_cell_points_at_the_pair_of_that_versions_comparison():
    original = article(SENTENCES, "original.txt")
    table = story_table(original, versions())
    cell = table.cells(1)[3]  # row 0 is the headline
    pair = table.comparisons[1].pairs[cell.pair]
    assert 3 in pair.a and pair.kind == "dropped"
    alone = compare(original, table.versions[1])
    assert [p.kind for p in alone.pairs] == [p.kind for p in table.comparisons[1].pairs]


def test_progress_is_reported_per_version():
    seen = []
    story_table(article(SENTENCES, "original.txt"), versions(),
                progress=lambda done, total, path: seen.append((done, total, path)))
    assert seen == [(1, 2, "changed.txt"), (2, 2, "shortened.txt")]


def test_no_versions_still_lists_the_original():
    data = story_table(article(SENTENCES, "original.txt"), []).to_dict()
    assert len(data["rows"]) == 1 + len(SENTENCES) and data["versions"] == []
    assert all(r["cells"] == {} for r in data["rows"])


def test_story_members_keep_to_the_story():
    original = article(SENTENCES, "original.txt")
    unrelated = article(UNRELATED, "chess.txt", "Chess club")
    first, others, take = story_members(original, [*versions(), unrelated])
    members = {first.path, *(o.path for o in others)}
    assert members == {"original.txt", "changed.txt", "shortened.txt"}
    assert first.path not in {o.path for o in others} and not take


def test_a_wire_take_asked_for_goes_down_the_side(tmp_path):
    """`reader story PAGE2 FOLDER`: the later take the user named is read down the side,
    said to be a wire take, and the first take is one of the versions."""
    from reader.render.story import story_text
    from tests.support.hearing_story import COPY, WIRE, take

    first = take("goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    second = take("goats2.txt", "10:40 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS FINE",
                  WIRE[3:], byline=False)
    copy = article([*COPY, WIRE[3]], "copy.txt")
    for asked, side, is_take in ((second, "goats2.txt", True), (copy, "goats1.txt", False)):
        got, others, take_flag = story_members(asked, [a for a in (first, second, copy)
                                                       if a is not asked])
        assert (got.path, take_flag) == (side, is_take)
        table = story_table(got, others, original_is_take=take_flag)
        assert table.to_dict()["original_is_take"] is is_take
        label = "Wire take" if is_take else "Original"
        assert f"{label}: {side}" in story_text(table)


def stored_comparisons(cache) -> int:
    with sqlite3.connect(cache.path) as db:
        return db.execute("SELECT count(*) FROM comparisons").fetchone()[0]


def test_a_store_keeps_the_comparisons_for_the_next_run(tmp_path):
    from reader.cache import Cache

    original, others = article(SENTENCES, "original.txt"), versions()
    with Cache(str(tmp_path / "c")) as cache:
        first = story_table(original, others, store=cache).to_dict()
    assert stored_comparisons(cache) == len(others)
    again = [article(SENTENCES, "original.txt"), *versions()]  # new objects, same bytes
    with Cache(str(tmp_path / "c")) as cache:
        second = story_table(again[0], again[1:], store=cache).to_dict()
    assert stored_comparisons(cache) == len(others)
    assert second == first


def test_a_stored_comparison_that_does_not_fit_is_recomputed(tmp_path):
    from reader.cache import Cache

    original, others = article(SENTENCES, "original.txt"), versions()
    expected = story_table(original, others).to_dict()
    with Cache(str(tmp_path / "c")) as cache:
        for other in others:  # pairs for a text of another length
            cache.put_comparison(original.sha256, other.sha256,
                                 {"pairs": [["same", [0], [0], 100.0, False]], "drift": {},
                                  "derivation": None})
        assert story_table(original, others, store=cache).to_dict() == expected


def test_a_wire_story_in_takes_labels_its_takes_and_judges_versions_against_all():
    from reader.render.story import story_text
    from tests.support.hearing_story import COPY, WIRE, take
    from tests.support.story_corpus import make_article

    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    later = take("pa/goats2.txt", "10:40 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS FINE",
                 [*WIRE[3:], "The bowls club was founded in 1897 by a railway engineer."], byline=False)
    copy = make_article("papers/copy.txt", [*COPY, "The club dates from 1897."])
    assert story_table(first, [copy]).verdict(0) == "partially-derived"  # 1897 is not in page 1
    table = story_table(first, [later, copy])  # page 2 states it: a whole copy of the story
    assert [table.verdict(v) for v in range(2)] == ["wire take", "wholly-derived"]
    assert [v["wire_take"] for v in table.to_dict()["versions"]] == [True, False]
    lines = story_text(table).splitlines()
    assert next(ln for ln in lines if ln.startswith("[1] pa/goats2.txt")).endswith("; wire take")
    assert next(ln for ln in lines if ln.startswith("[2] papers/copy.txt")).endswith(
        "from the original and its takes)")
