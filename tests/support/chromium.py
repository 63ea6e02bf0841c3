"""Headless Chromium from the system packages (Debian's `chromium`), for checking the
HTML report as a browser lays it out: screenshots and the DOM after layout.

Headless Chromium will not make a window narrower than 500 pixels, so a page is shown
inside an iframe of the width asked for: the page's media queries see that width, as
they would on a phone.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

ABSENT = ("chromium is not installed (apt-get install chromium): the HTML report was not "
          "checked in a browser")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--hide-scrollbars")
_MIN_WINDOW = 500


def find() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def framed(html: str, width: int, height: int) -> str:
    """A page that shows `html` in a `width` x `height` frame at its top left (same
    origin, so a script in the frame may write to `parent.document`)."""
    return ('<!doctype html><html><body style="margin:0;background:#3c3c3c">'
            f'<iframe style="border:0;display:block;background:#fff;width:{width}px;'
            f'height:{height}px" srcdoc="{escape(html, quote=True)}"></iframe></body></html>')


def _run(page: Path, width: int, height: int, *extra: str) -> subprocess.CompletedProcess:
    binary = find()
    if binary is None:
        raise RuntimeError(ABSENT)
    with tempfile.TemporaryDirectory(prefix="reader-chromium-") as profile:
        return subprocess.run(
            [binary, *_FLAGS, f"--user-data-dir={profile}",
             f"--window-size={max(width, _MIN_WINDOW)},{height}", *extra, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=True, stdin=subprocess.DEVNULL)


def screenshot(html: str, png: Path, width: int, height: int) -> None:
    """A PNG of the top `height` pixels of `html` laid out `width` pixels wide (on a dark
    surround when that is under Chromium's smallest window)."""
    page = png.with_suffix(".framed.html")
    page.write_text(framed(html, width, height), encoding="utf-8")
    try:
        _run(page, width, height, f"--screenshot={png.resolve()}")
    finally:
        page.unlink()


def dom(html: str, folder: Path, width: int, height: int) -> str:
    """The top page's DOM after `html`, laid out `width` pixels wide, and its scripts ran."""
    page = folder / "framed.html"
    page.write_text(framed(html, width, height), encoding="utf-8")
    return _run(page, width, height, "--virtual-time-budget=3000", "--dump-dom").stdout
