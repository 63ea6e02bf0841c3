"""What the app's screens share, in one typed object.

Screens read it and change it on the UI thread only: workers compute in their thread
and post a message, and the message's handler (UI thread) stores the result here and
refreshes the widgets that show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.library import Library
from reader.model import Article, LoadError

if TYPE_CHECKING:  # the core's heavy modules load in workers, after the first screen
    from reader.corpus.provenance import SourceCandidate
    from reader.corpus.stories import Story


@dataclass
class ReaderState:
    """The loaded library, its stories once grouped, counterpart rankings computed so
    far, and the article marked as B for the next compare."""

    library: Library = field(default_factory=Library)
    stories: list[Story] | None = None  # None until grouping has run
    story_of: dict[int, Story] = field(default_factory=dict)  # id(article) -> its story
    rankings: dict[Article, list[SourceCandidate]] = field(default_factory=dict)
    marked: Article | None = None

    def add_entries(self, entries: Iterable[Article | LoadError]) -> None:
        library = self.library
        for entry in entries:
            (library.errors if isinstance(entry, LoadError) else library.articles).append(entry)

    def set_stories(self, stories: list[Story]) -> None:
        self.stories = stories
        self.story_of = {id(a): story for story in stories for a in story.members}

    def story(self, article: Article) -> Story | None:
        """The story `article` belongs to (None before grouping)."""
        return self.story_of.get(id(article))

    def toggle_mark(self, article: Article) -> Article | None:
        """Mark `article` as B, or unmark it if it was; the mark now."""
        self.marked = None if self.marked is article else article
        return self.marked
