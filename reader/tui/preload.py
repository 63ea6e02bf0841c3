"""Reading the files from the moment `reader` is launched, before Textual is imported.

On a first launch (nothing cached) the first screen waits for the cleaner: importing it
compiles its rules (about 45 ms) and then the first file is cleaned. Started before
Textual's own import, that work is done by the time the library screen mounts, so the
first frame the app paints already shows the first article; started from the screen,
the app painted an empty list first and the article one frame later. Imports no Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import nullcontext

from reader.cache import Cache
from reader.library import Entry, iter_entries
from reader.model import Article

Item = tuple[int, int, Entry]  # (files done, files in all, entry), as iter_entries yields


class Preload:
    """The entries under `paths`, read in a thread of its own up to the first article.

    It stops there, so that it competes with the app's start-up (one interpreter lock)
    for no more than the first screen needs; the app's load worker carries on with
    `items()`. The files are read once: `items()` can be iterated once."""

    def __init__(self, paths: Sequence[str], max_bytes: int, use_cache: bool) -> None:
        self._entries = self._read(list(paths), max_bytes, use_cache)
        self._first: list[Item] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read_first, name="reader-preload",
                                        daemon=True)  # never holds up the exit
        self._thread.start()

    @staticmethod
    def _read(paths: list[str], max_bytes: int, use_cache: bool) -> Iterator[Item]:
        with Cache() if use_cache else nullcontext() as cache:
            yield from iter_entries(paths, max_bytes, cache)

    def _read_first(self) -> None:
        try:
            for item in self._entries:
                self._first.append(item)
                if isinstance(item[2], Article):
                    return
        except BaseException as exc:  # noqa: BLE001 - raised again by items(), in the app
            self._error = exc

    def ready(self) -> list[Item]:
        """What the thread read, once it is done (never waits: [] until then). The
        entries a first screen can show at once."""
        return [] if self._thread.is_alive() else list(self._first)

    def items(self) -> Iterator[Item]:
        """Every item, in order, from the first: waits for the thread, then reads on.
        Closing this iterator (or reading it to the end) commits and closes the cache."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        try:
            yield from self._first
            yield from self._entries
        finally:
            self._entries.close()
