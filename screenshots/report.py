"""Regenerate the README pictures of the HTML report from the real `reader diff` on the
bundled seeds, laid out by headless Chromium (Debian's `chromium`) at a desktop and a
phone width.

    python3 screenshots/report.py        # writes screenshots/report-{desktop,phone}.png
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # the repo root, for the test support's Chromium runner

from tests.support import chromium  # noqa: E402

PAIR = ("seeds/004_90f67be5c111099e.txt", "seeds/003_f4ced20b6688ca26.txt")
SIZES = {"desktop": (1280, 1500), "phone": (390, 1500)}


def main() -> int:
    if chromium.find() is None:
        print(chromium.ABSENT, file=sys.stderr)
        return 1
    html = subprocess.run([sys.executable, "-m", "reader", "diff", *PAIR, "--format", "html",
                           "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout
    for name, (width, height) in SIZES.items():
        png = HERE / f"report-{name}.png"
        chromium.screenshot(html, png, width, height)
        print(f"wrote {png.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
