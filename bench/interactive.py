"""Interactive latency of the TUI, in-process with Textual's Pilot (headless, 120x40).

    python3 bench/interactive.py [--runs 7] [--sentences 2000] [--quick] [--drift-from REF]

Measured, each from the key press to the end of the next screen refresh after the
state is reached (medians over runs; the first open is reported apart because it also
pays for imports such as the aligner and the word diff):

* `d` on seed 004 with 003 marked as B: the compare screen showing its rows.
* the same for a long pair (default 2,000 sentences a side) built from real varied text
  (the gold article bodies of ../shared/data/clean-dev/aeb, else the seeds) with
  bench/align_speed.py's realistic edits (paraphrase, drops, inserts, splits, merges,
  moves), written as two article files and loaded through the library like any folder.
* `pagedown` in each compare screen: the view moved a page and refreshed.

The process CPU time of each open (both threads) is reported next to its wall time: it
varies less when other jobs share the machine. Baselines in the same run: the core alone (`compare()` plus the rows the view builds,
no TUI) for the same pair, so the ratio shows what the screen adds; pushing an empty
Screen (the floor of any screen switch); and a key that changes nothing (the floor of a
key round trip). With `--drift-from REF` the long pair's core is also timed with
reader/drift as of git REF and everything else as in this checkout (a temporary copy),
in child processes taking turns with this checkout's, so a busy machine slows both alike.
Writes bench/results/interactive.{json,md}. Target: the compare screen ready in under
150 ms for news-length articles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import AEB, ROOT

RESULTS = ROOT / "bench" / "results"
SEEDS = ROOT / "seeds"
AEB_GOLD = AEB / "ground-truth.json"
TARGET_MS = 150
SIZE = (120, 40)


# -- the long pair ---------------------------------------------------------------------


def real_sentences() -> tuple[list[str], str]:
    """English sentences of real articles (AEB gold bodies if present, else the seeds)."""
    from reader.segment import split_text

    if AEB_GOLD.exists():
        bodies = [v["articleBody"] for v in json.loads(AEB_GOLD.read_text("utf-8")).values()]
        origin = "clean-dev/aeb gold bodies"
    else:
        bodies = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        origin = "seeds (../shared/data absent)"
    out = [s.text for body in bodies for para in body.split("\n")
           for s in split_text(para.strip()) if 6 <= len(s.text.split()) <= 50]
    return out, origin


def article_file(title: str, sentences: list[str], rng: random.Random) -> str:
    """A plain article: title line, then paragraphs of 2-5 sentences."""
    paras, k = [], 0
    while k < len(sentences):
        n = rng.randint(2, 5)
        paras.append(" ".join(s if s[-1:] in ".!?\"”" else s + "." for s in sentences[k:k + n]))
        k += n
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def write_long_pair(folder: Path, n: int) -> str:
    """Write A and B of about `n` sentences each; returns where the text came from."""
    from common import make_pair  # the aligner bench's realistic edit model

    lines, origin = real_sentences()
    rng = random.Random(n)
    a, b = make_pair(n, lines, rng)
    (folder / "long_a.txt").write_text(article_file("Long original", a, rng), "utf-8")
    (folder / "long_b.txt").write_text(article_file("Long rewrite", b, rng), "utf-8")
    return origin


# -- driving the app -------------------------------------------------------------------


async def idle(pilot) -> None:
    """Wait until no worker (loading, ranking, aligning) is pending or running."""
    for _ in range(1000):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(w.is_finished for w in pilot.app.workers):
            return


async def refreshed(app) -> float:
    """perf_counter time at the end of the next screen refresh."""
    done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter()))
    return await done


def press(app, key: str) -> None:
    """Send one key as the terminal driver would, without Pilot.press's wait-for-idle
    (which sleeps until the process looks idle and would swamp the timings)."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def until(predicate, timeout: float = 120) -> None:
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            raise TimeoutError("the app never reached the awaited state")
        await asyncio.sleep(0.0005)


def compare_ready(app) -> bool:
    screen = app.screen
    return (getattr(screen, "comparison", None) is not None
            and screen.view.display and bool(screen.view.rows))


async def select(pilot, name_prefix: str) -> None:
    listing = pilot.app.screen.article_list
    listing.highlighted = next(n for n, e in enumerate(listing.shown)
                               if getattr(e, "name", "").startswith(name_prefix))
    await pilot.pause()


