"""Group the articles of a corpus into stories: sets of versions of the same story.

Never all pairs. Each article gets a bottom-k MinHash sketch of its word bigrams
(`stories_sketch`, cacheable by content hash); an inverted index over sketch values
gives candidate pairs (`stories_candidates`: LSH with one-value bands, common values
chained so the cost stays linear). Each candidate pair is then
  - linked outright when its sketches say most of the shorter article's distinctive
    wording (boilerplate shingles left out) is in the other,
  - dropped when they say almost none of its wording is,
  - otherwise checked sentence by sentence (one rapidfuzz cdist): linked when most of
    either article has a close sentence in the other, dropped when little has, and
    only in between (spun copies, partial rewrites) handed to the sentence aligner.
The sentence checks leave out stock paragraphs: verbatim paragraphs found in more than
a few stories so far (site furniture, a stock background paragraph about a place).
Wire copy run by fifty outlets is one story by then (its copies link by wording
first), so its paragraphs still count for a rewrite of it.
Stories are the connected components of the links (union-find); pairs already in one
component are never checked again, so the aligner runs on few pairs.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from reader.comparison_model import Sentence
from reader.corpus.candidates import candidates
from reader.corpus.sketch import Progress, SketchStore, sketches_of
from reader.corpus.wire import same_story_takes, slug_of, takes_of_their_stories
from reader.corpus.wording import SEQUENCE, Words, read_words, shared_runs
from reader.model import Article

if TYPE_CHECKING:
    from reader.corpus.derivation import Derivation

BOILERPLATE_FLOOR = 30  # a shingle in more articles than this may be boilerplate ...
BOILERPLATE_SHARE = 0.02  # ... and is, if it is also in more than this share of the corpus
STOCK_STORIES = 3  # a paragraph verbatim in more articles than this may be stock text
ACCEPT_CONTAINMENT = 0.6  # sketch estimate above which no sentence check is needed
REJECT_CONTAINMENT = 0.1  # sketch estimate below which the pair is not checked at all
SENTENCE_MATCH = 55  # rapidfuzz ratio at which two sentences count as one reworded
MATCHED_ACCEPT = 0.6  # share of either article in matching sentences: linked, no aligner
MATCHED_REJECT = 0.2  # below this share: dropped, no aligner
ALIGNED_SHARE = 0.3  # share of either article the aligner must find in the other
SEQUENCES_ACCEPT = 0.22  # share of either article in 3-word sequences the other has ...
SEQUENCES_MIN_WORDS = 12  # ... and this many words in them on both sides (short items share a phrase)
MIN_WORDS = 15  # shorter articles ("The hearing was adjourned.") join no story by wording


@dataclass(frozen=True)
class Link:
    """Why two articles were put in one story."""

    a: str  # paths
    b: str
    containment: float  # sketch estimate: share of the shorter article's bigrams in the other
    matched: float | None  # sentence check or aligner: the larger share of either article
    #                        found in the other (None when the sketches sufficed)
    how: str  # "wording" (sketch), "sentences" (close sentences), "sequences" (shared
    #           3-word sequences), "aligned" (aligner) or "slug" (wire takes of one story)

    def to_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "containment": round(self.containment, 3),
                "matched": None if self.matched is None else round(self.matched, 3),
                "how": self.how}


@dataclass
class Story:
    """Versions of one story: `members` in path order; `label` is the longest member's
    title. `original` (the member the credits and dates point to, or None) and the
    `reasons` are worked out when first asked for, so grouping a large corpus does not
    pay for stories nobody looks at."""

    members: list[Article]
    label: str
    links: list[Link] = field(default_factory=list)
    _judged: dict[str, Derivation] = field(default_factory=dict, repr=False)

    @property
    def paths(self) -> list[str]:
        return [a.path for a in self.members]

    def judge(self) -> None:
        """Each version's derivation verdict against the original, with the other takes
        of its wire story when it is a wire take (an alignment each, so done off the UI
        thread and only when asked); `derivation` reads them. The takes themselves get
        none: page 2 or a night lead is the wire story, not a copy of page 1."""
        from reader.corpus.derivation import derive

        if self.original is None:
            return
        sources = [self.original, *self.takes]
        for member in self.members:
            if all(member is not s for s in sources) and member.path not in self._judged:
                self._judged[member.path] = derive(member, sources)

    def derivation(self, member: Article) -> Derivation | None:
        """The member's verdict against the original (and its story's other takes),
        once `judge` has run."""
        return self._judged.get(member.path)

    @cached_property
    def takes(self) -> list[Article]:
        """The other takes of the original's wire story among the members (later pages,
        substitutes, night leads, sidebars), by their slug lines."""
        if self.original is None:
            return []
        return [a for a in takes_of_their_stories([self.original], self.members)
                if a is not self.original]

    @cached_property
    def original(self) -> Article | None:
        from reader.corpus.provenance import likely_original

        return likely_original(self.members) if len(self.members) > 1 else None

    @cached_property
    def reasons(self) -> list[str]:
        return _reasons(self)

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "members": [{"path": a.path, "title": a.title, "outlet": a.outlet} for a in self.members],
            "original": self.original.path if self.original else None,
            "takes": [a.path for a in self.takes],
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
    sketch_s: float = 0.0  # seconds spent in each stage
    match_s: float = 0.0
    confirm_s: float = 0.0


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.unions = 0

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
            self.unions += 1


def boilerplate_cutoff(n_articles: int) -> int:
    return max(BOILERPLATE_FLOOR, int(BOILERPLATE_SHARE * n_articles))


def _sentences(article: Article, memo: dict[object, object]) -> list[Sentence]:
    from reader.segment import split_article

    got = memo.get(id(article))
    if got is None:
        got = memo[id(article)] = split_article(article)
    return got  # type: ignore[return-value]


def _words(article: Article, ignore: frozenset[int], memo: dict[object, object]) -> Words:
    key = (id(article), ignore)
    got = memo.get(key)
    if got is None:
        got = memo[key] = read_words(p.text for k, p in enumerate(article.paragraphs)
                                     if k not in ignore)
    return got  # type: ignore[return-value]


def matched_share(sa: list[Sentence], sb: list[Sentence], ignore_a: frozenset[int] = frozenset(),
                  ignore_b: frozenset[int] = frozenset()) -> float:
    """The larger share (by characters) of either article whose sentences have a close
    match (rapidfuzz ratio >= SENTENCE_MATCH) anywhere in the other: order-free and far
    cheaper than aligning. Sentences of ignored paragraphs count on neither side."""
    ta = [s.text for s in sa if s.paragraph not in ignore_a]
    tb = [s.text for s in sb if s.paragraph not in ignore_b]
    if not ta or not tb:
        return 0.0
    scores = process.cdist(ta, tb, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=SENTENCE_MATCH)
    la = np.fromiter(map(len, ta), dtype=np.int64, count=len(ta))
    lb = np.fromiter(map(len, tb), dtype=np.int64, count=len(tb))
    share_a = la[scores.max(axis=1) > 0].sum() / la.sum()
    share_b = lb[scores.max(axis=0) > 0].sum() / lb.sum()
    return float(max(share_a, share_b))


def aligned_share(a: Article, b: Article, ignore_a: frozenset[int] = frozenset(),
                  ignore_b: frozenset[int] = frozenset()) -> float:
    """The larger share (by characters) of either article that the aligner pairs with
    the other, boilerplate paragraphs (by index) left out."""
    from reader.compare import compare

    return max(compare(a, b).alignment.explained(ignore_a, ignore_b))


def paragraph_key(text: str) -> int:
    """A paragraph's identity for verbatim repeats: case and spacing do not count."""
    return zlib.crc32(" ".join(text.lower().split()).encode("utf-8"))


