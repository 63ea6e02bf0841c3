"""Choose the counterpart B for an article from the others, ranked by provenance.

Each candidate shows how much of A it explains, which side likely came first and the
core's first reason. A's own story is ranked first (fast); the corpus shortlist is
added when it is ready, so a large folder never keeps the picker empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Article
from reader.render.labels import outlet_label
from reader.tui.counterparts import (
    DIRECTION_LABEL, first_reason, merged, ranked, story_versions, unrelated,
)
from reader.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from reader.corpus.provenance import SourceCandidate
    from reader.corpus.stories import Story


def ranked_prompt(candidate: SourceCandidate, current: bool) -> Text:
    """Explained share, direction and title; then outlet, file and the first reason."""
    article = candidate.article
    prompt = Text(f"{candidate.explained:>4.0%}  ", "bold")
    prompt.append(f"{DIRECTION_LABEL.get(candidate.direction, candidate.direction):<17} ",
                  "bold" if candidate.direction == "original" else "")
    prompt.append(article.title or article.name, "bold" if current else "")
    prompt.append(f"\n      {outlet_label(article)} · {article.name}")
    if current:
        prompt.append(" · current B", "italic")
    reason = first_reason(candidate)
    if reason:
        prompt.append(f"\n      {reason}", "italic")
    return prompt


class PickerScreen(ModalScreen[Article | None]):
    """Other articles, most of A explained first; enter picks, escape cancels."""

    HELP_TITLE = "Counterpart picker"

    BINDINGS = [
        Binding("j", "pick_move('cursor_down')", "Down", show=False, id="picker.down"),
        Binding("k", "pick_move('cursor_up')", "Up", show=False, id="picker.up"),
        Binding("q,escape", "cancel", "Cancel", id="picker.cancel"),
    ]

    class Ranked(Message):
        """Ranking worker -> screen: candidates so far; `final`: the whole corpus."""

        bubble = False

        def __init__(self, ranking: list[SourceCandidate], final: bool) -> None:
            super().__init__()
            self.ranking, self.final = ranking, final

    def __init__(self, article: Article, current: Article | None = None) -> None:
        super().__init__()
        self.article = article
        self.current = current
        self.ranking: list[SourceCandidate] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Text("Compare with… (share of A each explains · which came first · "
                              "why)"), id="picker-title")
            yield OptionList(id="picker-options")
            yield LoadingIndicator()
            yield Static(id="picker-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        state = self.app.state
        done = state.rankings.get(self.article)
        if done is not None:
            self._show(done, True)
        else:
            self.rank(state.story(self.article), list(state.library.articles))

    @work(thread=True, exclusive=True,
          description="rank counterparts")  # not the default: repr() of the arguments
    def rank(self, story: Story | None, corpus: list[Article]) -> None:
        """The story's versions first, then the whole corpus's shortlist, then (to
        compare with anyway) articles that share nothing with A."""
        versions = story_versions(self.article, story)
        first = ranked(self.article, versions) if versions else []
        if first:
            self.post_message(self.Ranked(first, False))
        full = merged(first, ranked(self.article, corpus))
        self.post_message(self.Ranked(full + unrelated(self.article, corpus, full), True))

    @on(Ranked)
    def _ranked(self, message: Ranked) -> None:
        if message.final:  # kept for the next picker or compare on this article
            self.app.state.rankings[self.article] = message.ranking
        if self.is_attached:  # not dismissed while the worker ranked
            self._show(message.ranking, message.final)

    def _show(self, ranking: list[SourceCandidate], final: bool) -> None:
        options = self.query_one(OptionList)
        keep = options.highlighted
        chosen = self.ranking[keep].article if keep is not None and self.ranking else None
        self.ranking = ranking
        options.clear_options()
        options.add_options([Option(ranked_prompt(c, c.article is self.current))
                             for c in ranking])
        options.display = bool(ranking)
        position = next((n for n, c in enumerate(ranking) if c.article is chosen), 0)
        options.highlighted = position if ranking else None
        self.query_one(LoadingIndicator).display = not final
        status = self.query_one("#picker-status", Static)
        if not final:
            status.update(Text("Versions of this story; searching the rest of the corpus…"))
        elif not ranking:
            status.update(Text("No other article shares wording with this one."))
        else:
            status.display = False
        if ranking and self.focused is None:
            options.focus()

    def action_pick_move(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.ranking[event.option_index].article)
