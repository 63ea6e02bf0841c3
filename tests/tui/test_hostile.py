"""The TUI over the hostile corpus (tests/support/hostile_corpus.py): every bad file is an error
entry with its reason, every good one an article, and the articles built to attack the
terminal or the layout (escapes, markup, bidi, CJK, emoji) render as plain text with the
side-by-side columns still level."""

from __future__ import annotations

import asyncio

import pytest
from rich.cells import cell_len

from reader.model import Article, LoadError
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.library import LibraryScreen
from tests.support import hostile_corpus
from tests.tui.helpers import seeds_app, settle, view_lines

ATTACKS = {"escapes.txt": "Escape test headline", "markup.txt": "[bold red]not bold[/]",
           "unicode.txt": "東京"}


def name(entry: Article | LoadError) -> str:
    return entry.path.replace("\\", "/").rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return hostile_corpus.build(tmp_path_factory.mktemp("hostile"), big_line_mb=1,
                                sentences=2_000)


def test_hostile_folder_loads_with_every_error_named_and_attacks_shown_as_text(corpus):
    async def scenario() -> None:
        app = seeds_app([str(corpus.folder)])
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            listing = screen.article_list
            articles = {name(e): e for e in listing.shown if isinstance(e, Article)}
            errors = {name(e): e for e in listing.shown if isinstance(e, LoadError)}
            assert set(articles) == corpus.loads
            assert set(errors) == corpus.errors
            for entry in errors.values():  # each error shows its own reason when selected
                listing.highlighted = listing.shown.index(entry)
                await pilot.pause()
                assert screen.article_view.error is entry and entry.reason
                shown = " ".join(" ".join(view_lines(screen.article_view)).split())
                assert " ".join(entry.reason.split()) in shown
            listed = "\n".join(view_lines(listing))
            assert "\x1b" not in listed and "\x07" not in listed
            assert app.is_running and app.return_code is None

    asyncio.run(scenario())


async def open_hostile(pilot, file_name: str) -> Article:
    """Load the hostile folder and highlight `file_name` in the list."""
    await settle(pilot)
    listing = pilot.app.screen.article_list
    article = next(e for e in listing.shown if isinstance(e, Article) and name(e) == file_name)
    listing.highlighted = listing.shown.index(article)
    await pilot.pause()
    return article


@pytest.mark.parametrize("file_name", sorted(ATTACKS))
def test_attack_articles_read_as_plain_text(corpus, file_name):
    async def scenario() -> None:
        app = seeds_app([str(corpus.folder)])
        async with app.run_test(size=(120, 40)) as pilot:
            await open_hostile(pilot, file_name)
            view = app.screen.article_view
            await pilot.press("tab", "r")  # removed lines too: the text shows wherever it went
            text = "\n".join(view_lines(view))
            assert ATTACKS[file_name] in text
            assert not any(ch in text for ch in "\x1b\x07\x9b\u202e\u2067")
            assert all(cell_len(line) <= 120 for line in view_lines(view))
            assert app.is_running and app.return_code is None

    asyncio.run(scenario())


@pytest.mark.parametrize("file_name", ["escapes.txt", "markup.txt", "unicode.txt"])
def test_attack_article_compared_with_itself_is_identical_and_level(corpus, file_name):
    async def scenario() -> None:
        app = seeds_app([str(corpus.folder)])
        async with app.run_test(size=(120, 40)) as pilot:
            article = await open_hostile(pilot, file_name)
            app.push_screen(CompareScreen(article, article))
            await settle(pilot)
            compare = app.screen
            rows = compare.view.rows
            assert rows and all(r.kind == "same" for r in rows)  # itself: all identical
            summary = compare.comparison.summary()
            assert summary.changed == summary.dropped == summary.added == 0
            drawn = view_lines(compare.view)
            text_lines = [line for line in drawn if line.strip()]
            assert all("│" in line for line in text_lines)
            edges = {cell_len(line[: line.index("│")]) for line in text_lines}
            assert len(edges) == 1, f"columns broke at cells {edges}"
            assert all(cell_len(line) <= 120 for line in drawn)
            assert not any(ch in "".join(drawn) for ch in "\x1b\x07\x9b")
            await pilot.press("s")  # unified view too
            assert all(cell_len(line) <= 120 for line in view_lines(compare.view))
            await pilot.press("q")
            assert isinstance(app.screen, LibraryScreen)
            assert app.is_running and app.return_code is None

    asyncio.run(scenario())
