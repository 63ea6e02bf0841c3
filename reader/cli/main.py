"""The `reader` command: the TUI with no subcommand, scriptable subcommands otherwise.

Every failure a user can cause prints one line on stderr naming the file and the
problem; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import review, story
from reader.cli.errors import error
from reader.ingest import DEFAULT_MAX_BYTES

SUBCOMMANDS = ("clean", "diff", "sources", "stories", "story", "review")


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


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="refuse files larger than this (default 20MB)")
    p.add_argument("--no-cache", action="store_true",
                   help="do not read or write the cache of cleaned articles")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read versions of a news story and see what a rewrite changed. "
                    "With no subcommand, opens the terminal app on PATHs (default: bundled seeds).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("clean", help="extract the article (and metadata) from page dumps")
    p.add_argument("files", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--format", choices=("text", "json", "jsonl", "markdown"), default="text")
    p.add_argument("--show-removed", action="store_true",
                   help="text/markdown: also list the removed lines and why")
    _common(p)

    p = sub.add_parser("diff", help="align the sentences of two versions")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    p.add_argument("--split", choices=("sentences", "lines"), default="sentences",
                   help="lines: each non-empty line is one sentence, no cleaning")
    p.add_argument("--changes-only", action="store_true", help="text: hide identical pairs")
    _common(p)

    p = sub.add_parser("sources", help="rank the likely sources of an article in a corpus")
    p.add_argument("file", metavar="FILE")
    p.add_argument("corpus", nargs="*", metavar="CORPUS",
                   help="files or folders to search (default: the file's folder)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _common(p)

    p = sub.add_parser("stories", help="group the articles of folders into stories")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _common(p)

    story.add_parser(sub, _common)
    review.add_parser(sub, _common)
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader",
        description="Open the terminal app on files and folders (default: the bundled seeds). "
                    f"Subcommands: {', '.join(SUBCOMMANDS)} (reader COMMAND --help).",
    )
    p.add_argument("--version", action="version", version=f"reader {__version__}")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _common(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_parser().parse_args(argv)
            from reader.cli import commands

            handler = getattr(args, "handler", None) or getattr(commands, f"cmd_{args.command}")
            return handler(args)
        if argv and argv[0] in ("-h", "--help") and len(argv) == 1:
            build_parser().print_help()
            return 0
        args = build_tui_parser().parse_args(argv)
        from reader import prefetch
        from reader.library import default_paths

        paths = args.paths or default_paths()
        from reader.fetch import is_url, resolve

        if any(map(is_url, paths)):  # fetched and saved before the app starts
            print("reader: fetching " + ", ".join(filter(is_url, paths)), file=sys.stderr)
            paths, failed = resolve(paths, args.max_size)
            for line in failed:
                error(line)
            if not paths:
                return 1
        # before Textual is imported: the helper cleans on another core meanwhile
        helper = None if args.no_cache else prefetch.Helper(paths, args.max_size)
        from reader.tui.app import run

        return run(paths, args.max_size, use_cache=not args.no_cache, helper=helper)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # output piped to `head`: not an error worth a message
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        error(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
