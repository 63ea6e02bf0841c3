"""Plain data objects that flow through the core: file -> Source -> Article -> Alignment.

Every stage takes and returns these dataclasses so the CLI, the TUI and the exports
render the same objects. Nothing here imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PairKind = Literal["same", "changed", "dropped", "added"]
OpTag = Literal["equal", "replace", "insert", "delete"]


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


@dataclass(frozen=True)
class Sentence:
    """A sentence with offsets into its article's text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int
    paragraph: int = 0  # index of the paragraph it came from


@dataclass(frozen=True)
class Pair:
    """One alignment link. `a`/`b` index the two sentence lists; one side may be empty."""

    kind: PairKind
    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float  # 0-100 similarity
    moved: bool = False


@dataclass
class Alignment:
    """Every sentence of both sides appears in exactly one pair, in reading order of A
    (added sentences are placed where they occur in B)."""

    a: list[Sentence]
    b: list[Sentence]
    pairs: list[Pair]

    def counts(self) -> dict[str, int]:
        """Sentences per category, counted on the A side (B side for `added`)."""
        out = {"same": 0, "changed": 0, "dropped": 0, "added": 0, "moved": 0}
        for p in self.pairs:
            out[p.kind] += len(p.b) if p.kind == "added" else len(p.a)
            if p.moved:
                out["moved"] += len(p.a)
        return out

    def share_of_b_from_a(self) -> float:
        """Fraction of B's characters that sit in sentences aligned to A (0-1)."""
        total = sum(len(s.text) for s in self.b)
        if not total:
            return 0.0
        kept = sum(len(self.b[j].text) for p in self.pairs if p.a for j in p.b)
        return kept / total


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets into the sentence text
    end: int


@dataclass(frozen=True)
class Opcode:
    """A token-level edit: tokens a[a1:a2] become b[b1:b2]."""

    tag: OpTag
    a1: int
    a2: int
    b1: int
    b2: int


@dataclass
class WordDiff:
    a: list[Token]
    b: list[Token]
    ops: list[Opcode]
