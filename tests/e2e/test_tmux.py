"""The real `reader` command in a real terminal: open the seeds, compare, read the screen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid

import pytest

from reader.compare import compare
from reader.library import default_paths, load_library

from tests.support import ROOT as PROJECT_ROOT

pytestmark = [pytest.mark.tmux,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]

ROOT = str(PROJECT_ROOT)


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, needle: str, timeout: float = 60.0) -> str:
    """Poll the pane until `needle` shows (a UI wait, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared; last screen:\n{screen}")


def test_compare_screen_shows_aligned_sentences_from_both_seeds():
    library = load_library(default_paths())
    a = next(x for x in library.articles if x.name.startswith("004"))
    b = next(x for x in library.articles if x.name.startswith("003"))
    comparison = compare(a, b)
    pair = next(i for i, p in enumerate(comparison.pairs) if p.a and p.b)
    a_text, b_text = comparison.pair_texts(pair)

    session = f"reader-test-{uuid.uuid4().hex[:8]}"
    command = f"cd {ROOT} && {sys.executable} -m reader seeds"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
    try:
        # loaded and grouped: the list's order is final (keys typed before the grouping
        # lands move a cursor over rows that are about to be regrouped)
        wait_for(session, f"{len(library.articles)} articles · 2 multi-version stories")
        # grouped: 001 and its version 002, then 004 (the Reuters story) and its version
        # 003, then 000 on its own
        tmux("send-keys", "-t", session, "G")      # last entry: 000
        tmux("send-keys", "-t", session, "k")      # 003
        tmux("send-keys", "-t", session, "m")      # mark it as B
        tmux("send-keys", "-t", session, "k")      # up to 004
        wait_for(session, "B: " + b.name)
        tmux("send-keys", "-t", session, "d")
        screen = wait_for(session, "B explains")
        for _ in range(pair):
            tmux("send-keys", "-t", session, "j")
        screen = wait_for(session, a_text.split()[0])
        assert a_text.split()[0] in screen
        words = " ".join(screen.split())
        assert " ".join(a_text.split()[:2]) in words or a_text.split()[1] in words
        assert b_text.split()[0] in words
        assert "│" in screen
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "Articles")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def wait_for_any(session: str, needles: tuple[str, ...], timeout: float) -> str:
    """Poll the pane until one of `needles` shows; "" if none did (a UI wait)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if any(needle in screen for needle in needles):
            return screen
        time.sleep(0.3)
    return ""


def wait_for_absence(session: str, needle: str, timeout: float = 60.0) -> str:
    """Poll the pane until `needle` is gone (a UI wait, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if needle not in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never went; last screen:\n{screen}")


def test_escape_in_a_real_terminal_clears_and_goes_back_but_never_quits():
    """A real terminal sends escape as a lone ESC byte (and the start of other keys'
    sequences): pressed repeatedly it must close the search, clear the filter and go
    back, and the app must still be there for q (issue 14)."""
    session = f"reader-test-{uuid.uuid4().hex[:8]}"
    # the shell stays when reader ends, so the pane shows whether reader is still running
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh")
    try:
        tmux("send-keys", "-t", session, f"cd {ROOT} && {sys.executable} -m reader seeds; "
             "echo READER-ENDED", "Enter")
        wait_for(session, "5 articles")
        tmux("send-keys", "-t", session, "/")
        wait_for(session, "Close search")  # the search box has the keys
        tmux("send-keys", "-t", session, "patrol", "Enter")
        wait_for(session, "/patrol ·")  # a kept filter, on the list's border
        for _ in range(3):
            tmux("send-keys", "-t", session, "Escape")
        wait_for_absence(session, "/patrol")  # escape cleared the filter (a key right after
        # an escape byte would read as alt+key, as in any terminal)
        # the app still takes keys: a compare opens (or, for an article with no related
        # version, the picker). A key the terminal delivers within its escape timeout of
        # the last escape reads as alt+key, as in any terminal, so press d until it opens.
        screen = ""
        for _ in range(10):
            tmux("send-keys", "-t", session, "d")
            screen = wait_for_any(session, ("q Back", "q Cancel"), timeout=10.0)
            if screen:
                break
        assert screen, tmux("capture-pane", "-p", "-t", session)
        for _ in range(3):
            tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "q Quit")  # back in the library
        time.sleep(0.1)  # not a timing assertion: keeps "?" from reading as alt+?
        tmux("send-keys", "-t", session, "?")
        screen = wait_for(session, "Everywhere")  # the help: reader is still running
        assert "READER-ENDED" not in screen
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "Reading")
        time.sleep(0.1)
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "READER-ENDED")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_a_hard_wrapped_article_reads_whole_on_a_linux_console(tmp_path):
    """TERM=linux (the text console an SSH rescue shell or a server's screen gives): a
    file wrapped at 44 columns by its writer shows every word of its paragraph in the
    reading pane, in order, re-wrapped to the pane."""
    import textwrap

    para = ("Councillors voted on Thursday to keep the night bus to Quarry Lane running "
            "through the winter, after residents of the estate handed in a petition with "
            "nine hundred signatures asking for the route to be saved.")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "bus.txt").write_text("Night bus to Quarry Lane saved\n\n" + textwrap.fill(para, 44) + "\n")
    session = f"reader-test-{uuid.uuid4().hex[:8]}"
    command = f"cd {ROOT} && TERM=linux {sys.executable} -m reader {folder}"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
    try:
        wait_for(session, "1 article")
        tmux("send-keys", "-t", session, "tab")  # the reading pane
        screen = wait_for(session, "Councillors")
        # the reading pane is the right-hand box: take each row's text after the list's box
        right = [row.split("│")[3] if row.count("│") >= 4 else "" for row in screen.splitlines()]
        shown = " ".join(" ".join(right).split())
        assert para in shown, screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
