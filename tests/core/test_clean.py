"""The cleaner on the five seed dumps: whole body kept, furniture gone, metadata stated."""

from __future__ import annotations


import pytest

from reader.clean import REASONS, clean
from reader.ingest import read_source
from reader.model import Article
from tests.support import SEEDS


# seed prefix -> (title, first body paragraph starts, last real paragraph starts)
EXPECTED = {
    "000": ("Turkey and Russia are discussing possible joint patrols around Syria's Idlib",
            "Turkish officials have announced that Turkey and Russia",
            '"The violence in northwest Syria is indiscriminate.'),
    "001": ("Turkey, Russia discuss joint patrols option in Syria’s Idlib",
            "ANKARA: Turkey and Russia are discussing possible joint patrols",
            "“Various exercises are being discussed."),
    "002": ("Turkey and Russia having talks about joint patrol in Syria’s Idlib",
            "On Thursday, a Turkish authority revealed",
            "According to\u00a0the Arab News, the authority announced"),
    "003": ("Syria’s Idlib offensive expected to be discussed by Russians authorities visiting Turkey",
            "On Saturday, Russian authorities will land in Turkey",
            "According to the National, sources stated"),
    "004": ("Russians head to Turkey for talks on Syria’s Idlib offensive: minister",
            "ISTANBUL/ANKARA (Reuters) – Russian officials will arrive",
            "The source said the reinforcements, aimed at halting clashes"),
}

FURNITURE = ("Search For Keyword", "Short Url", "Most Popular", "Recommended", "Related Articles",
             "Leave a Reply", "Your email address", "Watch more about", "Roshan Amiri",
             "Total Comments", "Comments About This Article", "facebook", "Back to top",
             "return to top", "Image: FILE PHOTO", "(AFP)", "GMT9", "Since 1975",
             "Please fill the fields")


def _seed(prefix: str) -> Article:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return clean(read_source(path))


def _reason_of(article: Article, fragment: str) -> str:
    hits = [r.reason for r in article.removed if fragment in r.text]
    assert hits, f"{fragment!r} was not removed"
    return hits[0]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_body_is_whole(prefix: str) -> None:
    art = _seed(prefix)
    title, first, last = EXPECTED[prefix]
    texts = [p.text for p in art.paragraphs]
    assert art.title == title
    assert texts[0].startswith(first)
    assert any(t.startswith(last) for t in texts[-3:]), texts[-3:]
    assert title not in texts  # the headline is metadata, not a paragraph


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_furniture_is_gone(prefix: str) -> None:
    art = _seed(prefix)
    body = art.body
    for phrase in FURNITURE:
        assert phrase not in body, phrase
    texts = [p.text for p in art.paragraphs]
    assert len(texts) == len(set(texts)), "a paragraph appears twice"


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_offsets_slice_back(prefix: str) -> None:
    art = _seed(prefix)
    assert art.text == read_source(next(SEEDS.glob(f"{prefix}_*.txt"))).text
    spans = [(p.start, p.end, p.text) for p in art.paragraphs]
    spans += [(r.start, r.end, r.text) for r in art.removed]
    for start, end, text in spans:
        assert art.text[start:end] == text
    spans.sort()
    for (_, end1, _), (start2, _, _) in zip(spans, spans[1:]):
        assert end1 <= start2
    assert all(r.reason in REASONS for r in art.removed)


def test_seed_reasons_say_what_was_removed() -> None:
    a0, a1, a2, a3, a4 = (_seed(p) for p in ("000", "001", "002", "003", "004"))
    assert _reason_of(a0, "Search For Keyword") == "navigation"
    assert _reason_of(a0, "Total Comments") == "comments"
    assert _reason_of(a0, "Please fill the fields below") == "comments"
    assert _reason_of(a1, "Short Url") == "share"
    assert _reason_of(a1, "07:02:13 GMT9") == "timestamp"
    assert {r.reason for r in a1.removed if r.text.endswith("(AFP)")} <= {"caption", "duplicate"}
    assert _reason_of(a1, "Most Popular") == "related"
    assert _reason_of(a1, "• facebook") == "share"
    assert _reason_of(a2, "Roshan Amiri is an advocate") == "author-bio"
    assert _reason_of(a2, "Leave a Reply") == "comments"
    assert _reason_of(a3, "Watch more about Arab News Latest") == "promo"
    assert _reason_of(a3, "Roshan Amiri is an advocate") == "author-bio"
    assert _reason_of(a4, "Image: FILE PHOTO") == "caption"
    assert _reason_of(a4, "Related Articles") == "related"
    assert _reason_of(a4, "Back to top button") == "navigation"
    # the inline promo is cut off the last sentence, which stays
    assert a3.paragraphs[-1].text.endswith("in the most rigid manner.")


def test_seed_credit_lines_stay_in_the_body() -> None:
    assert _seed("000").paragraphs[-1].text == "(Zaman Al Wasl with Agencies)"
    assert _seed("001").paragraphs[-1].text == "Reuters"
    assert _seed("004").paragraphs[-1].text.startswith("Reporting by Ezgi Erkoyun")


def test_seed_metadata() -> None:
    a0, a1, a2, a3, a4 = (_seed(p) for p in ("000", "001", "002", "003", "004"))
    assert a4.dateline == "ISTANBUL/ANKARA (Reuters)"
    assert a4.outlet == "Reuters"
    assert a1.dateline == "ANKARA:"
    assert a1.outlet is None  # Arab News runs the story, but the text never says so
    assert a1.date == "2020-02-20"
    assert a0.date is None and a2.date is None
    assert a0.attribution == ["Zaman Al Wasl", "Agencies"]
    assert a1.attribution == ["Reuters"]
    assert a2.attribution == ["The Arab News"]
    assert a3.attribution == ["The National"]
    assert a4.attribution == ["Reuters"]
    # AFP only credits a photo in 001; Anadolu is reported, not credited, in 004
    assert "AFP" not in a1.attribution and "Anadolu" not in " ".join(a4.attribution)
    assert a0.dateline is None and a0.outlet is None
