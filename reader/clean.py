"""Turn a text dump (or an HTML page) into an Article: body, metadata, removed lines.

Text dumps are cleaned line by line, jusText-style, without any per-site rules:

1. every line gets features (length, stopword share, sentence end) and, if a phrase
   rule fits, a furniture reason (`clean_rules`); repeated lines are duplicates;
2. lines are graded good / near / short / bad, and short or near lines take the
   grade of their good or bad neighbours;
3. the body is the highest-scoring run of lines (good lines add, bad ones subtract),
   anchored after the headline when the page title names one, and closed by the
   first end-of-article marker (comments, related stories, most popular...);
4. inside the body only furniture and duplicates are dropped; outside it every line
   is dropped with the most specific reason that fits.

HTML goes through trafilatura instead (`clean_html`), never a .txt dump.

Reason codes (`REASONS`), one per removed line:
  title       the headline (or the page's <title> line); it becomes `Article.title`
  navigation  menus, breadcrumbs, "Back to top", search boxes
  share       share bars, social links, "Short Url:"
  caption     photo captions and credits ("Image:", "... (AFP)", "Getty Images")
  timestamp   lines holding only a date or time ("Updated 3 hours ago")
  byline-line a "By Jane Doe" line; it becomes `Article.byline`
  duplicate   a repeat of an earlier line (repeated captions, menus, pull quotes)
  comments    comment counts, comment forms, "Leave a Reply"
  author-bio  a paragraph about the author after the article
  related     "Related Articles", "Most Popular", "Read more" and their link lists
  promo       ads, "Watch more about ..." tails, "Continue reading"
  subscribe   newsletter and subscription prompts
  legal       copyright, cookie and privacy notices
  boilerplate any other line outside the body (link lists, teasers, footers)
"""

from __future__ import annotations

import re

from reader.clean_lines import Line, split_lines
from reader.clean_meta import (attribution, find_byline, find_date, find_dateline,
                               find_reporting_credit)
from reader.clean_rules import INLINE_PROMO, is_end_marker, line_reason, looks_like_author_bio
from reader.model import Article, Paragraph, Removed, Source

REASONS = ("title", "navigation", "share", "caption", "timestamp", "byline-line", "duplicate",
           "comments", "author-bio", "related", "promo", "subscribe", "legal", "boilerplate")

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
GOOD_SIZE = 100  # characters a prose line needs to count as body text on its own
W_NEAR, W_SHORT, W_BAD = 0.5, 0.1, 0.3  # gain of near lines, cost of short and bad ones
_BULLET = re.compile(r"^[•·▪►▶◦‣*-]\s")
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s*\|\s*")
_NORM = re.compile(r"\W+")


def clean(source: Source) -> Article:
    """Clean one source; HTML is extracted with trafilatura first."""
    if source.kind == "html":
        from reader.clean_html import clean_html

        return clean_html(source)
    return clean_text(source.text, source.path, source.encoding, source.sha256)


def clean_text(text: str, path: str = "<text>", encoding: str = "utf-8",
               sha256: str = "") -> Article:
    lines = split_lines(text)
    reasons = [line_reason(ln.text) for ln in lines]
    earlier = _earlier_copies(lines)
    raw = _raw_grades(lines, reasons)
    grades = _in_context(raw)
    start, end = _body_span(lines, reasons, grades, 0)
    headline, anchored = _headline(lines, reasons, earlier, start)
    if headline is not None:
        reasons[headline] = "title"
        if anchored:
            start = _first_text(raw, grades, reasons, headline + 1)
            end = _anchored_end(lines, reasons, raw, grades, start)
        else:
            start, end = _body_span(lines, reasons, grades, headline + 1)
    end = _end_marker(lines, grades, start, end)
    for i, j in earlier.items():
        if reasons[i] is None and not (start <= j and i - j > 3 and i < end):
            reasons[i] = "duplicate"

    header = [ln.text for i, ln in enumerate(lines[:start]) if i != headline]
    byline = find_byline(header)
    for i in range(start):
        if reasons[i] is None and find_byline([lines[i].text]) is not None:
            reasons[i] = "byline-line"

    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    for i, ln in enumerate(lines):
        inside = start <= i < end
        reason = reasons[i]
        if inside and reason is None:
            paragraphs.append(_trim_promo(ln, removed))
            continue
        if reason is None:
            reason = "author-bio" if i >= end and looks_like_author_bio(ln.text) else "boilerplate"
        removed.append(Removed(ln.text, reason, ln.start, ln.end))
    removed.sort(key=lambda r: r.start)

    bodies = [p.text for p in paragraphs]
    dateline, agency = find_dateline(bodies[0]) if bodies else (None, None)
    return Article(
        path=path, text=text,
        title=lines[headline].text if headline is not None else None,
        byline=byline or find_reporting_credit(bodies),
        date=find_date(header),
        dateline=dateline,
        outlet=agency if agency and agency.lower() != "agencies" else None,
        attribution=attribution(bodies, agency),
        paragraphs=paragraphs, removed=removed, encoding=encoding, sha256=sha256,
    )


