"""Speed and memory of reader's aligner on long synthetic document pairs, vs difflib.

Run from the project root: `python3 bench/align_speed.py [--sizes 50,500,5000,20000]`.
Documents are built from real varied text (the Bleualign French lines and the seed
sentences, when ../shared/data and seeds/ are present): sentences are spliced from two
real lines, then B is edited from A with word substitutions (paraphrase), drops,
inserts, splits, merges and long-distance moves. Times are medians of several runs;
peak memory is tracemalloc's peak for one run (numpy arrays included) and the
process's max RSS so far; CPU time is reported next to wall time because the machine
may be shared. One more row times `align()` alone on the compare screen's long pair
(bench/interactive.py: 2,000 sentences of real news text, the AEB gold bodies, with the
same edits), where the screen's own figure also pays for word diffs and drift.
Writes bench/results/align_speed.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import statistics
import time
import tracemalloc

from align_baselines import difflib_align  # noqa: E402
from common import ROOT, corpus_lines, make_pair

from reader.align import align  # noqa: E402
from reader.segment import sentences_from_strings  # noqa: E402

DIFFLIB_MAX = 5000  # beyond this difflib takes minutes; its time there is extrapolated


def _growth(rows: list[dict], key: str) -> float | None:
    """Exponent k in time ~ n^k between the smallest and largest of these rows."""
    if len(rows) < 2:
        return None
    x0, x1 = rows[0], rows[-1]
    return math.log(x1[key] / x0[key]) / math.log(x1["n_a"] / x0["n_a"])


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds (CPU time does not grow when the machine is shared)."""
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def measure(a: list[str], b: list[str], runs: int) -> dict:
    sa, sb = sentences_from_strings(a), sentences_from_strings(b)
    wall, cpu = timed(lambda: align(sa, sb), runs)
    row = {"n_a": len(a), "n_b": len(b), "reader_s": wall, "reader_cpu_s": cpu,
           "reader_peak_mb": peak_mb(lambda: align(sa, sb)),
           "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    row["difflib_s"] = (timed(lambda: difflib_align(a, b), runs)[0] if len(a) <= DIFFLIB_MAX
                        else None)
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50,500,5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--news", type=int, default=None,
                    help="sentences of the news-text pair (default: 2000, or the largest "
                         "size if smaller; 0: skip it)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    if args.news is None:
        args.news = min(2000, max(sizes))
    lines = corpus_lines()
    rows = []
    for n in sizes:
        a, b = make_pair(n, lines, random.Random(n))
        rows.append(measure(a, b, args.runs if n <= 5000 else max(1, args.runs - 1)))
    news = None
    if args.news:
        from interactive import (
            real_sentences,  # the compare screen's long pair, same seed
        )

        text, origin = real_sentences()
        news = measure(*make_pair(args.news, text, random.Random(args.news)), args.runs)
        news["text"] = origin
    growth = _growth([r for r in rows if r["n_a"] >= 500], "reader_s")
    difflib_growth = _growth([r for r in rows if r["n_a"] >= 500 and r["difflib_s"]], "difflib_s")
    for r in rows:
        if r["difflib_s"] is None and difflib_growth is not None:
            last = max((x for x in rows if x["difflib_s"]), key=lambda x: x["n_a"])
            r["difflib_s_extrapolated"] = last["difflib_s"] * (r["n_a"] / last["n_a"]) ** difflib_growth
    out = {"rows": rows, "news_pair": news, "reader_growth_exponent": growth,
           "difflib_growth_exponent": difflib_growth, "difflib_max_size": DIFFLIB_MAX,
           "load_average_1min": os.getloadavg()[0], "cpus": os.cpu_count()}
    res = ROOT / "bench" / "results"
    res.mkdir(parents=True, exist_ok=True)
    (res / "align_speed.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    md = ["| sentences A x B | reader wall (s) | reader CPU (s) | reader peak (MB) | "
          "process max RSS (MB) | difflib (s) | speed-up |",
          "|---|---|---|---|---|---|---|"]
    for r in rows + ([news | {"label": " (news text)"}] if news else []):
        d = r["difflib_s"]
        md.append(f"| {r['n_a']} x {r['n_b']}{r.get('label', '')} | {r['reader_s']:.3f} | "
                  f"{r['reader_cpu_s']:.3f} | "
                  f"{r['reader_peak_mb']:.0f} | {r['max_rss_mb']:.0f} | "
                  + (f"{d:.3f} | {d / r['reader_s']:.1f}x |" if d is not None
                     else f"not run (~{r.get('difflib_s_extrapolated', float('nan')):.0f} s "
                          "extrapolated) | - |"))
    md.append(f"\nGrowth exponent of time vs sentences (from 500 up): reader n^{growth or 0:.2f}, "
              f"difflib n^{difflib_growth or 0:.2f}. Medians of {args.runs} runs (fewer above 5000); "
              f"peak = tracemalloc peak of one run; machine: {os.cpu_count()} CPUs, "
              f"1-min load average {os.getloadavg()[0]:.1f} when finished (shared machine)."
              + (f" News text: {news['text']}, the compare screen's long pair." if news else ""))
    (res / "align_speed.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
