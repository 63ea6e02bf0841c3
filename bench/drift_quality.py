"""Score fact drift on the hand-annotated METER pairs, this checkout against the previous release.

drift-dev (100 sentence pairs: 1999-2000 Press Association wire copy and the British
newspaper sentence written from it) is scored as its own `score_drift.py` scores
`reader diff`: each pair is written as two files and compared as `reader diff` does;
a finding is right when it sits on an annotated change or one-sided fact of a related
kind, and any finding on a pair annotated as unrelated is wrong. Reported:
- precision: right findings / all findings;
- change recall: annotated changes (both sides state it, differently) found;
- one-sided recall: annotated facts present on one side only found;
- findings by `change` (changed / dropped / added) and ms per pair.

Each version is imported in its own subprocess: this checkout, and the previous release
checked out from git into a temporary worktree (`--prev-ref`). The annotation matching
rules are imported from `score_drift.py` by path, so both agree by construction.

Run from the project root: `python3 bench/drift_quality.py`. The data lives outside the
repository (../shared/data/drift-dev); without it the script says so and exits.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import DRIFT_DEV, RESULTS, against_previous

PREVIOUS_RELEASE = "710c343"  # the last commit before issue 11's drift work


def _matcher():
    """`matches(finding, annotation)` from the data's own scorer."""
    spec = importlib.util.spec_from_file_location("score_drift", DRIFT_DEV / "score_drift.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.matches


def measure() -> dict:
    """Compare every pair with whichever `reader` is first on sys.path and score it."""
    import reader.drift  # noqa: F401  (imported before the clock starts)
    from reader.compare import compare
    from reader.library import load_article

    matches = _matcher()
    items = json.loads((DRIFT_DEV / "meter_pairs.json").read_text("utf-8"))["items"]
    found, right, changes, changes_found, sided, sided_found = 0, 0, 0, 0, 0, 0
    by_change: Counter[str] = Counter()
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for it in items:
            pa, pb = Path(tmp, it["id"] + "-a.txt"), Path(tmp, it["id"] + "-b.txt")
            pa.write_text(it["a"] + "\n", encoding="utf-8")
            pb.write_text(it["b"] + "\n", encoding="utf-8")
            cmp = compare(load_article(str(pa)), load_article(str(pb)))
            started = time.perf_counter()
            fs = [d.to_dict() for i in range(len(cmp.pairs)) for d in cmp.drift(i)]
            seconds += time.perf_counter() - started
            gold = it["changes"] + it["omissions"]
            found += len(fs)
            right += sum(it["same_content"] and any(matches(f, g) for g in gold) for f in fs)
            by_change.update(f.get("change", "unlabelled") for f in fs)
            changes += len(it["changes"])
            changes_found += sum(any(matches(f, g) for f in fs) for g in it["changes"])
            sided += len(it["omissions"])
            sided_found += sum(any(matches(f, g) for f in fs) for g in it["omissions"])
    return {"pairs": len(items), "findings": found, "right": right,
            "precision": right / max(1, found),
            "changes": changes, "changes_found": changes_found,
            "change_recall": changes_found / max(1, changes),
            "one_sided": sided, "one_sided_found": sided_found,
            "one_sided_recall": sided_found / max(1, sided),
            "by_change": dict(by_change), "ms_per_pair": 1000 * seconds / max(1, len(items))}


def main() -> int:
    got = against_previous(__file__, __doc__, measure, PREVIOUS_RELEASE, [DRIFT_DEV / "meter_pairs.json"])
    if got is None:
        return 0
    runs, prev_ref = got
    lines = ["| system | findings | precision | changes found | one-sided found | "
             "changed / dropped / added | ms/pair |", "|---|---|---|---|---|---|---|"]
    for name, r in runs.items():
        c = r["by_change"]
        split = " / ".join(str(c.get(k, 0)) for k in ("changed", "dropped", "added"))
        lines.append(
            f"| reader {name} | {r['findings']} | {r['precision']:.3f} | "
            f"{r['changes_found']}/{r['changes']} ({r['change_recall']:.3f}) | "
            f"{r['one_sided_found']}/{r['one_sided']} ({r['one_sided_recall']:.3f}) | "
            f"{split if c.get('unlabelled') is None else 'not labelled'} | "
            f"{r['ms_per_pair']:.2f} |")
    lines += ["", f"drift-dev: {runs['current']['pairs']} METER wire/newspaper sentence pairs. "
              f"Previous release: git {prev_ref}."]
    table = "\n".join(lines)
    print(table)
    result = {"runs": runs, "previous_ref": prev_ref}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "drift_quality.json").write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    (RESULTS / "drift_quality.md").write_text(
        "# drift_quality\n\nFact drift on drift-dev, scored with its own matching rules "
        "(see the script's docstring).\n\n" + table + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
