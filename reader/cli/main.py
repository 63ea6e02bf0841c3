"""The `reader` command: the TUI with no subcommand, scriptable subcommands otherwise.

Each subcommand is a module of this package named after it, with `add_parser(sub,
common)` (which sets `handler` on its parser); add one by naming it in SUBCOMMANDS. They
are imported only to run one, so opening the app does not pay for them.
Every failure a user can cause prints one line on stderr naming the file and the
problem; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from reader import __version__
from reader.cli.errors import error
from reader.cli.inputs import add_common
from reader.ingest import STDIN

SUBCOMMANDS = ("clean", "diff", "sentences", "sources", "stories", "story", "review")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read versions of a news story and see what a rewrite changed. "
                    "With no subcommand, opens the terminal app on PATHs (default: bundled "
                    "seeds). Each COMMAND --help describes its arguments and formats.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        import_module(f"reader.cli.{name}").add_parser(sub, add_common)
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader",
        description="Open the terminal app on files and folders (default: the bundled seeds). "
                    f"Subcommands: {', '.join(SUBCOMMANDS)} (reader COMMAND --help).",
    )
    p.add_argument("--version", action="version", version=f"reader {__version__}")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or http(s) URLs")
    add_common(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_parser().parse_args(argv)
            code = args.handler(args)
            sys.stdout.flush()  # a reader that stopped early (`| head`) is seen here, not at exit
            return code
        if argv and argv[0] in ("-h", "--help") and len(argv) == 1:
            build_parser().print_help()
            return 0
        args = build_tui_parser().parse_args(argv)
        if STDIN in args.paths:
            error("-: the app reads the keyboard, so it cannot read an article from standard "
                  "input: save it to a file, or use a command (reader clean -, reader diff - B)")
            return 2
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
        from reader.tui.launch import run

        return run(paths, args.max_size, use_cache=not args.no_cache)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # output piped to `head`: not an error worth a message. Point stdout at devnull so
        # the interpreter's own flush at exit cannot fail again and turn the exit code to 1.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        error(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
