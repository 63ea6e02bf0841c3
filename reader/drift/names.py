"""Names, roles and affiliations that change or disappear inside an aligned pair.

Rule-based, precision first:
- names are capitalised spans ("Syrian President Bashar al-Assad"); a capital that only
  opens a sentence is not a name unless the word is capitalised elsewhere too or an age
  follows it ("Cobb, 38, who ...");
- a name one side only gives is reported unless the other side points to the same one
  ("he", "the farmer"); naming someone the other brings in unnamed ("a spokesman") is a
  fact of its own, and so is a place ("in Leeds", "at the Old Bailey", "at Stowe School,
  Bucks,"), which "he" never stands for;
- a name survives when all its words are on the other side (demonyms fold: "Syrian" ~
  "Syria"), when the other side names the same person by a shorter form ("Erdogan"), or
  by an acronym ("UN OCHA" ~ "United Nations Office for the Coordination of ...");
- roles ("foreign minister", "security source") are reported only when another role
  stands in their place; "official" ~ "authority" and plurals are the same role;
- affiliations ("Russia-backed" -> "Russia-led") compare name and relation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from reader.drift.context import PairContext, WordMap, Words, starts_sentence
from reader.drift.types import Drift, make
from reader.drift.wordlists import (
    BODIES, CAPITALS, CAPITALS_OF, COMMON_WORDS, COUNTIES, COUNTRY_FORMS, DESCRIPTION, GENDERED,
    GENERIC_ROLES, INSTITUTIONS, LOCATIVE, PARTICLES, PRONOUNS, RELATION_CLASS, REPORTING, ROLE_CLASS,
    ROLE_MODIFIERS)
from reader.lexicon import MONTHS, WEEKDAYS

_CONNECTORS = "of|for|the|de|del|della|di|da|du|des|la|le|van|von|bin|ibn|al|el"
_JOIN = re.compile(rf"(?:[ \t\u00a0\n]+(?:{_CONNECTORS}))*[ \t\u00a0\n]+")  # "Office for the Coordination"
_AFFILIATION = re.compile(
    rf"(?P<name>[^\W\d_][\w.]*(?:-[^\W\d_][\w.]*)*?)-(?P<rel>{'|'.join(RELATION_CLASS)})\b")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")
_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3},")  # "Cobb, 38, who ...": a person's name and age
# "the farmer" points back to someone named before; "a spokesman" brings in someone unnamed
_DEFINITE = DESCRIPTION - {"a", "an"}
_IT = frozenset(("it", "its"))
_CALENDAR = frozenset(  # dates are the numbers detector's business
    [d.casefold() for d in WEEKDAYS] + [m for m in MONTHS if len(m) > 3 or m == "may"])


def _fold(word: str) -> str:
    if word.isascii():
        word = word.casefold()
        return word[:-2] if word.endswith("'s") else word
    word = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in word if not unicodedata.combining(c)).removesuffix("'s")


def _spelled_alike(t: str, u: str) -> bool:
    """The same name spelt or shortened another way ("McPherson"/"MacPherson",
    "Chris"/"Christine"): one a 4+ letter prefix of the other, or one letter in five off."""
    if min(len(t), len(u)) < 4:
        return False
    if t.startswith(u) or u.startswith(t):
        return True
    return min(len(t), len(u)) >= 5 and Levenshtein.normalized_similarity(t, u) >= 0.8


def _is_role(word: str) -> bool:
    return word in ROLE_CLASS


def _close(t: str, u: str) -> bool:
    """Same name word up to a demonym or plural ending ("Syria"/"Syrian", "Turkey"/
    "Turkish", "Russians"); role words must match exactly ("minister" != "ministry")."""
    if t == u:
        return True
    if _is_role(t) or _is_role(u) or min(len(t), len(u)) < 4:
        return False
    common = 0
    for p, q in zip(t, u):
        if p != q:
            break
        common += 1
    return common >= 4 and common >= max(len(t), len(u)) - 3


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    keys: tuple[str, ...]  # folded words without particles
    initials: str  # "UNOCHA" for "United Nations Office for the Coordination of ..."
    caps: str  # the name itself when it is written in capitals ("UN OCHA" -> "UNOCHA")


class Vocabulary:
    """Every word of one side, for "is this name word anywhere over there?"."""

    def __init__(self, words: Words) -> None:
        self.exact: set[str] = set(words.keys)
        for k in words.keys:
            if "-" in k:
                self.exact.update(k.split("-"))
            if not k.isascii():
                self.exact.update(_fold(p) for p in k.split("-"))

    @cached_property
    def by_prefix(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in self.exact:
            if len(k) >= 4:
                out.setdefault(k[:4], []).append(k)
        return out

    @cached_property
    def by_first(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in self.exact:
            if len(k) >= 4:
                out.setdefault(k[0], []).append(k)
        return out

    def has(self, word: str) -> bool:
        if word in self.exact or word + "s" in self.exact or (
                word.endswith("s") and word[:-1] in self.exact):
            return True  # (a plural: "GPs" for "GP")
        if any(_close(word, u) for u in self.by_prefix.get(word[:4], ())):
            return True
        if word in COUNTIES and COUNTIES[word] in self.exact:
            return True
        country = CAPITALS.get(word)
        if country:
            return any(self.has(f) for f in COUNTRY_FORMS.get(country, (country,)))
        return any(c in self.exact for n, capitals in CAPITALS_OF.get(word[:4], {}).items()
                   if word in COUNTRY_FORMS.get(n, (n,)) or _close(word, n) for c in capitals)

    def alike(self, word: str) -> bool:
        """A word of this side that is the same name spelt or shortened another way."""
        return any(_spelled_alike(word, u) for u in self.by_first.get(word[:1], ()))


def _title_case(words: Words) -> bool:
    """A headline in Title Case: capitals say nothing about names there."""
    long_words = [s for s, k in zip(words.starts, words.keys) if len(k) > 3]
    caps = sum(words.text[s].isupper() for s in long_words)
    return len(long_words) >= 5 and caps >= 0.8 * len(long_words)


def _name(text: str, start: int, end: int, parts: list[str]) -> Name:
    keys = tuple(k for p in parts for k in map(_fold, re.split(r"[-\s]+", p))
                 if k and k not in PARTICLES)
    initials = "".join(p[0] for p in parts if p[0].isupper())
    caps = "".join(parts) if all(p.isupper() and len(p) >= 2 for p in parts) else ""
    return Name(start, end, keys, initials, caps)


def as_name(text: str) -> Name:
    """A credited source ("The Arab News") as a Name, to ask a Side whether it knows it."""
    return _name(text, 0, len(text), text.split())


def _capital_words(words: Words, lower: set[str]) -> list[int]:
    """Capitalised words, less the calendar, affiliations ("Russia-backed") and words
    in capitals for emphasis or a headline's run-in ("It WAS", "A SHOPKEEPER"): a
    common word, or one the copy also writes in lower case."""
    text, keys, ends = words.text, words.keys, words.ends
    return [i for i, st in enumerate(words.starts)
            if text[st].isupper() and keys[i] not in _CALENDAR
            and not (ends[i] - st > 1 and text[st:ends[i]].isupper()
                     and (keys[i] in COMMON_WORDS or keys[i] in lower))
            and not ("-" in keys[i] and _AFFILIATION.fullmatch(text, st, ends[i]))]


def _common_opener(key: str) -> bool:
    """A sentence's first word that is no name: a common word, or an adjective or
    participle by its ending ("Unemployed Harry Smith", "Speaking at ...")."""
    return key in COMMON_WORDS or (len(key) > 5 and key.endswith(("ed", "ing", "ly")))


def lowercase_words(words: Words) -> set[str]:
    return {k for s, k in zip(words.starts, words.keys) if words.text[s].islower()}


def names(words: Words, elsewhere_caps: set[str], lower: set[str] | None = None) -> list[Name]:
    """Capitalised spans of one side ("Syrian Observatory for Human Rights"). A capital
    opening a sentence makes a name only if the word is in `elsewhere_caps` (seen
    capitalised mid-sentence on either side) or is an acronym; common words that open
    a sentence ("The", "Speaking") are dropped from the front of a span. `lower`: words
    the copy writes in lower case (a word in capitals among them is emphasis)."""
    text, starts, ends = words.text, words.starts, words.ends
    runs: list[list[int]] = []
    for i in _capital_words(words, lower or set()):
        if runs:
            last = runs[-1][-1]
            if (i - last <= 3 and text[ends[last] - 2:ends[last]] not in ("'s", "’s")
                    and _JOIN.fullmatch(text, ends[last], starts[i])):
                runs[-1].append(i)
                continue
        runs.append([i])
    out = []
    for run in runs:
        while run and _common_opener(words.keys[run[0]]) and starts_sentence(text, starts[run[0]]):
            run.pop(0)
        if len(run) == 1 and starts_sentence(text, starts[run[0]]):
            word = text[starts[run[0]]:ends[run[0]]]
            if word not in elsewhere_caps and not (word.isupper() and len(word) >= 2
                                                   and word.casefold() not in COMMON_WORDS) \
                    and not _AGE_AFTER.match(text, ends[run[0]]):
                continue
        if run:
            parts = [text[starts[i]:ends[i]] for i in run]
            if parts[-1][-2:] in ("'s", "’s"):
                parts[-1] = parts[-1][:-2]
            name = _name(text, starts[run[0]], starts[run[-1]] + len(parts[-1]), parts)
            if name.keys and (name.caps or max(map(len, name.keys)) > 2):
                out.append(name)  # (not a letter: "S", "five Bs")
    return out


def capitalised_mid_sentence(words: Words) -> set[str]:
    return {words.text[s:e] for s, e in zip(words.starts, words.ends)
            if words.text[s].isupper() and not starts_sentence(words.text, s)}


class Side:
    """What one side says about names: its names, vocabulary and acronym forms."""

    def __init__(self, words: Words, found: list[Name], lower: set[str]) -> None:
        self.names = found
        self.vocab = Vocabulary(words)
        self.lower = lower  # the words this side writes in lower case
        self._keys = words.keys
        self.initials = [n.initials for n in found if len(n.initials) >= 2]
        self.caps = [n.caps for n in found if n.caps]

    def count(self, key: str) -> int:
        return sum(_fold(k) == key for k in self._keys)

    def knows(self, name: Name) -> bool:
        """The other side still carries this name (in full, shorter, or as acronym)."""
        if all(self.vocab.has(k) or self.vocab.alike(k) for k in name.keys):
            return True
        if name.caps and any(name.caps in i for i in self.initials):
            return True
        if len(name.initials) >= 2 and any(name.initials in c for c in self.caps):
            return True
        ends = {k for k in (name.keys[0], name.keys[-1]) if not _is_role(k)}
        if any(m.keys and set(m.keys) <= set(name.keys) and (m.keys[0] in ends or m.keys[-1] in ends)
               for m in self.names):
            return True  # a shorter form: "Mr Roberts" for "Kevan Roberts", "AgrEvo" for "AgrEvo UK"
        # a generic reference by its head word: "the department" for "the Department of Health"
        return len(name.keys) > 1 and name.keys[0] in self.lower


def _groups(text: str, found: list[Name]) -> list[list[Name]]:
    """Names joined by commas/and/or ("Moscow and Tehran") form one group."""
    groups: list[list[Name]] = []
    for n in found:
        if groups and _COORDINATION.fullmatch(text[groups[-1][-1].end:n.start]) and (
                n.start - groups[-1][-1].end) < 8:
            groups[-1].append(n)
        else:
            groups.append([n])
    return groups


def _replaced(word_map: WordMap, item: Name | Affiliation) -> bool:
    """Other words stand where this one stood: it was rewritten away, not dropped with
    its whole clause (an omission the word diff already shows)."""
    a1, a2, b1, b2 = word_map.gap(*word_map.a.covering(item.start, item.end))
    return b2 > b1 and 3 * (b2 - b1) + 3 >= a2 - a1


def _after_a_place(words: Words, i: int, j: int) -> bool:
    """Words i..j close a place after another one: "at Stowe School, Bucks," or "in Leeds,
    West Yorkshire." (a comma before, punctuation or the end after; "In Leeds, Smith said"
    is no place)."""
    text, starts, ends = words.text, words.starts, words.ends
    if not i or text[ends[i - 1]:starts[i]].strip() != "," or (
            j < len(words) and not text[ends[j - 1]:starts[j]].strip(" \t\n\"'’”)")):
        return False
    k = i - 1
    while k >= 0 and text[starts[k]].isupper():
        k -= 1
    keys = words.keys
    return 0 <= k < i - 1 and (keys[k] in LOCATIVE or keys[k] == "the" and k > 0
                                and keys[k - 1] in LOCATIVE)


def _own_fact(word_map: WordMap, name: Name) -> bool:
    """Whether a name only this side has is a fact of its own: not an acronym that may
    stand for a common noun ("DNA", "GP"), not a modifier inside a description ("the
    former Chilean dictator"), and not someone the other side names by a pronoun or a
    description ("he", "the farmer", "a spokesman") in the same place. A place (after
    "in", "at", "near", ...) is always a fact of its own."""
    words, keys = word_map.a, word_map.a.keys
    i, j = words.covering(name.start, name.end)
    if name.caps:
        return False
    other = word_map.b.keys
    title = words.text[name.start:name.end].split()[0].casefold().rstrip(".")
    if title in GENDERED and GENDERED[title].intersection(other):
        return False  # "Miss Freeman" where the other side says "her"
    if i and keys[i - 1] in LOCATIVE or (
            j - i > 1 and i > 1 and keys[i - 1] == "the" and keys[i - 2] in LOCATIVE):
        return True  # ("at the Old Bailey"; one word after "the" may be a decade or an adjective)
    if _after_a_place(words, i, j):
        return True
    if j < len(words) and words.text[words.starts[j]].islower() and DESCRIPTION.intersection(
            keys[max(0, i - 2):i]):
        return False
    if i and word_map.kept(i - 1) and words.text[words.ends[i - 1] - 2:words.ends[i - 1]] in (
            "'s", "’s") and words.text[words.starts[i - 1]].isupper():
        return False  # the rest of a name the other side gives: "St Peter's" + "Hospital"
    _, _, b1, b2 = word_map.gap(i, j)
    pronouns = _IT if keys[j - 1] in INSTITUTIONS else PRONOUNS  # "told Leeds Crown Court he"
    if pronouns.intersection(other[max(0, b1 - 1):b2 + 1]) or _DEFINITE.intersection(
            other[b1:b2]):
        return False
    # a speaker named on one side, a pronoun speaking on the other ("he said")
    return not (j < len(keys) and keys[j] in REPORTING and any(
        k in PRONOUNS and (n + 1 < len(other) and other[n + 1] in REPORTING
                            or n and other[n - 1] in REPORTING)
        for n, k in enumerate(other)))


def _shown_spans(group: list[Name], missing: list[Name], word_map: WordMap
                 ) -> list[tuple[int, int]]:
    """The whole group when all of it is gone ("Iran and Russia"), else each lost name
    that is a fact of its own."""
    kept = [n for n in missing if _own_fact(word_map, n)]
    if len(kept) == len(group) > 1:
        return [(group[0].start, group[-1].end)]
    return [(n.start, n.end) for n in kept]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _pair_and_report(a: str, b: str, word_map: WordMap, xs: list[tuple[int, int]],
                     ys: list[tuple[int, int]], what: str) -> tuple[list[Drift], list, list]:
    """Pair A spans with the B spans standing in their place; return the changes and
    the leftovers of each side."""
    found = word_map.pairs(xs, ys)
    out = [make("name", a, xs[i], b, ys[j], what) for i, j in found]
    paired_a, paired_b = {i for i, _ in found}, {j for _, j in found}
    return (out, [x for i, x in enumerate(xs) if i not in paired_a],
            [y for j, y in enumerate(ys) if j not in paired_b])


def _flagged_groups(text: str, found: list[Name], other: Side
                    ) -> list[tuple[list[Name], list[Name]]]:
    """(group, its names the other side lacks) for groups with at least one such name."""
    out = []
    for group in _groups(text, found):
        seen: list[tuple[str, ...]] = []
        missing = []
        for n in group:  # "Rogers and Rogers" -> "Rogers and Fenton": names count as a multiset
            seen.append(n.keys)
            again = seen.count(n.keys) > 1 and other.count(n.keys[-1]) < seen.count(n.keys)
            if again or not other.knows(n):
                missing.append(n)
        if missing:
            out.append((group, missing))
    return out


@dataclass(frozen=True)
class Role:
    start: int
    end: int
    cls: str
    mod: str


def roles(words: Words) -> list[Role]:
    """Role words with the modifier before them ("foreign minister", "security source")."""
    out, keys = [], words.keys
    for i, k in enumerate(keys):
        cls = ROLE_CLASS.get(k)
        if cls:
            mod = keys[i - 1] if i and keys[i - 1] in ROLE_MODIFIERS else ""
            out.append(Role(words.starts[i - 1 if mod else i], words.ends[i], cls, mod))
    return out


def _same_role(x: Role, y: Role) -> bool:
    """The same role, or one that may be anyone ("a spokesman" may be the policy officer)."""
    if x.cls == y.cls:
        return x.mod == y.mod or not x.mod or not y.mod
    generic = x.cls in GENERIC_ROLES or y.cls in GENERIC_ROLES
    return generic and not (x.mod and y.mod) and not BODIES.intersection((x.cls, y.cls))


@dataclass(frozen=True)
class Affiliation:
    start: int
    end: int
    name: str
    rel: str


def affiliations(words: Words) -> list[Affiliation]:
    """"Russia-backed", "UK-based": a capitalised name joined to a relation word."""
    out = []
    for s, e in zip(words.starts, words.ends):
        if "-" in words.text[s:e] and words.text[s].isupper():
            m = _AFFILIATION.fullmatch(words.text, s, e)
            if m:
                out.append(Affiliation(s, e, _fold(m.group("name")),
                                       RELATION_CLASS[m.group("rel").casefold()]))
    return out


def sides(word_map: WordMap) -> tuple[Side, Side]:
    """The names of both sides (a capital opening a sentence counts as a name when the
    word is capitalised mid-sentence on either side)."""
    wa, wb = word_map.a, word_map.b
    caps = capitalised_mid_sentence(wa) | capitalised_mid_sentence(wb)
    lower_a, lower_b = lowercase_words(wa), lowercase_words(wb)
    lower = lower_a | lower_b
    return Side(wa, names(wa, caps, lower), lower_a), Side(wb, names(wb, caps, lower), lower_b)


def pair_sides(ctx: PairContext) -> tuple[Side, Side]:
    return sides(ctx.words)


def name_drift(ctx: PairContext) -> list[Drift]:
    """Changed, dropped and added names; changed roles and affiliations."""
    a, b, word_map = ctx.a, ctx.b, ctx.words
    if _title_case(word_map.a) or _title_case(word_map.b):
        return []
    side_a, side_b = ctx.derived(pair_sides)
    out: list[Drift] = []

    # names: pair flagged groups by position, leftovers are drops/additions
    fa = _flagged_groups(a, side_a.names, side_b)
    fb = _flagged_groups(b, side_b.names, side_a)
    spans_a = [(g[0].start, g[-1].end) for g, _ in fa]
    spans_b = [(g[0].start, g[-1].end) for g, _ in fb]
    # a name standing in another's place is a change only where the aligner is sure the
    # sentences say the same thing; elsewhere the two are only names each side has
    changed, left_a, left_b = _pair_and_report(a, b, word_map, spans_a, spans_b, "name changed") \
        if ctx.sure else ([], spans_a, spans_b)
    out += changed
    for (group, missing), span in zip(fa, spans_a):
        if span in left_a:
            out += [make("name", a, x, b, None, "name dropped")
                    for x in _shown_spans(group, missing, word_map)]
    back = word_map.swapped()
    for (group, missing), span in zip(fb, spans_b):
        if span in left_b:
            out += [make("name", a, None, b, x, "name added")
                    for x in _shown_spans(group, missing, back)]

    # roles: only a role standing in the place of another one
    ra, rb = roles(word_map.a), roles(word_map.b)
    lone_a = [(r.start, r.end) for r in ra if not any(_same_role(r, s) for s in rb)]
    lone_b = [(r.start, r.end) for r in rb if not any(_same_role(r, s) for s in ra)]
    reported_a = [(d.a_start, d.a_end) for d in out if d.a_start >= 0]
    role_changes, _, _ = ([], [], []) if not ctx.sure else _pair_and_report(
        a, b, word_map, [x for x in lone_a if not _inside(x, reported_a)], lone_b, "role changed")
    out += role_changes

    # affiliations: same name, other relation; or a name gone from the other side
    aa, ab = affiliations(word_map.a), affiliations(word_map.b)
    lone_a_aff = [x for x in aa if not any(_close(x.name, y.name) and x.rel == y.rel for y in ab)]
    lone_b_aff = [y for y in ab if not any(_close(x.name, y.name) and x.rel == y.rel for x in aa)]
    for x in list(lone_a_aff):
        partner = next((y for y in lone_b_aff if _close(x.name, y.name)), None)
        if partner is None:
            n = word_map.counterpart(x.start, x.end, [(y.start, y.end) for y in lone_b_aff])
            partner = lone_b_aff[n] if n >= 0 else None
        if partner is not None:
            lone_a_aff.remove(x)
            lone_b_aff.remove(partner)
            out.append(make("name", a, (x.start, x.end), b, (partner.start, partner.end),
                            "affiliation changed"))
    out += [make("name", a, (x.start, x.end), b, None, "affiliation dropped")
            for x in lone_a_aff if not side_b.vocab.has(x.name) and _replaced(word_map, x)]
    out += [make("name", a, None, b, (y.start, y.end), "affiliation added")
            for y in lone_b_aff if not side_a.vocab.has(y.name) and _replaced(back, y)]
    return out


__all__ = ["Side", "affiliations", "as_name", "name_drift", "names", "pair_sides", "roles", "sides"]
