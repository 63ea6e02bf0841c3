"""`reader diff` and `reader sources` say whether an article was derived from its
sources, in JSON a script can read (made-up hearing, real command)."""

from __future__ import annotations

import json

from tests.support import run_reader as run
from tests.support.hearing_story import COPY, OWN, WIRE, write


def test_diff_summary_gives_the_verdict_for_b_against_a(tmp_path):
    files = write(tmp_path, {"wire": WIRE, "copy": COPY, "own": OWN})
    copied = run("diff", str(files["wire"]), str(files["copy"]), "--format", "json", "--no-cache")
    assert copied.returncode == 0, copied.stderr
    d = json.loads(copied.stdout)["summary"]["derivation"]
    assert d["verdict"] == "wholly-derived"
    assert d["sources"] == [str(files["wire"])]
    assert 0 < d["verbatim_share"] <= 1 and 0 < d["share"] <= 1 and d["reasons"]
    own = run("diff", str(files["wire"]), str(files["own"]), "--format", "json", "--no-cache")
    assert json.loads(own.stdout)["summary"]["derivation"]["verdict"] == "independent"
