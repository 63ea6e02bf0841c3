"""The aligned view of a Comparison: a line-API widget that renders only visible lines.

One widget draws every row (a RowScrollView with an LRU cache of drawn rows), so a
2,000-sentence comparison costs the same to scroll as a 20-sentence one. Rows are
side by side (both sides wrapped and kept level) or unified (A then B, 80 columns).
Colour is never the only signal: a gutter marks kind, move and drift, deleted words
are struck, inserted words underlined, and with `markers` they are also bracketed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.compare import Comparison
from reader.comparison_model import Pair, WordDiff
from reader.render.labels import KIND_MARK
from reader.tui.drift_notes import MARK, change_of, drift_label, ordered
from reader.tui.widgets.rows import RowScrollView, move_bindings, page_target, text_strip
from reader.tui.widgets.wrap import line_starts, wrap

DELETED_MARKERS = ("[-", "-]")
INSERTED_MARKERS = ("{+", "+}")
GUTTER = 4  # cursor, kind, moved, drift
SCORE = 4


@dataclass(frozen=True)
class PairRow:
    """Everything the view shows for one pair. Rows first hold the texts only (the view
    shows them as soon as the alignment exists); `complete` rows also hold the word diff
    and drift, computed off the UI thread after the first paint."""

    index: int
    pair: Pair
    a_text: str
    b_text: str
    diff: WordDiff | None = None
    drift: list[Any] = field(default_factory=list)
    complete: bool = False

    @property
    def kind(self) -> str:
        return self.pair.kind

    def changed_spans(self, side: str) -> list[tuple[int, int]]:
        """Character spans of the deleted (side "a") or inserted ("b") words."""
        if self.diff is None:
            return []
        tokens = self.diff.a if side == "a" else self.diff.b
        spans = []
        for op in self.diff.ops:
            lo, hi = (op.a1, op.a2) if side == "a" else (op.b1, op.b2)
            if op.tag != "equal" and hi > lo:
                spans.append((tokens[lo].start, tokens[hi - 1].end))
        return spans

    def drift_spans(self, side: str) -> list[tuple[int, int]]:
        spans = []
        for item in self.drift:
            start, end = getattr(item, f"{side}_start", None), getattr(item, f"{side}_end", None)
            if isinstance(start, int) and isinstance(end, int) and end > start:
                spans.append((start, end))
        return spans

    def copy_text(self) -> str:
        """What `c` copies: the pair, each side labelled."""
        parts = [f"A: {self.a_text}"] if self.a_text else []
        parts += [f"B: {self.b_text}"] if self.b_text else []
        return "\n".join(parts)


def text_rows(comparison: Comparison) -> list[PairRow]:
    """A row per pair with its texts only (cheap: enough to lay out and draw)."""
    return [PairRow(index, pair, *comparison.pair_texts(index))
            for index, pair in enumerate(comparison.pairs)]


def completed(comparison: Comparison, row: PairRow) -> PairRow:
    """`row` with its word diff and drift (the slow part, about 1 ms a changed pair)."""
    if row.complete:
        return row
    return replace(row, diff=comparison.word_diff(row.index),
                   drift=comparison.drift(row.index), complete=True)


def build_rows(comparison: Comparison) -> list[PairRow]:
    """Every row complete: texts, word diffs and drift."""
    return [completed(comparison, row) for row in text_rows(comparison)]


def side_plain(row: PairRow, side: str, markers: bool) -> str:
    """One side's text as drawn: with [-deleted-] / {+inserted+} around the changed
    words when `markers` (what the row's height is measured on)."""
    plain = row.a_text if side == "a" else row.b_text
    changes = row.changed_spans(side) if markers else []
    if not changes:
        return plain
    opening, closing = DELETED_MARKERS if side == "a" else INSERTED_MARKERS
    for start, end in reversed(changes):
        plain = plain[:start] + opening + plain[start:end] + closing + plain[end:]
    return plain


def highlighted(row: PairRow, side: str, base: Style | str, change: Style | str,
                drift: Style | str, markers: bool) -> Text:
    """One side of a pair with its changed words and drift styled (and bracketed
    with [-deleted-] / {+inserted+} when `markers`, for terminals without colour)."""
    text = Text(row.a_text if side == "a" else row.b_text, style=base, end="")
    changes = row.changed_spans(side)
    for start, end in changes:
        text.stylize(change, start, end)
    for start, end in row.drift_spans(side):
        text.stylize(drift, start, end)
    if markers and changes:
        opening, closing = DELETED_MARKERS if side == "a" else INSERTED_MARKERS
        for start, end in reversed(changes):
            text = (text[:start] + Text(opening, style=change) + text[start:end]
                    + Text(closing, style=change) + text[end:])
        text.end = ""
    return text


class CompareView(RowScrollView):
    """Aligned rows of a comparison with a row cursor."""

    HELP_TITLE = "Compare rows"

    BINDINGS = [
        *move_bindings("compare", down="Next row", up="Prev row", page_down="Page down",
                       page_up="Page up", first="First row", last="Last row"),
        Binding("n", "change(1)", "Next", tooltip="next change", id="compare.next_change"),
        Binding("N", "change(-1)", "Previous change", show=False, id="compare.prev_change"),
        Binding("right_square_bracket", "drift(1)", "Drift",
                tooltip="next row with fact drift", id="compare.next_drift"),
        Binding("left_square_bracket", "drift(-1)", "Previous drift", show=False,
                id="compare.prev_drift"),
        Binding("enter", "select", "Pair", tooltip="full texts, token diff, score",
                id="compare.detail"),
        Binding("c", "copy", "Copy pair", show=False, id="compare.copy"),
    ]

    COMPONENT_CLASSES = {
        "compare--same", "compare--dropped", "compare--added", "compare--deleted",
        "compare--inserted", "compare--drift", "compare--cursor", "compare--gutter",
        "compare--moved", "compare--note", "compare--separator",
    }

    DEFAULT_CSS = """
    CompareView {
        overflow-x: hidden;
        overflow-y: auto;
        background: $surface;
        & > .compare--same { color: $text-muted; }
        & > .compare--dropped { color: $text-error; }
        & > .compare--added { color: $text-success; }
        & > .compare--deleted { color: $text-error; background: $error-muted; text-style: strike; }
        & > .compare--inserted { color: $text-success; background: $success-muted; text-style: underline; }
        & > .compare--drift { color: $text-warning; text-style: bold reverse; }
        & > .compare--cursor { background: $boost; text-style: bold; }
        & > .compare--gutter { color: $text-muted; }
        & > .compare--moved { color: $text-accent; text-style: bold; }
        & > .compare--note { color: $text-warning; }
        & > .compare--separator { color: $foreground 30%; }
        &:focus > .compare--cursor { background: $block-cursor-blurred-background; }
    }
    """

    cursor: reactive[int] = reactive(0)
    unified: reactive[bool] = reactive(False)
    hide_same: reactive[bool] = reactive(False)
    hide_one_sided: reactive[bool] = reactive(False)  # facts only one side states

    class PairSelected(Message):
        """Enter pressed on a row: open its detail."""

        def __init__(self, row: PairRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, markers: bool = False, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.markers = markers
        self._rows: list[PairRow] = []
        self._visible: list[int] = []  # indices into _rows
        self._heights: list[int] = []
        self._width = 0
        self._side_texts: LRUCache[tuple[int, str], Text] = LRUCache(512)  # drawn rows only
        self._lines: LRUCache[tuple[int, bool], list[Strip]] = LRUCache(512)

    # -- data -------------------------------------------------------------------------

    def set_rows(self, rows: list[PairRow]) -> None:
        """Show a new comparison's rows (cursor back at the top)."""
        self._rows, self._visible = list(rows), []
        self._side_texts.clear()
        self.set_reactive(CompareView.cursor, 0)
        self._relayout()
        self.scroll_home(animate=False)

    def update_rows(self, rows: Iterable[PairRow]) -> None:
        """Swap in rows that gained their word diff and drift (same indices). Only their
        heights are measured again, and the line at the top of the view stays put."""
        top = self.scroll_offset.y
        anchor = self.row_at(top) if self._visible else 0
        offset = top - self._starts[anchor] if self._visible else 0
        for row in rows:
            index = row.index
            self._rows[index] = row
            for key in ((index, "a"), (index, "b")):
                self._side_texts.discard(key)
            for key in ((index, True), (index, False)):
                self._lines.discard(key)
            position = bisect_left(self._visible, index)
            if position < len(self._visible) and self._visible[position] == index:
                self._heights[position] = self._row_height(row)
        self.set_heights(self._heights, self._width)
        if self._visible and anchor < len(self._visible):
            target = self._starts[anchor] + offset
            if target != top:
                self.scroll_to(y=target, animate=False, immediate=True)
        self.refresh()

    @property
    def rows(self) -> list[PairRow]:
        return self._rows

    @property
    def visible_rows(self) -> list[PairRow]:
        return [self._rows[i] for i in self._visible]

    @property
    def current(self) -> PairRow | None:
        if not self._visible:
            return None
        return self._rows[self._visible[min(self.cursor, len(self._visible) - 1)]]

    # -- layout -----------------------------------------------------------------------

    def _columns(self) -> tuple[int, int]:
        text = max(self._width - GUTTER - SCORE - 3, 8)
        return text // 2, text - text // 2

    def _relayout(self) -> None:
        """Recompute which rows show and how tall each is at the current width."""
        keep = self.current
        self._width = self.scrollable_content_region.width or self.size.width or 80
        self._lines.clear()
        self._visible = [i for i, r in enumerate(self._rows)
                         if not (self.hide_same and r.kind == "same")]
        self._heights = [self._row_height(self._rows[i]) for i in self._visible]
        self.set_heights(self._heights, self._width)
        if keep is not None:
            position = next((n for n, i in enumerate(self._visible) if i >= keep.index), None)
            self.set_reactive(CompareView.cursor, position if position is not None
                              else max(len(self._visible) - 1, 0))
        self.refresh()

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self._width:
            self._relayout()
            self.scroll_to_cursor()

    def watch_unified(self) -> None:
        self._relayout()
        self.scroll_to_cursor()

    def watch_hide_one_sided(self) -> None:
        self._relayout()
        self.scroll_to_cursor()

    def watch_hide_same(self) -> None:
        self._relayout()
        self.scroll_to_cursor()

    def watch_cursor(self, old: int, new: int) -> None:
        for position in (old, new):
            if 0 <= position < len(self._visible):
                index = self._visible[position]
                self._lines.discard((index, True))
                self._lines.discard((index, False))
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._side_texts.clear()
        self._lines.clear()

    # -- rendering --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"compare--{name}", partial=True)

    def _side_text(self, row: PairRow, side: str) -> Text:
        """One side's sentence with change and drift highlights (and markers)."""
        key = (row.index, side)
        cached = self._side_texts.get(key)
        if cached is not None:
            return cached
        base = {"same": "same", "dropped": "dropped", "added": "added"}.get(row.kind)
        text = highlighted(row, side, self._style(base) if base else Style(),
                           self._style("deleted" if side == "a" else "inserted"),
                           self._style("drift"), self.markers)
        self._side_texts[key] = text
        return text

    def _gutter(self, row: PairRow, cursor: bool, kind_mark: str) -> Text:
        gutter = Text(end="")
        gutter.append("▶" if cursor else " ", self._style("moved") if cursor else "")
        gutter.append(kind_mark, self._style("gutter"))
        gutter.append("↕" if row.pair.moved else " ", self._style("moved"))
        shown = self.shown_drift(row)
        gutter.append(MARK[change_of(shown[0])] if shown else " ", self._style("note"))
        return gutter

    def _score(self, row: PairRow) -> Text:
        if not (row.a_text and row.b_text):
            return Text(" " * SCORE, end="")
        return Text(f"{round(row.pair.score):>{SCORE}}", style=self._style("gutter"), end="")

    def shown_drift(self, row: PairRow) -> list[Any]:
        """The row's findings as shown: changed facts first, then (unless hidden) the
        ones only one side states."""
        return ordered(row.drift, self.hide_one_sided)

    def _note_lines(self, item: Any) -> list[Text]:
        """A finding under its row, wrapped (never cut: the evidence is what matters)."""
        indent = " " * (GUTTER + 2)
        note = Text(f"{MARK[change_of(item)]} {drift_label(item)}", style=self._style("note"),
                    end="")
        lines = wrap(note, max(self._width - len(indent), 8))
        return [Text(" " * GUTTER if n == 0 else indent, end="") + line
                for n, line in enumerate(lines)]

    def _row_strips(self, position: int) -> list[Strip]:
        index = self._visible[position]
        cursor = position == self.cursor
        key = (index, cursor)
        strips = self._lines.get(key)
        if strips is None:
            strips = self._lines[key] = self._row_strips_uncached(self._rows[index], cursor)
        return strips

    def _row_height(self, row: PairRow) -> int:
        """Screen lines of a row, from the same wrap offsets its rendering uses."""
        def height(side: str, width: int) -> int:
            present = row.a_text if side == "a" else row.b_text
            return len(line_starts(side_plain(row, side, self.markers), width)) if present else 0

        if self.unified:
            width = max(self._width - GUTTER - SCORE, 8)
            text_lines = (height("a", width) if row.kind == "same"
                          else height("a", width) + height("b", width))
        else:
            wa, wb = self._columns()
            text_lines = max(height("a", wa), height("b", wb), 1)
        return text_lines + sum(len(self._note_lines(item)) for item in self.shown_drift(row)) + 1

    def _row_strips_uncached(self, row: PairRow, cursor: bool) -> list[Strip]:
        lines = self._unified_lines(row, cursor) if self.unified else self._split_lines(row, cursor)
        for item in self.shown_drift(row):
            lines += self._note_lines(item)
        lines.append(Text(end=""))
        console = self.app.console
        base = self.paint_style + (self._style("cursor") if cursor else Style())
        return [text_strip(line, self._width, base, console) for line in lines]

    def _split_lines(self, row: PairRow, cursor: bool) -> list[Text]:
        wa, wb = self._columns()
        left = wrap(self._side_text(row, "a"), wa) if row.a_text else []
        right = wrap(self._side_text(row, "b"), wb) if row.b_text else []
        lines = []
        for k in range(max(len(left), len(right), 1)):
            line = (self._gutter(row, cursor, KIND_MARK[row.kind]) if k == 0
                    else Text(" " * GUTTER, end=""))
            for column, width in ((left, wa), (right, wb)):
                part = column[k] if k < len(column) else Text()
                line.append_text(part)
                line.append(" " * (width - part.cell_len))
                if column is left:
                    line.append(" │ ", self._style("separator"))
            line.append_text(self._score(row) if k == 0 else Text(" " * SCORE))
            lines.append(line)
        return lines

    def _unified_lines(self, row: PairRow, cursor: bool) -> list[Text]:
        width = max(self._width - GUTTER - SCORE, 8)
        blocks = [("a", "=")] if row.kind == "same" else []
        if row.kind != "same":
            blocks = [(side, mark) for side, mark in (("a", "-"), ("b", "+"))
                      if (row.a_text if side == "a" else row.b_text)]
        lines = []
        for number, (side, mark) in enumerate(blocks):
            for k, part in enumerate(wrap(self._side_text(row, side), width)):
                if k == 0:
                    line = (self._gutter(row, cursor, mark) if number == 0
                            else Text(f"{'▶' if cursor else ' '}{mark}  ", end=""))
                else:
                    line = Text(" " * GUTTER, end="")
                line.append_text(part)
                if number == 0 and k == 0:
                    line.append(" " * (width - part.cell_len))
                    line.append_text(self._score(row))
                lines.append(line)
        return lines

    def render_line(self, y: int) -> Strip:
        scroll_y = self.scroll_offset.y
        line = scroll_y + y
        width = self.size.width
        if not self._visible or line >= self.line_count:
            return Strip.blank(width, self.paint_style)
        position = self.row_at(line)
        strips = self._row_strips(position)
        offset = line - self._starts[position]
        if offset >= len(strips):
            return Strip.blank(width, self.paint_style)
        return strips[offset]

    # -- navigation -------------------------------------------------------------------

    def scroll_to_cursor(self, top: bool = False) -> None:
        """Bring the cursor row into view (to the top of the view for jumps)."""
        if not self._visible:
            return
        position = min(self.cursor, len(self._visible) - 1)
        start = self._starts[position]
        height = min(self._heights[position], self.scrollable_content_region.height or 1)
        self.scroll_to_region(Region(0, start, 1, height), animate=False, force=True,
                              top=top)

    def _move_to(self, position: int, top: bool = False) -> None:
        if self._visible:
            self.cursor = max(0, min(position, len(self._visible) - 1))
            self.scroll_to_cursor(top)

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        """Move the view a page down (1) or up (-1), like a pager, and the cursor a
        page with it (always at least one row, and kept in view)."""
        if not self._visible:
            return
        height = max(self.scrollable_content_region.height, 1)
        page = self.page_lines
        position = page_target(self._starts[:-1], self.cursor, direction, page)
        self.cursor = position
        top = max(0, min(self.scroll_offset.y + direction * page, self.max_scroll_y))
        start, end = self._starts[position], self._starts[position + 1]
        if start < top:
            top = start
        elif end > top + height:
            top = min(start, end - height)
        self.scroll_to(y=top, animate=False)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._visible) - 1)

    def _jump(self, step: int, wanted: Callable[[PairRow], bool]) -> None:
        """Move the cursor to the next (1) or previous (-1) visible row that is `wanted`."""
        position = self.cursor + step
        while 0 <= position < len(self._visible):
            if wanted(self._rows[self._visible[position]]):
                self._move_to(position, top=True)
                return
            position += step
        self.app.bell()

    def action_change(self, step: int) -> None:
        """Jump to the next (1) or previous (-1) row that is not identical."""
        self._jump(step, lambda row: row.kind != "same" or row.pair.moved)

    def action_drift(self, step: int) -> None:
        """Jump to the next (1) or previous (-1) row with fact drift."""
        self._jump(step, lambda row: bool(self.shown_drift(row)))

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.PairSelected(self.current))

    def action_copy(self) -> None:
        if self.current is not None:
            self.app.copy_to_clipboard(self.current.copy_text())
            self.notify(f"Copied pair {self.current.index + 1}", markup=False)
