"""Building blocks of the line-API views (article list, reading pane, compare view)."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip


def text_strip(line: Text, width: int, style: Style, console: Console) -> Strip:
    """One wrapped line as a Strip of exactly `width` cells on `style` (the line's own
    styles on top), built in one go: Strip's apply_style and crop_extend would each
    build another Strip, and a full screen paints hundreds of lines."""
    segments = Segment.adjust_line_length(
        list(Segment.apply_style(line.render(console), style)), width, style=style)
    return Strip(segments, width)


class PaintStyle:
    """Mixin for a ScrollView: `paint_style` is the widget's style, worked out once per
    paint rather than once per line (`rich_style` walks every ancestor's styles)."""

    _paint_style: Style | None = None

    @property
    def paint_style(self) -> Style:
        return self.rich_style if self._paint_style is None else self._paint_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None
