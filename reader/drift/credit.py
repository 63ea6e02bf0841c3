"""Who a sentence or an article credits: wire agencies ("(Reuters)"), outlets ("The
National reported", "As per The Arab News", "according to X") and the speaker of a
quote ("said the official" vs "told the official", where the official became the one
being told).

A credit counts as changed only when its name is nowhere on the other side: "UN OCHA
stated" for "the United Nations Office ... said" is the same source (names module's
matching decides), "The National reported" for a Reuters dateline is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.drift.context import PairContext, WordMap, Words
from reader.drift.names import Side, as_name, pair_sides
from reader.drift.quotes import Quote, pair_quotes, quotes
from reader.drift.types import Drift, change_of, make, shown
from reader.drift.wordlists import REPORTING, ROLE_CLASS
from reader.lexicon import AGENCY_NAMES, WIRE_AGENCIES, agency, is_agency

_WIRE = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in AGENCY_NAMES)
_CAP = r"[^\W\d_a-z][\w’'&.-]*"
_NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:(?:of|for|the|al|de)\s+)?{_CAP}){{0,5}}"
_OUTLET_TAIL = r"(?:\s+(?:news\s+agency|newspaper|daily|television|TV|news\s+channel))?"
_PAREN_CREDIT = re.compile(rf"\((?P<name>(?:[^()\n]{{0,40}}\bwith\s+)?(?:{_WIRE}))\)")
_LEAD_CREDIT = re.compile(  # "according to X", "as per X"
    r"\b(?:[Aa]ccording\s+to|[Aa]s\s+per|[Cc]iting|[Qq]uoted\s+by|[Rr]eported\s+by)\s+"
    rf"(?P<name>{_NAME})")
# a word part every lead credit holds: texts without any skip the pattern, slow to fail
_LEAD_PARTS = ("ccording", "per", "iting", "uoted", "eported")
_REPORTED = re.compile(r"\s+(?:has\s+|had\s+)?reported\b")
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME}){_OUTLET_TAIL}$")  # "The National" + " reported"
_WIRE_AFTER = re.compile(rf"\b(?:told|said|reported)\s+(?P<name>{_WIRE})\b")
_STANDALONE_WIRE = re.compile(rf"^[\s(—–-]*(?P<wire>{_WIRE})[\s).]*$", re.MULTILINE)
_LEADING_THE = re.compile(r"^[Tt]he\s+")
_LOWER_THE = re.compile(r"^the\s+")  # "according to the National": "The National" keeps it
_SPEECH = frozenset(
    "said says stated states added adds explained noted revealed announced asserted "
    "claimed confirmed insisted warned".split())
_TOLD = frozenset(("told", "tells", "informed"))
_DETERMINERS = frozenset(("the", "a", "an", "one"))
_SPEAKING_WORDS = frozenset(ROLE_CLASS) | _SPEECH | _TOLD
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’/-]+(?:[ ,/]+[A-Z][A-Z.'’/-]+)*(?:\s*\([^)\n]{1,40}\))?\s*[:–—-]\s")


@dataclass(frozen=True)
class Credit:
    start: int  # the whole credit phrase ("As per The Arab News")
    end: int
    name: str  # the credited source ("Arab News")
    name_start: int


def _credit_matches(text: str):
    yield from _PAREN_CREDIT.finditer(text)
    if any(part in text for part in _LEAD_PARTS):
        yield from _LEAD_CREDIT.finditer(text)
    yield from _WIRE_AFTER.finditer(text)
    for m in _REPORTED.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if before:
            yield before, m.end()


def credits(text: str) -> list[Credit]:
    """Credited sources in `text`, in reading order."""
    out = []
    for found in _credit_matches(text):
        m, end = found if isinstance(found, tuple) else (found, found.end())
        name, start = m.group("name"), m.start("name")
        lead = _LOWER_THE.match(name)
        if lead:
            name, start = name[lead.end():], start + lead.end()
        if " with " in name:  # "(Zaman Al Wasl with Agencies)"
            name = name.rsplit(" with ", 1)[1]
            start = m.end("name") - len(name)
        if all(w.casefold() in ROLE_CLASS for w in name.split()):
            continue  # "Officials reported": a speaker, not a named source
        out.append(Credit(m.start(), end, name, start))
    return sorted(out, key=lambda c: c.start)


def dateline_end(text: str) -> int:
    """End of an "ANKARA (Reuters) –" dateline at the start of `text` (0 if none)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _named_in(name: str, side: Side, article: str | None) -> bool:
    """The other side names this source: in the pair, or (for a wire agency, under
    any of its names) anywhere in its article ("(AP)" when A ends "The Associated
    Press contributed")."""
    if side.knows(as_name(name)):
        return True
    wire = agency(name)
    return bool(article and wire and any(
        _mentions(alias, article) for alias in (wire, *WIRE_AGENCIES[wire])))


