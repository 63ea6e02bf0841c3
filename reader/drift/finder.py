"""Fact drift: which changes inside an aligned sentence pair alter facts.

`find_drift(a, b)` compares the joined A and B sentences of one aligned pair and lists
changed, dropped or added numbers and dates, direct quotes that are not verbatim,
names/roles/affiliations, credits ("The National reported", "said" -> "told the
official") and negations that flipped. `article_attribution_drift` reports a wire
credit that the B article no longer gives. Rule-based, no models, well under a
millisecond per pair; precision first, so paraphrases that keep the fact (synonyms,
reordered clauses, "1.2bn" for "1,200 million", "Bashar Al Assad" for "Bashar al-Assad")
are not flagged.
"""

from __future__ import annotations

from reader.drift.context import WordMap, words
from reader.drift.credit import (
    Credit, article_attribution_drift, credit_drift, credits, dateline_end)
from reader.drift.names import name_drift, sides
from reader.drift.negation import negation_drift
from reader.drift.numbers import number_drift
from reader.drift.quotes import quote_drift
from reader.drift.types import DRIFT_KINDS, Drift



def _skips(text: str, found: list[Credit]) -> list[tuple[int, int]]:
    """Spans the name detector leaves alone: credits and the dateline."""
    spans = [(c.start, c.end) for c in found]
    end = dateline_end(text)
    return spans + [(0, end)] if end else spans


def find_drift(a_text: str, b_text: str) -> list[Drift]:
    """Fact changes between the A and B text of one aligned pair, in reading order of A
    (B-only changes where they fall in B). Identical or one-sided pairs give []."""
    if a_text == b_text or not a_text.strip() or not b_text.strip():
        return []
    word_map = WordMap(words(a_text), words(b_text))
    side_a, side_b = sides(word_map)
    credits_a, credits_b = credits(a_text), credits(b_text)
    found = (number_drift(a_text, b_text, word_map)
             + quote_drift(a_text, b_text, word_map)
             + name_drift(a_text, b_text, word_map, side_a, side_b,
                          _skips(a_text, credits_a), _skips(b_text, credits_b))
             + credit_drift(a_text, b_text, word_map, side_a, side_b, credits_a, credits_b)
             + negation_drift(a_text, b_text, word_map))
    unique = {(d.kind, d.a_start, d.a_end, d.b_start, d.b_end): d for d in found}
    return sorted(unique.values(), key=lambda d: (
        d.a_start if d.a_start >= 0 else d.b_start, DRIFT_KINDS.index(d.kind), d.b_start))


__all__ = ["Drift", "article_attribution_drift", "find_drift"]
