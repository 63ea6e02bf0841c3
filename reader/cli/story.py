"""`reader story FILE [CORPUS...]`: the whole story at once. The story's original (or
FILE) sentence by sentence, each other version of the story found in CORPUS (default:
FILE's folder) across, with what it kept, changed or dropped, its fact drift, its
derivation verdict and the sentences it added."""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import nullcontext

from reader.cli.errors import error
from reader.cli.inputs import add_format, command_parser, has_corpus, library, one

HELP = "every version of a story at once: the original's sentences against each version"
EPILOG = """\
arguments:
  FILE      one version of the story: a file, an http(s) URL, or - for standard input
            (then name the CORPUS); a folder is refused
  CORPUS    files, folders or URLs holding the other versions (default: FILE's folder)

formats:
  text      a grid of marks (= kept, ~ changed, ! fact drift, - dropped, moved ↕), the
            original's sentences down the side and a column per version, with the
            versions, drift notes and added sentences
  json      {original, versions: [{path, title, outlet, derivation}], rows: [{sentence,
            cells: {path: {kind, score, moved, drift}}}], added: {path: [sentences]}}
  markdown  the same as a report (article text escaped)
  html      the report as a self-contained page (no script, nothing fetched)"""


def add_parser(sub, common) -> None:
    p = command_parser(sub, "story", HELP, HELP + ".", EPILOG)
    p.add_argument("file", metavar="FILE", help="one version of the story (a file or an http(s) URL)")
    p.add_argument("corpus", nargs="*", metavar="CORPUS",
                   help="files, folders or URLs holding the other versions (default: FILE's folder)")
    add_format(p, ("text", "json", "markdown", "html"))
    common(p)
    p.set_defaults(handler=cmd_story)


def _progress(done: int, total: int, path: str) -> None:
    end = "\n" if done == total else ""
    print(f"\rreader: comparing {done}/{total}\x1b[K", end=end, file=sys.stderr, flush=True)


def cmd_story(args: argparse.Namespace) -> int:
    from reader.cache import Cache
    from reader.corpus.story import story_members, story_table

    if not has_corpus(args.file, args.corpus, "story"):
        return 2
    article = one(args.file, args, "story follows one article (a folder can be the CORPUS)")
    if article is None:
        return 1
    where = args.corpus or [os.path.dirname(article.path) or "."]
    lib = library(where, args)
    target = os.path.realpath(article.path)
    corpus = [o for o in lib.articles if os.path.realpath(o.path) != target]
    with nullcontext() if args.no_cache else Cache() as store:  # comparisons kept there
        original, versions, take = story_members(article, corpus, store)
        if not versions:
            error(f"{args.file}: no other version of this story in " + ", ".join(where))
        table = story_table(original, versions, _progress if sys.stderr.isatty() else None,
                            store, take)
    if args.format == "json":
        print(json.dumps(table.to_dict(), ensure_ascii=False))
    else:
        from reader.render.story import story_html, story_markdown, story_text

        render = {"text": story_text, "markdown": story_markdown, "html": story_html}[args.format]
        sys.stdout.write(render(table))
    return 0
