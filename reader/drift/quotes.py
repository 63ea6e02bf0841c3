"""Direct quotes that are not verbatim between two versions.

A quote survives when its words (case, punctuation, whitespace and quote style aside)
appear inside the other side's quotes: whole, as a shorter verbatim excerpt, or split
over several quotes. Quotes that survive nowhere are paired with the quote standing in
their place (misquote) or reported as dropped/added. A sentence splitter often cuts a
quote in two, so a quote left open at either end of the text is only compared with
another quote, never reported as dropped or added on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.drift.context import WordMap
from reader.drift.types import Drift, make

_MARK = re.compile(r"[“”\"«»„‟]")
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))‘(?=\S)(?P<body>[^‘’\n]+?)’(?![^\W\d_])")
_OPENERS = "“«„‟"
_CLOSERS = "”»"
_WORD = re.compile(r"\w+")
_TRIM = " \t\n,;:"
_MIN_WORDS = 3  # a one- or two-word quote appearing or vanishing is usually emphasis


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, without the marks
    end: int
    words: str  # " w1 w2 ... " casefolded, padded for substring tests
    fragment: bool  # left open at the start or end of the text


def _quote(text: str, start: int, end: int, fragment: bool) -> Quote | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    found = _WORD.findall(text[start:end].casefold())
    return Quote(start, end, " " + " ".join(found) + " ", fragment) if found else None


def _opens(text: str, p: int) -> bool:
    """A straight double quote opens when it follows a space or bracket and precedes a
    non-space."""
    before_ok = p == 0 or text[p - 1].isspace() or text[p - 1] in "([{—–-"
    return before_ok and p + 1 < len(text) and not text[p + 1].isspace()


def quotes(text: str) -> list[Quote]:
    """Double-quoted spans (curly, straight, guillemets, „German“) and ‘single’ ones."""
    found: list[Quote | None] = []
    open_at: int | None = None
    opener = ""
    seen_mark = False
    for m in _MARK.finditer(text):
        p, ch = m.start(), m.group()
        if open_at is None:
            if ch in _OPENERS or (ch == '"' and _opens(text, p)):
                open_at, opener = p + 1, ch
            elif not seen_mark:  # a closing mark first: the quote began before this text
                found.append(_quote(text, 0, p, True))
        elif ch in _CLOSERS or ch == '"' or (ch == "“" and opener == "„"):
            found.append(_quote(text, open_at, p, False))
            open_at = None
        seen_mark = True
    if open_at is not None:
        found.append(_quote(text, open_at, len(text), True))
    doubles = [q for q in found if q]
    for m in _SINGLE.finditer(text):
        if not any(q.start <= m.start() < q.end for q in doubles):
            q = _quote(text, m.start("body"), m.end("body"), False)
            if q:
                doubles.append(q)
    return sorted(doubles, key=lambda q: q.start)


def _all_words(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def quote_drift(a: str, b: str, word_map: WordMap) -> list[Drift]:
    qa, qb = quotes(a), quotes(b)
    if not qa and not qb:
        return []
    joined_a = " ".join(q.words for q in qa)
    joined_b = " ".join(q.words for q in qb)
    lone_a = [x for x in qa if x.words not in joined_b and not any(y.words in x.words for y in qb)]
    lone_b = [y for y in qb if y.words not in joined_a and not any(x.words in y.words for x in qa)]
    out: list[Drift] = []

    def pair(x: Quote, y: Quote) -> None:
        lone_a.remove(x)
        lone_b.remove(y)
        out.append(make("quote", a, (x.start, x.end), b, (y.start, y.end),
                        "quote changed (not verbatim)"))

    for x in list(lone_a):  # near-verbatim first: the surest pairs
        scored = [(fuzz.ratio(x.words, y.words), n) for n, y in enumerate(lone_b)]
        best = max(scored, default=(0, -1))
        if best[0] >= 60:
            pair(x, lone_b[best[1]])
    for x in list(lone_a):  # then the quote standing in its place
        n = word_map.counterpart(x.start, x.end, [(y.start, y.end) for y in lone_b])
        if n >= 0:
            pair(x, lone_b[n])
    if len(lone_a) == 1 and len(lone_b) == 1:
        pair(lone_a[0], lone_b[0])
    text_a, text_b = _all_words(a), _all_words(b)
    for x in lone_a:
        if not x.fragment and x.words.count(" ") > _MIN_WORDS and x.words not in text_b:
            out.append(make("quote", a, (x.start, x.end), b, None, "quote dropped"))
    for y in lone_b:
        if not y.fragment and y.words.count(" ") > _MIN_WORDS and y.words not in text_a:
            out.append(make("quote", a, None, b, (y.start, y.end), "quote added"))
    return out
