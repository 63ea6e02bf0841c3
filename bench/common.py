"""What every bench script shares: where the project, the seeds and the development data
are, this checkout's `reader` first on the import path, and the corpus builders that
more than one benchmark uses.

Development data is read by path from ../shared/data and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEEDS = ROOT / "seeds"
RESULTS = BENCH / "results"
DATA = ROOT.parent / "shared" / "data"
BLEUALIGN = DATA / "align-dev" / "bleualign_dev_1957.json"
SEEDS_ALIGNMENT = DATA / "align-dev" / "seeds_arabnews_vs_spin.json"
AEB = DATA / "clean-dev" / "aeb"
NAEB = DATA / "clean-dev" / "naeb" / "naeb_dev.json"
METER = DATA / "meter-dev" / "meter_dev.json"
DRIFT_DEV = DATA / "drift-dev"
SEGMENT_DEV = DATA / "segment-dev" / "cases.json"
# the layout commit of round 2: the release before the reading, segmenting and derivation work
LAYOUT_RELEASE = "d6ecfda"

for _path in (str(ROOT), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)


def corpus_lines() -> list[str]:
    """Real sentences to build synthetic pairs from: the Bleualign document, then the seeds."""
    from reader.segment import split_text

    lines: list[str] = []
    if BLEUALIGN.exists():
        art = json.loads(BLEUALIGN.read_text(encoding="utf-8"))["articles"][0]
        lines += [t.strip() for t in art["a"] + art["b"] if len(t.split()) >= 4]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            lines += [s.text for s in split_text(para) if len(s.text.split()) >= 4]
    if not lines:
        sys.exit("no text found: needs ../shared/data/align-dev or seeds/")
    return lines


def make_pair(n: int, lines: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    vocab = sorted({w for t in lines for w in t.split()})

    def sentence() -> str:
        x, y = rng.sample(lines, 2)
        wx, wy = x.split(), y.split()
        cut = rng.randint(1, len(wx) - 1)  # head of one real line, tail of another,
        keep = max(2, (len(wx) + len(wy)) // 2 - cut)  # about as long as a real sentence
        words = wx[:cut] + wy[-keep:]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 99999)))
        return " ".join(words)

    a = [sentence() for _ in range(n)]
    b: list[str] = []
    k = 0
    while k < n:
        r = rng.random()
        words = a[k].split()
        if r < 0.05:  # dropped
            pass
        elif r < 0.10:  # inserted new sentence, original kept
            b += [sentence(), a[k]]
        elif r < 0.13 and len(words) > 6:  # split
            cut = len(words) // 2
            b += [" ".join(words[:cut]) + ".", " ".join(words[cut:])]
        elif r < 0.16 and k + 1 < n:  # merge with the next
            b.append(a[k].rstrip(".") + ", " + a[k + 1])
            k += 1
        else:  # paraphrase: substitute about one word in six
            b.append(" ".join(rng.choice(vocab) if rng.random() < 0.16 else w for w in words))
        k += 1
    for _ in range(max(1, n // 100)):  # long-distance moves
        src = rng.randrange(len(b))
        b.insert(rng.randrange(len(b)), b.pop(src))
    return a, b


def timed(clean: Callable, sources: list) -> tuple[list, dict[str, float]]:
    """Clean each source, timing it in CPU seconds of this process: on a shared machine
    wall time measures the neighbours as much as the cleaner."""
    out, times = [], []
    for src in sources:
        t0 = time.process_time()
        out.append(clean(src))
        times.append(time.process_time() - t0)
    return out, {"median_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times),
                 "total_s": sum(times), "pages": len(times)}


@contextmanager
def previous_release(ref: str) -> Iterator[Path]:
    """A throwaway git worktree of `ref`, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="reader-prev-") as tmp:
        path = Path(tmp) / "prev"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), ref],
                       check=True, capture_output=True)
        try:
            yield path
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)],
                           check=False, capture_output=True)


def run_child(script: Path, root: Path) -> dict:
    """Run `script --measure` with `root`'s reader first on the import path."""
    proc = subprocess.run([sys.executable, str(script), "--measure", str(root)], check=True,
                          capture_output=True, text=True)
    return json.loads(proc.stdout)


def both(script: Path, ref: str, rounds: int = 2) -> dict[str, dict]:
    """Scores of both versions; each runs `rounds` times, alternating, and keeps its
    fastest run, so a busy machine slows both alike rather than one."""
    runs: dict[str, list[dict]] = {"previous": [], "current": []}
    with previous_release(ref) as prev:
        for _ in range(rounds):
            runs["previous"].append(run_child(script, prev))
            runs["current"].append(run_child(script, ROOT))
    return {name: min(found, key=_median_ms) for name, found in runs.items()}


def _median_ms(run: dict) -> float:
    return sum(v["median_ms"] for k, v in run.items() if k.endswith("timing"))


def against_previous(script: str, doc: str | None, measure: Callable[[], dict], default_ref: str,
                     data: list[Path]) -> tuple[dict[str, dict], str] | None:
    """The command line of a bench that scores this checkout against a previous release:
    `--measure ROOT` (internal) prints the scores of the `reader` under ROOT as JSON and
    exits; otherwise ({"previous": ..., "current": ...}, the previous release's ref), or
    None (said on stdout) when the dev data the bench needs is not there."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    ap.add_argument("--measure", metavar="ROOT", help=argparse.SUPPRESS)
    ap.add_argument("--prev-ref", default=default_ref, help="git ref of the previous release")
    args = ap.parse_args()
    if args.measure:
        sys.path.insert(0, args.measure)
        print(json.dumps(measure()))
        raise SystemExit(0)
    missing = [str(p) for p in data if not p.exists()]
    if missing:
        print(f"dev data not found ({', '.join(missing)}); nothing to score")
        return None
    return both(Path(script).resolve(), args.prev_ref), args.prev_ref
