"""`reader review A B`: findings with ids and states; confirm, dismiss, clear; the
decisions show in `diff --format json` and in the exports' audit trail."""

from __future__ import annotations

import json

import pytest

from tests.support import run_reader as run
from tests.support.bridge_story import ORIGINAL, REWRITE


@pytest.fixture
def pair(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL)
    b.write_text(REWRITE)
    return str(a), str(b)


def listed(a: str, b: str) -> list[dict]:
    out = run("review", a, b, "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["findings"]


def test_lists_findings_with_ids_and_open_states(pair):
    found = listed(*pair)
    assert [f["kind"] for f in found] == ["number", "number"]
    assert all(f["review"] is None for f in found)
    assert listed(*pair) == found  # same ids on every run
    text = run("review", *pair).stdout
    assert all(f["id"] in text for f in found) and "open" in text


def test_confirm_with_note_then_dismiss_then_clear(pair):
    first, second = (f["id"] for f in listed(*pair))
    out = run("review", *pair, "--confirm", first[:5], "--note", "minutes say 12,000")
    assert out.returncode == 0, out.stderr
    assert run("review", *pair, "--dismiss", second).returncode == 0
    states = {f["id"]: f["review"] for f in listed(*pair)}
    assert states[first]["state"] == "confirmed" and states[first]["note"] == "minutes say 12,000"
    assert states[second]["state"] == "dismissed" and states[second]["user"]
    assert run("review", *pair, "--clear", second).returncode == 0
    assert {f["id"]: f["review"] for f in listed(*pair)}[second] is None


def test_diff_json_and_exports_carry_the_reviews(pair):
    first = listed(*pair)[0]["id"]
    run("review", *pair, "--confirm", first, "--note", "checked with the council")
    obj = json.loads(run("diff", *pair, "--format", "json").stdout)
    drift = [d for p in obj["pairs"] for d in p["drift"]]
    assert {d["id"] for d in drift} == {f["id"] for f in listed(*pair)}
    reviewed = [d for d in drift if d["review"]]
    assert [d["id"] for d in reviewed] == [first]
    assert set(reviewed[0]["review"]) == {"state", "note", "at", "user"}
    md = run("diff", *pair, "--format", "markdown").stdout
    assert "## Review audit trail" in md and "checked with the council" in md
    html = run("diff", *pair, "--format", "html").stdout
    assert "Review audit trail" in html and "confirmed" in html


def test_moved_files_keep_reviews_and_edited_files_show_stale_ones(pair, tmp_path):
    first = listed(*pair)[0]["id"]
    run("review", *pair, "--dismiss", first, "--note", "rounding")
    moved = tmp_path / "moved.txt"
    moved.write_text(REWRITE)
    assert listed(pair[0], str(moved))[0]["review"]["state"] == "dismissed"
    with open(pair[1], "a") as fh:
        fh.write("\nA late paragraph added by the editors after publication.\n")
    out = json.loads(run("review", *pair, "--format", "json").stdout)
    assert all(f["review"] is None for f in out["findings"])
    assert [s["note"] for s in out["stale"]] == ["rounding"]
    assert "no longer apply" in run("review", *pair).stdout


def test_unknown_id_and_stray_note_are_clear_errors(pair):
    out = run("review", *pair, "--confirm", "nothere")
    assert out.returncode == 1 and "no finding with id 'nothere'" in out.stderr
    out = run("review", *pair, "--note", "why")
    assert out.returncode == 2 and "--note goes with" in out.stderr


def test_reviews_are_never_written_next_to_the_sources(pair, tmp_path):
    run("review", *pair, "--confirm", listed(*pair)[0]["id"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "cache", "data"]
    assert (tmp_path / "data" / "reviews.sqlite3").exists()


def test_a_page_fetched_again_with_new_furniture_keeps_its_reviews():
    from tests.support.page_server import serve

    with serve() as (site, _):
        first = listed(site + "/page", site + "/other")
        assert first
        run("review", site + "/page", site + "/other", "--confirm", first[0]["id"])
        again = listed(site + "/restyled", site + "/other")
    assert [f["id"] for f in again] == [f["id"] for f in first]
    assert again[0]["review"]["state"] == "confirmed"
