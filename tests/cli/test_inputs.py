"""Where a command expects a file: `-` reads standard input, a folder is refused by name,
a folder with nothing to read says so (issue 14, items 9 and 10)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from tests.support import ROOT
from tests.support import run_reader as run
from tests.support.articles import ORIGINAL, REWRITE


@pytest.fixture()
def pair(tmp_path):
    a, b = tmp_path / "original.txt", tmp_path / "rewrite.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(REWRITE, encoding="utf-8")
    return a, b


def test_diff_reads_a_from_standard_input(pair):
    a, b = pair
    from_stdin = run("diff", "-", str(b), "--format", "json", stdin=ORIGINAL)
    from_file = run("diff", str(a), str(b), "--format", "json")
    assert from_stdin.returncode == 0, from_stdin.stderr
    got, want = json.loads(from_stdin.stdout), json.loads(from_file.stdout)
    assert got["a"]["path"] == "-"
    assert got["pairs"] == want["pairs"] and got["sentences"] == want["sentences"]


def test_diff_reads_b_from_standard_input_with_split_lines(pair):
    a, _ = pair
    out = run("diff", str(a), "-", "--split", "lines", "--format", "json", stdin=REWRITE)
    assert out.returncode == 0, out.stderr
    b_lines = [s["text"] for s in json.loads(out.stdout)["sentences"]["b"]]
    assert b_lines == [line for line in REWRITE.splitlines() if line.strip()]


def test_clean_reads_standard_input(pair):
    out = run("clean", "-", "--format", "json", stdin=ORIGINAL)
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["path"] == "-" and obj["title"] == "Harbour town votes to rebuild its old lighthouse"


def test_standard_input_is_read_only_once(pair):
    out = run("diff", "-", "-", stdin=ORIGINAL)
    assert out.returncode != 0
    assert "standard input" in out.stderr and "once" in out.stderr
    assert "Traceback" not in out.stderr


def test_empty_standard_input_is_named(pair):
    out = run("clean", "-", stdin="")
    assert out.returncode == 1
    assert out.stderr.startswith("reader: -: ") and "empty" in out.stderr


def test_sources_from_standard_input_searches_the_named_corpus(pair):
    a, _ = pair
    out = run("sources", "-", str(a), "--format", "json", stdin=REWRITE)
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert obj["article"] == "-" and obj["checked"] == 1
    assert [c["path"] for c in obj["candidates"]] == [str(a)]


@pytest.mark.parametrize("command", ["sources", "story"])
def test_an_article_from_standard_input_needs_a_corpus(command):
    out = run(command, "-", stdin=REWRITE)
    assert out.returncode == 2 and out.stdout == ""
    assert "CORPUS" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("args", [("diff", "{dir}", "{b}"), ("diff", "{b}", "{dir}"),
                                  ("sources", "{dir}"), ("story", "{dir}")])
def test_a_folder_where_a_file_is_expected_is_refused_by_name(pair, args):
    _, b = pair
    folder = b.parent
    out = run(*(x.format(dir=folder, b=b) for x in args))
    assert out.returncode == 1
    assert out.stdout == ""
    assert f"{folder}: is a folder" in out.stderr
    assert out.stderr.count("\n") == 1


@pytest.mark.parametrize("contents", [{}, {"notes.json": "{}", "photo.jpg": "x"}])
def test_a_folder_with_nothing_to_read_says_so(tmp_path, contents):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text)
    out = run("clean", str(folder))
    assert out.returncode == 1
    assert f"{folder}: " in out.stderr and "no text or HTML files" in out.stderr
    if contents:
        assert f"{len(contents)} other files" in out.stderr


def test_standard_input_that_is_a_terminal_is_refused_not_waited_on():
    """`reader clean -` typed at a prompt would wait for a person to type an article."""
    leader, follower = pty.openpty()
    try:
        out = subprocess.run([sys.executable, "-m", "reader", "clean", "-"], cwd=ROOT,
                             stdin=follower, capture_output=True, text=True, timeout=60)
    finally:
        os.close(follower)
        os.close(leader)
    assert out.returncode == 1
    assert "standard input is a terminal" in out.stderr and "Traceback" not in out.stderr


def test_the_app_refuses_standard_input_saying_what_to_do_instead():
    out = run("-", stdin=ORIGINAL)
    assert out.returncode == 2 and out.stdout == ""
    assert "reader clean -" in out.stderr and "Traceback" not in out.stderr
