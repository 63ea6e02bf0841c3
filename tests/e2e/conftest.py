"""End-to-end tests: the real command in a real terminal (tmux) or the real bench scripts."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_state(tmp_path, monkeypatch):
    """Child processes inherit throwaway cache and data dirs."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
