"""The compare screen: a header with both articles and the summary, then aligned rows."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.compare import Comparison, compare
from reader.drift import DRIFT_KINDS
from reader.model import Article
from reader.tui.counterparts import best_counterpart
from reader.tui.widgets.compare_view import (
    CompareView, PairRow, completed, drift_label, text_rows,
)
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.workers import wait_unless_cancelled

if TYPE_CHECKING:
    from reader.corpus.provenance import SourceCandidate
    from reader.corpus.stories import Story

FILL_BATCH_S = 0.05  # completed rows reach the view at most this often while filling


def drift_summary(rows: list[PairRow]) -> str:
    """Drift findings of the rows counted by kind: "drift: 3 number · 2 quote"."""
    counts = Counter(getattr(item, "kind", "drift") for row in rows for item in row.drift)
    if not counts:
        return "drift: none"
    kinds = sorted(counts, key=lambda k: (DRIFT_KINDS.index(k) if k in DRIFT_KINDS
                                          else len(DRIFT_KINDS), k))
    return "drift: " + " · ".join(f"{counts[k]} {k}" for k in kinds)


def titles_text(a: Article, b: Article | None) -> Text:
    """Two lines: each article's outlet and title (B not chosen yet: said so)."""
    text = Text()
    for label, article in (("A", a), ("B", b)):
        text.append(f"{label} ", "bold reverse")
        if article is None:
            text.append("  finding the article that shares most with A…\n", "dim")
            continue
        text.append(f" {article.outlet or 'outlet unknown'} · ", "bold")
        text.append(article.title or article.name)
        text.append(f"  {article.name}\n" if article.title else "\n", "dim")
    return text


def pending_header(a: Article, b: Article | None) -> Text:
    """The header while aligning, as tall as the finished one (no re-layout)."""
    text = titles_text(a, b)
    text.append("Aligning…\n! drift: counting…", "dim")
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def header_text(comparison: Comparison, rows: list[PairRow],
                credits: list[Any] | None) -> Text:
    """Both titles and outlets, then the counts a reader wants first. `credits` None:
    drift is still being counted (the rows show before their word diffs and drift)."""
    text = titles_text(comparison.a, comparison.b)
    summary = comparison.summary()
    counts = [("=", "same", summary.same), ("~", "changed", summary.changed),
              ("-", "dropped", summary.dropped), ("+", "added", summary.added),
              ("↕", "moved", summary.moved)]
    for mark, name, count in counts:
        text.append(f"{mark}{name} {count}  ")
    text.append(f"B from A {summary.share_of_b_from_a:.0%}", "bold")
    if credits is None:
        text.append("\n! drift: counting…", "dim")
        credits = []
    else:
        text.append("\n! " + drift_summary(rows),
                    "bold" if any(r.drift for r in rows) else "dim")
    for item in credits:
        text.append("\n! " + drift_label(item), "bold")
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


