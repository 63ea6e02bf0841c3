"""The JSON records the CLI prints, with every character offset in one frame: the article
text (`Article.text`: the decoded, newline-normalised file; for an HTML page, the text
extracted from it), the text that sentence offsets already point into.

Drift detectors see a pair's sentences joined by one space, and the article-level credit
check sees the body's paragraphs joined by a blank line; their offsets are mapped back
here, so a consumer finds every span in the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.corpus.derivation import derivation_of
from reader.fetch import page_record
from reader.model import Article
from reader.reviews import Finding, ReviewStore, findings

if TYPE_CHECKING:
    from reader.compare import Comparison
    from reader.comparison_model import Sentence

Piece = tuple[str, int]  # a stretch of text and where it starts in the article text


def article_record(article: Article) -> dict:
    """The `reader clean --format json` object."""
    return article.metadata() | {
        "paragraphs": [p.text for p in article.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def to_article(offset: int, pieces: Sequence[Piece], sep: int) -> int:
    """An offset into `pieces` joined by `sep` characters, as an offset into the article
    text; -1 (the side is absent) stays -1. An offset inside a separator maps to the end
    of the piece before it."""
    if offset < 0 or not pieces:
        return -1
    pos = 0
    for text, start in pieces:
        end = pos + len(text)
        if offset <= end:
            return start + max(0, offset - pos)
        pos = end + sep
    text, start = pieces[-1]
    return start + len(text)


def finding_record(f: Finding, a: Sequence[Piece], b: Sequence[Piece], sep: int) -> dict:
    """A drift finding with its offsets in the article text, its id and its review."""
    d = f.drift
    return d.to_dict() | {
        "a_start": to_article(d.a_start, a, sep), "a_end": to_article(d.a_end, a, sep),
        "b_start": to_article(d.b_start, b, sep), "b_end": to_article(d.b_end, b, sep),
        "id": f.id, "review": f.review.to_dict() if f.review else None,
    }


def _sentences(sentences: Sequence[Sentence], indices: Sequence[int]) -> list[Piece]:
    return [(sentences[i].text, sentences[i].start) for i in indices]


def _paragraphs(article: Article) -> list[Piece]:
    return [(p.text, p.start) for p in article.paragraphs]


def comparison_record(cmp: Comparison, reviews: ReviewStore | None = None) -> dict:
    """The `reader diff --format json` object; each drift finding carries its stable `id`
    and its `review` in `reviews` (or null)."""
    al = cmp.alignment
    found = findings(cmp, reviews)
    pairs = []
    for i, p in enumerate(al.pairs):
        a, b = _sentences(al.a, p.a), _sentences(al.b, p.b)
        pairs.append({"kind": p.kind, "a": list(p.a), "b": list(p.b),
                      "score": round(p.score, 1), "moved": p.moved,
                      "drift": [finding_record(f, a, b, 1) for f in found if f.pair == i]})
    a_body, b_body = _paragraphs(cmp.a), _paragraphs(cmp.b)
    return {
        "a": side_record(cmp.a), "b": side_record(cmp.b),
        "split": cmp.split,
        "summary": cmp.summary().to_dict() | {"derivation": derivation_of(cmp).to_dict()},
        "sentences": {
            side: [{"text": s.text, "start": s.start, "end": s.end, "section": s.section}
                   for s in sentences]
            for side, sentences in (("a", al.a), ("b", al.b))
        },
        "pairs": pairs,
        "article_drift": [finding_record(f, a_body, b_body, 2) for f in found if f.pair is None],
    }


def side_record(article: Article) -> dict:
    """One side of a comparison: its metadata and, for a fetched page, where and when."""
    page = page_record(article.path)
    return article.metadata() | {"fetched": None if page is None else {
        "url": page.url, "final_url": page.final_url, "redirects": page.redirects,
        "retrieved_at": page.retrieved_at, "sha256": page.sha256}}
