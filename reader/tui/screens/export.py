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
    """Enter writes (.html/.htm gives HTML, anything else Markdown); a file that exists
    is replaced only on a second enter for the same name; escape cancels. Dismisses
    with the written path."""

    HELP_TITLE = "Export"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self._replace: str | None = None  # the existing file a second enter replaces

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
        from reader.render.export import ExportError, render_markdown, write_export
        from reader.render.html import render_html
        from reader.reviews import ReviewStore

        path = os.path.expanduser(event.value.strip())
        if not path:
            return
        protected = self._protected()
        is_source = os.path.realpath(path) in {os.path.realpath(p) for p in protected}
        if os.path.lexists(path) and not is_source and self._replace != path:
            self._replace = path
            self._say(f"{path} exists. Press enter again to replace it, or change the name.")
            return
        render = render_html if path.lower().endswith(HTML_SUFFIXES) else render_markdown
        try:
            write_export(path, render(self.comparison, ReviewStore()), protected)
        except ExportError as exc:
            self._say(f"Not written: {exc}")
            self.notify(f"Not written: {exc}", severity="error", markup=False)
            return
        self.notify(f"Wrote {path}", markup=False)
        self.dismiss(path)

    @on(Input.Changed, "#export-path")
    def _name_changed(self) -> None:
        self._replace = None
        self._say("")

    def _say(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(message))

    def action_cancel(self) -> None:
        self.dismiss(None)
