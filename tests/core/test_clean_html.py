"""HTML pages go through trafilatura; text dumps never do."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.clean import clean
from reader.ingest import read_source, source_from_text

PARAS = [
    "LISBON (Reuters) - The city council approved a plan on Monday to plant ten thousand "
    "trees along its busiest avenues over the next five years, officials said.",
    "The plan, which was first proposed by residents two years ago, will cost about twelve "
    "million euros and is meant to cool streets during ever hotter summers.",
    "Critics said the council had not explained how the trees would be watered during "
    "droughts, which have become longer and more frequent in the region.",
]
PAGE = f"""<!doctype html>
<html><head>
<title>Lisbon to plant ten thousand trees | Example Times</title>
<meta name="author" content="Ana Pereira">
<meta property="article:published_time" content="2021-06-14T09:30:00Z">
<meta property="og:site_name" content="Example Times">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Lisbon to plant ten thousand trees</h1>
{''.join(f'<p>{p}</p>' for p in PARAS)}
</article>
<footer><p>Copyright 2021 Example Times. All rights reserved.</p></footer>
</body></html>
"""


def test_a_copyright_year_is_not_the_date_of_an_html_page() -> None:
    pytest.importorskip("trafilatura")
    undated = PAGE.replace('<meta property="article:published_time" content="2021-06-14T09:30:00Z">',
                           "")
    art = clean(source_from_text(undated, "story.html"))
    assert art.title == "Lisbon to plant ten thousand trees" and art.date is None


def test_html_file_is_extracted_with_metadata(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    art = clean(read_source(path))
    assert art.title == "Lisbon to plant ten thousand trees"
    assert art.byline == "Ana Pereira"
    assert art.date == "2021-06-14"
    assert art.outlet == "Example Times"
    assert [p.text for p in art.paragraphs] == PARAS
    assert art.dateline == "LISBON (Reuters)" and art.attribution == ["Reuters"]
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text
    assert "Home" not in art.body and "All rights reserved" not in art.body


def test_control_character_references_do_not_survive(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    path = tmp_path / "evil.html"
    path.write_text(PAGE.replace("officials said.", "officials &#27;[2J said."), "utf-8")
    art = clean(read_source(path))
    assert "\x1b" not in art.text and art.paragraphs
    assert "officials" in art.paragraphs[0].text


def test_missing_trafilatura_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    src = source_from_text(PAGE, path="page.html")
    assert src.kind == "html"
    with pytest.raises(RuntimeError, match=r"pip install 'reader\[html\]'"):
        clean(src)


def test_text_dump_never_reaches_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    text = "Lisbon to plant ten thousand trees\n\n" + "\n\n".join(PARAS)
    art = clean(source_from_text(text, path="page.txt"))
    assert [p.text for p in art.paragraphs] == PARAS
