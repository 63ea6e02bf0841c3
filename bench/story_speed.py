"""Speed of `reader story`: one original of 100 sentences and 20 versions of it.

The original is 100 real English news sentences (the gold bodies of the
article-extraction benchmark, read by path from ../shared/data, never copied); each
version keeps most sentences, paraphrases some word by word, changes some numbers,
drops some, adds some from elsewhere and moves a few, with a fixed seed. The files go
to a temporary folder and are read as a user's would be.

Measured, in one process: building the table cold (every alignment and drift check
computed), building it again from the same comparisons (what the TUI does when it
re-renders, and the CLI's second format), and, as the baseline in the same run, one
plain `compare()` of the original with each version.

    python3 bench/story_speed.py [--versions 20] [--sentences 100]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from common import AEB, RESULTS

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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions", type=int, default=20)
    ap.add_argument("--sentences", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(15)
    original, spare = sentences(args.sentences, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(folder, "000_original.txt", "Story under test", original)
        for v in range(args.versions):
            write(folder, f"{v + 1:03d}_version.txt", f"Story under test, version {v + 1}",
                  version(original, spare, rng))
        lib = load_library([str(folder)])
    orig, others = lib.articles[0], lib.articles[1:]
    cold, warm, plain = [], [], []
    for _ in range(args.rounds):
        plain.append(timed(lambda: [compare(orig, o) for o in others]))
        start = time.perf_counter()
        table = story_table(orig, others)
        table.to_dict()
        cold.append(time.perf_counter() - start)
        warm.append(timed(table.to_dict))
    rows = len(table.sentences)
    result = {
        "versions": len(others), "sentences": rows,
        "cold_s": round(statistics.median(cold), 3),
        "cached_s": round(statistics.median(warm), 4),
        "compare_only_s": round(statistics.median(plain), 3),
        "cold_over_compare": round(statistics.median(cold) / statistics.median(plain), 2),
    }
    print(json.dumps(result, indent=1))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "story_speed.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
