"""What a new user tripped over (issue 14): each test fails without its fix."""

from __future__ import annotations

import os
import stat

import pytest
from textual.widgets import Input

from reader.model import Article, LoadError
from reader.tui.drift_notes import drift_label
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.detail import DetailScreen
from reader.tui.screens.export import ExportScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.picker import PickerScreen
from tests.tui.helpers import open_compare, run, seeds_app, settle, view_lines

STORY = ("The council of {town} voted on {day} to close the old bridge over the river for "
         "repairs that will take {n} months. Engineers found cracks in two of its arches "
         "during an inspection in the spring. Drivers will have to use the ring road, which "
         "adds about {m} minutes to a trip into the centre. Shop owners near the bridge said "
         "they feared losing customers while the work goes on.")


def write_articles(folder, names: list[str]) -> None:
    """Made-up articles about different towns (nothing for the grouping to link)."""
    towns = ["Aldford", "Brenmoor", "Castlebury", "Dunhill", "Eastwick"]
    for n, name in enumerate(names):
        body = STORY.format(town=towns[n % len(towns)], day="Monday Tuesday Friday".split()[n % 3],
                            n=n + 3, m=10 + n)
        (folder / name).write_text(f"Bridge in {towns[n % len(towns)]} to close\n\n{body}\n",
                                   encoding="utf-8")


# -- 1. export ----------------------------------------------------------------------------


async def export_to(pilot, target) -> ExportScreen:
    await open_compare(pilot, "004", "003")
    await pilot.press("e")
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    screen.query_one("#export-path", Input).value = str(target)
    await pilot.press("enter")
    await pilot.pause()
    return screen


def test_export_asks_before_replacing_an_existing_file(tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("my own notes\n", encoding="utf-8")

    @run
    async def scenario():
        app = seeds_app()
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await export_to(pilot, target)
            assert app.screen is screen  # not written, still asking
            assert target.read_text(encoding="utf-8") == "my own notes\n"
            assert "exists" in str(screen.query_one("#export-error").render())
            await pilot.press("enter")  # the explicit confirmation
            await pilot.pause()
            assert isinstance(app.screen, CompareScreen)
            assert target.read_text(encoding="utf-8") != "my own notes\n"

    scenario()


def test_a_changed_name_needs_its_own_confirmation(tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    for path in (first, second):
        path.write_text("keep\n", encoding="utf-8")

    @run
    async def scenario():
        app = seeds_app()
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await export_to(pilot, first)
            screen.query_one("#export-path", Input).value = str(second)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen
            assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == "keep\n"

    scenario()


def test_an_export_gets_the_users_normal_permissions(tmp_path):
    target = tmp_path / "report.md"
    old = os.umask(0o022)
    try:
        @run
        async def scenario():
            app = seeds_app()
            async with app.run_test(size=(100, 30)) as pilot:
                await export_to(pilot, target)
                assert isinstance(app.screen, CompareScreen)

        scenario()
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # readable by colleagues


# -- 2. escape ----------------------------------------------------------------------------


@run
async def test_escape_closes_and_clears_but_never_quits():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"Idlib", "enter")  # a kept filter
        assert screen.article_list.query == "Idlib"
        await pilot.press("escape")  # clears it
        assert screen.article_list.query == ""
        assert screen.article_list.border_subtitle is None
        await pilot.press("slash", "escape", "escape", "escape")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        await pilot.press("q")  # q still quits from the library
        await pilot.pause()
        assert not app.is_running


@run
async def test_escape_goes_back_from_a_compare():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and app.is_running


# -- 8. the cursor while a folder loads -----------------------------------------------------


@pytest.fixture
def folder_with_an_error(tmp_path):
    """Five articles and a picture whose error entry sorts first by name."""
    (tmp_path / "000-scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write_articles(tmp_path, [f"{n:03d}-bridge.txt" for n in range(1, 6)])
    return tmp_path


def test_the_cursor_stays_on_the_first_row_while_a_folder_loads(folder_with_an_error):
    @run
    async def scenario():
        app = seeds_app([str(folder_with_an_error)])
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            listing = app.screen.article_list
            assert isinstance(listing.shown[-1], LoadError)  # errors after the articles
            assert listing.highlighted == 0 and isinstance(listing.current, Article)

    scenario()


def test_a_cursor_the_user_moved_stays_on_its_entry(folder_with_an_error):
    @run
    async def scenario():
        app = seeds_app([str(folder_with_an_error)])
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            listing = app.screen.article_list
            await pilot.press("j", "j")
            chosen = listing.current
            listing.refill()
            assert listing.current is chosen

    scenario()


# -- 4. wrap, do not cut; pair detail ------------------------------------------------------


def flat(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


@run
async def test_drift_notes_wrap_at_80_columns_instead_of_being_cut():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot, "004", "003")
        view = app.screen.view
        shown = flat(view_lines(view))
        notes = [drift_label(item) for row in view.rows for item in view.shown_drift(row)]
        assert any(len(note) > 80 for note in notes)  # the case this is about
        for note in notes:
            assert " ".join(note.split()) in shown
        summary = " ".join(str(app.screen.query_one("#compare-header").render()).split())
        for item in app.screen.comparison.article_drift():
            assert " ".join(drift_label(item).split()) in summary


@run
async def test_pair_detail_leads_with_the_drift_and_pages_like_every_view():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot, "004", "003")
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        text = str(screen.query_one("#detail-text").render())
        assert text.index("Changed facts") < text.index(" A ") < text.index("Word changes")
        panel = screen.panel
        await pilot.press("space")
        assert panel.scroll_y > 0
        await pilot.press("g")
        assert panel.scroll_y == 0
        await pilot.press("G")
        assert panel.scroll_y == panel.max_scroll_y > 0
        await pilot.press("b")
        assert panel.scroll_y < panel.max_scroll_y


@run
async def test_help_pages_with_space_b_g_and_G():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        panel = app.screen.panel
        await pilot.press("space")
        first = panel.scroll_y
        assert first > 1  # a page, not a line
        await pilot.press("G")
        assert panel.scroll_y == panel.max_scroll_y
        await pilot.press("g")
        assert panel.scroll_y == 0


# -- 5. d with no related version --------------------------------------------------------


UNRELATED = {
    "garden.txt": ("Roses for a dry summer\n\nGardeners who water little can still grow "
                   "roses if they mulch deeply in April. Choose varieties bred on poor soil, "
                   "and prune late so the new shoots escape the last frost. A bucket of "
                   "compost at planting time does more than any fertiliser later."),
    "chess.txt": ("Junior chess club wins regional cup\n\nThe junior team of the town's chess "
                  "club won the regional cup on Sunday after a tie-break against the "
                  "holders. Their youngest player, aged nine, drew with a master in the "
                  "final round. The club meets every Thursday evening in the library."),
}


async def d_on_an_unrelated_article(pilot) -> None:
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)


