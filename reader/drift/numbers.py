"""Numbers, quantities and dates of a sentence, normalised so that paraphrases that keep
the quantity compare equal ("1.2bn" = "1,200 million", "eight" = "8", "2,018" = "2018",
"about" = "around") and changes of value, of qualifier ("close to" -> "nearly") or of day
are reported.

Policy (precision first): a changed value, qualifier or date is reported; a quantity
present on one side only is reported as dropped/added; a date present on one side only
is not (paraphrases drop "on Friday" all the time without changing a fact), but the day
of a report ("today", "yesterday", "last night") is, where the other side says no day at
all: the one thing that tells when it happened. "Today" on the wire and "yesterday" in the
next morning's paper are the same day.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from reader.drift.context import PairContext, Words, starts_sentence
from reader.drift.types import Drift, make
from reader.lexicon import MONTHS, WEEKDAYS

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12}
_VAGUE = {"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
          "thousand": 1e3, "million": 1e6, "billion": 1e9}

# Qualifier phrase -> class. Same class = same claim about the quantity: "close to",
# "nearly", "about" and "some" all say "roughly this much" and are paraphrases of each other.
_QUALIFIERS = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "close to": "about", "an estimated": "about", "estimated": "about",
    "nearly": "about", "almost": "about", "just under": "about",
    "just below": "about", "just short of": "about",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "at least": "more than",
    "just over": "more than", "just above": "more than", "well over": "more than",
    "less than": "less than", "fewer than": "less than", "under": "less than",
    "below": "less than", "up to": "less than", "at most": "less than",
    "as many as": "less than", "as much as": "less than", "no more than": "less than",
    "more": "unclear", "the more": "unclear",
}
_MONTHS = MONTHS
_WEEKDAYS = "|".join(WEEKDAYS)

_NW = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORDNUM = rf"(?:{_NW})(?:(?:\s+|-)(?:{_NW}))?"
_SCALE_WORD = "hundred|thousand|million|billion|trillion"
_WORD_QUANTITY = (
    rf"(?:half\s+an?|an?(?:\s+half)?|{_WORDNUM}(?:[\s-]+and[\s-]+a[\s-]+half)?|several|a\s+few)"
    rf"(?:\s+(?:{_SCALE_WORD}|dozen)(?:\s+(?:and\s+)?{_WORDNUM}(?!\s+and\s+a\s+half))?)+"
    rf"|{_WORDNUM}(?:-and-a-half)?"
)
_DIGITS = (
    r"(?<![\w.,:])[$€£¥]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)"
    r"|(?<![\w.,:$€£¥])[$€£¥]?\d+(?:\.\d+)?[½¼¾⅓⅔]?(?!:\d)"
)
_GLUED = "ft|in|cm|mm|km|kg|lbs?|pm|am|mph|mins?|hrs?|yrs?"
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5}
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_QUAL = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in _QUALIFIERS),
                        key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<frac>(?:a|one|two|three)[\s-]+(?:half|third|quarter|fifth)s?)\s+of\s+(?=an?\s|\d))?"
    rf"(?:(?P<tens>tens\s+of\s+|hundreds\s+of\s+)?(?P<vague>dozens|hundreds|thousands?|millions?|billions?)"
    rf"(?(tens)|(?<=s))\s+of\b"
    rf"|(?P<digits>{_DIGITS})(?P<scale>\s*(?:{_SCALE_WORD})\b|(?:bn|mn|mln|bln|tn|k|m)\b)?"
    rf"(?:st|nd|rd|th|(?P<glued>{_GLUED}))?\b(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?"
    rf"|(?P<words>{_WORD_QUANTITY})\b(?P<wpct>\s+(?:percent|per\s+cent)\b)?)"
    rf"(?P<suffix>-[^\W\d_]+(?:-[^\W\d_]+)*)?",
    re.IGNORECASE,
)
_FULL_MONTHS = "|".join(m.capitalize() for m in _MONTHS if len(m) > 4 or m in ("june", "july"))
_SHORT_MONTHS = "|".join(m.capitalize() for m in _MONTHS if len(m) <= 4 and m not in (
    "june", "july"))
_DATE = re.compile(  # "13 January 2020", "March 5th", "Jan. 13", "Friday's"
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"(?P<m>(?:{_FULL_MONTHS})\b|(?:{_SHORT_MONTHS})\b(?=\.?\s+\d)|(?<=\d\s)(?:{_SHORT_MONTHS})\b)"
    rf"(?:(?<=[a-z])\.(?=\s+\d))?"
    rf"(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>(?:1[89]|20)\d\d)\b)?"
    rf"|\b(?P<wd>{_WEEKDAYS})(?:['’]s)?\b"
)
_CALENDAR = frozenset(m.casefold() for m in _WEEKDAYS.split("|")) | frozenset(_MONTHS)
_TRIGGERS = frozenset(_UNITS) | frozenset(_VAGUE) | frozenset(
    "half dozen hundred thousand million billion trillion".split())
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_NEXT_WORD = re.compile(r"[\s-]*([^\W\d_]+)")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float | tuple  # a float for amounts, a tuple key for dates
    qual: str  # qualifier class ("" = exact)
    unit: str  # the word or symbol it counts, to tell "two rounds" from "two weeks"
    is_date: bool
    alt: float | None = None  # "8.847" may be 8847 written with a European separator


def _word_value(text: str) -> float:
    """'half a million' -> 5e5, 'one hundred and fifty' -> 150, 'a dozen' -> 12."""
    total, current, half = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", text.casefold()):
        if w == "half":
            if current:
                current += 0.5
            else:
                half = True
        elif w in ("a", "an"):
            current = current or 1
        elif w in ("several", "few"):
            current = current or 1  # "several hundred" ~ "hundreds of": an order of size
        elif w in _UNITS:
            current += _UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
    value = total + current
    return value * 0.5 if half else value


def _digits_value(digits: str, scale: str | None) -> tuple[float, str]:
    currency = digits[0] if digits[0] in "$€£¥" else ""
    digits = digits.lstrip("$€£¥").replace(",", "")
    fraction = _FRACTIONS.get(digits[-1], 0.0)
    value = float(digits.rstrip("".join(_FRACTIONS)) or 0) + fraction
    if scale:
        s = scale.strip().casefold()
        if s == "m" and not currency and "." not in digits:
            return value, "m"  # 100m is more often metres than millions
        value *= 100 if s == "hundred" else _SCALES[s]
    return value, currency


def _windows(words: Words, hits: list[int], reach: int) -> list[tuple[int, int]]:
    """Character ranges of the words within `reach` of each word in `hits` (indices in
    order), so a full pattern runs on a few words instead of the whole text."""
    ranges: list[tuple[int, int]] = []
    n = len(words)
    for i in hits:
        lo = max(0, words.starts[max(0, i - reach)] - 1)
        hi = words.ends[min(n - 1, i + reach)]
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], hi)
        else:
            ranges.append((lo, hi))
    return ranges


def _matches(pattern: re.Pattern[str], words: Words, hits: list[int], reach: int):
    text = words.text
    for lo, hi in _windows(words, hits, reach):
        # widen to the end of the text window's last word so a trailing \b sees the word end
        yield from pattern.finditer(text, lo, min(len(text), hi + 1))


# the words a quantity can open with (the pattern ignores case): a qualifier's first word,
# a fraction's, a vague amount, a number word
_OPENERS = frozenset(q.split()[0] for q in _QUALIFIERS) | frozenset(_UNITS) | frozenset(
    "a an half several tens hundreds dozens thousand thousands million millions billion "
    "billions".split())
_LETTERS = re.compile(r"[a-z]*")


def _starts(words: Words, lo: int, end: int):
    """Where in [lo, end) a quantity may begin, in order: a word opening with a figure or
    with an opener, a currency sign before a word, a place after an apostrophe inside a
    word; any word outside ASCII is tried as well (ignoring case reaches it other ways).
    Elsewhere the pattern cannot match: its look-behind or its first word fails."""
    text, keys, ends = words.text, words.keys, words.ends
    i = bisect.bisect_left(words.starts, lo)
    for s in words.starts[i:bisect.bisect_left(words.starts, end)]:
        key = keys[i]
        if s > lo and text[s - 1] in "$€£¥":
            yield s - 1
        odd = "'" in key or not key.isascii()
        if odd or key[0].isdigit() or _LETTERS.match(key).group() in _OPENERS:
            yield s
        if odd:
            yield from (p + 1 for p in range(s, ends[i]) if text[p] in "'’")
        i += 1


def _figures(words: Words):
    """The quantity pattern's matches in the windows around the words that can carry one,
    as its own scan finds them, tried only where one may begin (most words cannot)."""
    text = words.text
    for lo, hi in _windows(words, _counting(words), 6):
        end, last = min(len(text), hi + 1), lo
        for p in _starts(words, lo, end):
            if p >= last and (m := _NUMBER.match(text, p, end)):
                yield m
                last = m.end()


def _counting(words: Words) -> list[int]:
    """The words that can start or carry a quantity (one stands within six words of any)."""
    return [i for i, k in enumerate(words.keys)
            if k[0].isdigit() or k.split("-", 1)[0] in _TRIGGERS]


def _day_names(words: Words) -> list[int]:
    """The month and day names, also inside a joined word ("mid-January"): a date stands
    within two words of one ("the 13th of January", "January 13, 2020")."""
    return [i for i, k in enumerate(words.keys) if k in _CALENDAR or (
        ("-" in k or "'" in k) and not _CALENDAR.isdisjoint(re.split(r"[-']", k)))]


def quantities(words: Words) -> list[Quantity]:
    """Dates and quantities in reading order with their spans in the text."""
    text = words.text
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    dates = _matches(_DATE, words, _day_names(words), 2) if not _CALENDAR.isdisjoint(
        words.keys) else ()
    for m in dates:
        if m.group("wd"):
            key: tuple = ("weekday", m.group("wd").casefold())
        else:
            month = m.group("m").casefold()
            day = m.group("d1") or m.group("d2")
            key = ("date", _MONTHS[month], int(day) if day else None,
                   int(m.group("y")) if m.group("y") else None)
        found.append(Quantity(m.start(), m.end(), key, "", "", True))
        taken.append((m.start(), m.end()))
    taken_ends = [e for _, e in taken]  # (dates do not overlap: both ends ascend)
    for m in _figures(words):
        n = bisect.bisect_right(taken_ends, m.start())  # the first date ending after it
        if n < len(taken) and taken[n][0] < m.end():
            continue  # inside a date
        qual = _QUALIFIERS.get(re.sub(r"\s+", " ", (m.group("qual") or "").casefold()), "")
        unit = ""
        if m.group("vague"):
            value = float(_VAGUE[m.group("vague").casefold()])  # "tens of thousands": 10x
            value *= {"": 1, "tens": 10, "hundreds": 100}[(m.group("tens") or "").split(" ")[0].casefold()]
            qual = "vague"
        elif m.group("digits"):
            value, unit = _digits_value(m.group("digits"), m.group("scale"))
            unit = "%" if m.group("pct") else (m.group("glued") or "").casefold() or unit
        else:
            spelled = m.group("words")
            if spelled.casefold() == "one" and not m.group("suffix"):
                continue  # "one way", "one of them": a pronoun more often than a count
            if spelled[0].isupper() and m.start("words") > 0 and not starts_sentence(
                    text, m.start()):
                continue  # "Group of Seven": a name, not a count
            value = _word_value(spelled)
            unit = "%" if m.group("wpct") else ""
            if spelled.casefold().startswith(("several", "a few")):
                qual = "vague"
        if m.group("frac"):  # "a third of a million"
            count, part = re.split(r"[\s-]+", m.group("frac").casefold())
            value *= _word_value(count) / _PARTS[part.rstrip("s")]
        if not unit:
            nxt = _NEXT_WORD.match(text, m.end())
            unit = (m.group("suffix") or "").lstrip("-").split("-")[0] or (
                nxt.group(1).casefold().rstrip("s") if nxt else "")
        digits = m.group("digits") or ""
        is_year = (bool(_YEAR.fullmatch(digits)) and not qual
                   and not m.group("scale"))
        alt = value * 1000 if _DOT_THOUSANDS.fullmatch(digits) and not m.group("scale") else None
        found.append(Quantity(m.start(), m.end(), value, qual, unit, is_year, alt))
    found.sort(key=lambda q: q.start)
    return found


def same_value(x: Quantity, y: Quantity) -> bool:
    if isinstance(x.value, tuple) or isinstance(y.value, tuple):
        if not (isinstance(x.value, tuple) and isinstance(y.value, tuple)):
            return False
        if x.value[0] != y.value[0]:
            return False
        return all(p == q or p is None or q is None for p, q in zip(x.value[1:], y.value[1:]))
    return any(abs(p - q) <= 1e-9 * max(abs(p), abs(q), 1.0)
               for p in (x.value, x.alt) if p is not None
               for q in (y.value, y.alt) if q is not None)


class Amounts:
    """The quantities of one text sorted by value, so "does it state this value
    anywhere?" (`same_value`) compares only the few of about that value, not every one:
    a whole article's serve every pair."""

    def __init__(self, found: list[Quantity]) -> None:
        self.found = found
        self._dates: dict[str, list[Quantity]] = {}
        values: list[tuple[float, int]] = []
        self._odd: set[int] = set()  # an infinite figure is "the same" as any
        for n, q in enumerate(found):
            if isinstance(q.value, tuple):
                self._dates.setdefault(q.value[0], []).append(q)
                continue
            for v in (q.value, q.alt):
                if v is not None and math.isfinite(v):
                    values.append((v, n))
                elif v is not None:
                    self._odd.add(n)
        values.sort()
        self._values = [v for v, _ in values]
        self._where = [n for _, n in values]

    def has(self, x: Quantity) -> bool:
        """Whether any of them has the same value as `x`."""
        if isinstance(x.value, tuple):
            return any(same_value(x, y) for y in self._dates.get(x.value[0], ()))
        mine = [p for p in (x.value, x.alt) if p is not None]
        if not all(math.isfinite(p) for p in mine):
            return any(same_value(x, y) for y in self.found)
        near = set(self._odd)
        for p in mine:  # same_value allows 1e-9 of the larger: a far wider window
            room = 1e-6 * max(abs(p), 1.0)
            near.update(self._where[bisect.bisect_left(self._values, p - room):
                                    bisect.bisect_right(self._values, p + room)])
        return any(same_value(x, self.found[n]) for n in near)


