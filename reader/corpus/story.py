"""The whole story at once: the original sentence by sentence, every version across.

A fact-checker with twenty versions of one story wants to see, for each sentence of
the original, which versions kept it, which changed it (and whether a fact drifted)
and which dropped it, then what each version added. That is one alignment of the
original with each version, read row by row on the original's side; nothing new is
computed that `reader diff` would not show for the same pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.compare import Comparison, compare, sentences_of

if TYPE_CHECKING:
    from reader.comparison_model import Sentence
    from reader.drift import Drift
    from reader.model import Article

Progress = Callable[[int, int, str], None]  # (done, total, path)


@dataclass(frozen=True)
class Cell:
    """What one version did with one sentence of the original."""

    kind: str  # "same" | "changed" | "dropped"
    score: float
    moved: bool
    pair: int  # index of the pair in that version's comparison (to open it at this row)
    drift: tuple[Drift, ...] = ()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "score": round(self.score, 1), "moved": self.moved,
                "drift": [d.to_dict() for d in self.drift]}


@dataclass
class StoryTable:
    """The original down the side, a column per version (in the order given)."""

    original: Article
    versions: list[Article]
    comparisons: list[Comparison]  # original vs each version, same order
    derivations: list[dict | None] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return sentences_of(self.original)

    def cells(self, version: int) -> list[Cell]:
        """One cell per sentence of the original for one version."""
        cmp = self.comparisons[version]
        out: list[Cell | None] = [None] * len(cmp.alignment.a)
        for index, pair in enumerate(cmp.pairs):
            for i in pair.a:
                out[i] = Cell(pair.kind, pair.score, pair.moved, index, tuple(cmp.drift(index)))
        return out  # type: ignore[return-value]  # every sentence is in exactly one pair

    def added(self, version: int) -> list[str]:
        """The version's sentences that the original lacks, in the version's order."""
        cmp = self.comparisons[version]
        return [cmp.alignment.b[j].text for p in cmp.pairs if p.kind == "added" for j in p.b]

    def to_dict(self) -> dict:
        columns = [self.cells(v) for v in range(len(self.versions))]
        return {
            "original": self.original.path,
            "title": self.original.title,
            "versions": [{"path": a.path, "title": a.title, "outlet": a.outlet,
                          "derivation": d} for a, d in zip(self.versions, self.derivations)],
            "rows": [{"sentence": s.text,
                      "cells": {a.path: col[i].to_dict() for a, col in zip(self.versions, columns)}}
                     for i, s in enumerate(self.sentences)],
            "added": {a.path: self.added(v) for v, a in enumerate(self.versions)},
        }


def story_table(original: Article, versions: Sequence[Article],
                progress: Progress | None = None) -> StoryTable:
    """Align the original with every version (progress after each) and judge derivation."""
    comparisons, derivations = [], []
    for done, version in enumerate(versions, 1):
        cmp = compare(original, version)
        comparisons.append(cmp)
        derivations.append(_derivation(cmp))
        if progress:
            progress(done, len(versions), version.path)
    return StoryTable(original, list(versions), comparisons, derivations)


def story_members(article: Article, corpus: Sequence[Article]) -> tuple[Article, list[Article]]:
    """(original, other versions) of the story `article` belongs to in `corpus`: the
    story's likely original, or `article` itself when nothing singles one out."""
    from reader.corpus.stories import group_stories

    for story in group_stories([article, *[a for a in corpus if a is not article]]):
        if any(m is article for m in story.members):
            original = story.original or article
            return original, [m for m in story.members if m is not original]
    return article, []


def _derivation(cmp: Comparison) -> dict | None:
    """The version's derivation verdict against the original, when the corpus package
    offers one."""
    try:
        from reader.corpus.derivation import derivation_of
    except ImportError:
        return None
    return derivation_of(cmp).to_dict()
