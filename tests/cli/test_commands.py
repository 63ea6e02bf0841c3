"""The CLI through its real entry point (a subprocess), on real seed files."""

from __future__ import annotations

import json
import pathlib
import subprocess

import pytest
from tests.support import ROOT
from tests.support import run_reader as run

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = {p.name[:3]: str(p) for p in SEEDS}






@pytest.mark.parametrize("seed", sorted(SEED))
def test_clean_json_contract(seed):
    out = run("clean", SEED[seed], "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    for key in ("path", "title", "byline", "date", "outlet", "attribution", "paragraphs", "removed"):
        assert key in obj
    assert isinstance(obj["attribution"], list)
    assert obj["paragraphs"] and all(isinstance(p, str) and p for p in obj["paragraphs"])
    assert all(set(r) == {"text", "reason"} for r in obj["removed"])
    assert obj["outlet"]  # every seed is labelled by seeds/sources.toml


def test_clean_jsonl_one_object_per_file():
    out = run("clean", *map(str, SEEDS), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().split("\n")
    assert [json.loads(line)["path"] for line in lines] == [str(p) for p in SEEDS]


def test_clean_text_and_markdown_show_the_article():
    text = run("clean", SEED["004"]).stdout
    assert "Cavusoglu" in text and "Reuters" in text
    md = run("clean", SEED["004"], "--format", "markdown", "--show-removed").stdout
    assert md.startswith("# ") and "removed (" in md


def test_bad_file_is_one_line_and_others_still_print(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    out = run("clean", str(binary), SEED["001"], "--format", "jsonl")
    assert out.returncode == 0
    assert len(out.stdout.strip().split("\n")) == 1
    assert out.stderr.strip().count("\n") == 0
    assert str(binary) in out.stderr and "binary" in out.stderr
    assert "Traceback" not in out.stderr


def test_only_bad_files_exit_nonzero(tmp_path):
    out = run("clean", str(tmp_path / "missing.txt"))
    assert out.returncode != 0
    assert "missing.txt: no such file" in out.stderr
    assert "Traceback" not in out.stderr


def _check_diff_contract(obj: dict) -> None:
    na, nb = len(obj["sentences"]["a"]), len(obj["sentences"]["b"])
    seen_a = sorted(i for p in obj["pairs"] for i in p["a"])
    seen_b = sorted(j for p in obj["pairs"] for j in p["b"])
    assert seen_a == list(range(na)) and seen_b == list(range(nb))
    for p in obj["pairs"]:
        assert p["kind"] in ("same", "changed", "dropped", "added")
        assert (p["kind"] == "dropped") == (not p["b"])
        assert (p["kind"] == "added") == (not p["a"])
        assert 0 <= p["score"] <= 100 and isinstance(p["moved"], bool)
        assert isinstance(p["drift"], list)


@pytest.mark.parametrize("a,b", [("004", "003"), ("001", "002"), ("000", "001")])
def test_diff_json_contract_on_seed_pairs(a, b):
    out = run("diff", SEED[a], SEED[b], "--format", "json")
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["a"]["path"] == SEED[a] and obj["b"]["path"] == SEED[b]
    _check_diff_contract(obj)
    source_a = pathlib.Path(SEED[a]).read_text(encoding="utf-8")
    for s in obj["sentences"]["a"]:
        assert source_a[s["start"]:s["end"]] == s["text"]


def test_diff_of_rewrite_finds_paraphrase_and_drops():
    obj = json.loads(run("diff", SEED["004"], SEED["003"], "--format", "json").stdout)
    kinds = {p["kind"] for p in obj["pairs"]}
    assert {"changed", "dropped"} <= kinds
    assert obj["summary"]["changed"] >= 5


def test_diff_split_lines(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("the first line is here\n\nsecond line stays the same\nthird line goes away\n")
    b.write_text("the first line is right here\nsecond line stays the same\nan added line\n")
    obj = json.loads(run("diff", str(a), str(b), "--split", "lines", "--format", "json").stdout)
    assert [s["text"] for s in obj["sentences"]["a"]] == [
        "the first line is here", "second line stays the same", "third line goes away"]
    _check_diff_contract(obj)
    same = [p for p in obj["pairs"] if p["kind"] == "same"]
    assert same and same[0]["a"] == [1] and same[0]["b"] == [1]


def test_diff_text_reads_without_colour():
    out = run("diff", SEED["004"], SEED["003"])
    assert out.returncode == 0, out.stderr
    assert "\x1b[" not in out.stdout  # not a tty: no colour codes
    assert "{+" in out.stdout and "[-" in out.stdout  # changed words still marked
    assert "identical" in out.stdout


def test_diff_markdown_and_html():
    md = run("diff", SEED["001"], SEED["002"], "--format", "markdown").stdout
    assert md.startswith("# ") and "## Changes that alter facts" in md
    html = run("diff", SEED["001"], SEED["002"], "--format", "html").stdout
    assert html.startswith("<!doctype html>") and "<h2 id=\"findings\">" in html


def test_diff_missing_side_is_an_error():
    out = run("diff", SEED["001"], "nope.txt")
    assert out.returncode == 1
    assert out.stderr.strip().startswith("reader: nope.txt: no such file")
    assert out.stderr.count("\n") == 1


def test_console_script_installed():
    import shutil

    exe = shutil.which("reader")
    if exe is None:
        pytest.skip("console script not on PATH")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert out.stdout.startswith("reader ")


def test_usage_error_has_no_traceback():
    out = run("diff", SEED["001"])
    assert out.returncode == 2 and "Traceback" not in out.stderr
