"""Splits that need no sentence punctuation: line breaks, bullets and numbered items.

- A blank line ends a sentence. A line break ends one unless the next line continues it: it
  starts in lowercase (or with a bracket) and the broken line runs on (it ends in a space,
  or the next line ends like prose).
  Lines of a list ("features\\ncontact manager") stay apart.
- A bullet (•, ⁃, ▪ ...) after a space starts a new item.
- Inline list items ("1) one 2) two", "a. here b. there") start a new sentence when their
  markers count up (1, 2, 3 or a, b, c or i, ii, iii) within the text; a lone "2." is left
  to the punctuation rules.
"""

from __future__ import annotations

import re

BULLETS = "•⁃‣◦▪▫●○■□►▸◆◇"
_BULLET = re.compile(f"[{BULLETS}]")
_LINE = re.compile(r"[\r\n]\s*")
BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f\v]*(?:\r\n|\r|\n)")  # "\r\n" is one break
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TERMINAL_END = re.compile(r"[.!?…。！？]\W*$")

# A list marker ("(a)", "a)", "a.)", "a.", "12.", "iv)") after a space or "(", with text
# after it. The scan stops only at "." or ")" and then looks behind for the marker (one
# fixed-width look-behind per marker length), which is much faster than trying every space;
# the end of an ordinary word ("said.") is turned away first by one look-behind.
_MARKER_VALUES = [r"\d", r"\d\d", r"\d\d\d", "[a-zA-Z]"] + [f"[ivxlcIVXLC]{{{k}}}" for k in range(2, 7)]
_MARKER_END = re.compile(
    r"[.)](?<![a-z]{2}[abd-hj-km-uwyz][.)])(?:" + "|".join(rf"(?<=[\s(]{v}{c})" for v in _MARKER_VALUES for c in (r"\.", r"\)", r"\.\)"))
    + r")(?=[ \t]+(?P<next>\S))"
)
_MARKER = re.compile(r"(?P<v>\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{2,6})(?P<close>\.\)|\)|\.)")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(s: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(s.lower()):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _values(v: str) -> list[tuple[str, int]]:
    """What a marker may count as: a number, a letter, a Roman numeral (or both)."""
    if v.isdigit():
        return [("n", int(v))]
    out = []
    if len(v) == 1:
        out.append(("a" if v.islower() else "A", ord(v.lower()) - 96))
    if set(v.lower()) <= set(_ROMAN):
        out.append(("r" if v.islower() else "R", _roman(v)))
    return out


def line_cuts(text: str) -> list[int]:
    """Positions where a line break starts a new sentence."""
    cuts = []
    for m in _LINE.finditer(text):
        nxt = m.end()
        if nxt >= len(text):
            break
        brk = m.start()
        if nxt - brk > 1 and BLANK_LINE.match(m.group()):
            cuts.append(nxt)  # a blank line
            continue
        c = text[nxt]
        if (c.islower() or c == "(") and _runs_on(text, brk, nxt):
            continue  # "a cold \nnight", "400 yd \n(366 m)."
        if c >= "\u3040" and brk and _CJK.match(text, nxt) and _CJK.match(text, brk - 1):
            continue  # CJK needs no space: a break between two ideographs is a wrap
        cuts.append(nxt)
    return cuts


def _runs_on(text: str, brk: int, nxt: int) -> bool:
    if brk and text[brk - 1] in " \t":
        return True  # a trailing space: the line was wrapped, not ended
    line_end = text.find("\n", nxt)
    line = text[nxt:] if line_end < 0 else text[nxt:line_end]
    return bool(_TERMINAL_END.search(line.rstrip()))


def bullet_cuts(text: str) -> list[int]:
    """Bullets after a space start items."""
    if not any(map(text.__contains__, BULLETS)):  # a dozen substring scans beat one class scan
        return []
    return [m.start() for m in _BULLET.finditer(text) if m.start() and text[m.start() - 1].isspace()]


def item_cuts(text: str) -> list[int]:
    """Starts of list items whose markers count up (the first item of such a run too)."""
    last: dict[tuple[str, str], tuple[int, int]] = {}  # (kind, closing mark) -> (value, position)
    cuts = []
    padded = " " + text  # the space lets a marker stand first
    for e in _MARKER_END.finditer(padded):
        end = e.end()
        start = max(padded.rfind(c, 0, end) for c in " \t\n(") + 1
        m = _MARKER.fullmatch(padded, start, end)
        if m is None:
            continue  # "x.)" where x is longer than a marker
        close = m.group("close")
        start -= 1  # back to a position in `text`
        if start and text[start - 1] == "(":
            start -= 1
        # "1. above" is a reference, not an item; "a. here" or "1) here" are items.
        if close == "." and m.group("v").isdigit() and e.group("next").islower():
            continue
        k = start
        while k and text[k - 1] in " \t":
            k -= 1
        if k and text[k - 1] in BULLETS:
            continue  # "• 2." starts at its bullet
        for kind, value in _values(m.group("v")):
            if kind in "AR" and close == ".":
                continue  # "J. K. Rowling", "I. Introduction": initials, not items
            prev = last.get((kind, close))
            if prev and prev[0] == value - 1:
                cuts.extend((prev[1], start))
            last[(kind, close)] = (value, start)
    return sorted(set(cuts))
