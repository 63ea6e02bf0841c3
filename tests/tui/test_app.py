"""Pilot tests: every interaction of the TUI, driven by keys on the real seed files."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from textual.binding import Binding
from textual.widgets import Input

from reader.corpus.provenance import rank_sources
from reader.render.export import render_markdown
from reader.render.html import render_html
from reader.model import LoadError
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.detail import DetailScreen
from reader.tui.screens.export import ExportScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.picker import PickerScreen
from reader.tui.widgets.compare_view import CompareView
from tests.tui.helpers import (SEEDS, article, open_compare, run, seeds_app, select, settle,
                               view_lines)



def flat(lines: list[str]) -> str:
    """Lines joined and whitespace collapsed, so wrapped text reads as one string."""
    return " ".join(" ".join(lines).split())


# -- library ---------------------------------------------------------------------------


@run
async def test_library_lists_every_seed_and_shows_the_first():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        names = sorted(f for f in os.listdir(SEEDS[0]) if f.endswith(".txt"))
        assert sorted(a.name for a in screen.article_list.shown) == names
        first = screen.article_list.shown[0]
        assert screen.article_list.current is first
        assert screen.article_view.article is first
        text = "\n".join(view_lines(screen.article_view))
        assert first.paragraphs[0].text.split()[0] in text


@run
async def test_list_keys_move_and_reading_pane_follows():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        shown = screen.article_list.shown
        await pilot.press("j", "j")
        assert screen.article_view.article is shown[2]
        await pilot.press("k")
        assert screen.article_view.article is shown[1]
        await pilot.press("G")
        assert screen.article_view.article is shown[-1]
        await pilot.press("g")
        assert screen.article_view.article is shown[0]
        await pilot.press("tab")
        assert app.focused is screen.article_view
        await pilot.press("space")
        assert screen.article_view.scroll_offset.y > 0


@run
async def test_slash_in_list_filters_titles_and_escape_clears():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"004")
        assert screen.article_list.has_class("-searched")  # its border stays lit
        assert [a.name[:3] for a in screen.article_list.shown] == ["004"]
        assert screen.article_view.article.name.startswith("004")
        total = len(app.state.library.articles)
        await pilot.press("enter")  # the row closes; the kept filter shows on the border
        assert not screen.query_one("#list-search").display
        assert screen.article_list.border_subtitle == f"/004 · 1 of {total}"
        await pilot.press("slash")
        assert screen.query_one("#list-search", Input).value == "004"
        await pilot.press("escape")
        assert len(screen.article_list.shown) == total
        assert screen.article_list.border_subtitle is None
        assert not screen.article_list.has_class("-searched")


@run
async def test_slash_in_text_highlights_matches_and_n_moves():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select(pilot, "004")
        screen = app.screen
        await pilot.press("tab", "slash", *"idlib", "enter")
        view = screen.article_view
        expected = sum(p.text.lower().count("idlib") for p in view.article.paragraphs)
        expected += (view.article.title or "").lower().count("idlib")
        assert view.query == "idlib"
        assert view.match_count == expected > 2
        positions = [view.scroll_offset.y]  # the search shows its first match
        assert view.border_subtitle == f"/idlib · 1/{expected}"
        for _ in range(view.match_count - 1):
            await pilot.press("n")
            positions.append(view.scroll_offset.y)
        assert view.border_subtitle == f"/idlib · {expected}/{expected}"
        assert positions[-1] > positions[0]
        await pilot.press("N")
        assert view.scroll_offset.y == positions[-2]
        await pilot.press("shift+tab", "tab")  # a focus change re-styles, not re-starts
        await pilot.press("n")
        assert view.scroll_offset.y == positions[-1]


@run
async def test_r_shows_removed_lines_in_place_with_reasons():
    app = seeds_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        with_removed = [a for a in app.state.library.articles if a.removed]
        assert with_removed, "the cleaner removed nothing from any seed"
        await select(pilot, with_removed[0].name)
        view = app.screen.article_view
        before = view_lines(view)
        await pilot.press("r")
        after = view_lines(view)
        marked = [line for line in after if line.lstrip().startswith("✂")]
        assert len(marked) == len(with_removed[0].removed)
        assert not any(line.lstrip().startswith("✂") for line in before)
        first = min(with_removed[0].removed, key=lambda r: r.start)
        assert first.reason in marked[0]


@run
async def test_unreadable_file_is_an_error_entry_with_its_reason(tmp_path):
    shutil.copy(os.path.join(SEEDS[0], "001_7a96e757d48b2c2e.txt"), tmp_path / "good.txt")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert len(app.state.library.articles) == 1 and len(app.state.library.errors) == 1
        await pilot.press("G")
        entry = screen.article_list.current
        assert isinstance(entry, LoadError)
        assert screen.article_view.error is entry
        assert " ".join(entry.reason.split()) in flat(view_lines(screen.article_view))
        await pilot.press("d")  # an error entry cannot be compared
        assert isinstance(app.screen, LibraryScreen)


# -- compare ---------------------------------------------------------------------------


@run
async def test_d_compares_with_the_top_ranked_version_of_the_story():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        a = article(app, "004")
        story = app.state.story(a)
        best = rank_sources(a, [m for m in story.members if m is not a])[0].article
        assert screen.comparison.a is a and screen.comparison.b is best
        assert len(screen.view.rows) == len(screen.comparison.pairs)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)


@run
async def test_the_marked_name_fits_the_status_line_at_80_columns():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select(pilot, "003")
        await pilot.press("m")
        await pilot.pause()
        status = app.screen.query_one("#library-status")
        line = "".join(segment.text for segment in status.render_line(0))
        assert "B: " + article(app, "003").name in line
        await pilot.press("m")  # again: unmarked
        await pilot.pause()
        assert "B: " not in "".join(s.text for s in status.render_line(0))


@run
async def test_marked_article_becomes_b():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "001", "000")
        assert app.screen.comparison.a is article(app, "001")
        assert app.screen.comparison.b is article(app, "000")


@run
async def test_row_keys_change_jumps_unified_filter_and_swap():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        screen = app.screen
        view: CompareView = screen.view
        assert view.cursor == 0
        await pilot.press("j", "j")
        assert view.cursor == 2
        await pilot.press("k")
        assert view.cursor == 1
        await pilot.press("G")
        assert view.cursor == len(view.visible_rows) - 1
        await pilot.press("g")
        assert view.cursor == 0
        kinds = [r.kind for r in view.rows]
        await pilot.press("n")
        expected = next(i for i, r in enumerate(view.rows)
                        if i > 0 and (r.kind != "same" or r.pair.moved))
        assert view.cursor == expected
        await pilot.press("N")
        assert view.cursor <= expected
        height = view.virtual_size.height
        await pilot.press("s")
        assert view.unified and view.virtual_size.height != height
        await pilot.press("s")
        assert not view.unified
        await pilot.press("f")
        assert all(r.kind != "same" for r in view.visible_rows)
        assert len(view.visible_rows) == len(kinds) - kinds.count("same")
        await pilot.press("f")
        a, b = screen.comparison.a, screen.comparison.b
        await pilot.press("x")
        await settle(pilot)
        assert screen.comparison.a is b and screen.comparison.b is a


@run
async def test_side_by_side_rows_show_both_sentences_level():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "001", "002")
        view = app.screen.view
        lines = view_lines(view)
        separators = {line.index("│") for line in lines if "│" in line}
        assert len(separators) == 1  # both columns keep one edge on every line
        row = next(r for r in view.rows if r.a_text and r.b_text)
        for word in (row.a_text.split()[0], row.b_text.split()[-1]):
            assert word in flat(lines)
        assert all(len(line) <= 100 for line in lines)


@run
async def test_unified_view_fits_80_columns():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot, "004", "003")
        await pilot.press("s")
        lines = view_lines(app.screen.view)
        assert lines and all(len(line.rstrip()) <= 80 for line in lines)
        assert any(line[1:2] == "-" for line in lines) and any(line[1:2] == "+" for line in lines)


@run
async def test_enter_opens_detail_of_the_cursor_row():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        view = app.screen.view
        await pilot.press("n")
        row = view.current
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.row is row
        shown = str(app.screen.query_one("#detail-text").render())
        assert row.a_text[:30] in shown or row.b_text[:30] in shown
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


@run
async def test_picker_ranks_by_provenance_and_picks_b():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004")
        await pilot.press("p")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        a = article(app, "004")
        expected = rank_sources(a, app.state.library.articles)
        assert [c.article for c in picker.ranking] == [c.article for c in expected]
        shares = [c.explained for c in picker.ranking]
        assert shares == sorted(shares, reverse=True)
        options = picker.query_one("#picker-options")
        top = str(options.get_option_at_index(0).prompt)
        assert f"{expected[0].explained:.0%}" in top and "likely copy" in top
        assert expected[0].reasons[1] in top  # the first reason beyond the share itself
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.comparison.b is picker.ranking[1].article


@run
async def test_c_copies_the_pair():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        await pilot.press("n", "c")
        row = app.screen.view.current
        assert app.clipboard == row.copy_text()
        assert (row.a_text or row.b_text) in app.clipboard


# -- help, palette, export ---------------------------------------------------------------


@run
async def test_help_lists_every_binding():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-text").render())
        from textual.binding import Binding

        for cls in (LibraryScreen, CompareScreen, CompareView, DetailScreen):
            for binding in Binding.make_bindings(cls.BINDINGS):
                assert binding.description in shown
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


@run
async def test_palette_runs_the_apps_commands():
    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        await pilot.press("ctrl+p", *"unified")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.view.unified


@pytest.mark.parametrize("suffix,render", [(".md", render_markdown), (".html", render_html)])
def test_export_writes_the_named_file(tmp_path, suffix, render):
    @run
    async def scenario():
        app = seeds_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await open_compare(pilot, "004", "003")
            await pilot.press("e")
            assert isinstance(app.screen, ExportScreen)
            target = tmp_path / f"report{suffix}"
            app.screen.query_one("#export-path").value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CompareScreen)
            assert target.read_text(encoding="utf-8") == render(app.screen.comparison)

    scenario()


def test_export_refuses_a_source_file(tmp_path):
    for name in ("003_f4ced20b6688ca26.txt", "004_90f67be5c111099e.txt"):
        shutil.copy(os.path.join(SEEDS[0], name), tmp_path / name)
    source = tmp_path / "004_90f67be5c111099e.txt"
    original = source.read_bytes()

    @run
    async def scenario():
        app = seeds_app([str(tmp_path)])
        async with app.run_test(size=(100, 30)) as pilot:
            await open_compare(pilot, "004", "003")
            await pilot.press("e")
            app.screen.query_one("#export-path").value = str(source)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            assert "Not written" in str(app.screen.query_one("#export-error").render())

    scenario()
    assert source.read_bytes() == original


# -- untrusted text ---------------------------------------------------------------------

HOSTILE = ("The regional council said on Tuesday that the [bold]x[/bold] budget would be "
           "cut, and officials who asked to [@click=app.quit]quit[/] the talks warned that "
           "\x1b[31mred\x1b[0m lines\x1b]52;c;SGVsbG8=\x07 had been crossed by the other side.")


@run
async def test_markup_and_escapes_in_articles_are_plain_text(tmp_path):
    body = (f"{HOSTILE}\n\nA second paragraph about [link=https://x.test]a link[/link] "
            "that stays as typed.\n")
    (tmp_path / "a.txt").write_text(f"Hostile [b]title[/b]\n\n{body}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Another [i]title[/i]\n\n{body}Plus one more line.\n",
                                    encoding="utf-8")
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("r")  # removed lines too: hostile text shows wherever it went
        text = flat(view_lines(screen.article_view))
        assert "[bold]x[/bold]" in text and "[@click=app.quit]quit[/]" in text
        assert "\x1b" not in text and "␛" in text
        listed = " ".join(view_lines(screen.article_list))
        assert "[b]title[/b]" in listed and "\x1b" not in listed
        await pilot.click(screen.article_view, offset=(5, 3))
        await pilot.click(screen.article_list, offset=(5, 0))
        await pilot.press("d")
        await settle(pilot)
        rows = flat(view_lines(app.screen.view))
        assert "[@click=app.quit]quit[/]" in rows and "\x1b" not in rows
        await pilot.click(app.screen.view, offset=(10, 2))
        await pilot.press("enter")
        detail = str(app.screen.query_one("#detail-text").render())
        assert any(markup in detail for markup in ("[bold]x[/bold]", "[@click=app.quit]", "[b]title[/b]"))
        assert app.return_code is None and app.is_running


@run
async def test_q_quits_from_the_library():
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


# -- stories, provenance, drift (issue 4) ------------------------------------------------


@run
async def test_library_groups_versions_of_a_story_with_the_likely_original_first():
    from reader.corpus.stories import group_stories

    app = seeds_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.article_list
        stories = group_stories(app.state.library.articles)
        several = [s for s in stories if len(s.members) > 1]
        assert several, "the seeds hold versions of one story"
        roles = [(row.role, row.entry) for row in listing.rows]
        for story in several:
            header = next(n for n, row in enumerate(listing.rows)
                          if row.role == "header" and row.story.paths == story.paths)
            below = [entry for _, entry in roles[header + 1: header + 1 + len(story.members)]]
            assert {a.path for a in below} == set(story.paths)  # versions sit together
            if story.original is not None:
                assert below[0].path == story.original.path
                assert listing.rows[header + 1].role == "original"
        singles = [s.members[0].path for s in stories if len(s.members) == 1]
        assert {e.path for role, e in roles if role == "single"} == set(singles)
        lines = view_lines(listing)
        assert sum(line.lstrip("▌ ").startswith("▾ ") for line in lines) == len(several)
        assert any("★" in line for line in lines)


@run
async def test_drift_keys_jump_between_rows_with_drift_and_header_counts_by_kind():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        screen = app.screen
        view: CompareView = screen.view
        assert view.cursor == 0
        drifting = [n for n, r in enumerate(view.visible_rows) if r.drift and n > 0]
        assert len(drifting) >= 2
        for expected in drifting:
            await pilot.press("right_square_bracket")
            assert view.cursor == expected
        await pilot.press("left_square_bracket")
        assert view.cursor == drifting[-2]
        findings = [item for row in view.rows for item in row.drift]
        findings += screen.comparison.article_drift()
        changed = [i for i in findings if i.change == "changed"]
        header = " ".join(str(screen.query_one("#compare-header").render()).split())
        assert f"{len(changed)} changed (" in header
        if len(changed) < len(findings):
            assert f"{len(findings) - len(changed)} one-sided (" in header
        footer_keys = [b.key for b in Binding.make_bindings(CompareView.BINDINGS) if b.show]
        assert "right_square_bracket" in footer_keys


@run
async def test_detail_lists_the_pairs_drift_with_notes():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "001", "002")
        await pilot.press("right_square_bracket")
        row = app.screen.view.current
        assert row.drift
        await pilot.press("enter")
        shown = " ".join(str(app.screen.query_one("#detail-text").render()).split())
        for item in row.drift:
            assert " ".join(item.note.split()) in shown


def list_sizes(monkeypatch) -> list[int]:
    """The list's entry count after each batch it is given, as the app runs."""
    from reader.tui.widgets.article_list import ArticleList

    sizes: list[int] = []
    add = ArticleList.add_entries

    def spy(self, entries):
        add(self, entries)
        sizes.append(len(self.entries))

    monkeypatch.setattr(ArticleList, "add_entries", spy)
    return sizes


