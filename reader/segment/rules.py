"""Where sentences end: one scan for sentence punctuation over the whole text.

A candidate is sentence punctuation (with any closing quotes or brackets and footnote
marks) followed by space, or by nothing at all after CJK, Devanagari, Arabic, Ethiopic,
Armenian or Burmese full stops, and then something that can open a sentence (not a
lowercase letter, not more punctuation). Quoted and bracketed text is never cut open
(spans.py); a full stop is weighed by the words around it (stops.py); line breaks,
bullets and list items cut on their own (lists.py).
"""

from __future__ import annotations

import re

from reader.segment.lists import bullet_cuts, item_cuts, line_cuts
from reader.segment.punct import CLOSERS, NO_SPACE, OPENERS, TERMS
from reader.segment.spans import Spans
from reader.segment.stops import ends, glued

_LEAD = frozenset(OPENERS + "-–—‐ \t\u00a0")  # skipped to find the next sentence's first letter

_TAIL = (
    rf"(?:[ \u00a0]\.)*)(?P<c>[{re.escape(CLOSERS)}]*)"  # ". . .", then closing quotes/brackets
    r"(?P<f>(?:\[\d{1,3}\])+|\d{1,3}(?:[ ,]\d{1,3})*(?=\s))?"  # footnote marks: "end.[1]", "end.12"
    r"(?P<g>\s*)"
)
_CANDIDATE = re.compile(rf"(?P<p>[{re.escape(TERMS)}]+" + _TAIL)
# Greek writes its question mark as a semicolon, Armenian its full stop often as a colon: these
# count only after a letter of that script, and are looked for only in text that has one.
_GREEK_ARMENIAN = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0531-\u0587]")
_CANDIDATE_GA = re.compile(
    rf"(?P<p>(?:[{re.escape(TERMS)}]|(?<=[\u0370-\u03ff\u1f00-\u1fff]);|(?<=[\u0531-\u0587….]):)+"
    + _TAIL
)
_QUOTE_THEN_WORD = re.compile(r"[”»\"][^\W\d_][^\W\d_]*[a-z]")  # a space forgotten: 'end.”The'
_CAMEL = re.compile(r"[a-z]{1,2}[A-Z]")  # "iPhone", "eBay": names that may open a sentence
_NOT_OPENING = frozenset(TERMS + ",;:)]}")
# Speech broken off by a dash ends its sentence when the quote closes: 'sir--" The Rabbit'.
_INTERRUPTED = re.compile(r"(?:--|—)[”\"’'»]+\s+(?=[^\W\d_])")


def cuts(text: str, lines: bool = True) -> list[int]:
    """Sorted positions in `text` where a new sentence starts (0 excluded). With `lines`
    False a line break is only a space (text whose paragraphs were already rejoined)."""
    forced = _forced_cuts(text, lines)
    out: list[int] = []
    n = len(text)
    spans: Spans | None = None
    fi = 0  # forced cuts before the current candidate
    last = 0
    candidates = _CANDIDATE_GA if _GREEK_ARMENIAN.search(text) else _CANDIDATE
    for m in candidates.finditer(text):
        nxt = m.end()
        if nxt >= n:
            break  # the rest is the last sentence
        p, f, g = m.group("p", "f", "g")
        if not g and not (_QUOTE_THEN_WORD.match(text, m.end("c") - 1) or glued(text, m)) \
                and (p[-1] not in NO_SPACE or text[nxt].isdigit() and text[m.start() - 1:m.start()].isdigit()):
            continue  # "Yahoo!J", "www.a.com", "３．２９"; but "end.”Next" and "end.Next" are boundaries
        if f and f[0] != "[" and text[m.start() - 1:m.start()].isdigit():
            continue  # "3.6 million": a decimal, not a footnote
        j = nxt
        while j < n and text[j] in _LEAD:
            j += 1
        if j >= n:
            break
        first = text[j]
        if first.islower() and not _CAMEL.match(text, j) or first in _NOT_OPENING \
                or first == "と" and text[j - 1] in CLOSERS:
            continue  # lowercase runs on (not "iPhone"); "と" after a quotation: 「…。」と言った
        start = m.start()
        if spans is None:
            spans = Spans(text)
        split = m.end("f") if f else m.end("c")
        if p.startswith(". . . .") and start and not text[start - 1].isspace():
            split = start + 1  # "words. . . . The": a full stop, then an ellipsis opens the next
        if spans.inside(start, split):
            continue
        while fi < len(forced) and forced[fi] <= start:
            last = max(last, forced[fi])
            fi += 1
        if not ends(text, p, last, start, nxt, j):
            continue
        out.append(split)
        last = split
    if forced:
        out = sorted(set(out).union(forced))
    return [c for c in out if 0 < c < n]


def _forced_cuts(text: str, lines: bool) -> list[int]:
    forced: list[int] = [m.end() for m in _INTERRUPTED.finditer(text) if text[m.end()].isupper()]
    if lines and ("\n" in text or "\r" in text):  # blank lines always cut
        forced.extend(line_cuts(text))
    forced.extend(bullet_cuts(text))
    forced.extend(item_cuts(text))
    return sorted(set(forced))
