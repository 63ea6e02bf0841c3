"""Start-up: launching `reader` on the seeds until its first full screen, against the
floor of any Textual program (a minimal App launched the same way), in the same run.

    python3 bench/startup.py [--runs 9] [--quick] [--headless]

Each run is a fresh process in a pseudo-terminal (bench/tui_probe.py); the clock starts
just before the spawn (wall time); the process's own CPU time up to that moment is
reported too (every thread, from the interpreter's start, plus its ended child processes:
any helper process), as it varies less on a shared machine. First full screen: the
first frame written to the terminal in which the library list shows the articles and
the reading pane the first of them. Reader runs with the cache warm (the usual re-open:
READER_CACHE_DIR is a temp dir filled by an untimed run) and cold (a fresh empty cache
dir each run: every file is cleaned). Reader's bytecode is
written first, as an install would (see `precompile`). Floor and reader runs
alternate, in an order rotated each round, so that load on a shared machine hits all
alike; medians and the ratio to the floor's median are reported. One extra headless run with `python -X importtime` lists the
heaviest imports on the start-up path, and every run records which heavy modules
(numpy, rapidfuzz, markdown-it, ...) were already imported at the first full screen and
how many articles the list showed. A phase breakdown (`phases`) times, one at a time in
a fresh process, the CPU of each step from launch to a first article, cold and warm.

Writes bench/results/startup.{json,md}. Target: reader within 1.3x of the floor.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from common import ROOT
from tui_probe import spawn  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SEEDS = ROOT / "seeds"
TARGET_RATIO = 1.3
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
TOP = 15  # rows of the import tables in the markdown report
PHASE_RUNS = 9
# One launch's steps to a first article, in the order the app takes them (the preload
# thread does the file steps while the main thread imports Textual), each timed alone:
# CPU seconds of this thread (time.thread_time), so the machine's load counts little.
PHASES = r"""
import gc, json, sys, time
seeds, cache_dir, warm = sys.argv[1], sys.argv[2], sys.argv[3] == "warm"
out, collections = {}, []
gc.callbacks.append(lambda phase, info: collections.append(phase == "start"))
t = time.thread_time()
def lap(name):
    global t
    now = time.thread_time()
    out[name] = out.get(name, 0.0) + now - t
    t = time.thread_time()
import reader.cli.main, reader.fetch, reader.tui.launch
lap("reader's imports before Textual (CLI, loader, cache)")
from reader.cache import Cache
from reader.ingest import list_inputs
from reader.library import clean_source, load_article
from reader.manifest import read_manifest
from reader.ingest import read_bytes, source_from_bytes
import hashlib
cache = Cache(cache_dir)
lap("cache open (cold: created)")
listing = list_inputs([seeds])
manifests = [read_manifest(m) for m in listing.manifests]
lap("listing, manifest")
first = listing.files[0]
if warm:
    load_article(first, cache=cache)
    lap("first file from the cache")
else:
    data = read_bytes(first, 1 << 24)
    sha = hashlib.sha256(data).hexdigest()
    cache.get_article(sha, first)
    lap("first file read, hashed, looked up")
    import reader.clean
    lap("cleaner import (compiles its rules)")
    article = clean_source(source_from_bytes(data, first, sha))
    lap("first file cleaned")
    cache.put_article(article)
    cache.commit()
    lap("first file written to the cache")
