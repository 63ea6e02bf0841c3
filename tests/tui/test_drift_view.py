"""Drift in the TUI (issue 11): changed facts lead, one-sided facts apart and hideable."""

from __future__ import annotations

from textual.binding import Binding

from reader.drift import Drift
from reader.tui.drift_notes import drift_label, drift_summary, one_sided, ordered
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.help import help_text
from reader.tui.widgets.key_bar import KeyBar
from tests.tui.helpers import open_compare, run, seeds_app


def finding(kind: str, change: str, note: str) -> Drift:
    a, b = ("old", "") if change == "dropped" else ("", "new") if change == "added" else ("old", "new")
    return Drift(kind, a, b, 0 if a else -1, len(a) if a else -1, 0 if b else -1,
                 len(b) if b else -1, note, change)


MADE_UP = [finding("quote", "dropped", "quote dropped: \"we will see\""),
           finding("negation", "changed", "negation lost"),
           finding("number", "added", "number added: \"12\""),
           finding("number", "changed", "number changed: \"3\" -> \"4\"")]


def test_changed_facts_come_first_by_kind_and_one_sided_ones_can_be_left_out():
    shown = ordered(MADE_UP)
    assert [(d.kind, d.change) for d in shown] == [
        ("number", "changed"), ("negation", "changed"), ("number", "added"),
        ("quote", "dropped")]
    assert not any(one_sided(d) for d in ordered(MADE_UP, hide_one_sided=True))


def test_the_summary_counts_changed_and_one_sided_facts_apart():
    assert drift_summary(MADE_UP) == ("drift: 2 changed (1 number · 1 negation) · "
                                      "2 one-sided (1 dropped · 1 added)")
    assert drift_summary(MADE_UP[1:2]) == "drift: 1 changed (1 negation)"
    assert drift_summary([]) == "drift: none"


def test_a_one_sided_finding_says_which_side_has_it():
    assert drift_label(MADE_UP[0]).startswith("quote (only in A) · ")
    assert drift_label(MADE_UP[2]).startswith("number (only in B) · ")
    assert drift_label(MADE_UP[1]) == "negation · negation lost"


@run
async def test_o_hides_and_shows_one_sided_facts_and_the_header_still_counts_them():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        screen = app.screen
        view = screen.view
        every = [i for r in view.rows for i in r.drift]
        sided = [i for i in every if one_sided(i)]
        assert sided and len(sided) < len(every)  # the seeds have both kinds
        height = view.virtual_size.height
        header = str(screen.query_one("#compare-header").render())
        await pilot.press("o")
        assert view.hide_one_sided
        assert all(not one_sided(i) for r in view.rows for i in view.shown_drift(r))
        assert view.virtual_size.height < height  # their note lines went
        assert str(screen.query_one("#compare-header").render()) == header
        keys = str(screen.query_one(KeyBar).render())
        assert "o One-sided" in keys
        await pilot.press("o")
        assert sum(len(view.shown_drift(r)) for r in view.rows) == len(every)


@run
async def test_the_one_sided_key_is_in_the_help():
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(pilot, "004", "003")
        shown = str(help_text(app))
        ours = next(b for b in Binding.make_bindings(CompareScreen.BINDINGS)
                    if b.action == "toggle_one_sided")
        assert f"{ours.description} — {ours.tooltip}" in shown
