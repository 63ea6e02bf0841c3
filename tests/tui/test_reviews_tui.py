"""Reviews in the compare screen: y confirms and w dismisses the row's finding (with a
note typed in the dialog), u clears, h hides dismissed findings; the keys show in the
footer and the help."""

from __future__ import annotations

from reader.compare import compare
from reader.reviews import ReviewStore, findings
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.review import ReviewScreen
from reader.tui.widgets.compare_view import CompareView
from tests.tui.helpers import article, open_compare, run, seeds_app, settle, view_lines


async def first_drift_row(pilot):
    """Jump to the first row with fact drift and return it."""
    await pilot.press("g", "right_square_bracket")
    await pilot.pause()
    row = pilot.app.screen.query_one(CompareView).current
    assert row is not None and row.drift
    return row


def stored(app) -> dict:
    cmp = compare(article(app, "004"), article(app, "003"))
    return {f.id: f.review for f in findings(cmp, ReviewStore()) if f.review}


@run
async def test_y_confirms_the_rows_finding_with_a_note_and_marks_it():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        row = await first_drift_row(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press(*"wire copy says so", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        reviews = stored(app)
        assert [(r.state, r.note) for r in reviews.values()] == [("confirmed", "wire copy says so")]
        shown = app.screen.query_one(CompareView).rows[row.index]
        assert shown.drift[0].note.startswith("✓ confirmed: ")
        assert any("✓ confirmed" in line for line in view_lines(app.screen.query_one(CompareView)))


@run
async def test_escape_in_the_dialog_records_nothing():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        await first_drift_row(pilot)
        await pilot.press("w", "escape")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert stored(app) == {}


@run
async def test_w_dismisses_h_hides_dismissed_and_u_clears():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        row = await first_drift_row(pilot)
        before = len(row.drift)
        await pilot.press("w", "enter")
        await settle(pilot)
        assert [r.state for r in stored(app).values()] == ["dismissed"]
        view = app.screen.query_one(CompareView)
        assert view.rows[row.index].drift[0].note.startswith("✗ dismissed: ")
        await pilot.press("h")
        await pilot.pause()
        assert len(view.rows[row.index].drift) == before - 1
        await pilot.press("h")
        await pilot.pause()
        assert len(view.rows[row.index].drift) == before
        await pilot.press("u")
        await settle(pilot)
        assert stored(app) == {}
        assert not view.rows[row.index].drift[0].note.startswith("✗")


@run
async def test_on_a_row_without_findings_the_whole_articles_findings_are_offered():
    from textual.widgets import OptionList, Static

    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        view = app.screen.query_one(CompareView)
        view.cursor = next(n for n, r in enumerate(view.visible_rows) if not r.drift)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        offered = app.screen.found
        assert offered and all(f.pair is None for f in offered)
        assert app.screen.query_one(OptionList).option_count == len(offered)
        await pilot.press(*"credit checked", "enter")
        await settle(pilot)
        assert [r.note for r in stored(app).values()] == ["credit checked"]
        header = str(app.screen.query_one("#compare-header", Static).render())
        assert "✓ confirmed: " in header
        await pilot.press("u")
        await settle(pilot)
        assert stored(app) == {}


@run
async def test_review_keys_show_in_the_footer_and_the_help():
    from reader.tui.screens.help import help_text
    from reader.tui.widgets.key_bar import KeyBar

    app = seeds_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        line = str(app.screen.query_one(KeyBar).render())
        assert "y Confirm" in line and "w Dismiss" in line
        help_plain = help_text(app).plain
        assert all(words in help_plain for words in ("Confirm", "Dismiss", "Clear review",
                                                     "Hide dismissed"))


@run
async def test_export_from_the_app_carries_the_audit_trail(tmp_path):
    from textual.widgets import Input

    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        await first_drift_row(pilot)
        await pilot.press("y", *"per the wire", "enter")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "report.md"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
    report = target.read_text(encoding="utf-8")
    assert "## Review audit trail" in report and "per the wire" in report
