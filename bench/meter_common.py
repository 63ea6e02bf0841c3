"""What the METER benches share: the command line of a bench that measures this checkout
and the previous release, each in its own subprocess, on the METER development data."""

from __future__ import annotations

import json
from collections.abc import Callable

from common import LAYOUT_RELEASE, METER, RESULTS, against_previous


def previous_and_current(script: str, doc: str, measure: Callable[[], dict]
                         ) -> tuple[dict[str, dict], str] | None:
    """`common.against_previous` on the METER development data."""
    return against_previous(script, doc, measure, LAYOUT_RELEASE, [METER])


def write_results(name: str, heading: str, table: str, data: dict) -> None:
    """Print the table; write bench/results/NAME.json (data) and NAME.md (heading, table)."""
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    (RESULTS / f"{name}.md").write_text(f"# {heading}\n\n{table}\n", "utf-8")