async def time_compare(pilot, a: str, b: str, runs: int, pages: int) -> dict:
    """Open A vs B `runs` times from the library (`d`, B marked); page down in each."""
    app = pilot.app
    await idle(pilot)
    await select(pilot, b)
    await pilot.press("m")
    opens, scrolls, cpu = [], [], []
    rows = sentences = 0
    for _ in range(runs):
        await select(pilot, a)
        t0, c0 = time.perf_counter(), time.process_time()
        press(app, "d")
        await until(lambda: compare_ready(app))
        opens.append(await refreshed(app) - t0)
        cpu.append(time.process_time() - c0)
        view = app.screen.view
        rows, al = len(view.rows), app.screen.comparison.alignment
        sentences = (len(al.a), len(al.b))
        for _ in range(pages):
            before = view.scroll_offset.y
            t0 = time.perf_counter()
            press(app, "pagedown")
            await until(lambda: view.scroll_offset.y != before or view.is_vertical_scroll_end)
            scrolls.append(await refreshed(app) - t0)
        await pilot.press("q")
        await until(lambda: hasattr(app.screen, "article_list"))
        await idle(pilot)
    return {"open_ms": [t * 1000 for t in opens], "open_cpu_ms": [t * 1000 for t in cpu],
            "pagedown_ms": [t * 1000 for t in scrolls],
            "rows": rows, "sentences": sentences}


async def floors(pilot, runs: int) -> dict:
    """Pushing an empty Screen, and a key bound to nothing, each until refreshed."""
    from textual.screen import Screen
    from textual.widgets import Static

    class Empty(Screen[None]):
        def compose(self):
            yield Static("floor")

    app = pilot.app
    push, key = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        await app.push_screen(Empty())
        push.append(await refreshed(app) - t0)
        app.pop_screen()
        await pilot.pause()
        t0 = time.perf_counter()
        press(app, "f12")
        key.append(await refreshed(app) - t0)
    return {"push_screen_ms": [t * 1000 for t in push], "key_ms": [t * 1000 for t in key]}


def core_ms(paths: list[str], a: str, b: str, runs: int) -> list[float]:
    """compare() plus the view's rows (word diffs, drift) with no TUI: the core's share."""
    from reader.compare import _SENTENCE_CACHE, compare
    from reader.library import load_library
    from reader.tui.widgets.compare_view import build_rows

    lib = load_library(paths)
    art = {p: next(x for x in lib.articles if x.name.startswith(p)) for p in (a, b)}
    out = []
    for _ in range(runs):
        _SENTENCE_CACHE.clear()  # as after loading: sentences not split yet
        t0 = time.perf_counter()
        build_rows(compare(art[a], art[b]))
        out.append((time.perf_counter() - t0) * 1000)
    return out


@contextmanager
def drift_as_of(ref: str) -> Iterator[Path]:
    """A temporary copy of this checkout's reader package with reader/drift as of `ref`."""
    with tempfile.TemporaryDirectory(prefix="reader-drift-") as tmp:
        reader = Path(tmp) / "reader"
        shutil.copytree(ROOT / "reader", reader, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.rmtree(reader / "drift")
        files = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", ref,
                                "reader/drift/"], check=True, capture_output=True, text=True)
        (reader / "drift").mkdir()
        for name in files.stdout.split():
            (Path(tmp) / name).write_bytes(subprocess.run(
                ["git", "-C", str(ROOT), "show", f"{ref}:{name}"], check=True,
                capture_output=True).stdout)
        yield Path(tmp)


def core_turns(folder: str, ref: str, runs: int, rounds: int = 3) -> dict[str, list[float]]:
    """The long pair's core timed in child processes, this checkout's and one with
    reader/drift as of `ref` taking turns, `runs` times each per round."""
    out: dict[str, list[float]] = {"current": [], ref: []}
    with drift_as_of(ref) as old:
        for _ in range(rounds):
            for name, root in (("current", ROOT), (ref, old)):
                proc = subprocess.run(
                    [sys.executable, __file__, "--core-only", str(root), folder, str(runs)],
                    check=True, capture_output=True, text=True)
                out[name] += json.loads(proc.stdout)
    return out


async def scenario(paths: list[str], a: str, b: str, runs: int, pages: int) -> dict:
    from reader.tui.app import ReaderApp

    app = ReaderApp(paths)
    async with app.run_test(size=SIZE) as pilot:
        result = await time_compare(pilot, a, b, runs + 1, pages)  # +1: the cold first open
        result["floor"] = await floors(pilot, runs)
    return result


