"""Clean an HTML page with trafilatura (the optional `reader[html]` extra).

trafilatura reads the DOM, which a text dump has lost, so HTML never goes through the
line classifier. Its paragraphs are joined by blank lines into `Article.text`, which the
offsets point into; title, author, date and site name come from the page's metadata.
Entities in the page can decode to control characters, so everything it returns is
sanitised again before it reaches an Article.
"""

from __future__ import annotations

import re

from reader.clean.meta import attribution, find_dateline
from reader.ingest import sanitize
from reader.model import Article, Paragraph, Removed, Source

INSTALL_HINT = ("reading HTML needs trafilatura: install it with "
                "pip install 'reader[html]'")


_DATE_SEARCH = {"extensive_search": False, "original_date": True}


class MissingExtraError(RuntimeError):
    """An optional dependency the user asked for is not installed."""


def clean_html(source: Source) -> Article:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError(f"{source.path}: {INSTALL_HINT} ({exc})") from None
    # no extensive date search: it falls back to guesses (a copyright year read as 1 January)
    result = trafilatura.bare_extraction(_defuse_char_refs(source.text), with_metadata=True,
                                         include_comments=False, include_tables=True,
                                         date_extraction_params=_DATE_SEARCH)
    doc = result.as_dict() if result is not None else {}
    title = _meta(doc, "title")
    blocks = [b.strip() for b in sanitize(doc.get("text") or "").split("\n")]
    blocks = [b for b in blocks if b]
    text = "\n\n".join(blocks)
    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    pos = 0
    for i, block in enumerate(blocks):
        if i == 0 and title and block == title:
            removed.append(Removed(block, "title", pos, pos + len(block)))
        else:
            paragraphs.append(Paragraph(block, pos, pos + len(block)))
        pos += len(block) + 2
    bodies = [p.text for p in paragraphs]
    dateline, agency = next((d for d in map(find_dateline, bodies[:3]) if d[0]), (None, None))
    return Article(
        path=source.path, text=text, title=title, byline=_meta(doc, "author"),
        date=_meta(doc, "date"), dateline=dateline, outlet=_meta(doc, "sitename"),
        url=_meta(doc, "url"), attribution=attribution(bodies, agency),
        paragraphs=paragraphs, removed=removed, encoding=source.encoding, sha256=source.sha256,
    )


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _defuse_char_refs(html: str) -> str:
    """Character references to control characters (&#27; is ESC) make the parser give
    up on the page and would reach the terminal; turn them into U+FFFD first."""
    def fix(m: re.Match[str]) -> str:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        bad = code < 0x20 and code not in (9, 10, 13) or 0x7F <= code < 0xA0 or code > 0x10FFFF
        return "&#xFFFD;" if bad else m.group(0)

    return _CHAR_REF.sub(fix, html)


def _meta(doc: dict, key: str) -> str | None:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(sanitize(value).split())
