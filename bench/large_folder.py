"""Large folders: `reader FOLDER` on 1,000 and 10,000 generated articles.

    python3 bench/large_folder.py [--sizes 1000,10000] [--runs 3] [--quick]

Folders are written to a temp dir by bench/corpus_gen.py (realistic page dumps: news
text with outlet furniture, several versions per story). For each size, with the cache
cold (a fresh empty READER_CACHE_DIR) and then warm (the same dir again), one process in
a 120x40 pseudo-terminal (bench/tui_probe.py) reports:

* first screen: the list shows its first articles and the reading pane the first one;
* fully loaded: the list holds every file and no load worker runs;
* peak memory: the process's peak RSS when fully loaded, and up to its exit (which
  includes the first seconds of the story grouping the app starts once loaded).

Baseline in the same run: the core alone (`load_library` with the same cache state, in its
own process, no TUI; timed like the app, from spawn to done), so `loaded / core` is what
the app adds on top of starting Python, reading and cleaning. Medians of `--runs` runs (one run above 2,000 files). The app is stopped once
loaded; the background ranking of related articles is not waited for.
Writes bench/results/large_folder.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT
from tui_probe import spawn  # noqa: E402

RESULTS = ROOT / "bench" / "results"
CORE_LOAD = """
import json, resource, sys, time
t = time.monotonic()
from reader.cache import Cache
from reader.library import load_library
with Cache() as cache:
    lib = load_library(sys.argv[1:], cache=cache)
print(json.dumps({"s": time.monotonic() - t, "articles": len(lib.articles),
                  "errors": len(lib.errors),
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def generate(folder: Path, n: int) -> int:
    """Write `n` articles with bench/corpus_gen.py; returns the number of article files."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_gen.py"), str(folder),
                    "--n", str(n)], check=True, stdout=subprocess.DEVNULL)
    (folder / "truth.json").unlink(missing_ok=True)  # the generator's answer key
    return sum(1 for _ in folder.iterdir())


def core_load(folder: Path, cache_dir: str) -> dict:
    env = dict(os.environ, READER_CACHE_DIR=cache_dir)
    t = time.monotonic()
    out = subprocess.run([sys.executable, "-c", CORE_LOAD, str(folder)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out) | {"process_s": time.monotonic() - t}


def tui_load(folder: Path, cache_dir: str, files: int, timeout: float) -> dict:
    run = spawn("reader", (str(folder),), until="loaded", expect=files,
                env={"READER_CACHE_DIR": cache_dir}, timeout=timeout)
    ev = run["events"]
    return {"first_screen_s": ev.get("first_screen", {}).get("s"),
            "loaded_s": ev.get("loaded", {}).get("s"),
            "entries_at_first_screen": ev.get("first_screen", {}).get("entries"),
            "rss_at_loaded_mib": ev.get("loaded", {}).get("peak_rss_mib"),
            "max_rss_mib": run["max_rss_mib"], "returncode": run["returncode"]}


def median_of(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def measure(n: int, runs: int, timeout: float) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix=f"reader-bench-{n}-") as tmp:
        folder = Path(tmp) / "articles"
        files = generate(folder, n)
        for cache in ("cold", "warm"):
            tui, core = [], []
            for _ in range(runs):
                with tempfile.TemporaryDirectory(prefix="reader-bench-cache-") as cdir:
                    if cache == "warm":
                        core_load(folder, cdir)  # fill the cache, untimed
                    core.append(core_load(folder, cdir))
                    if cache == "cold":  # the core run just filled it: empty it again
                        for f in Path(cdir).iterdir():
                            f.unlink()
                    tui.append(tui_load(folder, cdir, files, timeout))
            row = {"files": files, "cache": cache, "runs": runs,
                   "first_screen_s": median_of(tui, "first_screen_s"),
                   "loaded_s": median_of(tui, "loaded_s"),
                   "entries_at_first_screen": median_of(tui, "entries_at_first_screen"),
                   "max_rss_mib": median_of(tui, "max_rss_mib"),
                   "rss_at_loaded_mib": median_of(tui, "rss_at_loaded_mib"),
                   "core_s": median_of(core, "process_s"), "core_max_rss_mib": median_of(core, "max_rss_mib"),
                   "raw": {"tui": tui, "core": core}}
            if row["loaded_s"] and row["core_s"]:
                row["loaded_vs_core"] = row["loaded_s"] / row["core_s"]
            rows.append(row)
            print(json.dumps({k: v for k, v in row.items() if k != "raw"}), flush=True)
    return rows


def fmt(value: float | None, spec: str = ".2f") -> str:
    return "timed out" if value is None else format(value, spec)


def markdown(rows: list[dict]) -> str:
    md = ["# Large folders: `reader FOLDER` on generated articles", "",
          "Pseudo-terminal 120x40; medians; core = `load_library` alone in its own process "
          "with the same cache state.", "",
          "| files | cache | first screen (s) | entries at first screen | fully loaded (s) | "
          "core load (s) | loaded / core | peak RSS when loaded (MiB) | peak RSS to exit (MiB) | "
          "core peak RSS (MiB) |",
          "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r['loaded_vs_core']:.2f}x" if r.get("loaded_vs_core") else "-"
        md.append(f"| {r['files']:,} | {r['cache']} | {fmt(r['first_screen_s'])} | "
                  f"{fmt(r['entries_at_first_screen'], '.0f')} | {fmt(r['loaded_s'])} | "
                  f"{fmt(r['core_s'])} | {ratio} | {fmt(r['rss_at_loaded_mib'], '.0f')} | "
                  f"{fmt(r['max_rss_mib'], '.0f')} | "
                  f"{fmt(r['core_max_rss_mib'], '.0f')} |")
    return "\n".join(md) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=900, help="seconds per app run")
    ap.add_argument("--quick", action="store_true", help="one run of 30 files")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    sizes = [30] if args.quick else [int(x) for x in args.sizes.split(",")]
    rows = []
    for n in sizes:
        rows += measure(n, 1 if args.quick or n > 2000 else args.runs, args.timeout)
    report = {"rows": rows, "cpus": os.cpu_count(), "load_average_1min": os.getloadavg()[0]}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "large_folder.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    text = markdown(rows)
    (args.out / "large_folder.md").write_text(text, "utf-8")
    print(text)
    return 0 if all(r["loaded_s"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
