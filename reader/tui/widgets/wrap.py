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


def line_starts(plain: str, width: int) -> list[int]:
    """Start offsets of each line when `plain` is wrapped into `width` cells.

    Words go whole onto a line when they fit; a word wider than the line is folded
    by cells, so double-width characters (CJK, emoji) never straddle the edge."""
    width = max(width, 2)
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
    lines = list(text.divide(line_starts(text.plain, width)[1:]))
    for line in lines:
        line.rstrip()
    return lines

