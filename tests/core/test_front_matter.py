"""Headlines and standfirsts are part of the story: compared, aligned and labelled."""

from __future__ import annotations

from reader.compare import compare, front_matter
from reader.model import Article, Paragraph, Removed

BODY = [
    "The harbour bridge reopened on Tuesday after four months of repairs, the council said.",
    "About 12,000 vehicles cross the bridge every day, most of them commuters.",
]


def page(headline: str | None, standfirst: list[str], body: list[str], path: str) -> Article:
    """An article as the cleaner leaves it: the headline and standfirst lines removed with
    their reasons, the body as paragraphs, offsets into one text."""
    text, removed, paragraphs = "", [], []
    for line, reason in [(headline, "title")] * bool(headline) + [(s, "summary") for s in standfirst]:
        removed.append(Removed(line, reason, len(text), len(text) + len(line)))
        text += line + "\n"
    for line in body:
        paragraphs.append(Paragraph(line, len(text), len(text) + len(line)))
        text += line + "\n"
    return Article(path, text, title=headline, paragraphs=paragraphs, removed=removed)


def test_front_matter_is_the_headline_then_the_standfirst_sentences_with_offsets():
    art = page("Bridge reopens", ["Drivers can cross again. Tolls stay the same."], BODY, "a")
    found = front_matter(art)
    assert [(s.text, s.section) for s in found] == [
        ("Bridge reopens", "headline"), ("Drivers can cross again.", "standfirst"),
        ("Tolls stay the same.", "standfirst")]
    assert all(art.text[s.start:s.end] == s.text for s in found)


def test_headlines_pair_with_headlines_however_reworded():
    a = page("Bridge reopens after repairs", [], BODY, "a")
    b = page("Commuters cheer as crossing is back", [], BODY, "b")
    cmp = compare(a, b)
    first = cmp.pairs[0]
    assert (first.kind, first.a, first.b) == ("changed", (0,), (0,))
    assert cmp.alignment.a[0].section == cmp.alignment.b[0].section == "headline"


def test_a_claim_added_in_the_standfirst_is_an_added_sentence():
    a = page("Bridge reopens", [], BODY, "a")
    b = page("Bridge reopens", ["The repairs cost twice the estimate."], BODY, "b")
    cmp = compare(a, b)
    added = [p for p in cmp.pairs if p.kind == "added"]
    assert [cmp.alignment.b[j].text for p in added for j in p.b] == [
        "The repairs cost twice the estimate."]
    assert cmp.summary().added == 1


def test_every_sentence_is_in_exactly_one_pair_with_front_matter_on_one_side_only():
    a = page(None, [], BODY, "a")
    b = page("Bridge reopens", ["Drivers can cross again."], BODY, "b")
    cmp = compare(a, b)
    seen_a = sorted(i for p in cmp.pairs for i in p.a)
    seen_b = sorted(j for p in cmp.pairs for j in p.b)
    assert seen_a == list(range(len(cmp.alignment.a)))
    assert seen_b == list(range(len(cmp.alignment.b)))
    assert cmp.pairs[0].kind == "added" and cmp.alignment.b[0].section == "headline"


def test_a_summary_line_below_the_body_start_is_not_front_matter():
    art = page("Bridge reopens", [], BODY, "a")
    late = Removed("Key points: bridge open", "summary", len(art.text), len(art.text) + 23)
    art = Article("a", art.text + late.text + "\n", title=art.title,
                  paragraphs=art.paragraphs, removed=art.removed + [late])
    assert [s.section for s in front_matter(art)] == ["headline"]