def unrelated_app(folder):
    for name, text in UNRELATED.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return seeds_app([str(folder)])


def test_d_without_a_related_version_says_so_and_offers_the_picker(tmp_path):
    @run
    async def scenario():
        app = unrelated_app(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await d_on_an_unrelated_article(pilot)
            assert isinstance(app.screen, PickerScreen)  # offered, over the compare
            compare = app.screen_stack[-2]
            assert isinstance(compare, CompareScreen) and compare.comparison is None
            said = str(compare.query_one("#compare-header").render())
            assert "No related version" in said
            await pilot.press("enter")  # compared anyway
            await settle(pilot)
            assert app.screen is compare and compare.comparison is not None
            summary = " ".join(str(compare.query_one("#compare-header").render()).split())
            assert "related only loosely" in summary
            findings = [i for r in compare.view.rows for i in r.drift]
            findings += compare.comparison.article_drift()
            assert ("drift: none" in summary) == (not findings)  # never both

    scenario()


def test_escape_from_the_offered_picker_goes_back_to_the_library(tmp_path):
    @run
    async def scenario():
        app = unrelated_app(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await d_on_an_unrelated_article(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, LibraryScreen)

    scenario()


# -- 7. one measure ------------------------------------------------------------------------


@run
async def test_the_header_and_the_picker_give_one_number_for_one_relation():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        compare = app.screen
        summary = " ".join(str(compare.query_one("#compare-header").render()).split())
        await pilot.press("p")
        await settle(pilot)
        picker = app.screen
        current = next(c for c in picker.ranking if c.article is compare.b)
        assert f"B explains {current.explained:.0%} of A" in summary


@run
async def test_a_story_is_named_after_its_original():
    app = seeds_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.article_list
        headers = [row for row in listing.rows if row.role == "header"]
        assert headers
        lines = flat(view_lines(listing))
        for row in headers:
            original = row.story.original
            if original is not None:
                assert f"versions · {(original.title or original.name)[:30]}" in lines


# -- 6. the similarity column ------------------------------------------------------------


def test_tabs_in_the_text_never_push_the_similarity_column_off_the_screen(tmp_path):
    """Texts with tabs (graded readers and other plain-text corpora have them): a
    terminal draws a tab up to the next tab stop, so the cells the view counted and the
    cells drawn differed and the score column went off the edge."""
    (tmp_path / "advanced.txt").write_text(
        "Storm hits the coast\n\nA strong storm\thit the northern coast on Monday,\tcutting "
        "power to thousands of homes.\tOfficials said repairs would take days.\n", "utf-8")
    (tmp_path / "elementary.txt").write_text(
        "Storm hits the coast\n\nA big storm hit the coast on Monday.\tMany homes had no "
        "power.\tRepairs will take days.\n", "utf-8")

    @run
    async def scenario():
        for size in ((80, 24), (160, 48)):
            app = seeds_app([str(tmp_path)])
            async with app.run_test(size=size) as pilot:
                await open_compare(pilot, "advanced", "elementary")
                view = app.screen.view
                lines = view_lines(view)
                assert not any("\t" in line for line in lines)
                for row in view.rows:
                    if row.a_text and row.b_text:
                        first = lines[view._starts[view.rows.index(row)]]
                        assert first.rstrip().endswith(f"{round(row.pair.score)}"), first

    scenario()


@run
async def test_the_key_bar_keeps_every_key_at_80_columns():
    """Keys whose descriptions do not fit lose the description (it is in the help and
    the palette), never the key."""
    from reader.tui.widgets.key_bar import KeyBar

    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot, "004", "003")
        bar = app.screen.query_one(KeyBar)
        keys, palette = bar.keys()
        line = str(bar.render())
        assert "…" not in line and len(line) <= 80
        words = line.split()
        for binding, _enabled in keys:
            assert app.get_key_display(binding) in words
        assert keys[0][0].description in line  # the first keep their words
        assert "q Back" in line  # the way out is always named
