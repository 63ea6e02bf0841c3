"""Alignment quality of reader's aligner vs two baselines, on ../shared/data/align-dev.

Run from the project root: `python3 bench/align_quality.py`. Writes
bench/results/align_quality.{json,md}. Skips (exit 0) when the data is absent.

Scoring (decided from the data files' _doc and ../shared/data/README.md):

* Seed pair (001 vs 002, through the real pipeline read_source -> clean -> split_article).
  Gold keys are distinctive substrings; a key names a sentence when, after lowercasing
  and folding quotes/dashes/whitespace, the key is inside the sentence, or the key
  crosses a sentence boundary and the sentence holds at least 15 characters of it as
  its tail or head (one partial key spans two sentences). A predicted group yields the
  links a x b (cross product). A link that matches an `aligned` gold pair is a true
  positive; one that matches only a `partial` pair is ignored; any other link is a
  false positive. Recall = gold `aligned` pairs hit by at least one link / all of them.
* Different stories: seeds 001/002 (one Reuters story) against 003/004 (another, also
  about Turkey, Russia and Idlib). No gold exists; every link there is reported so a
  reader can judge it (a shared background sentence is defensible; a shared place name
  is not).
* Bleualign dev pair (pre-split lines). Links with both sides non-empty only, as in
  Bleualign's own evaluation. Strict: a predicted link equals a gold link exactly.
  Lax: a predicted link shares at least one A and one B sentence with a gold link
  (precision), a gold link shares one with a predicted link (recall). Reported for all
  links and separately for 1-1 and n:m links (the kind is the gold link's for recall,
  the predicted link's for precision).
"""

from __future__ import annotations

import json
import time

from align_baselines import difflib_align, greedy_ratio  # noqa: E402
from common import BLEUALIGN, ROOT

from reader.align import align  # noqa: E402
from reader.clean import clean  # noqa: E402
from reader.ingest import read_source  # noqa: E402
from reader.segment import sentences_from_strings, split_article  # noqa: E402
from reader.worddiff import fold  # noqa: E402

DATA = BLEUALIGN.parent
SEEDS = ROOT / "seeds"
MIN_BOUNDARY_OVERLAP = 15

Link = tuple[tuple[int, ...], tuple[int, ...]]


def reader_links(a: list[str], b: list[str]) -> list[Link]:
    al = align(sentences_from_strings(a), sentences_from_strings(b))
    return [(p.a, p.b) for p in al.pairs if p.a and p.b]


ALIGNERS = {"reader": reader_links, "greedy fuzz.ratio": greedy_ratio, "difflib": difflib_align}


def _key(text: str) -> str:
    return fold(text).lower()


def names(key: str, sentence: str) -> bool:
    """Does the gold key name this sentence (see module doc)?"""
    key, sentence = _key(key), _key(sentence)
    if key in sentence:
        return True
    for cut in range(MIN_BOUNDARY_OVERLAP, len(key)):
        if sentence.endswith(key[:cut]) or sentence.startswith(key[-cut:]):
            return True
    return False


def seed_scores(gold: dict, a: list[str], b: list[str], links: list[Link]) -> dict:
    aligned, partial = gold["aligned"], gold["partial"]
    tp = fp = 0
    found: set[int] = set()
    for group_a, group_b in links:
        for i in group_a:
            for j in group_b:
                hits = [k for k, (ka, kb) in enumerate(aligned)
                        if names(ka, a[i]) and names(kb, b[j])]
                if hits:
                    tp += 1
                    found.update(hits)
                elif not any(names(ka, a[i]) and names(kb, b[j]) for ka, kb in partial):
                    fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = len(found) / len(aligned) if aligned else 0.0
    return {"P": p, "R": r, "F1": _f1(p, r), "links": tp + fp, "false_links": fp}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(x: Link, y: Link) -> bool:
    return bool(set(x[0]) & set(y[0])) and bool(set(x[1]) & set(y[1]))


