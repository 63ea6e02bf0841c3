"""`reader URL URL` in a real terminal: the pages are fetched from a loopback server,
saved in the data directory, and the app opens on them."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import uuid

import pytest

from tests.e2e.test_tmux import ROOT, tmux, wait_for
from tests.support.page_server import serve

pytestmark = [pytest.mark.tmux,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]


def test_app_opens_on_fetched_pages(tmp_path):
    data = tmp_path / "data"
    with serve() as (site, seen):
        env = (f"READER_DATA_DIR={shlex.quote(str(data))} "
               f"READER_CACHE_DIR={shlex.quote(str(tmp_path / 'cache'))}")
        command = (f"cd {ROOT} && {env} {sys.executable} -m reader "
                   f"{site}/page {site}/other")
        session = f"reader-test-{uuid.uuid4().hex[:8]}"
        tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
        try:
            screen = wait_for(session, "2 articles")
            assert "Harbour bridge reopens" in screen
            assert {r["path"] for r in seen} == {"/page", "/other"}
            tmux("send-keys", "-t", session, "q")
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    saved = sorted(os.listdir(data / "pages"))
    assert len([n for n in saved if n.endswith(".html")]) == 2
    assert len([n for n in saved if n.endswith(".json")]) == 2
