"""Plain-terminal renderings for the CLI: articles, side-by-side diffs, sources, stories.

Colour only when stdout is a terminal (rich decides; NO_COLOR is honoured); without
colour, changed words carry [-deleted-] / {+inserted+} markers so nothing is lost.
Article text is always passed to rich as Text, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.model import Article
from reader.render.export import article_label, marked_diff, md_escape
from reader.render.labels import KIND_MARK

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from reader.compare import Comparison



def meta_line(article: Article) -> str:
    """Outlet · date · byline · credited sources, with unknowns said as such."""
    parts = [article.outlet or "outlet unknown", article.date or "date unknown"]
    if article.byline:
        parts.append(f"by {article.byline}")
    if article.attribution:
        parts.append("credits " + ", ".join(article.attribution))
    return " · ".join(parts)


def _body_items(article: Article, show_removed: bool) -> list[tuple[int, str, str | None]]:
    items = [(p.start, p.text, None) for p in article.paragraphs]
    if show_removed:
        items += [(r.start, r.text, r.reason) for r in article.removed]
    return sorted(items, key=lambda t: t[0])


def article_text(article: Article, show_removed: bool = False) -> str:
    out = [article.title or "(no title found)", meta_line(article), ""]
    for _, text, reason in _body_items(article, show_removed):
        out.append(f"  [removed: {reason}] {text}" if reason else text)
        out.append("")
    return "\n".join(out) + "\n"


def article_markdown(article: Article, show_removed: bool = False) -> str:
    out = [f"# {md_escape(article.title or '(no title found)')}", "",
           f"*{md_escape(meta_line(article))}*", ""]
    for _, text, reason in _body_items(article, show_removed):
        out.append(f"> removed ({reason}): {md_escape(text)}" if reason else md_escape(text))
        out.append("")
    return "\n".join(out)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


# A terminal table cannot usefully show a multi-megabyte "sentence" (a page with no
# punctuation); show its start and say how much is left out. JSON output is never cut.
SHOW_CHARS = 4000


def _shortened(text: Text) -> Text:
    if len(text) <= SHOW_CHARS:
        return text
    cut = text[:SHOW_CHARS]
    cut.append(f" … [{len(text) - SHOW_CHARS:,} more characters not shown]", style="dim")
    return cut


def _styled_pair(cmp: Comparison, index: int, plain: bool) -> tuple[Text, Text]:
    from rich.text import Text

    a_text, b_text = cmp.pair_texts(index)
    wd = cmp.word_diff(index)
    if wd is None:
        left, right = Text(a_text), Text(b_text)
    elif plain:
        left, right = (Text(t) for t in marked_diff(wd, a_text, b_text))
    else:
        left, right = Text(a_text), Text(b_text)
        for op in wd.ops:
            if op.tag in ("replace", "delete") and op.a1 < op.a2:
                left.stylize("bold red strike", wd.a[op.a1].start, wd.a[op.a2 - 1].end)
            if op.tag in ("replace", "insert") and op.b1 < op.b2:
                right.stylize("bold green underline", wd.b[op.b1].start, wd.b[op.b2 - 1].end)
    return _shortened(left), _shortened(right)


def print_comparison(cmp: Comparison, changes_only: bool = False) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console()
    plain = not console.is_terminal or console.no_color
    s = cmp.summary()
    console.print(Text(f"A: {article_label(cmp.a)}  ({meta_line(cmp.a)})", style="bold"))
    console.print(Text(f"B: {article_label(cmp.b)}  ({meta_line(cmp.b)})", style="bold"))
    console.print(Text(
        f"{s.same} identical · {s.changed} changed · {s.dropped} dropped · {s.added} added · "
        f"{s.moved} moved · {s.share_of_b_from_a:.0%} of B comes from A"))
    table = Table(expand=True, box=None, pad_edge=False, padding=(0, 1, 1, 0))
    table.add_column("", width=2, no_wrap=True)
    table.add_column("A", ratio=1)
    table.add_column("B", ratio=1)
    table.add_column("sim", width=4, justify="right", no_wrap=True)
    colours = {"same": "dim", "changed": "yellow", "dropped": "red", "added": "green"}
    for i, p in enumerate(cmp.pairs):
        if changes_only and p.kind == "same" and not p.moved:
            continue
        mark = KIND_MARK[p.kind] + ("M" if p.moved else " ")
        left, right = _styled_pair(cmp, i, plain)
        flags = cmp.drift(i)
        if flags:
            right.append(Text("\n! " + "; ".join(d.note for d in flags), style="bold magenta"))
        table.add_row(Text(mark, style=colours[p.kind]), left, right,
                      Text(f"{p.score:.0f}" if p.a and p.b else ""))
    console.print(table)
    article_flags = cmp.article_drift()
    for d in article_flags:
        console.print(Text(f"! {d.note}", style="bold magenta"))
    console.print(Text("key: = identical  ~ changed  - dropped from A  + added in B  M moved"
                       "  ! fact drift" + ("  [-deleted-] {+inserted+}" if plain else ""),
                       style="dim"))


def print_sources(article: Article, ranked: list) -> None:
    from rich.text import Text

    console = _console()
    console.print(Text(f"Likely sources of {article_label(article)} ({article.path})", style="bold"))
    if not ranked:
        console.print(Text("No other article in the corpus shares its sentences."))
    verdict = {"original": "likely the ORIGINAL of this article",
               "derivative": "likely COPIED FROM this article",
               "unclear": "direction unclear"}
    for c in ranked:
        console.print(Text(
            f"{c.explained:4.0%} explained  {article_label(c.article)} ({c.article.outlet or 'outlet unknown'})"
            f" · {verdict[c.direction]} · confidence {c.confidence:.0%}", style="bold"))
        console.print(Text(f"      {c.article.path}", style="dim"))
        for reason in c.reasons:
            console.print(Text(f"      - {reason}"))


def print_stories(stories: list) -> None:
    from rich.text import Text

    console = _console()
    for n, story in enumerate(stories, 1):
        versions = f"{len(story.members)} version{'s' if len(story.members) != 1 else ''}"
        console.print(Text(f"Story {n}: {story.label} ({versions})", style="bold"))
        for a in story.members:
            mark = "*" if story.original is a else " "
            console.print(Text(f"  {mark} {a.path}  ({a.outlet or 'outlet unknown'})"))
        for reason in story.reasons:
            console.print(Text(f"    - {reason}", style="dim"))
    if any(s.original for s in stories):
        console.print(Text("* likely original (by credits and dates)", style="dim"))
