"""`reader sentences FILE...`: the sentences of each file with their character offsets,
for research and to check the segmenter. By default the body of the cleaned article is
split (the same sentences and offsets as `reader diff`); `--raw` splits the whole file as
it is, with line breaks, bullets and list items ending sentences."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.errors import error
from reader.cli.inputs import add_format, command_parser, fetched, library

HELP = "the sentences of each file, with character offsets"
DESCRIPTION = (
    "Split each file into sentences and print them with their character offsets into the "
    "file's text (decoded, newlines normalised; for HTML, the text extracted from it): the "
    "same sentences and offsets as `reader diff`. By default only the article body that "
    "`reader clean` keeps is split; --raw splits the whole text as it is. The splitter needs "
    "no language: it knows the full stops of Latin, Cyrillic, Greek, Armenian, Arabic, "
    "Devanagari, Ethiopic, Burmese and CJK script, and abbreviations of many languages.")
EPILOG = """\
arguments:
  FILE      files, folders, http(s) URLs, or - for standard input (once)

formats:
  text      one sentence a line (any run of spaces or line breaks in it printed as one
            space); with several files, each starts with a line "==> PATH <==" and
            files are separated by a blank line
  jsonl     one object a file: {path, sentences: [{text, start, end}]}, where text is
            the file's text[start:end] (decoded, newlines normalised)
  json      a list of those objects"""


def add_parser(sub, common) -> None:
    p = command_parser(sub, "sentences", HELP, DESCRIPTION, EPILOG)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="files, folders, http(s) URLs, or - for standard input")
    p.add_argument("--raw", action="store_true",
                   help="split the whole text as it is, without cleaning it first")
    add_format(p, ("text", "json", "jsonl"))
    common(p)
    p.set_defaults(handler=cmd_sentences)


def _cleaned(args: argparse.Namespace) -> list[tuple[str, list]]:
    from reader.segment import split_article

    lib = library(args.files, args)
    return [(a.path, split_article(a)) for a in lib.articles]


def _raw(args: argparse.Namespace) -> list[tuple[str, list]]:
    from reader.cli.errors import read_or_report
    from reader.ingest import list_inputs
    from reader.segment import split_text

    listing = list_inputs(fetched(args.files, args))
    for e in listing.errors:
        error(e.message())
    out = []
    for path in listing.files:
        source = read_or_report(path, args.max_size)
        if source is not None:
            out.append((source.path, split_text(source.text)))
    return out


def _object(path: str, sentences: list) -> dict:
    return {"path": path,
            "sentences": [{"text": s.text, "start": s.start, "end": s.end} for s in sentences]}


def cmd_sentences(args: argparse.Namespace) -> int:
    files = _raw(args) if args.raw else _cleaned(args)
    if args.format == "json":
        print(json.dumps([_object(p, s) for p, s in files], ensure_ascii=False))
    elif args.format == "jsonl":
        for path, sentences in files:
            print(json.dumps(_object(path, sentences), ensure_ascii=False))
    else:
        for i, (path, sentences) in enumerate(files):
            lines = [" ".join(s.text.split()) for s in sentences]
            if len(files) > 1:
                lines.insert(0, ("\n" if i else "") + f"==> {path} <==")
            if lines:
                sys.stdout.write("\n".join(lines) + "\n")
    return 0 if files else 1
