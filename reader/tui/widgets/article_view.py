"""The reading pane: one cleaned article (or a load error) as wrapped, searchable lines.

A line-API widget (a RowScrollView of one-line rows): blocks (title, metadata, paragraphs and, on
request, the removed lines in place) are wrapped at the current width, and only the
visible lines are rendered. Article text only ever enters rich Text objects.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip

from reader.model import Article, LoadError, Paragraph, Removed
from reader.render.labels import meta_line
from reader.tui.widgets.rows import RowScrollView, move_bindings, text_strip
from reader.tui.widgets.wrap import wrap


def body_in_order(article: Article, with_removed: bool) -> list[Paragraph | Removed]:
    """Paragraphs, and optionally removed lines, in the order they sit in the source."""
    items: list[Paragraph | Removed] = list(article.paragraphs)
    if with_removed:
        items += article.removed
    return sorted(items, key=lambda item: item.start)


def article_text(article: Article) -> str:
    """What `c` copies: title and cleaned body."""
    return "\n\n".join(([article.title] if article.title else []) + [p.text for p in article.paragraphs])


class ArticleView(RowScrollView):
    """A scrollable cleaned article with in-text search (the moves scroll it)."""

    HELP_TITLE = "Reading pane"

    BINDINGS = [
        *move_bindings("article", down="Down", up="Up", page_down="Page down",
                       page_up="Page up", first="Top", last="Bottom"),
        Binding("n", "match(1)", "Next match", id="article.next_match"),
        Binding("N", "match(-1)", "Prev match", id="article.prev_match"),
        Binding("c", "copy", "Copy", id="article.copy"),
    ]

    COMPONENT_CLASSES = {"article--title", "article--meta", "article--removed",
                         "article--reason", "article--match", "article--error"}

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: scroll;  /* always there: the wrap width never depends on the article's
                                length, and the bar is in the first frame already */
        scrollbar-background: $background;  /* no track: a short text shows no bar at all */
        scrollbar-background-hover: $background;
        scrollbar-background-active: $background;
        padding: 0 1;
        & > .article--title { text-style: bold; color: $text-primary; }
        & > .article--meta { color: $text-muted; }
        & > .article--removed { color: $text-disabled; text-style: italic; }
        & > .article--reason { color: $text-warning; text-style: bold; }
        & > .article--match { background: $warning; color: $text; text-style: bold underline; }
        & > .article--error { color: $text-error; text-style: bold; }
    }
    """

    show_removed: reactive[bool] = reactive(False)
    query: reactive[str] = reactive("")

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.error: LoadError | None = None
        self._lines: list[Text] = []
        self._matches: list[int] = []  # screen line of each search match
        self._match_index = -1
        self._width = 0
        self._strips: LRUCache[int, Strip] = LRUCache(1024)

    def on_mount(self) -> None:
        """Place the scrollbar in the first layout (overflow-y is `scroll`): Textual
        would only add it after that layout, one more layout and paint later."""
        self.show_vertical_scrollbar = True
        self.vertical_scrollbar.display = True

    def show_article(self, article: Article | None) -> None:
        self.article, self.error = article, None
        self._relayout(reset=True)

    def show_error(self, error: LoadError) -> None:
        self.article, self.error = None, error
        self._relayout(reset=True)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article--{name}", partial=True)

    def _blocks(self) -> list[Text | None]:
        """Texts to wrap; None separates paragraphs with a blank line."""
        if self.error is not None:
            return [Text("Could not read this file", style=self._style("error")),
                    Text(self.error.path, style=self._style("meta")), None,
                    Text(self.error.reason)]
        if self.article is None:
            return [Text("No article selected.", style=self._style("meta"))]
        article = self.article
        blocks = [Text(article.title or article.name, style=self._style("title")),
                  Text(meta_line(article), style=self._style("meta"))]
        previous_removed = False
        for item in body_in_order(article, self.show_removed):
            removed = isinstance(item, Removed)
            if not (removed and previous_removed):  # runs of removed lines stay together
                blocks.append(None)
            previous_removed = removed
            if removed:
                line = Text(f"✂ {item.reason}: ", style=self._style("reason"))
                line.append(item.text, self._style("removed"))
                blocks.append(line)
            else:
                blocks.append(Text(item.text))
        if not article.paragraphs:
            blocks += [None, Text("The cleaner found no article body in this file.",
                               style=self._style("meta"))]
        return blocks

    def _relayout(self, reset: bool = False) -> None:
        """Wrap every block at the current width and locate search matches. Before the
        first layout there is no width yet: `_size_updated` wraps then."""
        self._width = self.scrollable_content_region.width or self.size.width
        self._strips.clear()
        self._lines, self._matches = [], []
        if not self._width:
            return
        pattern = re.compile(re.escape(self.query), re.IGNORECASE) if self.query else None
        for block in self._blocks():
            if block is None:
                self._lines.append(Text())
                continue
            block.end = ""
            found = list(pattern.finditer(block.plain)) if pattern else []
            for match in found:
                block.stylize(self._style("match"), match.start(), match.end())
            first = len(self._lines)
            lines = wrap(block, self._width)
            offsets = [0]
            for line in lines[:-1]:
                offsets.append(offsets[-1] + len(line.plain))
            for match in found:
                self._matches.append(first + max(bisect_right(offsets, match.start()) - 1, 0))
            self._lines += lines
        if reset:  # a new article; a re-wrap (resize, restyle on focus) keeps the place
            self._match_index = -1
        self._match_index = min(self._match_index, len(self._matches) - 1)
        self.set_heights(repeat(1, len(self._lines)), self._width)
        if reset:
            self.scroll_home(animate=False)
        self._show_search_state()
        self.refresh()

    def _show_search_state(self) -> None:
        """The query and the match under the cursor, on the bottom border ("/idlib ·
        2/7"), so a kept search is visible after its box closes."""
        if not self.query:
            if self.border_subtitle is not None:
                self.border_subtitle = None
            return
        count = len(self._matches)
        place = f"{self._match_index + 1}/{count}" if self._match_index >= 0 else f"{count}"
        state = place + (" matches" if self._match_index < 0 and count != 1 else "")
        self.border_subtitle = Text(f"/{self.query} · {state if count else 'no match'}")

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        """Re-wrap as soon as a layout gives a new width, before that layout is painted
        (a Resize message would come after the paint: one frame wrapped at the old width,
        then a second layout and paint)."""
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.scrollable_content_region.width != self._width:
            self._relayout()
        return changed

    def watch_show_removed(self) -> None:
        self._relayout()

    def watch_query(self) -> None:
        self._relayout()
        self._match_index = -1  # a new search starts at its first match
        if self._matches:
            self.action_match(1)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._width:
            self._relayout()

    def render_line(self, y: int) -> Strip:
        base_style = self.paint_style
        line = self.scroll_offset.y + y
        if line >= len(self._lines):
            return Strip.blank(self.size.width, base_style)
        strip = self._strips.get(line)
        if strip is None:
            strip = text_strip(self._lines[line], self._width, base_style, self.app.console)
            self._strips[line] = strip
        return strip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Match keys only show (and work) while there is a search."""
        if action == "match":
            return bool(self.query)
        return True

    def action_match(self, step: int) -> None:
        """Scroll the next (1) or previous (-1) search match into view."""
        if not self._matches:
            if self.query:
                self.notify("No match", severity="warning", markup=False)
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        target = self._matches[self._match_index]
        self.scroll_to(y=max(target - 2, 0), animate=False)
        self._show_search_state()

    def action_copy(self) -> None:
        if self.article is not None:
            self.app.copy_to_clipboard(article_text(self.article))
            self.notify("Copied the cleaned article", markup=False)
