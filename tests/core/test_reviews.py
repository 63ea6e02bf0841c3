"""Reviews that last: stable finding ids, decisions stored per pair of texts, safe writes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from reader.clean import clean
from reader.compare import compare
from reader.ingest import source_from_text
from reader.reviews import (
    ReviewError,
    ReviewStore,
    content_key,
    finding_ids,
    findings,
    stale_reviews,
)
from tests.support.bridge_story import ORIGINAL, REWRITE


def article(text: str, path: str):
    return clean(source_from_text(text, path))


def ids_of(a_text: str, b_text: str, a_path="a.txt", b_path="b.txt") -> list[str]:
    return [f.id for f in findings(compare(article(a_text, a_path), article(b_text, b_path)))]


def test_same_finding_same_id_on_every_run():
    first = ids_of(ORIGINAL, REWRITE)
    assert len(first) == 2 and len(set(first)) == 2
    assert ids_of(ORIGINAL, REWRITE) == first


def test_id_does_not_depend_on_list_position():
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    drifts = [f.drift for f in findings(cmp)]
    forward = finding_ids(content_key(cmp.a), content_key(cmp.b), drifts)
    backward = finding_ids(content_key(cmp.a), content_key(cmp.b), drifts[::-1])
    assert backward == forward[::-1]


def test_id_depends_on_the_texts_and_the_change():
    base = ids_of(ORIGINAL, REWRITE)
    assert ids_of(ORIGINAL, REWRITE.replace("21,000", "22,000"))[0] != base[0]
    other_pair = ids_of(ORIGINAL + "\nOne more line here for a different file.\n", REWRITE)
    assert not set(other_pair) & set(base)


def test_swapped_sides_name_findings_alike():
    a, b = article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt")
    assert sorted(f.id for f in findings(compare(a, b))) == \
        sorted(f.id for f in findings(compare(b, a)))


def test_repeated_finding_gets_a_suffix():
    a = ORIGINAL + "\nPolice said about 12,000 people watched from the shore.\n"
    ids = ids_of(a, a.replace("12,000", "21,000"))
    bases = [i.split("-")[0] for i in ids]
    assert len(set(ids)) == len(ids)
    assert any(i.endswith("-2") for i in ids) and len(set(bases)) < len(bases)


def test_decisions_are_kept_and_cleared(tmp_path):
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    store = ReviewStore()
    first, second = findings(cmp, store)
    assert first.review is None
    store.decide(cmp, first, "confirmed", "council figure is 12,000 in the minutes")
    store.decide(cmp, second, "dismissed")
    reread = {f.id: f.review for f in findings(cmp, ReviewStore())}
    assert reread[first.id].state == "confirmed"
    assert reread[first.id].note == "council figure is 12,000 in the minutes"
    assert reread[first.id].user and reread[first.id].at.endswith("Z")
    assert reread[second.id].to_dict()["state"] == "dismissed"
    store.decide(cmp, second, "confirmed", "checked again")
    assert findings(cmp, store)[1].review.state == "confirmed"
    assert store.clear(cmp, second.id) and not store.clear(cmp, second.id)
    assert findings(cmp, store)[1].review is None


def test_store_lives_in_the_data_dir_never_next_to_sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ORIGINAL)
    (src / "b.txt").write_text(REWRITE)
    cmp = compare(article(ORIGINAL, str(src / "a.txt")), article(REWRITE, str(src / "b.txt")))
    store = ReviewStore()
    store.decide(cmp, findings(cmp)[0], "confirmed")
    assert sorted(os.listdir(src)) == ["a.txt", "b.txt"]
    assert os.path.dirname(store.path) == os.environ["READER_DATA_DIR"]


def test_reading_creates_nothing():
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    assert all(f.review is None for f in findings(cmp, ReviewStore()))
    assert not os.path.exists(ReviewStore().path)


def test_furniture_around_the_same_article_does_not_change_the_key():
    framed = ORIGINAL.replace("Bridge reopens after repairs\n\n",
                              "Bridge reopens after repairs\n\nShare on Facebook\n\n")
    plain, with_share = article(ORIGINAL, "a.txt"), article(framed, "a.txt")
    assert plain.sha256 != with_share.sha256
    assert [p.text for p in plain.paragraphs] == [p.text for p in with_share.paragraphs]
    assert content_key(plain) == content_key(with_share)


def test_moved_files_keep_their_reviews():
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    ReviewStore().decide(cmp, findings(cmp)[0], "confirmed")
    moved = compare(article(ORIGINAL, "elsewhere/x.txt"), article(REWRITE, "y.txt"))
    assert findings(moved, ReviewStore())[0].review.state == "confirmed"


def test_edited_file_shows_the_reviews_that_no_longer_apply():
    store = ReviewStore()
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    store.decide(cmp, findings(cmp)[0], "confirmed", "checked")
    edited_text = REWRITE.replace("Tuesday", "Wednesday")
    edited = compare(article(ORIGINAL, "a.txt"), article(edited_text, "b.txt"))
    live = findings(edited, store)
    assert all(f.review is None for f in live)
    stale = stale_reviews(edited, store, live)
    assert [r.note for r in stale] == ["checked"]
    assert stale_reviews(cmp, store, findings(cmp, store)) == []


def test_unknown_state_is_refused():
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    with pytest.raises(ReviewError):
        ReviewStore().decide(cmp, findings(cmp)[0], "maybe")


def test_unwritable_store_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    with pytest.raises(ReviewError, match="cannot"):
        ReviewStore(str(blocker / "reviews.sqlite3")).decide(cmp, findings(cmp)[0], "confirmed")


WRITER = textwrap.dedent("""
    import sys
    from reader.clean import clean
    from reader.compare import compare
    from reader.ingest import source_from_text
    from reader.reviews import Finding, ReviewStore, findings
    a_text, b_text, tag = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
    cmp = compare(clean(source_from_text(a_text, "a.txt")), clean(source_from_text(b_text, "b.txt")))
    real = findings(cmp)[0]
    store = ReviewStore()
    for k in range(40):
        fake = Finding(real.pair, real.drift, f"{tag}-{k}", None)
        store.decide(cmp, fake, "confirmed" if k % 2 else "dismissed", f"{tag} note {k}")
""")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL)
    b.write_text(REWRITE)
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(a), str(b), tag],
                              stderr=subprocess.PIPE, text=True) for tag in ("one", "two")]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    cmp = compare(article(ORIGINAL, "a.txt"), article(REWRITE, "b.txt"))
    stored = ReviewStore().for_pair(content_key(cmp.a), content_key(cmp.b))
    assert len(stored) == 80
    assert stored["two-39"].note == "two note 39"
    with sqlite3.connect(ReviewStore().path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
