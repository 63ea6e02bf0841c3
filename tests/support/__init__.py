"""What tests of every kind share: where the project and its seeds are, and how to run
the real `reader` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run_reader(*args: str, timeout: int = 120, stdin: str | None = None
               ) -> subprocess.CompletedProcess:
    """`reader ARGS` as a user runs it: stdin closed unless text is given."""
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout, input=stdin,
                          stdin=None if stdin is not None else subprocess.DEVNULL)
