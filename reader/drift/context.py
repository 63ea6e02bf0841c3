"""The shared context of one aligned pair: its texts, words and an LCS map between them.

Detectors find a fact on one side and must ask "what stands in its place on the other
side?": the B words between the nearest A words that survived unchanged before and
after it. That question is answered here once per pair, from rapidfuzz's Indel (LCS)
opcodes over word keys. Every detector takes a `PairContext` and returns findings, so
views several detectors need (names of each side, credits) are built once per pair.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from rapidfuzz.distance import Indel

from reader.drift.wordlists import COMMON_WORDS

T = TypeVar("T")

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def starts_sentence(text: str, pos: int) -> bool:
    """Whether a word at `pos` opens a sentence, a quote or a clause after a colon or
    dash: the places where a capital letter says nothing about a name."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\r\f\v\u00a0":
        i -= 1
    if i >= 0 and text[i] == "\n":  # a hard-wrapped line goes on; a paragraph does not
        j = i - 1
        while j >= 0 and text[j] in " \t\r\f\v\u00a0":
            j -= 1
        return j < 0 or text[j] in ".!?:;\"“”„«(—–-\n"
    return i < 0 or text[i] in ".!?:;\"“„«(—–-"


def word_key(word: str) -> str:
    """What two words must share to count as the same word: case, curly apostrophes and a
    possessive 's do not matter."""
    key = word.casefold()
    if "’" in key:
        key = key.replace("’", "'")
    return key[:-2] if key.endswith("'s") else key


