"""Read the dates a text writes ("20 Feb 2020", "Feb. 20, 2020", "2020-02-20", "27/01/00")
as ISO dates, and never guess.

A numeric date whose day and month could be swapped ("03/04/00") is read only when
another numeric date in the same text settles the order (one with a field above 12 in
the same layout); otherwise it is unknown, because British and American copy write
the two the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from reader.lexicon import MONTH_PATTERN, MONTHS

_SUFFIX = r"(?:st|nd|rd|th)?"
# headers set months in capitals too ("NOV 6, 2023")
_MONTH = rf"(?:{MONTH_PATTERN}|(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?)"
# a year may run into the time when the page lost the space ("20233:00 AM"), as an ISO
# date runs into its time ("2023-12-23T10:52")
_YEAR_END = r"(?:\b|(?=\d{1,2}:\d{2}))"
# A month-first date may be glued to the word before it ("By Jane DoeDec. 3, 2023"): no
# word boundary is asked before the capitalised month.
_NAMED = re.compile(
    rf"(?:\b(?P<d1>\d{{1,2}}){_SUFFIX}\.? (?P<m1>{_MONTH}),? (?P<y1>\d{{4}})\b|"
    rf"(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}){_SUFFIX},? (?P<y2>\d{{4}}){_YEAR_END}|"
    rf"\b(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?:\b|(?=T\d)))")
NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
                     r"(?![\d/.-])")
# "First published on ...", "Posted: ...": the date the story went out, not its last update
_FIRST_OUT = re.compile(r"(?i:\b(?:first published|published|posted|original)(?: on)?\s*:?\s*)")
# a label that says a line holds the story's date
DATE_LABEL = re.compile(r"\b(?:published|posted|updated)\b", re.IGNORECASE)


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
    return next(_named_dates(text), None)


def stated_date(text: str) -> str | None:
    """The date a header line gives the story: the one labelled published or posted
    when the line also gives an update ("Updated 3 May 2021 | First published on 2 May
    2021"), else its first date."""
    for m in _FIRST_OUT.finditer(text):
        found = named_date(text[m.end():])
        if found:
            return found
    return named_date(text)


def _named_dates(text: str) -> Iterator[str]:
    for m in _NAMED.finditer(text):
        if m.group("y3"):
            found = _iso(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        else:
            day, month, year = ((m.group("d1"), m.group("m1"), m.group("y1")) if m.group("d1")
                                else (m.group("d2"), m.group("m2"), m.group("y2")))
            number = MONTHS.get(month.rstrip(".").lower()[:3])
            found = _iso(int(year), number, int(day)) if number else None
        if found:
            yield found


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


_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?", re.IGNORECASE)
_TOKEN = re.compile(r"\w+")


def undated_words(text: str) -> int:
    """The words of a line besides its dates and times: a header's date line ("Dec. 3,
    2023 at 6:00 am Updated Dec. 4, 2023 at 9:10 am") has few, prose has many."""
    return len(_TOKEN.findall(_TIME.sub(" ", NUMERIC.sub(" ", _NAMED.sub(" ", text)))))