class CompareScreen(Screen[None]):
    """A against B. With no B given, B is the article that explains most of A (ranked
    by the core's provenance, within A's story when it has one)."""

    HELP_TITLE = "Compare"
    HELP_PARTS = (CompareView,)

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

    class Aligned(Message):
        """Aligning worker -> screen: the comparison and its rows (texts only); the
        worker waits for `painted` before it fills the rows in."""

        bubble = False

        def __init__(self, comparison: Comparison, rows: list[PairRow], header: Text,
                     painted: threading.Event) -> None:
            super().__init__()
            self.comparison, self.rows, self.header, self.painted = (comparison, rows,
                                                                     header, painted)

    class Filled(Message):
        """Aligning worker -> screen: rows of `comparison` that gained their word diffs
        and drift; with `header`, the last of them and the drift counts."""

        bubble = False

        def __init__(self, comparison: Comparison, rows: list[PairRow],
                     header: Text | None = None) -> None:
            super().__init__()
            self.comparison, self.rows, self.header = comparison, rows, header

    class NothingToCompare(Message):
        """Aligning worker -> screen: no article shares wording with A."""

        bubble = False

    def __init__(self, a: Article, b: Article | None = None) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        yield Static(pending_header(self.a, self.b), id="compare-header")
        yield CompareView(markers=self.app.no_color, id="compare-view")
        yield KeyBar()

    @property
    def view(self) -> CompareView:
        return self.query_one(CompareView)

    @classmethod
    def opens(cls) -> tuple[type[Screen], ...]:
        """The screens this one opens (for the help screen)."""
        from reader.tui.screens.detail import DetailScreen
        from reader.tui.screens.export import ExportScreen
        from reader.tui.screens.picker import PickerScreen

        return (DetailScreen, PickerScreen, ExportScreen)

    def on_mount(self) -> None:
        self._align(self.a, self.b)

    def _align(self, a: Article, b: Article | None) -> None:
        """Start the worker with what it needs from the shared state (read here, on
        the UI thread)."""
        state = self.app.state
        known = state.rankings.get(a) if b is None else None
        self.align(a, b, known, state.story(a), list(state.library.articles))

    @work(thread=True, exclusive=True, group="align",
          description="align A and B")  # not the default: repr() of the arguments
    def align(self, a: Article, b: Article | None, ranking: list[SourceCandidate] | None,
              story: Story | None, corpus: Sequence[Article]) -> None:
        """Find B if needed (from `ranking`, else from A's `story` or the `corpus`) and
        align; the rows show at once, then their word diffs and drift fill in (top
        first, in batches) and the header's drift counts last."""
        worker = get_current_worker()
        if b is None:
            ranking = ranking or best_counterpart(a, story, corpus)
            if not ranking:
                self.post_message(self.NothingToCompare())
                return
            b = ranking[0].article
        comparison = compare(a, b)
        rows = text_rows(comparison)
        if worker.is_cancelled:
            return
        painted = threading.Event()  # the rows are on screen: filling may compete now
        self.post_message(self.Aligned(comparison, list(rows),
                                       header_text(comparison, rows, None), painted))
        if not wait_unless_cancelled(painted, worker):
            return
        batch: list[PairRow] = []
        last = time.monotonic()
        for n, row in enumerate(rows):
            rows[n] = completed(comparison, row)
            if rows[n] is not row:
                batch.append(rows[n])
            if batch and time.monotonic() - last >= FILL_BATCH_S:
                if worker.is_cancelled:
                    return
                self.post_message(self.Filled(comparison, batch))
                batch, last = [], time.monotonic()
        header = header_text(comparison, rows, comparison.article_drift())
        if not worker.is_cancelled:
            self.post_message(self.Filled(comparison, batch, header))

    @on(NothingToCompare)
    def _nothing_to_compare(self) -> None:
        self.notify("No other article shares wording with this one: mark one with m in "
                    "the library to compare anyway.", severity="warning", markup=False)
        self.dismiss()

    @on(Aligned)
    def _aligned(self, message: Aligned) -> None:
        comparison = message.comparison
        self.comparison = comparison
        self.a, self.b = comparison.a, comparison.b
        self.query_one("#compare-header", Static).update(message.header)
        self.view.set_rows(message.rows)
        self.view.focus()
        self.call_after_refresh(message.painted.set)

    @on(Filled)
    def _filled(self, message: Filled) -> None:
        if message.comparison is not self.comparison:  # an earlier comparison's
            return
        self.view.update_rows(message.rows)
        if message.header is not None:
            self.query_one("#compare-header", Static).update(message.header)

    def _realign(self, a: Article, b: Article) -> None:
        self.comparison = None
        self.view.set_rows([])
        self.query_one("#compare-header", Static).update(pending_header(a, b))
        self._align(a, b)

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

        if self.comparison is not None:  # the row may not have its word diff yet
            self.app.push_screen(DetailScreen(self.comparison,
                                              completed(self.comparison, event.row)))
