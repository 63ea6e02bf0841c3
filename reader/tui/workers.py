"""Helpers for the app's worker threads."""

from __future__ import annotations

import threading

from textual.worker import Worker


def wait_unless_cancelled(event: threading.Event, worker: Worker) -> bool:
    """Block a worker thread until `event` is set (e.g. by the UI once it painted);
    False if the worker was cancelled first (the screen closed)."""
    while not event.wait(0.05):
        if worker.is_cancelled:
            return False
    return True

