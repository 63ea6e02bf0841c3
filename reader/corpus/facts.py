"""Facts an article states that its sources lack: numbers and names of its own.

A wholly derived article may reword every sentence, but it adds nothing the wire did not
give it; a newspaper that also used its own reporting states an age, a sum or a name the
wire lacks. Two kinds are told reliably from the text alone:
  - numbers written in digits whose value no source states, in digits or in words
    ("28" where the wire gave no age; "seven" for "7" is the same fact, and a rewrite
    that says "two men" for two names is no new fact, so numbers in words are not counted);
  - names: capitalised words inside a sentence (not opening it, a quote or a clause)
    that no source uses in any case, less month and weekday names and titles.
Words of its own inside quotations were tried as a third kind: on METER's development
pairs they added nothing once a source's reworded quote was told from a new one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.drift.context import starts_sentence
from reader.drift.context import words as sentence_words
from reader.drift.numbers import Amounts, quantities
from reader.lexicon import MONTHS, WEEKDAYS
from reader.model import Article

_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_LETTERS = re.compile(r"[^\W\d_]+")
# "Quinn" of "Quinn's", "McGuire", "Nestlé"; not "No" of "No1" (a word running into digits)
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*(?!\w)")
_NO_NAMES = frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS)) | frozenset(
    "mr mrs ms miss dr sir dame lady lord".split())  # a title names no one new


def body_of(article: Article) -> str:
    """The body as one text, paragraphs apart (lines for an article read as lines)."""
    if article.paragraphs:
        return "\n\n".join(p.text for p in article.paragraphs)
    return article.text


@dataclass(frozen=True)
class NewFacts:
    """What an article states that its sources lack, each once, in reading order."""

    numbers: tuple[str, ...]  # as written
    names: tuple[str, ...]  # as written, neighbouring words as one ("Old Etonian")


def new_facts(article: Article, sources: Sequence[Article]) -> NewFacts:
    """The numbers and names the article states that the sources lack."""
    text = body_of(article)
    theirs = [body_of(s) for s in sources]
    stated = Amounts([q for t in theirs for q in quantities(sentence_words(t))])
    units = {q.unit for q in stated.found if q.unit}
    digits = {d for t in theirs for d in _DIGITS.findall(t)}
    numbers: dict[str, None] = {}
    for q in quantities(sentence_words(text)):
        written = text[q.start:q.end]
        if (_DIGITS.search(written) and not set(_DIGITS.findall(written)) <= digits
                and not stated.has(q) and q.unit not in units):
            numbers.setdefault(written.strip(), None)
    used = {w.casefold() for t in theirs for w in _LETTERS.findall(t)}
    seen: set[str] = set()
    names: dict[str, None] = {}  # each word once, its neighbours with it
    last, phrase = -1, ""
    for m in _NAME.finditer(text):
        key = m.group().casefold()
        adjacent = bool(phrase) and m.start() == last + 1 and text[last] in " -"
        if adjacent and text[last] == "-":  # "Palmer-Tomkinson": one name, counted once
            phrase, last = phrase + "-" + m.group(), m.end()
            continue
        if (key in used or key in _NO_NAMES or starts_sentence(text, m.start())
                or text[m.start() - 1] in "'\u2018"):
            continue
        if adjacent:
            phrase += " " + m.group()  # "Old Etonian", "Judge Ruth Okafor"
        else:
            if phrase:
                names.setdefault(phrase, None)
            phrase = m.group() if key not in seen else ""
        last = m.end()
        seen.add(key)
    if phrase:
        names.setdefault(phrase, None)
    words = {n: _words(n) for n in names}  # "Archer" goes in "Tommy Archer"
    return NewFacts(tuple(numbers), tuple(n for n in names
                                          if not any(words[n] < w for w in words.values())))


def _words(name: str) -> set[str]:
    """The words of a name as counted: a double-barrelled one by its first part."""
    return {w.split("-")[0].casefold() for w in name.split()}


def name_words(names: Sequence[str]) -> int:
    """How many different words the names hold (a fact per word the sources never use)."""
    return len(set().union(*map(_words, names)))
