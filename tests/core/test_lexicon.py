"""One list of wire agencies for every stage: cleaning, drift and provenance agree."""

from __future__ import annotations

import pytest

from reader.clean.meta import split_byline
from reader.drift import article_attribution_drift
from reader.lexicon import AGENCY_NAMES, agency, is_agency


@pytest.mark.parametrize("alias, canonical", [
    ("AP", "Associated Press"), ("the associated press", "Associated Press"),
    ("Agence France Presse", "AFP"), ("PA Media", "Press Association"), ("Reuters", "Reuters"),
])
def test_aliases_name_one_agency(alias, canonical):
    assert agency(alias) == canonical


@pytest.mark.parametrize("name", ["Apple", "The Guardian", "Police", ""])
def test_other_names_are_not_agencies(name):
    assert not is_agency(name)


def test_longer_spellings_come_first_for_regex_alternations():
    assert AGENCY_NAMES.index("Associated Press") < AGENCY_NAMES.index("AP")


def test_an_agency_drift_knows_is_an_agency_the_cleaner_knows():
    """Interfax was a wire to drift but not to the cleaner before the lists were one."""
    assert is_agency("Interfax")
    body_a = "The minister resigned on Monday, Interfax reported."
    found = article_attribution_drift([], [], body_a, "The minister resigned on Monday.")
    assert [d.a_text for d in found] == ["Interfax"]
    assert split_byline("Interfax") == (None, "Interfax")  # the cleaner reads it as a credit
