"""Negations and hedges that one side has and the other side lost in the same place.

A negation cue ("not", "no", "never", "without", "failed to", "denied", ...) is a flip
only when the words around it survive: either the cue alone vanished ("was not halted"
-> "was halted"), or the few words in its place were rewritten into something that
still talks about the same thing but carries no negation ("failed to reach an
agreement" -> "deferred agreeing"). A whole clause dropped with its negation is an
omission, not a flip, and is left to the word diff. Hedges work the same way: an
"alleged" or "may" lost in place states as fact what the other side only suspects.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.drift.context import PairContext, WordMap, Words
from reader.drift.wordlists import COMMON_WORDS, REPORTING
from reader.drift.types import Drift, make

_CUES = frozenset("""
not no never none nothing nobody neither nor without cannot fail fails failed failing
failure unable deny denies denied denying denial reject rejects rejected rejecting
refuse refuses refused refusing lack lacks lacked lacking absence
""".split())
# A rewrite that keeps the negation may use any of these instead.
_KEEPS = _CUES | frozenset("""
decline declines declined declining dismiss dismisses dismissed dismissing unlikely
impossible hardly barely scarcely ruled neglect neglected zero rather instead
""".split())
_HEDGES = frozenset("""
alleged allegedly reportedly suspected apparently purportedly may might possibly probably
unconfirmed
""".split())
# A rewrite that keeps the hedge may use any of these instead.
_KEEPS_HEDGE = _HEDGES | frozenset("""
accused accusing accusation accusations allegation allegations allege alleges claim claims
claimed claiming said says told according could can likely unlikely suspect suspects
""".split())
_NOT_A_FLIP = {("not", "only"), ("not", "just"), ("not", "least"), ("no", "doubt"),
               ("nothing", "but"), ("no", "sooner")}
_MAX_GAP = 10  # words: a longer rewrite is too loose to call a flip
_CONTEXT = 2  # words either side where a kept negation may have moved to


@dataclass(frozen=True)
class Cues:
    """What counts as the cue, and what on the other side keeps its sense."""

    cues: frozenset[str]
    keeps: frozenset[str]
    lost: str  # the notes
    added: str


NEGATION = Cues(_CUES, _KEEPS, "negation lost", "negation added")
HEDGE = Cues(_HEDGES, _KEEPS_HEDGE, "hedge lost (stated as fact)", "hedge added")


def _is_cue(words: Words, i: int, cues: Cues, keep: bool = False) -> bool:
    keys = words.keys
    k = keys[i]
    if cues is NEGATION and k.endswith("n't"):
        return True
    if k not in (cues.keeps if keep else cues.cues):
        return False
    if k == "may" and words.text[words.starts[i]].isupper():
        return False  # the month
    return keep or i + 1 >= len(keys) or (k, keys[i + 1]) not in _NOT_A_FLIP


def _related(xs: list[str], ys: list[str]) -> bool:
    """Some content word of one gap shares a stem with one of the other."""
    cx = [w for w in xs if w not in COMMON_WORDS and w not in _KEEPS and len(w) > 2]
    cy = [w for w in ys if w not in COMMON_WORDS and w not in _KEEPS and len(w) > 2]
    return any(x == y or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5])
               for x in cx for y in cy)


def _flips(word_map: WordMap, cues: Cues) -> list[tuple[tuple, tuple]]:
    """(A span, B span) of each cue in A that B lost in the same place."""
    wa, wb = word_map.a, word_map.b
    out, seen = [], set()
    for i in [i for i, k in enumerate(wa.keys) if k in cues.cues or k.endswith("n't")]:
        if not _is_cue(wa, i, cues) or word_map.kept(i):
            continue
        a1, a2, b1, b2 = word_map.gap(i, i + 1)
        if (a1, a2) in seen or a2 - a1 > _MAX_GAP or b2 - b1 > _MAX_GAP:
            continue
        seen.add((a1, a2))
        near = range(max(0, b1 - _CONTEXT), min(len(wb), b2 + _CONTEXT))
        if any(_is_cue(wb, j, cues, keep=True) for j in near):
            continue
        if b1 == b2:  # nothing in its place: only the negation itself may be gone
            if a2 - a1 > 2 or a1 == 0 or a2 == len(wa) or b1 == 0 or b1 == len(wb):
                # (more words than "not" or "did not" gone with it: a detail, not a flip)
                continue
            out.append((wa.span(a1 - 1, a2 + 1), wb.span(b1 - 1, b1 + 1)))
        elif (a2 - a1 == 1 and b2 - b1 <= 2) or _related(wa.keys[a1:a2], wb.keys[b1:b2]):
            # a lone cue swapped for a word or two ("denied" -> "confirmed"), or a short
            # rewrite about the same thing ("failed to reach an agreement" -> "deferred agreeing")
            out.append((wa.span(a1, a2), wb.span(b1, b2)))
    return out


def negation_drift(ctx: PairContext) -> list[Drift]:
    a, b, word_map = ctx.a, ctx.b, ctx.words
    if not ctx.sure:
        return []  # a flip is read from words kept around it: only in pairs sure to say the same
    out = []
    for cues in (NEGATION, HEDGE):
        if cues is not HEDGE or REPORTING.isdisjoint(word_map.b.keys):
            out += [make("negation", a, sa, b, sb, cues.lost) for sa, sb in _flips(word_map, cues)]
        if cues is not HEDGE or REPORTING.isdisjoint(word_map.a.keys):
            out += [make("negation", a, sa, b, sb, cues.added)
                    for sb, sa in _flips(word_map.swapped(), cues)]
    return out
