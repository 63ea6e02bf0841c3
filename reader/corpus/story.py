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
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from reader.compare import Comparison, compare, sentences_of
from reader.comparison_model import Alignment, Pair

if TYPE_CHECKING:
    from reader.comparison_model import Sentence
    from reader.corpus.sketch import SketchStore
    from reader.corpus.stories import Story
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

    original: Article  # down the side: the story's original, or one of its wire takes
    versions: list[Article]
    comparisons: list[Comparison]  # original vs each version, same order
    derivations: list[dict | None] = field(default_factory=list)
    original_is_take: bool = False  # a later take or night lead chosen for the side

    @property
    def side_label(self) -> str:
        return side_label(self.original_is_take)

    @property
    def sentences(self) -> list[Sentence]:
        return sentences_of(self.original)

    @cached_property
    def _takes(self) -> frozenset[int]:
        from reader.corpus.wire import takes_of_their_stories

        ids = {id(a) for a in takes_of_their_stories([self.original], self.versions)}
        return frozenset(v for v, a in enumerate(self.versions) if id(a) in ids)

    def is_take(self, version: int) -> bool:
        """Whether the version is another take of the original's wire story (a later
        page, a substitute, a sidebar): the wire story itself, whose verdict against
        the first take says nothing of copying."""
        return version in self._takes

    def verdict(self, version: int) -> str:
        """What the version's column says of it: "wire take", its derivation verdict
        against the original (and the wire story's other takes), or "derivation not
        judged"."""
        if self.is_take(version):
            return "wire take"
        derivation = self.derivations[version] if version < len(self.derivations) else None
        return derivation["verdict"] if derivation else "derivation not judged"

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
            "original_is_take": self.original_is_take,
            "title": self.original.title,
            "versions": [{"path": a.path, "title": a.title, "outlet": a.outlet,
                          "derivation": d, "wire_take": self.is_take(v)}
                         for v, (a, d) in enumerate(zip(self.versions, self.derivations))],
            "rows": [{"sentence": s.text, "section": s.section,
                      "cells": {a.path: col[i].to_dict() for a, col in zip(self.versions, columns)}}
                     for i, s in enumerate(self.sentences)],
            "added": {a.path: self.added(v) for v, a in enumerate(self.versions)},
        }


class ComparisonStore(Protocol):
    """Where comparisons are kept between runs (the on-disk cache)."""

    def get_comparison(self, a_sha: str, b_sha: str) -> dict | None: ...
    def put_comparison(self, a_sha: str, b_sha: str, data: dict) -> None: ...


def story_table(original: Article, versions: Sequence[Article], progress: Progress | None = None,
                store: ComparisonStore | None = None, original_is_take: bool = False
                ) -> StoryTable:
    """Align the original with every version (progress after each), find the drift and
    judge derivation (against the original, and the other takes of its wire story when
    the versions hold some); with a `store`, what it holds for the same bytes is reused
    (a story opened again costs no alignment) and what is new is added. `original_is_take`:
    the article down the side is a wire take other than the story's original."""
    comparisons, derivations = [], []
    for done, version in enumerate(versions, 1):
        cmp, derivation = _compared(original, version, store)
        comparisons.append(cmp)
        derivations.append(derivation)
        if progress:
            progress(done, len(versions), version.path)
    table = StoryTable(original, list(versions), comparisons, derivations, original_is_take)
    takes = [table.versions[v] for v in sorted(table._takes)]
    if takes:  # a wire story sent in takes: each version against all of them, as a desk
        from reader.corpus.derivation import derive  # writes from the story as sent

        for v, version in enumerate(table.versions):
            if not table.is_take(v):
                others = [_compared(t, version, store)[0] for t in takes]  # kept like the rest
                derivations[v] = derive(version, [original, *takes], [comparisons[v], *others]).to_dict()
    return table


def _compared(a: Article, b: Article, store: ComparisonStore | None
              ) -> tuple[Comparison, dict | None]:
    if store is not None:
        data = store.get_comparison(a.sha256, b.sha256)
        cmp = _thawed(a, b, data) if data is not None else None
        if cmp is not None:
            return cmp, data["derivation"]
    cmp = compare(a, b)
    derivation = _derivation(cmp)
    if store is not None:
        store.put_comparison(a.sha256, b.sha256, _frozen(cmp, derivation))
    return cmp, derivation


def _frozen(cmp: Comparison, derivation: dict | None) -> dict:
    """A comparison's pairs and drift (and the verdict) as plain JSON."""
    return {"pairs": [[p.kind, list(p.a), list(p.b), p.score, p.moved] for p in cmp.pairs],
            "drift": {str(i): [d.to_dict() for d in cmp.drift(i)]
                      for i, p in enumerate(cmp.pairs) if p.kind == "changed"},
            "derivation": derivation}


def _thawed(a: Article, b: Article, data: dict) -> Comparison | None:
    """The comparison `_frozen` stored, on today's sentences of the same bytes; None when
    it does not fit them."""
    from reader.drift import Drift

    sa, sb = sentences_of(a), sentences_of(b)
    try:
        pairs = [Pair(kind, tuple(x), tuple(y), score, moved)
                 for kind, x, y, score, moved in data["pairs"]]
        drift = {int(i): [Drift(**d) for d in found] for i, found in data["drift"].items()}
    except (KeyError, TypeError, ValueError):
        return None
    if sorted(i for p in pairs for i in p.a) != list(range(len(sa))) or \
            sorted(j for p in pairs for j in p.b) != list(range(len(sb))):
        return None
    return Comparison(a, b, Alignment(sa, sb, pairs), _drift=drift)


def side_label(original_is_take: bool) -> str:
    """What the article down the side is to its story, for a header."""
    return "Wire take" if original_is_take else "Original"


def down_the_side(article: Article, story: Story) -> tuple[Article, bool]:
    """The article a story table reads down the side when a user asks from `article`,
    and whether it is a wire take rather than the original: the story's likely original
    (or `article` when nothing singles one out), but `article` itself when it is one of
    the original's wire takes (a night lead holds the whole story the papers wrote from,
    where the first take may be a few lines of it)."""
    if any(article is t for t in story.takes):
        return article, True
    return story.original or article, False


def story_members(article: Article, corpus: Sequence[Article], store: SketchStore | None = None
                  ) -> tuple[Article, list[Article], bool]:
    """(the article down the side, the other versions, whether it is a wire take) of the
    story `article` belongs to in `corpus` (`down_the_side`). `store` keeps the grouping's
    sketches between runs."""
    from reader.corpus.stories import group_stories

    for story in group_stories([article, *[a for a in corpus if a is not article]], cache=store):
        if any(m is article for m in story.members):
            side, take = down_the_side(article, story)
            return side, [m for m in story.members if m is not side], take
    return article, [], False


def _derivation(cmp: Comparison) -> dict:
    """The version's derivation verdict against the original (as `reader diff` gives it)."""
    from reader.corpus.derivation import derivation_of

    return derivation_of(cmp).to_dict()