import textual.app, textual.widgets
lap("Textual's import (the floor pays it too)")
out["collector runs in these steps (count; the app holds it)"] = sum(collections)
print(json.dumps(out))
"""


def seed_count() -> int:
    return sum(1 for p in SEEDS.iterdir() if p.suffix == ".txt")


def precompile() -> None:
    """Write reader's bytecode first, as installing a package does: from a source
    checkout (an editable install) with PYTHONDONTWRITEBYTECODE=1 set, Python would
    otherwise compile every module of reader again on each launch (tens of ms), which
    the floor, whose Textual came compiled, never pays."""
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)


def first_screen_runs(runs: int, headless: bool, warm: str) -> dict[str, list[dict]]:
    """Floor / warm / cold runs in turn, the order rotated each round (on this kind of
    machine a run right after another is measurably slower, whichever app it is); each
    result as returned by tui_probe.spawn. `warm` is a cache dir, filled here by an
    untimed run."""
    args = (str(SEEDS),)

    def cold() -> dict:
        with tempfile.TemporaryDirectory(prefix="reader-bench-cold-") as directory:
            return spawn("reader", args, env={"READER_CACHE_DIR": directory},
                         terminal=not headless)

    apps = {"floor": lambda: spawn("floor", terminal=not headless),
            "reader (warm cache)": lambda: spawn("reader", args, env={"READER_CACHE_DIR": warm},
                                                 terminal=not headless),
            "reader (cold cache)": cold}
    out: dict[str, list[dict]] = {name: [] for name in apps}
    apps["reader (warm cache)"]()  # fills the warm cache
    names = list(apps)
    for round_ in range(runs):
        for name in names[round_ % 3:] + names[:round_ % 3]:
            out[name].append(apps[name]())
    return out


def paired_ratios(runs: list[dict], floor_runs: list[dict]) -> list[float]:
    """Each round's reader time over the same round's floor time. The two ran seconds
    apart, so a drift in the machine's speed (a third within minutes on a shared VM)
    hits both; the spread of these ratios says how far one median ratio can be trusted."""
    return [r["events"]["first_screen"]["s"] / f["events"]["first_screen"]["s"]
            for r, f in zip(runs, floor_runs)
            if "first_screen" in r["events"] and "first_screen" in f["events"]]


def summarise(results: dict[str, list[dict]]) -> list[dict]:
    rows = []
    floor = None
    floor_runs = next(iter(results.values()))
    for name, runs in results.items():
        done = [r for r in runs if "first_screen" in r["events"]]
        failed = len(runs) - len(done)
        if not done:
            rows.append({"app": name, "runs": 0, "failed": failed})
            continue
        first = statistics.median(r["events"]["first_screen"]["s"] for r in done)
        imported = statistics.median(r["events"]["imported"]["s"] for r in done)
        modules = Counter(m for r in done for m in r["events"]["first_screen"]["modules"])
        row = {"app": name, "runs": len(done), "failed": failed,
               "first_screen_s": first, "imported_s": imported,
               "first_screen_min_s": min(r["events"]["first_screen"]["s"] for r in done),
               "cpu_to_first_screen_s": statistics.median(
                   r["events"]["first_screen"]["cpu"] for r in done),
               "max_rss_mib": statistics.median(r["max_rss_mib"] for r in done),
               "entries_at_first_screen": statistics.median(
                   r["events"]["first_screen"].get("entries", 0) for r in done),
               "first_screen_runs_s": [round(r["events"]["first_screen"]["s"], 4)
                                       for r in done],
               "frames_missed": sum(1 for r in done
                                    if not r["events"]["first_screen"].get("framed", True)),
               "heavy_modules_at_first_screen": {m: f"{n}/{len(done)}" for m, n in modules.items()}}
        if floor is None:
            floor = row
        row["ratio_to_floor"] = first / floor["first_screen_s"]
        ratios = paired_ratios(runs, floor_runs)
        if len(ratios) >= 4:
            quartiles = statistics.quantiles(ratios, n=4)
            row["paired_ratio_median"] = statistics.median(ratios)
            row["paired_ratio_iqr"] = [quartiles[0], quartiles[2]]
        row["cpu_ratio_to_floor"] = row["cpu_to_first_screen_s"] / floor["cpu_to_first_screen_s"]
        rows.append(row)
    return rows


def phases(runs: int) -> dict:
    """Median CPU ms of each step of PHASES, cold (a new cache) and warm (one filled by
    the cold run before), over `runs` fresh processes each."""
    out: dict = {"runs": runs}
    for state in ("cold", "warm"):
        samples: dict[str, list[float]] = {}
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="reader-bench-phases-") as cache:
                for step in (("cold", "warm") if state == "warm" else ("cold",)):
                    proc = subprocess.run([sys.executable, "-c", PHASES, str(SEEDS), cache, step],
                                          capture_output=True, text=True, check=True)
            for name, value in json.loads(proc.stdout).items():
                samples.setdefault(name, []).append(value)
        out[state] = {name: statistics.median(v) * (1 if "count" in name else 1000)
                      for name, v in samples.items()}
    return out


def import_profile(warm: str) -> dict:
    """One headless reader start under `python -X importtime`: the heaviest packages
    (cumulative time of every import of the package made from outside it; packages
    nest, so the column does not sum to the total) and reader's own modules (self
    time), in milliseconds. importtime lists an import after the ones it caused, so
    an entry's importer is the next entry at a shallower depth."""
    run = spawn("reader", (str(SEEDS),), env={"READER_CACHE_DIR": warm}, terminal=False,
                python_flags=("-X", "importtime"))
    return profile_of(run["stderr"]) | {
        "modules_at_first_screen": run["events"].get("first_screen", {}).get("modules", [])}


