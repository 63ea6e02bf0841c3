"""TUI tests: Pilot and snapshots of the app in-process, with private state dirs."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_state(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