class StockParagraphs:
    """Which paragraphs are stock text: found verbatim in more than STOCK_STORIES
    articles, no one story (so far) holding half of them: site furniture, a stock
    background paragraph about a place. Wire copy run by fifty outlets is not: its
    verbatim copies link by wording first, so one story soon holds most of them; once
    a story holds half, it always will (stories only merge), so that verdict is kept.
    A stock verdict is asked again after enough merges to possibly change it."""

    def __init__(self, articles: Sequence[Article], uf: _UnionFind) -> None:
        self.uf = uf
        self.keys = [[paragraph_key(p.text) for p in a.paragraphs] for a in articles]
        flat = np.fromiter((k for ks in self.keys for k in ks), dtype=np.int64)
        docs = np.repeat(np.arange(len(articles)), [len(ks) for ks in self.keys])
        order = np.argsort(flat, kind="stable")
        uniq, counts = np.unique(flat, return_counts=True)
        starts = np.cumsum(counts) - counts
        shared = counts > STOCK_STORIES
        self.postings: dict[int, list[int]] = {
            int(k): np.unique(docs[order[s:s + c]]).tolist()
            for k, s, c in zip(uniq[shared], starts[shared], counts[shared])}
        self.story_text: set[int] = set()
        self.stock_since: dict[int, int] = {}  # key -> unions done when found stock
        self.repeated = frozenset(uniq[counts > 2].tolist())

    def repeated_of(self, i: int) -> frozenset[int]:
        """Indices of article i's paragraphs found verbatim in more than two articles:
        left out when shared phrases are counted, which are meant to show a rewrite
        (verbatim copies are found by the sentence check; furniture is no evidence)."""
        return frozenset(pos for pos, k in enumerate(self.keys[i]) if k in self.repeated)

    def of(self, i: int) -> frozenset[int]:
        """Indices of article i's stock paragraphs."""
        return frozenset(pos for pos, k in enumerate(self.keys[i]) if self._stock(k))

    def _stock(self, key: int) -> bool:
        docs = self.postings.get(key)
        if docs is None or key in self.story_text:
            return False
        since = self.stock_since.get(key)
        if since is not None and (self.uf.unions - since) * 8 < len(docs):
            return True
        largest = max(Counter(map(self.uf.find, docs)).values())
        if 2 * largest >= len(docs):
            self.story_text.add(key)
            return False
        self.stock_since[key] = self.uf.unions
        return True


