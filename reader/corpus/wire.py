"""Wire copy as delivered: the slug line an agency puts above each take.

A wire story reaches newsrooms in takes: the first page, later pages that carry on
where it stopped (sharing no sentence with it), substitutes and night leads that
rewrite it. Their text alone cannot always tie them together, but the slug line can:
"14:58 27/01/00: Page 2 (HHH) COURTS Smith Substitute" names the time, the date, the
page and the story's catchline ("COURTS Smith"), with a word for the kind of take.
Takes with one catchline are one story; the earliest take is the first the desk saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from reader.model import Article

HEAD_CHARS = 800  # the slug sits above the headline, within the first lines
# HH:MM dd/mm/yy: [Page N] [(DESK)] SECTION Catchline [kind of take]
_SLUG = re.compile(r"^[ \t]*(\d{1,2}):(\d\d) (\d\d)/(\d\d)/(\d\d):?[ \t]+(?:Page[ \t]+(\d+)[ \t]+)?"
                   r"(?:\([A-Z]+\)[ \t]+)?(.+?)[ \t]*$", re.MULTILINE)
# words that say which take this is, not which story
_TAKE_WORDS = frozenset("""substitute sub nightlead newlead lead correction corrected update
    updated writethru advisory repeat urgent flash add insert adds""".split())


@dataclass(frozen=True)
class Slug:
    """What a wire take's slug line says."""

    catchline: str  # the story's name, case-folded, take words left out ("courts smith")
    sent: datetime  # when the take was sent
    page: int  # its page (1 when the slug names none)


def slug_of(article: Article) -> Slug | None:
    """The slug line at the head of a wire take, or None for anything else."""
    m = _SLUG.search(article.text[:HEAD_CHARS])
    if not m:
        return None
    hour, minute, day, month, year, page, rest = m.groups()
    words = [w for w in rest.casefold().split() if w not in _TAKE_WORDS]
    if not words or not any(c.isalpha() for c in "".join(words)):
        return None
    try:  # dd/mm/yy as British wires write it
        sent = datetime(2000 + int(year) if int(year) < 70 else 1900 + int(year), int(month),
                        int(day), int(hour), int(minute))
    except ValueError:
        return None
    return Slug(" ".join(words), sent, int(page or 1))
