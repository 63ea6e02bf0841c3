"""What comparing two articles produces: sentences, aligned pairs and word diffs.

Apart from `reader.model` (files and articles), which is all the app needs to start: these
classes load with the aligner, after the first screen. Nothing here imports textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PairKind = Literal["same", "changed", "dropped", "added"]
Section = Literal["headline", "standfirst", "body"]  # where in the article a sentence stands
STRONG_LINK = 45  # aligner score a pair needs to count as shared text (weaker: same topic)
OpTag = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True)
class Sentence:
    """A sentence with offsets into its article's text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int
    paragraph: int = 0  # index of the paragraph it came from
    section: Section = "body"


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

    def explained(self, ignore_a: frozenset[int] = frozenset(),
                  ignore_b: frozenset[int] = frozenset()) -> tuple[float, float]:
        """Shares (0-1) of A's and of B's characters in pairs scoring at least STRONG_LINK:
        what each side takes from the other (sentences merely about the same thing do not
        count). Sentences of the ignored paragraphs (boilerplate) count on neither side.
        The one measure of a relation that the CLI, the TUI and the reports all show."""
        a_ok = [s.paragraph not in ignore_a for s in self.a]
        b_ok = [s.paragraph not in ignore_b for s in self.b]
        a_chars = b_chars = 0
        for pair in self.pairs:
            if pair.a and pair.b and pair.score >= STRONG_LINK:
                a_chars += sum(len(self.a[i].text) for i in pair.a if a_ok[i])
                b_chars += sum(len(self.b[j].text) for j in pair.b if b_ok[j])
        a_total = sum(len(s.text) for s, ok in zip(self.a, a_ok) if ok) or 1
        b_total = sum(len(s.text) for s, ok in zip(self.b, b_ok) if ok) or 1
        return a_chars / a_total, b_chars / b_total


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

    def changed_spans(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(start, end) character spans of the A text that were deleted or replaced, and
        of the B text that were inserted or replacements, in order: what a view marks."""
        a, b = [], []
        for op in self.ops:
            if op.tag != "equal" and op.a1 < op.a2:
                a.append((self.a[op.a1].start, self.a[op.a2 - 1].end))
            if op.tag != "equal" and op.b1 < op.b2:
                b.append((self.b[op.b1].start, self.b[op.b2 - 1].end))
        return a, b
