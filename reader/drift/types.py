"""The Drift record every drift detector returns, and how a detector builds one.

Kept apart from the finder so the detectors (numbers, names, ...) can build records
without importing the module that imports them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

DriftKind = Literal["number", "quote", "name", "attribution", "negation"]
# the order findings are listed and counted in: what most often changes a story first
DRIFT_KINDS: tuple[DriftKind, ...] = ("number", "quote", "name", "attribution", "negation")
# changed: both sides state the fact, differently; dropped/added: only A/only B states it
Change = Literal["changed", "dropped", "added"]

Span = tuple[int, int] | None  # character offsets into one side's text, None when absent


@dataclass(frozen=True)
class Drift:
    """One change inside an aligned pair (or across two articles) that alters a fact.

    `a_text == A[a_start:a_end]` when the A side is present (else "" and -1, -1), the
    same for B; a misquote whose closest original wording lies in another sentence of
    A carries that wording in `a_text` with `a_start == -1`. `change` says whether both
    sides state the fact (`changed`) or one side only (`dropped`: A only, `added`: B
    only). `note` is one plain line a fact-checker can verify.
    """

    kind: DriftKind
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    note: str
    change: Change = "changed"

    def to_dict(self) -> dict[str, str | int]:
        return asdict(self)


def shown(text: str) -> str:
    """A span as it appears inside a note: one line, double-quoted, whole (the evidence a
    fact-checker verifies is never cut; screens and reports wrap it)."""
    return '"' + " ".join(text.split()) + '"'  # runs of whitespace as one space


def change_of(a_present: bool, b_present: bool) -> Change:
    return "changed" if a_present and b_present else "dropped" if a_present else "added"


def make(kind: DriftKind, a: str, a_span: Span, b: str, b_span: Span, what: str) -> Drift:
    """A Drift from spans of the two texts; the note reads `what: "A" -> "B"`, or
    `what: "A"` / `what: "B"` when only one side is present."""
    a_start, a_end = a_span if a_span else (-1, -1)
    b_start, b_end = b_span if b_span else (-1, -1)
    a_text = a[a_start:a_end] if a_span else ""
    b_text = b[b_start:b_end] if b_span else ""
    if a_span and b_span:
        note = f"{what}: {shown(a_text)} -> {shown(b_text)}"
    else:
        note = f"{what}: {shown(a_text or b_text)}"
    return Drift(kind, a_text, b_text, a_start, a_end, b_start, b_end, note,
                 change_of(bool(a_span), bool(b_span)))
