"""Helpers shared by the TUI tests: build the app on real files and wait for workers."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.worker import WorkerState

from reader.library import default_paths
from reader.model import Article
from reader.tui.app import ReaderApp

SEEDS = default_paths()


def seeds_app(paths: list[str] | None = None) -> ReaderApp:
    return ReaderApp(paths or SEEDS)


async def settle(pilot: Pilot) -> None:
    """Wait until loading, ranking and aligning workers (which start each other) finish."""
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING)
                   for w in pilot.app.workers):
            return


def article(app: ReaderApp, prefix: str) -> Article:
    return next(a for a in app.state.library.articles if a.name.startswith(prefix))


async def select(pilot: Pilot, prefix: str) -> None:
    """Highlight the article whose file name starts with `prefix` in the list."""
    screen = pilot.app.screen
    shown = screen.article_list.shown
    screen.article_list.highlighted = next(
        n for n, e in enumerate(shown) if isinstance(e, Article) and e.name.startswith(prefix))
    await pilot.pause()


async def open_compare(pilot: Pilot, a: str, b: str | None = None) -> None:
    """From the library: compare `a` with `b` (marked first) or with its best match."""
    await settle(pilot)
    if b is not None:
        await select(pilot, b)
        await pilot.press("m")
    await select(pilot, a)
    await pilot.press("d")
    await settle(pilot)


def view_lines(widget) -> list[str]:
    """The text of every line a line-API widget would draw (scrolling through it)."""
    lines = []
    for y in range(widget.virtual_size.height):
        widget.scroll_to(y=y, animate=False, immediate=True)
        lines.append(widget.render_line(y - widget.scroll_offset.y).text)
    widget.scroll_to(y=0, animate=False, immediate=True)
    return lines


def run(coro_fn):
    """Run an async Pilot scenario (no pytest-asyncio dependency)."""
    import asyncio
    import functools

    @functools.wraps(coro_fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(coro_fn(*args, **kwargs))

    return wrapper
