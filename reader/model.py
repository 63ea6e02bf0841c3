"""Plain data objects that flow through the core: file -> Source -> Article (what comparing
two articles produces is in `reader.comparison_model`).

Every stage takes and returns these dataclasses so the CLI, the TUI and the exports
render the same objects. Nothing here imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

@dataclass(frozen=True)
class Source:
    """A decoded, newline-normalised and control-character-safe text file.

    `text` is what every character offset in the project points into.
    """

    path: str
    text: str
    encoding: str
    size: int  # bytes on disk
    sha256: str  # of the raw bytes: cache key
    kind: Literal["text", "html"] = "text"


@dataclass(frozen=True)
class LoadError:
    """A file that could not be read, with one user-facing line saying why."""

    path: str
    reason: str

    def message(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Removed:
    """A line the cleaner threw away and the reason code it gives a user."""

    text: str
    reason: str
    start: int  # offsets into Article.text
    end: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `text == article.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(eq=False)
class Article:
    """A cleaned article. Unknown metadata is None, never a guess.

    Compared by identity, so derived data (sentences) can be cached per object."""

    path: str
    text: str  # the text offsets point into (the decoded source, or extracted HTML text)
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    url: str | None = None
    attribution: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    encoding: str = "utf-8"
    sha256: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    @property
    def name(self) -> str:
        """Short label for lists: the file name."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    def metadata(self) -> dict[str, str | list[str] | None]:
        """Where it came from and what it says about itself, as JSON values: the start of
        every dict form of an article (the CLI's JSON, the cache)."""
        return {"path": self.path, "title": self.title, "byline": self.byline,
                "date": self.date, "dateline": self.dateline, "outlet": self.outlet,
                "url": self.url, "attribution": list(self.attribution),
                "encoding": self.encoding}
