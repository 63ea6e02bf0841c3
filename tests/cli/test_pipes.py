"""A reader that stops early (`reader ... | head`) is no error: exit 0, no message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support import ROOT


def _long_article(path, n: int) -> str:
    lines = [f"Sentence number {k} says the bridge carried {k * 7} cars on day {k}."
             for k in range(n)]
    path.write_text("Bridge traffic report\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", [["sentences", "--raw"], ["diff"]])
def test_output_cut_short_by_the_reader_exits_quietly(tmp_path, command):
    a = _long_article(tmp_path / "a.txt", 3000)  # far more output than a pipe buffers
    b = _long_article(tmp_path / "b.txt", 2990)
    args = [a] if command[0] == "sentences" else [a, b]
    proc = subprocess.Popen([sys.executable, "-m", "reader", *command, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    assert proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 0
    assert err == b""
