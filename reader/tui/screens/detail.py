"""One aligned pair in full: both texts, the token-level changes, score and drift."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from reader.compare import Comparison
from reader.render.labels import outlet_label
from reader.tui.drift_notes import MARK, change_of, drift_label, ordered, one_sided
from reader.tui.widgets.compare_view import PairRow, highlighted
from reader.tui.screens.text_panel import TextPanelScreen
from reader.tui.widgets.rows import move_bindings

DELETED = "strike #ff7b72"  # light enough to read in grey (NO_COLOR), and marked besides
INSERTED = "underline #7ee787"
DRIFT = "bold reverse yellow"
OP_NAMES = {"replace": "replaced", "delete": "deleted", "insert": "inserted"}


def token_changes(row: PairRow) -> list[Text]:
    """One line per non-equal token opcode: what became what."""
    lines = []
    diff = row.diff
    if diff is None:
        return lines
    for op in diff.ops:
        if op.tag == "equal":
            continue
        old = " ".join(t.text for t in diff.a[op.a1:op.a2])
        new = " ".join(t.text for t in diff.b[op.b1:op.b2])
        line = Text(f"  {OP_NAMES.get(op.tag, op.tag):<9} ")
        if old:
            line.append(f"“{old}”", DELETED)
        if old and new:
            line.append(" → ")
        if new:
            line.append(f"“{new}”", INSERTED)
        lines.append(line)
    return lines


def detail_text(comparison: Comparison, row: PairRow, markers: bool) -> Text:
    pair = row.pair
    out = Text()
    facts = [f"Pair {row.index + 1} of {len(comparison.pairs)}", pair.kind]
    if row.a_text and row.b_text:
        facts.append(f"similarity {pair.score:.0f}/100")
    if pair.moved:
        facts.append("moved ↕")
    out.append(" · ".join(facts) + "\n\n", "bold")
    findings = ordered(row.drift)  # first: what a fact-checker opened this for
    for title, items in (("Changed facts", [i for i in findings if not one_sided(i)]),
                         ("Facts only one side states", [i for i in findings if one_sided(i)])):
        if items:
            out.append(f"{title}\n", "bold")
            for item in items:
                out.append(f"  {MARK[change_of(item)]} " + drift_label(item) + "\n", "bold")
            out.append("\n")
    for side, article, change in (("a", comparison.a, DELETED), ("b", comparison.b, INSERTED)):
        out.append(f" {side.upper()} ", "bold reverse")
        out.append(f" {outlet_label(article)} · {article.name}\n", "dim")
        present = row.a_text if side == "a" else row.b_text
        if present:
            out.append_text(highlighted(row, side, "", change, DRIFT, markers))
        else:
            out.append("(no counterpart on this side)", "italic dim")
        out.append("\n\n")
    changes = token_changes(row)
    if changes:
        out.append("Word changes\n", "bold")
        for line in changes:
            out.append_text(line)
            out.append("\n")
        out.append("\n")
    return out


class DetailScreen(TextPanelScreen):
    """Full texts and token diff of one pair; q/escape returns to the rows."""

    HELP_TITLE = "Pair detail"

    BINDINGS = [
        *move_bindings("detail", down="Down", up="Up", page_down="Page down",
                       page_up="Page up", first="Top", last="Bottom"),
        Binding("c", "copy", "Copy pair", id="detail.copy"),
        Binding("q,escape,enter", "close", "Close", id="detail.close"),
    ]

    def __init__(self, comparison: Comparison, row: PairRow) -> None:
        super().__init__()
        self.comparison = comparison
        self.row = row

    PANEL_ID = "detail"
    PANEL_TITLE = "Pair detail"

    def panel_text(self) -> Text:
        return detail_text(self.comparison, self.row, self.app.no_color)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.row.copy_text())
        self.notify("Copied the pair", markup=False)
