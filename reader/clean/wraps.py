"""Physical lines -> logical lines: paragraph marks stripped, hard wraps rejoined.

Wire copy, e-mail, newsletters and plain-text archives break lines at a fixed width,
so one paragraph spans several lines. A block is read as hard-wrapped when the long
lines of the text cluster just under one width; a line is then a wrap (not a real
break) when the first word of the next line would not have fitted on it. Short lines
(headlines, list items, addresses, sign-offs) never fill the width, so they are never
joined. Wire copy also marks paragraphs explicitly: a control character at the start
(made visible by ingest as a U+24xx symbol) and "<" at the end; where a text uses
them, a marked line end is always a paragraph end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# ingest turns C0 controls into U+2400-U+241F (and DEL into U+2421): as paragraph-start
# marks they are formatting, not text
_LEAD = re.compile(r"^[\s\u2400-\u241f\u2421]*")
_CONTROL_MARK = re.compile(r"^\s*[\u2400-\u241f\u2421]")
_RULE = re.compile(r"^\W{3,}$")
_COLUMNS = re.compile(r"\S {3,}\S")  # a gap inside a line: a table's columns, not prose
_LIST_ITEM = re.compile(r"^(?:[-*•·>]|\d{1,3}[.)]|[a-z][.)])\s")
_END_MARK = "<"
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)]*<?$")  # a line that ends a sentence
_WRAP = re.compile(r"[ \t]*\n[ \t]*")
MIN_WRAPPED = 3  # lines near the width a text needs before it is read as hard-wrapped
MAX_WIDTH = 200  # columns: no writer wraps wider; longer lines alike are a page's paragraphs
NEAR_WIDTH = 0.8  # a line this close to the width is "full"
CLUSTER_SHARE = 0.5  # share of long lines that must be full


@dataclass(frozen=True)
class Span:
    """One logical line: `text` with each wrap folded to a space, `start:end` its raw span."""

    text: str
    start: int
    end: int
    blank_before: bool


@dataclass(frozen=True)
class _Phys:
    start: int  # offset of the first text character (after indentation and marks)
    end: int  # offset after the last text character (before trailing space and "<")
    width: int  # printed width of the raw line, indentation and end mark included
    indent: int
    marked_start: bool
    marked_end: bool
    blank_before: bool


def _layout(raw_lines: list[str], bodies: list[str]) -> tuple[int | None, bool]:
    """The width a text is wrapped at (None if it is not), and whether it marks
    paragraphs the wire's way ("<" line ends, control-character line starts)."""
    lines = [b for b in bodies if b and not b.isspace()]
    width = wrap_width([len(b) for b in lines], [bool(_SENTENCE_END.search(b)) for b in lines])
    marks = sum(1 for b in bodies if b.endswith(_END_MARK) and len(b.strip()) > 1)
    marks += sum(1 for b in bodies if _CONTROL_MARK.match(b)) if marks else 0
    return width, marks >= 2 and (width is not None or marks * 5 >= len(lines))


def _physical(raw_lines: list[str], bodies: list[str], use_marks: bool) -> list[_Phys]:
    """The non-blank lines with marks and indentation measured."""
    out: list[_Phys] = []
    pos, blank = 0, True
    for raw, body in zip(raw_lines, bodies):
        lead = _LEAD.match(raw).end()
        marked_end = use_marks and body.endswith(_END_MARK)
        stop = len(body) - 1 if marked_end else len(body)
        stop = lead + len(raw[lead:stop].rstrip()) if stop > lead else lead
        if stop > lead:
            out.append(_Phys(pos + lead, pos + stop, len(body), len(raw) - len(raw.lstrip()),
                             bool(_CONTROL_MARK.match(raw)), marked_end, blank))
            blank = False
        else:
            blank = True  # a lone "<" is an empty paragraph
        pos += len(raw) + 1
    return out


def wrap_width(widths: list[int], ends: list[bool] | None = None) -> int | None:
    """The fixed width a text is wrapped at, or None when its lines do not cluster under
    one. `ends` (per line: does it end a sentence?), when given, must show the full lines
    stopping mid-sentence mostly: a page's one-line paragraphs of similar length end
    with a full stop and are not wrapped, however close their widths."""
    if len(widths) < MIN_WRAPPED:
        return None
    top = sorted(widths)[len(widths) - 1 - len(widths) // 20]
    if not 30 <= top <= MAX_WIDTH:
        return None
    long = [i for i, w in enumerate(widths) if w > top // 2]
    full = [i for i in long if NEAR_WIDTH * top <= widths[i] <= top]
    if len(full) < MIN_WRAPPED or len(full) < CLUSTER_SHARE * len(long):
        return None
    if ends is not None and sum(ends[i] for i in full) * 2 > len(full):
        return None
    over = sum(w > top for w in widths)
    return top if over * 20 <= len(widths) else None


def logical_lines(text: str) -> Iterator[Span]:
    """Every non-blank logical line of `text`, hard wraps rejoined."""
    raw_lines = text.split("\n")
    bodies = [r.rstrip() for r in raw_lines]
    width, marked = _layout(raw_lines, bodies)
    if width is None and not marked:  # one line, one paragraph: the common, fast case
        pos, blank = 0, True
        for raw, body in zip(raw_lines, bodies):
            lead = _LEAD.match(body).end()
            if lead < len(body):
                yield Span(body[lead:], pos + lead, pos + len(body), blank)
                blank = False
            else:
                blank = True
            pos += len(raw) + 1
        return
    lines = _physical(raw_lines, bodies, marked)
    i = 0
    while i < len(lines):
        j = i
        while (width or marked) and j + 1 < len(lines) and _continues(
                text, lines[j], lines[j + 1], width, marked):
            j += 1
        first, last = lines[i], lines[j]
        flat = text[first.start:last.end]
        if j > i:
            flat = _WRAP.sub(" ", flat)
        yield Span(flat, first.start, last.end, first.blank_before)
        i = j + 1


def _continues(text: str, cur: _Phys, nxt: _Phys, width: int | None, marked: bool) -> bool:
    """Whether `nxt` carries on the paragraph `cur` was wrapped out of: in text that
    marks paragraph ends, any unmarked end; otherwise a line the next word did not fit on."""
    if cur.marked_end or nxt.marked_start or nxt.blank_before or nxt.indent > cur.indent:
        return False
    head = text[nxt.start:nxt.end]
    if _RULE.match(text[cur.start:cur.end]) or _RULE.match(head):
        return False
    if marked:  # where ends are marked, an unmarked end carries on, even into "- and ..."
        return True
    if _LIST_ITEM.match(head) or _COLUMNS.search(head) or _COLUMNS.search(text[cur.start:cur.end]):
        return False
    first_word = head.split(None, 1)[0]
    return width is not None and cur.width + 1 + len(first_word) > width
