"""`reader sentences` through the real entry point, on made-up files and the seeds."""

from __future__ import annotations

import json

from tests.support import ROOT
from tests.support import run_reader as run

SEED = str(min((ROOT / "seeds").glob("*.txt")))
RAW = ("Dr. Ames met the mayor at 9 a.m. on Monday. They talked for an hour.\n"
       "\n"
       "“We agreed. It took long,” she said. Prices rose 2.5 percent!\n"
       "Was it enough? 他说。我们走吧！\n")


def _write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_raw_jsonl_offsets_slice_the_file_text(tmp_path):
    path = _write(tmp_path, "raw.txt", RAW)
    out = run("sentences", "--raw", path, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    (line,) = out.stdout.strip().split("\n")
    obj = json.loads(line)
    assert obj["path"] == path
    texts = [s["text"] for s in obj["sentences"]]
    assert texts == ["Dr. Ames met the mayor at 9 a.m. on Monday.", "They talked for an hour.",
                     "“We agreed. It took long,” she said.", "Prices rose 2.5 percent!",
                     "Was it enough?", "他说。", "我们走吧！"]
    for s in obj["sentences"]:
        assert RAW[s["start"]:s["end"]] == s["text"]


def test_cleaned_sentences_are_those_reader_diff_aligns():
    out = run("sentences", SEED, "--format", "json")
    assert out.returncode == 0, out.stderr
    (obj,) = json.loads(out.stdout)
    diff = json.loads(run("diff", SEED, SEED, "--format", "json").stdout)
    body = [{k: v for k, v in s.items() if k != "section"}
            for s in diff["sentences"]["a"] if s["section"] == "body"]
    assert obj["sentences"] == body  # the body; diff compares the front matter too
    assert len(obj["sentences"]) > 3


def test_text_one_sentence_a_line_and_files_marked(tmp_path):
    one = _write(tmp_path, "one.txt", "First here. Second\nline here. Third.\n")
    two = _write(tmp_path, "two.txt", "Only one.\n")
    single = run("sentences", "--raw", one)
    assert single.stdout == "First here.\nSecond line here.\nThird.\n"
    both = run("sentences", "--raw", one, two)
    assert both.stdout == (f"==> {one} <==\nFirst here.\nSecond line here.\nThird.\n"
                           f"\n==> {two} <==\nOnly one.\n")


def test_json_is_a_list_in_the_order_given(tmp_path):
    a = _write(tmp_path, "a.txt", "Alpha one. Alpha two.\n")
    b = _write(tmp_path, "b.txt", "Beta.\n")
    objs = json.loads(run("sentences", "--raw", b, a, "--format", "json").stdout)
    assert [o["path"] for o in objs] == [b, a]
    assert [len(o["sentences"]) for o in objs] == [1, 2]


def test_bad_file_reported_in_one_line_and_others_still_split(tmp_path):
    good = _write(tmp_path, "good.txt", "One. Two.\n")
    missing = str(tmp_path / "missing.txt")
    for raw in ((), ("--raw",)):
        out = run("sentences", *raw, missing, good, "--format", "jsonl")
        assert out.returncode == 0
        assert [json.loads(x)["path"] for x in out.stdout.strip().split("\n")] == [good]
        assert out.stderr.count("\n") == 1 and missing in out.stderr
        assert "Traceback" not in out.stderr


def test_nothing_readable_exits_nonzero(tmp_path):
    out = run("sentences", "--raw", str(tmp_path / "missing.txt"))
    assert out.returncode != 0 and out.stdout == ""
    assert "missing.txt" in out.stderr


def test_standard_input():
    out = run("sentences", "--raw", "-", "--format", "jsonl", stdin="Yes. No.\n")
    assert out.returncode == 0, out.stderr
    assert [s["text"] for s in json.loads(out.stdout)["sentences"]] == ["Yes.", "No."]


def test_help_names_the_formats_and_raw():
    out = run("sentences", "--help")
    assert out.returncode == 0
    for word in ("--raw", "jsonl", "offsets", "==> PATH <=="):
        assert word in out.stdout
