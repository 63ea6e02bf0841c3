"""Inputs that fuzzing and property tests once broke, kept as plain regression tests."""

from __future__ import annotations

from reader.drift import find_drift


def test_repeated_number_word_with_extra_space_is_not_drift():
    # Found by the extra-spaces property: "eight eight" vs "eight  eight" was a number change.
    assert find_drift("eight eight", "eight  eight") == []
    assert find_drift("twenty one people", "twenty  one people") == []
