"""Fuzz the cleaner, segmenter, aligner and word diff for a bounded time.

    python3 bench/fuzz.py --seconds 120

Hypothesis generates page-like text (lines of mixed scripts, punctuation, markup, control
characters, quotes, numbers) and pairs of edited versions; any exception or broken
invariant is a crash. Each crash it finds is reduced by hypothesis and printed; turn it into
a regular test in tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import argparse
import time

import common  # noqa: F401 - this checkout's reader first on the path
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st

from reader.align import align  # noqa: E402
from reader.clean import clean  # noqa: E402
from reader.ingest import IngestError, source_from_bytes  # noqa: E402
from reader.segment import split_article  # noqa: E402
from reader.worddiff import diff_words  # noqa: E402

WORDS = ["Reuters", "said", "the", "minister", "“quoted.”", "3.6", "million", "U.S.", "Mr.",
         "[bold]", "[/]", "\x1b[31m", "東京", "القاهرة", "e\u0301", "👩‍👧", "Share", "Comments",
         "...", "—", "(AFP)", "Jan.", "900,000", "\u202e", "\u200b", "\t", "?", "!", "Leave a Reply"]
line = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=30).map(" ".join)
page = st.lists(line, max_size=40).map("\n".join)


def check_page(text: str) -> None:
    try:
        src = source_from_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except (IngestError, UnicodeEncodeError):
        return
    art = clean(src)
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text
    sents = split_article(art)
    for s in sents:
        assert art.text[s.start:s.end] == s.text
    al = align(sents, sents)
    assert all(p.kind == "same" for p in al.pairs)


def check_pair(a: list[str], b: list[str]) -> None:
    from reader.segment import sentences_from_strings

    sa, sb = sentences_from_strings(a), sentences_from_strings(b)
    al = align(sa, sb)
    assert sorted(i for p in al.pairs for i in p.a) == list(range(len(sa)))
    assert sorted(j for p in al.pairs for j in p.b) == list(range(len(sb)))
    for x, y in zip(a, b):
        wd = diff_words(x, y)
        assert all(0 <= op.a1 <= op.a2 <= len(wd.a) and 0 <= op.b1 <= op.b2 <= len(wd.b)
                   for op in wd.ops)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    deadline = time.monotonic() + args.seconds
    runs = 0
    cfg = settings(max_examples=200, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
    targets = (((page,), check_page), ((st.lists(line, max_size=25),) * 2, check_pair))
    while time.monotonic() < deadline:
        for strategies, check in targets:
            # Short slices, each a fresh hypothesis run, so the time bound holds.
            cfg(given(*strategies)(check))()
            runs += cfg.max_examples
    print(f"fuzz: {runs} examples in {args.seconds:.0f}s, no crash")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
