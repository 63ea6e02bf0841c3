"""The footer: the keys of the focused pane on one line, drawn by a single widget.

Textual's Footer mounts one widget per key and recomposes all of them (styles, layout)
whenever the bindings change: at start-up, on every focus change, on opening and
closing a screen, several times each, tens of milliseconds of CPU every time. This bar
shows the same line (keys left, the command palette key docked right) as one render
that is simply redrawn when the screen's bindings change.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

Key = tuple[Binding, bool]  # a binding and whether its action is enabled now


EXIT_KEY = "q"  # every screen's way out, named whatever the width


class KeyBar(Widget, can_focus=False):
    """One line of `key description` for every shown binding of the focused pane."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--separator"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1 0 0;
        text-wrap: nowrap;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background;
                            text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground;
                                    background: $footer-description-background; }
        & > .key-bar--separator { color: $foreground 20%; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: list[tuple[int, int, str]] = []  # (x from, x to, key) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The shown bindings (the first key of each action, in binding order), and the
        command palette's binding for the right edge."""
        active = self.screen.active_bindings
        shown: dict[str, Key] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled)
        return list(shown.values()), palette

    def _label(self, key: Key, key_style: Style, description_style: Style,
               described: bool = True) -> Text:
        binding, enabled = key
        dim = Style() if enabled else Style(dim=True)
        text = Text(self.app.get_key_display(binding), key_style + dim, end="")
        if described:
            text.append(" " + binding.description, description_style + dim)
        return text

    def _fitted(self, keys: list[Key], room: int, styles: tuple[Style, Style]
                ) -> tuple[Text, list[tuple[int, int, str]]]:
        """Every key on one line of `room` cells: when their descriptions do not all
        fit, the last keys show without theirs (in the help and the palette) rather
        than being cut off; cut only when not even the keys fit. The way out (`q`:
        back, cancel or quit) always keeps its description."""
        for described in range(len(keys), -1, -1):
            line = Text(end="")
            targets = []
            for n, key in enumerate(keys):
                start = line.cell_len
                line.append_text(self._label(key, *styles,
                                             described=n < described or key[0].key == EXIT_KEY))
                targets.append((start, line.cell_len, key[0].key))
                line.append(" ")
            line.rstrip()
            if line.cell_len <= room:
                break
        return line, targets

    def render(self) -> Text:
        keys, palette = self.keys()
        width = self.content_size.width
        style = self.get_component_rich_style
        styles = (style("key-bar--key", partial=True),  # once per render, not per key
                  style("key-bar--description", partial=True))
        right = Text(end="")
        if palette is not None:
            right.append("▏", style("key-bar--separator", partial=True))
            right.append_text(self._label(palette, *styles))
        room = max(width - right.cell_len, 0)
        line, targets = self._fitted(keys, room, styles)
        line.truncate(room, overflow="ellipsis", pad=True)
        targets = [target for target in targets if target[1] <= room]
        if palette is not None:
            targets.append((room, width, palette[0].key))
        self._targets = targets
        line.append_text(right)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._targets:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
