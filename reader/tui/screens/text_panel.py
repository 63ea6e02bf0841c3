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
    BINDINGS (the help screen lists each class's keys): `move_bindings` for j/k,
    space/b and g/G, which scroll the panel as they scroll every other view."""

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

    @property
    def panel(self) -> VerticalScroll:
        return self.query_one(f"#{self.PANEL_ID}", VerticalScroll)

    def action_move(self, step: int) -> None:
        self.panel.scroll_to(y=self.panel.scroll_y + step, animate=False)

    def action_page(self, direction: int) -> None:
        panel = self.panel
        page = max(panel.scrollable_content_region.height - 1, 1)
        panel.scroll_to(y=panel.scroll_y + direction * page, animate=False)

    def action_first(self) -> None:
        self.panel.scroll_home(animate=False)

    def action_last(self) -> None:
        self.panel.scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss()
