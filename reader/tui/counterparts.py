"""Which articles to offer as B for an article A, ranked by the core's provenance.

`reader.corpus.provenance.rank_sources` ranks by how much of A each candidate explains and says
which came first. Within A's story (the versions grouping linked) that is fast; over a
whole corpus it shortlists by wording, which costs a pass over every article. So the
default counterpart comes from the story when A has one, and the picker shows the story
first and adds the corpus shortlist when it is ready.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.model import Article

if TYPE_CHECKING:
    from reader.corpus.provenance import SourceCandidate
    from reader.corpus.stories import Story

DIRECTION_LABEL = {"original": "likely original", "derivative": "likely copy",
                   "sibling": "same wire source", "unclear": "direction unclear"}


def story_versions(article: Article, story: Story | None) -> list[Article]:
    """The other versions of `article` in its story (empty when it stands alone)."""
    if story is None:
        return []
    return [a for a in story.members if a is not article]


def ranked(article: Article, corpus: Sequence[Article]) -> list[SourceCandidate]:
    """rank_sources over `corpus` (without `article` itself)."""
    from reader.corpus.provenance import rank_sources

    return rank_sources(article, [a for a in corpus if a is not article])


def merged(*rankings: Iterable[SourceCandidate]) -> list[SourceCandidate]:
    """One ranking from several: each article once (its first assessment), most of A
    explained first."""
    seen: set[int] = set()
    out = []
    for ranking in rankings:
        for candidate in ranking:
            if id(candidate.article) not in seen:
                seen.add(id(candidate.article))
                out.append(candidate)
    out.sort(key=lambda c: (-c.explained, c.article.path))
    return out


def best_counterpart(article: Article, story: Story | None, corpus: Sequence[Article]
                     ) -> list[SourceCandidate]:
    """A ranking whose first entry is the default B: the story's versions when A has
    any, else the corpus shortlist."""
    versions = story_versions(article, story)
    return ranked(article, versions) if versions else ranked(article, corpus)


def wire_first(article: Article, story: Story | None, ranking: Sequence[SourceCandidate]
               ) -> tuple[list[SourceCandidate], bool]:
    """The ranking with the story's original and its wire takes first when `article` is
    another version of the story (what a rewrite did to the original is the question,
    and the library's verdict is against them), and whether its first entry is one of
    them (then it belongs on A)."""
    if story is None or story.original is None:
        return list(ranking), False
    sources = {id(story.original), *map(id, story.takes)}
    if id(article) in sources:
        return list(ranking), False
    out = sorted(ranking, key=lambda c: id(c.article) not in sources)  # stable
    return out, bool(out) and id(out[0].article) in sources


def first_reason(candidate: SourceCandidate) -> str:
    """The reason worth a line in a list: rank_sources puts "X explains N% of A" first,
    which the list already shows as a number, so the next reason when there is one."""
    reasons = candidate.reasons
    return reasons[1] if len(reasons) > 1 else (reasons[0] if reasons else "")


UNRELATED_SHOWN = 50  # unrelated articles the picker offers at most (in name order)


def unrelated(article: Article, corpus: Sequence[Article],
              ranking: Sequence[SourceCandidate]) -> list[SourceCandidate]:
    """The articles `ranking` left out, so a user can compare with one anyway: each as a
    candidate that explains nothing, at most UNRELATED_SHOWN of them."""
    from reader.corpus.provenance import SourceCandidate

    ranked_ids = {id(c.article) for c in ranking} | {id(article)}
    rest = sorted((a for a in corpus if id(a) not in ranked_ids), key=lambda a: a.name)
    return [SourceCandidate(a, 0.0, "unclear", 0.0, ["shares no wording with A"])
            for a in rest[:UNRELATED_SHOWN]]
