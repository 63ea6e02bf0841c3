"""Story grouping at scale: time, peak memory and pair quality on generated corpora.

Each size runs in its own process: generate the corpus (bench/corpus_gen.py; with
`--corpus-dir DIR` it is written once to DIR/N and read back from there), turn
every page into an Article (paragraphs split on blank lines; cleaning is measured by
bench/clean_quality.py, not here), reset the peak-RSS counter, then time
`group_stories`. Quality is pairwise against the generator's story ids. A second
table compares the cost of our numpy bottom-k sketch with datasketch's MinHash on
the same shingles.

    python3 bench/stories_scale.py                 # sizes 1000,10000
    python3 bench/stories_scale.py --sizes 1000,10000,100000 --corpus-dir /tmp/corpora
Writes bench/results/stories_scale.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from common import ROOT

RESULTS = ROOT / "bench" / "results"


def _corpus(n: int, seed: int, corpus_dir: str | None):
    """The generated items of one corpus, from `corpus_dir/n` if it was written before."""
    import corpus_gen

    if not corpus_dir:
        return corpus_gen.generate(n, seed)
    folder = Path(corpus_dir) / str(n)
    if not (folder / "truth.json").exists():
        corpus_gen.main([str(folder), "--n", str(n), "--seed", str(seed)])
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    return [corpus_gen.Generated(name, (folder / name).read_text("utf-8"), story)
            for name, story in sorted(truth.items())]


def _articles(items):
    from reader.model import Article, Paragraph

    out = []
    for item in items:
        paras, pos = [], 0
        for block in item.text.split("\n\n"):
            if block.strip():
                paras.append(Paragraph(block.strip(), pos, pos + len(block.strip())))
            pos += len(block) + 2
        out.append(Article(path=item.name, text=item.text, paragraphs=paras, sha256=item.name))
    return out


def _peak_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _pair_quality(stories, truth: dict[str, int]) -> dict[str, float]:
    def pairs(sizes):
        return sum(k * (k - 1) // 2 for sizes_ in [sizes] for k in sizes_)

    predicted = pairs(len(s.members) for s in stories)
    actual = pairs(Counter(truth.values()).values())
    both = sum(pairs(Counter(truth[a.path] for a in s.members).values()) for s in stories)
    return {"pair_precision": round(both / predicted, 4) if predicted else 1.0,
            "pair_recall": round(both / actual, 4) if actual else 1.0}


def run_one(n: int, seed: int, corpus_dir: str | None = None) -> dict:
    """Generate (or read) and group one corpus (called in a child process)."""
    from reader.corpus.stories import Grouping, group_stories

    t0 = time.perf_counter()
    items = _corpus(n, seed, corpus_dir)
    articles = _articles(items)
    gen_s = time.perf_counter() - t0
    truth = {g.name: g.story for g in items}
    del items
    base = _rss_kib()
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak-RSS counter
    except OSError:
        pass
    stats = Grouping()

    def progress(done, total, stage):  # so a long run shows how far it got
        print(f"{time.perf_counter() - t1:8.1f}s {stage} {done}/{total} "
              f"rss {_rss_kib() // 1024} MiB", file=sys.stderr, flush=True)

    t1, c1 = time.perf_counter(), time.process_time()
    stories = group_stories(articles, progress=progress, stats=stats)
    group_s, group_cpu_s = time.perf_counter() - t1, time.process_time() - c1
    stages = {"sketch": stats.sketch_s, "match": stats.match_s, "confirm": stats.confirm_s}
    stages["stories"] = group_s - sum(stages.values())
    return {
        "articles": n, "true_stories": len(set(truth.values())), "found_stories": len(stories),
        "generate_s": round(gen_s, 2), "group_s": round(group_s, 2), "group_cpu_s": round(group_cpu_s, 2),
        "stage_s": {k: round(v, 2) for k, v in stages.items()},
        "corpus_rss_mib": round(base / 1024, 1),
        "peak_rss_during_grouping_mib": round(_peak_kib() / 1024, 1),
        "grouping_extra_mib": round((_peak_kib() - base) / 1024, 1),
        "candidates": stats.candidates, "sentence_checks": stats.checked, "aligner_calls": stats.aligned,
        "boilerplate_values": stats.boilerplate_values, **_pair_quality(stories, truth),
    }


def sketch_baseline(n: int = 1000, seed: int = 7, repeats: int = 3) -> dict:
    """Median seconds to sketch n bodies: ours (numpy bottom-k) vs datasketch MinHash(128);
    without datasketch installed (`pip install datasketch`), ours alone."""
    import importlib.util

    import corpus_gen

    from reader.corpus.sketch import SKETCH_SIZE, sketch_many, words_of

    bodies = [a.body for a in _articles(corpus_gen.generate(n, seed))]

    def ours():
        sketch_many(bodies)

    def theirs():
        from datasketch import MinHash

        for b in bodies:
            w = words_of(b)
            m = MinHash(num_perm=SKETCH_SIZE)
            m.update_batch([f"{x} {y}".encode() for x, y in zip(w, w[1:])])

    out: dict = {}
    runs = [("numpy_bottom_k", ours)]
    if importlib.util.find_spec("datasketch"):
        runs.append(("datasketch_minhash", theirs))
    for name, fn in runs:
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        out[name + "_s"] = round(statistics.median(times), 3)
    out["articles"] = n
    if "datasketch_minhash_s" in out:
        out["ratio_datasketch_over_ours"] = round(out["datasketch_minhash_s"] / out["numpy_bottom_k_s"], 2)
    return out


def _markdown(report: dict) -> str:
    rows = ["| articles | true stories | found | group s (wall / CPU) | sketch / match / confirm / stories s | "
            "peak RSS MiB (extra) | candidates | sentence checks | aligner calls | pair precision | pair recall |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in report["runs"]:
        st = r["stage_s"]
        rows.append(f"| {r['articles']:,} | {r['true_stories']:,} | {r['found_stories']:,} | "
                    f"{r['group_s']} / {r['group_cpu_s']} | {st['sketch']} / {st['match']} / "
                    f"{st['confirm']} / {st['stories']} | {r['peak_rss_during_grouping_mib']} "
                    f"({r['grouping_extra_mib']}) | {r['candidates']:,} | {r['sentence_checks']:,} | "
                    f"{r['aligner_calls']:,} | {r['pair_precision']} | {r['pair_recall']} |")
    b = report["sketch_baseline"]
    return "\n".join([
        "# Story grouping at scale", "",
        f"Machine: {report['machine']}. Command: `{report['command']}`.",
        "Corpus: bench/corpus_gen.py (trigram-chain text from the English AEB gold bodies and "
        "the seeds, every story given its own subjects; versions with drops, inserts, reorders, "
        "renumbering and synonym spin; about 1 story in 100 is wire copy run by 10-50 outlets; "
        "shared outlet furniture, place names and per-place stock background paragraphs). "
        "Grouping only; no cleaning, so page furniture stays in every article.", "",
        "Wall time is on a machine shared with other jobs; CPU time is this process's own. "
        "Stages: sketching, candidate pairs and their containment estimates (match), "
        "sentence checks and aligner (confirm), building Story objects with their likely "
        "original (stories). Peak RSS is the whole process during grouping (corpus included); "
        "extra: peak minus RSS with the corpus loaded.", "",
        *rows, "",
        f"Sketching {b['articles']:,} bodies (median of 3): numpy bottom-k {b['numpy_bottom_k_s']} s, "
        + (f"datasketch MinHash(128) {b['datasketch_minhash_s']} s ({b['ratio_datasketch_over_ours']}x)."
           if "datasketch_minhash_s" in b else "datasketch not installed: no baseline."), "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Story grouping at scale")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus-dir", help="write each corpus once to DIR/N and reuse it")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.seed, args.corpus_dir)))
        return 0
    runs = []
    for n in (int(s) for s in args.sizes.split(",")):
        extra = ["--corpus-dir", args.corpus_dir] if args.corpus_dir else []
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(args.seed), *extra],
                             stdout=subprocess.PIPE, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(runs[-1]), flush=True)
    report = {"command": "python3 bench/stories_scale.py " + " ".join(argv or sys.argv[1:]),
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "runs": runs, "sketch_baseline": sketch_baseline(seed=args.seed)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stories_scale.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    (RESULTS / "stories_scale.md").write_text(_markdown(report), "utf-8")
    print(_markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
