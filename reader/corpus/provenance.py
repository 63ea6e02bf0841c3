"""Which version came first: rank the articles that explain an article and guess who
copied whom, with reasons a user can check.

`explained` is measured (aligned sentences of the article, weighted by length). The
direction is a vote of plain signals, each of which adds a reason:
  - a credit to the other's outlet ("As per The Arab News" in B, A is Arab News),
  - a wire dateline or wire credit on one side only,
  - dates, when both are known,
  - extra sentences: copies usually trim, so the fuller side is likelier the original,
  - spun synonyms: the side whose swapped words are rarer among related articles is the spin.
Unknowns are never guessed: no signal means "unclear".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

import numpy as np

from reader.clean import meta
from reader.compare import Comparison, compare
from reader.corpus.candidates import containment_estimate
from reader.corpus.sketch import sketches_of, words_of
from reader.corpus.wire import Slug, slug_of
from reader.corpus.wording import SEQUENCE, shared_runs, words_of_article
from reader.lexicon import is_agency
from reader.model import Article

Direction = Literal["original", "derivative", "sibling", "unclear"]

MAX_ALIGNED = 25  # corpus articles aligned per query (the best by sketch overlap)
LOOSE = 0.2  # below this share explained, two articles are only loosely related
TRIMMED = 0.7  # share of a version the fuller one has, for "copies trim" to count
SIBLING = 0.8  # share of the wording a version shares with the query that wire copy has too
DECISIVE = 1.0  # |vote| needed to call a direction
_WS = re.compile(r"\s+")
_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%Y-%m-%d")


@dataclass(frozen=True)
class Credits:
    """What an article says about where it came from."""

    outlet: str | None  # its own outlet (manifest or cleaner)
    wire: str | None  # a wire agency in its dateline, credit line or own outlet
    credited: tuple[str, ...]  # names it credits that are not its own outlet (wire included)


@dataclass
class SourceCandidate:
    """Another article, how much of the query it explains, and which came first."""

    article: Article
    explained: float  # 0-1: share of the query's text (by characters) aligned to this one
    direction: Direction  # is this candidate the likely original of the query?
    confidence: float  # 0-1
    reasons: list[str] = field(default_factory=list)
    comparison: Comparison | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, object]:
        a = self.article
        return {"path": a.path, "title": a.title, "outlet": a.outlet,
                "explained": round(self.explained, 4), "direction": self.direction,
                "confidence": round(self.confidence, 3), "reasons": list(self.reasons)}


def _key(name: str) -> str:
    return _WS.sub(" ", name).strip().lower().removeprefix("the ").strip(" .")


def credits_of(article: Article) -> Credits:
    """Dateline, credit lines and credited outlets, from the cleaner's fields and the body."""
    paragraphs = [_WS.sub(" ", p.text).strip() for p in article.paragraphs]
    dateline, agency = (None, None)
    for text in paragraphs[:3]:
        dateline, agency = meta.find_dateline(text)
        if dateline:
            break
    if article.dateline and not agency:
        agency = meta.find_dateline(article.dateline + " – x")[1]
    names = list(article.attribution) + meta.attribution(paragraphs, agency)
    own = _key(article.outlet) if article.outlet else None
    wire = agency if agency and is_agency(agency) else None
    if wire is None and article.outlet and is_agency(article.outlet):
        wire = article.outlet
    credited: list[str] = []
    for name in names:
        if is_agency(name) and _key(name) != "agencies":
            wire = wire or name
        elif _key(name) != own and _key(name) not in map(_key, credited):
            credited.append(name)
    if wire and own and _key(wire) != own and _key(wire) not in map(_key, credited):
        credited.append(wire)  # a reprint of wire copy credits the wire
    return Credits(article.outlet, wire, tuple(credited))


def parse_date(text: str | None) -> date | None:
    """A date as the page wrote it ("20 Feb 2020", "Feb. 20, 2020", "2020-02-20")."""
    if not text:
        return None
    clean = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(",", " ").replace(".", " "))
    clean = _WS.sub(" ", clean).strip()
    clean = re.sub(r"\b(Sept)\b", "Sep", clean)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(clean, fmt).date()
        except ValueError:
            continue
    return None


def _credit_votes(q: Article, c: Article, qc: Credits, cc: Credits) -> tuple[float, list[str]]:
    """Votes from credits and datelines (positive: the candidate came first)."""
    vote, reasons = 0.0, []
    if cc.outlet and _key(cc.outlet) in {_key(n) for n in qc.credited}:
        vote += 3
        reasons.append(f"{q.name} credits '{_match(qc.credited, cc.outlet)}', the outlet of {c.name}")
    if qc.outlet and _key(qc.outlet) in {_key(n) for n in cc.credited}:
        vote -= 3
        reasons.append(f"{c.name} credits '{_match(cc.credited, qc.outlet)}', the outlet of {q.name}")
    q_wire, c_wire = _wire_mark(q, qc), _wire_mark(c, cc)
    if c_wire and not q_wire:
        vote += 1.5
        other = f"{q.name} credits '{qc.credited[0]}'" if qc.credited else f"{q.name} names no wire"
        reasons.append(f"{c.name} {c_wire}; {other}")
    elif q_wire and not c_wire:
        vote -= 1.5
        other = f"{c.name} credits '{cc.credited[0]}'" if cc.credited else f"{c.name} names no wire"
        reasons.append(f"{q.name} {q_wire}; {other}")
    qd, cd = parse_date(q.date), parse_date(c.date)
    if qd and cd and qd != cd:
        vote += 1 if cd < qd else -1
        first, later = (c, q) if cd < qd else (q, c)
        reasons.append(f"{first.name} is dated {first.date}, {later.name} {later.date}")
    return vote, reasons


