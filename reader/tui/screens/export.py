"""Ask for a file name and write the comparison there as Markdown or HTML."""

from __future__ import annotations

import os

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.compare import Comparison
from reader.tui.widgets.key_bar import KeyBar

HTML_SUFFIXES = (".html", ".htm")


def default_export_name(comparison: Comparison) -> str:
    def stem(path: str) -> str:
        return os.path.splitext(os.path.basename(path))[0]

    return f"{stem(comparison.a.path)}-vs-{stem(comparison.b.path)}.md"


class ExportScreen(ModalScreen[str | None]):
    """Enter writes (.html/.htm gives HTML, anything else Markdown); escape cancels.
    Dismisses with the written path."""

    HELP_TITLE = "Export"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static(Text("Export the comparison to (.md for Markdown, .html for HTML):"))
            yield Input(default_export_name(self.comparison), id="export-path")
            yield Static(id="export-error", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#export").border_title = "Export"

    def _protected(self) -> list[str]:
        library = self.app.state.library
        return [self.comparison.a.path, self.comparison.b.path,
                *(a.path for a in library.articles), *(e.path for e in library.errors)]

    @on(Input.Submitted, "#export-path")
    def export(self, event: Input.Submitted) -> None:
        from reader.render.export import ExportError, render_html, render_markdown, write_export

        path = os.path.expanduser(event.value.strip())
        if not path:
            return
        render = render_html if path.lower().endswith(HTML_SUFFIXES) else render_markdown
        try:
            write_export(path, render(self.comparison), self._protected())
        except ExportError as exc:
            self.query_one("#export-error", Static).update(Text(f"Not written: {exc}"))
            self.notify(f"Not written: {exc}", severity="error", markup=False)
            return
        self.notify(f"Wrote {path}", markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
