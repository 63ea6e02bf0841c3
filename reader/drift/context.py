"""Words of one aligned pair and an LCS map between the two sides.

Detectors find a fact on one side and must ask "what stands in its place on the other
side?": the B words between the nearest A words that survived unchanged before and
after it. That question is answered here once per pair, from rapidfuzz's Indel (LCS)
opcodes over word keys.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def starts_sentence(text: str, pos: int) -> bool:
    """Whether a word at `pos` opens a sentence, a quote or a clause after a colon or
    dash: the places where a capital letter says nothing about a name."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\r\f\v\u00a0":
        i -= 1
    return i < 0 or text[i] in ".!?:;\"“„«(—–-\n"


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


def words(text: str) -> Words:
    found = _WORD.findall(text)
    starts, ends, pos = [], [], 0
    for w in found:  # findall + find is faster than finditer's match objects
        pos = text.find(w, pos)
        starts.append(pos)
        pos += len(w)
        ends.append(pos)
    keys = [w.casefold() for w in found]
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

    def swapped(self) -> WordMap:
        """The same map seen from B."""
        return WordMap(self.b, self.a, self.b2a, self.a2b)

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
