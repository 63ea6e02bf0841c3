"""Shared test setup: a terminal environment that cannot change what tests see.

Colour and theme variables (NO_COLOR, TEXTUAL_THEME, ...) from the developer's shell
would change snapshots and colour-dependent output, so they are removed before any
test module imports textual; a test that needs one sets it with monkeypatch.

They are removed from the process's C environment too (`os.unsetenv`): GNU readline, once
initialised, exports COLUMNS/LINES there without touching `os.environ`, and the real
`reader` started in tmux would inherit a stale 80x24 from it.
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

def _scrub() -> None:
    for name in SCRUBBED_ENV:
        os.environ.pop(name, None)
        os.unsetenv(name)


_scrub()  # before textual.constants reads them at import


@pytest.fixture(autouse=True)
def _scrub_terminal_env() -> None:
    _scrub()
