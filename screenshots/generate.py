"""Regenerate the README screenshots from the real app on the bundled seeds.

    python3 screenshots/generate.py          # writes screenshots/*.svg
    python3 screenshots/generate.py story    # only screenshots/story.svg

Each picture is a scenario of key presses run with Textual's Pilot, then exported
as SVG (the way harlequin builds its screenshots), so they always match the app.
"""

from __future__ import annotations

import asyncio
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # the repo root, for the shared Pilot helpers

from reader.library import default_paths  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from tests.tui.helpers import settle  # noqa: E402
SIZE = (120, 36)

# name -> (article to select, counterpart to mark or None, keys after opening)
SCENARIOS: dict[str, tuple[str, str | None, bool, list[str]]] = {
    "library": ("004", None, False, []),
    "removed-lines": ("001", None, False, ["tab", "r"]),
    "compare": ("004", "003", True, ["n"]),
    "compare-unified": ("001", "002", True, ["s", "n"]),
    "pair-detail": ("004", "003", True, ["n", "enter"]),
    "picker": ("004", None, True, ["p"]),
    "help": ("004", None, False, ["question_mark"]),
    "story": ("001", None, False, ["t", "down", "down", "right"]),
}


async def shoot(name: str, article: str, mark: str | None, open_compare: bool,
                keys: list[str]) -> str:
    app = ReaderApp(default_paths())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        for prefix in filter(None, (mark, article)):
            shown = screen.article_list.shown
            screen.article_list.highlighted = next(
                n for n, e in enumerate(shown) if getattr(e, "name", "").startswith(prefix))
            await pilot.pause()
            if prefix == mark:
                await pilot.press("m")
        if open_compare:
            await pilot.press("d")
            await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        app.clear_notifications()
        await pilot.pause()
        path = os.path.join(HERE, f"{name}.svg")
        with open(path, "w", encoding="utf-8") as out:
            out.write(app.export_screenshot(title=f"reader — {name}"))
        return path


def main() -> int:
    for key in ("NO_COLOR", "TEXTUAL_THEME"):
        os.environ.pop(key, None)
    for name in sys.argv[1:] or SCENARIOS:  # `generate.py story` redoes one picture
        print(asyncio.run(shoot(name, *SCENARIOS[name])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
