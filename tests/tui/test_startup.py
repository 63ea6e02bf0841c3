"""Start-up: the files are read from launch on (reader.tui.preload), the first screen
shows the first article, the rest fills in while the app answers keys."""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from pathlib import Path

from reader.cache import Cache
from reader.model import Article, LoadError
from reader.tui.app import ReaderApp
from reader.tui.memory import hold_collections
from reader.tui.preload import Preload
from reader.tui.widgets.status_line import StatusLine
from tests.tui.helpers import SEEDS, run, settle

STORY = ("The {town} council met on Monday and agreed to repair the bridge over the river "
         "before the winter. Work will start next month and take about {n} weeks, the "
         "council said. Drivers will use the ring road while it goes on.")


def write_folder(folder: Path, towns: list[str], broken_first: bool = False) -> list[str]:
    """Made-up articles (one town each), optionally after an unreadable file; the names
    in the order the app lists them."""
    names = []
    if broken_first:
        (folder / "000_broken.txt").write_bytes(b"\x7fELF" + bytes(64))
        names.append("000_broken.txt")
    for n, town in enumerate(towns, 1):
        name = f"{n:03d}_{town.lower()}.txt"
        (folder / name).write_text(f"Bridge to close in {town}\n\n"
                                   + STORY.format(town=town, n=n + 2) + "\n", encoding="utf-8")
        names.append(name)
    return names


def wait_ready(preload: Preload) -> list:
    """The preload's first entries, once its thread has read them (bounded wait)."""
    for _ in range(1000):
        first = preload.ready()
        if first:
            return first
        time.sleep(0.01)
    raise AssertionError("the preload never finished its first read")


def name_of(entry: Article | LoadError) -> str:
    return Path(entry.path).name


def test_preload_stops_at_the_first_article_and_items_give_every_file_once(tmp_path):
    names = write_folder(tmp_path, ["Aldford", "Brenmoor", "Castlebury"], broken_first=True)
    preload = Preload([str(tmp_path)], 1 << 20, use_cache=False)
    first = wait_ready(preload)
    assert [type(e) for _, _, e in first] == [LoadError, Article]  # not a file more
    items = list(preload.items())
    assert [name_of(e) for _, _, e in items] == names
    assert [done for done, _, _ in items] == [1, 2, 3, 4]
    assert items[:2] == first


def test_a_failure_in_the_preload_thread_reaches_the_app(tmp_path, monkeypatch):
    import reader.tui.preload as preload_module

    def broken(*args, **kwargs):
        raise OSError("disk gone")
        yield  # a generator, as iter_entries is

    monkeypatch.setattr(preload_module, "iter_entries", broken)
    preload = Preload([str(tmp_path)], 1 << 20, use_cache=False)
    try:
        list(preload.items())
    except OSError as exc:
        assert "disk gone" in str(exc)
    else:
        raise AssertionError("the preload's error was lost")


@run
async def test_first_screen_shows_the_preloaded_article_and_the_rest_fills_in(tmp_path,
                                                                             monkeypatch):
    """The rest of the folder is held back until the test lets it through: meanwhile the
    list shows the first article with its text, and the app answers keys."""
    import reader.tui.preload as preload_module

    names = write_folder(tmp_path, ["Aldford", "Brenmoor", "Castlebury", "Dunhill"])
    release = threading.Event()
    read = preload_module.iter_entries

    def held_back(*args, **kwargs):
        for n, item in enumerate(read(*args, **kwargs)):
            if n == 1:
                release.wait(30)
            yield item

    monkeypatch.setattr(preload_module, "iter_entries", held_back)
    app = ReaderApp([str(tmp_path)])
    wait_ready(app.preload)  # as on a launch, where Textual's import takes longer
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            listing, view = app.screen.article_list, app.screen.article_view
            # mounted with it: the first frame already shows the article
            assert [name_of(e) for e in listing.entries] == names[:1]
            assert view.article is listing.entries[0]
            assert str(app.screen.query_one(StatusLine).message).startswith("Loading 1/4")
            await pilot.press("r")  # keys work while the rest loads
            assert view.show_removed
            await pilot.press("slash", "D", "u", "n")
            assert app.screen.focused.id == "list-search"
            release.set()
            await settle(pilot)
            assert [name_of(e) for e in listing.entries] == names
            assert [name_of(e) for e in listing.shown] == ["004_dunhill.txt"]  # the query
            assert str(app.screen.query_one(StatusLine).message).startswith("reader · 4 articles")
    finally:
        release.set()


@run
async def test_a_slow_first_file_still_reaches_the_list(tmp_path, monkeypatch):
    """When the screen mounts before the preload has read anything, the load worker
    waits for it and shows every file."""
    import reader.tui.preload as preload_module

    names = write_folder(tmp_path, ["Aldford", "Brenmoor"])
    release = threading.Event()
    read = preload_module.iter_entries

    def slow_start(*args, **kwargs):
        release.wait(30)
        yield from read(*args, **kwargs)

    monkeypatch.setattr(preload_module, "iter_entries", slow_start)
    app = ReaderApp([str(tmp_path)])
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert not app.screen.article_list.entries
            release.set()
            await settle(pilot)
            listing = app.screen.article_list
            assert [name_of(e) for e in listing.entries] == names
            assert app.screen.article_view.article is listing.entries[0]
    finally:
        release.set()


@run
async def test_a_first_launch_caches_every_file(tmp_path):
    """The first file is cleaned by the preload thread, the rest by the load worker,
    through one cache connection: every file must be in the cache afterwards."""
    app = ReaderApp(SEEDS, use_cache=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = list(app.state.library.articles)
    assert len(articles) == 5
    with Cache() as cache:
        for article in articles:
            sha = hashlib.sha256(Path(article.path).read_bytes()).hexdigest()
            assert cache.get_article(sha, article.path) is not None, article.name


def test_the_preload_starts_before_textual_is_imported():
    """`reader` with no subcommand: the files start loading before Textual's import (the
    point of the preload), with the garbage collector held. Checked in a fresh
    interpreter."""
    import subprocess
    import sys

    code = ("import os, sys, reader.tui.preload as p\n"
            "def spy(self, *args, **kwargs):\n"
            "    import gc\n"
            "    print('textual' in sys.modules, gc.isenabled(), flush=True)\n"
            "    os._exit(0)\n"
            "p.Preload.__init__ = spy\n"
            "from reader.cli.main import main\n"
            "main([sys.argv[1]])\n")
    out = subprocess.run([sys.executable, "-c", code, SEEDS[0]], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]  # no Textual yet, collector held


@run
async def test_the_collector_held_at_launch_runs_again_after_the_first_frame():
    hold_collections()
    try:
        app = ReaderApp(SEEDS)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
