"""Split article paragraphs into sentences with character offsets into the article text.

Rule-based and language-agnostic: a boundary is sentence punctuation (plus any closing
quotes or brackets) followed by space and a character that is not lowercase, unless the
word before the full stop is a known abbreviation or an initial. Decimals and thousands
("3.6", "900,000") never split because no space follows their punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.comparison_model import Sentence
from reader.model import Article

_CLOSERS = "\"'”’»)]}›“‘«‹"  # after a full stop even “ and « close (German, Swiss usage)
_OPENERS = "\"'“‘«([{‹¿¡"
# Punctuation run, closing quotes/brackets, then whitespace (the split point).
_C = re.escape(_CLOSERS)
# Sentence punctuation, closing quotes/brackets, then the gap before the next sentence.
# CJK full stops need no following space.
_BOUNDARY = re.compile(rf"(?P<p>[.!?…؟।]+|[。！？]+)(?P<c>[{_C}]*)(?P<gap>\s+|$|(?<=[。！？{_C}]))")

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev col lt sgt capt cmdr adm maj pres supt
    insp det no nos vs etc approx dept est fig figs inc ltd co corp bros plc llc op vol ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    al cf ca e.g i.e a.m p.m u.s u.k u.n u.s.a e.u d.c n.y l.a ph.d b.a m.a
    abs art bzw ca dr evtl ggf hr fr nr str usw vgl z.b d.h u.a mme mlle mm av boul
    """.split()
)
# After an abbreviation that often ends sentences ("in the U.S."), split only if a typical
# sentence opener follows.
_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i in on at but and this that these those his her their its "
    "there however meanwhile after before when while if as for".split()
)


def _is_abbreviation(before: str) -> tuple[bool, bool]:
    """(is abbreviation, is an all-caps dotted acronym like U.S.) for the word before a '.'."""
    m = re.search(r"(\S+)$", before)
    if not m:
        return False, False
    word = m.group(1).lstrip(_OPENERS)
    bare = word.rstrip(".").lower()
    if not bare:
        return False, False
    if len(bare) == 1 and bare.isalpha():
        return True, word[:1].isupper()  # an initial: "J. Smith", or "U" in "U."
    acronym = bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word + "."))
    return bare in ABBREVIATIONS or acronym, acronym


def split_text(text: str, offset: int = 0, paragraph: int = 0) -> list[Sentence]:
    """Split one paragraph; offsets are `offset + position in text`."""
    sentences: list[Sentence] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end("c")
        if m.end() >= n:
            break  # the rest is the last sentence
        nxt = text[m.end()]
        punct = m.group("p")
        if nxt.islower():
            continue
        if punct == ".":
            abbrev, acronym = _is_abbreviation(text[start:m.start()])
            if abbrev:
                word = re.match(r"[\w'’]+", text[m.end():])
                if not (acronym and word and word.group(0).lower() in _SENTENCE_OPENERS):
                    continue
        _emit(sentences, text, start, end, offset, paragraph)
        start = m.end()
    _emit(sentences, text, start, n, offset, paragraph)
    return sentences


def _emit(out: list[Sentence], text: str, start: int, end: int, offset: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(Sentence(stripped, s, s + len(stripped), paragraph))


def split_article(article: Article) -> list[Sentence]:
    """All sentences of an article's body, paragraph by paragraph."""
    out: list[Sentence] = []
    for i, p in enumerate(article.paragraphs):
        out.extend(split_text(p.text, p.start, i))
    return out


def split_lines(text: str) -> list[Sentence]:
    """One sentence per non-empty line (for research corpora that come pre-split)."""
    out: list[Sentence] = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped)
            out.append(Sentence(stripped, s, s + len(stripped), i))
        pos += len(line) + 1
    return out


def sentences_from_strings(lines: Iterable[str]) -> list[Sentence]:
    """Exactly one Sentence per string (stripped), offsets as if joined by newlines."""
    out: list[Sentence] = []
    pos = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        s = pos + (line.index(stripped) if stripped else 0)
        out.append(Sentence(stripped, s, s + len(stripped), i))
        pos += len(line) + 1
    return out
