"""Compare two articles: sentences, alignment, and per-pair word diff and drift, computed
once and cached, so the CLI, the TUI and the exports all read the same object."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from reader.comparison_model import Alignment, Pair, Sentence, WordDiff
from reader.model import Article
from reader.segment import split_article, split_lines, split_text

if TYPE_CHECKING:
    from reader.drift import Articles, Drift

Split = Literal["sentences", "lines"]

_SENTENCE_CACHE: weakref.WeakKeyDictionary[Article, list[Sentence]] = weakref.WeakKeyDictionary()


def front_matter(article: Article) -> list[Sentence]:
    """The headline and the standfirst (summary lines above the body): a rewrite's claims
    there are compared like the body's, though the cleaner keeps them out of the body."""
    out: list[Sentence] = []
    text = article.text
    if article.title:
        line = next((r for r in article.removed if r.reason == "title"), None)
        at = text.find(article.title, line.start, line.end) if line else -1
        if at < 0:
            at = text.find(article.title)
        if at >= 0:
            out.append(Sentence(article.title, at, at + len(article.title), section="headline"))
    body_start = article.paragraphs[0].start if article.paragraphs else len(text)
    for r in article.removed:
        if r.reason == "summary" and r.start < body_start:
            out += [replace(s, section="standfirst") for s in split_text(r.text, r.start)]
    return out


def sentences_of(article: Article) -> list[Sentence]:
    """The article's headline, standfirst and body sentences (cached per article object)."""
    cached = _SENTENCE_CACHE.get(article)
    if cached is None:
        cached = _SENTENCE_CACHE[article] = front_matter(article) + split_article(article)
    return cached


def sentences_for(article: Article, split: Split) -> list[Sentence]:
    return split_lines(article.text) if split == "lines" else sentences_of(article)


@dataclass(frozen=True)
class Summary:
    """What a reader wants first: how much was kept, changed, dropped and added."""

    same: int
    changed: int
    dropped: int
    added: int
    moved: int
    share_of_a_in_b: float  # 0-1: A's characters that B takes ("B explains x% of A")
    share_of_b_from_a: float  # 0-1: B's characters taken from A ("A explains y% of B")

    def to_dict(self) -> dict[str, float | int]:
        return {
            "same": self.same, "changed": self.changed, "dropped": self.dropped,
            "added": self.added, "moved": self.moved,
            "share_of_a_in_b": round(self.share_of_a_in_b, 4),
            "share_of_b_from_a": round(self.share_of_b_from_a, 4),
        }


@dataclass(eq=False)
class Comparison:
    """Two articles and their alignment; word diffs and drift are computed on demand."""

    a: Article
    b: Article
    alignment: Alignment
    split: Split = "sentences"
    _word_diffs: dict[int, WordDiff] = field(default_factory=dict, repr=False)
    _drift: dict[int, list[Drift]] = field(default_factory=dict, repr=False)
    _drift_articles: Articles | None = field(default=None, repr=False)

    @property
    def pairs(self) -> list[Pair]:
        return self.alignment.pairs

    def pair_texts(self, index: int) -> tuple[str, str]:
        """The A and B text of a pair, its sentences joined by a space."""
        pair = self.alignment.pairs[index]
        a = " ".join(self.alignment.a[i].text for i in pair.a)
        b = " ".join(self.alignment.b[j].text for j in pair.b)
        return a, b

    def word_diff(self, index: int) -> WordDiff | None:
        """Token opcodes for a `changed` pair (None for other kinds)."""
        if self.alignment.pairs[index].kind != "changed":
            return None
        if index not in self._word_diffs:
            from reader.worddiff import diff_words

            self._word_diffs[index] = diff_words(*self.pair_texts(index))
        return self._word_diffs[index]

    def drift(self, index: int) -> list[Drift]:
        """Fact changes inside a pair (empty for identical, dropped and added pairs)."""
        if self.alignment.pairs[index].kind != "changed":
            return []
        if index not in self._drift:
            from reader.drift import find_drift

            pair = self.alignment.pairs[index]
            self._drift[index] = find_drift(
                [self.alignment.a[i].text for i in pair.a],
                [self.alignment.b[j].text for j in pair.b], pair.score, self._articles())
        return self._drift[index]

    def _articles(self) -> Articles:
        """Both whole articles, once, for drift checks that look beyond one pair."""
        if self._drift_articles is None:
            from reader.drift import Articles

            self._drift_articles = Articles.of(self.a.body, self.b.body)
        return self._drift_articles

    def article_drift(self) -> list[Drift]:
        """Article-level changes of credit (e.g. the wire source no longer named)."""
        from reader.drift import article_attribution_drift

        return article_attribution_drift(self.a.attribution, self.b.attribution,
                                         self.a.body, self.b.body)

    def summary(self) -> Summary:
        c = self.alignment.counts()
        return Summary(c["same"], c["changed"], c["dropped"], c["added"], c["moved"],
                       *self.alignment.explained())

    def swapped(self) -> Comparison:
        """The same comparison seen from B's side."""
        return compare(self.b, self.a, self.split)


def compare(a: Article, b: Article, split: Split = "sentences") -> Comparison:
    from reader.align import align_sections

    return Comparison(a, b, align_sections(sentences_for(a, split), sentences_for(b, split)), split)
