"""Token-level diff inside an aligned pair, with offsets a UI can highlight.

Tokens are words, numbers and single punctuation marks; CJK ideographs and kana are
one token per character (no spaces to split on). Tokens compare after `fold`, so a
curly quote against a straight one, or an en dash against a hyphen, is not a change.
Opcodes come from rapidfuzz's Indel (LCS) opcodes on token-id lists; a deletion next
to an insertion is reported as one replacement, which is how a reader sees a reword.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from reader.comparison_model import Opcode, Token, WordDiff
from reader.unicode_marks import MARK_RANGES

_QUOTES = dict.fromkeys(map(ord, "‘’‚‛′‹›`´"), "'") | dict.fromkeys(map(ord, "“”„‟″«»"), '"')
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-")
_FOLD_PAIRS = [(chr(code), to) for code, to in (_QUOTES | _DASHES).items()]


def fold(text: str) -> str:
    """Fold quotes, dashes and whitespace runs (case kept): the 'same text' equivalence."""
    return " ".join(_swap(text).split())


def _swap(text: str) -> str:
    """Quotes and dashes folded, one character for one (offsets stay valid)."""
    for char, to in _FOLD_PAIRS:  # a few C-speed scans beat str.translate with a dict
        if char in text:
            text = text.replace(char, to)
    return text


def fold_all(texts: list[str]) -> list[str]:
    """`fold` of every text, the character swaps done once over all of them joined."""
    joined = _swap("\n".join(texts))
    out, start = [], 0
    for text in texts:
        end = start + len(text)
        text = joined[start:end]
        # A printable text has no whitespace but " " (isprintable is one C scan), so
        # it is already folded unless it has a double or an outer space.
        if not (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "):
            text = " ".join(text.split())
        out.append(text)
        start = end + 1
    return out


# Combining marks (Arabic harakat, Indic vowel signs, Latin accents in NFD) stay in
# their word; Python's \w does not include them.
_MARKS = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in MARK_RANGES)
CJK = (  # ideographs, kana, bopomofo: a character is a word
    "\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_TOKEN = re.compile(
    rf"[{CJK}]"  # one ideograph / kana
    r"|\d+(?:[.,:]\d+)*"  # 3.7  900,000  07:02
    rf"|(?:(?![{CJK}])[\w{_MARKS}])+(?:['’](?:(?![{CJK}])[\w{_MARKS}])+)*"  # Syria's
    rf"|[{_MARKS}]+"  # a stray mark with no base letter
    r"|[^\s]",  # any other single visible character
)


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation of `text` with offsets: `text[t.start:t.end] == t.text`."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _merge_replacements(ops: list[Opcode]) -> list[Opcode]:
    """Turn each delete+insert (or insert+delete) run between equal blocks into a replace."""
    out: list[Opcode] = []
    for op in ops:
        prev = out[-1] if out else None
        if prev is not None and op.tag != "equal" and prev.tag != "equal":
            out[-1] = Opcode("replace", prev.a1, op.a2, prev.b1, op.b2)
        else:
            out.append(op)
    return out


def diff_words(a: str, b: str) -> WordDiff:
    """Token opcodes turning `a` into `b`; every token of both sides is in exactly one op."""
    ta, tb = tokenize(a), tokenize(b)
    fa, fb = _swap(a), _swap(b)  # a token holds no whitespace: its fold is a slice of these
    ids: dict[str, int] = {}
    ia = [ids.setdefault(fa[t.start:t.end], len(ids)) for t in ta]
    ib = [ids.setdefault(fb[t.start:t.end], len(ids)) for t in tb]
    raw = [
        Opcode(tag, a1, a2, b1, b2)  # type: ignore[arg-type]
        for tag, a1, a2, b1, b2 in Indel.opcodes(ia, ib).as_list()
    ]
    return WordDiff(ta, tb, _merge_replacements(raw))


__all__ = ["diff_words", "fold", "fold_all", "tokenize"]