def _take(xs: list[Quantity], ys: list[Quantity], same) -> list[tuple[Quantity, Quantity]]:
    """Greedy one-to-one matches between the two lists; matched items are removed."""
    out = []
    for x in list(xs):
        for y in ys:
            if same(x, y):
                xs.remove(x)
                ys.remove(y)
                out.append((x, y))
                break
    return out


_TIME_UNITS = frozenset("day week month year hour minute fortnight".split())


def _restated(text: str, q: Quantity, found: list[Quantity]) -> bool:
    """A conversion in brackets right after another figure ("1,200 metres (three
    quarters of a mile)") restates that figure: not a fact of its own."""
    opening = text.rfind("(", 0, q.start)
    return opening >= 0 and ")" not in text[opening:q.start] and any(
        0 <= opening - o.end <= 8 for o in found if o is not q)


_CURRENCY = frozenset("$€£¥")
_MONEY = {"pound": "£", "dollar": "$", "euro": "€", "yen": "¥"}


def _comparable(x: Quantity, y: Quantity) -> bool:
    """Counts of the same thing: "two women" and "four attacks", or 27 people and
    £17,400, are different facts, not one fact changed."""
    ux, uy = _MONEY.get(x.unit, x.unit), _MONEY.get(y.unit, y.unit)
    if not ux or not uy or ux == uy:
        return True
    return ux in _CURRENCY and uy in _CURRENCY


