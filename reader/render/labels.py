"""Labels the CLI, the TUI and exports all show, defined once so they always agree."""

from __future__ import annotations

# the row marker of each pair kind in side-by-side text
KIND_MARK = {"same": "=", "changed": "~", "dropped": "-", "added": "+"}
