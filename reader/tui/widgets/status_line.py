"""The library's top line: what the app holds or is doing, with a progress bar while
it works.

One widget draws both, so showing or hiding the bar never changes the layout (each
layout change re-renders the whole screen), and nothing animates: Textual's
ProgressBar is four widgets and repaints many times a second while it has no total,
which competes with the first screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BAR_SHARE = 0.4  # of the line's width, at most
BAR_MIN = 10


class StatusLine(Widget):
    """A message, and `done` of `total` as a bar and a percentage on the right."""

    COMPONENT_CLASSES = {"status-line--done", "status-line--todo"}
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        & > .status-line--done { color: $accent; }
        & > .status-line--todo { color: $foreground 15%; }
    }
    """

    message: reactive[str] = reactive("", layout=False)
    progress: reactive[tuple[int, int] | None] = reactive(None)  # (done, total) while working

    def show(self, message: str, progress: tuple[int, int] | None = None) -> None:
        self.message, self.progress = message, progress

    def render(self) -> Text:
        width = self.content_size.width
        line = Text(self.message, end="", no_wrap=True, overflow="ellipsis")
        if self.progress is None:
            return line
        done, total = self.progress
        fraction = min(done / total, 1.0) if total > 0 else 0.0
        label = f" {fraction:>4.0%}"
        bar = max(min(int(width * BAR_SHARE), width - len(label)), 0)
        if bar < BAR_MIN:
            return line
        line.truncate(width - bar - len(label) - 1, overflow="ellipsis", pad=True)
        filled = round(bar * fraction)
        style = self.get_component_rich_style
        line.append(" ")
        line.append("━" * filled, style("status-line--done", partial=True))
        line.append("━" * (bar - filled), style("status-line--todo", partial=True))
        line.append(label)
        return line