def link_scores(gold: list[Link], pred: list[Link]) -> dict:
    out = {}
    gold_set, pred_set = set(gold), set(pred)
    for name, keep in (("all", lambda l: True), ("1-1", lambda l: len(l[0]) == len(l[1]) == 1),
                       ("n:m", lambda l: not (len(l[0]) == len(l[1]) == 1))):
        g = [l for l in gold if keep(l)]
        p = [l for l in pred if keep(l)]
        sp = sum(l in gold_set for l in p) / len(p) if p else 0.0
        sr = sum(l in pred_set for l in g) / len(g) if g else 0.0
        lp = sum(any(_overlaps(l, x) for x in gold) for l in p) / len(p) if p else 0.0
        lr = sum(any(_overlaps(l, x) for x in pred) for l in g) / len(g) if g else 0.0
        out[name] = {"strict": {"P": sp, "R": sr, "F1": _f1(sp, sr)},
                     "lax": {"P": lp, "R": lr, "F1": _f1(lp, lr)},
                     "gold": len(g), "predicted": len(p)}
    return out


def seed_texts(name: str) -> list[str]:
    path = next(SEEDS.glob(f"{name}*"))
    return [s.text for s in split_article(clean(read_source(path)))]


def main() -> None:
    seeds_file, bleu_file = DATA / "seeds_arabnews_vs_spin.json", DATA / "bleualign_dev_1957.json"
    if not seeds_file.exists() or not bleu_file.exists():
        print(f"skipped: {DATA} not found")
        return
    results: dict = {"seeds": {}, "bleualign": {}}
    for pair in json.loads(seeds_file.read_text(encoding="utf-8"))["pairs"]:
        a, b = seed_texts(pair["a"][:3]), seed_texts(pair["b"][:3])
        for name, fn in ALIGNERS.items():
            t = time.perf_counter()
            links = fn(a, b)
            row = seed_scores(pair, a, b, links) | {"seconds": time.perf_counter() - t}
            results["seeds"].setdefault(pair["id"], {})[name] = row
    cross = [("001", "003"), ("001", "004"), ("002", "003"), ("002", "004")]
    results["different_stories"] = {}
    for x, y in cross:
        a, b = seed_texts(x), seed_texts(y)
        for name, fn in ALIGNERS.items():
            links = [[[a[i] for i in la], [b[j] for j in lb]] for la, lb in fn(a, b)]
            results["different_stories"].setdefault(f"{x} vs {y}", {})[name] = links
    art = json.loads(bleu_file.read_text(encoding="utf-8"))["articles"][0]
    gold = [(tuple(x), tuple(y)) for x, y in art["links"] if x and y]
    for name, fn in ALIGNERS.items():
        t = time.perf_counter()
        links = fn(art["a"], art["b"])
        results["bleualign"][name] = link_scores(gold, links) | {"seconds": time.perf_counter() - t}
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "align_quality.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    md = ["## Seed pairs (links: a x b of each predicted group)", "",
          "| pair | aligner | P | R | F1 | links | false links | s |", "|---|---|---|---|---|---|---|---|"]
    for pid, rows in results["seeds"].items():
        for name, r in rows.items():
            md.append(f"| {pid} | {name} | {r['P']:.3f} | {r['R']:.3f} | {r['F1']:.3f} | "
                      f"{r['links']} | {r['false_links']} | {r['seconds']:.3f} |")
    md += ["", "## Different stories (links between 001/002 and 003/004; every one is suspect)", "",
           "| pair | " + " | ".join(ALIGNERS) + " |", "|---|" + "---|" * len(ALIGNERS)]
    for pid, rows in results["different_stories"].items():
        md.append(f"| {pid} | " + " | ".join(str(len(rows[n])) for n in ALIGNERS) + " |")
    md += ["", "reader's links there:", ""]
    for pid, rows in results["different_stories"].items():
        md += [f"- {pid}: {' / '.join(la)[:90]!r} <-> {' / '.join(lb)[:90]!r}"
               for la, lb in rows["reader"]]
    md += ["", f"## Bleualign dev 1957 ({len(art['a'])} x {len(art['b'])} lines, "
           f"{len(gold)} non-empty gold links)", "",
           "| aligner | links | strict P | strict R | strict F1 | lax P | lax R | lax F1 | s |",
           "|---|---|---|---|---|---|---|---|---|"]
    for name, r in results["bleualign"].items():
        for kind in ("all", "1-1", "n:m"):
            k = r[kind]
            s, lx = k["strict"], k["lax"]
            md.append(f"| {name} | {kind} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | "
                      f"{lx['P']:.3f} | {lx['R']:.3f} | {lx['F1']:.3f} | "
                      + (f"{r['seconds']:.2f} |" if kind == "all" else " |"))
    (out / "align_quality.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
