"""The whole story at once: the original's sentences down the side, a column per version.

Each cell is one mark (= kept, ~ changed, ! a fact drifted, - dropped, ↕ moved; + for a
sentence the version added, listed after the original's); the line under the table says
what the selected cell holds, and enter opens that pair's comparison at that row. The
alignments run in a worker with a progress bar; the table is built from the core's
StoryTable (reader.corpus.story), so the CLI and the app show the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import get_current_worker

from reader.corpus.story import StoryTable, side_label, story_table
from reader.model import Article
from reader.render.labels import outlet_label
from reader.render.story import LEGEND, mark
from reader.tui.widgets.key_bar import KeyBar

SENTENCE_WIDTH = 200  # characters of a sentence kept in its cell (the column clips it)


def _one_line(text: str) -> Text:
    return Text(" ".join(text.split())[:SENTENCE_WIDTH])


class StoryGrid(DataTable):
    """The table of marks; enter on a cell opens that version's comparison at its row."""

    HELP_TITLE = "Story table"

    BINDINGS = [
        Binding("enter", "select_cursor", "Compare", id="story.open",
                tooltip="this cell's version against the original, at this row"),
    ]


class StoryScreen(Screen[None]):
    """`original` against each of `versions`."""

    HELP_TITLE = "Story"
    HELP_PARTS = (StoryGrid,)

    BINDINGS = [Binding("q,escape", "back", "Back", id="story.back")]

    DEFAULT_CSS = """
    #story-header { height: auto; max-height: 50%; padding: 0 1; }
    #story-progress { margin: 0 1; }
    #story-table { height: 1fr; }
    #story-cell { height: auto; max-height: 6; padding: 0 1; background: $boost; }
    """

    class Progress(Message):
        bubble = False

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class Built(Message):
        bubble = False

        def __init__(self, table: StoryTable) -> None:
            super().__init__()
            self.table = table

    def __init__(self, original: Article, versions: Sequence[Article],
                 original_is_take: bool = False) -> None:
        super().__init__()
        self.original, self.versions = original, list(versions)
        self.original_is_take = original_is_take  # a wire take down the side (`down_the_side`)
        self.table: StoryTable | None = None
        self._cells: dict[tuple[int, int], tuple[int, int]] = {}  # (row, column) -> (version, pair)

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="story-header")
        yield ProgressBar(total=len(self.versions) or 1, show_eta=False, id="story-progress")
        yield StoryGrid(cursor_type="cell", zebra_stripes=True, id="story-table")
        yield Static(Text(LEGEND, style="dim"), id="story-cell")
        yield KeyBar()

    @classmethod
    def opens(cls) -> tuple[type[Screen], ...]:
        from reader.tui.screens.compare import CompareScreen

        return (CompareScreen,)

    def on_mount(self) -> None:
        self.build(self.original, self.versions, self.app.use_cache)

    def _header(self) -> Text:
        text = Text("Story: ", style="bold")
        text.append(self.original.title or self.original.name)
        text.append(f"\n{side_label(self.original_is_take)}: {self.original.name} ({outlet_label(self.original)})",
                    style="dim")
        if self.table is None:
            text.append(f"\nComparing with {len(self.versions)} versions…", style="dim")
            return text
        for v, article in enumerate(self.table.versions):
            s = self.table.comparisons[v].summary()
            verdict = self.table.verdict(v)
            text.append(f"\n[{v + 1}] ", style="bold")
            text.append(f"{outlet_label(article)} · {article.name}: ")
            text.append(f"{s.same} kept, {s.changed} changed, {s.dropped} dropped, "
                        f"{s.added} added · {verdict}", style="dim")
        return text

    @work(thread=True, exclusive=True, group="story", description="compare the versions")
    def build(self, original: Article, versions: list[Article], use_cache: bool) -> None:
        """Every comparison (from the cache when it has them), drift included."""
        from reader.cache import Cache

        worker = get_current_worker()

        def progress(done: int, total: int, _path: str) -> None:
            if not worker.is_cancelled:
                self.post_message(self.Progress(done, total))

        with Cache() if use_cache else nullcontext() as store:
            table = story_table(original, versions, progress, store, self.original_is_take)
        for v in range(len(versions)):
            table.cells(v)  # the drift checks run here, off the UI thread
        if not worker.is_cancelled:
            self.post_message(self.Built(table))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)

    @on(Built)
    def _built(self, message: Built) -> None:
        self.table = table = message.table
        self.query_one(ProgressBar).display = False
        self.query_one("#story-header", Static).update(self._header())
        grid = self.query_one(DataTable)
        n = len(table.versions)
        rows: list[tuple[Text, ...]] = []
        columns = [table.cells(v) for v in range(n)]
        for i, sentence in enumerate(table.sentences):
            marks = []
            for v in range(n):
                cell = columns[v][i]
                marks.append(Text(mark(cell), style="bold" if cell.drift else ""))
                self._cells[(i, v + 1)] = (v, cell.pair)
            rows.append((Text(str(i + 1)), *marks, _one_line(sentence.text)))
        for v in range(n):
            cmp = table.comparisons[v]
            for index, pair in enumerate(cmp.pairs):
                if pair.kind == "added":
                    self._cells[(len(rows), v + 1)] = (v, index)
                    text = " ".join(cmp.alignment.b[j].text for j in pair.b)
                    rows.append((Text("+"), *(Text("+" if w == v else "") for w in range(n)),
                                 _one_line(text)))
        # every width fixed before the rows go in: the grid is laid out once, never
        # re-measured while it paints
        grid.add_column(Text("#"), key="row", width=max(2, len(str(len(table.sentences)))))
        for v in range(n):
            grid.add_column(Text(str(v + 1)), key=f"v{v}", width=max(2, len(str(v + 1))))
        grid.add_column(Text("sentence"), key="sentence",
                        width=max([len("sentence"), *(row[-1].cell_len for row in rows)]))
        grid.add_rows(rows)
        grid.focus()

    def _where(self) -> tuple[int, int] | None:
        """(version, pair) of the cell under the cursor, or None for the other columns."""
        grid = self.query_one(DataTable)
        return self._cells.get((grid.cursor_coordinate.row, grid.cursor_coordinate.column))

    @on(DataTable.CellHighlighted)
    def _describe(self) -> None:
        where, table = self._where(), self.table
        line = self.query_one("#story-cell", Static)
        if where is None or table is None:
            line.update(Text(LEGEND, style="dim"))
            return
        v, index = where
        cmp = table.comparisons[v]
        pair = cmp.pairs[index]
        text = Text(f"[{v + 1}] {table.versions[v].name}: ", style="bold")
        text.append(f"{pair.kind}{', moved' if pair.moved else ''}, score {pair.score:.0f}")
        for d in cmp.drift(index):
            text.append(f"\n! {d.kind} · {d.note}")
        line.update(text)

    @on(DataTable.CellSelected)
    def open_cell(self) -> None:
        from reader.tui.screens.compare import CompareScreen

        where = self._where()
        if where is None or self.table is None:
            return
        v, index = where
        self.app.push_screen(CompareScreen(self.original, self.table.versions[v], at_pair=index))

    def action_back(self) -> None:
        self.dismiss()
