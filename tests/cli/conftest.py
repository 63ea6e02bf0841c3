"""CLI tests run the real `reader` entry point in a subprocess, with private state dirs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_state(tmp_path, monkeypatch):
    """Subprocesses inherit throwaway cache and data dirs: tests never touch the user's."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
