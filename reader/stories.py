"""Group the articles of a corpus into stories: sets of versions of the same story.

Never all pairs. Each article gets a bottom-k MinHash sketch of its word bigrams
(`stories_sketch`, cacheable by content hash). Sketch values shared by too many
articles are boilerplate (site furniture, stock phrases) and are dropped. Articles
that still share a few sketch values become candidates (an inverted index over sketch
values: LSH with one-value bands); a candidate pair is then
  - linked outright when the sketches say most of the shorter article's wording is shared,
  - dropped when they say almost none is,
  - otherwise checked sentence by sentence (one rapidfuzz cdist): linked when most of
    either article has a close sentence in the other, dropped when little has, and
    only in between (spun copies, partial rewrites) handed to the sentence aligner.
Stories are the connected components of the links (union-find); pairs already in one
component are never checked again, so the aligner runs on few pairs.
"""

from __future__ import annotations

import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from reader.model import Article
from reader.stories_sketch import sketch, words_of

if TYPE_CHECKING:
    from reader.cache import Cache

Progress = Callable[[int, int, str], None]  # (done, total, stage)

BOILERPLATE_FLOOR = 30  # a shingle in more articles than this may be boilerplate ...
BOILERPLATE_SHARE = 0.02  # ... and is, if it is also in more than this share of the corpus
ALL_PAIRS_DF = 30  # values shared by at most this many articles pair them all; above: a chain
FURNITURE_DF = 3  # a paragraph verbatim in more articles than this is page furniture
MIN_SHARED = 3  # sketch values two articles must share to become candidates
ACCEPT_CONTAINMENT = 0.6  # sketch estimate above which no sentence check is needed
REJECT_CONTAINMENT = 0.1  # sketch estimate below which the pair is not checked at all
SENTENCE_MATCH = 55  # rapidfuzz ratio at which two sentences count as one reworded
MATCHED_ACCEPT = 0.6  # share of either article in matching sentences: linked, no aligner
MATCHED_REJECT = 0.2  # below this share: dropped, no aligner
ALIGNED_SHARE = 0.3  # share of either article the aligner must find in the other


@dataclass(frozen=True)
class Link:
    """Why two articles were put in one story."""

    a: str  # paths
    b: str
    containment: float  # sketch estimate: share of the shorter article's bigrams in the other
    matched: float | None  # sentence check or aligner: the larger share of either article
    #                        found in the other (None when the sketches sufficed)
    how: str  # "wording" (sketch), "sentences" (close sentences) or "aligned" (aligner)

    def to_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "containment": round(self.containment, 3),
                "matched": None if self.matched is None else round(self.matched, 3),
                "how": self.how}


@dataclass
class Story:
    """Versions of one story: `members` in path order; `original` is the member the
    credits and dates point to, or None; `label` is its title (else the longest member's)."""

    members: list[Article]
    label: str
    original: Article | None = None
    links: list[Link] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return [a.path for a in self.members]

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "members": [{"path": a.path, "title": a.title, "outlet": a.outlet} for a in self.members],
            "original": self.original.path if self.original else None,
            "links": [link.to_dict() for link in self.links],
            "reasons": list(self.reasons),
        }


