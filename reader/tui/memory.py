"""Keeping the garbage collector's full collections short while the app runs."""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Move every object alive now (imports, the loaded library) out of the collector's
    reach until `thaw` (the app's exit). Full collections scan every tracked object;
    without this they pause the app 20-60 ms at random moments (the first paint,
    opening a compare), longer the more articles are loaded."""
    gc.freeze()


def thaw() -> None:
    """Make what was frozen collectable again (the app is gone)."""
    gc.unfreeze()
