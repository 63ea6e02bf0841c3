"""The library: every loaded article in a list, the selected one cleaned beside it."""

from __future__ import annotations

from contextlib import nullcontext

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.worker import get_current_worker

from reader.cache import Cache
from reader.compare import rank_counterparts
from reader.library import Library, load_library
from reader.model import Article, LoadError
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView

# Overlap (share of an article's text aligned to another) above which two files are
# shown as versions of one story. A display threshold for the list marker only.
RELATED_OVERLAP = 0.3


class SearchInput(Input):
    """A one-line search box: enter keeps the query, escape clears and closes it."""

    BINDINGS = [Binding("escape", "close", "Close search", id="search.close")]

    def action_close(self) -> None:
        self.value = ""
        self.post_message(self.Submitted(self, ""))


class LibraryScreen(Screen[None]):
    """List pane + reading pane; loading runs in a worker with a progress bar."""

    BINDINGS = [
        Binding("d", "compare", "Compare",
                tooltip="with the best match, or the article marked B", id="library.compare"),
        Binding("m", "mark", "Mark B",
                tooltip="mark this article as B for the next compare", id="library.mark"),
        Binding("r", "toggle_removed", "Removed",
                tooltip="show what the cleaner removed, in place", id="library.removed"),
        Binding("slash", "search", "Search", id="library.search"),
        Binding("enter", "read", "Read", show=False, id="library.read"),
        Binding("q,escape", "app.quit", "Quit", id="library.quit"),
        Binding("question_mark", "app.help", "Help", id="library.help"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="library-status", markup=False)
        yield ProgressBar(id="load-progress", show_eta=False)
        with Horizontal(id="library-panes"):
            with Vertical(id="list-pane"):
                yield SearchInput(placeholder="search titles", id="list-search")
                yield ArticleList(id="articles")
            with Vertical(id="reading-pane"):
                yield ArticleView(id="article")
                yield SearchInput(placeholder="search in text", id="text-search")
        yield Footer(compact=True)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.query_one("#list-pane").border_title = "Articles"
        self.query_one("#reading-pane").border_title = "Reading"
        self._status("Loading…")
        self.load()

    def _status(self, message: str) -> None:
        self.query_one("#library-status", Static).update(Text(message))

    # -- loading ----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        app = self.app
        with Cache() if app.use_cache else nullcontext() as cache:
            library = load_library(app.paths, progress=lambda done, total, path:
                                   app.call_from_thread(self._progress, done, total),
                                   max_bytes=app.max_bytes, cache=cache)
        app.call_from_thread(self._loaded, library)

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self._status(f"Loading {done}/{total}…")

    def _loaded(self, library: Library) -> None:
        self.app.library = library
        self.query_one(ProgressBar).display = False
        entries: list[Article | LoadError] = [*library.articles, *library.errors]
        self.article_list.set_entries(entries)
        self._update_status()
        self.article_list.focus()
        self._show_current()
        if len(library.articles) > 1:
            self.find_related(library.articles)

    def _update_status(self) -> None:
        library = self.app.library
        count = len(library.articles)
        parts = [f"{count} article{'' if count == 1 else 's'}"]
        if library.errors:
            parts.append(f"{len(library.errors)} unreadable")
        if self.app.marked is not None:
            parts.append(f"marked: {self.app.marked.name}")
        self._status("reader · " + " · ".join(parts))

    @work(thread=True, exclusive=True, group="related")
    def find_related(self, articles: list[Article]) -> None:
        """Rank every article's counterparts so the list can mark related versions."""
        worker = get_current_worker()
        for article in articles:
            if worker.is_cancelled:
                return
            ranking = rank_counterparts(article, articles)
            self.app.call_from_thread(self._ranked, article, ranking)

    def _ranked(self, article: Article, ranking: list[tuple[Article, float]]) -> None:
        self.app.rankings[article] = ranking
        related = sum(1 for _, share in ranking if share >= RELATED_OVERLAP)
        self.article_list.related[id(article)] = related
        self.article_list.refill()

    # -- reading ----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#articles")
    def _show_current(self) -> None:
        entry = self.article_list.current
        if isinstance(entry, LoadError):
            self.article_view.show_error(entry)
        elif entry is None or entry is not self.article_view.article:
            self.article_view.show_article(entry)

    @on(OptionList.OptionSelected, "#articles")
    def action_read(self) -> None:
        self.article_view.focus()

    def action_toggle_removed(self) -> None:
        view = self.article_view
        view.show_removed = not view.show_removed
        article = view.article
        if view.show_removed and article is not None and not article.removed:
            self.notify("The cleaner removed nothing from this file.", markup=False)

    def action_search(self) -> None:
        box_id = "#text-search" if self.focused is self.article_view else "#list-search"
        box = self.query_one(box_id, SearchInput)
        box.display = True
        box.focus()

    @on(Input.Changed, "#list-search")
    def _filter_list(self, event: Input.Changed) -> None:
        self.article_list.query = event.value
        self.article_list.refill()
        self._show_current()

    @on(Input.Submitted, "#list-search")
    def _list_search_done(self, event: Input.Submitted) -> None:
        if not event.value:
            event.input.display = False
        self.article_list.focus()

    @on(Input.Submitted, "#text-search")
    def _text_search(self, event: Input.Submitted) -> None:
        view = self.article_view
        view.query = event.value
        if not event.value:
            event.input.display = False
        elif not view.match_count:
            self.notify("No match in this article", severity="warning", markup=False)
        view.focus()

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
        app = self.app
        app.marked = None if app.marked is article else article
        self.article_list.marked = app.marked
        self.article_list.refill()
        self._update_status()

    def action_compare(self) -> None:
        from reader.tui.screens.compare import CompareScreen

        article = self._current_article()
        if article is None:
            return
        marked = self.app.marked
        counterpart = marked if marked is not None and marked is not article else None
        self.app.push_screen(CompareScreen(article, counterpart))
