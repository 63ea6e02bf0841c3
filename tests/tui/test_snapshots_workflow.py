"""SVG snapshots of the review dialog, reviewed findings in the compare view and the
story screen, at 80x24 and 160x48 (regenerate with --snapshot-update, then look)."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.helpers import seeds_app
from tests.tui.test_snapshots import SMALL, WIDE, after


def test_review_dialog(snap_compare):
    typed = after("right_square_bracket", "y", *"checked", compare=("004", "003"))

    async def run_before(pilot) -> None:
        await typed(pilot)
        pilot.app.screen.query_one(Input).cursor_blink = False  # one phase in every picture
        await pilot.pause()

    assert snap_compare(seeds_app(), terminal_size=SMALL, run_before=run_before)


def test_reviewed_findings_marked(snap_compare):
    keys = ("right_square_bracket", "y", *"wire says so", "enter",
            "right_square_bracket", "w", "enter")
    assert snap_compare(seeds_app(), terminal_size=WIDE,
                        run_before=after(*keys, compare=("004", "003")))


def test_story_screen(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=SMALL, run_before=after("t", article="004"))


def test_story_screen_wide(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=WIDE,
                        run_before=after("t", "down", "down", "right", article="001"))