def group_stories(articles: Sequence[Article], progress: Progress | None = None,
                  cache: SketchStore | None = None, stats: Grouping | None = None) -> list[Story]:
    """Partition `articles` into stories (every article in exactly one), largest first.

    Deterministic for a given input order and content. `progress(done, total, stage)`
    is called while sketching, matching and confirming."""
    articles = list(articles)
    n = len(articles)
    stats = stats if stats is not None else Grouping()
    clock = time.perf_counter()
    sketches = sketches_of(articles, cache, progress)
    stats.sketch_s, clock = time.perf_counter() - clock, time.perf_counter()
    found = candidates(sketches, boilerplate_cutoff(n))
    del sketches
    stats.candidates, stats.boilerplate_values = len(found.pairs), found.boilerplate_values
    # An outright link needs most of the wording shared both counting every shingle and
    # leaving boilerplate out (unless both articles are nearly all such shingles: wire
    # copy run by many outlets). When only one is, the other's distinctive wording cannot
    # vouch for it: no outright link, only a check if they share much.
    own_a, own_b = found.own_boilerplate[found.pairs[:, 0]], found.own_boilerplate[found.pairs[:, 1]]
    distinctive = np.where(own_a & own_b, found.full,
                           np.where(own_a | own_b, 0.0, np.minimum(found.full, found.rare)))
    at_all = np.where(own_a | own_b, found.full, found.rare)
    accept = distinctive >= ACCEPT_CONTAINMENT
    check = ~accept & (at_all >= REJECT_CONTAINMENT)
    # Outright links first (best first), then the pairs to check (most shared first).
    score = np.where(accept, distinctive, at_all)
    order = np.lexsort((-score, ~accept))
    order = order[(accept | check)[order]]
    pairs, accepted = found.pairs[order].tolist(), accept[order].tolist()
    scores = score[order].tolist()
    del found, own_a, own_b, at_all, check, order
    if progress:
        progress(len(pairs), len(pairs), "matching")
    stats.match_s, clock = time.perf_counter() - clock, time.perf_counter()
    uf = _UnionFind(n)
    links = _same_slug(articles, uf)
    words = [a.word_count for a in articles]
    stock = StockParagraphs(articles, uf) if pairs else None
    memo: dict[object, object] = {}
    for done, ((i, j), c, outright) in enumerate(zip(pairs, scores, accepted), 1):
        if progress and done % 2000 == 0:
            progress(done, len(pairs), "confirming")
        if uf.find(i) == uf.find(j) or min(words[i], words[j]) < MIN_WORDS:
            continue
        a, b = articles[i], articles[j]
        if outright:
            link = Link(a.path, b.path, c, None, "wording")
        else:
            link = _checked(a, b, (stock.of(i), stock.of(j)),  # type: ignore[union-attr]
                            (stock.repeated_of(i), stock.repeated_of(j)), c, stats, memo)  # type: ignore[union-attr]
            if link is None:
                continue
        uf.union(i, j)
        links.append((i, link))
    if progress:
        progress(len(pairs), len(pairs), "confirming")
    stats.confirm_s = time.perf_counter() - clock
    return _stories(articles, uf, links)