def summary(name: str, res: dict, core: list[float]) -> dict:
    warm = res["open_ms"][1:] or res["open_ms"]
    med = statistics.median(warm)
    cpu = statistics.median(res["open_cpu_ms"][1:] or res["open_cpu_ms"])
    core_med = statistics.median(core)
    push = statistics.median(res["floor"]["push_screen_ms"])
    key = statistics.median(res["floor"]["key_ms"])
    page = statistics.median(res["pagedown_ms"]) if res["pagedown_ms"] else None
    return {"pair": name, "sentences": res["sentences"], "rows": res["rows"],
            "open_first_ms": res["open_ms"][0], "open_ms": med, "open_cpu_ms": cpu,
            "core_ms": core_med,
            "open_vs_core": med / core_med, "push_screen_floor_ms": push,
            "open_vs_push_floor": med / push, "pagedown_ms": page, "key_floor_ms": key,
            "pagedown_vs_key_floor": page / key if page else None,
            "raw": res | {"core_ms": core}}


def markdown(rows: list[dict], runs: int, origin: str) -> str:
    md = ["# Interactive latency (Pilot, headless 120x40)", "",
          f"Medians of {runs} opens (after one first open, shown apart) and of every page-down. "
          f"Long pair: {origin} with bench/align_speed.py edits. Target: compare ready in "
          f"under {TARGET_MS} ms for news-length articles.", "",
          "| pair | sentences A/B | compare ready (ms) | its CPU (ms) | first open (ms) | "
          "core only (ms) | ready / core | empty-screen floor (ms) | page down (ms) | "
          "no-op key floor (ms) |",
          "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        md.append(f"| {r['pair']} | {r['sentences'][0]}/{r['sentences'][1]} | "
                  f"{r['open_ms']:.0f} | {r['open_cpu_ms']:.0f} | {r['open_first_ms']:.0f} | "
                  f"{r['core_ms']:.0f} | "
                  f"{r['open_vs_core']:.2f}x | {r['push_screen_floor_ms']:.1f} | "
                  f"{r['pagedown_ms']:.1f} | {r['key_floor_ms']:.1f} |")
    return "\n".join(md) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", type=int, default=5, help="page-downs timed per open")
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--quick", action="store_true",
                    help="1 run after the first open, 2 page-downs, a 60-sentence long pair")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--drift-from", metavar="REF",
                    help="also time the long pair's core with reader/drift as of this git ref")
    ap.add_argument("--core-only", nargs=3, help=argparse.SUPPRESS)  # ROOT FOLDER RUNS (child)
    args = ap.parse_args(argv)
    if args.core_only:
        root, folder, n_runs = args.core_only
        sys.path.insert(0, root)
        import reader  # (the reader under root, not the installed one)

        assert Path(reader.__file__).resolve().is_relative_to(Path(root).resolve())
        print(json.dumps(core_ms([folder], "long_a", "long_b", int(n_runs))))
        return 0
    runs, n = (1, 60) if args.quick else (args.runs, args.sentences)
    pages = 2 if args.quick else args.pages
    rows = []
    seeds = [str(SEEDS)]
    res = asyncio.run(scenario(seeds, "004", "003", runs, pages))
    rows.append(summary("seeds 004 vs 003", res, core_ms(seeds, "004", "003", runs)))
    with tempfile.TemporaryDirectory(prefix="reader-bench-long-") as tmp:
        origin = write_long_pair(Path(tmp), n)
        res = asyncio.run(scenario([tmp], "long_a", "long_b", runs, pages))
        rows.append(summary("long pair", res, core_ms([tmp], "long_a", "long_b", runs)))
        turns = core_turns(tmp, args.drift_from, runs) if args.drift_from else None
    report = {"runs": runs, "size": SIZE, "long_pair_text": origin, "target_ms": TARGET_MS,
              "rows": rows, "cpus": os.cpu_count(), "load_average_1min": os.getloadavg()[0]}
    if turns:
        report["long_pair_core_ms_by_drift"] = {k: {"median": statistics.median(v), "runs": v}
                                                for k, v in turns.items()}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "interactive.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    text = markdown(rows, runs, origin)
    if turns:
        text += "\nLong pair core, child processes taking turns (median ms): " + ", ".join(
            f"{'this checkout' if k == 'current' else 'reader/drift as of ' + k} "
            f"{statistics.median(v):.0f}" for k, v in turns.items()) + "\n"
    (args.out / "interactive.md").write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
