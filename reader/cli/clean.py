"""`reader clean`: the article (and what the page says about itself) out of page dumps."""

from __future__ import annotations

import argparse
import sys

from reader.cli.inputs import add_format, command_parser, dump, library, stdin_once

DESCRIPTION = """\
Extract the article from saved web pages or text dumps: its title, metadata and body,
with the page furniture (navigation, captions, share buttons, ...) removed, each removed
line with its reason."""

EPILOG = """\
arguments:
  PATH      files, folders (every .txt, .text, .md, .html, .htm, .xhtml file and file
            without an extension in them, hidden ones skipped), http(s) URLs, or - for
            standard input (once)

formats:
  text      the title, a metadata line (outlet · date · byline · dateline · credits ·
            words; unknowns said so), then the body, one paragraph a line, blank lines
            between; --show-removed adds each removed line, in place, as
            "[removed: REASON] text"
  markdown  the same as a Markdown document (article text escaped)
  json      one object per file (a list of them for several files): path, title, byline,
            date, dateline, outlet, url, attribution (the credited sources), encoding,
            paragraphs (the body, datelines and credit lines included) and removed
            ([{text, reason}]); unknown metadata is null, never a guess
  jsonl     the same objects, one a line

A file that cannot be read gets one line on stderr naming it and the problem; the exit
status is 1 only when nothing could be read."""


def add_parser(sub, common) -> None:
    p = command_parser(sub, "clean", "extract the article (and metadata) from page dumps",
                       DESCRIPTION, EPILOG)
    p.add_argument("files", nargs="+", metavar="PATH", help="files, folders, URLs or -")
    add_format(p, ("text", "json", "jsonl", "markdown"))
    p.add_argument("--show-removed", action="store_true",
                   help="text/markdown: also show the removed lines and why")
    common(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.render.records import article_record
    from reader.render.text import article_markdown, article_text

    if not stdin_once(args.files):
        return 2
    lib = library(args.files, args)
    for article in lib.articles:
        if args.format == "jsonl":
            print(dump(article_record(article)))
        elif args.format == "text":
            sys.stdout.write(article_text(article, args.show_removed))
        elif args.format == "markdown":
            sys.stdout.write(article_markdown(article, args.show_removed))
    if args.format == "json" and lib.articles:
        records = [article_record(a) for a in lib.articles]
        print(dump(records[0] if len(records) == 1 else records))
    return 0 if lib.articles else 1
