"""`reader diff A B`: what version B did with version A, sentence by sentence."""

from __future__ import annotations

import argparse
import sys

from reader.cli.inputs import (
    INPUT_HELP,
    add_format,
    add_width,
    command_parser,
    dump,
    load_pair,
)

DESCRIPTION = """\
Align the sentences of two versions of an article and show what B did with A: which
sentences it kept, changed, dropped, added or moved, which words changed, and which
changes alter facts (numbers, quotes, names, credits, negations)."""

EPILOG = """\
arguments:
  A, B      each a file, an http(s) URL, or - for standard input (one of the two at most);
            a folder is refused

formats:
  text      a header (both sides, their metadata, the counts), then one row per aligned
            pair: = identical, ~ changed, - dropped from A, + added in B, M moved; the
            similarity (0-100) on the right; fact drift under its row as "! note".
            On a terminal: A and B side by side at its width (or --width N), changed
            words in colour. In a pipe: never wrapped, each row a "pair N" line followed
            by one "A:" and one "B:" line, changed words as [-deleted-] and {+inserted+}.
  json      one object: a and b (path, title, byline, date, dateline, outlet, url,
            attribution, encoding, fetched), split, summary (counts, share_of_a_in_b, share_of_b_from_a),
            sentences.a / sentences.b ([{text, start, end}]), pairs ([{kind, a, b, score,
            moved, drift}]: a and b index the sentences, every sentence is in exactly one
            pair) and article_drift. A drift finding is {kind, a_text, b_text, a_start,
            a_end, b_start, b_end, note, id, review, ...}. Every offset, sentence or
            drift, counts characters of that side's article text: the decoded file with
            newlines normalised (for an HTML page, the text extracted from it); -1 when
            a finding has no text on that side.
  markdown  a report: the sides, the counts, the fact changes first, then every pair
            with [-deleted-] and {+inserted+} (article text escaped)
  html      a self-contained page to mail or print: the derivation verdict and metadata,
            the fact changes first with both sentences as evidence, then both versions
            side by side (one column on a phone) with <del> and <ins>; no script, nothing
            loaded from the network"""


def add_parser(sub, common) -> None:
    p = command_parser(sub, "diff", "align the sentences of two versions", DESCRIPTION,
                       EPILOG)
    p.add_argument("a", metavar="A", help=f"the earlier version: {INPUT_HELP}")
    p.add_argument("b", metavar="B", help=f"the version to check: {INPUT_HELP}")
    add_format(p, ("text", "json", "markdown", "html"))
    p.add_argument("--split", choices=("sentences", "lines"), default="sentences",
                   help="lines: each non-empty line is one sentence, no cleaning "
                        "(for corpora that come split)")
    p.add_argument("--changes-only", action="store_true", help="text: hide identical pairs")
    add_width(p)
    common(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.reviews import ReviewStore

    cmp = load_pair(args.a, args.b, args)
    if cmp is None:
        return 1
    reviews = ReviewStore()
    if args.format == "json":
        from reader.render.records import comparison_record

        print(dump(comparison_record(cmp, reviews)))
    elif args.format == "markdown":
        from reader.render.export import render_markdown

        sys.stdout.write(render_markdown(cmp, reviews=reviews) + "\n")
    elif args.format == "html":
        from reader.render.html import render_html

        sys.stdout.write(render_html(cmp, reviews))
    else:
        from reader.render.text import print_comparison

        print_comparison(cmp, changes_only=args.changes_only, width=args.width)
    return 0