def _within(x: Quantity, y: Quantity) -> bool:
    """An exact figure that a bound or an estimate on the other side allows: "more than
    a third of a million" and "£360,000", "about 300" and "310"."""
    if y.qual or not isinstance(x.value, float) or not isinstance(y.value, float) or x.value <= 0:
        return False
    ratio = y.value / x.value
    return {"more than": 1 <= ratio <= 1.5, "less than": 2 / 3 <= ratio <= 1,
            "about": 0.9 <= ratio <= 1.1}.get(x.qual, False)


def _one_sided(text: str, q: Quantity, mine: list[Quantity], other_left: list[Quantity]) -> bool:
    """A quantity only this side states, less a conversion of another figure and a span
    of time ("four months later") where the other side gives a date of its own ("in
    June"): the same moment said another way."""
    return not q.is_date and not _restated(text, q, mine) and not (
        q.unit in _TIME_UNITS and any(y.is_date for y in other_left))


RELATIVE_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|last\s+night"
    r"|(?:this|last|next)\s+(?:week|weekend|month|year|morning|afternoon|evening))\b",
    re.IGNORECASE)
DAY_NOTE = "day of the report"


def says_when(text: str) -> bool:
    """Any day or date at all: a relative day, a weekday, a month."""
    return bool(RELATIVE_DAY.search(text) or _DATE.search(text))


