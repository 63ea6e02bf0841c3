"""Score the cleaner on real pages, this checkout against the previous release.

- aeb (clean-dev/aeb, 181 pages): body 4-gram shingle F1, the benchmark's own metric:
  shingles of lowercase \\w+ tokens counted as multisets; per document tp/fp/fn are
  normalised to sum 1, precision and recall are averaged over documents and F1 is
  taken from the two averages. Reported for all pages and the even/odd halves (by
  sorted id), so a rule tuned on one half can be checked on the other.
- naeb (clean-dev/naeb, 141 pages with gold metadata): body F1 as above; titles exact
  after case folding; authors as a set of case-folded names (the byline split on
  commas and "and"); dates exact as YYYY-MM-DD, and separately the share of pages
  given a wrong date (a null is a miss, a wrong date is worse: a guess shown as fact).

Each version is imported in its own subprocess: this checkout, and the previous
release checked out from git into a temporary worktree (`--prev-ref`), so both are
measured on the same machine in the same run. Times are CPU time per page, in the child.

Run from the project root: `python3 bench/clean_quality.py`. The data lives outside the
repository (../shared/data/clean-dev); without it the script says so and exits.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter

from common import AEB, LAYOUT_RELEASE, NAEB, RESULTS, against_previous, timed

_TOKEN = re.compile(r"\w+")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Shingle overlap of one document, normalised so every page weighs the same."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    def prec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fp) if tp + fp else 0.0

    def rec(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else tp / (tp + fn) if tp + fn else 0.0

    p = statistics.mean(prec(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(rec(*c) for c in counts if c[0] + c[2] > 0)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def halves(counts: list[tuple[float, float, float]]) -> dict[str, dict[str, float]]:
    return {"all": score(counts), "even": score(counts[0::2]), "odd": score(counts[1::2])}


def names(byline: str | None) -> frozenset[str]:
    if not byline:
        return frozenset()
    return frozenset(n.strip().casefold() for n in re.split(r",|\band\b|&", byline) if n.strip())


def iso_date(text: str | None) -> str | None:
    """The release before issue 12 wrote dates as the page did: read them the same way."""
    if not text:
        return None
    if _ISO.fullmatch(text):
        return text
    from reader.corpus.provenance import parse_date

    parsed = parse_date(text)
    return parsed.isoformat() if parsed else "?" + text


def measure() -> dict:
    """Clean every page with whichever `reader` is first on sys.path and score it."""
    from reader.clean import clean
    from reader.ingest import source_from_text

    dumps = json.loads((AEB / "text-dumps.json").read_text("utf-8"))["output"]
    gold = json.loads((AEB / "ground-truth.json").read_text("utf-8"))
    ids = sorted(gold)
    arts, aeb_time = timed(clean, [source_from_text(dumps[i]["articleBody"], path=i) for i in ids])
    aeb = halves([tp_fp_fn(gold[i]["articleBody"], a.body) for i, a in zip(ids, arts)])
    raw = halves([tp_fp_fn(gold[i]["articleBody"], dumps[i]["articleBody"]) for i in ids])

    data = json.loads(NAEB.read_text("utf-8"))
    nids = sorted(data["gold"])
    arts, naeb_time = timed(clean, [source_from_text(data["pages"][i], path=i) for i in nids])
    golds = [data["gold"][i] for i in nids]
    n = len(nids)
    dates = [iso_date(a.date) for a in arts]
    naeb = {
        "body": halves([tp_fp_fn(g["articleBody"], a.body) for g, a in zip(golds, arts)]),
        "titles_exact": sum((a.title or "").strip().casefold() == g["title"].strip().casefold()
                            for g, a in zip(golds, arts)) / n,
        "authors_exact": sum(names(a.byline) == names(g["authors"])
                             for g, a in zip(golds, arts)) / n,
        "dates_exact": sum(d == (g["date"] or None) for g, d in zip(golds, dates)) / n,
        "dates_wrong": sum(d is not None and d != g["date"] for g, d in zip(golds, dates)) / n,
        "pages": n,
    }
    return {"aeb": aeb, "aeb_raw": raw, "aeb_timing": aeb_time, "naeb": naeb,
            "naeb_timing": naeb_time}


def main() -> int:
    got = against_previous(__file__, __doc__, measure, LAYOUT_RELEASE,
                            [AEB / "text-dumps.json", NAEB])
    if got is None:
        return 0
    runs, prev_ref = got
    lines = ["| system | naeb titles | naeb authors | naeb dates (wrong) | naeb body F1 | "
             "aeb body F1 (even / odd) | ms/page median (max) |", "|---|---|---|---|---|---|---|"]
    for name, r in runs.items():
        nb, t = r["naeb"], r["aeb_timing"]
        lines.append(
            f"| reader {name} | {nb['titles_exact']:.3f} | {nb['authors_exact']:.3f} | "
            f"{nb['dates_exact']:.3f} ({nb['dates_wrong']:.3f}) | {nb['body']['all']['f1']:.3f} | "
            f"{r['aeb']['all']['f1']:.3f} ({r['aeb']['even']['f1']:.3f} / {r['aeb']['odd']['f1']:.3f})"
            f" | {t['median_ms']:.1f} ({t['max_ms']:.0f}) |")
    raw = runs["current"]["aeb_raw"]["all"]["f1"]
    lines += ["", f"raw dump, no cleaning: aeb body F1 {raw:.3f}. Previous release: git {prev_ref}."]
    table = "\n".join(lines)
    print(table)
    cur = runs["current"]
    result = {
        # the keys bench/run.py's headline reads
        "scores": {"raw dump": cur["aeb_raw"], "reader.clean": cur["aeb"],
                   "previous release": runs["previous"]["aeb"]},
        "timing": cur["aeb_timing"],
        "naeb": {name: r["naeb"] for name, r in runs.items()},
        "runs": runs, "previous_ref": prev_ref,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "clean_quality.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    (RESULTS / "clean_quality.md").write_text(
        "# Cleaner quality on real pages (naeb: titles, authors, dates, body; aeb: body)\n\n"
        + table + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
