"""Every key binding of the app, grouped by where it works (read from the classes)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from reader.tui.screens.text_panel import TextPanelScreen


def key_names(binding: Binding) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc", "enter": "enter",
             "right_square_bracket": "]", "left_square_bracket": "["}
    return ", ".join(names.get(k.strip(), k.strip()) for k in binding.key.split(","))


def sections() -> list[tuple[str, list[Binding]]]:
    """(section title, bindings) for every screen and widget of the app."""
    from reader.tui.app import ReaderApp
    from reader.tui.screens.compare import CompareScreen
    from reader.tui.screens.detail import DetailScreen
    from reader.tui.screens.export import ExportScreen
    from reader.tui.screens.library import LibraryScreen, SearchInput
    from reader.tui.screens.picker import PickerScreen
    from reader.tui.widgets.article_list import ArticleList
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.compare_view import CompareView

    groups = [
        ("Everywhere", ReaderApp), ("Library", LibraryScreen), ("Article list", ArticleList),
        ("Reading pane", ArticleView), ("Search box", SearchInput),
        ("Compare", CompareScreen), ("Compare rows", CompareView),
        ("Pair detail", DetailScreen), ("Counterpart picker", PickerScreen),
        ("Export", ExportScreen),
    ]
    out = []
    for title, cls in groups:
        bindings = [b for b in Binding.make_bindings(cls.BINDINGS) if b.description]
        out.append((title, bindings))
    return out


def help_text() -> Text:
    text = Text()
    for title, bindings in sections():
        text.append(f"{title}\n", "bold underline")
        keys: dict[tuple[str, str], list[str]] = {}
        first: dict[tuple[str, str], Binding] = {}
        for binding in bindings:
            slot = (binding.action, binding.description)
            keys.setdefault(slot, []).append(key_names(binding))
            first.setdefault(slot, binding)
        for slot, names in keys.items():
            binding = first[slot]
            text.append(f"  {', '.join(names):<18}", "bold")
            text.append(binding.description)
            text.append(f" — {binding.tooltip}\n" if binding.tooltip else "\n", "dim")
        text.append("\n")
    text.append("Keys in the footer are those of the focused pane. tab moves between panes.",
                "italic")
    return text


class HelpScreen(TextPanelScreen):
    BINDINGS = [
        Binding("j,down", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help.up"),
        Binding("q,escape,question_mark,f1", "close", "Close", id="help.close"),
    ]

    PANEL_ID = "help"
    PANEL_TITLE = "Keys"

    def panel_text(self) -> Text:
        return help_text()
