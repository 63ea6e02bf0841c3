"""The `reader` command line: the TUI with no subcommand, scriptable subcommands otherwise."""

from reader.cli.main import main

__all__ = ["main"]
