"""Cell-width aware word wrapping for line-API views.

The views need a line's height before they render it (to size the scroll area), so
wrapping is done once on the plain string and the styled text is cut at the same
offsets: heights and rendered lines can never disagree.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

_WORD = re.compile(r"\S+\s*")
# whitespace a terminal does not draw as one cell (a tab jumps to the next tab stop and
# pushes the rest of the line, the similarity column too, off the screen; a line break
# of a hard-wrapped paragraph ends the terminal line and the row's other cells overwrite
# the rest): drawn as a space each, so every offset into the text stays valid
_ONE_CELL = str.maketrans({c: " " for c in "\t\n\r\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029"})


def one_cell(plain: str) -> str:
    """`plain` with each tab and other odd whitespace as one space (same length)."""
    return plain.translate(_ONE_CELL)


def line_starts(plain: str, width: int) -> list[int]:
    """Start offsets of each line when `plain` is wrapped into `width` cells.

    Words go whole onto a line when they fit; a word wider than the line is folded
    by cells, so double-width characters (CJK, emoji) never straddle the edge."""
    width = max(width, 2)
    plain = one_cell(plain)
    starts = [0]
    col = cell_len(plain[: len(plain) - len(plain.lstrip())])  # leading whitespace
    for match in _WORD.finditer(plain):
        word = match.group()
        cells = cell_len(word.rstrip())
        if col and col + cells > width:
            starts.append(match.start())
            col = 0
        if cells <= width:
            col += cell_len(word)
            continue
        for offset, char in enumerate(word, match.start()):
            char_cells = cell_len(char)
            if col + char_cells > width and not char.isspace():
                starts.append(offset)
                col = 0
            col += char_cells
    return starts


def wrap(text: Text, width: int) -> list[Text]:
    """`text` cut into lines of at most `width` cells (trailing spaces dropped)."""
    if not text.plain:
        return [Text()]
    if one_cell(text.plain) != text.plain:
        text = text.copy()
        text.plain = one_cell(text.plain)  # same length: the styles stay where they were
    lines = list(text.divide(line_starts(text.plain, width)[1:]))
    for line in lines:
        line.rstrip()
    return lines