@run
async def test_a_large_folder_fills_the_list_while_it_loads(tmp_path, monkeypatch):
    import reader.tui.preload as preload
    import reader.tui.screens.library as library_screen

    for n in range(60):
        (tmp_path / f"{n:03d}.txt").write_text(
            f"Headline number {n}\n\nThe council of town {n} met on day {n} and "
            f"agreed a plan for {n} new parks. Residents said the plan was welcome.\n",
            encoding="utf-8")
    (tmp_path / "030_broken.txt").write_bytes(b"\x7fELF" + bytes(64))
    monkeypatch.setattr(library_screen, "BATCH_SECONDS", 0.0)  # a batch per file
    load = preload.iter_entries

    def slow_disk(*args, **kwargs):  # 5 ms a file: the list fills in many batches
        for item in load(*args, **kwargs):
            time.sleep(0.005)
            yield item

    monkeypatch.setattr(preload, "iter_entries", slow_disk)
    sizes = list_sizes(monkeypatch)
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.article_list
        assert len(sizes) > 10 and sizes == sorted(sizes)  # incremental, never rebuilt empty
        assert len(listing.entries) == 61
        assert len(app.state.library.articles) == 60 and len(app.state.library.errors) == 1
        assert isinstance(listing.shown[-1], LoadError)  # errors after the articles
        assert app.screen.article_view.article is listing.current


@run
async def test_keys_typed_right_after_a_search_land_where_they_belong():
    """A fast typist (or a slow machine): `query enter tab` queued at once into the
    search box. The keys after enter must reach the list (m marks) and then the
    reading pane (after tab); after escape likewise (j moves the cursor)."""
    from textual import events

    app = seeds_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen

        def type_at_once(*keys: str) -> None:
            for key in keys:
                char = key if len(key) == 1 else None
                app.post_message(events.Key(key, char))

        await pilot.press("slash")
        type_at_once(*"head", "enter", "m", "tab")
        await settle(pilot)
        assert app.focused is screen.article_view
        assert [e.name for e in screen.article_list.shown] == [article(app, "004").name]
        assert app.state.marked is article(app, "004")  # m reached the list, not the box
        await pilot.press("shift+tab", "slash")
        type_at_once("escape", "j", "tab")
        await settle(pilot)
        assert app.focused is screen.article_view
        shown = screen.article_list.shown
        assert len(shown) == len(app.state.library.articles)
        assert shown.index(screen.article_list.current) == shown.index(article(app, "004")) + 1
