"""Quoted and bracketed spans: a sentence does not end inside one.

"He said "Stop. Go." and left." is one sentence; so is "(He was 5. Or 6.)" inside a
longer one. Punctuation that closes a span ("... great." She left.) may still end the
sentence, because the split then falls after the closing mark, outside the span.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.segment.lists import BLANK_LINE

# Each alternative starts with a literal opening mark, so the scan jumps from mark to mark. Straight
# quotes open only after a space or an opening mark: "it's", "Jr.'s" and 5'11" open nothing.
# Single quotes, whose closing mark is also the apostrophe, are looked for over at most 1,000
# characters without backtracking, so text full of apostrophes stays linear.
_SPAN = re.compile(
    r'“[^“”]*”|„[^„“”]*[“”]|,,[^,“”]*[“”]|«[^«»]*»|»[^»«]*«|‹[^‹›]*›'
    r"|‘(?:[^‘’]|’(?=\w)){0,1000}+’(?!\w)"
    r'|「[^「」]*」|『[^『』]*』|《[^《》]*》|〈[^〈〉]*〉|（[^（）]*）|【[^【】]*】'
    r'|\([^()]*\)|\[[^\[\]]*\]'
    r'|"(?<![^\s(\[{—–\-/]")(?:[^"\n]|\n(?![ \t]*\r?\n))*"'
    r"|'(?<![^\s(\[{—–\-/]')(?:[^'\n]|'(?=\w)){0,1000}+'(?!\w)"
    r"|`(?:[^'\n]|'(?=\w)){0,1000}+'(?!\w)"
)


class Spans:
    """The quoted/bracketed spans of one text, for `inside` queries in any order."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _SPAN.finditer(text):
            if "\n" in m.group() and BLANK_LINE.search(m.group()):
                continue  # quotes and brackets close within their paragraph
            self.starts.append(m.start())
            self.ends.append(m.end())

    def inside(self, start: int, split: int) -> bool:
        """True when punctuation at `start` splitting at `split` would cut a span open."""
        i = bisect_right(self.starts, start - 1) - 1
        return i >= 0 and split < self.ends[i]
