"""The story table as plain text (a grid of one-character marks) and as a Markdown or
HTML report: the original's sentences down the side, a column per version.

Marks: `=` kept, `~` changed, `!` changed with fact drift, `-` dropped, `↕` after a mark
for a moved sentence. Article text is escaped for Markdown and never handed to a
markup parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.fetch import provenance_line
from reader.render.export import html_page, md_escape
from reader.render.labels import article_label, outlet_label

if TYPE_CHECKING:
    from reader.corpus.story import Cell, StoryTable

LEGEND = "= kept   ~ changed   ! changed, a fact drifted   - dropped   ↕ moved"
_TEXT_WIDTH = 60


def mark(cell: Cell) -> str:
    if cell.kind == "same":
        base = "="
    elif cell.kind == "dropped":
        base = "-"
    else:
        base = "!" if cell.drift else "~"
    return base + ("↕" if cell.moved else "")


def _verdict(table: StoryTable, v: int) -> str:
    share = (table.derivations[v] or {}).get("share") if not table.is_take(v) else None
    takes = any(map(table.is_take, range(len(table.versions))))
    source = "the original and its takes" if takes else "the original"
    return table.verdict(v) + (f" ({share:.0%} from {source})" if share is not None else "")


def _counts(table: StoryTable, v: int) -> str:
    s = table.comparisons[v].summary()
    return f"{s.same} kept, {s.changed} changed, {s.dropped} dropped, {s.added} added"


def story_text(table: StoryTable) -> str:
    """A grid that fits a terminal: row number, a mark per version, the sentence."""
    n = len(table.versions)
    out = [f"Story: {article_label(table.original)}", f"{table.side_label}: {table.original.path}", ""]
    for v, article in enumerate(table.versions):
        out.append(f"[{v + 1}] {article.path} ({outlet_label(article)}): "
                   f"{_counts(table, v)}; {_verdict(table, v)}")
    out += ["", LEGEND, ""]
    width = max(2, len(str(n)) + 1)
    header = "".join(f"{v + 1:<{width}}" for v in range(n))
    out.append(f"{'#':>4}  {header} sentence")
    columns = [table.cells(v) for v in range(n)]
    for i, sentence in enumerate(table.sentences):
        marks = "".join(f"{mark(col[i]):<{width}}" for col in columns)
        text = " ".join(sentence.text.split())
        if len(text) > _TEXT_WIDTH:
            text = text[:_TEXT_WIDTH - 1] + "…"
        out.append(f"{i + 1:>4}  {marks} {text}")
    drifted = [(i, v, d) for v, col in enumerate(columns) for i, c in enumerate(col) for d in c.drift]
    if drifted:
        out += ["", "Fact drift:"]
        out += [f"  row {i + 1}, [{v + 1}] {d.note}" for i, v, d in sorted(drifted, key=lambda t: t[:2])]
    for v, article in enumerate(table.versions):
        added = table.added(v)
        if added:
            out += ["", f"Added by [{v + 1}] {article.path}:"]
            out += [f"  + {s}" for s in added]
    return "\n".join(out) + "\n"


def story_markdown(table: StoryTable) -> str:
    """A report: versions with their verdicts, the table, drift notes, added sentences."""
    n = len(table.versions)
    out = [f"# Story: {md_escape(article_label(table.original))}", "",
           (f"{table.side_label}: {md_escape(table.original.path)} "
            f"({md_escape(outlet_label(table.original))})"), "", "## Versions", "",
           "| # | version | outlet | sentences | derivation |", "|---|---|---|---|---|"]
    for v, article in enumerate(table.versions):
        out.append(f"| {v + 1} | {md_escape(article.path)} | {md_escape(article.outlet or 'unknown')}"
                   f" | {_counts(table, v)} | {md_escape(_verdict(table, v))} |")
    fetched = [(label, provenance_line(a.path)) for label, a in
               [("original", table.original), *((f"version {v + 1}", a)
                                                 for v, a in enumerate(table.versions))]]
    if any(line for _, line in fetched):
        out += ["", "Fetched pages:", ""]
        out += [f"- {label}: {md_escape(line)}" for label, line in fetched if line]
    out += ["", "## Sentence by sentence", "", f"Marks: {md_escape(LEGEND)}", "",
            "| # | sentence | " + " | ".join(str(v + 1) for v in range(n)) + " |",
            "|---|---|" + "---|" * n]
    columns = [table.cells(v) for v in range(n)]
    for i, sentence in enumerate(table.sentences):
        marks = " | ".join(md_escape(mark(col[i])) for col in columns)
        out.append(f"| {i + 1} | {md_escape(sentence.text)} | {marks} |")
    notes = [(i, v, d) for v, col in enumerate(columns) for i, c in enumerate(col) for d in c.drift]
    if notes:
        out += ["", "## Fact drift", ""]
        out += [f"- row {i + 1}, version {v + 1}: **{d.kind}**: {md_escape(d.note)}"
                for i, v, d in sorted(notes, key=lambda t: t[:2])]
    out += ["", "## Added by each version", ""]
    for v, article in enumerate(table.versions):
        added = table.added(v)
        out.append(f"### {v + 1}. {md_escape(article.path)}")
        out.append("")
        out += [f"- {md_escape(s)}" for s in added] or ["None."]
        out.append("")
    return "\n".join(out)


def story_html(table: StoryTable) -> str:
    return html_page(story_markdown(table), f"Story: {article_label(table.original)}")
