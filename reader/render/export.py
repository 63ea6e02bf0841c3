"""Comparison reports: Markdown (and HTML rendered from it by markdown-it-py), JSON dicts,
and an atomic writer that never overwrites a source file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from reader.compare import Comparison
from reader.comparison_model import WordDiff
from reader.model import Article


class ExportError(Exception):
    """An export that cannot be written; str() is the user-facing reason."""


# Characters that can start Markdown/HTML syntax mid-line. Article text only ever appears
# after a fixed prefix ("> **A:** ", "- "), so line-start syntax ("1.", "-") cannot trigger.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&#"})


def md_escape(text: str) -> str:
    """Backslash-escape Markdown and HTML syntax so article text renders as literal text."""
    return text.replace("\n", " ").translate(_MD_SPECIAL)


def article_label(article: Article) -> str:
    return article.title or article.name


def marked_diff(wd: WordDiff, a_text: str, b_text: str) -> tuple[str, str]:
    """The two sides with changed words marked [-deleted-] and {+inserted+} (plain text),
    keeping the original spacing between tokens."""
    return (_mark(a_text, wd.a, [(op.tag, op.a1, op.a2) for op in wd.ops], "[-", "-]"),
            _mark(b_text, wd.b, [(op.tag, op.b1, op.b2) for op in wd.ops], "{+", "+}"))


def _mark(text: str, tokens: list, spans: list[tuple[str, int, int]], open_: str, close: str) -> str:
    out: list[str] = []
    cursor = 0
    for tag, i1, i2 in spans:
        if i1 >= i2:
            continue
        start, end = tokens[i1].start, tokens[i2 - 1].end
        out.append(text[cursor:start])
        out.append(text[start:end] if tag == "equal" else f"{open_}{text[start:end]}{close}")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def comparison_dict(cmp: Comparison, with_drift: bool = True) -> dict:
    """The `reader diff --format json` object (the contract is in the README's CLI section)."""
    al = cmp.alignment
    pairs = []
    for i, p in enumerate(al.pairs):
        item = {"kind": p.kind, "a": list(p.a), "b": list(p.b), "score": round(p.score, 1),
                "moved": p.moved}
        if with_drift:
            item["drift"] = [d.to_dict() for d in cmp.drift(i)]
        pairs.append(item)
    out = {
        "a": _side(cmp.a), "b": _side(cmp.b),
        "split": cmp.split,
        "summary": cmp.summary().to_dict(),
        "sentences": {
            side: [{"text": s.text, "start": s.start, "end": s.end, "section": s.section}
                   for s in sentences]
            for side, sentences in (("a", al.a), ("b", al.b))
        },
        "pairs": pairs,
    }
    if with_drift:
        out["article_drift"] = [d.to_dict() for d in cmp.article_drift()]
    return out


def _side(article: Article) -> dict:
    return {"path": article.path, "title": article.title, "outlet": article.outlet,
            "date": article.date, "attribution": list(article.attribution)}


def render_markdown(cmp: Comparison) -> str:
    """A report a journalist can read: summary, drift findings first, then every pair."""
    s = cmp.summary()
    lines = [
        f"# {md_escape(article_label(cmp.a))} vs {md_escape(article_label(cmp.b))}",
        "",
        f"- **A**: {md_escape(cmp.a.path)} ({md_escape(cmp.a.outlet or 'outlet unknown')})",
        f"- **B**: {md_escape(cmp.b.path)} ({md_escape(cmp.b.outlet or 'outlet unknown')})",
        f"- Sentences: {s.same} identical, {s.changed} changed, {s.dropped} dropped, "
        f"{s.added} added, {s.moved} moved; {s.share_of_b_from_a:.0%} of B comes from A.",
        "",
        "## Changes that alter facts",
        "",
    ]
    findings = [(None, d) for d in cmp.article_drift()]
    findings += [(i, d) for i in range(len(cmp.pairs)) for d in cmp.drift(i)]
    if not findings:
        lines.append("None found.")
    for i, d in findings:
        where = "article" if i is None else f"pair {i + 1}"
        lines.append(f"- **{d.kind}** ({where}): {md_escape(d.note)}")
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


def render_html(cmp: Comparison) -> str:
    return html_page(render_markdown(cmp), f"{article_label(cmp.a)} vs {article_label(cmp.b)}")


def html_page(markdown: str, title: str) -> str:
    """A standalone HTML page from a Markdown report (raw HTML in it is not let through)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(markdown)
    return (
        "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{_html_text(md_escape(title))}</title></head>\n<body>\n{body}</body></html>\n"
    )


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ExportError(f"{path}: cannot write there ({exc.strerror})") from None
