"""Two sentence lists -> Alignment: same/changed/dropped/added pairs, merges, moves."""

from reader.align.aligner import MIN_SCORE, align, align_sections

__all__ = ["MIN_SCORE", "align", "align_sections"]
