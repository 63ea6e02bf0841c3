"""The derivation verdict in the app: on each version in the library (against its story's
original, once grouping has judged them) and in the compare header (B against A)."""

from __future__ import annotations

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
