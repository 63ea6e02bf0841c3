"""Every text on screen readable (issue 14 item 3): in true colour, in 256 colours, in
16 colours (TERM=linux, screen) and with NO_COLOR, focused or not.

The screen's cells are taken as the app draws them and their colours reduced to each
colour system the way the terminal output is (rich's downgrade); a cell of text fails
when its foreground and background end up too alike: under 3:1 contrast in true colour,
1.5:1 in 256 colours, the same colour number in 16.
"""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet

from tests.tui.helpers import open_compare, run, seeds_app, settle

SYSTEMS = ((ColorSystem.TRUECOLOR, 3.0), (ColorSystem.EIGHT_BIT, 1.5),
           (ColorSystem.STANDARD, None))


def luminance(c: ColorTriplet) -> float:
    def channel(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def unreadable(app) -> list[tuple]:
    """(system, line, text, contrast) of each text cell run too close to its ground."""
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            style = segment.style
            if style is None or not any(ch.isalnum() for ch in segment.text):
                continue
            fg, bg = (style.bgcolor, style.color) if style.reverse else (style.color,
                                                                          style.bgcolor)
            if fg is None or bg is None:  # the terminal's own colours
                continue
            for system, minimum in SYSTEMS:
                f, b = fg.downgrade(system), bg.downgrade(system)
                ratio = contrast(f.get_truecolor(), b.get_truecolor())
                bad = f.number == b.number if minimum is None else ratio < minimum
                if bad:
                    found.append((system.name, y, segment.text.strip()[:40], round(ratio, 2)))
    return found


async def library_unfocused_with_a_kept_search(pilot):
    await settle(pilot)
    await pilot.press("slash", *"patrol", "enter", "tab")  # the list's border says /patrol


async def reading_pane_with_a_kept_search(pilot):
    await settle(pilot)
    await pilot.press("tab", "slash", *"Idlib", "enter", "shift+tab")


async def compare(pilot):
    await open_compare(pilot, "004", "003")


async def pair_detail(pilot):
    await open_compare(pilot, "004", "003")
    await pilot.press("right_square_bracket", "enter")


async def picker(pilot):
    await open_compare(pilot, "004", "003")
    await pilot.press("p")
    await settle(pilot)


async def help_screen(pilot):
    await settle(pilot)
    await pilot.press("question_mark")


async def removed_lines(pilot):
    await settle(pilot)
    await pilot.press("tab", "r")


STATES = [library_unfocused_with_a_kept_search, reading_pane_with_a_kept_search, compare,
          pair_detail, picker, help_screen, removed_lines]


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
@pytest.mark.parametrize("state", STATES, ids=[s.__name__ for s in STATES])
def test_every_text_is_readable(state, no_color, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")

    @run
    async def scenario():
        app = seeds_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await state(pilot)
            await pilot.pause()
            assert unreadable(app) == []

    scenario()
