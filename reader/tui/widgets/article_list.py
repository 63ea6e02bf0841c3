"""The library's list pane: articles grouped into stories, and files that could not be read.

A line-API widget (a RowScrollView: fixed row heights, only the visible lines drawn):
an OptionList measures every option's height and re-measures all of them on each
resize and refill. Rows:

    ▾ 3 versions · <story label>        a story with several versions (not selectable)
      ★ <title>                           its likely original (when the core names one)
        outlet · date · words
      ↳ <title>                           the other versions
    <title>                               a story with one version
    outlet · date · words
    ⚠ <file name>                         a file that could not be read, and why
      <reason>

Article strings only ever enter rich Text objects (never a markup parser).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from reader.model import Article, LoadError
from reader.render.labels import meta_line
from reader.tui.widgets.rows import RowScrollView, move_bindings, page_target, text_strip

if TYPE_CHECKING:
    from reader.corpus.stories import Story

Entry = Article | LoadError


@dataclass(frozen=True)
class Row:
    """One list row: a story header (`entry` None) or an entry with its place in a story."""

    role: str  # "header" | "original" | "version" | "single" | "error"
    entry: Entry | None = None
    story: Story | None = None

    @property
    def height(self) -> int:
        return 1 if self.role == "header" else 2


def matches(entry: Entry, query: str) -> bool:
    """Title search: case-insensitive substring of the title, file name or outlet."""
    if not query:
        return True
    if isinstance(entry, LoadError):
        haystack = entry.path
    else:
        haystack = " ".join(filter(None, (entry.title, entry.name, entry.outlet)))
    return query.casefold() in haystack.casefold()


def story_rows(articles: Sequence[Article], stories: Sequence[Story] | None) -> list[Row]:
    """Rows for the articles: stories with several versions under a header (likely
    original first), then single articles. Without stories (not grouped yet), every
    article is single, in load order. Articles no story holds come last."""
    if not stories:
        return [Row("single", a) for a in articles]
    rows: list[Row] = []
    placed: set[int] = set()
    for story in stories:
        placed.update(id(a) for a in story.members)
        if len(story.members) == 1:
            rows.append(Row("single", story.members[0], story))
            continue
        rows.append(Row("header", None, story))
        first = story.original
        if first is not None:
            rows.append(Row("original", first, story))
        rows += [Row("version", a, story) for a in story.members if a is not first]
    rows += [Row("single", a) for a in articles if id(a) not in placed]
    return rows


def filtered(rows: list[Row], query: str) -> list[Row]:
    """Rows whose entry matches `query`; a header stays while any of its versions does."""
    if not query:
        return rows
    out: list[Row] = []
    header: Row | None = None
    for row in rows:
        if row.role == "header":
            header = row
            continue
        if row.entry is not None and matches(row.entry, query):
            if header is not None and row.story is header.story:
                out.append(header)
                header = None
            out.append(row)
    return out


def story_title(story: Story) -> str:
    """A story is named after its likely original (a copy's title may be spun), else
    the core's label."""
    original = story.original
    return (original.title or original.name) if original is not None else story.label


class ArticleList(RowScrollView):
    """Every entry of the library; the cursor moves over articles and errors only."""

    HELP_TITLE = "Article list"

    BINDINGS = [
        *move_bindings("list", down="Down", up="Up", first="First", last="Last",
                       page_down="Page down", page_up="Page up"),
        Binding("enter", "select", "Read", show=False, id="list.select"),
    ]

    COMPONENT_CLASSES = {"article-list--header", "article-list--meta", "article-list--cursor",
                         "article-list--error", "article-list--original",
                         "article-list--marker"}

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        overflow-y: auto;
        background: $surface;
        & > .article-list--header { color: $text-accent; text-style: bold; }
        & > .article-list--meta { color: $text-muted; }
        & > .article-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .article-list--cursor { background: $block-cursor-background;
                                          color: $block-cursor-foreground; }
        & > .article-list--error { color: $text-error; text-style: bold; }
        & > .article-list--original { color: $text-warning; text-style: bold; }
        & > .article-list--marker { text-style: bold; }
    }
    """

    highlighted: reactive[int | None] = reactive(None, always_update=True)
    stories: reactive[list[Story] | None] = reactive(None, init=False, always_update=True)
    marked: reactive[Article | None] = reactive(None, init=False, always_update=True)
    query: reactive[str] = reactive("", init=False)  # the title search

    class Highlighted(Message):
        """The cursor moved to `entry`."""

        def __init__(self, article_list: ArticleList, entry: Entry | None) -> None:
            super().__init__()
            self.article_list = article_list
            self.entry = entry

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class Selected(Highlighted):
        """Enter (or a click on the highlighted entry) on `entry`."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []  # everything loaded so far, in load order
        self.rows: list[Row] = []
        self.shown: list[Entry] = []  # the entries the cursor can reach, top to bottom
        self._shown_rows: list[int] = []  # row index of each shown entry
        self._placing = False  # the list itself moves the cursor (not the user)
        self._moved = False  # the user has put the cursor somewhere
        self._width = 0
        self._strips: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)
        self._texts: dict[int, list[Text]] = {}  # row index -> its lines, until a refill

    # -- data -------------------------------------------------------------------------

    def add_entries(self, entries: Iterable[Entry]) -> None:
        """Append newly loaded entries, in load order (`refill` moves errors last); the
        cursor stays where it was. Costs the batch, not the list, so a large folder
        fills at the same speed to the end."""
        entries = list(entries)
        self.entries.extend(entries)
        if self.stories is not None:
            self.refill()
            return
        rows = [Row("error" if isinstance(entry, LoadError) else "single", entry)
                for entry in entries if matches(entry, self.query)]
        for row in rows:
            self._shown_rows.append(len(self.rows))
            self.rows.append(row)
            self.shown.append(row.entry)  # type: ignore[arg-type]
        self.append_heights((row.height for row in rows), self._width or self.size.width)
        if self.highlighted is None and self.shown:
            self._place(0)
        self.refresh()

    def watch_stories(self) -> None:
        """Group the rows by story (the cursor as `refill` keeps it)."""
        self.refill()

    def watch_marked(self) -> None:
        self.refill()

    def watch_query(self) -> None:
        self.refill()
        self._moved = True  # what the user's search put under the cursor stays there

    @property
    def option_count(self) -> int:
        """Rows in the list (headers included)."""
        return len(self.rows)

    @property
    def current(self) -> Entry | None:
        if self.highlighted is None or not (0 <= self.highlighted < len(self.shown)):
            return None
        return self.shown[self.highlighted]

    def refill(self) -> None:
        """Rebuild the rows for the current stories, query and marks. The cursor stays on
        the entry the user put it on; until then (and if that entry is filtered out) on
        the first row, however the rows are regrouped or added above it."""
        before = self.current
        keep = before if self._moved else None
        articles = [e for e in self.entries if isinstance(e, Article)]
        errors = [Row("error", e) for e in self.entries if isinstance(e, LoadError)]
        self.rows = filtered(story_rows(articles, self.stories) + errors, self.query)
        self._shown_rows = [n for n, row in enumerate(self.rows) if row.entry is not None]
        self.shown = [self.rows[n].entry for n in self._shown_rows]  # type: ignore[misc]
        self.set_heights((row.height for row in self.rows), self._width or self.size.width)
        self._strips.clear()
        self._texts.clear()
        position = None
        if keep is not None:
            position = next((n for n, e in enumerate(self.shown) if e is keep), None)
        if position is None and self.shown:
            position = 0
        if position != self.highlighted or self.current is not before:
            self._place(position)
        if self.query or self.border_subtitle is not None:  # a kept filter stays in sight
            self.border_subtitle = (Text(f"/{self.query} · {len(self.shown)} of "
                                         f"{len(self.entries)}") if self.query else None)
        self.refresh()

    # -- rendering --------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-list--{name}", partial=True)

    def _row_lines(self, row: Row) -> list[Text]:
        entry = row.entry
        if row.role == "header":
            story = row.story
            assert story is not None
            line = Text(f"▾ {len(story.members)} versions · ", style=self._style("header"))
            line.append(story_title(story), self._style("header"))
            return [line]
        if isinstance(entry, LoadError):
            title = Text("⚠ ", style=self._style("error"))
            title.append(entry.path.replace("\\", "/").rsplit("/", 1)[-1], self._style("error"))
            return [title, Text("  " + entry.reason, style=self._style("meta"))]
        assert isinstance(entry, Article)
        indent = "" if row.role == "single" else "  "
        title = Text(indent)
        if row.role == "original":
            title.append("★ ", self._style("original"))
        elif row.role == "version":
            title.append("↳ ", self._style("meta"))
        if entry is self.marked:
            title.append("◆ ", self._style("marker"))
        title.append(entry.title or entry.name, "bold")
        meta = meta_line(entry, brief=True)
        if row.role == "original":
            meta += " · likely original"
        elif row.role == "version" and row.story is not None:
            judged = row.story.derivation(entry)
            if any(entry is take for take in row.story.takes):
                meta = "wire take · " + meta.removeprefix("wire copy · ")  # said once
            elif judged is not None:  # first, so a narrow list still shows it
                meta = f"{judged.verdict} · {meta}"
        return [title, Text(indent + ("  " if indent else "") + meta, style=self._style("meta"))]

    def render_line(self, y: int) -> Strip:
        base_style = self.paint_style
        line = self.scroll_offset.y + y
        width = self.size.width
        if line >= self.line_count:
            return Strip.blank(width, base_style)
        index = self.row_at(line)
        offset = line - self._starts[index]
        cursor = self.current is not None and self.rows[index].entry is self.current
        key = (index, offset, cursor)
        strip = self._strips.get(key)
        if strip is None:
            lines = self._texts.get(index)
            if lines is None:  # built once for all its lines, not once per line and paint
                lines = self._texts[index] = self._row_lines(self.rows[index])
            text = Text("▌" if cursor else " ", end="")
            text.append_text(lines[offset])
            text.truncate(width, overflow="ellipsis")
            base = base_style + (self._style("cursor") if cursor else Style())
            strip = text_strip(text, width, base, self.app.console)
            self._strips[key] = strip
        return strip

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        """Take a new width as soon as a layout gives it, before that layout is painted
        (a Resize message would come after the paint, and a new virtual size then
        costs a second layout and paint)."""
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.size.width != self._width:
            self._width = self.size.width
            self._strips.clear()
            self.virtual_size = Size(self._width, self.line_count)
        return changed

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._texts.clear()

    def _on_focus(self, event: events.Focus) -> None:
        self._strips.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._strips.clear()
        self.refresh()

    # -- cursor -----------------------------------------------------------------------

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.shown:
            return None
        return max(0, min(value, len(self.shown) - 1))

    def _place(self, position: int | None) -> None:
        """Move the cursor for the list's own reasons (a load, a regrouping)."""
        self._placing = True
        try:
            self.highlighted = position
        finally:
            self._placing = False

    def watch_highlighted(self, value: int | None) -> None:
        if not self._placing and value is not None:
            self._moved = True
        self._strips.clear()
        self.refresh()
        if value is not None:
            self.scroll_to_highlight()
        self.post_message(self.Highlighted(self, self.current))

    def scroll_to_highlight(self) -> None:
        if self.highlighted is None:
            return
        index = self._shown_rows[self.highlighted]
        header = 1 if index and self.rows[index - 1].role == "header" else 0  # keep a
        # story's header in view with its first version
        self.scroll_to_region(self.row_region(index, header), animate=False, force=True)

    def action_move(self, step: int) -> None:
        if self.shown:
            self.highlighted = (0 if self.highlighted is None else self.highlighted + step)

    def action_first(self) -> None:
        if self.shown:
            self.highlighted = 0

    def action_last(self) -> None:
        if self.shown:
            self.highlighted = len(self.shown) - 1

    def action_page(self, direction: int) -> None:
        if not self.shown or self.highlighted is None:
            return
        starts = [self._starts[n] for n in self._shown_rows]
        self.highlighted = page_target(starts, self.highlighted, direction, self.page_lines)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current))

    def on_click(self, event: events.Click) -> None:
        line = self.scroll_offset.y + event.y
        if not (0 <= line < self.line_count):
            return
        index = self.row_at(line)
        entry = self.rows[index].entry
        if entry is None:
            return
        if entry is self.current:
            self.post_message(self.Selected(self, entry))
            return
        self.highlighted = self.shown.index(entry)
