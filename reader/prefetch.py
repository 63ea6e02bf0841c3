"""Clean the first files of a TUI launch in a helper process, into the cache.

Starting the TUI spends about 0.3 s importing and drawing on one core, and on a first
launch the files then still have to be cleaned (compiling the cleaner's rules alone costs
tens of milliseconds) before the first screen can show them. A helper process does that
cleaning on another core meanwhile and stores the articles in the cache, so the app's
own loader finds them there. It is only an accelerator: it never writes to the terminal
or to the user's files, every failure in it is silent, and the app cleans whatever the
helper did not (or could not) clean itself.

    python -m reader.prefetch [--max-bytes N] PATH...
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

FIRST_FILES = 64  # the files a first screen can show; the app's loader does the rest


def first_files(paths: Sequence[str]) -> list[str]:
    """The files the app lists first: the ones worth cleaning ahead."""
    from reader.ingest import list_inputs

    return list_inputs(paths).files[:FIRST_FILES]


def start(paths: Sequence[str], max_bytes: int) -> subprocess.Popen | None:
    """Start the helper process on `paths`; None where it is not needed (the cache
    already holds those files, as on every launch after the first) or cannot help (one
    core: it would only compete with the app; no interpreter to start). Blocks on the
    file system (a listing and a stat per file): the app calls it through `Helper`."""
    import subprocess

    from reader.cache import Cache

    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if cores < 2 or not sys.executable:
        return None
    with Cache() as cache:
        if not cache.enabled or cache.knows_files(first_files(paths)):
            return None
    # -S skips `site` (its .pth files cost tens of ms per start here); the helper gets this
    # interpreter's import path instead, with reader's own folder first (an editable
    # install finds reader through a .pth hook, which -S would skip); -P keeps the current
    # folder (perhaps the user's own "reader" folder of articles) off that path
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_root, *filter(None, sys.path)]))
    try:
        return subprocess.Popen(
            [sys.executable, "-S", "-P", "-m", "reader.prefetch", "--max-bytes", str(max_bytes),
             "--", *paths],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
    except OSError:
        return None


class Helper:
    """The helper process, started from a thread: the app never waits on the file system
    before its first screen (a slow or hung mount could stall `start`'s listing), and the
    check runs while the main thread imports Textual."""

    def __init__(self, paths: Sequence[str], max_bytes: int) -> None:
        self.process: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._start, args=(list(paths), max_bytes),
                                        name="reader-prefetch", daemon=True)
        self._thread.start()

    def _start(self, paths: list[str], max_bytes: int) -> None:
        try:
            self.process = start(paths, max_bytes)
        except Exception:  # noqa: BLE001 - an accelerator: the loader cleans by itself
            self.process = None

    def finish(self, timeout: float) -> None:
        """Wait up to `timeout` s for the helper to be done (so the loader does not clean
        the same files twice); one still running then is left to finish on its own."""
        import subprocess

        deadline = time.monotonic() + timeout
        self._thread.join(timeout)
        if self.process is not None:
            try:
                self.process.wait(max(deadline - time.monotonic(), 0))
            except subprocess.TimeoutExpired:
                pass


def prefetch(paths: Sequence[str], max_bytes: int) -> int:
    """Clean the first FIRST_FILES files under `paths` into the cache; how many were
    readable."""
    from reader.cache import Cache
    from reader.ingest import IngestError
    from reader.library import load_article

    done = 0
    with Cache() as cache:
        if not cache.enabled:
            return 0
        for path in first_files(paths):
            try:
                sha = load_article(path, max_bytes, cache).sha256
            except IngestError:
                sha = None
            else:
                done += 1
            cache.remember_file(path, sha)  # the next launch then needs no helper
    return done


def main(argv: Sequence[str]) -> int:
    """`[--max-bytes N] [--] PATH...`; 0 when done, 1 on any failure (never a message:
    nobody reads the helper's output)."""
    from reader.ingest import DEFAULT_MAX_BYTES

    args = list(argv)
    try:
        max_bytes = DEFAULT_MAX_BYTES
        if args[:1] == ["--max-bytes"]:
            max_bytes, args = int(args[1]), args[2:]
        if args[:1] == ["--"]:
            args = args[1:]
        prefetch(args, max_bytes)
    except Exception:  # noqa: BLE001 - an accelerator: the app does the work itself anyway
        return 1
    return 0


if __name__ == "__main__":
    # the cache is committed and closed by now: skip the interpreter's teardown (several
    # ms of freeing modules), which the app's loader would otherwise wait for
    os._exit(main(sys.argv[1:]))
