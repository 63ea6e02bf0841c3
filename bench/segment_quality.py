"""Score the sentence segmenter on the pySBD test cases, and measure its throughput,
this checkout against the previous release and pySBD.

    python3 bench/segment_quality.py            # all cases, timing on 60 news bodies
    python3 bench/segment_quality.py --quick    # timing on 10 bodies, one pySBD run

Quality: `../shared/data/segment-dev/cases.json` (329 cases in 14 languages). A case passes
when the sentences, stripped, equal the expected list exactly. In "clean" cases the expected
sentences have their line breaks joined, so each sentence is compared with its line breaks
joined the same way (a space, or nothing between two CJK characters); the offsets are not
touched. pySBD gets each case's language (reader and the previous release get none).

Throughput: MB/s of UTF-8 text per CPU second of this process (steadier than wall time
on a shared machine), whole article bodies from the naeb dev pages (real news), the best
of several runs taken in turns; all three segment the same bodies in this process. The previous
release's segmenter is imported from a throwaway git worktree (`--prev-ref`).
pySBD is optional (`pip install pysbd`); without it its columns are left out.

Writes bench/results/segment_quality.{json,md}.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from common import LAYOUT_RELEASE, NAEB, RESULTS, SEGMENT_DEV, previous_release

PREVIOUS_RELEASE = LAYOUT_RELEASE

Splitter = Callable[[str, str, str], list[str]]  # (text, lang, mode) -> sentences

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")
_BREAK = re.compile(r"\s*\n\s*")


def joined(sentence: str) -> str:
    """A sentence with its line breaks joined (how the "clean" cases are written)."""
    return _BREAK.sub(" ", _CJK_BREAK.sub("", sentence))


def load_segment(root: Path):
    """The `reader.segment` module of another checkout, in this process (it may be one
    file or a package; the rest of `reader` comes from this checkout). A package is
    loaded as `reader.segment` itself while it runs, so its own absolute imports
    (`from reader.segment.rules import ...`) find its modules, not this checkout's; this
    checkout's are put back afterwards."""
    package = root / "reader" / "segment"
    if not package.is_dir():
        spec = importlib.util.spec_from_file_location("previous_segment", root / "reader" / "segment.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["previous_segment"] = module
        spec.loader.exec_module(module)
        return module
    ours = {k: sys.modules.pop(k) for k in list(sys.modules)
            if k == "reader.segment" or k.startswith("reader.segment.")}
    spec = importlib.util.spec_from_file_location("reader.segment", package / "__init__.py",
                                                  submodule_search_locations=[str(package)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["reader.segment"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        for k in [k for k in sys.modules if k == "reader.segment" or k.startswith("reader.segment.")]:
            del sys.modules[k]
        sys.modules.update(ours)
    return module


def reader_splitter(module) -> Splitter:
    return lambda text, lang, mode: [s.text for s in module.split_text(text)]


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenters: dict[tuple[str, str], object] = {}

    def split(text: str, lang: str, mode: str) -> list[str]:
        key = (lang, mode)
        if key not in segmenters:
            segmenters[key] = pysbd.Segmenter(language=lang, clean=mode == "clean")
        return segmenters[key].segment(text)

    return split


def score(split: Splitter, cases: list[dict]) -> dict:
    """Passed cases by mode and by language, and the ids of the failures."""
    passed: Counter = Counter()
    total: Counter = Counter()
    failed: list[str] = []
    for case in cases:
        expected = [s.strip() for s in case["sentences"]]
        try:
            got = [s.strip() for s in split(case["text"], case["lang"], case["mode"])]
        except Exception:  # noqa: BLE001 - a crash on a case is a failed case
            got = None
        if got is not None and case["mode"] == "clean":
            got = [joined(s) for s in got]
        ok = got is not None and [s for s in got if s] == expected
        for key in (case["mode"], "lang:" + case["lang"], "all"):
            total[key] += 1
            passed[key] += ok
        if not ok:
            failed.append(case["id"])
    return {"passed": dict(passed), "total": dict(total),
            "share": {k: passed[k] / total[k] for k in total}, "failed": failed}


def throughput(splitters: dict[str, Splitter], texts: list[str], runs: dict[str, int]) -> dict:
    """MB/s of UTF-8 text per CPU second for each splitter, the best of its runs; the runs
    take turns, so a change in the machine's load falls on all of them alike."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = dict.fromkeys(splitters, float("inf"))
    for turn in range(max(runs.values())):
        for name, split in splitters.items():
            if turn < runs[name]:
                t0 = time.process_time()
                for text in texts:
                    split(text, "en", "plain")
                best[name] = min(best[name], time.process_time() - t0)
    return {name: size / seconds / 1e6 for name, seconds in best.items()}


def news_bodies(n: int) -> list[str]:
    gold = json.loads(NAEB.read_text(encoding="utf-8"))["gold"]
    gold = list(gold.values()) if isinstance(gold, dict) else gold
    return [g["articleBody"] for g in gold if g.get("articleBody")][:n]


def report(results: dict) -> str:
    names = list(results["quality"])
    lines = ["# Sentence segmentation: pySBD test cases and throughput", "",
             "| segmenter | plain | clean | all | MB/s | x pySBD |", "| --- | --- | --- | --- | --- | --- |"]
    speed = results["throughput_mb_s"]
    base = speed.get("pySBD")
    for name in names:
        q = results["quality"][name]
        cells = [f"{q['passed'].get(m, 0)}/{q['total'][m]} ({q['share'][m]:.3f})"
                 for m in ("plain", "clean", "all")]
        ratio = f"{speed[name] / base:.0f}x" if base else "-"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {speed[name]:.2f} | {ratio} |")
    langs = sorted(k for k in results["quality"][names[0]]["total"] if k.startswith("lang:"))
    lines += ["", "Per language (passed/total):", "",
              "| segmenter | " + " | ".join(k[5:] for k in langs) + " |",
              "| --- |" + " --- |" * len(langs)]
    for name in names:
        q = results["quality"][name]
        lines.append(f"| {name} | " + " | ".join(f"{q['passed'].get(k, 0)}/{q['total'][k]}"
                                                   for k in langs) + " |")
    lines += ["", (f"Cases: {results['cases']} from {SEGMENT_DEV.name} (pySBD tests, MIT); "
                   "pySBD is given each case's language, reader none. Throughput: "
                   f"{results['bodies']} naeb dev article bodies ({results['bytes'] / 1e3:.0f} kB), "
                   f"MB per CPU second, best of {results['runs']} runs "
                   f"(pySBD: {results['pysbd_runs']}). Previous release: git {results['previous_ref']}."),
              ""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer bodies and runs for timing")
    ap.add_argument("--prev-ref", default=PREVIOUS_RELEASE, help="git ref of the previous release")
    args = ap.parse_args()
    cases = json.loads(SEGMENT_DEV.read_text(encoding="utf-8"))["cases"]
    bodies = news_bodies(10 if args.quick else 60)
    runs, pysbd_runs = (2, 1) if args.quick else (5, 2)

    import reader.segment

    splitters: dict[str, Splitter] = {"reader": reader_splitter(reader.segment)}
    with previous_release(args.prev_ref) as prev:
        splitters["previous release"] = reader_splitter(load_segment(prev))
    pysbd = pysbd_splitter()
    if pysbd is None:
        print("pySBD not installed: its columns are left out (pip install pysbd)", file=sys.stderr)
    else:
        splitters["pySBD"] = pysbd

    results: dict = {"cases": len(cases), "bodies": len(bodies), "runs": runs,
                     "pysbd_runs": pysbd_runs, "previous_ref": args.prev_ref,
                     "bytes": sum(len(b.encode("utf-8")) for b in bodies),
                     "quality": {}, "throughput_mb_s": {}}
    for name, split in splitters.items():
        results["quality"][name] = score(split, cases)
    results["throughput_mb_s"] = throughput(
        splitters, bodies, {name: pysbd_runs if name == "pySBD" else runs for name in splitters})
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "segment_quality.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    text = report(results)
    (RESULTS / "segment_quality.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
