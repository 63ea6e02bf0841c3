"""The library's list pane: articles and load errors, filterable by title."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Article, LoadError

Entry = Article | LoadError


def entry_prompt(entry: Entry, related: int, marked: bool) -> Text:
    """Markers (◆ marked as B, ⇄N related versions) and the title, then outlet · date ·
    words. Built as Text: article strings never reach a markup parser."""
    if isinstance(entry, LoadError):
        prompt = Text("⚠ ", style="bold red")
        prompt.append(entry.path.replace("\\", "/").rsplit("/", 1)[-1], "bold")
        prompt.append("\n  " + entry.reason, "italic")
        return prompt
    prompt = Text()
    if marked:
        prompt.append("◆ ", "bold")
    if related:
        prompt.append(f"⇄{related} ", "bold")
    prompt.append(entry.title or entry.name, "bold")
    meta = [entry.outlet or "outlet unknown", entry.date or "date unknown",
            f"{entry.word_count} words"]
    prompt.append("\n" + " · ".join(meta), "dim")
    return prompt


def matches(entry: Entry, query: str) -> bool:
    """Title search: case-insensitive substring of the title, file name or outlet."""
    if not query:
        return True
    if isinstance(entry, LoadError):
        haystack = entry.path
    else:
        haystack = " ".join(filter(None, (entry.title, entry.name, entry.outlet)))
    return query.casefold() in haystack.casefold()


class ArticleList(OptionList):
    """Articles first, then files that could not be read (with their reason)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="list.page_up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.related: dict[int, int] = {}  # id(article) -> related versions
        self.marked: Article | None = None
        self.query = ""

    def set_entries(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.refill()

    def refill(self) -> None:
        """Rebuild the options for the current query, keeping the highlighted entry."""
        keep = self.current
        self.shown = [e for e in self.entries if matches(e, self.query)]
        self.clear_options()
        self.add_options([Option(entry_prompt(e, self.related.get(id(e), 0), e is self.marked))
                          for e in self.shown])
        if self.shown:
            self.highlighted = next((n for n, e in enumerate(self.shown) if e is keep), 0)

    @property
    def current(self) -> Entry | None:
        if self.highlighted is None or not (0 <= self.highlighted < len(self.shown)):
            return None
        return self.shown[self.highlighted]