def _wire_mark(article: Article, credits: Credits) -> str | None:
    """What marks it as wire copy: a wire's dateline or credit, or the slug line a take
    is delivered under (later pages carry no byline), else None."""
    if credits.wire:
        return f"carries a {credits.wire} dateline or credit"
    slug = slug_of(article)
    return f"is a wire take (slug line sent {slug.when()})" if slug else None


def _match(names: Sequence[str], outlet: str) -> str:
    return next(n for n in names if _key(n) == _key(outlet))


def _extra_sentence_vote(q: Article, c: Article, comparison: Comparison) -> tuple[float, list[str]]:
    """The fuller side is likelier the original, where the other is mostly its text:
    copies trim. Two versions that each say much the other does not (two reports of one
    event, two rewrites of one wire story) tell nothing by their lengths."""
    counts = comparison.alignment.counts()
    q_only, c_only = counts["dropped"], counts["added"]
    q_in_c, c_in_q = comparison.alignment.explained()
    reason = f"{c.name} has {c_only} sentences {q.name} lacks; {q.name} has {q_only} {c.name} lacks"
    if c_only >= 2 * q_only + 2:
        if q_in_c < TRIMMED:
            return 0.0, [reason + f", but only {q_in_c:.0%} of {q.name} is in {c.name}: no trimmed copy"]
        return 1.0, [reason + " (copies usually trim)"]
    if q_only >= 2 * c_only + 2:
        if c_in_q < TRIMMED:
            return 0.0, [reason + f", but only {c_in_q:.0%} of {c.name} is in {q.name}: no trimmed copy"]
        return -1.0, [reason + " (copies usually trim)"]
    return 0.0, [reason]


def _swapped_words(comparison: Comparison) -> tuple[int, int, list[tuple[str, str]]]:
    """(changed pairs, spun pairs, single-word swaps): a spun pair keeps most tokens in
    place and replaces at least two single words."""
    changed = spun = 0
    swaps: list[tuple[str, str]] = []
    for index, pair in enumerate(comparison.pairs):
        if pair.kind != "changed":
            continue
        changed += 1
        wd = comparison.word_diff(index)
        if wd is None or not wd.a:
            continue
        singles = [(wd.a[o.a1].text.lower(), wd.b[o.b1].text.lower()) for o in wd.ops
                   if o.tag == "replace" and o.a2 - o.a1 == 1 and o.b2 - o.b1 == 1
                   and wd.a[o.a1].text.isalpha() and wd.b[o.b1].text.isalpha()]
        kept = sum(o.a2 - o.a1 for o in wd.ops if o.tag == "equal")
        if len(singles) >= 2 and kept >= 0.4 * len(wd.a):
            spun += 1
            swaps.extend(singles)
    return changed, spun, swaps


def _spin_vote(q: Article, c: Article, comparison: Comparison,
               word_df: dict[str, int]) -> tuple[float, list[str]]:
    changed, spun, swaps = _swapped_words(comparison)
    if spun < 3 or spun < 0.5 * changed:
        return 0.0, []
    q_rarer = sum(word_df.get(a, 0) < word_df.get(b, 0) for a, b in swaps)
    c_rarer = sum(word_df.get(b, 0) < word_df.get(a, 0) for a, b in swaps)
    line = f"swapped words for synonyms in {spun} of {changed} matched sentences (spun copy)"
    if q_rarer >= 1.5 * c_rarer + 2:
        return 1.5, [f"{q.name} {line}; its words are the rarer ones in this corpus"]
    if c_rarer >= 1.5 * q_rarer + 2:
        return -1.5, [f"{c.name} {line}; its words are the rarer ones in this corpus"]
    return 0.0, [f"one of them {line}; which one is unclear"]


def _word_df(corpus: Sequence[Article]) -> dict[str, int]:
    df: dict[str, int] = {}
    for article in corpus:
        for w in set(words_of(article.body)):
            df[w] = df.get(w, 0) + 1
    return df


def _shortlist(article: Article, corpus: Sequence[Article]) -> list[Article]:
    """The corpus articles worth aligning: best estimated containment first. Sketches
    are batched and remembered per article, so repeated queries on one corpus are cheap."""

    others = [o for o in corpus if o is not article and o.path != article.path]
    (mine, n_mine), *theirs = sketches_of([article, *others])
    scored = []
    for pos, (other, (values, n)) in enumerate(zip(others, theirs)):
        if np.intersect1d(mine, values, assume_unique=True).size:
            scored.append((-containment_estimate(mine, values, n_mine, n), pos, other))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [other for _, _, other in scored[:MAX_ALIGNED]]


