"""Run every benchmark, each in its own process, and write the headline table.

    python3 bench/run.py            # full sizes: about 20-30 minutes on 2 cores
    python3 bench/run.py --quick    # tiny inputs, about a minute: checks that all still run
    python3 bench/run.py --only startup,interactive

Each benchmark writes bench/results/<name>.{json,md}; a benchmark that only prints gets its
output saved as <name>.md by this script. Then bench/results/summary.md (the headline
table: one line per measured claim, reader against the baseline of the same run) and
summary.json are written from those files. `--quick` runs write to bench/results/quick/
and leave the full results in bench/results/ as they were.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from common import ROOT

BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
QUICK_TIMEOUT = 300
OWN_OUT = {"startup", "interactive", "large_folder"}  # these take --out DIR


@dataclass(frozen=True)
class Bench:
    name: str
    full: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()
    timeout: float = 3600


BENCHES = [
    Bench("align_quality"),
    Bench("clean_quality"),
    Bench("wire_quality"),
    Bench("drift_quality"),
    Bench("meter_derivation"),
    Bench("meter_stories"),
    Bench("segment_quality", (), ("--quick",)),
    Bench("align_speed", ("--sizes", "50,500,5000,20000"), ("--sizes", "50,200", "--runs", "1")),
    Bench("drift_speed"),
    Bench("stories_scale", ("--sizes", "1000,10000"), ("--sizes", "200",)),
    Bench("story_speed", (), ("--versions", "3", "--sentences", "20", "--rounds", "1")),
    Bench("startup", ("--runs", "21"), ("--quick",)),  # noisy: many short runs
    Bench("interactive", (), ("--quick",)),
    Bench("large_folder", ("--sizes", "1000,10000"), ("--quick",)),
    Bench("fuzz", ("--seconds", "60"), ("--seconds", "3")),
]


def run_bench(bench: Bench, quick: bool, out: Path) -> dict:
    """Run one benchmark script in its own process; its result files end up in `out`."""
    cmd = [sys.executable, str(BENCH / f"{bench.name}.py"), *(bench.quick if quick else bench.full)]
    own = bench.name in OWN_OUT
    if own:
        cmd += ["--out", str(out)]
    targets = [RESULTS / f"{bench.name}.{ext}" for ext in ("json", "md")]
    if out != RESULTS:  # no stale file from an earlier run may stand in for this one
        for ext in ("json", "md"):
            (out / f"{bench.name}.{ext}").unlink(missing_ok=True)
    saved = {p: p.read_bytes() for p in targets if p.exists()} if out != RESULTS and not own else {}
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                              timeout=QUICK_TIMEOUT if quick else bench.timeout)
        code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code, stdout, stderr = "timeout", "", f"timed out after {exc.timeout:.0f} s"
    seconds = time.perf_counter() - started
    if not own and out != RESULTS:  # a script that writes only to bench/results/: move it
        for p in targets:
            if p.exists() and (p not in saved or p.read_bytes() != saved[p]):
                shutil.copyfile(p, out / p.name)
            if p in saved:
                p.write_bytes(saved[p])
            elif p.exists():
                p.unlink()
    if not (out / f"{bench.name}.md").exists():  # it only prints: keep what it printed
        (out / f"{bench.name}.md").write_text(f"# {bench.name}\n\n```\n{stdout.strip()}\n```\n",
                                              "utf-8")
    if not (out / f"{bench.name}.json").exists():
        (out / f"{bench.name}.json").write_text(json.dumps({"stdout": stdout}) + "\n", "utf-8")
    return {"name": bench.name, "command": " ".join(cmd[1:]), "exit": code,
            "seconds": round(seconds, 1), "stderr_tail": stderr.strip()[-800:]}


# -- the headline table ------------------------------------------------------------------


def _load(out: Path, name: str) -> dict:
    path = out / f"{name}.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def _align_quality(d: dict) -> list[list[str]]:
    b = d["bleualign"]
    rows = []
    for kind in ("all", "n:m"):
        r, g, f = (b[n][kind] for n in ("reader", "greedy fuzz.ratio", "difflib"))
        rows.append([f"Alignment F1, Bleualign dev, {kind} links (strict / lax)",
                     f"{r['strict']['F1']:.3f} / {r['lax']['F1']:.3f}",
                     f"greedy ratio {g['strict']['F1']:.3f} / {g['lax']['F1']:.3f}; "
                     f"difflib {f['strict']['F1']:.3f} / {f['lax']['F1']:.3f}", ""])
    seeds = next(iter(d["seeds"].values()))
    rows.append(["Alignment F1, seeds 001/002 hand alignment", f"{seeds['reader']['F1']:.3f}",
                 f"greedy ratio {seeds['greedy fuzz.ratio']['F1']:.3f}; "
                 f"difflib {seeds['difflib']['F1']:.3f}", ""])
    return rows


def _clean_quality(d: dict) -> list[list[str]]:
    s = d["scores"]
    rows = [["Cleaning, 4-gram shingle F1 on 181 AEB pages", f"{s['reader.clean']['all']['f1']:.3f}",
             f"raw dump {s['raw dump']['all']['f1']:.3f}; previous release "
             f"{s['previous release']['all']['f1']:.3f}",
             f"{d['timing']['median_ms']:.0f} ms/page median"]]
    cur, prev = d["naeb"]["current"], d["naeb"]["previous"]
    for key, label in (("titles_exact", "titles exact"), ("dates_exact", "dates exact")):
        rows.append([f"Cleaning, naeb dev {label}", f"{cur[key]:.3f}",
                     f"previous release {prev[key]:.3f}", ""])
    rows.append(["Cleaning, naeb dev body shingle F1", f"{cur['body']['all']['f1']:.3f}",
                 f"previous release {prev['body']['all']['f1']:.3f}", ""])
    return rows


def _wire_quality(d: dict) -> list[list[str]]:
    cur, prev = d["runs"]["current"], d["runs"]["previous"]
    keys = ("titles", "bylines", "dates", "paragraphs_intact")
    return [["Wire copy (METER PA dev): titles / bylines / dates / paragraphs intact",
             " / ".join(f"{cur[k]:.3f}" for k in keys),
             "previous release " + " / ".join(f"{prev[k]:.3f}" for k in keys),
             f"{cur['timing']['median_ms']:.0f} ms/text median"]]


def _segment_quality(d: dict) -> list[list[str]]:
    q, speed = d["quality"], d["throughput_mb_s"]
    base = speed.get("pySBD")
    rows = []
    for mode in ("plain", "clean"):
        others = "; ".join(f"{name} {q[name]['share'][mode]:.3f}" for name in q if name != "reader")
        rows.append([f"Sentences, pySBD test cases ({q['reader']['total'][mode]} {mode})",
                     f"{q['reader']['share'][mode]:.3f}", others, ""])
    rows.append(["Sentence splitting throughput, naeb news bodies (MB per CPU s)",
                 f"{speed['reader']:.2f}" + (f" ({speed['reader'] / base:.0f}x pySBD)" if base else ""),
                 "; ".join(f"{n} {v:.2f}" for n, v in speed.items() if n != "reader"),
                 ">= 50x pySBD"])
    return rows


def _meter_derivation(d: dict) -> list[list[str]]:
    r, b = d["reader"], d["previous_share_thresholds"]
    return [["Derivation verdicts, METER dev pairs: 3-class macro F1 (cross-validated)",
             f"{r['macro_f1']:.3f} ({r['cv_macro_f1']:.3f})",
             f"previous release, share thresholds fitted on the pairs {b['macro_f1_fitted_on_dev']:.3f} "
             f"({b['cv_macro_f1']:.3f}); published best {d['published_best']:.3f}",
             ">= 0.75 held out"]]


def _meter_stories(d: dict) -> list[list[str]]:
    cur, prev = d["runs"]["current"], d["runs"]["previous"]
    keys = ("recall", "precision", "original_accuracy")
    return [["Stories on METER dev wire reuse: pair recall / precision / wire take named original",
             " / ".join(f"{cur[k]:.2f}" for k in keys),
             "previous release " + " / ".join(f"{prev[k]:.2f}" for k in keys),
             ">= 0.90 each, held out"]]


def _drift_quality(d: dict) -> list[list[str]]:
    cur, prev = d["runs"]["current"], d["runs"]["previous"]
    return [["Fact drift, METER drift-dev pairs: precision / changes found / one-sided found",
             f"{cur['precision']:.3f} / {cur['change_recall']:.3f} / {cur['one_sided_recall']:.3f}",
             f"previous release {prev['precision']:.3f} / {prev['change_recall']:.3f} / "
             f"{prev['one_sided_recall']:.3f}", "precision >= 0.90, changes >= 0.70"]]


def _align_speed(d: dict) -> list[list[str]]:
    rows = []
    for r in d["rows"]:
        if r["n_a"] < 500:
            continue
        base = (f"difflib {r['difflib_s']:.2f} s ({r['difflib_s'] / r['reader_s']:.1f}x slower)"
                if r.get("difflib_s") else
                f"difflib ~{r.get('difflib_s_extrapolated', float('nan')):.0f} s (extrapolated)")
        rows.append([f"Align {r['n_a']:,} x {r['n_b']:,} sentences",
                     f"{r['reader_s']:.2f} s, {r['reader_peak_mb']:.0f} MB peak", base,
                     "< 10 s, < 1 GB" if r["n_a"] >= 20000 else ""])
    if d.get("reader_growth_exponent"):
        rows.append(["Alignment time growth (from 500 sentences up)",
                     f"n^{d['reader_growth_exponent']:.2f}",
                     f"difflib n^{d.get('difflib_growth_exponent') or 0:.2f}", "near-linear"])
    return rows


def _stories_scale(d: dict) -> list[list[str]]:
    return [[f"Story grouping, {r['articles']:,} articles",
             f"{r['group_s']:.1f} s, +{r['grouping_extra_mib']:.0f} MiB; pair P/R "
             f"{r['pair_precision']:.3f}/{r['pair_recall']:.3f}",
             "datasketch MinHash sketching "
             f"{d['sketch_baseline']['ratio_datasketch_over_ours']:.1f}x slower", ""]
            for r in d["runs"]]


def _story_speed(d: dict) -> list[list[str]]:
    what = f"Story table, {d['versions']} versions x {d['sentences']} sentences"
    return [[f"{what}: cold / from the cache",
             f"{d['table_cold_s']:.2f} s / {d['table_from_cache_s']:.2f} s",
             f"one compare() per version {d['baseline_compare_only_s']:.2f} s",
             "< 1 s once cached"],
            ["reader story on a warm cache (a new process)", f"{d['cli_story_cached_s']:.2f} s",
             f"reader clean of the same folder {d['baseline_cli_clean_cached_s']:.2f} s", ""]]


def _startup(d: dict) -> list[list[str]]:
    rows = {r["app"]: r for r in d["rows"]}
    floor = rows["floor"]
    def paired(r: dict) -> str:
        if "paired_ratio_median" not in r:
            return ""
        low, high = r["paired_ratio_iqr"]
        return f"; paired {r['paired_ratio_median']:.2f}x, IQR {low:.2f}-{high:.2f}"

    return [[f"Start-up on the seeds to first full screen, {name.split('(')[1][:-1]}",
             f"{r['first_screen_s']:.2f} s ({r['ratio_to_floor']:.2f}x{paired(r)}; CPU "
             f"{r['cpu_ratio_to_floor']:.2f}x)",
             f"minimal Textual app {floor['first_screen_s']:.2f} s "
             f"(CPU {floor['cpu_to_first_screen_s']:.2f} s)", "<= 1.3x floor"]
            for name, r in rows.items() if name != "floor" and r.get("runs")]


def _interactive(d: dict) -> list[list[str]]:
    out = []
    for r in d["rows"]:
        out.append([f"Open compare, {r['pair']} ({r['sentences'][0]}/{r['sentences'][1]} sentences)",
                    f"{r['open_ms']:.0f} ms (first {r['open_first_ms']:.0f} ms)",
                    f"core alone {r['core_ms']:.0f} ms; empty screen {r['push_screen_floor_ms']:.0f} ms",
                    "< 150 ms" if r["pair"].startswith("seeds") else ""])
        out.append([f"Page down, {r['pair']}", f"{r['pagedown_ms']:.1f} ms",
                    f"no-op key {r['key_floor_ms']:.1f} ms", ""])
    return out


def _large_folder(d: dict) -> list[list[str]]:
    def s(v: float | None) -> str:
        return "timed out" if v is None else f"{v:.2f} s"

    return [[f"Open a folder of {r['files']:,} files, cache {r['cache']}",
             f"first screen {s(r['first_screen_s'])}, loaded {s(r['loaded_s'])}, "
             f"{r.get('rss_at_loaded_mib') or r['max_rss_mib']:.0f} MiB",
             f"core load alone {s(r['core_s'])}, {r['core_max_rss_mib']:.0f} MiB",
             "first screen must not wait for all"] for r in d["rows"]]


HEADLINES: dict[str, Callable[[dict], list[list[str]]]] = {
    "align_quality": _align_quality, "clean_quality": _clean_quality,
    "wire_quality": _wire_quality, "drift_quality": _drift_quality,
    "meter_derivation": _meter_derivation, "meter_stories": _meter_stories,
    "segment_quality": _segment_quality,
    "align_speed": _align_speed, "stories_scale": _stories_scale, "startup": _startup,
    "story_speed": _story_speed,
    "interactive": _interactive, "large_folder": _large_folder,
}


def headline(out: Path, runs: list[dict]) -> tuple[list[list[str]], list[str]]:
    rows, notes = [], []
    for run in runs:
        name = run["name"]
        if run["exit"] not in (0, None):
            notes.append(f"{name}: exit {run['exit']}: {run['stderr_tail'][-300:]}")
        extract = HEADLINES.get(name)
        if extract is None:
            notes.append(f"{name}: see {name}.md")
            continue
        try:
            rows += extract(_load(out, name))
        except (KeyError, TypeError, ValueError, StopIteration, ZeroDivisionError) as exc:
            notes.append(f"{name}: no headline ({type(exc).__name__}: {exc}); see {name}.md")
    return rows, notes


def earlier_runs(out: Path, done: list[dict]) -> list[dict]:
    """Benchmarks not run this time whose results are in `out` from an earlier run."""
    ran = {r["name"] for r in done}
    return [{"name": b.name, "command": "(earlier run)", "exit": None, "seconds": None,
             "stderr_tail": ""}
            for b in BENCHES if b.name not in ran and (out / f"{b.name}.md").exists()]


def write_summary(out: Path, runs: list[dict], quick: bool) -> str:
    """The headline table from this run's results and, for benchmarks not run this time
    (--only), from the results already in `out`."""
    order = [b.name for b in BENCHES]
    runs = sorted(runs + earlier_runs(out, runs), key=lambda r: order.index(r["name"]))
    rows, notes = headline(out, runs)
    machine = (f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
               f"1-min load average {os.getloadavg()[0]:.1f} at the end")
    md = ["# Benchmark summary" + (" (--quick: tiny inputs, not for comparison)" if quick else ""),
          "", f"Machine: {machine}. Every figure is a median of several runs in one "
          "session; the baseline column was measured in the same session, so read the "
          "ratios rather than absolute times.", "",
          "| measure | reader | baseline (same run) | target |", "|---|---|---|---|"]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md += ["", "| benchmark | seconds | exit |", "|---|---|---|"]
    md += [f"| [{r['name']}]({r['name']}.md) | {r['seconds'] or 'earlier run'} | "
           f"{'' if r['exit'] is None else r['exit']} |" for r in runs]
    if notes:
        md += ["", "Notes:", ""] + [f"- {n}" for n in notes]
    text = "\n".join(md) + "\n"
    (out / "summary.md").write_text(text, "utf-8")
    (out / "summary.json").write_text(json.dumps(
        {"quick": quick, "machine": machine, "headline": rows, "runs": runs, "notes": notes},
        indent=2) + "\n", "utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny inputs (a smoke run)")
    ap.add_argument("--only", help="comma-separated benchmark names")
    ap.add_argument("--out", type=Path, help="results folder (default bench/results, "
                    "or bench/results/quick with --quick)")
    args = ap.parse_args(argv)
    out = args.out or (RESULTS / "quick" if args.quick else RESULTS)
    out.mkdir(parents=True, exist_ok=True)
    chosen = set(args.only.split(",")) if args.only else None
    unknown = (chosen or set()) - {b.name for b in BENCHES}
    if unknown:
        ap.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    runs = []
    for bench in BENCHES:
        if chosen is not None and bench.name not in chosen:
            continue
        print(f"running {bench.name} ...", flush=True)
        runs.append(run_bench(bench, args.quick, out))
        print(f"  {runs[-1]['seconds']} s, exit {runs[-1]['exit']}", flush=True)
    print(write_summary(out, runs, args.quick))
    return 0 if all(r["exit"] == 0 for r in runs) else 1  # this run's benchmarks only


if __name__ == "__main__":
    raise SystemExit(main())