def pair_credits(ctx: PairContext) -> tuple[list[Credit], list[Credit]]:
    return credits(ctx.a), credits(ctx.b)


def credit_drift(ctx: PairContext) -> list[Drift]:
    """Credits one side gives and the other never mentions, paired where they stand in
    each other's place; "said the X" turned into "told the X"; a claim one side
    attributes and the other states as fact, or a quote's speaker one side drops."""
    a, b, word_map = ctx.a, ctx.b, ctx.words
    side_a, side_b = ctx.derived(pair_sides)
    credits_a, credits_b = ctx.derived(pair_credits)
    art = ctx.article
    names_a, names_b = {_key(c.name) for c in credits_a}, {_key(c.name) for c in credits_b}
    lone_a = [c for c in credits_a if _key(c.name) not in names_b
              and not _named_in(c.name, side_b, art.b_text if art else None)]
    lone_b = [c for c in credits_b if _key(c.name) not in names_a
              and not _named_in(c.name, side_a, art.a_text if art else None)]
    out: list[Drift] = []
    found = word_map.pairs([(x.start, x.end) for x in lone_a], [(y.start, y.end) for y in lone_b])
    if not found and ctx.sure and len(lone_a) == len(lone_b) == 1:
        found = [(0, 0)]  # the one credit left on each side: changed wherever it moved
    for i, j in found:
        x, y = lone_a[i], lone_b[j]
        out.append(make("attribution", a, (x.start, x.end), b, (y.start, y.end), "credit changed"))
    lone_a = [x for i, x in enumerate(lone_a) if i not in {i for i, _ in found}]
    lone_b = [y for j, y in enumerate(lone_b) if j not in {j for _, j in found}]
    out += [make("attribution", a, (x.start, x.end), b, None, "credit dropped") for x in lone_a]
    out += [make("attribution", a, None, b, (y.start, y.end), "credit added") for y in lone_b]
    speech_a, speech_b = _speech(word_map.a), _speech(word_map.b)
    out += [make("attribution", a, sa, b, sb, "speaker became the one spoken to")
            for sa, sb in _turned(speech_a, speech_b)]
    out += [make("attribution", a, sa, b, sb, "the one spoken to became the speaker")
            for sb, sa in _turned(speech_b, speech_a)]
    return out + reporting_drift(ctx)


@dataclass(frozen=True)
class Speech:
    start: int  # "said the official" / "told the official"
    end: int
    role: str  # role class
    told: bool  # the role is spoken to, not speaking


def _speech(words: Words) -> tuple[set[str], list[Speech]]:
    """Role classes that speak ("the official said"), and verb-first phrases ("said the
    official", "told the official")."""
    keys, speaking, inverted = words.keys, set(), []
    for i in [i for i, k in enumerate(keys) if k in _SPEAKING_WORDS]:
        k = keys[i]
        role = ROLE_CLASS.get(k)
        if role:
            j = i + 1 + (i + 1 < len(keys) and keys[i + 1] in ("has", "had"))
            if j < len(keys) and (keys[j] in _SPEECH or keys[j] in ("told", "tells")):
                speaking.add(role)
        elif (k in _SPEECH or k in _TOLD) and i + 1 < len(keys) and keys[i + 1] in _DETERMINERS:
            for r in range(i + 2, min(i + 5, len(keys))):
                if keys[r] in ROLE_CLASS:
                    told = k in _TOLD
                    inverted.append(Speech(words.starts[i], words.ends[r], ROLE_CLASS[keys[r]], told))
                    if not told:
                        speaking.add(ROLE_CLASS[keys[r]])
                    break
    return speaking, inverted


