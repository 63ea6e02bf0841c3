"""Did the start-up mechanisms pay? A first launch (cold cache) with and without each.

    python3 bench/startup_mechanisms.py [--set issue10|preload] [--rev REV] [--rounds 20]
                                        [--folder-rounds 12]

Issue 10 asked to keep a start-up mechanism only if removing it costs more than 0.1 s
on a first launch of the seeds or of a 1,000-file folder. The mechanisms of `--set
issue10` (code at 8f94ef0) were:

* the prefetch helper: a second Python process cleaning the first 64 files into the
  cache on another core while the app imports Textual (reader/prefetch.py);
* the switch interval: the interpreter switching threads every 0.2 ms instead of 5 ms
  until the first frame (reader/tui/workers.py Handoff);
* the first-frame handoff: the first paint waiting up to 0.1 s for the first files.

`--set preload` (code at HEAD by default) measures the two that came after:

* the preload: the first file read (cleaned) in a thread started before Textual is
  imported, so the first frame shows it (reader/tui/preload.py); without it the same
  thread starts when the app is built, after Textual's import;
* the collector hold: no garbage collection from launch to the first frame
  (reader/tui/memory.py).

The code as it was at `--rev` (for issue10, the last commit with all three) is exported to a temp dir
and each mechanism made switchable there; every variant is launched like
bench/startup.py does (bench/tui_probe.py in a pseudo-terminal, a fresh cache dir each
run, bytecode precompiled), variants alternating in a rotated order each round. Reported:
median time to the first screen (the list shows articles and the reading pane the first
of them) and the median of the paired differences against the variant without that one
mechanism. Writes bench/results/startup_mechanisms.{json,md} (issue10) or
startup_mechanisms_preload.{json,md}.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SEEDS  # noqa: E402
from tui_probe import spawn  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ISSUE10_SWITCHES = [  # (file, as it was, switchable by an environment variable)
    ("reader/cli/main.py",
        "helper = None if args.no_cache else prefetch.Helper(paths, args.max_size)",
        "helper = None if (args.no_cache or __import__('os').environ.get('OFF_PREFETCH')) "
        "else prefetch.Helper(paths, args.max_size)"),
    ("reader/tui/workers.py",
        "        sys.setswitchinterval(min(self._switch_interval, self.SWITCH_INTERVAL_S))",
        "        if not __import__('os').environ.get('OFF_SWITCH'):\n"
        "            sys.setswitchinterval(min(self._switch_interval, self.SWITCH_INTERVAL_S))"),
    ("reader/tui/screens/library.py",
        "FIRST_FRAME_WAIT_S = 0.1 ",
        "FIRST_FRAME_WAIT_S = 0.0 if __import__('os').environ.get('OFF_HANDOFF') else 0.1 "),
]
ISSUE10_VARIANTS = {  # name: mechanisms switched off
    "all three": (),
    "no prefetch": ("OFF_PREFETCH",),
    "no prefetch, no switch interval": ("OFF_PREFETCH", "OFF_SWITCH"),
    "none": ("OFF_PREFETCH", "OFF_SWITCH", "OFF_HANDOFF"),
}
ISSUE10_COSTS = [  # (mechanism, variant with it, variant without it)
    ("prefetch helper", "all three", "no prefetch"),
    ("switch interval", "no prefetch", "no prefetch, no switch interval"),
    ("first-frame handoff", "no prefetch, no switch interval", "none"),
]
PRELOAD_SWITCHES = [
    ("reader/tui/launch.py", "    hold_collections()\n",
     "    if not __import__('os').environ.get('OFF_HOLD'):\n        hold_collections()\n"),
    ("reader/tui/launch.py", "    preload = Preload(paths, max_bytes, use_cache)\n",
     "    preload = (None if __import__('os').environ.get('OFF_PRELOAD')\n"
     "               else Preload(paths, max_bytes, use_cache))  # None: the app starts it\n"),
]
PRELOAD_VARIANTS = {
    "both": (),
    "no collector hold": ("OFF_HOLD",),
    "no hold, preload started by the app": ("OFF_HOLD", "OFF_PRELOAD"),
}
PRELOAD_COSTS = [
    ("collector hold", "both", "no collector hold"),
    ("preload before Textual's import", "no collector hold",
     "no hold, preload started by the app"),
]
SETS = {  # name: (default rev, switches, variants, costs, results file stem)
    "issue10": ("8f94ef0", ISSUE10_SWITCHES, ISSUE10_VARIANTS, ISSUE10_COSTS,
                "startup_mechanisms"),
    "preload": ("HEAD", PRELOAD_SWITCHES, PRELOAD_VARIANTS, PRELOAD_COSTS,
                "startup_mechanisms_preload"),
}


def export(rev: str, into: Path, switches: list[tuple[str, str, str]]) -> None:
    """The tree at `rev`, with each mechanism switchable."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    for name, old, new in switches:
        path = into / name
        text = path.read_text("utf-8")
        if text.count(old) != 1:
            raise SystemExit(f"{rev}:{name}: cannot find the mechanism to switch")
        path.write_text(text.replace(old, new), "utf-8")
    compileall.compile_dir(str(into / "reader"), quiet=1)


