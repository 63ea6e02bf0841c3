"""Smoke test: the start-up, interactive and large-folder benchmarks and bench/run.py still
run end to end on tiny inputs and write well-formed results. No timing is asserted:
speed is what the benchmarks report, not what tests check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT

BENCH = ROOT / "bench"


def run_bench(script: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, str(BENCH / script), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def results(out: Path, name: str) -> dict:
    assert (out / f"{name}.md").read_text("utf-8").startswith("# ")
    return json.loads((out / f"{name}.json").read_text("utf-8"))


def headline(out: Path, name: str) -> list[list[str]]:
    """The summary lines bench/run.py builds from this benchmark's result file."""
    sys.path.insert(0, str(BENCH))
    try:
        import run
    finally:
        sys.path.remove(str(BENCH))
    rows, notes = run.headline(out, [{"name": name, "exit": 0, "seconds": 1.0,
                                      "stderr_tail": ""}])
    assert not notes, notes
    return rows


def test_startup_reaches_the_first_screen_of_reader_and_the_floor(tmp_path):
    run_bench("startup.py", "--quick", "--out", str(tmp_path))
    report = results(tmp_path, "startup")
    rows = {r["app"]: r for r in report["rows"]}
    assert set(rows) == {"floor", "reader (warm cache)", "reader (cold cache)"}
    for row in rows.values():
        assert row["runs"] == 1 and row["failed"] == 0
        assert 0 < row["imported_s"] <= row["first_screen_s"]
    assert rows["floor"]["ratio_to_floor"] == 1
    # the importtime profile saw reader's own modules on the start-up path
    assert any(name.startswith("reader.tui") for name, _ in report["imports"]["reader_modules_self"])
    assert "textual" in dict(report["imports"]["packages"])
    assert [r[0].rsplit(", ", 1)[1] for r in headline(tmp_path, "startup")] == [
        "warm cache", "cold cache"]


def test_the_import_profile_lists_every_package_however_slow_the_others_were():
    """Under load any import can take long; which packages the profile lists must not
    depend on that (it once lost textual from a top-15 cut)."""
    sys.path.insert(0, str(BENCH))
    try:
        import startup
    finally:
        sys.path.remove(str(BENCH))
    lines = ["import time: self [us] | cumulative | imported package"]
    lines += [f"import time: {900_000 + n:>10} | {900_000 + n:>10} | pkg{n}" for n in range(30)]
    lines += ["import time:       2000 |       2000 |   textual.app",
              "import time:       1000 |       3000 | textual",
              "import time:        500 |        500 |   reader.tui.widgets.rows",
              "import time:        100 |        600 | reader.tui"]
    profile = startup.profile_of("\n".join(lines))
    assert "textual" in dict(profile["packages"])
    assert "reader.tui.widgets.rows" in dict(profile["reader_modules_self"])


def test_interactive_opens_both_compares_and_pages_down(tmp_path):
    run_bench("interactive.py", "--quick", "--out", str(tmp_path))
    rows = results(tmp_path, "interactive")["rows"]
    assert [r["pair"].split()[0] for r in rows] == ["seeds", "long"]
    for r in rows:
        assert r["rows"] > 0 and min(r["sentences"]) > 0
        assert r["open_ms"] > 0 and r["core_ms"] > 0 and r["pagedown_ms"] > 0
        assert len(r["raw"]["open_ms"]) >= 2  # the first open, then the timed ones
    seeds = rows[0]
    assert seeds["sentences"][0] > seeds["sentences"][1]  # 003 dropped passages of 004
    assert len(headline(tmp_path, "interactive")) == 4  # open and page down, per pair


def test_run_quick_runs_large_folder_and_writes_the_summary(tmp_path):
    """bench/run.py --quick on the large-folder benchmark: 30 generated files loaded by the
    app with the cache cold and warm, the headline table built from its results, and
    the full results in bench/results/ left as they were."""
    full = BENCH / "results" / "large_folder.json"
    before = full.read_bytes() if full.exists() else None
    run_bench("run.py", "--quick", "--only", "large_folder", "--out", str(tmp_path))
    rows = results(tmp_path, "large_folder")["rows"]
    assert [r["cache"] for r in rows] == ["cold", "warm"]
    for r in rows:
        assert r["files"] == 30
        assert r["first_screen_s"] is not None and r["loaded_s"] >= r["first_screen_s"]
        assert r["max_rss_mib"] > 0
        assert r["raw"]["core"][0]["articles"] + r["raw"]["core"][0]["errors"] == 30
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["quick"] is True
    assert [r["name"] for r in summary["runs"]] == ["large_folder"]
    assert [r[0] for r in summary["headline"]] == [
        "Open a folder of 30 files, cache cold", "Open a folder of 30 files, cache warm"]
    assert "| [large_folder](large_folder.md) |" in (tmp_path / "summary.md").read_text("utf-8")
    assert (full.read_bytes() if full.exists() else None) == before


def test_a_missing_result_is_a_note_in_the_summary_not_a_crash(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        import run
    finally:
        sys.path.remove(str(BENCH))
    rows, notes = run.headline(tmp_path, [{"name": "startup", "exit": 1, "seconds": 1.0,
                                           "stderr_tail": "boom"}])
    assert rows == []
    assert any("exit 1" in n for n in notes) and any("no headline" in n for n in notes)

