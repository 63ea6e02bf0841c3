"""Read the dates a text writes ("20 Feb 2020", "Feb. 20, 2020", "2020-02-20", "27/01/00")
as ISO dates, and never guess.

A numeric date whose day and month could be swapped ("03/04/00") is read only when
another numeric date in the same text settles the order (one with a field above 12 in
the same layout); otherwise it is unknown, because British and American copy write
the two the other way round.
"""

from __future__ import annotations

import re
from datetime import date

from reader.lexicon import MONTH_PATTERN, MONTHS

_SUFFIX = r"(?:st|nd|rd|th)?"
_NAMED = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}){_SUFFIX}\.? (?P<m1>{MONTH_PATTERN}),? (?P<y1>\d{{4}})|"
    rf"(?P<m2>{MONTH_PATTERN}) (?P<d2>\d{{1,2}}){_SUFFIX},? (?P<y2>\d{{4}})|"
    rf"(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b")
NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
                     r"(?![\d/.-])")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:  # the wire's two-digit years: 70-99 last century
        y += 1900 if y >= 70 else 2000
    return y


def named_date(text: str) -> str | None:
    """The first date with a month name (or ISO form) in `text`, as YYYY-MM-DD."""
    for m in _NAMED.finditer(text):
        if m.group("y3"):
            found = _iso(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        else:
            day, month, year = ((m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1")
                                else (m.group("d2"), m.group("m2"), m.group("y2")))
            number = MONTHS.get(month.rstrip(".").lower()[:3])
            found = _iso(int(year), number, int(day)) if number else None
        if found:
            return found
    return None


def day_first(text: str) -> bool | None:
    """Whether the numeric dates of a text put the day first (True), the month first
    (False), or cannot be told (None): some date must have a field above 12."""
    orders = set()
    for m in NUMERIC.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b >= 1:
            orders.add(True)
        elif b > 12 >= a >= 1:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def numeric_date(match: re.Match[str], order: bool | None) -> str | None:
    """A numeric date as YYYY-MM-DD when its own fields or the text's `order` tell day
    from month; None when the two could be swapped."""
    a, b, year = int(match.group("a")), int(match.group("b")), _year(match.group("y"))
    if a == b or a > 12 or b > 12:
        order = a > 12 or (a == b) or not b > 12
    if order is None:
        return None
    return _iso(year, b, a) if order else _iso(year, a, b)
