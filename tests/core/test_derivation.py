"""Derivation verdicts: copying tells from independent coverage by wording outside
quotations, not by shared facts or shared quotes. Made-up reports of one made-up hearing."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from reader.corpus.derivation import (
    LEAST_SEQUENCES,
    OFF_RECORD_SEQUENCES,
    derive,
    derive_from_ranked,
    measure,
    thresholds,
    verdict_of,
)
from reader.corpus.facts import name_words
from reader.corpus.provenance import rank_sources
from reader.corpus.wording import own_content, read_words, runs, shared_runs
from tests.support.hearing_story import COPY, OWN, PART, WIRE, take
from tests.support.star_story import STAR_PAPER, STAR_WIRE
from tests.support.story_corpus import FLOOD
from tests.support.story_corpus import make_article as _art


def test_a_trimmed_copy_is_wholly_derived():
    d = derive(_art("copy.txt", COPY), [_art("wire.txt", WIRE)])
    assert d.verdict == "wholly-derived"
    assert d.sources == ["wire.txt"]
    assert d.measures.verbatim_share > 0.5 and d.measures.share > 0.5


def test_copied_paragraphs_with_much_new_reporting_are_partially_derived():
    d = derive(_art("part.txt", PART), [_art("wire.txt", WIRE)])
    assert d.verdict == "partially-derived"
    assert "bakery" in d.measures.added or "sanctuary" in d.measures.added
    assert any("lack" in r and ("bakery" in r or "sanctuary" in r) for r in d.reasons)


def test_a_longer_article_needs_more_of_the_sources_wording():
    m = replace(measure(_art("part.txt", PART), [_art("wire.txt", WIRE)]), share=0.0,
                new_numbers=(), new_names=())  # the length alone decides here
    (seq_short, words_short), (seq_long, words_long) = thresholds(60), thresholds(2000)
    assert seq_long > seq_short and words_long > words_short
    between = replace(m, sequence_share=seq_long - 0.01, words_found=(words_short + words_long) / 2)
    assert verdict_of(replace(between, words=60)) == "wholly-derived"
    assert verdict_of(replace(between, words=2000)) == "independent"
    shared_quote = replace(m, sequence_share=LEAST_SEQUENCES - 0.01, words_found=1.0, words=20)
    assert verdict_of(shared_quote) == "independent"
    reasons = derive(_art("part.txt", PART), [_art("wire.txt", WIRE)]).reasons
    assert any(f"{m.words} words" in r for r in reasons)


def test_a_copy_the_aligner_pairs_almost_wholly_is_wholly_derived_however_reworded():
    m = replace(measure(_art("part.txt", PART), [_art("wire.txt", WIRE)]), new_names=())
    assert verdict_of(replace(m, share=0.0, sequence_share=0.0, words_found=0.0)) == "independent"
    assert verdict_of(replace(m, share=1.0, sequence_share=0.0, words_found=0.0)) == "wholly-derived"
    # unless it states facts of its own (PART names places the wire never mentions)
    assert name_words(measure(_art("part.txt", PART), [_art("wire.txt", WIRE)]).new_names) >= 3
    assert verdict_of(replace(m, share=1.0, new_names=("Quarry", "Plymouth", "Bodmin"))) == \
        "partially-derived"
    assert verdict_of(replace(m, share=1.0, new_names=("Quarry", "Plymouth"))) == "wholly-derived"


def test_the_same_hearing_reported_independently_is_independent_despite_the_shared_quote():
    d = derive(_art("own.txt", OWN), [_art("wire.txt", WIRE)])
    assert d.verdict == "independent"
    assert d.measures.verbatim_share > 0  # the court quote is shared verbatim ...
    assert d.measures.verbatim_quoted > 0.8  # ... and it is inside quotation marks
    assert any("quotations" in r for r in d.reasons)


def test_sources_are_taken_together():
    half_a, half_b = _art("w1.txt", WIRE[:2]), _art("w2.txt", WIRE[2:])
    both = derive(_art("copy.txt", COPY + [WIRE[4]]), [half_a, half_b])
    alone = measure(_art("copy.txt", COPY + [WIRE[4]]), [half_a])
    assert both.verdict == "wholly-derived"
    assert both.measures.words_found > alone.words_found
    assert both.sources == ["w1.txt", "w2.txt"]


def test_no_sources_is_independent():
    d = derive(_art("own.txt", OWN), [])
    assert d.verdict == "independent" and d.sources == []
    assert d.to_dict()["verdict"] == "independent"


def test_quotation_marks_of_every_kind_flag_words_as_quoted():
    w = read_words(["He said ``stay home'' and 'go now' but \u201cnot here\u201d; "
                    "it's the judges' \"last word\" today"])
    quoted = dict(zip(w.words, w.quoted.tolist()))
    assert quoted["stay"] and quoted["home"] and quoted["go"] and quoted["now"]
    assert quoted["not"] and quoted["here"] and quoted["last"] and quoted["word"]
    assert not quoted["he"] and not quoted["and"] and not quoted["it's"] and not quoted["today"]


def test_a_quote_left_open_ends_with_its_paragraph():
    w = read_words(['"We will appeal', "The hearing continues"])
    assert w.quoted.tolist() == [True, True, True, False, False, False]


def test_shared_runs_need_k_words_in_the_same_order():
    text = read_words(["one two three four five six"])
    same = read_words(["zero one two three four nine"])
    shuffled = read_words(["four three two one six five"])
    assert shared_runs(text, [same], 3).tolist() == [True, True, True, True, False, False]
    assert not shared_runs(text, [shuffled], 2).any()
    assert runs(np.array([True, True, False, True])) == [(0, 2), (3, 4)]


def test_own_content_leaves_out_quotes_and_function_words():
    w = read_words(['The mayor said "never again" about the flooded tunnels'])
    assert own_content(w) == ["mayor", "flooded", "tunnel"]


def test_against_a_corpus_the_wire_take_is_the_source_not_a_sibling_version():
    wire = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE)
    # another paper ran all of the wire and more: by its extra sentences it could be the original
    sibling = _art("papers/other.txt", WIRE + OWN[1:2])
    copy = _art("papers/copy.txt", COPY)
    unrelated = take("pa/flood1.txt", "09:00 05/03/24: Page 1 (HHH) NEWS Flood", "FLOOD", FLOOD)
    d = derive_from_ranked(copy, rank_sources(copy, [wire, sibling, unrelated]))
    assert d.sources == ["pa/goats1.txt"]
    assert d.verdict == "wholly-derived"


def test_against_a_corpus_the_wire_source_brings_the_other_takes_of_its_story():
    """Page 2 gave the copy only a date, reworded: too few shared words to choose it
    alone, but without it the date would count as a fact of the copy's own."""
    first = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE[:3])
    later = take("pa/goats2.txt", "10:40 05/03/24: Page 2 (HHH) COURTS Goats", "GOATS FINE",
                 [*WIRE[3:], "The bowls club was founded in 1897 by a railway engineer."],
                 byline=False)
    other = take("pa/flood1.txt", "09:00 05/03/24: Page 1 (HHH) NEWS Flood", "FLOOD", FLOOD)
    copy = _art("papers/copy.txt", [*COPY, "The club dates from 1897."])
    corpus = [first, later, other]
    alone = derive(copy, [first])
    d = derive_from_ranked(copy, rank_sources(copy, corpus), corpus)
    assert alone.verdict == "partially-derived" and alone.measures.new_numbers == ("1897",)
    assert d.sources == ["pa/goats1.txt", "pa/goats2.txt"]
    assert d.verdict == "wholly-derived"


