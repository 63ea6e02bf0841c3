"""The compare screen: a header with both articles and the summary, then aligned rows."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from reader.compare import Comparison, compare
from reader.model import Article
from reader.tui.counterparts import best_counterpart
from reader.tui.widgets.compare_view import (
    CompareView, PairRow, build_rows, drift_label,
)

DRIFT_ORDER = ("number", "quote", "name", "attribution", "negation")


def drift_summary(rows: list[PairRow]) -> str:
    """Drift findings of the rows counted by kind: "drift: 3 number · 2 quote"."""
    counts = Counter(getattr(item, "kind", "drift") for row in rows for item in row.drift)
    if not counts:
        return "drift: none"
    kinds = sorted(counts, key=lambda k: (DRIFT_ORDER.index(k) if k in DRIFT_ORDER
                                          else len(DRIFT_ORDER), k))
    return "drift: " + " · ".join(f"{counts[k]} {k}" for k in kinds)


def header_text(comparison: Comparison, rows: list[PairRow], credits: list[Any]) -> Text:
    """Both titles and outlets, then the counts a reader wants first."""
    text = Text()
    for label, article in (("A", comparison.a), ("B", comparison.b)):
        text.append(f"{label} ", "bold reverse")
        text.append(f" {article.outlet or 'outlet unknown'} · ", "bold")
        text.append(article.title or article.name)
        text.append(f"  {article.name}\n" if article.title else "\n", "dim")
    summary = comparison.summary()
    counts = [("=", "same", summary.same), ("~", "changed", summary.changed),
              ("-", "dropped", summary.dropped), ("+", "added", summary.added),
              ("↕", "moved", summary.moved)]
    for mark, name, count in counts:
        text.append(f"{mark}{name} {count}  ")
    text.append(f"B from A {summary.share_of_b_from_a:.0%}", "bold")
    text.append("\n! " + drift_summary(rows), "bold" if any(r.drift for r in rows) else "dim")
    for item in credits:
        text.append("\n! " + drift_label(item), "bold")
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


class CompareScreen(Screen[None]):
    """A against B. With no B given, B is the article that explains most of A (ranked
    by the core's provenance, within A's story when it has one)."""

    BINDINGS = [
        Binding("s", "toggle_unified", "Unified",
                tooltip="side by side or interleaved", id="compare.unified"),
        Binding("f", "toggle_same", "Filter",
                tooltip="hide or show identical rows", id="compare.hide_same"),
        Binding("x", "swap", "Swap", id="compare.swap"),
        Binding("p", "pick", "Pick",
                tooltip="choose B from a list ranked by provenance", id="compare.pick"),
        Binding("e", "export", "Export", id="compare.export"),
        Binding("q,escape", "back", "Back", id="compare.back"),
    ]

    def __init__(self, a: Article, b: Article | None = None) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Aligning…"), id="compare-header")
        yield LoadingIndicator(id="aligning")
        yield CompareView(markers=self.app.no_color, id="compare-view")
        yield Footer(compact=True)

    @property
    def view(self) -> CompareView:
        return self.query_one(CompareView)

    def on_mount(self) -> None:
        self.view.display = False
        self.align(self.a, self.b)

    @work(thread=True, exclusive=True, group="align")
    def align(self, a: Article, b: Article | None) -> None:
        """Find B if needed, align, and precompute word diffs and drift per pair."""
        app = self.app
        if b is None:
            ranking = app.rankings.get(a) or best_counterpart(
                a, app.story_of.get(id(a)), app.library.articles)
            if not ranking:
                app.call_from_thread(self._nothing_to_compare)
                return
            b = ranking[0].article
        comparison = compare(a, b)
        rows = build_rows(comparison)
        header = header_text(comparison, rows, comparison.article_drift())
        app.call_from_thread(self._aligned, comparison, rows, header)

    def _nothing_to_compare(self) -> None:
        self.notify("No other article shares wording with this one: mark one with m in "
                    "the library to compare anyway.", severity="warning", markup=False)
        self.dismiss()

    def _aligned(self, comparison: Comparison, rows: list[PairRow], header: Text) -> None:
        self.comparison = comparison
        self.a, self.b = comparison.a, comparison.b
        self.query_one("#compare-header", Static).update(header)
        self.query_one(LoadingIndicator).display = False
        view = self.view
        view.display = True
        view.set_rows(rows)
        view.focus()

    def _realign(self, a: Article, b: Article) -> None:
        self.query_one(LoadingIndicator).display = True
        self.query_one("#compare-header", Static).update(Text("Aligning…"))
        self.align(a, b)

    def action_toggle_unified(self) -> None:
        self.view.unified = not self.view.unified

    def action_toggle_same(self) -> None:
        self.view.hide_same = not self.view.hide_same
        state = "hidden" if self.view.hide_same else "shown"
        self.notify(f"Identical rows {state}", markup=False)

    def action_swap(self) -> None:
        if self.comparison is not None:
            self._realign(self.comparison.b, self.comparison.a)

    def action_pick(self) -> None:
        from reader.tui.screens.picker import PickerScreen

        def picked(article: Article | None) -> None:
            if article is not None:
                self._realign(self.a, article)

        self.app.push_screen(PickerScreen(self.a, current=self.b), picked)

    def action_export(self) -> None:
        from reader.tui.screens.export import ExportScreen

        if self.comparison is not None:
            self.app.push_screen(ExportScreen(self.comparison))

    def action_back(self) -> None:
        self.dismiss()

    @on(CompareView.PairSelected)
    def _open_detail(self, event: CompareView.PairSelected) -> None:
        from reader.tui.screens.detail import DetailScreen

        if self.comparison is not None:
            self.app.push_screen(DetailScreen(self.comparison, event.row))
