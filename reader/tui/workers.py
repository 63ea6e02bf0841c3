"""Helpers for the app's worker threads."""

from __future__ import annotations

import threading
import time

from textual.worker import Worker


def wait_unless_cancelled(event: threading.Event, worker: Worker) -> bool:
    """Block a worker thread until `event` is set (e.g. by the UI once it painted);
    False if the worker was cancelled first (the screen closed)."""
    while not event.wait(0.05):
        if worker.is_cancelled:
            return False
    return True


class Handoff:
    """The first items a worker produces, handed to the UI thread before its first paint.

    The UI waits (`take`) at most a short time for them, so a small folder is all there
    in the first frame (no empty frame, no second layout) while a slow disk or a hung
    mount still cannot hold the first paint up for longer than that. After `take`, the
    worker sends the rest as usual (`offer` returns False). Measured on a first launch
    (bench/README.md): without it the first screen with articles comes about 0.14 s later
    on the seeds (an empty frame is painted first)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._items: list = []
        self._finished = False  # the worker produced everything before the UI took
        self._closed = False  # the UI has taken what there was

    def offer(self, item: object) -> bool:
        """Worker: pass `item` to the UI's first frame; False once that frame has gone."""
        with self._cond:
            if self._closed:
                return False
            self._items.append(item)
            self._cond.notify()
            return True

    def finish(self) -> bool:
        """Worker: nothing more will come; True if the UI will learn it from `take`."""
        with self._cond:
            if self._closed:
                return False
            self._finished = True
            self._cond.notify()
            return True

    def take(self, seconds: float) -> tuple[list, bool]:
        """UI: wait up to `seconds` for the worker to finish; what it offered by then, and
        whether it finished. Later offers are refused."""
        deadline = time.monotonic() + seconds
        with self._cond:
            while not self._finished:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._cond.wait(remaining):
                    break
            self._closed = True
            items, self._items = self._items, []
            return items, self._finished
