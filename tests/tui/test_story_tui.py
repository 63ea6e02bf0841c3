"""The story screen: t in the library shows the original's sentences against every other
version of its story; enter on a cell opens that pair's comparison at that row."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.story import StoryScreen
from reader.tui.widgets.compare_view import CompareView
from tests.tui.helpers import run, seeds_app, select, settle


async def open_story(pilot, prefix: str) -> None:
    await settle(pilot)
    await select(pilot, prefix)
    await pilot.press("t")
    await settle(pilot)


@run
async def test_t_shows_the_original_against_each_version():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_story(pilot, "003")
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        assert screen.original.name.startswith("004")  # the story's original, not 003
        table = screen.table
        grid = screen.query_one(DataTable)
        added = sum(len(table.added(v)) for v in range(len(table.versions)))
        assert grid.row_count == len(table.sentences) + added
        assert len(grid.columns) == len(table.versions) + 2
        header = str(screen.query_one("#story-header", Static).render())
        assert "003" in header and "derived" in header
        marks = {str(grid.get_cell_at((i, 1))) for i in range(len(table.sentences))}
        assert marks <= {"=", "~", "!", "-", "=↕", "~↕", "!↕"} and "-" in marks


@run
async def test_enter_on_a_cell_opens_that_pair_at_that_row():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_story(pilot, "004")
        screen = app.screen
        grid = screen.query_one(DataTable)
        cells = screen.table.cells(0)
        row = next(i for i, c in enumerate(cells) if c.kind == "dropped" and i > 5)
        grid.cursor_coordinate = (row, 1)
        await pilot.pause()
        assert "dropped" in str(screen.query_one("#story-cell", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        current = app.screen.query_one(CompareView).current
        assert current is not None and current.index == cells[row].pair
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@run
async def test_an_article_alone_in_its_story_says_so():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_story(pilot, "000")
        assert isinstance(app.screen, LibraryScreen)


@run
async def test_story_key_and_screen_are_in_the_help():
    from reader.tui.screens.help import help_text

    app = seeds_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        text = help_text(app).plain
        assert "every version of this article's story" in text or "Story" in text
        assert "Story table" in text


@run
async def test_t_on_a_wire_take_puts_that_take_down_the_side(tmp_path):
    """A night lead or a later page holds what the papers wrote from: `t` on it shows the
    story against it (the first take, a few lines, would show every paper dropping)."""
    from tests.support.hearing_story import COPY, WIRE, write, write_takes

    write_takes(tmp_path)
    write(tmp_path, {"copy": [*COPY, WIRE[3]]})
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        for name, role in (("goats2", "Wire take"), ("copy", "Original"), ("goats1", "Original")):
            await open_story(pilot, name)
            screen = app.screen
            assert isinstance(screen, StoryScreen)
            expected = "goats1.txt" if name == "copy" else f"{name}.txt"
            assert screen.original.name == expected
            header = str(screen.query_one("#story-header", Static).render())
            assert f"{role}: {expected}" in header
            await pilot.press("q")
            await settle(pilot)
