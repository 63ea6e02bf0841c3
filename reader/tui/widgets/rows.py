"""The base of the three line-API views: the article list, the reading pane and the
compare rows.

Each lays out rows of known heights end to end and renders only the visible lines
(toolong-style ScrollView + render_line), so a folder of 100,000 files or a comparison
of 2,000 sentences scrolls as fast as five. They share the row offsets, the page size
and the keys that move through them: j/k, space/b, g/G.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

MOVES = {  # move: (keys, action)
    "down": ("j,down", "move(1)"),
    "up": ("k,up", "move(-1)"),
    "first": ("g,home", "first"),
    "last": ("G,end", "last"),
    "page_down": ("space,pagedown", "page(1)"),
    "page_up": ("b,pageup", "page(-1)"),
}


def move_bindings(scope: str, **names: str) -> list[Binding]:
    """The moves of a row view (keys of MOVES), each named in the view's own words, in
    the order given (the help screen lists them in that order)."""
    return [Binding(MOVES[move][0], MOVES[move][1], name, show=False, id=f"{scope}.{move}")
            for move, name in names.items()]


def text_strip(line: Text, width: int, style: Style, console: Console) -> Strip:
    """One wrapped line as a Strip of exactly `width` cells on `style` (the line's own
    styles on top), built in one go: Strip's apply_style and crop_extend would each
    build another Strip, and a full screen paints hundreds of lines."""
    segments = Segment.adjust_line_length(
        list(Segment.apply_style(line.render(console), style)), width, style=style)
    return Strip(segments, width)


def page_target(starts: Sequence[int], current: int, direction: int, page: int) -> int:
    """The row a page down (1) or up (-1) from row `current` lands on, among rows whose
    first lines are `starts` (ascending): the one showing the line a page away, and
    always at least one row on (when there is one)."""
    line = max(0, min(starts[current] + direction * page, starts[-1]))
    target = max(bisect_right(starts, line) - 1, 0)
    if target == current:
        target = max(0, min(current + direction, len(starts) - 1))
    return target


class RowScrollView(ScrollView, can_focus=True):
    """Rows laid end to end. Subclasses set the rows' heights (`set_heights`,
    `append_heights`), draw lines (`render_line`, with `paint_style`) and bind the moves
    (`move_bindings`). Without a cursor the moves scroll the view, which is what these
    actions do; a view with a cursor overrides them to move it."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._starts: list[int] = [0]  # first line of each row, then the total
        self._paint_style: Style | None = None

    # -- rows -------------------------------------------------------------------------

    def set_heights(self, heights: Iterable[int], width: int) -> None:
        """Lay out rows of `heights` lines, `width` cells wide."""
        self._starts = [0]
        self.append_heights(heights, width)

    def append_heights(self, heights: Iterable[int], width: int) -> None:
        """Add rows below the others (costs the new rows, not all of them)."""
        starts = self._starts
        for height in heights:
            starts.append(starts[-1] + height)
        self.virtual_size = Size(width, starts[-1])

    @property
    def line_count(self) -> int:
        return self._starts[-1]

    def row_at(self, line: int) -> int:
        """The row that line `line` (0 at the top of the content) belongs to."""
        return bisect_right(self._starts, line) - 1

    def row_region(self, row: int, lines_before: int = 0) -> Region:
        """Row `row` (with `lines_before` lines above it) as a region to scroll into view."""
        start = self._starts[row] - lines_before
        return Region(0, start, 1, self._starts[row + 1] - start)

    @property
    def page_lines(self) -> int:
        """How far a page moves: the view's height less one line kept for context."""
        return max(self.scrollable_content_region.height - 1, 1)

    # -- painting ---------------------------------------------------------------------

    @property
    def paint_style(self) -> Style:
        """The widget's style, worked out once per paint rather than once per line
        (`rich_style` walks every ancestor's styles)."""
        return self.rich_style if self._paint_style is None else self._paint_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

    # -- moves ------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + step, animate=False)

    def action_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + direction * self.page_lines, animate=False)

    def action_first(self) -> None:
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        self.scroll_end(animate=False)
