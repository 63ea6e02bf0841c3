"""Fact drift: which changes inside an aligned sentence pair alter facts.

`find_drift(a, b)` compares the A and B sentences of one aligned pair and lists changed,
dropped or added numbers and dates, misquotes and fabricated quotes, names, roles and
affiliations, credits and claims stated as fact, and negations or hedges that flipped.
`article_attribution_drift` reports a wire credit that the B article no longer gives.

Rule-based, no models, well under a millisecond per pair; precision first, because a
false alarm teaches users to ignore the flags:
- facts are compared only inside pairs that say the same thing: a pair below the
  aligner's own floor, or a sentence of a merge that shares too little with the other
  side, is left alone;
- paraphrases that keep the fact (synonyms, reordered clauses, "1.2bn" for "1,200
  million", "Bashar Al Assad" for "Bashar al-Assad", "he" for "Mr Smith") are not
  flagged;
- a fact inside a quote that is itself reported as altered is not reported twice;
- on text that is not English only numbers and quotes are compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from reader.clean.stopwords import STOPWORDS
from reader.drift.context import Articles, PairContext, Words, content_words, words
from reader.drift.credit import (
    CREDIT_ADDED,
    SPEAKER,
    article_attribution_drift,
    credit_drift,
    dateline_end,
    pair_credits,
)
from reader.drift.names import Vocabulary, as_name, name_drift
from reader.drift.negation import negation_drift
from reader.drift.numbers import DAY_NOTE, Amounts, day_drift, number_drift, quantities, says_when
from reader.drift.quotes import (
    ALTERED,
    CREDITED_ELSEWHERE,
    Quote,
    pair_quotes,
    quote_drift,
)
from reader.drift.types import DRIFT_KINDS, Drift
from reader.drift.wordlists import REPORTING

Detector = Callable[[PairContext], list[Drift]]
DETECTORS: tuple[Detector, ...] = (
    number_drift, day_drift, quote_drift, name_drift, credit_drift, negation_drift)
# numbers and quotes read the same in any language; names, credits and negations are
# read with English rules, which on German or French copy raise only false alarms
ANY_LANGUAGE: tuple[Detector, ...] = (number_drift, quote_drift)

SCORE_FLOOR = 40.0  # the aligner's own floor for a link: below it the sentences are unrelated
SURE_SCORE = 50.0  # below it a pair may share a subject but not a statement
SHARE_FLOOR = 0.25  # a sentence of a merge sharing less of its content words is another matter

Span = tuple[int, int]


def _quiet(parts: Sequence[str], other_keys: set[str]) -> list[Span]:
    """Spans of the sentences of a merged side that share too little with the other side."""
    out, pos = [], 0
    for part in parts:
        content = content_words(words(part).keys)
        if content and len(content & other_keys) < SHARE_FLOOR * len(content):
            out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _languages_of() -> dict[str, list[str]]:
    """Function word -> the languages it is a function word of."""
    out: dict[str, list[str]] = {}
    for lang, stop in STOPWORDS.items():
        for word in stop:
            out.setdefault(word, []).append(lang)
    return out


_LANGUAGES_OF = _languages_of()


def _english(ctx: PairContext) -> bool:
    """The pair reads as English: no other language's function words outnumber English ones."""
    counts = dict.fromkeys(STOPWORDS, 0)
    for keys in (ctx.words.a.keys, ctx.words.b.keys):
        for k in keys:
            for lang in _LANGUAGES_OF.get(k, ()):
                counts[lang] += 1
    return counts["en"] >= max(counts.values())


def _inside(start: int, end: int, spans: list[Span]) -> bool:
    return start >= 0 and any(s <= start and end <= e for s, e in spans)


def _kept(d: Drift, ctx: PairContext, quoted: tuple[list[Span], list[Span]],
          credited: tuple[list[Span], list[Span]]) -> bool:
    if _inside(d.a_start, d.a_end, ctx.quiet_a) or _inside(d.b_start, d.b_end, ctx.quiet_b):
        return False
    if d.kind in ("number", "name", "negation") and (
            _inside(d.a_start, d.a_end, quoted[0]) or _inside(d.b_start, d.b_end, quoted[1])):
        return False  # the altered quote around it is the finding
    return not (d.kind == "name" and (_inside(d.a_start, d.a_end, credited[0])
                                      or _inside(d.b_start, d.b_end, credited[1])))


def _whole_quotes(found: list[Quote], spans: list[Span]) -> list[Span]:
    """The whole quotes that the spans of altered quotes touch."""
    return [(q.start, q.end) for q in found if any(s < q.end and q.start < e for s, e in spans)]


def _amounts(found: Words) -> Amounts:
    return Amounts(quantities(found))


