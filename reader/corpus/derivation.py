"""Was this article written from those sources, wholly or in part, or did it report the
same event on its own? A verdict with the measures behind it, in sentences a user can check.

Copying and independent coverage of one event differ in what the wording shows, not
in the facts: independent reports share names, numbers and the court's quotations,
but a copy also shares the source's own word sequences, and nearly every word the
copy uses outside quotations is one the source used. Two measures decide:
  - `sequence_share`: the share of the article's words inside 3-word sequences the
    sources also have (independent reports of one hearing share few beyond the quotes);
  - `words_found`: the share of the article's own content words (outside quotations,
    function words left out) that the sources use; what the article adds that the
    sources lack is what makes it partly its own.
Derived: it shares enough of their sequences; wholly derived: nearly all its own words
are also theirs. How much is enough rises with the article's length: a long article
sharing a fifth of its words' sequences, or using mostly the sources' words, has still
added much of its own; a short item rewritten from a few wire lines needs fewer of its
words found to be wholly derived. A copy spun word by word shares few sequences and
words, but the aligner still pairs nearly all its sentences with the sources': wholly
derived too. Otherwise independent.
Independent reports need an event more than one reporter could witness or be told of: a
court, an inquest, the police, a minister, officials. Wire copy that names none of these
(a star's split announced by her spokeswoman, the week's chart sales, a campaigner's
complaint) is the agency's own news, how it reached the papers, so an article (not wire
copy itself) sharing even a little of its wording took it from there: derived
(`Measures.on_record`).
The thresholds and their slopes are fitted on the METER development pairs and
cross-validated by story (bench/meter_derivation.py). The aligner's share (sentences
paired with a source) and the verbatim passages (5 words or more) are reported alongside.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from reader.compare import Comparison, compare
from reader.clean.lines import page_language
from reader.comparison_model import STRONG_LINK
from reader.corpus.facts import name_words, new_facts
from reader.corpus.provenance import is_wire_copy
from reader.corpus.wire import slug_of, takes_of_their_stories
from reader.corpus.wording import (
    SEQUENCE,
    Words,
    content_key,
    own_content,
    runs,
    shared_runs,
    vocabulary,
    words_of_article,
)
from reader.model import Article

if TYPE_CHECKING:
    from reader.corpus.provenance import SourceCandidate

Verdict = Literal["wholly-derived", "partially-derived", "independent"]

VERBATIM = 5  # words in a run reported as copied verbatim
LENGTH_REF = 250  # words: the article length the next two thresholds are stated for
PARTIAL_SEQUENCES = 0.2  # sequence_share at or above which it is derived at all ...
WHOLLY_WORDS = 0.76  # ... and words_found at or above which it is wholly derived
PARTIAL_PER_DOUBLING = 0.058  # the thresholds rise by these for each doubling of its
WHOLLY_PER_DOUBLING = 0.061  # length (and fall by them for each halving) ...
LEAST_SEQUENCES = 0.2  # ... but no article sharing less is derived, however short: a short
# independent report shares the quotations (the dev pairs hold too few such to lower it)
ON_RECORD = 0.005  # share of the sources' words naming a public proceeding or office (below)
# at or above which the event is one other reporters could witness too: a court, an
# inquest, the police, a minister. A source naming none (a star's interview with the
# agency, the week's chart sales) is how its news reached the papers ...
OFF_RECORD_SEQUENCES = 0.05  # ... so sharing this much of its wording is derived already
OFF_RECORD_NOTE = "the source is wire copy naming no court, police or office"  # said when it decides
PUBLIC_RECORD = frozenset(
    "court courts judge judges jury juries trial trials magistrate magistrates inquest inquests "
    "coroner coroners tribunal tribunals hearing hearings inquiry inquiries prosecutor "
    "prosecutors minister ministers ministry government parliament mp mps council councillor "
    "councillors mayor official officials president police".split())
WHOLLY_ALIGNED = 0.8  # share (aligner) at or above which it is wholly derived, reworded or not
NEW_NUMBERS = 1  # numbers in digits the sources lack, or distinct names (capitalised
NEW_NAMES = 3  # mid-sentence words) they never use, that make it more than a copy: a wholly
# derived article adds no facts of its own ("Holden, 28," where the wire gave no age)
SOURCE_SHARE = 0.1  # a corpus article explaining less of it than this is not a source
WIRE_SEQUENCES = 0.1  # share of it in 3-word sequences wire copy must have to be a source


@dataclass(frozen=True)
class Measures:
    """What the wording shows about an article and its sources (shares are 0-1)."""

    share: float  # of the article's characters in sentences the aligner pairs with a source
    sequence_share: float  # of its words inside 3-word sequences the sources have
    verbatim_share: float  # of its words inside verbatim runs of VERBATIM words or more
    verbatim_quoted: float  # of those verbatim words, the share inside quotations
    words_found: float  # of its own content words (outside quotes), the share the sources use
    added: tuple[str, ...]  # its commonest own words the sources lack
    longest_run: int  # words in its longest verbatim run
    runs_in_order: tuple[int, int]  # verbatim runs in the sources' order, of all runs
    used_of_sources: float  # of the sources' words, the share in runs the article shares
    words: int  # its length in words
    public_record: float | None  # of the sources' words, the share in PUBLIC_RECORD (None:
    # the sources are not English wire copy, or the article is wire copy too)
    new_numbers: tuple[str, ...] = ()  # numbers in digits it states whose value the sources lack
    new_names: tuple[str, ...] = ()  # names of capitalised mid-sentence words the sources never use

    def on_record(self) -> bool:
        """Whether the sources report an event others could have reported on their own (so
        the article needs more of their wording to be derived): unless they are English
        wire copy, and the article is not, it cannot tell, so they count as on record."""
        return self.public_record is None or self.public_record >= ON_RECORD

    def adds_facts(self) -> bool:
        """Whether it states facts of its own the sources lack (so it is no whole copy)."""
        return len(self.new_numbers) >= NEW_NUMBERS or name_words(self.new_names) >= NEW_NAMES


@dataclass
class Derivation:
    """A verdict for an article against sources taken together, with its reasons."""

    verdict: Verdict
    measures: Measures
    sources: list[str]  # paths
    reasons: list[str] = field(default_factory=list)

    def headline(self) -> str:
        """One line for a summary: the verdict and the measures behind it."""
        m = self.measures
        why = "" if m.on_record() else f"; {OFF_RECORD_NOTE}"
        return (f"{self.verdict} ({m.share:.0%} of its text closely aligned, {m.verbatim_share:.0%} in "
                f"verbatim passages, {m.sequence_share:.0%} in shared 3-word sequences, "
                f"{m.words_found:.0%} of its own words found{why})")

    def to_dict(self) -> dict[str, object]:
        m = self.measures
        return {"verdict": self.verdict, "share": round(m.share, 4),
                "verbatim_share": round(m.verbatim_share, 4),
                "sequence_share": round(m.sequence_share, 4),
                "words_found": round(m.words_found, 4), "on_record": m.on_record(),
                "sources": list(self.sources), "reasons": list(self.reasons)}


def _aligned_share(article: Article, comparisons: Sequence[Comparison]) -> float:
    """Share of the article's characters in sentences paired (score >= STRONG_LINK) with
    any source; the article may be either side of each comparison."""
    if not comparisons:
        return 0.0
    on_b = comparisons[0].b is article
    sentences = comparisons[0].alignment.b if on_b else comparisons[0].alignment.a
    taken: set[int] = set()
    for cmp in comparisons:
        mine = cmp.b is article
        for pair in cmp.alignment.pairs:
            if pair.a and pair.b and pair.score >= STRONG_LINK:
                taken.update(pair.b if mine else pair.a)
    total = sum(len(s.text) for s in sentences)
    return sum(len(sentences[j].text) for j in taken) / total if total else 0.0


def _in_order(text: Words, sources: Sequence[Words], spans: list[tuple[int, int]]) -> tuple[int, int]:
    """How many verbatim runs follow the sources' order (longest increasing chain of
    where each run starts in the sources, read one after another), of all runs."""
    where: dict[tuple[str, ...], int] = {}
    offset = 0
    for source in sources:
        w = source.words
        for i in range(len(w) - VERBATIM + 1):
            where.setdefault(tuple(w[i:i + VERBATIM]), offset + i)
        offset += len(w)
    starts = [where.get(tuple(text.words[a:a + VERBATIM]), -1) for a, _ in spans]
    chain: list[int] = []  # patience sort: length of the longest increasing subsequence
    for s in (s for s in starts if s >= 0):
        pos = int(np.searchsorted(chain, s))
        chain[pos:pos + 1] = [s]
    return len(chain), len(spans)


def measure(article: Article, sources: Sequence[Article],
            comparisons: Sequence[Comparison] | None = None) -> Measures:
    """The measures of `article` against `sources` taken together. `comparisons` (of the
    article with each source, either way round) are made when not given."""
    text = words_of_article(article)
    theirs = [words_of_article(s) for s in sources]
    if comparisons is None:
        comparisons = [compare(s, article) for s in sources]
    n = max(1, len(text))
    sequences = shared_runs(text, theirs, SEQUENCE)
    verbatim = shared_runs(text, theirs, VERBATIM)
    spans = runs(verbatim)
    own = own_content(text)
    found = vocabulary(theirs)
    distinct = set(own)
    lacking = Counter(w for w in own if w not in found)
    surface: dict[str, str] = {}
    for w in text.words:
        surface.setdefault(content_key(w) or w, w)
    source_words = sum(len(t) for t in theirs)
    used = sum(int(shared_runs(t, [text], VERBATIM).sum()) for t in theirs)
    facts = new_facts(article, sources)
    record = None  # the public record is read only in English wire copy, for a paper
    if all(map(is_wire_copy, sources)) and not is_wire_copy(article):
        said = [w for t in theirs for w in t.words]
        if page_language(" ".join(said)) == "en":
            record = sum(w.removesuffix("'s") in PUBLIC_RECORD for w in said) / len(said)
    return Measures(
        share=_aligned_share(article, comparisons),
        sequence_share=float(sequences.sum()) / n,
        verbatim_share=float(verbatim.sum()) / n,
        verbatim_quoted=float((verbatim & text.quoted).sum()) / max(1, int(verbatim.sum())),
        words_found=len(distinct & found) / len(distinct) if distinct else 0.0,
        added=tuple(surface[w] for w, _ in sorted(lacking.items(), key=lambda kv: (-kv[1], kv[0]))[:6]),
        longest_run=max((b - a for a, b in spans), default=0),
        runs_in_order=_in_order(text, theirs, spans),
        used_of_sources=used / source_words if source_words else 0.0,
        words=len(text), public_record=record,
        new_numbers=facts.numbers, new_names=facts.names)


def thresholds(words: int | np.ndarray, on_record: bool | np.ndarray = True,
               partial: float = PARTIAL_SEQUENCES, wholly: float = WHOLLY_WORDS,
               slopes: tuple[float, float] = (PARTIAL_PER_DOUBLING, WHOLLY_PER_DOUBLING),
               off_record: float = OFF_RECORD_SEQUENCES) -> tuple[np.ndarray, np.ndarray]:
    """The sequence_share an article of this many words needs to be derived, and the
    words_found it needs to be wholly derived (`words` and `on_record` numbers or numpy
    arrays; thresholds and slopes as arguments for tuning)."""
    doublings = np.log2(np.maximum(1, words) / LENGTH_REF)
    return (np.where(on_record, np.maximum(LEAST_SEQUENCES, partial + slopes[0] * doublings),
                     off_record),
            wholly + slopes[1] * doublings)


def _copies(m: Measures) -> bool:
    """Whether its wording makes it a whole copy, facts of its own aside."""
    partial, wholly = thresholds(m.words, m.on_record())
    return bool(m.share >= WHOLLY_ALIGNED or m.sequence_share >= partial and m.words_found >= wholly)


def verdict_of(m: Measures) -> Verdict:
    """The verdict the deciding measures give at the article's length; a copy that
    states facts of its own is partly derived however much it copies."""
    if _copies(m):
        return "partially-derived" if m.adds_facts() else "wholly-derived"
    derived = m.sequence_share >= thresholds(m.words, m.on_record())[0]
    return "partially-derived" if derived else "independent"


def _reasons(verdict: Verdict, m: Measures, n_sources: int) -> list[str]:
    them = "the source" if n_sources == 1 else f"the {n_sources} sources"
    has, lack, use, name, its, it = (("has", "lacks", "uses", "names", "its", "it") if n_sources == 1
                                     else ("have", "lack", "use", "name", "their", "them"))
    partial, wholly = thresholds(m.words, m.on_record())
    need = (f"derived copy of its length, {m.words} words: {partial:.0%} or more" if m.on_record()
            else f"derived: {partial:.0%} or more, as {them}, wire copy, {name} no court, inquest, "
                 "police, minister or official, no public proceeding other reporters attend: "
                 f"the agency's own news, which likely reached the papers through {it}")
    out = [f"{m.sequence_share:.0%} of its words are in 3-word sequences {them} also {has} ({need})",
           f"{m.words_found:.0%} of the content words it uses outside quotations are in "
           f"{them} (wholly derived at its length: {wholly:.0%} or more)"]
    if m.added:
        out.append(f"words it uses that {them} {lack}: " + ", ".join(m.added))
    facts = [f"{kind} {', '.join(found)}" for kind, found in
             (("numbers", m.new_numbers), ("names", m.new_names)) if found]
    copied = _copies(m)
    if facts:
        out.append(f"facts it states that {them} {lack}: " + "; ".join(facts))
    if facts and copied and m.adds_facts():  # what kept a copy from being a whole one
        out.insert(0, out.pop().replace("facts it states", "it copies, but a whole copy adds no "
                                        "facts of its own, and it states some", 1))
    if m.verbatim_share:
        done, total = m.runs_in_order
        passages = "1 verbatim passage" if total == 1 else f"{total} verbatim passages"
        order = (f"it follows the order of {them}" if total == 1 else
                 f"{done} of the {total} follow the order of {them}")
        out.append(f"{m.verbatim_share:.0%} of its words are in {passages} of {VERBATIM} words or "
                   f"more (the longest {m.longest_run} words), {m.verbatim_quoted:.0%} of them "
                   f"inside quotations; {order}")
        if m.verbatim_quoted >= 0.5:
            out.append("most shared passages are quotations, which independent reports "
                       "of one event also share")
    else:
        out.append(f"it shares no passage of {VERBATIM} words or more with {them}")
    out.append(f"the aligner pairs {m.share:.0%} of its text with sentences of {them} "
               f"(wholly derived, reworded or not: {WHOLLY_ALIGNED:.0%} or more); {them} {use} "
               f"{m.used_of_sources:.0%} of {its} words in passages it shares")
    word = {"wholly-derived": "wholly derived from", "partially-derived": "partly derived from",
            "independent": "independent of"}[verdict]
    if m.share >= WHOLLY_ALIGNED:  # the deciding measure first
        out.insert(1 if copied and m.adds_facts() else 0, out.pop())
    return [f"likely {word} {them}", *out]


def derive(article: Article, sources: Sequence[Article],
           comparisons: Sequence[Comparison] | None = None) -> Derivation:
    """The verdict for `article` against `sources` taken together."""
    m = measure(article, sources, comparisons)
    if not sources:
        return Derivation("independent", m, [], ["no other article shares enough of its "
                                                 "wording to be its source"])
    verdict = verdict_of(m)
    return Derivation(verdict, m, [s.path for s in sources], _reasons(verdict, m, len(sources)))


_OF_COMPARISON: weakref.WeakKeyDictionary[Comparison, Derivation] = weakref.WeakKeyDictionary()


def derivation_of(comparison: Comparison) -> Derivation:
    """The verdict for side B of a comparison against side A (`reader diff A B`),
    worked out once per comparison (a summary, a report and a header all ask)."""
    got = _OF_COMPARISON.get(comparison)
    if got is None:
        got = _OF_COMPARISON[comparison] = derive(comparison.b, [comparison.a], [comparison])
    return got


def derive_from_ranked(article: Article, ranked: Sequence[SourceCandidate],
                       corpus: Sequence[Article] = ()) -> Derivation:
    """The verdict for `article` against the corpus taken together, from `rank_sources`
    (unfiltered). The sources are the wire copy (slug line or wire credit) whose 3-word
    sequences cover at least WIRE_SEQUENCES of it (a rewrite the aligner may not pair):
    what a newsroom writes from; failing that, the candidates the credits and wording
    point to as its originals; failing that, the wire take as delivered (slug line)
    sharing most of its 3-word sequences however little that is (so an article the wire
    barely explains reads as independent of it, or as derived from the agency's own news
    off the record, not as derived from the papers written from it, nor from the day's
    other wire stories);
    and only where there is none, every candidate that explains at least SOURCE_SHARE of
    it and is neither its copy nor its original. Other versions written from the same
    wire explain much of it too, which is why wire copy comes first. Wire takes chosen
    bring the other takes of their stories in `corpus` along: a desk writes from the story
    as the wire sent it, later pages too, even where they gave the article few words."""
    text = words_of_article(article)
    shares: dict[int, float] = {}  # a wire take's share is asked for twice: worked out once

    def sequences(c: SourceCandidate) -> float:
        if id(c.article) not in shares:
            shares[id(c.article)] = float(
                shared_runs(text, [words_of_article(c.article)], SEQUENCE).mean())
        return shares[id(c.article)]

    def wire_source(c: SourceCandidate) -> bool:
        if c.direction == "derivative" or not is_wire_copy(c.article):
            return False
        return sequences(c) >= WIRE_SEQUENCES

    takes = [c for c in ranked if slug_of(c.article) is not None]
    chosen = ([c for c in ranked if wire_source(c)]
              or [c for c in ranked if c.direction == "original"]
              or ([max(takes, key=sequences)] if takes else [])
              or [c for c in ranked if c.direction == "unclear" and c.explained >= SOURCE_SHARE])
    sources = takes_of_their_stories([c.article for c in chosen],
                                     [*corpus, *(c.article for c in ranked)])
    made = {id(c.article): c.comparison for c in ranked if c.comparison is not None}
    return derive(article, sources, [made.get(id(s)) or compare(s, article) for s in sources])