def day_drift(ctx: PairContext) -> list[Drift]:
    """The day of a report on one side only, where the other side gives no day or date."""
    if not ctx.sure:
        return []
    out = []
    for this, other, dropped in ((ctx.a, ctx.b, True), (ctx.b, ctx.a, False)):
        m = RELATIVE_DAY.search(this)
        if m and not says_when(other):
            span = (m.start(), m.end())
            out.append(make("number", ctx.a, span if dropped else None, ctx.b,
                            None if dropped else span,
                            f"{DAY_NOTE} {'dropped' if dropped else 'added'}"))
    return out


def number_drift(ctx: PairContext) -> list[Drift]:
    """Changed, re-qualified, dropped and added quantities; changed dates."""
    a, b, word_map, sure = ctx.a, ctx.b, ctx.words, ctx.sure
    xs, ys = quantities(word_map.a), quantities(word_map.b)
    if not xs and not ys:
        return []
    all_x, all_y = list(xs), list(ys)
    _take(xs, ys, lambda x, y: same_value(x, y) and x.qual == y.qual and x.unit == y.unit)
    _take(xs, ys, lambda x, y: same_value(x, y) and x.qual == y.qual)
    out = []
    for x, y in _take(xs, ys, same_value):
        out.append(make("number", a, (x.start, x.end), b, (y.start, y.end),
                        f"number qualifier changed ({x.qual or 'exact'} -> {y.qual or 'exact'})"))
    for dates in (True, False):
        px = [x for x in xs if isinstance(x.value, tuple) == dates]
        py = [y for y in ys if isinstance(y.value, tuple) == dates]
        found = [(i, j) for i, j in word_map.pairs([(x.start, x.end) for x in px],
                                                  [(y.start, y.end) for y in py])
                 if _comparable(px[i], py[j])]
        if not found and dates and sure and len(px) == len(py) == 1:
            found = [(0, 0)]  # the one date left on each side: a changed date wherever it moved
        for i, j in found:
            x, y = px[i], py[j]
            xs.remove(x)
            ys.remove(y)
            if not dates and (_within(x, y) or _within(y, x)):
                continue
            what = "date changed" if dates else "number changed"
            out.append(make("number", a, (x.start, x.end), b, (y.start, y.end), what))
    out += [make("number", a, (x.start, x.end), b, None, "number dropped")
            for x in xs if _one_sided(a, x, all_x, ys)]
    out += [make("number", a, None, b, (y.start, y.end), "number added")
            for y in ys if _one_sided(b, y, all_y, xs)]
    return out