@dataclass(frozen=True)
class Words:
    """The words of one side with offsets; `text[starts[i]:ends[i]]` is word i."""

    text: str
    starts: list[int]
    ends: list[int]
    keys: list[str]

    def __len__(self) -> int:
        return len(self.keys)

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the words overlapping characters [start, end)."""
        i = bisect.bisect_right(self.ends, start)
        j = bisect.bisect_left(self.starts, end)
        return i, max(i, j)

    def span(self, i: int, j: int) -> tuple[int, int] | None:
        """Character span of words [i, j), None when empty."""
        return (self.starts[i], self.ends[j - 1]) if j > i else None


def content_words(keys: list[str]) -> set[str]:
    """The keys that carry content: longer than two letters and no common word."""
    return {k for k in keys if len(k) > 2 and k not in COMMON_WORDS}


def words(text: str) -> Words:
    found = _WORD.findall(text)
    starts, ends, pos = [], [], 0
    for w in found:  # findall + find is faster than finditer's match objects
        pos = text.find(w, pos)
        starts.append(pos)
        pos += len(w)
        ends.append(pos)
    keys = [w.casefold() for w in found]
    if "'" in text or "’" in text:
        for i, k in enumerate(keys):
            if "'" in k or "’" in k:
                keys[i] = word_key(k)
    return Words(text, starts, ends, keys)


class WordMap:
    """Which B words stand where A words stand (and back), from the LCS of word keys."""

    def __init__(self, a: Words, b: Words, _a2b: list[int] | None = None,
                 _b2a: list[int] | None = None) -> None:
        self.a, self.b = a, b
        if _a2b is None or _b2a is None:
            ids: dict[str, int] = {}
            ia = [ids.setdefault(k, len(ids)) for k in a.keys]
            ib = [ids.setdefault(k, len(ids)) for k in b.keys]
            _a2b, _b2a = [-1] * len(ia), [-1] * len(ib)
            for tag, a1, a2, b1, _b2 in Indel.opcodes(ia, ib).as_list():
                if tag == "equal":
                    for k in range(a2 - a1):
                        _a2b[a1 + k] = b1 + k
                        _b2a[b1 + k] = a1 + k
        self.a2b, self.b2a = _a2b, _b2a
        self._back: WordMap | None = None

    def swapped(self) -> WordMap:
        """The same map seen from B (one object, however often it is asked for)."""
        if self._back is None:
            self._back = WordMap(self.b, self.a, self.b2a, self.a2b)
            self._back._back = self
        return self._back

    def kept(self, i: int) -> bool:
        """A word i is matched by an identical B word in the same place."""
        return self.a2b[i] >= 0

    def gap(self, i: int, j: int) -> tuple[int, int, int, int]:
        """Widen A words [i, j) to the nearest kept words outside them and return
        (a1, a2, b1, b2): the unkept A words a1..a2 and the B words b1..b2 between the
        same anchors (empty when B simply lacks them)."""
        a1 = i
        while a1 > 0 and self.a2b[a1 - 1] < 0:
            a1 -= 1
        a2 = j
        while a2 < len(self.a2b) and self.a2b[a2] < 0:
            a2 += 1
        b1 = self.a2b[a1 - 1] + 1 if a1 > 0 else 0
        b2 = self.a2b[a2] if a2 < len(self.a2b) else len(self.b2a)
        return a1, a2, b1, b2

    def region(self, i: int, j: int) -> tuple[int, int]:
        """B words [b1, b2) standing where A words [i, j) stand."""
        _, _, b1, b2 = self.gap(i, j)
        return b1, max(b1, b2)

    def pairs(self, xs: list[tuple[int, int]], ys: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """(i, j): A span xs[i] and B span ys[j] that each stand in the other's place,
        seen from either side, so pairing does not depend on which side is A."""
        back = self.swapped()
        out = []
        for i, (s, e) in enumerate(xs):
            j = self.counterpart(s, e, ys)
            if j >= 0 and back.counterpart(ys[j][0], ys[j][1], xs) == i:
                out.append((i, j))
        return out

    def counterpart(self, start: int, end: int, candidates: list[tuple[int, int]]) -> int:
        """Index of the first B character span in `candidates` that lies where A
        characters [start, end) stand, or -1."""
        i, j = self.a.covering(start, end)
        b1, b2 = self.region(i, j)
        if b2 <= b1:
            return -1
        lo, hi = self.b.starts[b1], self.b.ends[b2 - 1]
        for n, (s, e) in enumerate(candidates):
            if s < hi and e > lo:
                return n
        return -1


_WIRE_MARKS = re.compile(r"``|''|#(?=\d)|(?<= )_(?= )")
_WIRE_AS = {"``": "\u201c\u201c", "''": "\u201d\u201d", "#": "\u00a3", "_": "\u2013"}


def wire_normal(text: str) -> str:
    """Press-agency 7-bit conventions read as what they stand for, every offset kept:
    ``...'' are double quotes, # before a figure is the pound sign (in text with no
    pound sign of its own) and a lone _ is a dash."""
    if "`" not in text and "'" not in text and "#" not in text and "_" not in text:
        return text
    pound = "\u00a3" not in text
    return _WIRE_MARKS.sub(
        lambda m: m.group() if m.group() == "#" and not pound else _WIRE_AS[m.group()], text)


class Articles:
    """The two whole articles (wire conventions normalised), for checks that look
    beyond one pair: a quote's original wording elsewhere in A, a credit A gives at
    its end. Views of either text are built once and shared by every pair."""

    def __init__(self, a_text: str, b_text: str,
                 cache: dict[tuple[Callable[..., Any], str], Any] | None = None) -> None:
        self.a_text, self.b_text = a_text, b_text
        self._cache = {} if cache is None else cache

    @classmethod
    def of(cls, a_text: str, b_text: str) -> Articles:
        return cls(wire_normal(a_text), wire_normal(b_text))

    def view(self, build: Callable[[str], T], side: str) -> T:
        """`build(text)` of side "a" or "b", computed once."""
        text = self.a_text if side == "a" else self.b_text
        return self._once(build, text, lambda: build(text))

    def word_view(self, build: Callable[[Words], T], side: str) -> T:
        """`build(words)` of side "a" or "b", computed once; the side's words are split
        once for every such view."""
        text = self.a_text if side == "a" else self.b_text
        return self._once(build, text, lambda: build(self.view(words, side)))

    def _once(self, build: Callable[..., Any], text: str, make: Callable[[], T]) -> T:
        key = (build, text)
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def swapped(self) -> Articles:
        return Articles(self.b_text, self.a_text, self._cache)


@dataclass
class PairContext:
    """One aligned pair as every detector sees it.

    `a`/`b` are the pair texts with wire conventions normalised (same length as the
    raw texts, so offsets found in them slice the raw texts too); `words` maps the two
    sides' words; `quiet_a`/`quiet_b` are character spans of sentences that share too
    little with the other side to compare facts in (a weak half of a merge);
    `article` holds what the whole articles say, for checks across sentences (quotes);
    `sure` is False for a pair the aligner scored low, where only plain contradictions
    are reported, not judgements of paraphrase (a quote A "gives in its own words").
    """

    a: str
    b: str
    words: WordMap
    quiet_a: list[tuple[int, int]] = field(default_factory=list)
    quiet_b: list[tuple[int, int]] = field(default_factory=list)
    article: Articles | None = None
    sure: bool = True  # the aligner is sure these say the same thing (for judgements of paraphrase)
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, a: str, b: str) -> PairContext:
        a, b = wire_normal(a), wire_normal(b)
        # one LCS for the pair whichever side is A: equal-length matches are tie-broken
        # by the order of the arguments, so always compute it in the same order
        word_map = WordMap(words(a), words(b)) if a <= b else WordMap(words(b), words(a)).swapped()
        return cls(a, b, word_map)

    def derived(self, build: Callable[[PairContext], T]) -> T:
        """`build(self)`, computed once per pair however many detectors ask."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    def swapped(self) -> PairContext:
        """The same pair seen from B (for detectors that look both ways)."""
        return PairContext(self.b, self.a, self.words.swapped(), self.quiet_b, self.quiet_a,
                           self.article.swapped() if self.article is not None else None,
                           self.sure)
