"""Direct quotes checked word by word against the other side's quoted words.

A quote in B is matched to the quoted words of A (the pair's quotes read as one run,
so a quote cut by the sentence splitter or spliced from two is still found; then every
quote of the A article). Against its closest original:
- the same words (case, punctuation, quote style, hyphenation, "twelve"/"12",
  inflections such as "has"/"have" aside), or a shorter excerpt cut at its ends, or
  parts joined by a marked ellipsis, are fine; [bracketed] words are the editor's;
- words changed, added or cut in the middle make a misquote;
- quoted words that A says only in its own words, unquoted, make a fabricated quote;
- a quote with nothing like it on the other side is dropped/added (a quote turned into
  reported speech is not: the words are still there, only no longer quoted), and so is
  one of three words or more where the other side says something else in its place (no
  content word of the quote, by its stem).
Wire copy's ``...'' quotes arrive here as curly quotes (see `context.wire_normal`), and
straight single quotes are read as quotation marks where British copy uses them so.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from rapidfuzz.distance import Indel, Levenshtein

from reader.drift.context import PairContext, WordMap, content_words
from reader.drift.speakers import same_person, speaker
from reader.drift.types import Drift, make, shown

_DOUBLE = re.compile(r"([“”\"«»„‟])\1*")
_OPENERS = "“«„‟"
_CLOSERS = "”»"
_SINGLES = re.compile(r"['‘’]")
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|\[[^\]]*\]|\.\.\.|…")
_TRIM = " \t\n,;:"
_BEFORE_OPEN = " \t\n([{—–-:/"
_PUNCT_CLOSE = ".,!?;:…)—–-"
_NUMBER_WORDS = {w: str(i + 1) for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_LEMMA = {w: "be" for w in "is are was were be been being am 's 're".split()} | {
    w: "have" for w in "has have had having 've".split()} | {
    w: "do" for w in "does do did".split()}
_FUNCTION = frozenset("""a an the and or but of to in on at for by with from as that this
these those it its is are was were be been has have had do does did will would shall
should can could may might must not no so than then there their they them he she his
her we our us you your i me my""".split())
_EDITORIAL = "\x00"  # a [bracketed] insertion: the editor's words, matching anything
_ELLIPSIS = "\x01"  # a marked cut
_SCALE = re.compile(r"(\d)(m|bn|k)(?![a-z])")
_SCALES = {"m": "million", "bn": "billion", "k": "thousand"}
ALTERED = "quote altered"  # the note of a quote compared word by word with its original
CREDITED_ELSEWHERE = "quote credited to someone else"
_MIN_ADDED = 3  # a one- or two-word quote appearing or vanishing is usually emphasis


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, without the marks
    end: int
    open_start: bool  # no opening mark in the text: the quote began before it
    open_end: bool  # no closing mark: it goes on after the text


class Token(NamedTuple):  # (a tuple: a whole article's quoted words are built fast)
    key: str
    start: int
    end: int
    quote: int  # which quote of its side it belongs to


def _quote(text: str, start: int, end: int, open_start: bool, open_end: bool) -> Quote | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return Quote(start, end, open_start, open_end) if re.search(r"\w", text[start:end]) else None


def _opens(text: str, p: int, width: int = 1) -> bool:
    """A straight mark opens when it follows a space, bracket, dash or colon (or starts
    the text) and precedes a word."""
    after = p + width
    return (p == 0 or text[p - 1] in _BEFORE_OPEN) and after < len(text) and (
        text[after].isalnum() or text[after] in "“‘'\"")


def _doubles(text: str) -> list[Quote]:
    """Curly, straight, guillemet and „German“ double quotes."""
    found: list[Quote | None] = []
    open_at: int | None = None
    opener = ""
    seen = False
    for m in _DOUBLE.finditer(text):
        p, ch, width = m.start(), m.group(1), len(m.group())
        if open_at is None:
            if ch in _OPENERS or (ch == '"' and _opens(text, p, width)):
                open_at, opener = m.end(), ch
            elif not seen:  # a closing mark first: the quote began before this text
                found.append(_quote(text, 0, p, True, False))
        elif ch in _CLOSERS or ch == '"' or (ch == "“" and opener == "„"):
            found.append(_quote(text, open_at, p, False, False))
            open_at = None
        seen = True
    if open_at is not None:
        found.append(_quote(text, open_at, len(text), False, True))
    return [q for q in found if q]


def _closes(text: str, p: int) -> int:
    """How surely a single mark at `p` closes a quote: 2 sure, 1 maybe (a plural
    possessive "the girls' mother" looks the same), 0 not at all."""
    before = text[p - 1] if p else " "
    after = text[p + 1] if p + 1 < len(text) else " "
    if before.isspace() or after.isalnum():
        return 0
    if before in _PUNCT_CLOSE or after in _PUNCT_CLOSE or not after.strip() and p + 1 >= len(text):
        return 2
    return 1 if before in "sS" else 2


def _in_double(p: int, doubles: list[Quote], starts: list[int]) -> bool:
    """A mark at `p` is inside or next to a double quote (`starts`: theirs; the quotes
    come in reading order without overlap, so the last one starting by p + 1 decides)."""
    k = bisect.bisect_right(starts, p + 1)
    return k > 0 and p < doubles[k - 1].end + 1


def _singles(text: str, doubles: list[Quote]) -> list[Quote]:
    """Quotes in single marks (‘curly’ or British 'straight'); apostrophes inside
    words ("don't", "Hagland's") and marks at a double quote are not marks."""
    starts = [q.start for q in doubles]
    marks = [m.start() for m in _SINGLES.finditer(text)
             if not _in_double(m.start(), doubles, starts)]
    found: list[Quote | None] = []
    open_at: int | None = None
    for n, p in enumerate(marks):
        if open_at is None:
            if _opens(text, p):
                open_at = p + 1
            elif not found and _closes(text, p) == 2 and text[p - 1] in _PUNCT_CLOSE:
                found.append(_quote(text, 0, p, True, False))
        else:
            sure = _closes(text, p)
            if sure == 2 or (sure == 1 and not any(_closes(text, q) for q in marks[n + 1:])):
                found.append(_quote(text, open_at, p, False, False))
                open_at = None
    if open_at is not None:
        found.append(_quote(text, open_at, len(text), False, True))
    return [q for q in found if q]


def quotes(text: str) -> list[Quote]:
    """Every quoted span of `text`, in reading order."""
    doubles = _doubles(text)
    return sorted(doubles + _singles(text, doubles), key=lambda q: q.start)


def pair_quotes(ctx: PairContext) -> tuple[list[Quote], list[Quote]]:
    return quotes(ctx.a), quotes(ctx.b)


def _key(word: str) -> str:
    k = word.casefold().replace("’", "'").replace("-", "")  # "anti-Semite" = "antisemite"
    return _NUMBER_WORDS.get(k, k)


def _token_key(w: str) -> str:
    return _EDITORIAL if w[0] == "[" else _ELLIPSIS if w in ("...", "…") else _key(w)


def tokens(text: str, found: list[Quote]) -> list[Token]:
    """The quoted words of one side, quote after quote, with markers for [editorial]
    insertions and marked cuts."""
    out = []
    keys: dict[str, str] = {}  # (a word's key worked out once: articles repeat words)
    for n, q in enumerate(found):
        pos = q.start
        for w in _TOKEN.findall(text, q.start, q.end):  # findall + find beat finditer
            pos = text.find(w, pos)  # (what lies between tokens holds no word character)
            key = keys.get(w)
            if key is None:
                key = keys[w] = _token_key(w)
            out.append(Token(key, pos, pos + len(w), n))
            pos += len(w)
    return out


def _lemma(key: str) -> str:
    if key in _LEMMA:
        return _LEMMA[key]
    for end in ("'s", "es", "s"):
        if key.endswith(end) and len(key) - len(end) >= 3:
            return key[: -len(end)]
    return key


def _spelled(keys: list[str]) -> str:
    joined = "".join(keys)
    if joined.isalpha():  # (no figure to spell out, no hyphen: most runs of words)
        return joined
    return _SCALE.sub(lambda m: m.group(1) + _SCALES[m.group(2)], joined.replace("-", ""))


def _misspelt(x: str, y: str) -> bool:
    """One letter off in a word of four or more ("then"/"than"): a spelling, not a word."""
    return min(len(x), len(y)) >= 4 and x[0] == y[0] and Levenshtein.distance(x, y) == 1


def _neutral(xs: list[str], ys: list[str]) -> bool:
    """Two runs of words that say the same: spacing or hyphens ("bear hug"/"bearhug"),
    figures written another way ("2.9m"/"2.9 million"), or the same words inflected
    ("has"/"have", "market"/"markets")."""
    return _spelled(xs) == _spelled(ys) or _same_words(xs, ys)


def _same_words(xs: list[str], ys: list[str]) -> bool:
    """Word for word the same but for a misspelling or an inflection."""
    if len(xs) != len(ys):
        return False
    if all(x == y or _misspelt(x, y) for x, y in zip(xs, ys)):
        return True
    return all(_lemma(x) == _lemma(y) for x, y in zip(xs, ys))


@dataclass(frozen=True)
class Match:
    """Where one B quote's words sit among A's quoted words, and what differs."""

    matched: int  # B words found in A
    a_first: int  # A token range of the closest original wording
    a_last: int
    changes: list[tuple[list[str], list[str]]]  # (A words, B words) that differ


def _segments(ys: list[Token]) -> list[list[Token]]:
    """A quote's words split at marked cuts ("... "): each part is checked on its own."""
    parts: list[list[Token]] = [[]]
    for t in ys:
        if t.key == _ELLIPSIS:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _blocks(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes with each run of deletions and insertions between two equal stretches
    merged into one replacement, so "5ft" against "5 ft" is judged as one edit."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("replace", a1, op[2], b1, op[4])
        else:
            out.append(op)
    return out


def _core(equal: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """The equal stretches of a match less stray one- or two-word hits at either end
    that lie further from the rest than they are long (an "I" matched far away)."""
    def stray(block: tuple[str, int, int, int, int], gap_a: int, gap_b: int) -> bool:
        size = block[2] - block[1]
        return size <= 2 and gap_a > gap_b + size

    while len(equal) > 1 and stray(equal[0], equal[1][1] - equal[0][2], equal[1][3] - equal[0][4]):
        equal = equal[1:]
    while len(equal) > 1 and stray(equal[-1], equal[-1][1] - equal[-2][2],
                                   equal[-1][3] - equal[-2][4]):
        equal = equal[:-1]
    return equal


def _edge_neutral(a_edge: list[str], b_edge: list[str], lead: bool) -> bool:
    """B's words at an edge say what the A words next to the match say."""
    spelled = _spelled(b_edge)
    for k in range(1, min(len(a_edge), len(b_edge) + 2) + 1):
        xs = a_edge[len(a_edge) - k:] if lead else a_edge[:k]
        if _spelled(xs) == spelled or (k == len(b_edge) and _same_words(xs, b_edge)):
            return True  # (word for word needs as many words)
    return False


def _match_keys(xs: list[Token], side: str) -> list[str]:
    """The tokens' keys as the word matcher compares them: an [editorial] word matches
    nothing (each its own key) and excuses whatever stands there."""
    keys = [t.key for t in xs]
    if _EDITORIAL not in keys:
        return keys
    return [k if k != _EDITORIAL else f"{_EDITORIAL}{side}{n}" for n, k in enumerate(keys)]


def _beside(xs: list[Token], i: int, step: int, most: int) -> list[str]:
    """Keys of at most `most` words of token i's quote just before it (step -1) or just
    after it (step 1), in reading order: the edge of the A quote beyond a match (its
    tokens stand together in `xs`). Edge checks never read further than B's edge + 2."""
    quote, j, out = xs[i].quote, i + step, []
    while 0 <= j < len(xs) and len(out) < most and xs[j].quote == quote:
        out.append(xs[j].key)
        j += step
    return out[::-1] if step < 0 else out


def _char(n: int) -> str:
    """The n-th character a word can be coded as (surrogates skipped)."""
    return chr(n if n < 0xD800 else n + 0x800)


def _compare(xs: list[Token], ys: list[Token], quotes_a: list[Quote], xcodes: str,
             code: dict[str, str]) -> Match | None:
    """Match B words `ys` into A's quoted words `xs` (`xcodes`: their `_match_keys` coded
    by `code`, one character a word, which the LCS reads far faster than a list):
    differences inside the matched stretch count, so does a B edge that replaces A
    words or extends a closed A quote with words of substance; an A quote trimmed at
    its ends does not."""
    absent = _char(len(code))  # a B word that A's quotes lack matches nothing
    ycodes = "".join(code.get(k, absent) for k in _match_keys(ys, "b"))
    ops = _blocks(Indel.opcodes(xcodes, ycodes).as_list())
    equal = _core([op for op in ops if op[0] == "equal"])
    matched = sum(a2 - a1 for _, a1, a2, _, _ in equal)
    if not matched:
        return None
    first, last = equal[0], equal[-1]
    a_first, a_last = first[1], last[2]
    changes: list[tuple[list[str], list[str]]] = []
    for tag, a1, a2, b1, b2 in ops:
        if tag == "equal" or b2 <= first[3] and a2 <= first[1] or b1 >= last[4] and a1 >= last[2]:
            continue  # outside the matched stretch: edges are judged below
        xk, yk = [t.key for t in xs[a1:a2]], [t.key for t in ys[b1:b2]]
        if _EDITORIAL in yk or _EDITORIAL in xk or _neutral(xk, yk):
            continue
        changes.append((xk, yk))
    lead_b = [t.key for t in ys[: first[3]] if t.key != _EDITORIAL]
    trail_b = [t.key for t in ys[last[4]:] if t.key != _EDITORIAL]
    lead_a = _beside(xs, a_first, -1, len(lead_b) + 2)
    trail_a = _beside(xs, a_last - 1, 1, len(trail_b) + 2)
    for lead, b_edge, a_edge, open_edge in (
            (True, lead_b, lead_a, quotes_a[xs[a_first].quote].open_start),
            (False, trail_b, trail_a, quotes_a[xs[a_last - 1].quote].open_end)):
        near = (a_edge[-len(b_edge):] if lead else a_edge[:len(b_edge)]) if b_edge else []
        if not b_edge or _edge_neutral(a_edge, b_edge, lead):
            continue
        if near:  # B put other words where A's quote went on
            changes.append((near, b_edge))
            if lead:
                a_first -= len(near)
            else:
                a_last += len(near)
        elif not open_edge and not _FUNCTION.issuperset(b_edge):
            changes.append(([], b_edge))  # A's quote ended here; B quotes on
    return Match(matched, a_first, a_last, changes)


def _quote_ranges(xs: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [lo, hi) of each quote in a run of quoted words (each quote's
    tokens stand together, in reading order)."""
    bounds, lo = [], 0
    for size in Counter(t.quote for t in xs).values():
        bounds.append((lo, lo + size))
        lo += size
    return bounds


@dataclass(frozen=True)
class Quoted:
    """One side's quotes and quoted words as the matcher reads them, built once per side
    (a whole article's serve every pair)."""

    quotes: list[Quote]
    tokens: list[Token]
    codes: str  # `_match_keys(tokens)`, a character each, as `code` codes them
    code: dict[str, str]
    ranges: list[tuple[int, int]]
    words: int  # tokens that are words, not [editorial] insertions

    @cached_property
    def postings(self) -> dict[str, list[tuple[int, int]]]:
        """Word -> [(range, count)]: which quotes hold it, how often ([editorial] words
        aside), so a B quote is tried against the few quotes it shares words with, not
        every quote of the article."""
        out: dict[str, list[tuple[int, int]]] = {}
        for n, (lo, hi) in enumerate(self.ranges):
            for key, count in Counter(t.key for t in self.tokens[lo:hi]
                                      if t.key != _EDITORIAL).items():
                out.setdefault(key, []).append((n, count))
        return out


def quoted(text: str, found: list[Quote]) -> Quoted:
    xs = tokens(text, found)
    keys = _match_keys(xs, "a")
    code = {k: _char(n) for n, k in enumerate(dict.fromkeys(keys))}  # in order of first use
    return Quoted(found, xs, "".join(map(code.__getitem__, keys)), code, _quote_ranges(xs),
                  len(xs) - sum(t.key == _EDITORIAL for t in xs))


def _shared(run: Quoted, part: list[Token], wanted: set[str]) -> dict[int, int]:
    """Range index -> at most how many words that quote has in common with the part (no
    match of the two can pair more), for the quotes holding a `wanted` word (any word
    of the part when none is wanted). Function words are counted as all shared: they
    stand in nearly every quote, and reading their postings would cost more than it saves."""
    counts = Counter(t.key for t in part if t.key != _EDITORIAL)
    rest = sum(n for k, n in counts.items() if k not in wanted)
    out: dict[int, int] = {}
    for k in wanted or counts:
        for r, count in run.postings.get(k, ()):
            out[r] = out.get(r, 0) + (min(counts[k], count) if k in wanted else 0)
    return {r: n + rest for r, n in out.items()}


def _closest(run: Quoted, part: list[Token], floor: int = 0) -> Match | None:
    """The part's closest match among A's quoted words `run`: the run of all quotes, or
    one quote alone when it matches more words or as many with fewer changes (on a tie,
    the earlier). A quote alone is tried when it shares a content word with the part,
    the likeliest first, and only while it could still win: it pairs at most the words
    it has in common with the part, with no change. Nor is it tried when it could not
    pair `floor` words (a caller that rejects a closer match pairing fewer loses nothing:
    the closest among those left is the closest of all whenever it pairs that many)."""
    xs = run.tokens
    m = _compare(xs, part, run.quotes, run.codes, run.code)
    wanted = {t.key for t in part if t.key not in _FUNCTION and t.key != _EDITORIAL}
    shared = _shared(run, part, wanted)
    top, top_at = (_rank(m), -1) if m else ((0, 0), -1)  # the best so far, where first
    alone: list[tuple[int, Match]] = []
    for r in sorted(shared, key=lambda r: (-shared[r], r)):
        if shared[r] < max(top[0], floor):
            break  # (in order of words in common: no later quote can win either)
        lo, hi = run.ranges[r]
        if hi - lo == len(xs) or ((shared[r], 0) == top and r > top_at):
            continue
        one = _compare(xs[lo:hi], part, run.quotes, run.codes[lo:hi], run.code)
        if one:
            alone.append((r, replace(one, a_first=one.a_first + lo, a_last=one.a_last + lo)))
            if _rank(one) > top or (_rank(one) == top and r < top_at):
                top, top_at = _rank(one), r
    for _, one in sorted(alone, key=lambda x: x[0]):  # in reading order: a tie keeps the earlier
        if m is None or _rank(one) > _rank(m):
            m = one
    return m


def _rank(m: Match) -> tuple[int, int]:
    """Which of two matches is closer: more words matched, then fewer changes."""
    return m.matched, -len(m.changes)


def _need(words: list[Token]) -> int:
    """How many of a quote's words a match must pair to be the same quote."""
    return max(1, (len(words) + 1) // 2) if len(words) > 2 else len(words)


def _accepted(m: Match | None, run: Quoted, part: list[Token]) -> Match | None:
    """The match when it shares enough with the part to be the same quote."""
    words = [t for t in part if t.key != _EDITORIAL]
    content = [t for t in words if t.key not in _FUNCTION]
    if m is None or (m.matched < run.words and (
            m.matched < _need(words) or (content and m.matched < 2 and len(words) > 2))):
        return None  # (every A quoted word found: B quotes more of it)
    return m


def _best(run: Quoted, part: list[Token]) -> Match | None:
    """The part's closest match into A's quoted words, when it shares enough to be the
    same quote (quotes alone that cannot pair enough words, or every A word, are not tried)."""
    if not run.tokens:
        return None
    floor = min(_need([t for t in part if t.key != _EDITORIAL]), run.words)
    return _accepted(_closest(run, part, floor), run, part)


def _describe(changes: list[tuple[list[str], list[str]]]) -> str:
    parts = []
    for xk, yk in changes[:2]:
        x, y = " ".join(k for k in xk if k >= " "), " ".join(k for k in yk if k >= " ")
        parts.append(f'"{x}" -> "{y}"' if x and y else f'"{y}" added' if y else f'"{x}" cut')
    more = f" (+{len(changes) - 2} more)" if len(changes) > 2 else ""
    return "; ".join(parts) + more


def _span(xs: list[Token], first: int, last: int, quotes_a: list[Quote]) -> tuple[int, int]:
    """Characters of A tokens [first, last), widened to the quote's own end marks'
    punctuation when the stretch reaches the quote's end."""
    start, end = xs[first].start, xs[last - 1].end
    q = quotes_a[xs[last - 1].quote]
    if last == len(xs) or xs[last].quote != xs[last - 1].quote:
        end = q.end
    return start, end


def _in_words(keys: list[str], text_keys: list[str]) -> bool:
    """The quoted words stand, in order and unbroken, in the other side's text: looked
    for only where their longest word stands (list.index skips the rest at C speed; a
    whole article is asked once per quote)."""
    if not keys:
        return True
    i = max(range(len(keys)), key=lambda n: len(keys[n]))
    try:
        p = text_keys.index(keys[i], i)
        while text_keys[p - i:p - i + len(keys)] != keys:
            p = text_keys.index(keys[i], p + 1)
    except ValueError:
        return False
    return True


def _side_keys(text: str) -> list[str]:
    return [_key(w) for w in re.findall(r"\w+(?:['’\-]\w+)*", text)]


@dataclass(frozen=True)
class QuoteIndex:
    """One whole article's quotes and quoted words, and all its words."""

    text: str
    quoted: Quoted
    keys: list[str]


def quote_index(text: str) -> QuoteIndex:
    return QuoteIndex(text, quoted(text, quotes(text)), _side_keys(text))


def _in_place(word_map: WordMap, start: int, end: int) -> tuple[int, int, int]:
    """(first, last, count) of the other side's words standing where this side's
    characters [start, end) stand, and how many words those characters hold."""
    i, j = word_map.a.covering(start, end)
    b1, b2 = word_map.region(i, j)
    return b1, b2, j - i


def _said_anyway(b1: int, b2: int, n: int) -> bool:
    """The other side says something of its own in this place, not just a word or two:
    it gives the quote's content in other words (or drops it, when this is False)."""
    return b2 - b1 > n // 3


def quote_drift(ctx: PairContext) -> list[Drift]:
    a, b = ctx.a, ctx.b
    qa, qb = ctx.derived(pair_quotes)
    if not qa and not qb:
        return []
    run_a, ys_all = quoted(a, qa), tokens(b, qb)
    xs = run_a.tokens
    art_a = ctx.article.view(quote_index, "a") if ctx.article else None
    art_b = ctx.article.view(quote_index, "b") if ctx.article else None
    keys_a = art_a.keys if art_a else _side_keys(a)
    keys_b = art_b.keys if art_b else _side_keys(b)
    out: list[Drift] = []
    used_a: set[int] = set()
    for n, q in enumerate(qb):
        ys = [t for t in ys_all if t.quote == n]
        found = _check(ctx, q, ys, run_a, used_a, keys_a, art_a)
        if found:
            out.append(found)
    for n, q in enumerate(qa):
        if n in used_a or q.open_start or q.open_end:
            continue
        keys = [t.key for t in xs if t.quote == n and t.key >= " "]
        if len(keys) < _MIN_ADDED or _in_words(keys, keys_b):
            continue
        if art_b and _best(art_b.quoted, [t for t in xs if t.quote == n]):
            continue
        if not _said_anyway(*_in_place(ctx.words, q.start, q.end)):  # not reported speech
            out.append(make("quote", a, (q.start, q.end), b, None, "quote dropped"))
    return out


def _stems(keys: list[str]) -> set[str]:
    """Content words cut to four letters: "loved" says what "love" does."""
    return {k[:4] for k in content_words(keys)}


def _said_in_a(change: tuple[list[str], list[str]], keys_a: list[str]) -> bool:
    """B quotes on past A's quote marks with words A says right there (a quote that
    runs on over a paragraph break in wire copy has no closing mark): not new words."""
    xk, yk = change
    return not xk and len(yk) >= 2 and _in_words(yk, keys_a)


def _check(ctx: PairContext, q: Quote, ys: list[Token], run_a: Quoted, used_a: set[int],
           keys_a: list[str], art: QuoteIndex | None) -> Drift | None:
    """What is wrong with B quote `q` (words `ys`), if anything."""
    a, b = ctx.a, ctx.b
    xs, qa = run_a.tokens, run_a.quotes
    parts = _segments(ys)
    matches = [_best(run_a, part) for part in parts]
    if any(matches):
        changes = []
        for m in matches:
            if m:
                used_a.update(t.quote for t in xs[m.a_first:m.a_last])
                changes += [c for c in m.changes if not _said_in_a(c, keys_a)]
        good = [m for m in matches if m]
        if not changes:
            return _credited_elsewhere(ctx, q, xs, qa, good[0]) if ctx.sure else None
        span = (_span(xs, good[0].a_first, good[0].a_last, qa)[0],
                _span(xs, good[-1].a_first, good[-1].a_last, qa)[1])
        return make("quote", a, span, b, (q.start, q.end),
                    f"{ALTERED} ({_describe(changes)})")
    if art is not None:
        far = [_best(art.quoted, part) for part in parts]
        if any(far):
            changes = [c for m in far if m for c in m.changes if not _said_in_a(c, keys_a)]
            if not changes:
                return None
            m = next(m for m in far if m)
            s, e = _span(art.quoted.tokens, m.a_first, m.a_last, art.quoted.quotes)
            wording = art.text[s:e]
            return Drift("quote", wording, b[q.start:q.end], -1, -1, q.start, q.end,
                         f"{ALTERED} ({_describe(changes)}); closest original wording "
                         f"elsewhere in A: {shown(wording)}", "changed")
    keys = [t.key for t in ys if t.key >= " "]
    n = ctx.words.swapped().counterpart(q.start, q.end, [(x.start, x.end) for x in qa])
    if n >= 0:  # an A quote stands in its place, in other words
        used_a.add(n)
        return make("quote", a, (qa[n].start, qa[n].end), b, (q.start, q.end),
                    f"{ALTERED} (other words)")
    if len(keys) < 2 or _in_words(keys, keys_a):
        return None  # A says these words too, unquoted: B only marks them as speech
    if q.open_start or q.open_end:
        return None  # a fragment: its other words may be quoted in the next sentence
    back = ctx.words.swapped()
    a1, a2, n = _in_place(back, q.start, q.end)
    added = make("quote", a, None, b, (q.start, q.end), "quote added") if (
        len(keys) >= _MIN_ADDED) else None
    # A says nothing there, or something else: no content word of the quote, by its stem
    # (a phrase of a word or two may be its own words for what A says: "chatting up")
    if not _said_anyway(a1, a2, n) or added and not _stems(keys) & _stems(back.b.keys[a1:a2]):
        return added
    gap = back.b.span(a1, a2)
    if ctx.sure and a2 - a1 <= 3 * n + 3 and gap and not any(
            x.start < gap[1] and gap[0] < x.end for x in qa):
        return make("quote", a, gap, b, (q.start, q.end),
                    "quoted words A gives only in its own words")
    return None


def _credited_elsewhere(ctx: PairContext, q: Quote, xs: list[Token], qa: list[Quote],
                        m: Match) -> Drift | None:
    """The same words put in another person's mouth: both sides name the speaker plainly
    and the names are not one person's."""
    said_b = speaker(ctx.b, q.start, q.end)
    original = qa[xs[m.a_first].quote]
    said_a = speaker(ctx.a, original.start, original.end)
    if not said_a or not said_b or same_person(said_a[0], said_b[0]):
        return None
    return make("quote", ctx.a, said_a[1:], ctx.b, said_b[1:], CREDITED_ELSEWHERE)
