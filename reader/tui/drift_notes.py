"""How the TUI words drift findings: changed facts first, one-sided facts apart.

A finding's `change` says whether both sides state the fact differently (`changed`:
what a fact-checker must see first) or only one side states it (`dropped`: only in A,
`added`: only in B), which a rewrite does all the time and which can be hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from reader.drift import DRIFT_KINDS

MARK = {"changed": "!", "dropped": "-", "added": "+"}
ONLY_IN = {"dropped": "only in A", "added": "only in B"}


def change_of(item: Any) -> str:
    return getattr(item, "change", "changed")


def one_sided(item: Any) -> bool:
    return change_of(item) != "changed"


def _kind_rank(kind: str) -> int:
    return DRIFT_KINDS.index(kind) if kind in DRIFT_KINDS else len(DRIFT_KINDS)  # type: ignore[arg-type]


def ordered(items: Iterable[Any], hide_one_sided: bool = False) -> list[Any]:
    """Changed facts first, then the one-sided ones (left out with `hide_one_sided`);
    by kind within each (stable otherwise: the order of the text)."""
    items = [i for i in items if not (hide_one_sided and one_sided(i))]
    return sorted(items, key=lambda i: (one_sided(i), _kind_rank(getattr(i, "kind", ""))))


def drift_label(item: Any) -> str:
    """One line naming a finding: its kind (and side, when one-sided) and the core's
    note (or A text -> B text)."""
    kind = getattr(item, "kind", "drift")
    side = ONLY_IN.get(change_of(item))
    head = f"{kind} ({side})" if side else kind
    note = getattr(item, "note", "")
    if note:
        return f"{head} · {note}"
    a_text, b_text = getattr(item, "a_text", "") or "", getattr(item, "b_text", "") or ""
    return f"{head} · {a_text or '(none)'} -> {b_text or '(none)'}"


def _by_kind(items: list[Any]) -> str:
    counts = Counter(getattr(i, "kind", "drift") for i in items)
    return " · ".join(f"{counts[k]} {k}" for k in sorted(counts, key=lambda k: (_kind_rank(k), k)))


def drift_summary(items: Iterable[Any]) -> str:
    """The findings counted, changed and one-sided apart:
    "drift: 3 changed (2 number · 1 quote) · 2 one-sided (1 dropped · 1 added)"."""
    items = list(items)
    if not items:
        return "drift: none"
    changed = [i for i in items if not one_sided(i)]
    sided = [i for i in items if one_sided(i)]
    parts = []
    if changed:
        parts.append(f"{len(changed)} changed ({_by_kind(changed)})")
    if sided:
        sides = Counter(change_of(i) for i in sided)
        split = " · ".join(f"{sides[c]} {c}" for c in ("dropped", "added") if sides[c])
        parts.append(f"{len(sided)} one-sided ({split})")
    return "drift: " + " · ".join(parts)
