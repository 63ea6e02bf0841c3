"""What the subcommands share: their common options, reading what they are given (files,
folders, http(s) URLs, `-` for standard input), and printing JSON.

Where a command expects one article, a folder is refused by name, never read for its
first file; standard input can be named once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from reader.cli.errors import error, read_or_report
from reader.ingest import DEFAULT_MAX_BYTES, STDIN
from reader.library import Library, load_library
from reader.model import Article

INPUT_HELP = "a file, an http(s) URL, or - for standard input"


def _size(value: str) -> int:
    """Parse sizes like 20MB, 512k, 1G or a byte count."""
    v = value.strip().upper().rstrip("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(v[-1:], 1)
    try:
        n = float(v[:-1] if v[-1:] in "KMG" else v) * mult
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20MB)") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("the size limit must be positive")
    return int(n)


def _columns(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of columns: {value!r}") from None
    if n < 40:
        raise argparse.ArgumentTypeError("the width must be at least 40 columns")
    return n


def add_common(p: argparse.ArgumentParser) -> None:
    """--max-size and --no-cache, which every command that reads articles takes."""
    p.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="refuse files larger than this (default 20MB)")
    p.add_argument("--no-cache", action="store_true",
                   help="do not read or write the cache of cleaned articles")


def add_format(p: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    """--format, its choices described in the command's epilog."""
    p.add_argument("--format", choices=choices, default=choices[0],
                   help=f"what to print (see formats below; default {choices[0]})")


def add_width(p: argparse.ArgumentParser) -> None:
    p.add_argument("--width", type=_columns, metavar="N",
                   help="text: wrap at N columns (default: the terminal's width; "
                        "in a pipe, no wrapping)")


def command_parser(sub, name: str, summary: str, description: str, epilog: str
                   ) -> argparse.ArgumentParser:
    """A subcommand parser whose --help keeps the line breaks of its description and
    epilog (they describe the formats column by column)."""
    return sub.add_parser(name, help=summary, description=description, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _progress(done: int, total: int, what: str) -> None:
    """A one-line counter on stderr, only when a person is watching it."""
    if total >= 50 and (done == total or done % 25 == 0):
        label = what if what in ("sketching", "matching", "confirming") else "loading"
        end = "\n" if done == total else ""
        print(f"\rreader: {label} {done}/{total}\x1b[K", end=end, file=sys.stderr, flush=True)


def watcher():
    return _progress if sys.stderr.isatty() else None


def stdin_once(paths: list[str]) -> bool:
    """False, and says so, when `-` is named twice: standard input can be read once."""
    if paths.count(STDIN) > 1:
        error("standard input (-) can be read only once: name it for one input at most")
        return False
    return True


def has_corpus(file: str, corpus: list[str], command: str) -> bool:
    """False, and says so, for an article from standard input with no CORPUS named: it
    has no folder to search."""
    if file == STDIN and not corpus:
        error(f"-: an article from standard input has no folder: name the CORPUS to search "
              f"(reader {command} - FOLDER)")
        return False
    return True


def fetched(paths: list[str], args: argparse.Namespace) -> list[str]:
    """The paths with each http(s) URL fetched and replaced by its saved page (see
    reader.fetch); a URL that cannot be fetched is reported in one line and left out."""
    from reader.fetch import resolve

    def say(url: str) -> None:
        if sys.stderr.isatty():
            print(f"reader: fetching {url}", file=sys.stderr, flush=True)

    paths, failed = resolve(paths, args.max_size, say)
    for line in failed:
        error(line)
    return paths


def library(paths: list[str], args: argparse.Namespace) -> Library:
    """load_library for a command, through the on-disk cache unless --no-cache; every
    file that cannot be read is reported, one line each."""
    paths = fetched(paths, args)
    if args.no_cache:
        lib = load_library(paths, watcher(), max_bytes=args.max_size)
    else:
        from reader.cache import Cache

        with Cache() as cache:
            lib = load_library(paths, watcher(), max_bytes=args.max_size, cache=cache)
    for e in lib.errors:
        error(e.message())
    return lib


def is_folder(path: str, why: str) -> bool:
    """True, and says so naming it, when `path` is a folder where one file is expected."""
    if path != STDIN and os.path.isdir(path):
        error(f"{path}: is a folder, not a file; {why}")
        return True
    return False


def one(path: str, args: argparse.Namespace, why: str) -> Article | None:
    """One file (or URL, or `-`), cleaned and labelled by its folder's sources.toml;
    None, with the reason printed, when it cannot be read or is a folder."""
    if is_folder(path, why):
        return None
    lib = library([path], args)
    return lib.articles[0] if lib.articles else None


_PAIR_ONLY = "a comparison needs two files (see a folder's stories with: reader stories FOLDER)"


def _side(path: str, args: argparse.Namespace) -> Article | None:
    if getattr(args, "split", "sentences") != "lines":
        return one(path, args, _PAIR_ONLY)
    if is_folder(path, _PAIR_ONLY):
        return None
    paths = fetched([path], args)
    source = read_or_report(paths[0], args.max_size) if paths else None
    if source is None:
        return None
    return Article(path=source.path, text=source.text, encoding=source.encoding,
                   sha256=source.sha256)


def load_pair(a_path: str, b_path: str, args: argparse.Namespace):
    """The Comparison of two inputs (None when either cannot be read; reported)."""
    from reader.compare import compare

    if not stdin_once([a_path, b_path]):
        return None
    a = _side(a_path, args)
    b = _side(b_path, args)
    if a is None or b is None:
        return None
    return compare(a, b, getattr(args, "split", "sentences"))