def _same_slug(articles: list[Article], uf: _UnionFind) -> list[tuple[int, Link]]:
    """Wire takes of one story by their slug lines (`same_story_takes`)."""
    pairs = same_story_takes(articles)
    links: list[tuple[int, Link]] = []
    for i, j in pairs:
        if uf.find(i) != uf.find(j):
            uf.union(i, j)
            links.append((i, Link(articles[i].path, articles[j].path, 0.0, None, "slug")))
    return links


def _checked(a: Article, b: Article, stock: tuple[frozenset[int], frozenset[int]],
             repeated: tuple[frozenset[int], frozenset[int]], c: float, stats: Grouping,
             memo: dict[object, object]) -> Link | None:
    """The link between two articles if their sentences, their shared word sequences
    (a partial rewrite keeps the source's phrases in new sentences) or, when unclear,
    the aligner say they are versions of one story, else None."""
    stats.checked += 1
    ignore_a, ignore_b = stock
    share = matched_share(_sentences(a, memo), _sentences(b, memo), ignore_a, ignore_b)
    if share >= MATCHED_ACCEPT:
        return Link(a.path, b.path, c, share, "sentences")
    phrases = _sequence_share(a, b, repeated, memo)
    if phrases >= SEQUENCES_ACCEPT:
        return Link(a.path, b.path, c, phrases, "sequences")
    if share < MATCHED_REJECT:
        return None
    stats.aligned += 1
    share = aligned_share(a, b, ignore_a, ignore_b)
    return Link(a.path, b.path, c, share, "aligned") if share >= ALIGNED_SHARE else None


def _sequence_share(a: Article, b: Article, repeated: tuple[frozenset[int], frozenset[int]],
                    memo: dict[object, object]) -> float:
    """The larger share of either article's words inside 3-word sequences the other has,
    0 when either has fewer than SEQUENCES_MIN_WORDS such words (two short items share a
    phrase or two). Repeated paragraphs give no sequences but still count in the
    article's length: wire copy run by many outlets is nearly all repeated, and one
    phrase in an outlet's own line is not most of that article."""
    wa, wb = _words(a, repeated[0], memo), _words(b, repeated[1], memo)
    in_a = int(shared_runs(wa, [wb], SEQUENCE).sum())
    in_b = int(shared_runs(wb, [wa], SEQUENCE).sum())
    if min(in_a, in_b) < SEQUENCES_MIN_WORDS:
        return 0.0
    return max(in_a / len(_words(a, frozenset(), memo)), in_b / len(_words(b, frozenset(), memo)))


def _stories(articles: list[Article], uf: _UnionFind, links: list[tuple[int, Link]]) -> list[Story]:
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(uf.find(i), []).append(i)
    story_links: dict[int, list[Link]] = {}
    for i, link in links:
        story_links.setdefault(uf.find(i), []).append(link)
    stories = []
    for root, idx in members.items():
        group = sorted((articles[i] for i in idx), key=lambda a: a.path)
        head = min(group, key=lambda a: (-a.word_count, a.path))
        stories.append(Story(group, head.title or head.name, story_links.get(root, [])))
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
        elif link.how == "slug":
            out.append(f"{pair} are wire takes whose slug lines name one story")
        elif link.how == "sequences":
            out.append(f"{pair}: {link.matched:.0%} of one is in 3-word sequences the other has")
        elif link.how == "sentences":
            out.append(f"{pair}: {link.matched:.0%} of one has close sentences in the other")
        else:
            out.append(f"{pair}: the aligner matches {link.matched:.0%} of one in the other")
    if story.original is not None:
        slug = slug_of(story.original)
        why = (f", the first wire take (sent {slug.when()}, page {slug.page})"
               if slug else "")
        out.append(f"likely original: {story.original.name}{why}")
    return out
