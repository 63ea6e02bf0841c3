"""Pilot tests: the TUI shows its screens before the slow work finishes, fills them in
after, and keeps nothing heavy it does not need (workers, footer, progress, memory)."""

from __future__ import annotations

import gc
import threading

from textual.dom import DOMNode

import reader.tui.screens.compare as compare_screen
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.compare_view import CompareView, completed
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.status_line import StatusLine
from reader.tui.workers import Handoff
from tests.tui.helpers import run
from tests.tui.helpers import open_compare, seeds_app, select, settle


def header_of(screen: CompareScreen) -> str:
    return str(screen.query_one("#compare-header").render())


def held_completion(monkeypatch) -> threading.Event:
    """Make the compare screen's word diff/drift filling wait until the returned event
    is set, so a test can look at the screen before the rows are complete."""
    release = threading.Event()

    def held(comparison, row):
        release.wait(30)
        return completed(comparison, row)

    monkeypatch.setattr(compare_screen, "completed", held)
    return release


async def compare_001_with_002(pilot) -> CompareScreen:
    """From the library: mark 002, compare 001 with it, and return once its rows show."""
    await settle(pilot)
    await select(pilot, "002")
    await pilot.press("m")
    await select(pilot, "001")
    await pilot.press("d")
    return await rows_shown(pilot)


async def rows_shown(pilot) -> CompareScreen:
    """Wait (without waiting for workers) until the compare screen shows its rows."""
    for _ in range(500):
        screen = pilot.app.screen
        if isinstance(screen, CompareScreen) and screen.comparison is not None:
            return screen
        await pilot.pause(0.01)
    raise AssertionError("the compare screen never showed its rows")


@run
async def test_compare_shows_rows_before_their_word_diffs_and_drift(monkeypatch):
    release = held_completion(monkeypatch)
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await compare_001_with_002(pilot)
        view = screen.view
        assert len(view.rows) == len(screen.comparison.pairs)
        assert not any(row.complete for row in view.rows)
        assert "drift: counting…" in header_of(screen)
        shown = " ".join(line.text for line in
                         (view.render_line(y) for y in range(view.size.height)))
        assert view.rows[0].a_text.split()[0] in shown  # the texts are drawn already
        release.set()
        await settle(pilot)
        assert all(row.complete for row in view.rows)
        changed = [row for row in view.rows if row.kind == "changed"]
        assert changed and all(row.diff is not None for row in changed)
        assert any(row.drift for row in view.rows)
        header = header_of(screen)
        assert "counting" not in header and "drift: " in header


@run
async def test_filling_in_rows_keeps_the_line_at_the_top_of_the_view(monkeypatch):
    release = held_completion(monkeypatch)
    app = seeds_app()
    async with app.run_test(size=(100, 20)) as pilot:
        screen = await compare_001_with_002(pilot)
        view: CompareView = screen.view
        await pilot.pause()
        target = len(view.rows) - 3
        view.cursor = target
        view.scroll_to_cursor(top=True)
        await pilot.pause()
        top_row = view.current.index
        before = view.render_line(0).text
        release.set()
        await settle(pilot)
        assert any(row.drift for row in view.rows[:target])  # rows above grew taller
        assert view.current.index == top_row
        assert view.render_line(0).text.strip("▶ ") == before.strip("▶ ")


@run
async def test_page_down_moves_the_view_a_page_with_the_cursor():
    app = seeds_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await open_compare(pilot, "001", "002")
        view: CompareView = app.screen.view
        height = view.scrollable_content_region.height
        assert view.virtual_size.height > 3 * height
        await pilot.press("pagedown")
        await pilot.pause()
        top = view.scroll_offset.y
        assert 0 < top <= height - 1  # at most a page: one line kept for context
        start, end = view._starts[view.cursor], view._starts[view.cursor + 1]
        assert view.cursor > 0 and start >= top  # the cursor moved with the view ...
        assert end <= top + height or start == top  # ... and its row is in view
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_offset.y == 0 and view.cursor == 0


@run
async def test_workers_never_describe_themselves_with_their_arguments(monkeypatch):
    """Textual's default worker description is repr() of the arguments: for a library
    of articles that is the whole text of every article, built on the UI thread."""
    descriptions: list[str] = []
    original = DOMNode.run_worker

    def spy(self, work, *args, description: str = "", **kwargs):
        descriptions.append(description)
        return original(self, work, *args, description=description, **kwargs)

    monkeypatch.setattr(DOMNode, "run_worker", spy)
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        await pilot.press("p")
        await settle(pilot)
    assert len(descriptions) >= 4  # load, stories, align, rank
    assert all(0 < len(d) < 40 for d in descriptions), descriptions


@run
async def test_key_bar_follows_focus_and_a_click_runs_the_key():
    app = seeds_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        assert "d Compare" in line and "? Help" in line and "^p Commands" in line
        assert "Copy" not in line  # the reading pane's key, not focused
        await pilot.press("tab")
        await pilot.pause()
        assert "c Copy" in str(bar.render())
        view = app.screen.article_view
        x = str(bar.render()).index("r Removed")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert view.show_removed


@run
async def test_status_line_draws_a_bar_only_while_working():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusLine)
        assert "━" not in str(status.render())  # loaded: the message alone
        status.show("Loading 3/10…", (3, 10))
        drawn = str(status.render())
        assert drawn.startswith("Loading 3/10…") and drawn.rstrip().endswith("30%")
        assert "━" in drawn
        assert len(drawn) <= status.content_size.width


def test_the_app_freezes_long_lived_objects_and_thaws_them_on_exit():
    async def scenario() -> int:
        app = seeds_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, LibraryScreen)
            return gc.get_freeze_count()

    import asyncio

    assert asyncio.run(scenario()) > 0
    assert gc.get_freeze_count() == 0


def test_a_handoff_passes_what_came_before_the_first_frame_and_refuses_the_rest():
    handoff = Handoff()

    def work() -> None:
        handoff.offer("a")
        handoff.offer("b")
        handoff.finish()

    worker = threading.Thread(target=work)
    worker.start()
    items, finished = handoff.take(10)
    worker.join()
    assert items == ["a", "b"] and finished
    assert not handoff.offer("c")  # too late for the first frame
    assert not handoff.finish()
