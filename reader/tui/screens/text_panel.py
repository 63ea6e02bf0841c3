"""A modal screen showing one scrollable, bordered block of prepared text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.widgets.key_bar import KeyBar


class TextPanelScreen(ModalScreen[None]):
    """Subclasses set PANEL_ID and PANEL_TITLE, build `panel_text()`, and keep their own
    BINDINGS (the help screen lists each class's keys) for scroll and close."""

    PANEL_ID = ""
    PANEL_TITLE = ""

    def panel_text(self) -> Text:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=self.PANEL_ID):
            yield Static(self.panel_text(), id=f"{self.PANEL_ID}-text")
        yield KeyBar()

    def on_mount(self) -> None:
        panel = self.query_one(f"#{self.PANEL_ID}")
        panel.border_title = self.PANEL_TITLE
        panel.focus()

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one(f"#{self.PANEL_ID}", VerticalScroll)
        (scroller.scroll_down if direction == "down" else scroller.scroll_up)(animate=False)

    def action_close(self) -> None:
        self.dismiss()
