"""`reader` with no subcommand: the files start loading before Textual is imported."""

from __future__ import annotations

from reader.ingest import DEFAULT_MAX_BYTES
from reader.tui.memory import hold_collections
from reader.tui.preload import Preload


def run(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, use_cache: bool = True) -> int:
    """Start the TUI on `paths` (empty: the bundled seeds); returns the exit code.
    With `use_cache`, cleaned articles come from (and go to) the on-disk cache.

    The first file is read (on a first launch, cleaned) in a thread of its own while
    Textual is imported, so the app's first frame can show it (reader.tui.preload);
    the garbage collector waits until that frame is out (reader.tui.memory)."""
    hold_collections()
    from reader.library import default_paths

    paths = list(paths) or default_paths()
    preload = Preload(paths, max_bytes, use_cache)
    from reader.tui.app import ReaderApp  # imports Textual

    app = ReaderApp(paths, max_bytes, use_cache, preload)
    app.run()
    return app.return_code or 0
