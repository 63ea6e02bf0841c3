"""Keeping the garbage collector out of the way: no collections before the first frame,
and short full collections while the app runs."""

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


def hold_collections() -> None:
    """No collections until `release_collections`: what start-up allocates (imports,
    styles, widgets, the first article) mostly lives as long as the app, and the hundred
    young collections it triggers before the first frame scan it again, 20-40 ms of a
    launch on the seeds."""
    gc.disable()


def release_collections() -> None:
    """Collections again (the first frame is out), the objects alive now frozen first."""
    freeze_long_lived()
    gc.enable()
