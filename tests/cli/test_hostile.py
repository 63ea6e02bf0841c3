"""Hostile folders through the real CLI: every bad file named once, the rest loads,
no traceback, no escape sequence reaches stdout, no source file is touched."""

from __future__ import annotations

import json
import os
import pathlib

import pytest

from tests.support import run_reader as run
from tests.support import hostile_corpus







@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return hostile_corpus.build(tmp_path_factory.mktemp("hostile"), big_line_mb=2,
                                sentences=20_000)


def _fingerprint(folder: pathlib.Path) -> dict[str, tuple[int, int]]:
    out = {}
    for p in folder.iterdir():
        st = os.lstat(p)
        out[p.name] = (st.st_size, st.st_mtime_ns)
    return out


def test_clean_folder_names_each_bad_file_and_loads_the_rest(corpus):
    before = _fingerprint(corpus.folder)
    out = run("clean", str(corpus.folder), "--format", "jsonl")
    assert out.returncode == 0
    assert "Traceback" not in out.stderr
    err_lines = out.stderr.strip().split("\n")
    named = {line.split(": ", 2)[1].rsplit("/", 1)[-1] for line in err_lines}
    assert named == corpus.errors
    assert len(err_lines) == len(corpus.errors)  # one line per bad file
    loaded = {pathlib.Path(json.loads(line)["path"]).name for line in out.stdout.splitlines()}
    assert loaded == corpus.loads
    assert _fingerprint(corpus.folder) == before


def test_no_terminal_control_reaches_stdout(corpus):
    for name in ("escapes.txt", "unicode.txt", "markup.txt"):
        out = run("clean", str(corpus.folder / name))
        assert out.returncode == 0, out.stderr
        assert "\x1b" not in out.stdout and "\x9b" not in out.stdout and "\x07" not in out.stdout
        assert "\u202e" not in out.stdout
    out = run("clean", str(corpus.folder / "markup.txt"))
    assert "[@click=app.quit]quit[/]" in out.stdout  # shown literally


def test_size_limit_refuses_quickly_without_reading(corpus):
    out = run("clean", str(corpus.folder / "huge_200mb.txt"), timeout=20)
    assert out.returncode == 1
    assert "too large" in out.stderr and "--max-size" in out.stderr


def test_fifo_and_device_never_block(corpus):
    out = run("clean", str(corpus.folder / "named_pipe.txt"), "/dev/zero", timeout=20)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 2 and "FIFO" in out.stderr and "device" in out.stderr


def test_file_compared_with_itself_is_all_same(corpus):
    f = str(corpus.folder / "duplicate_a.txt")
    obj = json.loads(run("diff", f, f, "--format", "json").stdout)
    assert obj["pairs"] and all(p["kind"] == "same" and not p["drift"] for p in obj["pairs"])
    g = str(corpus.folder / "duplicate_b.txt")
    obj2 = json.loads(run("diff", f, g, "--format", "json").stdout)
    assert [p["kind"] for p in obj2["pairs"]] == [p["kind"] for p in obj["pairs"]]


def test_diff_against_binary_is_one_error(corpus):
    out = run("diff", str(corpus.folder / "duplicate_a.txt"), str(corpus.folder / "doc.pdf.txt"))
    assert out.returncode == 1
    assert out.stderr.strip().endswith("looks like a binary file (not text or HTML); skipped")


def test_files_vanishing_or_changing_while_loading(tmp_path):
    from reader.library import load_library

    for i in range(6):
        (tmp_path / f"s{i}.txt").write_text(f"Headline {i}\n\nStory number {i} is told here.\n")

    def meddle(done: int, total: int, path: str) -> None:
        if done == 1:
            (tmp_path / "s3.txt").unlink()  # vanishes before it is read
            (tmp_path / "s4.txt").write_bytes(b"\x7fELF" + bytes(64))  # turns binary
            (tmp_path / "s5.txt").write_text("Changed headline\n\nA changed story body.\n")

    lib = load_library([str(tmp_path)], progress=meddle)
    assert sorted(a.name for a in lib.articles) == ["s0.txt", "s1.txt", "s2.txt", "s5.txt"]
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in lib.errors}
    assert reasons["s3.txt"].startswith("no such file")
    assert "binary" in reasons["s4.txt"]
    assert "changed story body" in next(a for a in lib.articles if a.name == "s5.txt").body


def test_ten_thousand_files_with_some_bad_ones(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    bad = set()
    for i in range(10_000):
        p = folder / f"a{i:05d}.txt"
        if i % 997 == 0:
            p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
            bad.add(p.name)
        else:
            p.write_text(f"Story {i} headline\n\nOfficials said on day {i} that talks continue.\n")
    out = run("clean", str(folder), "--format", "jsonl", timeout=600)
    assert out.returncode == 0
    assert len(out.stdout.splitlines()) == 10_000 - len(bad)
    named = {line.split(": ", 2)[1].rsplit("/", 1)[-1] for line in out.stderr.strip().split("\n")}
    assert named == bad


def test_text_diff_of_a_giant_line_is_shortened_and_says_so(corpus):
    out = run("diff", str(corpus.folder / "one_huge_line.txt"),
              str(corpus.folder / "no_punctuation.txt"))
    assert out.returncode == 0, out.stderr
    assert "more characters not shown" in " ".join(out.stdout.split())  # may wrap
    assert len(out.stdout) < 200_000  # the 2 MB line is not dumped into the terminal


def test_escape_sequences_added_to_a_copy_are_no_facts(tmp_path):
    # colour codes and a clipboard write: their digits are no numbers the copy added
    body = ["Pier reopens", "The council said 12 people attended the meeting on Tuesday.",
            "The pier will reopen in March, officials said."]
    (tmp_path / "a.txt").write_text("\n\n".join(body) + "\n")
    tainted = [body[0], body[1] + "\x1b]52;c;MTIzNDU=\x07", body[2] + "\x1b[31m red\x1b[0m"]
    (tmp_path / "b.txt").write_text("\n\n".join(tainted) + "\n")
    obj = json.loads(run("diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                         "--format", "json").stdout)
    assert not obj["article_drift"] and not any(p["drift"] for p in obj["pairs"])
    assert obj["summary"]["derivation"]["verdict"] == "wholly-derived"