def _stated_elsewhere(d: Drift, articles: Articles) -> bool:
    """A fact this pair has on one side only that the other article states anyway, in
    another sentence: moved, not dropped or added."""
    if d.change == "changed" and d.kind == "attribution" and d.note.startswith(CREDIT_ADDED):
        d = replace(d, a_text="", change="added")  # B's source: does A name it elsewhere?
    if d.change == "changed":
        return d.kind == "name" and _full_name_elsewhere(d, articles)
    if d.kind not in ("name", "number") and not d.note.startswith((SPEAKER, CREDIT_ADDED)):
        return False  # (credits to outlets and wires check the other article themselves)
    text, other = (d.a_text, "b") if d.change == "dropped" else (d.b_text, "a")
    if d.note.startswith(DAY_NOTE):
        return says_when(articles.b_text if other == "b" else articles.a_text)
    if d.kind == "number":
        mine = quantities(words(text))
        return bool(mine) and articles.word_view(_amounts, other).has(mine[0])
    vocabulary = articles.word_view(Vocabulary, other)
    name = as_name(" ".join(w for w in re.findall(r"\w+", text) if w[0].isupper()))
    if d.kind == "attribution" and not name.keys:  # "he said", "police said": no name
        if not d.note.startswith(SPEAKER):
            return False
        return not REPORTING.isdisjoint(articles.word_view(Vocabulary, other).exact)
    return bool(name.keys) and all(vocabulary.has(k) or vocabulary.alike(k) for k in name.keys)


def _full_name_elsewhere(d: Drift, articles: Articles) -> bool:
    """"Miss Morgan" -> "Lydia" where an article says "Lydia Morgan": one person named
    by surname on one side and by first name on the other."""
    xs = [w for w in re.findall(r"\w+", d.a_text) if w[0].isupper()]
    ys = [w for w in re.findall(r"\w+", d.b_text) if w[0].isupper()]
    if not xs or not ys:
        return False
    full = {f"{x} {y}" for x in xs for y in ys} | {f"{y} {x}" for x in xs for y in ys}
    return any(f in text for f in full for text in (articles.a_text, articles.b_text))


def _credit_spans(ctx: PairContext) -> tuple[list[Span], list[Span]]:
    """Credits and datelines: names there are the credit detector's business."""
    out = []
    for text, found in zip((ctx.a, ctx.b), ctx.derived(pair_credits)):
        spans = [(c.start, c.end) for c in found]
        end = dateline_end(text)
        out.append(spans + [(0, end)] if end else spans)
    return out[0], out[1]


def find_drift(a: str | Sequence[str], b: str | Sequence[str], score: float | None = None,
               articles: Articles | None = None) -> list[Drift]:
    """Fact changes between the A and B side of one aligned pair (each a text or its
    sentences), in reading order of A (B-only changes where they fall in B). `score` is
    the aligner's score for the pair; `articles` the two whole articles, for quotes
    checked across sentences. Identical, one-sided or unrelated pairs give []."""
    a_parts = [a] if isinstance(a, str) else list(a)
    b_parts = [b] if isinstance(b, str) else list(b)
    raw_a, raw_b = " ".join(a_parts), " ".join(b_parts)
    if raw_a == raw_b or not raw_a.strip() or not raw_b.strip():
        return []
    if score is not None and score < SCORE_FLOOR:
        return []
    ctx = PairContext.of(raw_a, raw_b)
    ctx.article = articles
    ctx.sure = score is None or score >= SURE_SCORE
    keys_a, keys_b = set(ctx.words.a.keys), set(ctx.words.b.keys)
    if len(a_parts) > 1:
        ctx.quiet_a = _quiet(a_parts, keys_b)
    if len(b_parts) > 1:
        ctx.quiet_b = _quiet(b_parts, keys_a)
    found = [d for detect in (DETECTORS if _english(ctx) else ANY_LANGUAGE) for d in detect(ctx)]
    altered = [d for d in found if d.kind == "quote" and d.note.startswith(ALTERED)]
    quotes_a, quotes_b = ctx.derived(pair_quotes)
    quoted = (_whole_quotes(quotes_a, [(d.a_start, d.a_end) for d in altered]),
              _whole_quotes(quotes_b, [(d.b_start, d.b_end) for d in altered]))
    credited = _credit_spans(ctx)
    speakers = {(d.a_start, d.a_end) for d in found if d.note.startswith(CREDITED_ELSEWHERE)}
    found = [d for d in found if d.kind != "name" or not any(
        d.a_start < e and s < d.a_end for s, e in speakers)]  # said once, by the quote
    unique = {(d.kind, d.a_start, d.a_end, d.b_start, d.b_end): _raw(d, raw_a, raw_b)
              for d in found if _kept(d, ctx, quoted, credited)
              and not (articles and _stated_elsewhere(d, articles))}
    return sorted(unique.values(), key=lambda d: (
        d.a_start if d.a_start >= 0 else d.b_start, DRIFT_KINDS.index(d.kind), d.b_start))


def _raw(d: Drift, a: str, b: str) -> Drift:
    """The finding with its spans cut from the texts as written (``wire'' marks and all)."""
    return replace(d, a_text=a[d.a_start:d.a_end] if d.a_start >= 0 else d.a_text,
                   b_text=b[d.b_start:d.b_end] if d.b_start >= 0 else d.b_text)


__all__ = ["ANY_LANGUAGE", "DETECTORS", "Detector", "Drift", "article_attribution_drift", "find_drift"]
