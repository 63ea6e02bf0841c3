"""One relation, one measure: the diff summary, the derivation verdict and the text all
report the same shares (issue 14, item 7)."""

from __future__ import annotations

import json

from tests.support import SEEDS, run_reader

A, B = str(SEEDS / "001_7a96e757d48b2c2e.txt"), str(SEEDS / "002_e9fef7baff8a209e.txt")


def test_summary_derivation_and_text_agree_on_the_shares():
    data = json.loads(run_reader("diff", A, B, "--format", "json").stdout)
    summary = data["summary"]
    assert 0 < summary["share_of_b_from_a"] < 1 and 0 < summary["share_of_a_in_b"] < 1
    assert summary["derivation"]["share"] == summary["share_of_b_from_a"]
    text = run_reader("diff", A, B).stdout
    assert (f"B explains {summary['share_of_a_in_b']:.0%} of A · "
            f"A explains {summary['share_of_b_from_a']:.0%} of B") in text