def profile_of(stderr: str) -> dict:
    """import_profile's tables from `python -X importtime` output."""
    entries = []
    for line in stderr.splitlines():
        m = IMPORT_LINE.match(line)
        if m:
            self_us, cum_us, indent, name = m.groups()
            entries.append({"module": name, "self_ms": int(self_us) / 1000,
                            "cumulative_ms": int(cum_us) / 1000, "depth": len(indent) // 2})
    packages: dict[str, float] = {}  # package -> ms of imports made from outside it
    for k, e in enumerate(entries):
        pkg = e["module"].split(".")[0]
        parent = next((p for p in entries[k + 1:] if p["depth"] < e["depth"]), None)
        if parent is None or parent["module"].split(".")[0] != pkg:
            packages[pkg] = packages.get(pkg, 0) + e["cumulative_ms"]
    own = sorted((e for e in entries if e["module"].startswith("reader")),
                 key=lambda e: -e["self_ms"])  # all of them (see packages)
    return {
        "total_ms": sum(e["cumulative_ms"] for e in entries if e["depth"] == 0),
        # every package, not a top few: which packages are imported must not depend on
        # how fast each import happened to be (the markdown shows the heaviest)
        "packages": sorted(packages.items(), key=lambda kv: -kv[1]),
        "reader_modules_self": [(e["module"], e["self_ms"]) for e in own],
    }


def markdown(rows: list[dict], imports: dict, runs: int, terminal: str, steps: dict) -> str:
    md = ["# Start-up: `reader` on the seeds vs a minimal Textual app", "",
          f"{seed_count()} seed files; {runs} alternating runs each in a {terminal}; medians. "
          f"Target: first full screen within {TARGET_RATIO}x of the floor.", "",
          "| app | first full screen (s) | ratio to floor | paired ratio (IQR) | "
          "imports done (s) | CPU to first screen (s) | CPU ratio | peak RSS (MiB) | "
          "articles in it |",
          "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if not r["runs"]:
            md.append(f"| {r['app']} | failed ({r['failed']} runs) | | | | | | | |")
            continue
        paired = ""
        if "paired_ratio_median" in r and r is not rows[0]:
            low, high = r["paired_ratio_iqr"]
            paired = f"{r['paired_ratio_median']:.2f}x ({low:.2f}-{high:.2f})"
        md.append(f"| {r['app']} | {r['first_screen_s']:.3f} | {r['ratio_to_floor']:.2f}x | "
                  f"{paired} | {r['imported_s']:.3f} | {r['cpu_to_first_screen_s']:.3f} | "
                  f"{r['cpu_ratio_to_floor']:.2f}x | {r['max_rss_mib']:.0f} | "
                  f"{'' if r is rows[0] else format(r['entries_at_first_screen'], 'g')} |")
    md += ["", "Ratio to floor: the median over the median. Paired ratio: the median of each "
               "round's reader time over that round's floor time, with its interquartile "
               "range; on this shared 2-core VM single runs of the same program vary by "
               "a quarter either way."]
    missed = sum(r.get("frames_missed", 0) for r in rows)
    if missed:
        md.append(f"{missed} runs were stamped by the fallback timer, not by a frame.")
    md += ["", "Heavy modules already imported at the first full screen (runs):", ""]
    for r in rows[1:]:
        if r["runs"]:
            found = ", ".join(f"{m} {n}" for m, n in r["heavy_modules_at_first_screen"].items())
            md.append(f"- {r['app']}: {found or 'none'}")
    md += ["", f"## Where a launch's time goes (CPU ms of each step, median of "
               f"{steps['runs']} fresh processes)", "",
           "Each step alone, in the app's order; in the app the file steps run in a thread "
           "of their own while the main thread imports Textual (one interpreter lock: "
           "their CPU adds up), and the collector is held until the first frame.", "",
           "| step | cold cache | warm cache |", "|---|---|---|"]
    names = list(steps["cold"])  # the warm-only step goes before Textual's import
    names[-2:-2] = [n for n in steps["warm"] if n not in steps["cold"]]
    for name in names:
        cells = [steps[s].get(name) for s in ("cold", "warm")]
        md.append(f"| {name} | " + " | ".join(
            "" if v is None else f"{v:.0f}" if "count" in name else f"{v:.1f}"
            for v in cells) + " |")
    md += ["", f"## Heaviest imports (one headless start, `python -X importtime`, "
               f"{imports['total_ms']:.0f} ms in all)", "",
           "| package | cumulative ms (includes the packages it imports) |", "|---|---|"]
    md += [f"| {name} | {ms:.0f} |" for name, ms in imports["packages"][:TOP]]
    md += ["", "| reader module | self ms |", "|---|---|"]
    md += [f"| {name} | {ms:.1f} |" for name, ms in imports["reader_modules_self"][:TOP]]
    return "\n".join(md) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--quick", action="store_true", help="1 run each (smoke test)")
    ap.add_argument("--headless", action="store_true", help="no pseudo-terminal")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    runs = 1 if args.quick else args.runs
    load_before = os.getloadavg()[0]
    precompile()
    with tempfile.TemporaryDirectory(prefix="reader-bench-cache-") as warm:
        rows = summarise(first_screen_runs(runs, args.headless, warm))
        imports = import_profile(warm)
    steps = phases(1 if args.quick else PHASE_RUNS)
    terminal = "headless driver" if args.headless else "120x40 pseudo-terminal"
    report = {"runs": runs, "terminal": terminal, "seed_files": seed_count(),
              "target_ratio": TARGET_RATIO, "rows": rows, "imports": imports,
              "phases_cpu_ms": steps,
              "cpus": os.cpu_count(), "load_average_1min": os.getloadavg()[0],
              "load_average_1min_at_start": load_before}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "startup.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    text = markdown(rows, imports, runs, terminal, steps) + (
        f"\nMachine load (1-minute average): {load_before:.1f} at the start, "
        f"{report['load_average_1min']:.1f} at the end, on {os.cpu_count()} cores.\n")
    (args.out / "startup.md").write_text(text, "utf-8")
    print(text)
    return 0 if all(r["runs"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
