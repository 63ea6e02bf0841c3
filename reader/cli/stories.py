"""`reader stories PATH...`: a corpus grouped into stories, the versions of each."""

from __future__ import annotations

import argparse

from reader.cli.errors import error
from reader.cli.inputs import add_format, add_width, command_parser, dump, library, watcher

DESCRIPTION = """\
Group the articles of files and folders into stories: the versions of one story (a wire
report, its reprints and its rewrites) together, the likely original of each named,
with the reasons."""

EPILOG = """\
arguments:
  PATH      files, folders or http(s) URLs

formats:
  text      per story: "Story N: LABEL (K versions)", then each version's path and outlet
            (* marks the likely original), then the reasons; paths are never broken
            across lines in a pipe
  json      {stories: [{label, members: [{path, title, outlet}], original (a path or
            null), links: [{a, b, containment, matched, how}]: how each pair of versions
            was found related, reasons}]}"""


def add_parser(sub, common) -> None:
    p = command_parser(sub, "stories", "group the articles of folders into stories",
                       DESCRIPTION, EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or URLs")
    add_format(p, ("text", "json"))
    add_width(p)
    common(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reader.corpus.stories import group_stories

    lib = library(args.paths, args)
    if not lib.articles:
        error("no readable articles in " + ", ".join(args.paths))
        return 1
    stories = group_stories(lib.articles, progress=watcher())
    if args.format == "json":
        print(dump({"stories": [s.to_dict() for s in stories]}))
        return 0
    from reader.render.text import print_stories

    print_stories(stories, width=args.width)
    return 0
