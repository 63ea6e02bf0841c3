"""Choose the counterpart B for an article from the others, ranked by shared text."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from reader.compare import rank_counterparts
from reader.model import Article


def ranked_prompt(article: Article, share: float, current: bool) -> Text:
    prompt = Text(f"{share:>4.0%}  ", "bold")
    prompt.append(article.title or article.name, "bold" if current else "")
    prompt.append(f"\n      {article.outlet or 'outlet unknown'} · {article.name}", "dim")
    if current:
        prompt.append(" · current B", "italic")
    return prompt


class PickerScreen(ModalScreen[Article | None]):
    """Other articles, best overlap with A first; enter picks, escape cancels."""

    BINDINGS = [
        Binding("j", "pick_move('cursor_down')", "Down", show=False, id="picker.down"),
        Binding("k", "pick_move('cursor_up')", "Up", show=False, id="picker.up"),
        Binding("q,escape", "cancel", "Cancel", id="picker.cancel"),
    ]

    def __init__(self, article: Article, current: Article | None = None) -> None:
        super().__init__()
        self.article = article
        self.current = current
        self.ranking: list[tuple[Article, float]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Text("Compare with… (share of A's text found in each)"),
                         id="picker-title")
            yield LoadingIndicator()
            yield OptionList(id="picker-options")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self.rank()

    @work(thread=True, exclusive=True)
    def rank(self) -> None:
        app = self.app
        ranking = app.rankings.get(self.article)
        if ranking is None:
            ranking = rank_counterparts(self.article, app.library.articles)
        app.call_from_thread(self._ranked, ranking)

    def _ranked(self, ranking: list[tuple[Article, float]]) -> None:
        self.ranking = ranking
        self.query_one(LoadingIndicator).display = False
        options = self.query_one(OptionList)
        options.add_options([Option(ranked_prompt(a, share, a is self.current))
                             for a, share in ranking])
        options.display = True
        options.highlighted = 0 if ranking else None
        options.focus()

    def action_pick_move(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.ranking[event.option_index][0])