@dataclass
class Grouping:
    """What grouping did, for benchmarks and `--verbose` output."""

    candidates: int = 0
    checked: int = 0  # pairs checked sentence by sentence
    aligned: int = 0  # pairs handed to the aligner
    boilerplate_values: int = 0


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def sketches_of(articles: Sequence[Article], cache: Cache | None = None,
                progress: Progress | None = None) -> list[tuple[np.ndarray, int]]:
    """Sketch of every article body, from the cache when it has one."""
    out: list[tuple[np.ndarray, int]] = []
    total = len(articles)
    step = max(1, total // 100)
    for done, article in enumerate(articles, 1):
        got = cache.get_sketch(article.sha256) if cache and article.sha256 else None
        if got is None:
            got = sketch(article.body)
            if cache and article.sha256:
                cache.put_sketch(article.sha256, *got)
        out.append(got)
        if progress and (done % step == 0 or done == total):
            progress(done, total, "sketching")
    if cache:
        cache.commit()
    return out


def boilerplate_cutoff(n_articles: int) -> int:
    return max(BOILERPLATE_FLOOR, int(BOILERPLATE_SHARE * n_articles))


def _postings(sketches: list[tuple[np.ndarray, int]], cutoff: int
              ) -> tuple[list[np.ndarray], int, np.ndarray]:
    """Drop boilerplate values from every sketch; return the kept sketches, the number
    of boilerplate values, and the candidate pair codes (i * n + j, i < j, repeated
    once per shared value)."""
    n = len(sketches)
    sizes = np.fromiter((len(s) for s, _ in sketches), dtype=np.int64, count=n)
    values = np.concatenate([s for s, _ in sketches]) if n else np.empty(0, np.uint64)
    docs = np.repeat(np.arange(n, dtype=np.int64), sizes)
    order = np.argsort(values, kind="stable")
    values, docs = values[order], docs[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.empty(0, np.int64)
    df = np.diff(np.r_[starts, len(values)])
    df_per_entry = np.repeat(df, df)
    boiler = df > cutoff
    kept_mask = ~np.repeat(boiler, df)
    kept = [np.empty(0, np.uint64)] * n
    kept_values, kept_docs = values[kept_mask], docs[kept_mask]
    by_doc = np.argsort(kept_docs, kind="stable")
    split_at = np.searchsorted(kept_docs[by_doc], np.arange(1, n))
    for i, chunk in enumerate(np.split(kept_values[by_doc], split_at)):
        kept[i] = np.sort(chunk)
    codes = [_chain_pairs(values, docs, starts, df, df_per_entry, n, cutoff)]
    for size in np.unique(df[(df >= 2) & (df <= ALL_PAIRS_DF)]):
        groups = docs[(df_per_entry == size)].reshape(-1, int(size))  # ascending in each row
        i, j = np.triu_indices(int(size), k=1)
        codes.append((groups[:, i] * n + groups[:, j]).ravel())
    return kept, int(boiler.sum()), np.concatenate(codes)


def _chain_pairs(values: np.ndarray, docs: np.ndarray, starts: np.ndarray, df: np.ndarray,
                 df_per_entry: np.ndarray, n: int, cutoff: int) -> np.ndarray:
    """For values shared by more than ALL_PAIRS_DF (but not boilerplate) articles, pair
    each article only with the next one in index order: linear, yet many reprints of
    one story still share the same chain links value after value."""
    mid = (df_per_entry > ALL_PAIRS_DF) & (df_per_entry <= cutoff)
    if not mid.any():
        return np.empty(0, np.int64)
    g = np.repeat(np.arange(len(starts)), df)[mid]  # entries are by value, then by doc
    d = docs[mid]
    same = g[1:] == g[:-1]
    return (d[:-1][same] * n + d[1:][same]).astype(np.int64)


def containment_estimate(a: np.ndarray | list[int], b: np.ndarray | list[int], na: float,
                         nb: float, sa: set[int] | None = None, sb: set[int] | None = None) -> float:
    """Share of the smaller shingle set found in the other, estimated from two sorted
    bottom-k sketches and the set sizes: below the smaller of the two sketch maxima
    both sketches are complete, which gives the Jaccard estimate. Plain Python on
    sorted lists (and their sets, if given): faster than numpy set operations at k=128."""
    a = a.tolist() if isinstance(a, np.ndarray) else a
    b = b.tolist() if isinstance(b, np.ndarray) else b
    if not a or not b:
        return 0.0
    limit = min(a[-1], b[-1])
    ca, cb = bisect_right(a, limit), bisect_right(b, limit)
    shared = sum(1 for v in (sa or set(a)) & (sb or set(b)) if v <= limit)
    jaccard = shared / (ca + cb - shared)
    small = max(1.0, min(na, nb))
    return float(min(1.0, jaccard * (na + nb) / ((1 + jaccard) * small)))


def matched_share(a: Article, b: Article, ignore_a: frozenset[int] = frozenset(),
                  ignore_b: frozenset[int] = frozenset()) -> float:
    """The larger share (by characters) of either article whose sentences have a close
    match (rapidfuzz ratio >= SENTENCE_MATCH) anywhere in the other: order-free and far
    cheaper than aligning."""
    from reader.compare import sentences_of

    sa = [s.text for s in sentences_of(a) if s.paragraph not in ignore_a]
    sb = [s.text for s in sentences_of(b) if s.paragraph not in ignore_b]
    if not sa or not sb:
        return 0.0
    scores = process.cdist(sa, sb, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=SENTENCE_MATCH)
    la = np.fromiter(map(len, sa), dtype=np.int64, count=len(sa))
    lb = np.fromiter(map(len, sb), dtype=np.int64, count=len(sb))
    share_a = la[scores.max(axis=1) > 0].sum() / la.sum()
    share_b = lb[scores.max(axis=0) > 0].sum() / lb.sum()
    return float(max(share_a, share_b))


def aligned_share(a: Article, b: Article, ignore_a: frozenset[int] = frozenset(),
                  ignore_b: frozenset[int] = frozenset()) -> float:
    """The larger share (by characters) of either article that the aligner pairs with
    the other, boilerplate paragraphs (by index) left out."""
    from reader.compare import compare
    from reader.provenance import explained_by

    return max(explained_by(compare(a, b), ignore_a, ignore_b))


def _paragraph_keys(article: Article) -> list[int]:
    return [zlib.crc32(" ".join(words_of(p.text)).encode("utf-8")) for p in article.paragraphs]


def boilerplate_paragraphs(articles: Sequence[Article], cutoff: int) -> list[frozenset[int]]:
    """Per article, the indices of paragraphs found word for word in more than `cutoff`
    articles (footers, share prompts, a site's stock lines): sentence checks must not
    count them as a shared story. Verbatim reprints lose nothing: their sketches link them."""
    keys = [_paragraph_keys(a) for a in articles]
    df: Counter[int] = Counter()
    for ks in keys:
        df.update(set(ks))
    common = {k for k, c in df.items() if c > cutoff}
    return [frozenset(i for i, k in enumerate(ks) if k in common) for ks in keys]


def group_stories(articles: Sequence[Article], progress: Progress | None = None,
                  cache: Cache | None = None, stats: Grouping | None = None) -> list[Story]:
    """Partition `articles` into stories (every article in exactly one), largest first.

    Deterministic for a given input order and content. `progress(done, total, stage)`
    is called while sketching, matching and confirming."""
    articles = list(articles)
    n = len(articles)
    stats = stats if stats is not None else Grouping()
    sketches = sketches_of(articles, cache, progress)
    cutoff = boilerplate_cutoff(n)
    kept, stats.boilerplate_values, codes = _postings(sketches, cutoff) if n else ([], 0, np.empty(0))
    pair_codes, counts = np.unique(codes, return_counts=True)
    pair_codes = pair_codes[counts >= MIN_SHARED]
    stats.candidates = len(pair_codes)
    # Estimated set sizes after dropping boilerplate: scale by the kept share of each sketch.
    sizes = [n_all * (len(k) / len(s) if len(s) else 0.0) for k, (s, n_all) in zip(kept, sketches)]
    lists = [k.tolist() for k in kept]
    sets = [set(k) for k in lists]
    scored = []
    for done, code in enumerate(pair_codes.tolist(), 1):
        i, j = divmod(code, n)
        c = containment_estimate(lists[i], lists[j], sizes[i], sizes[j], sets[i], sets[j])
        scored.append((-c, i, j))
        if progress and done % 5000 == 0:
            progress(done, len(pair_codes), "matching")
    scored.sort()
    uf = _UnionFind(n)
    boiler = boilerplate_paragraphs(articles, FURNITURE_DF) if scored else []
    links: list[tuple[int, Link]] = []
    for done, (neg, i, j) in enumerate(scored, 1):
        c = -neg
        if c < REJECT_CONTAINMENT:
            break
        if progress and done % 500 == 0:
            progress(done, len(scored), "confirming")
        if uf.find(i) == uf.find(j):
            continue
        a, b = articles[i], articles[j]
        if c >= ACCEPT_CONTAINMENT:
            link = Link(a.path, b.path, c, None, "wording")
        else:
            stats.checked += 1
            share = matched_share(a, b, boiler[i], boiler[j])
            if share < MATCHED_REJECT:
                continue
            if share >= MATCHED_ACCEPT:
                link = Link(a.path, b.path, c, share, "sentences")
            else:
                stats.aligned += 1
                share = aligned_share(a, b, boiler[i], boiler[j])
                if share < ALIGNED_SHARE:
                    continue
                link = Link(a.path, b.path, c, share, "aligned")
        uf.union(i, j)
        links.append((i, link))
    if progress:
        progress(len(scored), len(scored), "confirming")
    return _stories(articles, uf, links)


def _stories(articles: list[Article], uf: _UnionFind, links: list[tuple[int, Link]]) -> list[Story]:
    from reader.provenance import likely_original

    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(uf.find(i), []).append(i)
    story_links: dict[int, list[Link]] = {}
    for i, link in links:
        story_links.setdefault(uf.find(i), []).append(link)
    stories = []
    for root, idx in members.items():
        group = sorted((articles[i] for i in idx), key=lambda a: a.path)
        original = likely_original(group) if len(group) > 1 else None
        head = original or min(group, key=lambda a: (-a.word_count, a.path))
        story = Story(group, head.title or head.name, original, story_links.get(root, []))
        story.reasons = _reasons(story)
        stories.append(story)
    stories.sort(key=lambda s: (-len(s.members), s.members[0].path))
    return stories


def _reasons(story: Story) -> list[str]:
    if len(story.members) == 1:
        return ["no other article shares enough of its wording"]
    names = {a.path: a.name for a in story.members}
    out = []
    for link in story.links:
        pair = f"{names[link.a]} and {names[link.b]}"
        if link.how == "wording":
            out.append(f"{pair} share about {link.containment:.0%} of their wording")
        elif link.how == "sentences":
            out.append(f"{pair}: {link.matched:.0%} of one has close sentences in the other")
        else:
            out.append(f"{pair}: the aligner matches {link.matched:.0%} of one in the other")
    if story.original is not None:
        out.append(f"likely original: {story.original.name}")
    return out
