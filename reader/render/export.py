"""Comparison reports in Markdown (and any Markdown report as an HTML page), and an
atomic writer that never overwrites a source file. The HTML comparison report is
reader.render.html; the JSON records are reader.render.records."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable

from reader.compare import Comparison
from reader.comparison_model import WordDiff
from reader.corpus.derivation import derivation_of
from reader.fetch import provenance_line
from reader.model import Article
from reader.render.html import page
from reader.render.labels import article_label, outlet_label
from reader.reviews import Review, ReviewStore, findings


class ExportError(Exception):
    """An export that cannot be written; str() is the user-facing reason."""


# Characters that can start Markdown/HTML syntax mid-line. Article text only ever appears
# after a fixed prefix ("> **A:** ", "- "), so line-start syntax ("1.", "-") cannot trigger.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&#"})


def md_escape(text: str) -> str:
    """Backslash-escape Markdown and HTML syntax so article text renders as literal text."""
    return text.replace("\n", " ").translate(_MD_SPECIAL)


def marked_diff(wd: WordDiff, a_text: str, b_text: str) -> tuple[str, str]:
    """The two sides with changed words marked [-deleted-] and {+inserted+} (plain text),
    keeping the original spacing between tokens."""
    a_spans, b_spans = wd.changed_spans()
    return _mark(a_text, a_spans, "[-", "-]"), _mark(b_text, b_spans, "{+", "+}")


def _mark(text: str, spans: list[tuple[int, int]], open_: str, close: str) -> str:
    out: list[str] = []
    cursor = 0
    for start, end in spans:
        out += [text[cursor:start], open_, text[start:end], close]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _side_line(name: str, article: Article) -> list[str]:
    """The report's line for one side, and where it was fetched from, if it was."""
    lines = [f"- **{name}**: {md_escape(article.path)} "
             f"({md_escape(outlet_label(article))})"]
    fetched = provenance_line(article.path)
    if fetched:
        lines.append(f"  - {md_escape(fetched)}")
    return lines


def _decision(review: Review | None) -> str:
    if review is None:
        return ""
    why = f": {md_escape(review.note)}" if review.note else ""
    return f" — **{review.state}** by {md_escape(review.user)} at {review.at}{why}"


def render_markdown(cmp: Comparison, reviews: ReviewStore | None = None) -> str:
    """A report a journalist can read: summary, drift findings first (with the decisions
    kept in `reviews`, then their audit trail), then every pair."""
    s = cmp.summary()
    lines = [
        f"# {md_escape(article_label(cmp.a))} vs {md_escape(article_label(cmp.b))}",
        "",
        *_side_line("A", cmp.a),
        *_side_line("B", cmp.b),
        f"- Sentences: {s.same} identical, {s.changed} changed, {s.dropped} dropped, "
        f"{s.added} added, {s.moved} moved; B explains {s.share_of_a_in_b:.0%} of A, A explains {s.share_of_b_from_a:.0%} of B.",
        f"- B against A: {derivation_of(cmp).headline()}.",
        "",
        "## Changes that alter facts",
        "",
    ]
    found = findings(cmp, reviews)
    changed = [f for f in found if f.drift.change == "changed"]
    one_sided = [f for f in found if f.drift.change != "changed"]
    if not changed:
        lines.append("None found.")
    for group in (changed, one_sided):
        if group is one_sided and one_sided:  # facts one side states and the other does not
            lines += ["", "## Facts on one side only", ""]
        for f in group:
            where = "article" if f.pair is None else f"pair {f.pair + 1}"
            side = "" if group is changed else f"{f.drift.change}, "
            lines.append(f"- **{f.drift.kind}** ({side}{where}, id {f.id}): "
                         f"{md_escape(f.drift.note)}{_decision(f.review)}")
    reviewed = sorted((f for f in found if f.review), key=lambda f: f.review.at)
    if reviewed:
        lines += ["", "## Review audit trail", "", "| when | who | finding | decision | why |",
                  "|---|---|---|---|---|"]
        lines += [f"| {f.review.at} | {md_escape(f.review.user)} | {f.id}: "
                  f"{md_escape(f.drift.note)} | {f.review.state} | {md_escape(f.review.note)} |"
                  for f in reviewed]
    lines += ["", "## Aligned sentences", ""]
    for i, p in enumerate(cmp.pairs):
        a_text, b_text = cmp.pair_texts(i)
        wd = cmp.word_diff(i)
        if wd is not None:
            a_text, b_text = marked_diff(wd, a_text, b_text)
        moved = ", moved" if p.moved else ""
        lines.append(f"### {i + 1}. {p.kind}{moved} (score {p.score:.0f})")
        lines.append("")
        if p.a:
            lines.append(f"> **A:** {md_escape(a_text)}")
        if p.a and p.b:
            lines.append(">")
        if p.b:
            lines.append(f"> **B:** {md_escape(b_text)}")
        lines.append("")
    return "\n".join(lines)


def html_page(markdown: str, title: str) -> str:
    """A standalone HTML page from a Markdown report (raw HTML in it is not let through),
    in the comparison report's page: its styles, no script, nothing fetched."""
    from markdown_it import MarkdownIt

    return page(title, MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown))


def _file_mode(target: str) -> int:
    """The permissions a new file gets from the user's umask, or those of the file
    being replaced."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        pass
    try:  # Linux says; elsewhere set and restore it (process-wide, for an instant)
        with open("/proc/self/status", encoding="ascii") as fh:
            mask = next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def write_export(path: str, text: str, protected: Iterable[str] = ()) -> None:
    """Write atomically (temp file + rename); refuse to overwrite a source file."""
    target = os.path.realpath(path)
    for src in protected:
        if os.path.realpath(src) == target:
            raise ExportError(f"{path}: refusing to overwrite a source article")
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise ExportError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".reader-export-", suffix=".tmp")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write there ({exc.strerror})") from None
    try:
        os.fchmod(fd, _file_mode(target))  # mkstemp's 0600 would hide a shared report
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ExportError(f"{path}: cannot write there ({exc.strerror})") from None
