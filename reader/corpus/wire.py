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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from reader.model import Article

SLUG_GAP = timedelta(days=3)  # takes of one catchline further apart are other stories
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
    sent: datetime  # when the take was sent (read day first, as British wires write it)
    page: int  # its page (1 when the slug names none)
    dated: str = ""  # its date as the slug writes it ("05/03/24")

    def when(self) -> str:
        """When it was sent, for a reason a user reads: the date spelled out where day and
        month cannot be swapped ("14:58 on 27 Jan 2000"), else as the slug writes it
        ("10:02 on 05/03/24"): ordering takes may assume day first, a reason may not."""
        day, month = self.sent.day, self.sent.month
        if day > 12 or day == month or not self.dated:
            return f"{self.sent:%H:%M on %d %b %Y}"
        return f"{self.sent:%H:%M} on {self.dated}"


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
    return Slug(" ".join(words), sent, int(page or 1), f"{day}/{month}/{year}")


def same_story_takes(articles: Sequence[Article]) -> list[tuple[int, int]]:
    """Pairs of indexes of wire takes that belong to one story. Takes whose slug lines
    name one catchline, sent within SLUG_GAP of the take before, are one story: later
    pages carry on where the first stopped and share no sentence with it (a catchline
    reused months later names another story). A sidebar whose catchline carries on
    another's ("courts smith list", "courts smith background") belongs to the story it
    names when sent within SLUG_GAP of one of its takes."""
    takes: dict[str, list[tuple[datetime, int]]] = {}
    for i, article in enumerate(articles):
        slug = slug_of(article)
        if slug is not None:
            takes.setdefault(slug.catchline, []).append((slug.sent, i))
    pairs: list[tuple[int, int]] = []
    for catchline, sent in takes.items():
        sent.sort()
        pairs += [(i, j) for (t0, i), (t1, j) in zip(sent, sent[1:]) if t1 - t0 <= SLUG_GAP]
        words = catchline.split()
        for cut in range(len(words) - 1, 1, -1):  # the longest catchline it carries on
            story = takes.get(" ".join(words[:cut]))
            if story:
                first, i = sent[0]
                nearest, j = min(story, key=lambda take: abs(take[0] - first))
                if abs(nearest - first) <= SLUG_GAP:
                    pairs.append((j, i))
                break
    return pairs


def takes_of_their_stories(chosen: Sequence[Article], pool: Sequence[Article]) -> list[Article]:
    """`chosen`, then every other article of `pool` that is a take of one of their wire
    stories (linked to one of them through `same_story_takes`), in `pool`'s order."""
    everyone = list({id(a): a for a in (*chosen, *pool)}.values())
    keep = {id(a) for a in chosen}
    pairs = same_story_takes(everyone)
    grown = True
    while grown:
        grown = False
        for i, j in pairs:
            if (id(everyone[i]) in keep) != (id(everyone[j]) in keep):
                keep |= {id(everyone[i]), id(everyone[j])}
                grown = True
    return [a for a in everyone if id(a) in keep]
