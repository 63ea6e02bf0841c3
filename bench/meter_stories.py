"""Stories and originals on real wire reuse: METER's development documents (Press
Association takes and the newspaper articles written on the same stories) written to a
temporary folder as files, read and grouped as `reader stories FOLDER` does, this
checkout against the previous release (each in its own subprocess).

Scores:
- pair recall: of the pairs of documents of one story that are wire copy or derived
  from it (annotated wholly or partially derived), the share put in one group;
- pair precision: of the pairs put in one group, the share of one story; the same
  court case on another day (same domain and catchline) counts as the same story (in
  brackets: counting only the same day's story as right);
- originals: of the groups that hold wire copy and a derived article, the share whose
  named original is a wire take.

Run from the project root: `python3 bench/meter_stories.py`.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from common import METER
from meter_common import previous_and_current, write_results


def _file_name(doc_id: str) -> str:
    return doc_id.replace("/", "__") + ".txt"


def measure() -> dict:
    """Group the dev documents with whichever `reader` is first on sys.path."""
    from reader.corpus.stories import group_stories
    from reader.library import load_library

    data = json.loads(METER.read_text("utf-8"))
    docs = data["docs"]
    derived = {p["derived"] for p in data["pairs"] if p["label"] in ("wholly", "partially")}
    with tempfile.TemporaryDirectory(prefix="meter-stories-") as tmp:
        for doc_id, doc in docs.items():
            (Path(tmp) / _file_name(doc_id)).write_text(doc["text"], "utf-8")
        by_name = {_file_name(k): k for k in docs}
        lib = load_library([tmp])
        clock = time.perf_counter()
        stories = group_stories(lib.articles)
        seconds = time.perf_counter() - clock
        groups = [[by_name[Path(a.path).name] for a in s.members] for s in stories]
        originals = [by_name[Path(s.original.path).name] if s.original else None for s in stories]
    story_of = {d: s["id"] for s in data["stories"] for d in s["pa"] + s["news"]}
    case_of = {d: (doc["domain"], doc["catchline"]) for d, doc in docs.items()}
    group_of = {d: g for g, members in enumerate(groups) for d in members}
    reused = [d for d in docs if docs[d]["kind"] == "pa" or d in derived]
    gold = [(a, b) for a, b in itertools.combinations(sorted(reused), 2)
            if story_of.get(a) is not None and story_of.get(a) == story_of.get(b)]
    found = sum(group_of[a] == group_of[b] for a, b in gold)
    predicted = [(a, b) for members in groups for a, b in itertools.combinations(members, 2)]
    right = sum(case_of[a] == case_of[b] for a, b in predicted)
    same_day = sum(story_of.get(a) is not None and story_of.get(a) == story_of.get(b)
                   for a, b in predicted)
    judged = wire_named = 0
    for members, original in zip(groups, originals):
        kinds = {docs[d]["kind"] for d in members}
        if "pa" in kinds and any(d in derived for d in members):
            judged += 1
            wire_named += original is not None and docs[original]["kind"] == "pa"
    return {"documents": len(docs), "groups": len(groups), "gold_pairs": len(gold),
            "recall": found / len(gold) if gold else 0.0,
            "predicted_pairs": len(predicted),
            "precision": right / len(predicted) if predicted else 0.0,
            "precision_same_day": same_day / len(predicted) if predicted else 0.0,
            "groups_with_wire_and_derived": judged, "wire_named_original": wire_named,
            "original_accuracy": wire_named / judged if judged else 0.0,
            "group_seconds": seconds}


def main() -> int:
    got = previous_and_current(__file__, __doc__, measure)
    if got is None:
        return 0
    runs, prev_ref = got
    lines = ["| system | pair recall | pair precision (same day only) | wire take named original "
             "| groups | grouping s |", "|---|---|---|---|---|---|"]
    for name, r in runs.items():
        lines.append(f"| reader {name} | {r['recall']:.3f} | {r['precision']:.3f} "
                     f"({r['precision_same_day']:.3f}) | "
                     f"{r['original_accuracy']:.3f} ({r['wire_named_original']}/"
                     f"{r['groups_with_wire_and_derived']}) | {r['groups']} | {r['group_seconds']:.1f} |")
    cur = runs["current"]
    lines += ["", f"{cur['documents']} documents, {cur['gold_pairs']} gold pairs (wire takes and "
              f"derived articles of one story). Targets on the held-out folder: recall and "
              f"precision >= 0.90, wire take named original >= 0.90. Previous release: git "
              f"{prev_ref}."]
    write_results("meter_stories", "Stories and originals on METER dev (wire takes and the "
                  "articles written from them)", "\n".join(lines),
                  {"runs": runs, "previous_ref": prev_ref})
    return 0


if __name__ == "__main__":
    sys.exit(main())
