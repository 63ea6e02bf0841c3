"""The library: every loaded article in a list, the selected one cleaned beside it."""

from __future__ import annotations

import threading
import time
from contextlib import closing, nullcontext
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import get_current_worker

from reader.cache import Cache
from reader.library import Entry
from reader.model import Article, LoadError
from reader.tui.memory import freeze_long_lived, release_collections
from reader.tui.state import ReaderState
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.status_line import StatusLine
from reader.tui.workers import wait_unless_cancelled

if TYPE_CHECKING:
    from reader.corpus.stories import Story

BATCH_SECONDS = 0.1  # loaded entries reach the list at most this often (one refresh each)
JUDGE_LIMIT = 300  # versions judged against their original after grouping (an alignment each)
GROUP_AFTER_PAINT_S = 0.2  # story grouping (numpy, rapidfuzz: GIL-heavy) waits for the first
# full screen to be painted and written, so it never competes with it


class SearchInput(Input):
    """A one-line search box: enter keeps the query, escape clears and closes it; either
    hands the focus back to `return_to` at once. Mounted on the first search, not with
    the screen (start-up cost).

    Keys typed in one burst (pasted keystrokes, `tmux send-keys`) are all routed to the
    box before it has handled the enter or escape among them. So the box handles those
    two itself, in turn (a binding would run only after the keys queued behind it), and
    sends the keys that follow back to the app, in order, to reach what has the focus
    now."""

    HELP_TITLE = "Search box"

    BINDINGS = [Binding("escape", "close", "Close search", id="search.close")]  # for the
    # key bar and the help screen; _on_key handles the key

    def __init__(self, return_to: Widget, *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.return_to = return_to

    # Textual runs each class's handler in MRO order: Input's own come after these
    # unless they prevent the default.

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # routed here before the focus moved on
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
        elif event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                await self.action_submit()
            else:
                self.action_close()

    def _on_focus(self) -> None:
        self.return_to.add_class("-searched")  # its pane stays lit while the box has the keys

    def _on_blur(self) -> None:
        self.return_to.remove_class("-searched")

    async def action_submit(self) -> None:
        await super().action_submit()
        self.screen.set_focus(self.return_to)

    def action_close(self) -> None:
        self.value = ""
        self.post_message(self.Submitted(self, ""))
        self.screen.set_focus(self.return_to)


class LibraryScreen(Screen[None]):
    """List pane + reading pane; loading runs in a worker with a progress bar."""

    HELP_TITLE = "Library"
    HELP_PARTS = (ArticleList, ArticleView, SearchInput)  # (their titles: HELP_TITLE)

    BINDINGS = [
        Binding("d", "compare", "Compare",
                tooltip="with the best match, or the article marked B", id="library.compare"),
        Binding("t", "story", "Story", show=False,
                tooltip="every version of this article's story at once", id="library.story"),
        Binding("m", "mark", "Mark B",
                tooltip="mark this article as B for the next compare", id="library.mark"),
        Binding("r", "toggle_removed", "Removed",
                tooltip="show what the cleaner removed, in place", id="library.removed"),
        Binding("slash", "search", "Search", id="library.search"),
        Binding("enter", "read", "Read", show=False, id="library.read"),
        Binding("escape", "clear", "Clear search", show=False,
                tooltip="clear a kept search; escape never quits", id="library.clear"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
        Binding("question_mark", "app.help", "Help", id="library.help"),
    ]

    class Loaded(Message):
        """Loading worker -> screen: more entries (`done` of `total` files read);
        `final`: that was all."""

        bubble = False

        def __init__(self, entries: list[Entry], done: int, total: int, final: bool) -> None:
            super().__init__()
            self.entries, self.done, self.total, self.final = entries, done, total, final

    class Progress(Message):
        """A worker -> screen: `done` of `total` of the work it names."""

        bubble = False

        def __init__(self, done: int, total: int, what: str) -> None:
            super().__init__()
            self.done, self.total, self.what = done, total, what

    class Grouped(Message):
        """Grouping worker -> screen: the library's stories."""

        bubble = False

        def __init__(self, stories: list[Story]) -> None:
            super().__init__()
            self.stories = stories

    class Judged(Message):
        """Grouping worker -> screen: the versions now carry their derivation verdicts."""

        bubble = False

    def __init__(self) -> None:
        super().__init__()
        self._painted = threading.Event()  # set a moment after the first full screen
        self._resumed = False  # shown at least once

    def compose(self) -> ComposeResult:
        yield StatusLine(id="library-status")  # docked: the panes sit side by side below it
        yield ArticleList(id="articles")  # each pane draws its own border: no container
        yield ArticleView(id="article")  # to lay out and paint under it
        yield KeyBar()

    @property
    def state(self) -> ReaderState:
        return self.app.state

    @classmethod
    def opens(cls) -> tuple[type[Screen], ...]:
        """The screens this one opens (for the help screen)."""
        from reader.tui.screens.compare import CompareScreen
        from reader.tui.screens.story import StoryScreen

        return (CompareScreen, StoryScreen)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.article_list.border_title = "Articles"
        self.article_view.border_title = "Reading"
        self._status("Loading…")
        self.call_after_refresh(release_collections)  # held from launch to the first frame
        first = self.app.preload.ready()  # read while Textual was imported
        if not first:
            self.load(0)
            return
        self._add_batch([entry for _, _, entry in first], *first[-1][:2])  # in the first frame
        self.call_after_refresh(self.load, len(first))  # then the rest, not competing with it

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first resume comes right after the mount styled every widget: Textual
        would restyle them all once more before the first paint."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        """Skip a resize to the size the screen was last laid out at. Textual sends the
        screen two such events at start-up (the terminal's size once more, and the
        screen's own first layout), each a full layout and paint before the first
        screen is complete."""
        if event.size == self.size:
            event.prevent_default()  # Screen's own handler is not called

    def _status(self, message: str, progress: tuple[int, int] | None = None) -> None:
        self.query_one(StatusLine).show(message, progress)

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load",
          description="load files")  # not the default: repr() of the arguments
    def load(self, shown: int) -> None:
        """Read every file after the `shown` first entries (the list has those from
        the app's preload); the entries reach the list in batches, the first at once.

        (The first paint used to wait up to 0.1 s for the first files, with the
        interpreter switching threads more often meanwhile: measured on a first launch
        it saved less than 0.1 s, so it went; see bench/README.md.)"""
        worker = get_current_worker()
        batch: list[Entry] = []
        done = total = 0
        last = 0.0  # when the last batch went out
        with closing(self.app.preload.items()) as items:
            for n, (done, total, entry) in enumerate(items):
                if n < shown:
                    continue
                batch.append(entry)
                if time.monotonic() - last >= BATCH_SECONDS:
                    self.post_message(self.Loaded(batch, done, total, final=False))
                    batch, last = [], time.monotonic()
                if worker.is_cancelled:
                    return
        self.post_message(self.Loaded(batch, done, total, final=True))

    @on(Loaded)
    def _on_loaded(self, message: Loaded) -> None:
        self._add_batch(message.entries, message.done, message.total)
        if message.final:
            self._loaded()

    @on(Progress)
    def _on_progress(self, message: Progress) -> None:
        self._progress(message.done, message.total, message.what)

    def _progress(self, done: int, total: int, what: str) -> None:
        self._status(f"{what} {done}/{total}…", (done, total))

    def _add_batch(self, batch: list[Entry], done: int, total: int) -> None:
        self.state.add_entries(batch)
        first = not self.article_list.entries
        self.article_list.add_entries(batch)
        self._progress(done, total, "Loading")
        if first and batch:
            self.set_focus(self.article_list)  # now: the first frame shows it focused
            self._show_current()  # in this frame, not after the Highlighted message's

    def _loaded(self) -> None:
        freeze_long_lived()  # the library lives as long as the app
        library = self.state.library
        if library.errors:
            self.article_list.refill()  # errors after the articles
        self._update_status()
        if self.focused is None:
            self.article_list.focus()
        self._show_current()
        if len(library.articles) > 1:
            self.call_after_refresh(self.set_timer, GROUP_AFTER_PAINT_S, self._painted.set)
            self.group(list(library.articles))

    def _update_status(self) -> None:
        state = self.state
        count = len(state.library.articles)
        parts = [f"{count} article{'' if count == 1 else 's'}"]
        if state.stories is not None:
            grouped = sum(1 for s in state.stories if len(s.members) > 1)
            parts.append(f"{grouped} multi-version stor{'y' if grouped == 1 else 'ies'}")
        if state.library.errors:
            parts.append(f"{len(state.library.errors)} unreadable")
        if state.marked is not None:
            parts.append(f"B: {state.marked.name}")  # short: it must fit at 80 columns
        self._status("reader · " + " · ".join(parts))

    @work(thread=True, exclusive=True, group="stories",
          description="group stories")  # not the default: repr() of the arguments
    def group(self, articles: list[Article]) -> None:
        """Group the loaded articles into stories (the core's MinHash/LSH grouping).

        Every worker here names its description: Textual's default is repr() of the
        arguments, for 10,000 articles a 400 MB string built on the UI thread."""
        if not wait_unless_cancelled(self._painted, get_current_worker()):
            return
        from reader.corpus.stories import group_stories

        self.post_message(self.Progress(0, len(articles), "Grouping stories:"))

        def progress(done: int, total: int, stage: str) -> None:
            self.post_message(self.Progress(done, total, f"Grouping stories: {stage}"))

        with Cache() if self.app.use_cache else nullcontext() as cache:
            stories = group_stories(articles, progress=progress, cache=cache)
        for story in stories:  # computed on first use: here, not on the UI thread
            _ = story.original
        self.post_message(self.Grouped(stories))
        worker, judged = get_current_worker(), 0
        for story in stories:  # each version's verdict against its original, largest first
            if judged >= JUDGE_LIMIT or worker.is_cancelled:
                break
            story.judge()
            judged += len(story.members) - 1
        if judged and not worker.is_cancelled:
            self.post_message(self.Judged())

    @on(Judged)
    def _judged(self) -> None:
        self.article_list.refill()

    @on(Grouped)
    def _grouped(self, message: Grouped) -> None:
        self.state.set_stories(message.stories)
        self.article_list.stories = message.stories
        self._update_status()

    # -- reading ----------------------------------------------------------------------

    @on(ArticleList.Highlighted, "#articles")
    def _show_current(self) -> None:
        entry = self.article_list.current
        if isinstance(entry, LoadError):
            self.article_view.show_error(entry)
        elif entry is None or entry is not self.article_view.article:
            self.article_view.show_article(entry)

    @on(ArticleList.Selected, "#articles")
    def action_read(self) -> None:
        self.article_view.focus()

    def action_toggle_removed(self) -> None:
        view = self.article_view
        view.show_removed = not view.show_removed
        article = view.article
        if view.show_removed and article is not None and not article.removed:
            self.notify("The cleaner removed nothing from this file.", markup=False)

    async def action_search(self) -> None:
        """Open a search row above the key bar: titles when the list has the focus, the
        text when the reading pane has it. One row shows at a time; a kept query stays
        in effect while its row is hidden, and the pane's border says so."""
        in_text = self.focused is self.article_view
        box_id = "text-search" if in_text else "list-search"
        for other in self.query(SearchInput):
            other.display = other.id == box_id
        boxes = self.query(f"#{box_id}")
        if boxes:
            box = boxes.first(SearchInput)
        else:
            box = SearchInput(self.article_view if in_text else self.article_list,
                              placeholder="search in text" if in_text else "search titles",
                              id=box_id)
            await self.mount(box)
        self.set_focus(box)  # now, not deferred: keys typed right after "/" must land in it

    def action_clear(self) -> None:
        """Escape: clear the kept search of the focused pane (the list's filter, or the
        reading pane's search); never quit."""
        in_text = self.focused is self.article_view
        pane: ArticleList | ArticleView = self.article_view if in_text else self.article_list
        if not pane.query:
            return
        for box in self.query(f"#{'text-search' if in_text else 'list-search'}"):
            box.value = ""  # (its Changed message refills the list)
        pane.query = ""
        self._show_current()

    @on(Input.Changed, "#list-search")
    def _filter_list(self, event: Input.Changed) -> None:
        self.article_list.query = event.value
        self._show_current()

    @on(Input.Submitted)
    def _close_search(self, event: Input.Submitted) -> None:
        """Enter or escape: the row goes (the focus is back on its pane already); a kept
        query shows on the pane's border, and `/` opens the row with it again."""
        event.input.display = False

    @on(Input.Submitted, "#text-search")
    def _text_search(self, event: Input.Submitted) -> None:
        view = self.article_view
        view.query = event.value
        if event.value and not view.match_count:
            self.notify("No match in this article", severity="warning", markup=False)

    # -- comparing --------------------------------------------------------------------

    def _current_article(self) -> Article | None:
        entry = self.article_list.current
        if not isinstance(entry, Article):
            self.notify("Select an article first", severity="warning", markup=False)
            return None
        return entry

    def action_mark(self) -> None:
        article = self._current_article()
        if article is None:
            return
        self.article_list.marked = self.state.toggle_mark(article)
        self._update_status()

    def action_story(self) -> None:
        from reader.corpus.story import down_the_side
        from reader.tui.screens.story import StoryScreen

        article = self._current_article()
        if article is None:
            return
        story = self.state.story(article)
        if story is None or len(story.members) < 2:
            why = ("the stories are still being grouped" if self.state.stories is None
                   else "it is the only version of its story here")
            self.notify(f"No story to show: {why}.", markup=False)
            return
        side, take = down_the_side(article, story)
        self.app.push_screen(StoryScreen(side, [m for m in story.members if m is not side], take))

    def action_compare(self) -> None:
        from reader.tui.screens.compare import CompareScreen

        article = self._current_article()
        if article is None:
            return
        marked = self.state.marked
        counterpart = marked if marked is not None and marked is not article else None
        self.app.push_screen(CompareScreen(article, counterpart))
