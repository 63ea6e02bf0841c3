"""What the commands print (issue 14, items 11-13): wrapped to the terminal on a
terminal and not at all in a pipe, a real gutter between A and B, sources that explain
something out of how many were checked, help that describes every format, and JSON
offsets that all point into the article text."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios

import pytest

from reader.cli.main import SUBCOMMANDS, build_parser
from tests.support import ROOT
from tests.support import run_reader as run
from tests.support.articles import ORIGINAL, REWRITE

UNRELATED = """Cycling club opens winter season

The Fenmoor cycling club opened its winter season with a ride along the canal path.

Members are asked to bring lights, as the evenings draw in early.
"""
LONG = "a-folder-name-long-enough-that-an-eighty-column-wrap-would-break-it-" * 2


@pytest.fixture()
def folder(tmp_path):
    where = tmp_path / LONG
    where.mkdir()
    (where / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    (where / "rewrite.txt").write_text(REWRITE, encoding="utf-8")
    (where / "unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    return where


def _in_terminal(args: list[str], columns: int) -> str:
    """`reader ARGS` with a terminal of `columns` columns as its stdout; what it printed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env,
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(leader, 1 << 16)
        except OSError:  # the child closed its side
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)  # colours off for measuring


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line)


def test_diff_in_a_pipe_is_never_wrapped(folder):
    out = run("diff", str(folder / "original.txt"), str(folder / "rewrite.txt"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "   A: Work is expected to begin in March and to take about eighteen months." in lines
    assert any(line.startswith("A: ") and str(folder) not in line and "Harbour" in line
               for line in lines)
    assert not any("│" in line for line in lines)


@pytest.mark.parametrize("command", [["stories"], ["sources"]])
def test_paths_are_never_broken_in_a_pipe(folder, command):
    target = [str(folder / "rewrite.txt")] if command == ["sources"] else [str(folder)]
    out = run(*command, *target)
    assert out.returncode == 0, out.stderr
    assert any(str(folder / "original.txt") in line for line in out.stdout.splitlines())


def test_side_by_side_has_a_gutter_at_any_width(folder):
    for width in (60, 97, 140):
        out = run("diff", str(folder / "original.txt"), str(folder / "rewrite.txt"),
                  "--width", str(width))
        rows = [line for line in out.stdout.splitlines() if "│" in line]
        assert rows, out.stdout
        assert max(_cells(line) for line in out.stdout.splitlines()) <= width
        gutters = {line.index("│") for line in rows}
        assert len(gutters) == 1  # one column for every row: A never runs into B
        at = gutters.pop()
        assert all(line[at - 1] == " " and line[at + 1:at + 2] in ("", " ") for line in rows)


def test_diff_on_a_terminal_wraps_to_its_width(folder):
    text = _in_terminal(["diff", str(folder / "original.txt"), str(folder / "rewrite.txt")], 90)
    lines = text.splitlines()
    assert any(" │ " in line for line in lines), text
    assert max(_cells(line) for line in lines) <= 90


def test_sources_lists_what_explains_something_and_says_how_many_were_checked(folder):
    out = run("sources", str(folder / "rewrite.txt"), "--format", "json")
    obj = json.loads(out.stdout)
    assert obj["checked"] == 2
    assert [c["path"] for c in obj["candidates"]] == [str(folder / "original.txt")]
    text = run("sources", str(folder / "rewrite.txt")).stdout
    assert "Checked 2 other articles: 1 explains part of it." in text
    assert "unrelated.txt" not in text


def test_sources_with_nothing_related_says_so(folder):
    text = run("sources", str(folder / "unrelated.txt")).stdout
    assert "Checked 2 other articles: none shares its sentences." in text


def _formats(parser) -> list[str]:
    for action in parser._actions:
        if "--format" in action.option_strings:
            return list(action.choices)
    return []


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_help_describes_arguments_and_every_format(name):
    parser = build_parser()._subparsers._group_actions[0].choices[name]
    out = run(name, "--help")
    assert out.returncode == 0
    assert out.stdout.startswith(f"usage: reader {name}")
    for action in parser._actions:
        if not action.option_strings:  # a positional argument: it has its own help
            assert action.help, f"{name} {action.metavar} has no help"
    formats = _formats(parser)
    if formats:
        section = out.stdout[out.stdout.index("\nformats:\n"):]
        for fmt in formats:
            assert re.search(rf"^  {fmt}\s+\S", section, re.M), f"{name}: {fmt} not described"


def test_every_json_offset_points_into_the_article_text(folder):
    a, b = folder / "original.txt", folder / "rewrite.txt"
    obj = json.loads(run("diff", str(a), str(b), "--format", "json").stdout)
    text = {"a": a.read_text(encoding="utf-8"), "b": b.read_text(encoding="utf-8")}
    for side in "ab":
        for s in obj["sentences"][side]:
            assert text[side][s["start"]:s["end"]] == s["text"]
    findings = [d for p in obj["pairs"] for d in p["drift"]] + obj["article_drift"]
    assert {d["kind"] for d in findings} >= {"number", "quote", "attribution"}
    for d in findings:
        for side in "ab":
            start, end = d[f"{side}_start"], d[f"{side}_end"]
            if start >= 0:
                assert text[side][start:end] == d[f"{side}_text"], d


def test_hard_wrapped_paragraphs_print_whole(tmp_path):
    """A text file wrapped at 40 columns by its writer: `clean` prints each paragraph on
    one line and `diff` re-wraps each column, never breaking where the writer did."""
    import textwrap

    paragraphs = ["The harbour authority said on Tuesday that the northern breakwater would "
                  "close for repairs after storms cracked its concrete crown in three places.",
                  "Engineers expect the repairs to take eleven weeks and to cost about two "
                  "million pounds, paid from the authority's reserve fund."]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Breakwater to close\n\n" + "\n\n".join(textwrap.fill(p, 40) for p in paragraphs) + "\n")
    b.write_text("Breakwater shut for eleven weeks\n\n" + "\n\n".join(
        textwrap.fill(p.replace("Tuesday", "Monday"), 40) for p in paragraphs) + "\n")
    cleaned = run("clean", str(a), "--no-cache").stdout.splitlines()
    assert paragraphs[0] in cleaned and paragraphs[1] in cleaned
    diff = run("diff", str(a), str(b), "--no-cache", "--width", "120").stdout
    # the writer broke after "Tuesday" and after "its"
    assert "The harbour authority said on [-Tuesday-] that the" in diff
    assert "storms cracked its concrete crown" in diff
