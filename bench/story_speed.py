"""Speed of `reader story`: one original of 100 sentences and 20 versions of it.

The original is 100 real English news sentences (the gold bodies of the
article-extraction benchmark, read by path from ../shared/data, never copied); each
version keeps most sentences, paraphrases some word by word, changes some numbers,
drops some, adds some from elsewhere and moves a few, with a fixed seed. The files go
to a temporary folder and are read as a user's would be.

Measured in one run, medians over rounds: the table built cold (every alignment and
drift check computed) against the baseline of one plain `compare()` per version; the
table built from the comparisons the cache kept (new article objects, as a new process
has); the table re-rendered; and the real `reader story` on a warm cache against
`reader clean` of the same folder (a command that only loads the files).

    python3 bench/story_speed.py [--versions 20] [--sentences 100]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import AEB, RESULTS

from reader.cache import Cache
from reader.compare import compare
from reader.corpus.story import story_table
from reader.library import load_library

SWAPS = {"said": "stated", "people": "individuals", "city": "town", "new": "fresh",
         "big": "large", "help": "assist", "show": "reveal", "start": "begin",
         "buy": "purchase", "about": "around", "also": "additionally", "often": "frequently"}


def sentences(n: int, rng: random.Random) -> list[str]:
    from reader.segment import split_text

    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    pool = [s.text for doc in gold.values() for para in doc["articleBody"].split("\n")
            for s in split_text(para) if 8 <= len(s.text.split()) <= 40]
    start = rng.randrange(len(pool) - 4 * n)
    return pool[start:start + n], pool[start + n:start + 4 * n]


def version(original: list[str], spare: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    for s in original:
        r = rng.random()
        if r < 0.08:
            continue  # dropped
        if r < 0.25:
            s = " ".join(SWAPS.get(w, w) for w in s.split())
        elif r < 0.30:
            s = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), s) \
                if re.search(r"\d", s) else s.replace(" the ", " a ", 1)
        out.append(s)
        if rng.random() < 0.05:
            out.append(rng.choice(spare))  # added
    for _ in range(2):  # moved passages
        out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
    return out


def write(folder: Path, name: str, title: str, body: list[str]) -> None:
    paras = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    (folder / name).write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cli_seconds(*args: str, env: dict) -> float:
    """Wall time of the real command (a new process, as a user runs it)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions", type=int, default=20)
    ap.add_argument("--sentences", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(15)
    original, spare = sentences(args.sentences, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "story"
        folder.mkdir()
        write(folder, "000_original.txt", "Story under test", original)
        for v in range(args.versions):
            write(folder, f"{v + 1:03d}_version.txt", f"Story under test, version {v + 1}",
                  version(original, spare, rng))
        env = os.environ | {"READER_CACHE_DIR": str(Path(tmp) / "cache"),
                            "READER_DATA_DIR": str(Path(tmp) / "data")}
        first = str(folder / "000_original.txt")
        times: dict[str, list[float]] = {k: [] for k in (
            "compare_only", "cold", "stored", "rerender", "cli_story", "cli_clean")}
        for _ in range(args.rounds):
            lib = load_library([str(folder)])  # new article objects: nothing memoised
            orig, others = lib.articles[0], lib.articles[1:]
            start = time.perf_counter()
            for other in others:
                compare(orig, other)
            times["compare_only"].append(time.perf_counter() - start)
            lib = load_library([str(folder)])
            orig, others = lib.articles[0], lib.articles[1:]
            start = time.perf_counter()
            table = story_table(orig, others)
            table.to_dict()
            times["cold"].append(time.perf_counter() - start)
            times["rerender"].append(timed(table.to_dict))
            with Cache(str(Path(tmp) / "store")) as store:
                story_table(orig, others, store=store)  # fills the store (once)
            lib = load_library([str(folder)])
            orig, others = lib.articles[0], lib.articles[1:]
            with Cache(str(Path(tmp) / "store")) as store:
                start = time.perf_counter()
                story_table(orig, others, store=store).to_dict()
                times["stored"].append(time.perf_counter() - start)
            cli_seconds("story", first, "--format", "json", env=env)  # caches filled
            times["cli_story"].append(cli_seconds("story", first, "--format", "json", env=env))
            times["cli_clean"].append(cli_seconds("clean", str(folder), "--format", "jsonl",
                                                  env=env))
    med = {k: statistics.median(v) for k, v in times.items()}
    result = {
        "versions": len(others), "sentences": len(table.sentences), "rounds": args.rounds,
        "table_cold_s": round(med["cold"], 3),
        "table_from_cache_s": round(med["stored"], 3),
        "table_rerender_s": round(med["rerender"], 4),
        "baseline_compare_only_s": round(med["compare_only"], 3),
        "cli_story_cached_s": round(med["cli_story"], 3),
        "baseline_cli_clean_cached_s": round(med["cli_clean"], 3),
        "cold_over_compare": round(med["cold"] / med["compare_only"], 2),
        "cli_story_over_clean": round(med["cli_story"] / med["cli_clean"], 2),
    }
    print(json.dumps(result, indent=1))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "story_speed.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
