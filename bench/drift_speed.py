"""Speed of reader.drift.find_drift per aligned pair, against the word diff that every
changed pair already pays for (reader.worddiff.diff_words) and difflib on word lists,
run in the same process so the ratios hold on a busy machine.

Pairs: the `changed` pairs of seeds 004/003 and 001/002 (news-length sentences), and,
when ../shared/data is present, the gold links of the Bleualign dev document (long
French sentences: a stress test, not the target domain).

Run from the project root: `python3 bench/drift_speed.py`.
"""

from __future__ import annotations

import difflib
import json
import statistics
import time
from collections import Counter

from common import BLEUALIGN, ROOT

from reader.clean import clean
from reader.compare import compare
from reader.drift import find_drift
from reader.ingest import read_source
from reader.worddiff import diff_words

SEED_PAIRS = [("004", "003"), ("001", "002")]
REPEAT = 30


def seed_pairs() -> list[tuple[str, str]]:
    out = []
    for a, b in SEED_PAIRS:
        (pa,) = (ROOT / "seeds").glob(f"{a}_*.txt")
        (pb,) = (ROOT / "seeds").glob(f"{b}_*.txt")
        cmp = compare(clean(read_source(pa)), clean(read_source(pb)))
        out += [cmp.pair_texts(i) for i, p in enumerate(cmp.pairs) if p.kind == "changed"]
    return out


def bleualign_pairs() -> list[tuple[str, str]]:
    if not BLEUALIGN.exists():
        return []
    doc = json.loads(BLEUALIGN.read_text(encoding="utf-8"))["articles"][0]
    return [(" ".join(doc["a"][i] for i in la), " ".join(doc["b"][j] for j in lb))
            for la, lb in doc["links"] if la and lb]


def per_pair_us(fn, pairs: list[tuple[str, str]]) -> list[float]:
    times = []
    for a, b in pairs:
        start = time.perf_counter()
        for _ in range(REPEAT):
            fn(a, b)
        times.append((time.perf_counter() - start) / REPEAT * 1e6)
    return times


def difflib_words(a: str, b: str) -> list:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).get_opcodes()


def report(label: str, pairs: list[tuple[str, str]]) -> None:
    for a, b in pairs:  # warm caches and compiled patterns
        find_drift(a, b)
    drift = statistics.median(per_pair_us(find_drift, pairs))
    words = statistics.median(per_pair_us(diff_words, pairs))
    base = statistics.median(per_pair_us(difflib_words, pairs))
    kinds = Counter(d.kind for a, b in pairs for d in find_drift(a, b))
    chars = statistics.median(len(a) + len(b) for a, b in pairs)
    print(f"{label}: {len(pairs)} pairs, median {chars:.0f} chars per pair")
    print(f"  find_drift  median {drift:8.1f} us/pair")
    print(f"  diff_words  median {words:8.1f} us/pair  (find_drift = {drift / words:.1f}x)")
    print(f"  difflib     median {base:8.1f} us/pair  (find_drift = {drift / base:.1f}x)")
    print(f"  flags: {dict(kinds)}")


def main() -> None:
    report("seeds 004/003 + 001/002", seed_pairs())
    pairs = bleualign_pairs()
    if pairs:
        report("bleualign dev (French, off-domain stress)", pairs)
    else:
        print(f"{BLEUALIGN} not found: skipped the long-sentence run")


if __name__ == "__main__":
    main()
