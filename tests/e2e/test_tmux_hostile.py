"""The real `reader` on the hostile corpus in a real terminal (tmux): the escapes article
must not retitle the pane or write the clipboard (OSC 0/2/52), and the list stays on screen.

A private tmux server (-L) with `set-clipboard on` stores any OSC 52 write as a paste
buffer and `set-titles`/`allow-rename` let OSC 0/2 change the pane title, so an escape
that reached the terminal would show up in `list-buffers` or `#{pane_title}`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from tests.support import hostile_corpus

from tests.support import ROOT as PROJECT_ROOT

pytestmark = [pytest.mark.tmux,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]

ROOT = str(PROJECT_ROOT)
SENTINEL = "sentinel-title"


class Tmux:
    def __init__(self) -> None:
        self.socket = f"reader-hostile-{uuid.uuid4().hex[:8]}"
        self.session = "hostile"

    def __call__(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self("send-keys", "-t", self.session, key)
            time.sleep(0.05)

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", self.session)

    def wait_for(self, needle: str, timeout: float = 90.0) -> str:
        """Poll the pane until `needle` shows (a UI wait, not a timing assertion)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if needle in screen:
                return screen
            time.sleep(0.3)
        raise AssertionError(f"{needle!r} never appeared; last screen:\n{screen}")

    def title(self) -> str:
        return self("display-message", "-p", "-t", self.session, "#{pane_title}").strip()

    def buffers(self) -> str:
        return self("list-buffers")


def test_escapes_never_reach_the_terminal(tmp_path):
    corpus = hostile_corpus.build(tmp_path / "hostile", big_line_mb=1, sentences=2_000)
    cache = tmp_path / "cache"
    tmux = Tmux()
    shell = os.environ.get("SHELL", "/bin/sh")
    tmux("new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "30", shell)
    try:
        tmux("set-option", "-g", "set-clipboard", "on")
        tmux("set-option", "-g", "set-titles", "on")
        tmux("set-option", "-g", "allow-rename", "on")
        tmux("select-pane", "-t", tmux.session, "-T", SENTINEL)
        for line in tmux.buffers().splitlines():  # start with no paste buffers at all
            tmux("delete-buffer", "-b", line.split(":", 1)[0])
        assert tmux.title() == SENTINEL and tmux.buffers() == ""
        command = (f"cd {ROOT} && READER_CACHE_DIR={cache} TERM=xterm-256color "
                   f"exec {sys.executable} -m reader {corpus.folder}")
        tmux("send-keys", "-t", tmux.session, command, "Enter")
        tmux.wait_for(f"{len(corpus.loads)} articles")
        tmux.keys("/")
        tmux.wait_for("Close search")  # the search box has the focus (its key in the bar)
        tmux.keys(*"Escape", "Enter")  # filter the list to the escapes file
        tmux.wait_for("Escape test headline")  # its title (the file name before it had one)
        tmux.keys("Tab", "r", "Space", "j", "j", "G", "g")  # read it, removed lines shown
        tmux.wait_for("␛")  # the escapes show as visible placeholders
        tmux.keys("BTab", "m")  # back to the list (shift+tab); mark it as B
        tmux.wait_for("B: escapes.txt")
        tmux.keys("/")
        tmux.wait_for("Close search")
        tmux.keys("Escape")  # escape in the search box clears the filter
        tmux.wait_for("Markup test headline")
        tmux.keys("/")
        tmux.wait_for("Close search")
        tmux.keys(*"markup", "Enter", "d")  # compare the markup file with it
        tmux.wait_for("B explains")
        tmux.keys("Space", "j", "G", "g", "s", "G", "x")
        tmux.wait_for("B explains")
        tmux.keys("q")
        screen = tmux.wait_for("Articles")
        assert "reader ·" in screen
        assert tmux.title() == SENTINEL
        assert tmux.buffers() == "", "an OSC 52 clipboard write reached the terminal"
        assert "PWNED" not in tmux("show-options", "-g", "set-titles-string")
    finally:
        subprocess.run(["tmux", "-L", tmux.socket, "kill-server"], capture_output=True)
