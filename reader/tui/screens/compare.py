"""The compare screen: a header with both articles and the summary, then aligned rows."""

from __future__ import annotations

import threading
import time
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
from reader.corpus.derivation import OFF_RECORD_NOTE, derivation_of
from reader.corpus.provenance import LOOSE, is_wire_copy
from reader.model import Article
from reader.render.labels import outlet_label
from reader.reviews import Finding, Review, ReviewError, ReviewStore, State, findings
from reader.tui.counterparts import best_counterpart, wire_first
from reader.tui.drift_notes import MARK, change_of, drift_label, drift_summary, ordered
from reader.tui.screens.review import ReviewScreen, RowReviews
from reader.tui.widgets.compare_view import (
    CompareView,
    PairRow,
    completed,
    text_rows,
)
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.workers import wait_unless_cancelled

if TYPE_CHECKING:
    from reader.corpus.provenance import SourceCandidate
    from reader.corpus.stories import Story

FILL_BATCH_S = 0.05  # completed rows reach the view at most this often while filling


def titles_text(a: Article, b: Article | None) -> Text:
    """Two lines, each cut to fit: each article's outlet and title (B not chosen yet:
    said so)."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for label, article in (("A", a), ("B", b)):
        text.append(f"{label} ", "bold reverse")
        if article is None:
            text.append("  finding the article that shares most with A…", "dim")
        else:
            text.append(f" {outlet_label(article)} · ", "bold")
            text.append(article.title or article.name)
            if article.title:
                text.append(f"  {article.name}", "dim")
        if label == "A":
            text.append("\n")
    return text


def pending_summary() -> Text:
    return Text("Aligning…\n! drift: counting…", "dim", end="")


def summary_text(comparison: Comparison, rows: list[PairRow],
                 credits: list[Any] | None) -> Text:
    """The counts a reader wants first, wrapped (never cut). `credits` None: drift is
    still being counted (the rows show before their word diffs and drift); then the
    article-level findings, counted with the rows' so the line never contradicts them."""
    text = Text(end="")
    summary = comparison.summary()
    counts = [("=", "same", summary.same), ("~", "changed", summary.changed),
              ("-", "dropped", summary.dropped), ("+", "added", summary.added),
              ("↕", "moved", summary.moved)]
    for mark, name, count in counts:
        text.append(f"{mark}{name} {count}  ")
    of_a, of_b = summary.share_of_a_in_b, summary.share_of_b_from_a  # the picker's measure too
    text.append(f"B explains {of_a:.0%} of A · A explains {of_b:.0%} of B", "bold")
    if max(of_a, of_b) < LOOSE:
        text.append("\n! related only loosely: too little shared for B to be a version of A",
                    "bold")
    if credits is None:
        text.append("\nB against A: judging…", "dim")
        text.append("\n! drift: counting…", "dim")
        return text
    judged = derivation_of(comparison)
    text.append(f"\nB against A: {judged.verdict}", "bold")
    text.append(f" · {judged.measures.verbatim_share:.0%} verbatim · "
                f"{judged.measures.words_found:.0%} of its own words in A", "dim")
    if not judged.measures.on_record():  # why little shared wording was enough
        text.append(f" · {OFF_RECORD_NOTE}", "dim")
    findings = [item for row in rows for item in row.drift] + list(credits)
    text.append("\n! " + drift_summary(findings), "bold" if findings else "dim")
    for item in ordered(credits):
        text.append(f"\n{MARK[change_of(item)]} " + drift_label(item), "bold")
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
        Binding("o", "toggle_one_sided", "One-sided",
                tooltip="hide or show facts only one side states", id="compare.one_sided"),
        Binding("x", "swap", "Swap", id="compare.swap"),
        Binding("p", "pick", "Pick",
                tooltip="choose B from a list ranked by provenance", id="compare.pick"),
        Binding("e", "export", "Export", id="compare.export"),
        Binding("y", "review('confirmed')", "Confirm",
                tooltip="confirm the row's fact drift finding, with a note", id="compare.confirm"),
        Binding("w", "review('dismissed')", "Dismiss",
                tooltip="dismiss the row's finding as a false alarm, with a note",
                id="compare.dismiss"),
        Binding("u", "clear_review", "Clear review", show=False,
                tooltip="forget the decisions on the row's findings (on a row without any: "
                "the whole article's)", id="compare.clear_review"),
        Binding("h", "toggle_dismissed", "Hide dismissed", show=False,
                tooltip="hide or show the findings dismissed as false alarms",
                id="compare.hide_dismissed"),
        Binding("q,escape", "back", "Back", id="compare.back"),
    ]

    class Aligned(Message):
        """Aligning worker -> screen: the comparison and its rows (texts only); the
        worker waits for `painted` before it fills the rows in."""

        bubble = False

        def __init__(self, comparison: Comparison, rows: list[PairRow], summary: Text,
                     painted: threading.Event) -> None:
            super().__init__()
            self.comparison, self.rows, self.summary, self.painted = (comparison, rows,
                                                                      summary, painted)

    class Filled(Message):
        """Aligning worker -> screen: rows of `comparison` that gained their word diffs
        and drift; with `summary`, the last of them and the drift counts."""

        bubble = False

        def __init__(self, comparison: Comparison, rows: list[PairRow],
                     summary: Text | None = None) -> None:
            super().__init__()
            self.comparison, self.rows, self.summary = comparison, rows, summary

    class Reviewed(Message):
        """Aligning worker -> screen: every finding of `comparison` with its decision."""

        bubble = False

        def __init__(self, comparison: Comparison, found: list[Finding]) -> None:
            super().__init__()
            self.comparison, self.found = comparison, found

    class NothingToCompare(Message):
        """Aligning worker -> screen: no other article is a version of A."""

        bubble = False

    def __init__(self, a: Article, b: Article | None = None, at_pair: int | None = None) -> None:
        super().__init__()
        self.a = a
        self.b = b
        self.at_pair = at_pair  # open with the cursor on this pair (the story screen's cell)
        self.comparison: Comparison | None = None
        self.reviews: RowReviews | None = None
        self.hide_dismissed = False

    def compose(self) -> ComposeResult:
        yield Static(titles_text(self.a, self.b), id="compare-titles")
        yield Static(pending_summary(), id="compare-header")
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

        return (DetailScreen, PickerScreen, ExportScreen, ReviewScreen)

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
            in_story = story is not None and len(story.members) > 1
            if not ranking or not (in_story or ranking[0].explained >= LOOSE):
                self.post_message(self.NothingToCompare())
                return
            ranking, from_wire = wire_first(a, story, ranking)
            b = ranking[0].article
            if from_wire or ranking[0].direction == "original":  # the original on A, so the
                a, b = b, a  # header's "B against A" verdict judges the copy against its source
        comparison = compare(a, b)
        rows = text_rows(comparison)
        if worker.is_cancelled:
            return
        painted = threading.Event()  # the rows are on screen: filling may compete now
        self.post_message(self.Aligned(comparison, list(rows),
                                       summary_text(comparison, rows, None), painted))
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
        summary = summary_text(comparison, rows, comparison.article_drift())
        if not worker.is_cancelled:
            self.post_message(self.Filled(comparison, batch, summary))
            self.post_message(self.Reviewed(comparison, findings(comparison, ReviewStore())))

    @on(NothingToCompare)
    def _nothing_to_compare(self) -> None:
        """Say so, and offer every other article to compare with anyway (escape goes
        back to the library)."""
        self.query_one("#compare-header", Static).update(
            Text("No related version of A in the library: pick one to compare anyway, "
                 "or escape to go back.", "bold", end=""))
        self.notify("No related version of this article: pick one to compare anyway.",
                    severity="warning", markup=False)
        self._pick(or_back=True)

    @on(Aligned)
    def _aligned(self, message: Aligned) -> None:
        comparison = message.comparison
        self.comparison = comparison
        self.a, self.b = comparison.a, comparison.b
        self.query_one("#compare-titles", Static).update(titles_text(self.a, self.b))
        self.query_one("#compare-header", Static).update(message.summary)
        self.view.set_rows(message.rows)
        self.view.focus()
        if self.at_pair is not None:
            self.view.cursor = next((n for n, row in enumerate(self.view.visible_rows)
                                     if row.index == self.at_pair), 0)
            self.at_pair = None
            self.call_after_refresh(self.view.scroll_to_cursor, True)
        self.call_after_refresh(message.painted.set)

    @on(Filled)
    def _filled(self, message: Filled) -> None:
        if message.comparison is not self.comparison:  # an earlier comparison's
            return
        self.view.update_rows(self._shown(message.rows))
        if message.summary is not None:
            self.query_one("#compare-header", Static).update(message.summary)

    @on(Reviewed)
    def _reviewed(self, message: Reviewed) -> None:
        if message.comparison is self.comparison:
            self.reviews = RowReviews(message.found)
            self._show_reviews()

    def _show_reviews(self) -> None:
        """Rows and the header's article-level findings marked with their decisions."""
        if self.reviews is None or self.comparison is None:
            return
        self.view.update_rows(self._shown(self.view.rows))
        self.query_one("#compare-header", Static).update(summary_text(
            self.comparison, self.view.rows, self.reviews.article_drift(self.hide_dismissed)))

    def _shown(self, rows: list[PairRow]) -> list[PairRow]:
        """Rows with their findings marked as reviewed (dismissed ones hidden if asked)."""
        if self.reviews is None:
            return rows
        return [self.reviews.shown(row, self.hide_dismissed) for row in rows]

    def action_review(self, state: State) -> None:
        """Confirm or dismiss a finding of the current row, in a dialog that takes a note."""
        row, reviews = self.view.current, self.reviews
        if row is None or reviews is None or self.comparison is None:
            return
        found = reviews.of(row) + reviews.article  # the article's own findings have no row
        if not found:
            self.notify("No fact drift finding on this row: ] jumps to the next one.",
                        markup=False)
            return
        comparison = self.comparison

        def decided(review: Review | None) -> None:
            if review is not None and comparison is self.comparison:
                self._reviewed(self.Reviewed(comparison, findings(comparison, ReviewStore())))

        self.app.push_screen(ReviewScreen(comparison, found, state, ReviewStore()), decided)

    def action_clear_review(self) -> None:
        row, reviews, comparison = self.view.current, self.reviews, self.comparison
        if row is None or reviews is None or comparison is None:
            return
        store = ReviewStore()
        try:
            decided = ([f for f in reviews.of(row) if f.review]  # else the article's own
                       or [f for f in reviews.article if f.review])
            cleared = sum(store.clear(comparison, f.id) for f in decided)
        except ReviewError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"Cleared {cleared} decision{'s' if cleared != 1 else ''}" if cleared
                    else "No decision on this row to clear", markup=False)
        self._reviewed(self.Reviewed(comparison, findings(comparison, store)))

    def action_toggle_dismissed(self) -> None:
        self.hide_dismissed = not self.hide_dismissed
        self._show_reviews()
        self.notify(f"Dismissed findings {'hidden' if self.hide_dismissed else 'shown'}",
                    markup=False)

    def _realign(self, a: Article, b: Article) -> None:
        self.comparison = None
        self.reviews = None
        self.view.set_rows([])
        self.query_one("#compare-titles", Static).update(titles_text(a, b))
        self.query_one("#compare-header", Static).update(pending_summary())
        self._align(a, b)

    def action_toggle_unified(self) -> None:
        self.view.unified = not self.view.unified

    def action_toggle_one_sided(self) -> None:
        self.view.hide_one_sided = not self.view.hide_one_sided
        state = "hidden" if self.view.hide_one_sided else "shown"
        self.notify(f"Facts only one side states {state}", markup=False)

    def action_toggle_same(self) -> None:
        self.view.hide_same = not self.view.hide_same
        state = "hidden" if self.view.hide_same else "shown"
        self.notify(f"Identical rows {state}", markup=False)

    def action_swap(self) -> None:
        if self.comparison is not None:
            self._realign(self.comparison.b, self.comparison.a)

    def action_pick(self) -> None:
        self._pick(or_back=False)

    def _pick(self, or_back: bool) -> None:
        """The picker for B; cancelled, back to the library when `or_back` (there is
        no comparison to go back to)."""
        from reader.tui.screens.picker import PickerScreen

        def picked(article: Article | None) -> None:
            if article is None:
                if or_back:
                    self.dismiss()
            elif is_wire_copy(article) and not is_wire_copy(self.a):
                self.notify("Wire copy goes on A, so B is judged against it (x swaps)",
                            markup=False)  # as `d` places a wire story's versions
                self._realign(article, self.a)
            else:
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
