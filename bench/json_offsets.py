"""Do the offsets of `reader diff --format json` point into the article text? For each
drift finding (in pairs and article-level) on each side that has text, is
`article.text[start:end] == a_text` (or b_text)? The previous frame (offsets into the
pair's joined sentences, or the joined body) is scored the same way as the baseline.

    python3 bench/json_offsets.py      # seeds (every ordered pair) and METER dev pairs
"""

from __future__ import annotations

import itertools
import json

from common import METER, SEEDS

from reader.compare import compare
from reader.ingest import source_from_text
from reader.library import clean_source, load_library
from reader.render.records import comparison_record


def score(pairs) -> tuple[int, int, int]:
    """(spans checked, found in the article text, found there with the raw offsets)."""
    checked = exact = raw = 0
    for a, b in pairs:
        cmp = compare(a, b)
        record = comparison_record(cmp)
        found = [(d, i) for i, p in enumerate(record["pairs"]) for d in p["drift"]]
        found += [(d, None) for d in record["article_drift"]]
        originals = [(d, i) for i in range(len(cmp.pairs)) for d in cmp.drift(i)]
        originals += [(d, None) for d in cmp.article_drift()]
        for (d, _), (orig, _) in zip(found, originals):
            for side, art in (("a", a), ("b", b)):
                if d[f"{side}_start"] < 0:
                    continue
                checked += 1
                exact += art.text[d[f"{side}_start"]:d[f"{side}_end"]] == d[f"{side}_text"]
                s, e = getattr(orig, f"{side}_start"), getattr(orig, f"{side}_end")
                raw += art.text[s:e] == d[f"{side}_text"]
    return checked, exact, raw


def meter_pairs():
    data = json.loads(METER.read_text(encoding="utf-8"))
    docs = data["docs"]
    for p in data["pairs"]:
        b = clean_source(source_from_text(docs[p["derived"]]["text"], p["derived"]))
        for src in p["source"]:
            a = clean_source(source_from_text(docs[src]["text"], src))
            yield a, b


def main() -> None:
    seeds = load_library([str(SEEDS)]).articles
    rows = [("seeds, every ordered pair", score(itertools.permutations(seeds, 2)))]
    if METER.exists():
        rows.append(("METER dev, wire take -> newspaper article", score(meter_pairs())))
    print("| pairs | spans | in the article text (now) | with the old offsets |")
    print("|---|---|---|---|")
    for name, (checked, exact, raw) in rows:
        print(f"| {name} | {checked} | {exact} ({exact / max(checked, 1):.1%}) | "
              f"{raw} ({raw / max(checked, 1):.1%}) |")


if __name__ == "__main__":
    main()
