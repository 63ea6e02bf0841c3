"""The reader app: library -> compare -> pair detail, all keyboard driven."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.ingest import DEFAULT_MAX_BYTES
from reader.library import Library, default_paths
from reader.model import Article
from reader.tui.memory import freeze_long_lived, thaw
from reader.tui.screens.library import LibraryScreen

if TYPE_CHECKING:  # the core's heavy modules load in workers, after the first screen
    from reader.prefetch import Helper
    from reader.corpus.provenance import SourceCandidate
    from reader.corpus.stories import Story


class ReaderApp(App[int]):
    """Reads the files in `paths` (files or folders) and shows them."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", show=False, id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
        Binding("tab", "focus_next", "Next pane", show=False, id="app.next_pane"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False,
                id="app.previous_pane"),
    ]

    def __init__(self, paths: Sequence[str] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = False,
                 helper: Helper | None = None) -> None:
        super().__init__()
        self.paths = list(paths) if paths else default_paths()
        self.max_bytes = max_bytes
        self.use_cache = use_cache
        self.helper = helper  # a process cleaning the first files into the cache
        self.library = Library()
        self.stories: list[Story] | None = None  # None until grouping has run
        self.story_of: dict[int, Story] = {}  # id(article) -> its story
        self.rankings: dict[Article, list[SourceCandidate]] = {}  # counterparts, ranked
        self.marked: Article | None = None

    def set_stories(self, stories: list[Story]) -> None:
        self.stories = stories
        self.story_of = {id(a): story for story in stories for a in story.members}

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
        """The palette (ctrl+p): the app's own commands for this screen, then Textual's
        (theme, keys, quit)."""
        from reader.tui.screens.compare import CompareScreen  # not on the start-up path

        if isinstance(screen, LibraryScreen):
            yield SystemCommand("Compare", "Compare the selected article with its best match "
                                "(or the marked one)", screen.action_compare)
            yield SystemCommand("Mark counterpart", "Mark the selected article as B for the "
                                "next compare", screen.action_mark)
            yield SystemCommand("Toggle removed lines", "Show what the cleaner removed, in "
                                "place", screen.action_toggle_removed)
            yield SystemCommand("Search", "Search titles (list) or the text (reading pane)",
                                screen.action_search)
        if isinstance(screen, CompareScreen):
            yield SystemCommand("Pick counterpart", "Choose B from the other articles, ranked "
                                "by how much of A they explain", screen.action_pick)
            yield SystemCommand("Export comparison", "Write the comparison as Markdown or "
                                "HTML", screen.action_export)
            yield SystemCommand("Swap sides", "Compare B against A", screen.action_swap)
            yield SystemCommand("Toggle unified view", "Side by side or interleaved",
                                screen.action_toggle_unified)
            yield SystemCommand("Toggle identical rows", "Hide or show rows that are the same",
                                screen.action_toggle_same)
        yield SystemCommand("Help", "Every key binding", self.action_help)
        yield from super().get_system_commands(screen)


def run(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = True,
        helper: Helper | None = None) -> int:
    """Start the TUI on `paths` (empty: the bundled seeds); returns the exit code.
    With `use_cache`, cleaned articles come from (and go to) the on-disk cache, which
    `helper` (see reader.prefetch) may be filling."""
    app = ReaderApp(paths, max_bytes, use_cache, helper)
    app.run()
    return app.return_code or 0
