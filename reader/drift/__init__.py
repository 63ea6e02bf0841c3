"""Facts that differ inside aligned pairs: numbers, quotes, names, attribution, negation."""

from reader.drift.context import Articles
from reader.drift.credit import article_attribution_drift
from reader.drift.finder import find_drift
from reader.drift.types import DRIFT_KINDS, Change, Drift, DriftKind

__all__ = ["DRIFT_KINDS", "Articles", "Change", "Drift", "DriftKind", "article_attribution_drift",
           "find_drift"]
