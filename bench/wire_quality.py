"""Score the cleaner on wire copy: METER's Press Association texts, read as a wire editor
would, this checkout against the previous release (each in its own subprocess).

Gold comes from the wire's own markup, parsed here and nowhere in `reader`: paragraphs
end with "<" (or a blank line) after the last dashed rule; the headline is the first
all-capitals paragraph that is not a note in parentheses; the byline is the
"By NAME, ..., PA News" paragraph (NAME, or none for "By PA Reporter"); the date is the
slug's dd/mm/yy, or null when day and month could be swapped (both <= 12 and
different), as the issue asks. Scores, over every PA text:

- titles, bylines, dates: exact (case-folded) agreement with gold, null included;
- paragraphs intact: of the gold body paragraphs of 4 words or more, the share that
  comes out as exactly one cleaned paragraph (whitespace folded): a paragraph cut at
  its hard wraps, merged with its neighbour, or dropped counts as broken.

Run from the project root: `python3 bench/wire_quality.py`.
"""

from __future__ import annotations

import json
import re
import sys

from common import LAYOUT_RELEASE, METER, RESULTS, against_previous, timed

_RULE = re.compile(r"^\s*[-=_]{20,}\s*$")
_SLUG = re.compile(r"^\s*\d\d:\d\d (\d\d)/(\d\d)/(\d\d):")
_PARAGRAPH_END = re.compile(r"<[ \t]*\n|\n[ \t]*\n")
_BY = re.compile(r"By (.+?)(?:,.*)?\.?$")


def _fold(text: str) -> str:
    return " ".join(text.replace("\x19", " ").split()).casefold()


def gold(text: str) -> dict:
    lines = text.split("\n")
    date, body_from = None, 0
    for i, line in enumerate(lines):
        m = _SLUG.match(line)
        if m:
            d, mo, y = map(int, m.groups())
            date = None if d <= 12 and d != mo else f"{1900 + y if y >= 70 else 2000 + y}-{mo:02d}-{d:02d}"
        if _RULE.match(line):
            body_from = i + 1
    title = byline = None
    seen_byline = False
    body: list[str] = []
    for chunk in _PARAGRAPH_END.split("\n".join(lines[body_from:])):
        t = " ".join(chunk.replace("\x19", " ").split())
        if not t:
            continue
        letters = [c for c in t if c.isalpha()]
        if (title is None and not body and not seen_byline and letters and not t.startswith("(")
                and sum(c.isupper() for c in letters) >= 0.8 * len(letters)):
            title = t
            continue
        m = _BY.match(t)
        if m and not seen_byline and not body and len(t) < 150:
            seen_byline = True
            byline = None if "PA " in m.group(1) else m.group(1)
            continue
        if not (t.startswith("(") or t.lower().startswith("embargoed") or len(t.split()) < 4):
            body.append(_fold(t))
    return {"title": title, "byline": byline, "date": date, "body": body}


def measure() -> dict:
    from reader.clean import clean
    from reader.ingest import source_from_text

    docs = json.loads(METER.read_text("utf-8"))["docs"]
    ids = sorted(k for k, d in docs.items() if d["kind"] == "pa")
    arts, timing = timed(clean, [source_from_text(docs[k]["text"], path=k) for k in ids])
    hits = {"titles": 0, "bylines": 0, "dates": 0}
    intact = total = 0
    for k, art in zip(ids, arts):
        g = gold(docs[k]["text"])
        hits["titles"] += (art.title or "").casefold() == (g["title"] or "").casefold()
        hits["bylines"] += (art.byline or None) == g["byline"]
        hits["dates"] += art.date == g["date"]
        out = {_fold(p.text) for p in art.paragraphs}
        intact += sum(p in out for p in g["body"])
        total += len(g["body"])
    n = len(ids)
    return {**{k: v / n for k, v in hits.items()}, "paragraphs_intact": intact / total,
            "paragraphs": total, "texts": n, "timing": timing}


def main() -> int:
    got = against_previous(__file__, __doc__, measure, LAYOUT_RELEASE, [METER])
    if got is None:
        return 0
    runs, prev_ref = got
    lines = ["| system | titles | bylines | dates | paragraphs intact | ms/text median (max) |",
             "|---|---|---|---|---|---|"]
    for name, r in runs.items():
        t = r["timing"]
        lines.append(f"| reader {name} | {r['titles']:.3f} | {r['bylines']:.3f} | {r['dates']:.3f} | "
                     f"{r['paragraphs_intact']:.3f} | {t['median_ms']:.1f} ({t['max_ms']:.0f}) |")
    cur = runs["current"]
    lines += ["", f"{cur['texts']} PA texts, {cur['paragraphs']} gold paragraphs. "
              f"Previous release: git {prev_ref}."]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "wire_quality.json").write_text(
        json.dumps({"runs": runs, "previous_ref": prev_ref}, indent=2) + "\n", "utf-8")
    (RESULTS / "wire_quality.md").write_text(
        "# Wire copy (METER PA dev): titles, bylines, dates, paragraphs intact\n\n" + table + "\n",
        "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
