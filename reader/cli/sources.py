"""`reader sources FILE [CORPUS...]`: which articles of a corpus a file was likely
written from, and which were written from it."""

from __future__ import annotations

import argparse
import os

from reader.cli.inputs import (INPUT_HELP, add_format, add_width, command_parser, dump,
                               has_corpus, library, one)

DESCRIPTION = """\
Rank the other articles of a corpus by how much of FILE they explain (the share of its
text in sentences they share), and say for each which is likely the original and which
the copy, how sure that is, and why, in sentences you can check. Only candidates that
share something with FILE are listed; the output says how many were checked."""

EPILOG = """\
arguments:
  FILE      the article to trace: a file, an http(s) URL, or - for standard input
            (then name the CORPUS); a folder is refused
  CORPUS    files, folders or URLs to search (default: FILE's folder)

formats:
  text      "Checked N other articles: M explain part of it.", then per candidate,
            best first: the share explained, its title and outlet, the direction
            (likely the ORIGINAL of FILE, likely COPIED FROM FILE, likely written from
            the same wire copy, or unclear), the
            confidence, its path, and the reasons
  json      {article, checked, derivation, candidates: [{path, title, outlet, explained
            (0-1), direction (original | derivative | sibling | unclear), confidence (0-1),
            reasons}]};
            derivation is FILE against its likely sources taken together: {verdict
            (wholly-derived | partially-derived | independent), share, verbatim_share,
            sequence_share, words_found (0-1), sources (paths), reasons}"""

_ONE_FILE = "sources traces one article (a folder can be the CORPUS to search)"


def add_parser(sub, common) -> None:
    p = command_parser(sub, "sources", "rank the likely sources of an article in a corpus",
                       DESCRIPTION, EPILOG)
    p.add_argument("file", metavar="FILE", help=f"the article to trace: {INPUT_HELP}")
    p.add_argument("corpus", nargs="*", metavar="CORPUS",
                   help="files, folders or URLs to search (default: FILE's folder)")
    add_format(p, ("text", "json"))
    add_width(p)
    common(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.corpus.derivation import derive_from_ranked
    from reader.corpus.provenance import rank_sources

    if not has_corpus(args.file, args.corpus, "sources"):
        return 2
    article = one(args.file, args, _ONE_FILE)
    if article is None:
        return 1
    lib = library(args.corpus or [os.path.dirname(article.path) or "."], args)
    target = os.path.realpath(article.path)
    corpus = [o for o in lib.articles if os.path.realpath(o.path) != target]
    everyone = rank_sources(article, corpus)
    ranked = [c for c in everyone if c.explained > 0]
    derivation = derive_from_ranked(article, everyone, corpus).to_dict()
    if args.format == "json":
        print(dump({"article": article.path, "checked": len(corpus), "derivation": derivation,
                    "candidates": [c.to_dict() for c in ranked]}))
        return 0
    from reader.render.text import print_sources

    print_sources(article, ranked, len(corpus), width=args.width, derivation=derivation)
    return 0
