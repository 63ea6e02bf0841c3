"""The reader app: library -> compare -> pair detail, all keyboard driven."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.ingest import DEFAULT_MAX_BYTES
from reader.library import default_paths
from reader.tui.commands import KeyCommands
from reader.tui.memory import freeze_long_lived, thaw
from reader.tui.preload import Preload
from reader.tui.screens.library import LibraryScreen
from reader.tui.state import ReaderState


class ReaderApp(App[int]):
    """Reads the files in `paths` (files or folders) and shows them; `preload`, if
    given, is their reading begun already (see reader.tui.launch)."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    HELP_TITLE = "Everywhere"
    COMMANDS = App.COMMANDS | {KeyCommands}  # each screen's keys, then the app's own
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", show=False, id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
        Binding("tab", "focus_next", "Next pane", show=False, id="app.next_pane"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False,
                id="app.previous_pane"),
    ]

    def __init__(self, paths: Sequence[str] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False,
                 preload: Preload | None = None) -> None:
        super().__init__()
        self.paths = list(paths) if paths else default_paths()
        self.max_bytes = max_bytes
        self.use_cache = use_cache
        self.preload = preload or Preload(self.paths, max_bytes, use_cache)
        self.state = ReaderState()  # what the screens share

    def on_load(self) -> None:
        freeze_long_lived()

    def get_default_screen(self) -> Screen:
        """The library is the bottom of the screen stack, not pushed over Textual's blank
        default screen (which costs a layout and a paint of its own, and after the push
        a second full layout of the library)."""
        return LibraryScreen()

    def on_unmount(self) -> None:
        thaw()  # what the app froze can be collected again once it is gone

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's own palette commands (the screens' come from KeyCommands): help,
        then Textual's (theme, keys, quit)."""
        yield SystemCommand("Help", "Every key binding", self.action_help)
        yield from super().get_system_commands(screen)

