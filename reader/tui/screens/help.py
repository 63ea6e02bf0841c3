"""Every key binding of the app, grouped by where it works, read from the classes.

The app and each screen and widget with keys of its own name their section
(`HELP_TITLE`); a screen also lists the widgets on it that have keys (`HELP_PARTS`)
and the screens it opens (`opens()`). The help walks that from the app's first screen,
so a new screen or key shows up here without a list to keep.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from reader.tui.screens.text_panel import TextPanelScreen
from reader.tui.widgets.rows import move_bindings


def key_names(binding: Binding) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc", "enter": "enter",
             "right_square_bracket": "]", "left_square_bracket": "["}
    return ", ".join(names.get(k.strip(), k.strip()) for k in binding.key.split(","))


def topics(first: type) -> Iterator[type]:
    """`first` (a screen class), the widgets on it with keys, then the same for each
    screen it opens, depth first, each class once."""
    seen: set[type] = set()

    def visit(screen: type) -> Iterator[type]:
        if screen in seen:
            return
        seen.add(screen)
        yield screen
        yield from getattr(screen, "HELP_PARTS", ())
        opens = getattr(screen, "opens", None)
        for other in opens() if opens is not None else ():
            yield from visit(other)

    yield from visit(first)


def sections(app: App) -> list[tuple[str, list[Binding]]]:
    """(section title, bindings) for the app, then every screen and widget it shows,
    from its first screen on."""
    classes = [type(app), *topics(type(app.screen_stack[0]))]
    return [(getattr(cls, "HELP_TITLE", cls.__name__),
             [b for b in Binding.make_bindings(cls.BINDINGS) if b.description])
            for cls in classes]


def help_text(app: App) -> Text:
    text = Text()
    for title, bindings in sections(app):
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
    """Every key of the app."""

    BINDINGS = [
        *move_bindings("help", down="Down", up="Up", page_down="Page down",
                       page_up="Page up", first="Top", last="Bottom"),
        Binding("q,escape,question_mark,f1", "close", "Close", id="help.close"),
    ]

    PANEL_ID = "help"
    PANEL_TITLE = "Keys"

    def panel_text(self) -> Text:
        return help_text(self.app)
