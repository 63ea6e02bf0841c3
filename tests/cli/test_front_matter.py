"""`reader diff --format json` compares the front matter: every sentence has a section."""

from __future__ import annotations

import json

from tests.support import SEEDS, run_reader


def test_diff_json_labels_sections_and_reaches_a_standfirst_claim():
    out = run_reader("diff", str(SEEDS / "004_90f67be5c111099e.txt"),
                     str(SEEDS / "003_f4ced20b6688ca26.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for side in ("a", "b"):
        sections = [s["section"] for s in data["sentences"][side]]
        assert sections[0] == "headline"
        assert set(sections) <= {"headline", "standfirst", "body"}
        # front matter first, then the body
        assert sections == sorted(sections, key=["headline", "standfirst", "body"].index)
    assert data["pairs"][0]["a"] == [0] and data["pairs"][0]["b"] == [0]
    standfirst = [i for i, s in enumerate(data["sentences"]["b"]) if s["section"] == "standfirst"]
    assert standfirst, "003 has a standfirst"
    placed = {j: p["kind"] for p in data["pairs"] for j in p["b"]}
    assert any(placed[j] == "added" for j in standfirst)
