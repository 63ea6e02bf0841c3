"""The derivation verdict in the app: on each version in the library (against its story's
original, once grouping has judged them) and in the compare header (B against A)."""

from __future__ import annotations

from reader.tui.screens.picker import PickerScreen
from tests.support.hearing_story import COPY, OWN, WIRE, write, write_takes
from tests.support.star_story import write_star
from tests.tui.helpers import open_compare, run, seeds_app, settle


@run
async def test_library_versions_carry_their_verdict_against_the_original():
    app = seeds_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.article_list
        metas = {row.entry.name[:3]: listing._row_lines(row)[1].plain
                 for row in listing.rows if row.role in ("original", "version")}
        assert metas["003"].strip().startswith("wholly-derived · ")
        assert metas["002"].strip().startswith("partially-derived · ")
        assert "derived" not in metas["004"] and "likely original" in metas["004"]


@run
async def test_a_later_take_is_labelled_a_wire_take_not_judged_against_the_first(tmp_path):
    write_takes(tmp_path)
    write(tmp_path, {"copy": [*COPY, WIRE[3]]})
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        listing = app.screen.article_list
        metas = {row.entry.name: listing._row_lines(row)[1].plain.strip()
                 for row in listing.rows if row.role in ("original", "version")}
        assert metas["goats2.txt"].startswith("wire take · ")
        assert "wire copy" not in metas["goats2.txt"]  # page 2 names no agency: said once
        assert metas["copy.txt"].startswith("wholly-derived · ")
        assert "likely original" in metas["goats1.txt"]


@run
async def test_compare_header_gives_b_against_a():
    app = seeds_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_compare(pilot, "004", "003")
        header = str(app.screen.query_one("#compare-header").render())
        assert "B against A: wholly-derived" in header and "verbatim" in header


@run
async def test_compare_from_a_copy_puts_its_original_on_a():
    """`d` on a copy: its likely original goes on A, so "B against A" judges the copy
    against its source, not the source against its copy."""
    app = seeds_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_compare(pilot, "003")
        screen = app.screen
        assert (screen.a.name[:3], screen.b.name[:3]) == ("004", "003")
        header = str(screen.query_one("#compare-header").render())
        assert "B against A: wholly-derived" in header


@run
async def test_compare_from_any_version_of_a_wire_story_puts_the_wire_on_a(tmp_path):
    """`d` on a version of a wire story: the wire goes on A, so the header judges the
    version against the wire, even where another paper's copy explains more of it."""
    write_takes(tmp_path)
    write(tmp_path, {"copy": COPY, "mix": [COPY[0], *OWN]})
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        for name in ("mix", "copy"):
            await open_compare(pilot, name)
            screen = app.screen
            assert screen.a.name.startswith("goats") and screen.b.name == f"{name}.txt"
            header = str(screen.query_one("#compare-header").render())
            assert "B against A: " in header
            await pilot.press("q")


@run
async def test_the_picker_calls_another_copy_of_the_same_wire_a_sibling(tmp_path):
    write_takes(tmp_path)
    write(tmp_path, {"short": WIRE[1:3], "long": WIRE[1:5]})
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(120, 30)) as pilot:
        await open_compare(pilot, "short", "long")
        assert (app.screen.a.name, app.screen.b.name) == ("short.txt", "long.txt")
        await pilot.press("p")
        await settle(pilot)
        options = app.screen.query_one("#picker-options")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        long_row = next(p for p in prompts if "long.txt" in p or "current B" in p)
        assert "same wire source" in long_row and "likely original" not in long_row
        assert any("likely original" in p for p in prompts if "GOATS" in p or "goats1" in p)


@run
async def test_compare_header_says_when_wire_copy_off_the_record_set_the_bar(tmp_path):
    """The agency's own news: little shared wording makes the paper derived, and the
    header says why; the other way round, the wire is not derived from the paper."""
    write_star(tmp_path)
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(160, 30)) as pilot:
        await open_compare(pilot, "wire", "paper")
        assert (app.screen.a.name, app.screen.b.name) == ("wire.txt", "paper.txt")
        header = str(app.screen.query_one("#compare-header").render())
        assert "B against A: partially-derived" in header
        assert "the source is wire copy naming no court, police or office" in header
        await pilot.press("q")
        await open_compare(pilot, "paper", "wire")
        header = str(app.screen.query_one("#compare-header").render())
        assert "B against A: independent" in header and "wire copy naming" not in header


@run
async def test_wire_copy_picked_for_a_paper_goes_on_a(tmp_path):
    """The picker, offered because nothing explains enough of the paper: the wire copy
    picked goes on A (as `d` places a wire story's versions), so the header judges the
    paper against the wire, not the wire against the paper."""
    write_star(tmp_path)
    app = seeds_app([str(tmp_path)])
    async with app.run_test(size=(160, 30)) as pilot:
        await open_compare(pilot, "paper")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        top = next(n for n, c in enumerate(picker.ranking) if c.article.name == "wire.txt")
        await pilot.press(*["j"] * top, "enter")
        await settle(pilot)
        assert (app.screen.a.name, app.screen.b.name) == ("wire.txt", "paper.txt")
        header = str(app.screen.query_one("#compare-header").render())
        assert "B against A: partially-derived" in header
