"""Plain-terminal renderings for the CLI: articles, side-by-side diffs, sources, stories.

Colour only when stdout is a terminal (rich decides; NO_COLOR is honoured); without
colour, changed words carry [-deleted-] / {+inserted+} markers so nothing is lost.
On a terminal, lines wrap at its width (or `width` when the caller asks); in a pipe
they are never wrapped, so a path or a sentence stays on one line for grep and cut.
Article text is always passed to rich as Text, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.model import Article
from reader.render.export import marked_diff, md_escape
from reader.render.labels import KIND_MARK, article_label, meta_line, outlet_label

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from reader.compare import Comparison



def _body_items(article: Article, show_removed: bool) -> list[tuple[int, str, str | None]]:
    """Paragraphs (one line each: a hard-wrapped one's line breaks become spaces) and,
    when asked, the removed lines, in reading order."""
    items = [(p.start, p.text.replace("\n", " "), None) for p in article.paragraphs]
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


def _console(width: int | None = None) -> Console:
    """A console that wraps at the terminal's width, or at `width` when given; in a pipe
    with no `width` it does not wrap at all."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError  # the CLI's own handling (exit 0), not rich's exit 1

    console = PipeConsole(highlight=False, soft_wrap=False, width=width)
    if width is None and not console.is_terminal:
        console.soft_wrap = True
    return console


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
        a_spans, b_spans = wd.changed_spans()
        for start, end in a_spans:
            left.stylize("bold red strike", start, end)
        for start, end in b_spans:
            right.stylize("bold green underline", start, end)
    return _shortened(left), _shortened(right)


GUTTER = " │ "  # between the A and B columns: a full A line can never run into B
_MARK_W, _SIM_W = 3, 4
_COLOURS = {"same": "dim", "changed": "yellow", "dropped": "red", "added": "green"}


def _column(console: Console, text: Text, width: int) -> list[Text]:
    """`text` wrapped to `width` cells, each line padded to exactly that width (a
    hard-wrapped sentence's line breaks are spaces: the column wraps it anew)."""
    if "\n" in text.plain:
        text = text.copy()
        text.plain = text.plain.replace("\n", " ")  # same length: the styles stay put
    lines = list(text.wrap(console, width)) if text else []
    for line in lines:
        line.rstrip()
        line.pad_right(width - line.cell_len)
    return lines


def _side_by_side(console: Console, mark: Text, left: Text, right: Text, sim: str,
                  width: int) -> list[Text]:
    """One aligned row: mark, A, gutter, B, similarity; the shorter side padded."""
    from rich.text import Text

    col = max(8, (width - _MARK_W - len(GUTTER) - _SIM_W - 1) // 2)
    a_lines, b_lines = _column(console, left, col), _column(console, right, col)
    blank = Text(" " * col)
    rows = []
    for n in range(max(len(a_lines), len(b_lines), 1)):
        row = Text.assemble(mark if n == 0 else " " * _MARK_W,
                            a_lines[n] if n < len(a_lines) else blank, GUTTER,
                            b_lines[n] if n < len(b_lines) else blank,
                            " " + sim.rjust(_SIM_W) if n == 0 else "")
        row.rstrip()
        rows.append(row)
    return rows


def _print_facts(console, cmp: Comparison) -> None:
    """Fact drift up front: facts both sides state differently first, then the facts
    only one side states, apart (each row below repeats its own)."""
    from rich.text import Text

    found = [(None, d) for d in cmp.article_drift()]
    found += [(i, d) for i in range(len(cmp.pairs)) for d in cmp.drift(i)]
    changed = [(i, d) for i, d in found if d.change == "changed"]
    one_sided = [(i, d) for i, d in found if d.change != "changed"]
    console.print(Text(f"Fact drift: {len(changed)} changed, {len(one_sided)} on one side only",
                       style="bold"))
    for title, group in (("Changed", changed), ("On one side only", one_sided)):
        if group:
            console.print(Text(f"{title}:"))
        for i, d in group:
            where = "article" if i is None else f"pair {i + 1}"
            console.print(Text(f"  ! {where}: {d.note}", style="bold magenta"))


def print_comparison(cmp: Comparison, changes_only: bool = False, width: int | None = None
                     ) -> None:
    """Side by side at the terminal's width (or `width`); in a pipe with no `width`, each
    row as a `pair N` line and one unwrapped `A:` and `B:` line, so it can be grepped."""
    from rich.text import Text

    console = _console(width)
    plain = not console.is_terminal or console.no_color
    s = cmp.summary()
    console.print(Text(f"A: {article_label(cmp.a)}  ({meta_line(cmp.a)})", style="bold"))
    console.print(Text(f"B: {article_label(cmp.b)}  ({meta_line(cmp.b)})", style="bold"))
    console.print(Text(
        f"{s.same} identical · {s.changed} changed · {s.dropped} dropped · {s.added} added · "
        f"{s.moved} moved · B explains {s.share_of_a_in_b:.0%} of A · A explains {s.share_of_b_from_a:.0%} of B"))
    from reader.corpus.derivation import derivation_of

    console.print(Text(f"B against A: {derivation_of(cmp).headline()}"))
    _print_facts(console, cmp)
    for i, p in enumerate(cmp.pairs):
        if changes_only and p.kind == "same" and not p.moved:
            continue
        mark = Text((KIND_MARK[p.kind] + ("M" if p.moved else "")).ljust(_MARK_W),
                    style=_COLOURS[p.kind])
        left, right = _styled_pair(cmp, i, plain)
        sim = f"{p.score:.0f}" if p.a and p.b else ""
        console.print()
        if console.soft_wrap:
            console.print(Text.assemble(mark, f"pair {i + 1}",
                                        f"  similarity {sim}" if sim else ""))
            if p.a:
                console.print(Text.assemble(" " * _MARK_W, "A: ", left))
            if p.b:
                console.print(Text.assemble(" " * _MARK_W, "B: ", right))
        else:
            for row in _side_by_side(console, mark, left, right, sim, console.width):
                console.print(row)
        for d in cmp.drift(i):
            console.print(Text(f"{' ' * _MARK_W}! {d.note}", style="bold magenta"))
    article_flags = cmp.article_drift()
    if article_flags:
        console.print()
    for d in article_flags:
        console.print(Text(f"! {d.note}", style="bold magenta"))
    console.print()
    console.print(Text("key: = identical  ~ changed  - dropped from A  + added in B  M moved"
                       "  ! fact drift" + ("  [-deleted-] {+inserted+}" if plain else ""),
                       style="dim"))


def print_sources(article: Article, ranked: list, checked: int, width: int | None = None,
                  derivation: dict | None = None) -> None:
    """The candidates that explain part of `article` (`ranked`), out of `checked`, after
    the derivation verdict against them taken together."""
    from rich.text import Text

    console = _console(width)
    _item(console, "", f"Likely sources of {article_label(article)} ({article.path})", "bold", 2)
    if derivation:
        console.print(Text(f"Verdict: {derivation['verdict']}", style="bold"))
        if derivation["sources"]:
            _item(console, "  - ", "against, taken together: " + ", ".join(derivation["sources"]))
        for reason in derivation["reasons"]:
            _item(console, "  - ", reason)
    others = f"{checked} other article{'s' if checked != 1 else ''}"
    if not ranked:
        console.print(Text(f"Checked {others}: none shares its sentences."))
    else:
        verb = "explains" if len(ranked) == 1 else "explain"
        console.print(Text(f"Checked {others}: {len(ranked)} {verb} part of it.", style="dim"))
    verdict = {"original": "likely the ORIGINAL of this article",
               "derivative": "likely COPIED FROM this article",
               "sibling": "likely written from the same wire copy",
               "unclear": "direction unclear"}
    for c in ranked:
        _item(console, "", f"{c.explained:4.0%} explained  {article_label(c.article)} "
              f"({outlet_label(c.article)}) · {verdict[c.direction]} · "
              f"confidence {c.confidence:.0%}", "bold", 6)
        console.print(Text(f"      {c.article.path}", style="dim"))
        for reason in c.reasons:
            _item(console, "      - ", reason)


def _item(console: Console, marker: str, text: str, style: str = "", hang: int | None = None) -> None:
    """A list item whose wrapped lines hang under its first word (or `hang` columns in),
    not under the marker, with no trailing spaces."""
    from rich.text import Text

    if console.soft_wrap:  # a pipe with no width: one line each, as before
        console.print(Text(marker + text, style=style))
        return
    indent = len(marker) if hang is None else hang
    for n, line in enumerate(Text(text, style=style).wrap(console, max(20, console.width - indent))):
        line.rstrip()
        console.print(Text(marker if n == 0 else " " * indent) + line)


def print_stories(stories: list, width: int | None = None) -> None:
    from rich.text import Text

    console = _console(width)
    for n, story in enumerate(stories, 1):
        versions = f"{len(story.members)} version{'s' if len(story.members) != 1 else ''}"
        console.print(Text(f"Story {n}: {story.label} ({versions})", style="bold"))
        for a in story.members:
            mark = "*" if story.original is a else " "
            console.print(Text(f"  {mark} {a.path}  ({outlet_label(a)})"))
        for reason in story.reasons:
            console.print(Text(f"    - {reason}", style="dim"))
    if any(s.original for s in stories):
        console.print(Text("* likely original (by wire slug lines, credits and dates)", style="dim"))
