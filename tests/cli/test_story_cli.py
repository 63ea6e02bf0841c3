"""`reader story FILE [CORPUS...]`: the original's sentences against every version, in
each format, with progress only on a terminal and a clear line when there is no story."""

from __future__ import annotations

import json

import pytest

from tests.support import run_reader as run
from tests.support.bridge_story import ADDED, SENTENCES, TITLE, UNRELATED, page_text


def write(path, sentences, title=TITLE):
    path.write_text(page_text(sentences, title))
    return str(path)


@pytest.fixture
def folder(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    write(story / "a_original.txt", SENTENCES)
    write(story / "b_changed.txt", [s.replace("12,000", "21,000") for s in SENTENCES])
    write(story / "c_short.txt", SENTENCES[:2] + SENTENCES[3:] + [ADDED])
    write(story / "d_other.txt", UNRELATED, "Chess club")
    return story


def test_json_contract(folder):
    out = run("story", str(folder / "a_original.txt"), "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["original"] == str(folder / "a_original.txt")
    paths = [v["path"] for v in obj["versions"]]
    assert sorted(p.rsplit("/", 1)[-1] for p in paths) == ["b_changed.txt", "c_short.txt"]
    assert all(set(v) >= {"path", "title", "outlet", "derivation"} for v in obj["versions"])
    verdicts = {v["path"].rsplit("/", 1)[-1]: v["derivation"]["verdict"] for v in obj["versions"]}
    assert verdicts["b_changed.txt"] == "wholly-derived"
    assert verdicts["c_short.txt"] in ("wholly-derived", "partially-derived")
    assert [r["sentence"] for r in obj["rows"]] == [TITLE, *SENTENCES]  # the headline first
    for row in obj["rows"]:
        assert set(row["cells"]) == set(paths)
        assert all(c["kind"] in ("same", "changed", "dropped") for c in row["cells"].values())
    short = next(p for p in paths if p.endswith("c_short.txt"))
    assert obj["rows"][3]["cells"][short]["kind"] == "dropped"
    assert obj["added"][short] == [ADDED]


def test_text_grid_marks_each_cell(folder):
    out = run("story", str(folder / "a_original.txt"), str(folder))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    row2 = next(line for line in lines if line.lstrip().startswith("3 "))  # 1 is the headline
    row3 = next(line for line in lines if line.lstrip().startswith("4 "))
    assert "!" in row2.split("About")[0]  # the changed number drifted in one version
    assert "-" in row3.split("The repairs")[0]  # dropped by the short version
    assert f"  + {ADDED}" in lines
    assert "reader: comparing" not in out.stderr  # no progress into a pipe


@pytest.mark.parametrize("fmt, marker", [("markdown", "## Sentence by sentence"),
                                         ("html", "<table>")])
def test_reports(folder, fmt, marker):
    out = run("story", str(folder / "a_original.txt"), "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert marker in out.stdout and "Added by each version" in out.stdout


def test_lone_article_says_so(folder):
    out = run("story", str(folder / "d_other.txt"))
    assert out.returncode == 0
    assert "no other version of this story" in out.stderr


def test_missing_file_is_one_line(folder):
    out = run("story", str(folder / "nope.txt"))
    assert out.returncode == 1 and "nope.txt" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_story_of_fetched_pages_names_them(tmp_path):
    from tests.support.page_server import serve

    with serve() as (site, _):
        out = run("story", site + "/page", site + "/other", site + "/restyled",
                  "--format", "markdown")
    assert out.returncode == 0, out.stderr
    text = out.stdout.replace("\\", "")
    assert f"original: fetched from {site}/page at " in text
    assert f"fetched from {site}/other at " in text