def runs(tree: Path, target: str, rounds: int, variants: dict[str, tuple[str, ...]]
         ) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in variants}
    names = list(variants)
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            with tempfile.TemporaryDirectory(prefix="reader-bench-cold-") as cache:
                env = {"READER_CACHE_DIR": cache, "PYTHONPATH": str(tree),
                       **{flag: "1" for flag in variants[name]}}
                run = spawn("reader", (target,), env=env)
            first = run["events"].get("first_screen", {})
            out[name].append({"s": first.get("s"), "cpu": first.get("cpu"),
                              "entries": first.get("entries")})
    return out


def summarise(what: str, results: dict[str, list[dict]], costs_of: list[tuple[str, str, str]]
              ) -> dict:
    medians = {name: statistics.median(r["s"] for r in rs if r["s"] is not None)
               for name, rs in results.items()}
    cpu = {name: statistics.median(r["cpu"] for r in rs if r.get("cpu") is not None)
           for name, rs in results.items()}
    costs = []
    for mechanism, with_it, without in costs_of:
        pairs = [(a, b) for a, b in zip(results[with_it], results[without])
                 if a["s"] is not None and b["s"] is not None]
        diffs = [b["s"] - a["s"] for a, b in pairs]
        quartiles = statistics.quantiles(diffs, n=4) if len(diffs) >= 4 else [None] * 3
        cpu_diffs = [b["cpu"] - a["cpu"] for a, b in pairs if "cpu" in a and "cpu" in b]
        costs.append({"mechanism": mechanism, "removal_costs_s": statistics.median(diffs),
                      "iqr_s": [quartiles[0], quartiles[2]], "rounds": len(diffs),
                      "removal_costs_cpu_s": statistics.median(cpu_diffs) if cpu_diffs else None})
    return {"what": what, "first_screen_median_s": medians, "cpu_median_s": cpu, "costs": costs,
            "entries_at_first_screen_median": {
                name: statistics.median(r["entries"] or 0 for r in rs)
                for name, rs in results.items()},
            "raw": results}


def report(rows: list[dict], rev: str) -> str:
    lines = [f"# Start-up mechanisms, first launch (cold cache), code at {rev}", "",
             "| launch | mechanism | removing it costs (median of paired rounds) | IQR | "
             "rounds | removing it costs in CPU (paired median) |", "|---|---|---|---|---|---|"]
    for row in rows:
        for c in row["costs"]:
            iqr = ("" if c["iqr_s"][0] is None
                   else f"{c['iqr_s'][0]:+.3f} .. {c['iqr_s'][1]:+.3f} s")
            cpu = c.get("removal_costs_cpu_s")
            lines.append(f"| {row['what']} | {c['mechanism']} | {c['removal_costs_s']:+.3f} s "
                         f"| {iqr} | {c['rounds']} | "
                         f"{'' if cpu is None else format(cpu, '+.3f') + ' s'} |")
    lines += ["", "| launch | variant | first screen (median) | CPU to it (median) | "
                  "articles in it (median) |", "|---|---|---|---|---|"]
    for row in rows:
        for name, s in row["first_screen_median_s"].items():
            cpu = row.get("cpu_median_s", {}).get(name)
            lines.append(f"| {row['what']} | {name} | {s:.3f} s | "
                         f"{'' if cpu is None else format(cpu, '.3f') + ' s'} | "
                         f"{row['entries_at_first_screen_median'][name]:g} |")
    lines += ["", f"Machine load (1-minute average) at the end: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=SETS, default="issue10")
    ap.add_argument("--rev", help="the code to measure (default: the set's)")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--folder-rounds", type=int, default=12)
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    default_rev, switches, variants, costs, stem = SETS[args.set]
    rev = args.rev or default_rev
    rows = []
    with tempfile.TemporaryDirectory(prefix="reader-mechanisms-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        export(rev, tree, switches)
        rows.append(summarise("seeds (5 files)", runs(tree, str(SEEDS), args.rounds, variants),
                              costs))
        folder = Path(tmp) / "folder"
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus_gen.py"), str(folder),
                        "--n", "1000"], check=True, stdout=subprocess.DEVNULL)
        (folder / "truth.json").unlink(missing_ok=True)
        rows.append(summarise("folder of 1,000 files",
                              runs(tree, str(folder), args.folder_rounds, variants), costs))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{stem}.json").write_text(
        json.dumps({"rev": rev, "rows": rows}, indent=1), "utf-8")
    (args.out / f"{stem}.md").write_text(report(rows, rev), "utf-8")
    print(report(rows, rev))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