def test_against_a_corpus_with_nothing_shared_there_is_no_source():
    d = derive_from_ranked(_art("own.txt", FLOOD), rank_sources(_art("own.txt", FLOOD),
                                                                [_art("wire.txt", WIRE)]))
    assert d.sources == [] and d.verdict == "independent"


def test_a_copy_that_states_a_number_of_its_own_is_partially_derived():
    """A whole copy adds no facts: the same copy saying since when the goats strayed,
    which the wire does not, is partly the paper's own reporting."""
    wire = _art("wire.txt", WIRE)
    dated = [p.replace("on three occasions.", "on three occasions since 2019.") for p in COPY]
    assert dated != COPY
    assert derive(_art("copy.txt", COPY), [wire]).verdict == "wholly-derived"
    d = derive(_art("dated.txt", dated), [wire])
    assert d.measures.new_numbers == ("2019",)
    assert d.verdict == "partially-derived"
    assert d.reasons[1] == ("it copies, but a whole copy adds no facts of its own, and it "
                            "states some that the source lacks: numbers 2019")


def test_new_facts_count_numbers_by_value_and_names_the_sources_never_use():
    from reader.corpus.facts import new_facts

    source = _art("s.txt", ["Amos Pellow kept seven goats and paid 300 pounds on Monday."])
    article = _art("a.txt", ["Pellow's 7 goats cost him 300 pounds, Mr Pellow told Judge "
                             "Ruth Okafor on Monday. Goats are clever."])
    facts = new_facts(article, [source])
    assert facts.numbers == ()  # 7 is the wire's "seven", 300 the wire's 300
    assert facts.names == ("Judge Ruth Okafor",)  # not Pellow's, Mr, Monday, nor "Goats"
    assert name_words(facts.names) == 3  # three words the source never uses
    later = _art("l.txt", ["Ruth told the bench about Okafor and Judge Ruth Okafor, "
                           "then Rhea Quist-Lowe spoke."])
    names = new_facts(later, [source]).names
    assert names == ("Judge Ruth Okafor", "Rhea Quist-Lowe")
    assert name_words(names) == 5  # a double-barrelled name by its first part, as before
    changed = _art("c.txt", ["Amos Pellow kept seven goats and paid 500 pounds on Monday."])
    assert new_facts(changed, [source]).numbers == ()  # a changed sum is drift, not a fact added