def assess(article: Article, candidate: Article, comparison: Comparison | None = None,
           word_df: dict[str, int] | None = None) -> SourceCandidate:
    """How much of `article` the candidate explains and whether it is its original."""
    comparison = comparison or compare(article, candidate)
    explained = comparison.alignment.explained()[0]
    qc, cc = credits_of(article), credits_of(candidate)
    vote, reasons = _credit_votes(article, candidate, qc, cc)
    reasons.insert(0, f"{candidate.name} explains {explained:.0%} of {article.name}")
    if explained < LOOSE:
        reasons.insert(1, "only loosely related: too little shared to tell who copied whom")
        return SourceCandidate(candidate, explained, "unclear", round(explained, 3), reasons,
                               comparison)
    for extra_vote, extra in (_extra_sentence_vote(article, candidate, comparison),
                              _spin_vote(article, candidate, comparison,
                                         word_df or _word_df([article, candidate]))):
        vote += extra_vote
        reasons.extend(extra)
    direction: Direction = ("original" if vote >= DECISIVE else
                            "derivative" if vote <= -DECISIVE else "unclear")
    strength = min(1.0, abs(vote) / 4) if direction != "unclear" else 0.0
    confidence = strength * min(1.0, explained / 0.5)
    return SourceCandidate(candidate, explained, direction, round(confidence, 3), reasons,
                           comparison)


def rank_sources(article: Article, corpus: Sequence[Article]) -> list[SourceCandidate]:
    """Other corpus articles that share wording with `article`, most explaining first.

    Only the MAX_ALIGNED best by sketch overlap are aligned, so a large corpus is cheap;
    word rarity (for spin direction) is counted over the article and that shortlist."""
    shortlist = _shortlist(article, corpus)
    word_df = _word_df([article, *shortlist])  # the related articles: bounded cost
    ranked = [assess(article, other, word_df=word_df) for other in shortlist]
    ranked.sort(key=lambda s: (-s.explained, s.article.path))
    _mark_siblings(article, ranked)
    return ranked


def is_wire_copy(article: Article) -> bool:
    """Wire copy as delivered or credited: a slug line, or a wire credit and no other."""
    if slug_of(article) is not None:
        return True
    credits = credits_of(article)
    return credits.wire is not None and all(is_agency(n) for n in credits.credited)


def _mark_siblings(article: Article, ranked: list[SourceCandidate]) -> None:
    """Another version whose wording in common with the query (3-word sequences) the wire
    copy among the candidates has too is a sibling: both were likely written from the
    wire, neither from the other (their votes on who came first would compare two copies)."""
    wires = [c for c in ranked if is_wire_copy(c.article)]
    if not wires or is_wire_copy(article):
        return
    text = words_of_article(article)
    from_wire = shared_runs(text, [words_of_article(w.article) for w in wires], SEQUENCE)
    wire_ids = {id(w) for w in wires}
    for c in ranked:
        if c.explained < LOOSE or id(c) in wire_ids:
            continue
        common = shared_runs(text, [words_of_article(c.article)], SEQUENCE)
        shared = float((common & from_wire).sum()) / max(1, int(common.sum()))
        if shared >= SIBLING:
            c.direction, c.confidence = "sibling", round(shared * min(1.0, c.explained / 0.5), 3)
            c.reasons.insert(1, f"{shared:.0%} of the wording it shares with {article.name} is in "
                                f"the wire copy too: both were likely written from the wire")


def likely_original(members: Sequence[Article]) -> Article | None:
    """The member that the credits point to (no alignment: cheap enough for grouping),
    or None when nothing singles one out."""
    profiles = [credits_of(a) for a in members]
    slugs = [slug_of(a) for a in members]
    outlets = {_key(p.outlet): i for i, p in enumerate(profiles) if p.outlet}
    score = [0.0] * len(members)
    for i, p in enumerate(profiles):
        if p.wire and not p.credited and not slugs[i]:  # takes are ordered by their slugs
            score[i] += 1.5
        for name in p.credited:
            j = outlets.get(_key(name))
            if j is not None and j != i:
                score[j] += 3
                score[i] -= 1
    dates = [parse_date(a.date) for a in members]
    known = [d for d in dates if d]
    if len(set(known)) > 1:
        first = min(known)
        for i, d in enumerate(dates):
            if d == first:
                score[i] += 1
    _wire_takes(slugs, score)
    best = max(score)
    if best < DECISIVE or score.count(best) > 1:
        return None
    return members[score.index(best)]


def _wire_takes(slugs: Sequence[Slug | None], score: list[float]) -> None:
    """Wire copy as delivered (a slug line with its time) is what newspapers write from:
    its takes outrank every other member, the earliest take first."""
    sent = sorted({(s.sent, s.page) for s in slugs if s})
    for i, s in enumerate(slugs):
        if s:
            score[i] += 3 + (0.5 if (s.sent, s.page) == sent[0] else 0.0)