def _turned(speech_a: tuple[set[str], list[Speech]], speech_b: tuple[set[str], list[Speech]]
            ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans of "said the official" in A where B has "told the official" and no
    official speaks."""
    (_, said_a), (speak_b, said_b) = speech_a, speech_b
    out = []
    for x in said_a:
        if x.told or x.role in speak_b:
            continue
        y = next((y for y in said_b if y.told and y.role == x.role), None)
        if y:
            out.append(((x.start, x.end), (y.start, y.end)))
    return out


def _mentions(name: str, text: str) -> re.Match | None:
    """Where `text` names `name` ("The National" also as "the National")."""
    bare = _LEADING_THE.sub("", name)
    words = r"\s+".join(re.escape(w) for w in bare.split())
    flags = 0 if len(bare) <= 4 else re.IGNORECASE  # "AP" must not match "ap"
    return re.search(rf"(?<!\w){words}(?!\w)", text, flags) if words else None


def _body_credits(body: str) -> list[tuple[str, tuple[int, int]]]:
    found = [(c.name, (c.name_start, c.name_start + len(c.name))) for c in credits(body)]
    found += [(m.group("wire"), m.span("wire")) for m in _STANDALONE_WIRE.finditer(body)]
    return sorted(found, key=lambda t: t[1])


def _key(name: str) -> str:
    return " ".join(_LEADING_THE.sub("", name).casefold().split())


def article_attribution_drift(a_attribution: list[str], b_attribution: list[str],
                              a_body: str, b_body: str) -> list[Drift]:
    """Credits of A (its attribution list, and wire credits in its body) that B neither
    lists nor mentions, each with what B credits instead, if anything."""
    a_credits: dict[str, tuple[str, tuple[int, int] | None]] = {}
    a_attribution = [n.strip() for n in a_attribution if n.strip()]
    b_attribution = [n.strip() for n in b_attribution if n.strip()]
    for name in a_attribution:
        m = _mentions(name, a_body)
        a_credits.setdefault(_key(name), (name, m.span() if m else None))
    for name, span in _body_credits(a_body):
        if is_agency(name):
            a_credits.setdefault(_key(name), (name, span))
    b_listed = {_key(n) for n in b_attribution}
    b_credits = [(n, m.span() if (m := _mentions(n, b_body)) else None) for n in b_attribution]
    b_credits += _body_credits(b_body)
    instead = next(((n, span) for n, span in b_credits
                    if _key(n) not in a_credits and not _mentions(n, a_body)), None)
    out = []
    for key, (name, span) in a_credits.items():
        if key in b_listed or _mentions(name, b_body):
            continue
        a_start, a_end = span or (-1, -1)
        b_start, b_end = instead[1] if instead and instead[1] else (-1, -1)
        note = f"credit removed: A credits {shown(name)}, B does not name it"
        if instead:
            note += f"; B credits {shown(instead[0])} instead"
        out.append(Drift("attribution", a_body[a_start:a_end] if span else "",
                         b_body[b_start:b_end] if b_start >= 0 else "",
                         a_start, a_end, b_start, b_end, note,
                         change_of(True, bool(instead))))
    return out


_HEDGES = frozenset("allegedly reportedly apparently suspected".split())
# a plea or a charge ("denies murdering", "is accused of") says what the accused answers,
# not whose claim it is (the negation rules read "denied" -> "admitted")
_PLEAS = frozenset("admitted admits admitting denied denies denying accused accuses".split())
_REPORTING = (REPORTING | _HEDGES) - _PLEAS
SPEAKER = "quote's speaker"  # the note of a quote that lost or gained its speaker
CREDIT_ADDED = "credit added, A states it as fact"  # a claim B credits to someone, A not
_CLAUSE_END = re.compile(r"[,;:.!?]")
# after these a reporting word is an adjective: "an alleged attack", "to alleged incidents"
_BEFORE_ADJECTIVE = frozenset(
    "a an the his her their its this that to of for in on over with about into from by".split())
_HEDGED = _HEDGES | {"alleged", "according"}  # words that keep a claim someone's
_BE = frozenset("is was were been being be are".split())
_MAX_CLAUSE = 8  # words: a longer unmatched stretch is a rewrite, not a dropped credit


@dataclass(frozen=True)
class Reporting:
    """How one side of a pair presents its claim."""

    verbs: list[int]  # word indices of reporting words outside quotes
    speech: bool  # mostly quoted words: someone's speech, even with no speaker named


def _reporting(words: Words, found: list[Quote], found_credits: list[Credit]) -> Reporting:
    """Reporting words outside quotes and outside credits to an outlet (those are
    `credit_drift`'s business)."""
    inside = [(q.start, q.end) for q in found]
    quoted = sum(1 for s in words.starts if any(a <= s < e for a, e in inside)) if inside else 0
    inside += [(c.start, c.end) for c in found_credits]
    keys = words.keys
    verbs = [i for i, k in enumerate(keys) if k in _REPORTING
             and not (i and keys[i - 1] in _BEFORE_ADJECTIVE)
             and not any(a <= words.starts[i] < e for a, e in inside)]
    return Reporting(verbs, 2 * quoted >= max(1, len(words)))


def _attribution_lost(word_map: WordMap, mine: Reporting, theirs: Reporting
                      ) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """(span of this side's credit, the other side's whole text, or None when the other
    side is a quote that only lost its speaker) when this side says who claims it and
    the other side does not, or only keeps the words of a claim reported inside it."""
    lost = [v for v in mine.verbs if not word_map.kept(v)]
    if theirs.verbs:  # all kept word for word, they are another claim's reporting: "He said
        back = word_map.swapped()  # the solicitor had argued" -> "the solicitor had argued"
        if any(not back.kept(v) or back.a.keys[v] in _HEDGED for v in theirs.verbs):
            return []  # ("allegedly" kept: the claim is still someone's, not a fact)
        keys = word_map.a.keys  # a verb that reports (not "claims", not "was told"), before
        inner = [back.a2b[t] for t in theirs.verbs]  # every kept one: theirs report inside its claim
        lost = [v for v in lost if keys[v] in _SPEECH | _TOLD and not (v and keys[v - 1] in _BE)
                and all(i > v for i in inner)]
    if not lost:
        return []
    verb = lost[0]
    a1, a2, b1, b2 = word_map.gap(verb, verb + 1)
    if a2 - a1 > _MAX_CLAUSE or a2 - a1 == b2 - b1 == 1:
        return []  # (a tag reworded word for word, "It read:" -> "It said:", is no loss)
    words = word_map.a
    if any(word_map.kept(i) and words.text[words.starts[i]].isupper()
           and not _CLAUSE_END.search(words.text, words.ends[i], words.starts[verb])
           for i in range(max(0, verb - 3), verb)):
        return []  # the named source is kept ("Anadolu agency reported" -> "Anadolu ... gave an account")
    clause = word_map.a.span(a1, a2)
    if theirs.speech:
        return [(clause, None)]
    return [(clause, word_map.b.span(0, len(word_map.b)))]


def _quoted_in_article(ctx: PairContext, side: str) -> bool:
    """The pair's sentences of this side stand inside a quotation of their article: a
    quote running on from an earlier sentence, with no mark of its own to show it."""
    if ctx.article is None:
        return False
    text = ctx.article.a_text if side == "a" else ctx.article.b_text
    at = text.find((ctx.a if side == "a" else ctx.b)[:40])
    return at >= 0 and any(q.start <= at < q.end for q in ctx.article.view(quotes, side))


def reporting_drift(ctx: PairContext) -> list[Drift]:
    """"Police said X" -> X: a claim one side credits to someone and the other states
    as fact (a change), or a quote that keeps its words but loses its speaker (one
    side only)."""
    wa, wb = ctx.words.a, ctx.words.b
    if not len(wa) or not len(wb) or not ctx.sure:
        return []  # whether B states A's claim at all is a judgement only a sure pair allows
    credits_a, credits_b = ctx.derived(pair_credits)
    quotes_a, quotes_b = ctx.derived(pair_quotes)
    ra, rb = _reporting(wa, quotes_a, credits_a), _reporting(wb, quotes_b, credits_b)
    if rb.verbs and not ra.speech and _quoted_in_article(ctx, "a"):  # (asked only where
        ra = Reporting(ra.verbs, True)  # the other side credits someone: it scans the article)
    if ra.verbs and not rb.speech and _quoted_in_article(ctx, "b"):
        rb = Reporting(rb.verbs, True)
    out = [make("attribution", ctx.a, sa, ctx.b, sb,
                "credit dropped, B states it as fact" if sb else f"{SPEAKER} dropped")
           for sa, sb in _attribution_lost(ctx.words, ra, rb)]
    out += [make("attribution", ctx.a, sa, ctx.b, sb,
                 CREDIT_ADDED if sa else f"{SPEAKER} added")
            for sb, sa in _attribution_lost(ctx.words.swapped(), rb, ra)]
    return out
