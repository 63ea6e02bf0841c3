"""Shared test setup: a terminal environment that cannot change what tests see.

Colour and theme variables (NO_COLOR, TEXTUAL_THEME, ...) from the developer's shell
would change snapshots and colour-dependent output, so they are removed before any
test module imports textual; a test that needs one sets it with monkeypatch.
"""

from __future__ import annotations

import os

import pytest

SCRUBBED_ENV = (
    "NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "COLUMNS", "LINES",
    "TEXTUAL_THEME", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_FILTERS", "TEXTUAL_ANIMATIONS",
    "TEXTUAL_DRIVER", "TEXTUAL_PRESS", "TEXTUAL_DEBUG", "TEXTUAL_LOG", "TEXTUAL_FPS",
    "TEXTUAL_DIM_FACTOR", "TEXTUAL_SMOOTH_SCROLL",
)

for _name in SCRUBBED_ENV:  # before textual.constants reads them at import
    os.environ.pop(_name, None)


@pytest.fixture(autouse=True)
def _scrub_terminal_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCRUBBED_ENV:
        monkeypatch.delenv(name, raising=False)
