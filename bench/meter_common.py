"""What the METER benches share: the command line of a bench that measures this checkout
and the previous release, each in its own subprocess, on the METER development data."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from clean_quality import PREVIOUS_RELEASE, both, child_main
from common import METER, RESULTS


def previous_and_current(script: str, doc: str, measure: Callable[[], dict]
                         ) -> tuple[dict[str, dict], str] | None:
    """Parse the command line; as the child (`--measure ROOT`), print `measure()` and exit;
    as the parent, return ({"previous": ..., "current": ...}, previous ref), or None
    (after saying so) when the development data is not there."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--measure", metavar="ROOT", help=argparse.SUPPRESS)
    ap.add_argument("--prev-ref", default=PREVIOUS_RELEASE, help="git ref of the previous release")
    args = ap.parse_args()
    if args.measure:
        sys.exit(child_main(args.measure, measure))
    if not METER.exists():
        print(f"dev data not found at {METER}; nothing to score")
        return None
    return both(Path(script).resolve(), args.prev_ref), args.prev_ref


def write_results(name: str, heading: str, table: str, data: dict) -> None:
    """Print the table; write bench/results/NAME.json (data) and NAME.md (heading, table)."""
    print(table)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    (RESULTS / f"{name}.md").write_text(f"# {heading}\n\n{table}\n", "utf-8")
