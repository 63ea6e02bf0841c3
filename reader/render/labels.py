"""Labels the CLI, the TUI and exports all show, defined once so they always agree."""

from __future__ import annotations

from reader.corpus.wire import slug_of
from reader.model import Article

# the row marker of each pair kind in side-by-side text
KIND_MARK = {"same": "=", "changed": "~", "dropped": "-", "added": "+"}


def article_label(article: Article) -> str:
    """What names an article in a heading: its title, else its file name."""
    return article.title or article.name


def outlet_label(article: Article) -> str:
    """Its outlet; else "wire copy" for a take whose slug line says it came over the wire
    but that names no agency (a later page carries no byline), else "outlet unknown"."""
    if article.outlet:
        return article.outlet
    return "wire copy" if slug_of(article) is not None else "outlet unknown"


def meta_line(article: Article, brief: bool = False) -> str:
    """Outlet · date · byline · dateline · credited sources · words, unknowns said plainly;
    `brief`: outlet · date · words, for a list row."""
    parts = [outlet_label(article), article.date or "date unknown"]
    if not brief:
        if article.byline:
            parts.append(f"by {article.byline}")
        if article.dateline:
            parts.append(f"dateline {article.dateline}")
        if article.attribution:
            parts.append("credits " + ", ".join(article.attribution))
    parts.append(f"{article.word_count} words")
    return " · ".join(parts)
