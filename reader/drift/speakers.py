"""Who a direct quote is credited to, read from the words around it.

Only the plain patterns of news copy count ('"...," said Jane Roe', '"...," Roe said',
'Roe said: "..."'); a pronoun, a description ("the minister") or anything else leaves
the speaker unknown, so a quote is only ever called misattributed when both sides name
a person and the names differ.
"""

from __future__ import annotations

import re

from reader.drift.wordlists import COMMON_WORDS

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lady|Lord|Dame|Judge|Justice)\.?"
_WORD = r"[A-Z][\w'’\-]*[a-z][\w'’\-]*"
_NAME = rf"(?:{_HONORIFIC}\s+)?{_WORD}(?:\s+{_WORD}){{0,3}}"
_SAY = r"(?:said|says|told|added|adds|insisted|insists|claimed|claims|stated|explained|" \
       r"admitted|denied|warned|replied|recalled|told\s+\w+)"
_CLOSE = r"[\s,.!?…;:”\"»’']*"
_AFTER = re.compile(rf"{_CLOSE}(?:{_SAY}\s+(?P<a>{_NAME})|(?P<b>{_NAME})\s+{_SAY}\b)")
_BEFORE = re.compile(rf"(?P<c>{_NAME})\s+{_SAY}(?:\s+\w+){{0,3}}\s*[:,]?\s*[“\"«„]?\s*$")
_REACH = 60  # characters either side of a quote where its speaker is named


def speaker(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The person a quote (text[start:end], its words) is credited to, with the span of
    the name in `text`; None when the copy does not name one plainly."""
    after = _AFTER.match(text, end, min(len(text), end + _REACH))
    if after:
        group = "a" if after.group("a") else "b"
        return _trimmed(text, after.start(group), after.end(group))
    lead = text[max(0, start - 1 - _REACH):max(0, start - 1)]
    before = _BEFORE.search(lead)
    if before:
        offset = max(0, start - 1 - _REACH)
        return _trimmed(text, offset + before.start("c"), offset + before.end("c"))
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """Drop leading common words a capital made look like a name ("The", "But")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and words[0].group().casefold() in COMMON_WORDS:
        words.pop(0)
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    return text[s:e], s, e


def surname(name: str) -> str:
    return name.split()[-1].casefold().rstrip("'’s")


def same_person(x: str, y: str) -> bool:
    """One name is the other or a shorter form of it ("Jane Roe", "Ms Roe", "Roe")."""
    xs = {w.casefold() for w in x.split()}
    ys = {w.casefold() for w in y.split()}
    return surname(x) == surname(y) or surname(x) in ys or surname(y) in xs