def test_a_word_running_into_digits_is_no_name_and_accented_names_are_whole():
    from reader.corpus.facts import new_facts

    source = _art("s.txt", ["Amos Pellow kept seven goats on Monday."])
    article = _art("a.txt", ["Pellow reached the paper's No1 spot on Monday, ahead of "
                             "the Nestlé herd and Anaïs Brûlé."])
    assert new_facts(article, [source]).names == ("Nestlé", "Anaïs Brûlé")


def test_against_a_corpus_with_wire_copy_that_shares_little_the_verdict_is_against_the_wire():
    """An independent report whose wording another paper took: that paper is no source of
    it, and the wire, which it barely shares, says it is independent."""
    wire = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE)
    own = _art("papers/own.txt", [OWN[0], OWN[1], OWN[3]])
    paper = _art("papers/other.txt", [*WIRE[:2], OWN[0], OWN[1]])
    d = derive_from_ranked(own, rank_sources(own, [wire, paper]), [wire, paper])
    assert d.sources == ["pa/goats1.txt"] and d.verdict == "independent"


def test_reasons_count_one_verbatim_passage_in_the_singular():
    d = derive(_art("copy.txt", [WIRE[1]]), [_art("wire.txt", WIRE)])
    assert any("in 1 verbatim passage of 5 words" in r and "it follows the order" in r
               for r in d.reasons), d.reasons


def test_news_only_the_source_made_public_is_derived_on_little_shared_wording():
    paper = _art("paper.txt", STAR_PAPER)
    d = derive(paper, [_art("wire.txt", STAR_WIRE)])
    assert not d.measures.on_record()
    assert LEAST_SEQUENCES > d.measures.sequence_share >= OFF_RECORD_SEQUENCES
    assert d.verdict == "partially-derived"
    assert any("names no court" in r for r in d.reasons)
    # the same wire reporting a claim a court will hear: others could have reported it too
    in_court = STAR_WIRE + ["Her former manager is suing her in the High Court, where a judge "
                             "will hear his claim for lost commission at a trial next month."]
    d = derive(paper, [_art("wire.txt", in_court)])
    assert d.measures.on_record() and d.verdict == "independent"
    assert not any("names no court" in r for r in d.reasons)
    # the same words from another paper, not the agency, or the wire judged against the
    # paper: who had the news first is unknown there, so the one bar holds
    credit_free = [STAR_WIRE[0].removeprefix("LONDON (Reuters) - "), *STAR_WIRE[1:]]
    d = derive(paper, [_art("other-paper.txt", credit_free)])
    assert d.measures.on_record() and d.verdict == "independent"
    assert derive(_art("wire.txt", STAR_WIRE), [paper]).verdict == "independent"
    # and an article sharing (nearly) nothing with it stays independent
    other = _art("other.txt", ["A gale brought down power lines across three valleys overnight.",
                               "Engineers worked until dawn to restore the supply to farms."])
    assert derive(other, [_art("wire.txt", STAR_WIRE)]).verdict == "independent"


def test_the_public_record_counts_possessives_and_plurals_of_its_words():
    about = measure(_art("a.txt", ["The minister's officials met the judges."]),
                    [_art("s.txt", ["LEEDS (Reuters) - The minister's officials met the judges "
                                    "at the inquest."])])
    assert about.public_record == 4 / 11
    sang = measure(_art("a.txt", ["A singer sang."]), [_art("s.txt", ["LONDON (Reuters) - A singer sang."])])
    assert sang.public_record == 0


def test_the_public_record_is_read_only_in_english():
    french = ["La chanteuse Tilda Marsh se sépare de son agent après neuf ans, a dit sa porte-parole.",
              "Son album Glass Orchard s'est vendu à 400 000 exemplaires et sa tournée au Japon "
              "commence en avril."]
    m = measure(_art("a.txt", french[1:]), [_art("s.txt", ["PARIS (Reuters) - " + french[0], *french[1:]])])
    assert m.public_record is None and m.on_record()  # one bar for every source


def test_against_the_days_wire_the_verdict_is_against_the_story_that_shares_most():
    """The day's wire carries other stories too: the court case the paper never used is
    no source of its showbiz piece (and would put the pair on the record)."""
    star = take("pa/marsh1.txt", "11:40 05/03/24: Page 1 (HHH) SHOWBIZ Marsh",
                "SINGER PARTS WITH MANAGER", [STAR_WIRE[0].removeprefix("LONDON (Reuters) - "),
                                              *STAR_WIRE[1:]])
    court = take("pa/goats1.txt", "10:02 05/03/24: Page 1 (HHH) COURTS Goats", "GOATS FINE", WIRE)
    paper = _art("papers/star.txt", [  # under a tenth of it in the wire's word sequences
        *STAR_PAPER, "She was last seen leaving a recording studio in Soho with a bodyguard, "
        "clutching a bunch of roses and a takeaway coffee.", "Her record label has so far "
        "declined to say who will look after her affairs from now on.", "Friends insist the "
        "singer is happier than she has been for years and is writing again.",
        "Her neighbour, a retired lighthouse keeper who kept forty goats, says she sings to them."])
    d = derive_from_ranked(paper, rank_sources(paper, [court, star]), [court, star])
    assert d.sources == ["pa/marsh1.txt"] and d.verdict == "partially-derived"
