"""The HTML report in a real headless browser (Debian's chromium) at desktop and phone
widths: both versions side by side on a desktop, one column on a phone, and nothing
wider than the screen. Skipped, saying so, where chromium is not installed."""

from __future__ import annotations

import json
import re

import pytest

from tests.support import chromium
from tests.support import run_reader as run
from tests.support.articles import ORIGINAL, REWRITE

pytestmark = pytest.mark.skipif(chromium.find() is None, reason=chromium.ABSENT)

# Added to a copy of the report (the report itself has no script and forbids one): it
# writes where the browser put the A and B sides of the first changed pair.
MEASURE = """<script>
const box = s => document.querySelector(s).getBoundingClientRect();
const a = box('.pair.changed .side.a'), b = box('.pair.changed .side.b');
parent.document.body.dataset.layout = JSON.stringify({
  a: [a.left, a.top, a.right, a.bottom], b: [b.left, b.top, b.right, b.bottom],
  viewport: innerWidth, scroll: document.documentElement.scrollWidth,
  del: getComputedStyle(document.querySelector('del')).textDecorationLine,
  ins: getComputedStyle(document.querySelector('ins')).textDecorationLine});
</script>"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    (folder / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "rewrite.txt").write_text(REWRITE, encoding="utf-8")
    out = run("diff", str(folder / "original.txt"), str(folder / "rewrite.txt"),
              "--format", "html")
    assert out.returncode == 0, out.stderr
    return out.stdout, folder


def _layout(report, width: int) -> dict:
    html, folder = report
    measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    measured = measured.replace("</body>", MEASURE + "</body>")
    found = re.search(r'data-layout="([^"]*)"', chromium.dom(measured, folder, width, 900))
    assert found, "the measuring script did not run"
    return json.loads(found.group(1).replace("&quot;", '"'))


def test_desktop_shows_a_and_b_side_by_side(report):
    got = _layout(report, 1280)
    (a_left, a_top, a_right, _), (b_left, b_top, _, _) = got["a"], got["b"]
    assert a_top == b_top and b_left >= a_right + 8  # one row, with a gutter between
    assert got["scroll"] <= got["viewport"]
    assert got["del"] == "line-through" and got["ins"] == "underline"


def test_phone_shows_one_column_without_sideways_scrolling(report):
    got = _layout(report, 390)
    (a_left, _, a_right, a_bottom), (b_left, b_top, b_right, _) = got["a"], got["b"]
    assert b_top >= a_bottom  # B below A
    assert abs(a_left - b_left) < 1 and abs(a_right - b_right) < 1
    assert a_right - a_left > 0.8 * got["viewport"] - 40  # the whole width, not half
    assert got["scroll"] <= got["viewport"]


def test_the_report_itself_renders_with_its_policy(report, tmp_path):
    """The shipped page, with its Content-Security-Policy, gives a screenshot at each
    width (a PNG at least that wide)."""
    for width in (1280, 390):
        png = tmp_path / f"report-{width}.png"
        chromium.screenshot(report[0], png, width, 800)
        head = png.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") >= width
