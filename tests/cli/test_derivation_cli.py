"""`reader diff` and `reader sources` say whether an article was derived from its
sources, in JSON a script can read (made-up hearing, real command)."""

from __future__ import annotations

import json

from tests.support import run_reader as run
from tests.support.hearing_story import COPY, OWN, WIRE, take_text, write
from tests.support.star_story import write_star


def test_diff_summary_gives_the_verdict_for_b_against_a(tmp_path):
    files = write(tmp_path, {"wire": WIRE, "copy": COPY, "own": OWN})
    copied = run("diff", str(files["wire"]), str(files["copy"]), "--format", "json", "--no-cache")
    assert copied.returncode == 0, copied.stderr
    d = json.loads(copied.stdout)["summary"]["derivation"]
    assert d["verdict"] == "wholly-derived"
    assert d["sources"] == [str(files["wire"])]
    assert 0 < d["verbatim_share"] <= 1 and 0 < d["share"] <= 1 and d["reasons"]
    own = run("diff", str(files["wire"]), str(files["own"]), "--format", "json", "--no-cache")
    assert json.loads(own.stdout)["summary"]["derivation"]["verdict"] == "independent"


def test_diff_text_and_markdown_summaries_state_the_verdict(tmp_path):
    files = write(tmp_path, {"wire": WIRE, "own": OWN})
    for fmt in ("text", "markdown"):
        out = run("diff", str(files["wire"]), str(files["own"]), "--format", fmt, "--no-cache")
        assert out.returncode == 0, out.stderr
        line = next(ln for ln in out.stdout.splitlines() if "B against A:" in ln)
        assert "independent" in line and "verbatim" in line


def test_diff_says_when_wire_copy_off_the_record_set_the_bar(tmp_path):
    write_star(tmp_path)
    wire, paper = str(tmp_path / "wire.txt"), str(tmp_path / "paper.txt")
    out = run("diff", wire, paper, "--format", "json", "--no-cache")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)["summary"]["derivation"]
    assert d["verdict"] == "partially-derived" and d["on_record"] is False
    text = run("diff", wire, paper, "--no-cache").stdout
    assert "the source is wire copy naming no court, police or office" in text
    back = json.loads(run("diff", paper, wire, "--format", "json", "--no-cache").stdout)
    d = back["summary"]["derivation"]  # the wire judged against the paper: the one bar
    assert d["verdict"] == "independent" and d["on_record"] is True


def test_sources_json_gives_the_verdict_against_the_corpus_taken_together(tmp_path):
    files = write(tmp_path, {"wire": WIRE, "copy": COPY, "own": OWN})
    out = run("sources", str(files["copy"]), str(tmp_path), "--format", "json", "--no-cache")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)["derivation"]
    assert d["verdict"] == "wholly-derived"
    assert str(files["wire"]) in d["sources"]
    assert set(d) >= {"verdict", "share", "verbatim_share", "sources", "reasons"}
    text = run("sources", str(files["copy"]), str(tmp_path), "--no-cache")
    assert "Verdict: wholly-derived" in text.stdout


def test_sources_text_names_the_sources_and_wraps_reasons_under_their_first_word(tmp_path):
    files = write(tmp_path, {"wire": WIRE, "copy": COPY})
    out = run("sources", str(files["copy"]), str(tmp_path), "--no-cache", "--width", "50").stdout
    lines = out.splitlines()
    verdict = lines.index("Verdict: wholly-derived")
    assert lines[verdict + 1].startswith("  - against, taken together:")
    assert str(files["wire"]).replace(" ", "") in "".join(ln.strip() for ln in lines[verdict + 1:verdict + 4])
    items = [ln for ln in lines[verdict + 1:] if ln.startswith("  ") and not ln.startswith("      ")]
    assert any(ln.startswith("    ") and ln[4] != " " for ln in items)  # a wrapped reason hangs
    assert all(len(ln) <= 50 and ln == ln.rstrip() for ln in lines)


def test_sources_judges_against_every_take_of_the_wire_story_in_the_folder(tmp_path):
    (tmp_path / "goats1.txt").write_text(take_text(
        "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3]), "utf-8")
    (tmp_path / "goats2.txt").write_text(take_text(
        "10:40 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS FINE",
        [*WIRE[3:], "The bowls club was founded in 1897 by a railway engineer."], byline=False), "utf-8")
    files = write(tmp_path, {"copy": [*COPY, "The club dates from 1897."]})
    out = run("sources", str(files["copy"]), str(tmp_path), "--format", "json", "--no-cache")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)["derivation"]
    assert d["sources"] == [str(tmp_path / "goats1.txt"), str(tmp_path / "goats2.txt")]
    assert d["verdict"] == "wholly-derived"
    text = run("stories", str(tmp_path), "--no-cache").stdout
    # page 2 names no agency, but its slug line says it came over the wire
    assert "goats2.txt  (wire copy)" in text and "goats1.txt  (PA News)" in text
    assert "copy.txt  (outlet unknown)" in text


def test_diff_split_lines_judges_the_lines_themselves(tmp_path):
    wire, copy = tmp_path / "wire.txt", tmp_path / "copy.txt"
    wire.write_text("\n".join(WIRE) + "\n", "utf-8")
    copy.write_text("\n".join(COPY) + "\n", "utf-8")
    out = run("diff", str(wire), str(copy), "--split", "lines", "--format", "json", "--no-cache")
    d = json.loads(out.stdout)["summary"]["derivation"]
    assert d["verdict"] == "wholly-derived" and d["verbatim_share"] > 0.5
