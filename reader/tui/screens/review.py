"""Reviews in the compare screen: the row's findings marked with their decisions, and a
dialog to confirm or dismiss one of them, saying why.

The dialog lists the row's findings (up/down chooses when there are several), an input
takes the optional note; enter records the decision in the user's reviews
(reader.reviews), escape cancels. Finding text is an article's: it only ever reaches
the screen as Text.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.compare import Comparison
from reader.drift import Drift
from reader.reviews import Finding, Review, ReviewError, ReviewStore, State
from reader.tui.widgets.compare_view import PairRow
from reader.tui.widgets.key_bar import KeyBar

VERB = {"confirmed": "Confirm", "dismissed": "Dismiss"}
MARK = {"confirmed": "✓", "dismissed": "✗"}


def finding_label(finding: Finding) -> Text:
    """A finding as one line: its decision mark, where (the article's own findings have
    no row), kind and note."""
    review = finding.review
    text = Text(f"{MARK[review.state]} {review.state} · " if review else "open · ",
                style="bold" if review else "dim")
    if finding.pair is None:
        text.append("whole article · ", style="bold")
    text.append(f"{finding.drift.kind} · {finding.drift.note}")
    return text


def _as_reviewed(found: list[Finding], hide_dismissed: bool) -> list[Drift]:
    """The findings' drift with each decision at the start of its note (dismissed ones
    left out when asked)."""
    return [replace(f.drift, note=f"{MARK[f.review.state]} {f.review.state}: {f.drift.note}")
            if f.review else f.drift
            for f in found if not (hide_dismissed and f.review and f.review.state == "dismissed")]


class RowReviews:
    """A comparison's findings by row (and the article-level ones, which have no row), and
    how they are shown: each finding's note begins with its decision, and dismissed
    findings can be left out."""

    def __init__(self, found: list[Finding]) -> None:
        self.by_row: dict[int, list[Finding]] = {}
        self.article = [f for f in found if f.pair is None]
        for f in found:
            if f.pair is not None:
                self.by_row.setdefault(f.pair, []).append(f)

    def of(self, row: PairRow) -> list[Finding]:
        return self.by_row.get(row.index, [])

    def shown(self, row: PairRow, hide_dismissed: bool) -> PairRow:
        """`row` with its drift as reviewed (a complete row only: others have none yet)."""
        if not row.complete:
            return row
        return replace(row, drift=_as_reviewed(self.of(row), hide_dismissed))

    def article_drift(self, hide_dismissed: bool) -> list[Drift]:
        return _as_reviewed(self.article, hide_dismissed)


class ReviewScreen(ModalScreen[Review | None]):
    """Dismisses with the recorded review, or None when cancelled."""

    HELP_TITLE = "Review a finding"

    DEFAULT_CSS = """
    ReviewScreen { align: center middle; background: $background 60%; }
    #review { width: 90%; max-width: 100; height: auto; max-height: 80%;
              border: round $border; background: $surface; padding: 0 1; }
    #review-findings { height: auto; max-height: 8; }
    #review-note { margin: 1 0 0 0; }
    #review-error { color: $text-error; height: auto; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="review.cancel"),
        Binding("up", "choose(-1)", "Previous finding", show=False, id="review.up"),
        Binding("down", "choose(1)", "Next finding", show=False, id="review.down"),
    ]

    def __init__(self, comparison: Comparison, found: list[Finding], state: State,
                 store: ReviewStore) -> None:
        super().__init__()
        self.comparison, self.found, self.state, self.store = comparison, found, state, store

    def compose(self) -> ComposeResult:
        with Vertical(id="review"):
            yield Static(Text(f"{VERB[self.state]} which finding?"
                              if len(self.found) > 1 else f"{VERB[self.state]} this finding:"))
            yield OptionList(*(Option(finding_label(f)) for f in self.found),
                             id="review-findings")
            yield Input(placeholder="why (optional), then enter", id="review-note")
            yield Static(id="review-error", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#review").border_title = f"{VERB[self.state]} a finding"
        options = self.query_one(OptionList)
        options.highlighted = next((n for n, f in enumerate(self.found) if f.review is None), 0)
        self.query_one(Input).focus()

    def action_choose(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.highlighted = ((options.highlighted or 0) + step) % len(self.found)

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#review-note")
    def record(self, event: Input.Submitted) -> None:
        finding = self.found[self.query_one(OptionList).highlighted or 0]
        try:
            review = self.store.decide(self.comparison, finding, self.state, event.value.strip())
        except ReviewError as exc:
            self.query_one("#review-error", Static).update(Text(f"Not saved: {exc}"))
            return
        self.dismiss(review)

    def action_cancel(self) -> None:
        self.dismiss(None)
