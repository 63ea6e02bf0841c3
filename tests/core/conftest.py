"""Core tests: pure functions on made-up text and the seeds; no terminal, no subprocess
unless the unit under test is one."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_state(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
