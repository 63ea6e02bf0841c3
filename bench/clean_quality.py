"""Score the text-dump cleaner on the article-extraction-benchmark dev set.

Metric (the benchmark's own): 4-gram shingles of lowercase \\w+ tokens, counted as
multisets; per document tp/fp/fn are normalised to sum 1, precision and recall are
averaged over documents and F1 is taken from the two averages. Scores are reported
for all pages and for the even/odd halves (by position in sorted id order), so a
rule tuned on one half can be checked on the other.

Run from the project root: `python3 bench/clean_quality.py`. The data lives outside
the repository (../shared/data/clean-dev/aeb); without it the script says so and exits.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable

from common import AEB, ROOT
from reader.clean import clean
from reader.ingest import source_from_text

DATA = AEB
RESULTS = ROOT / "bench" / "results"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Shingle overlap of one document, normalised so every page weighs the same."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fn) if tp + fn else 0.0

    p = statistics.mean(prec(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(rec(*c) for c in counts if c[0] + c[2] > 0)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def load() -> tuple[list[str], dict[str, str], dict[str, str]]:
    dumps = json.loads((DATA / "text-dumps.json").read_text("utf-8"))["output"]
    gold = json.loads((DATA / "ground-truth.json").read_text("utf-8"))
    ids = sorted(gold)
    return ids, {i: dumps[i]["articleBody"] for i in ids}, {i: gold[i]["articleBody"] for i in ids}


def evaluate(ids: list[str], gold: dict[str, str], predict: Callable[[str], str]
             ) -> dict[str, dict[str, float]]:
    counts = [tp_fp_fn(gold[i], predict(i)) for i in ids]
    return {
        "all": score(counts),
        "even": score(counts[0::2]),
        "odd": score(counts[1::2]),
    }


def main() -> int:
    if not (DATA / "text-dumps.json").exists():
        print(f"dev data not found at {DATA}; nothing to score")
        return 0
    ids, dumps, gold = load()
    cleaned: dict[str, str] = {}
    times: list[float] = []
    for i in ids:
        src = source_from_text(dumps[i], path=i)
        t0 = time.perf_counter()
        cleaned[i] = clean(src).body
        times.append(time.perf_counter() - t0)
    rows = {
        "raw dump": evaluate(ids, gold, dumps.__getitem__),
        "reader.clean": evaluate(ids, gold, cleaned.__getitem__),
    }
    timing = {"median_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times),
              "total_s": sum(times), "pages": len(ids)}
    lines = ["| system | F1 all | P all | R all | F1 even | F1 odd |",
             "|---|---|---|---|---|---|"]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['all']['f1']:.3f} | {r['all']['precision']:.3f} | "
                     f"{r['all']['recall']:.3f} | {r['even']['f1']:.3f} | {r['odd']['f1']:.3f} |")
    lines.append("")
    lines.append(f"clean time per page: median {timing['median_ms']:.1f} ms, "
                 f"max {timing['max_ms']:.1f} ms, total {timing['total_s']:.2f} s "
                 f"for {len(ids)} pages")
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "clean_quality.json").write_text(
        json.dumps({"scores": rows, "timing": timing}, indent=2) + "\n", "utf-8")
    (RESULTS / "clean_quality.md").write_text(
        "# Cleaner quality on clean-dev/aeb (4-gram shingle F1)\n\n" + table + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
