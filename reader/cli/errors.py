"""How the CLI reports a failure: one line on stderr naming the file and the problem."""

from __future__ import annotations

import sys

from reader.ingest import DEFAULT_MAX_BYTES, IngestError, read_source


def error(message: str) -> None:
    print(f"reader: {message}", file=sys.stderr)


def read_or_report(path: str, max_bytes: int = DEFAULT_MAX_BYTES):
    """read_source, with the failure printed as one line; None on failure."""
    try:
        return read_source(path, max_bytes)
    except IngestError as exc:
        error(f"{path}: {exc}")
        return None