def _key(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _earlier_copies(lines: list[Line]) -> dict[int, int]:
    """Line index -> index of the latest earlier line with the same words."""
    last: dict[str, int] = {}
    out: dict[int, int] = {}
    for i, ln in enumerate(lines):
        key = _key(ln.text)
        if key in last:
            out[i] = last[key]
        last[key] = i
    return out


def _raw_grades(lines: list[Line], reasons: list[str | None]) -> list[str]:
    """jusText-style grades from length and stopword share alone."""
    grades = []
    for ln, reason in zip(lines, reasons):
        if reason is not None:
            grades.append(BAD)
        elif ln.size < 50:
            grades.append(SHORT)
        elif ln.stop >= 0.25 or (ln.stop == 0 and ln.sentence):
            grades.append(GOOD if ln.size >= GOOD_SIZE else NEAR)
        elif ln.stop >= 0.15:
            grades.append(NEAR)
        else:
            grades.append(BAD)
    if GOOD not in grades:  # a page of short paragraphs: the best it has is good enough
        grades = [GOOD if g == NEAR else g for g in grades]
    return grades


def _in_context(grades: list[str]) -> list[str]:
    """Short and near lines take the grade of their good or bad neighbours."""
    out = list(grades)
    for i, g in enumerate(grades):
        if g not in (SHORT, NEAR):
            continue
        prev = next((grades[j] for j in range(i - 1, -1, -1) if grades[j] in (GOOD, BAD)), BAD)
        nxt = next((grades[j] for j in range(i + 1, len(grades)) if grades[j] in (GOOD, BAD)), BAD)
        if prev == nxt == GOOD or (g == NEAR and GOOD in (prev, nxt)):
            out[i] = GOOD
        elif prev == nxt == BAD or g == SHORT:
            out[i] = BAD
    return out


def _body_span(lines: list[Line], reasons: list[str | None], grades: list[str], first: int
               ) -> tuple[int, int]:
    """The maximum-sum run of lines from `first` on: good text adds its size, the rest costs."""
    best, best_span = 0.0, (first, first)
    run, run_start = 0.0, first
    for i in range(first, len(lines)):
        ln, g = lines[i], grades[i]
        if g == GOOD:
            gain = float(ln.size)
        elif reasons[i] is not None:
            gain = -max(30.0, 0.5 * ln.size)
        else:
            gain = -max(10.0, 0.5 * ln.size)
        if run <= 0:
            run, run_start = 0.0, i
        run += gain
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


def _first_text(raw: list[str], grades: list[str], reasons: list[str | None], first: int
                ) -> int:
    """Skip the bylines, dates and breadcrumbs between a headline and its first paragraph."""
    i = first
    while i < len(raw) and grades[i] != GOOD and (raw[i] in (SHORT, BAD) or reasons[i]):
        i += 1
    return i if i < len(raw) else first


def _anchored_end(lines: list[Line], reasons: list[str | None], raw: list[str],
                  grades: list[str], first: int) -> int:
    """Where the body that starts right under the headline ends: the best prefix sum,
    where lists of short lines cost little and furniture costs a lot."""
    best, best_end, run = 0.0, first, 0.0
    for i in range(first, len(lines)):
        size = float(lines[i].size)
        if reasons[i] is not None:
            run -= max(30.0, size)
        elif grades[i] == GOOD or raw[i] == GOOD:
            run += size
        elif raw[i] == NEAR:
            run += W_NEAR * size
        elif raw[i] == SHORT:
            run -= W_SHORT * size
        else:
            run -= W_BAD * size
        if run > best:
            best, best_end = run, i + 1
    return best_end


def _title_parts(text: str) -> set[str]:
    parts = {_key(text)}
    for part in _TITLE_SPLIT.split(text):
        if len(part.split()) >= 3:
            parts.add(_key(part))
    return parts


def _headline_like(ln: Line, reason: str | None) -> bool:
    return (reason is None and not _BULLET.match(ln.text)
            and 3 <= ln.words <= 20 and not ln.text.endswith("."))


def _headline(lines: list[Line], reasons: list[str | None], earlier: dict[int, int],
              start: int) -> tuple[int | None, bool]:
    """The headline and whether the page title (line 0) anchors it; without a title
    match, the last headline-like line before the body."""
    if not lines:
        return None, False
    parts = _title_parts(lines[0].text)
    matches = [j for j in range(1, len(lines)) if _key(lines[j].text) in parts
               and lines[j].words >= 2]
    before = [j for j in matches if j <= start]
    if before:
        return before[-1], True
    if matches and matches[0] < start + 3:
        return matches[0], True
    for j in range(min(start, len(lines)) - 1, -1, -1):
        if _headline_like(lines[j], reasons[j]) and j not in earlier:
            return j, False
    return None, False


def _end_marker(lines: list[Line], grades: list[str], start: int, end: int) -> int:
    """Close the body at the first end-of-article marker after some body text."""
    seen_text = 0
    for i in range(start, end):
        if is_end_marker(lines[i].text) and seen_text >= 200:
            return i
        if grades[i] == GOOD:
            seen_text += lines[i].chars
    return end


def _trim_promo(ln: Line, removed: list[Removed]) -> Paragraph:
    """Cut a promotional tail glued to a paragraph into its own removed entry."""
    m = INLINE_PROMO.search(ln.text)
    if not m or m.start() < 40:
        return Paragraph(ln.text, ln.start, ln.end)
    cut = ln.start + m.start()
    tail = ln.text[m.start():]
    lead = len(tail) - len(tail.lstrip())
    removed.append(Removed(tail.lstrip(), "promo", cut + lead, ln.end))
    return Paragraph(ln.text[:m.start()], ln.start, cut)
