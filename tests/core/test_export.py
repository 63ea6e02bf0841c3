"""Exports: literal article text in Markdown/HTML, atomic writes, sources protected."""

from __future__ import annotations

import os

import pytest

from reader.compare import compare
from reader.render.export import ExportError, md_escape, render_markdown, write_export
from reader.render.html import render_html
from reader.ingest import source_from_text
from reader.clean import clean


def _article(text: str, path: str):
    return clean(source_from_text(text, path))


HOSTILE = ("Headline of the story\n\n"
           "The minister said <script>alert(1)</script> and **not bold** [link](http://x) today.\n\n"
           "A second paragraph that stays exactly the same in both versions of the story.\n")
REWRITE = HOSTILE.replace("today", "yesterday")


def test_markdown_escapes_article_syntax():
    assert md_escape("**x** <b> [a](b) `c`") == "\\*\\*x\\*\\* \\<b\\> \\[a\\](b) \\`c\\`"


def test_html_never_contains_article_markup():
    cmp = compare(_article(HOSTILE, "a.txt"), _article(REWRITE, "b.txt"))
    html = render_html(cmp)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>not bold</strong>" not in html


def test_markdown_report_lists_pairs():
    cmp = compare(_article(HOSTILE, "a.txt"), _article(REWRITE, "b.txt"))
    md = render_markdown(cmp)
    assert md.index("## Changes that alter facts") < md.index("## Aligned sentences")
    assert "{+yesterday+}" in md.replace("\\", "")


def test_write_export_is_atomic_and_leaves_no_temp(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old")
    write_export(str(target), "new report")
    assert target.read_text() == "new report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_write_export_refuses_source(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("original")
    link = tmp_path / "alias.md"
    os.symlink(src, link)
    for target in (src, link):
        with pytest.raises(ExportError, match="source article"):
            write_export(str(target), "x", protected=[str(src)])
    assert src.read_text() == "original"


def test_write_export_missing_folder(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_export(str(tmp_path / "no" / "r.md"), "x")
