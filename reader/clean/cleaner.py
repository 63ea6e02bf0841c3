"""Turn a text dump (or an HTML page) into an Article: body, metadata, removed lines.

Text dumps are cleaned line by line, jusText-style, without any per-site rules:

1. the text is split into logical lines (`lines`: hard-wrapped paragraphs rejoined
   and wire paragraph marks left out, by `wraps`); every line gets features (length,
   stopword share, sentence end) and, if a phrase rule fits, a furniture reason
   (`rules`); repeated lines are duplicates, and so is a line that restates the whole
   article (a page's structured data printed as text);
2. lines are graded good / near / short / bad (a list under a paragraph is good), and
   short or near lines take the grade of their good or bad neighbours;
3. the body is the highest-scoring run of lines (good lines add, bad ones subtract),
   anchored after the headline when the page title names it (exactly, by a run of its
   parts, or by resemblance), and closed by the first end-of-article marker (comments,
   related stories, most popular, sources, "About Jane Doe"...) or by what never belongs
   to an article (`endings`: a list of tags under its last sentence, other stories'
   teasers each signed or dated by age, a company's profile, the bio of the writer who
   signed it);
4. inside the body only furniture and duplicates are dropped; outside it every line
   is dropped with the most specific reason that fits;
5. metadata is read where a page states it (`meta`, `dates`): the byline and the date
   by the headline, the wire agency from the byline or the dateline.

HTML goes through trafilatura instead (`clean_html`), never a .txt dump.

Reason codes (`REASONS`), one per removed line:
  title       the headline (or the page's <title> line); it becomes `Article.title`
  summary     highlight bullets or a standfirst line between the headline and the
              first paragraph
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
  rule        a separator line of dashes or equals signs
  slug        a wire slug line (filing time and date, page, catchline); its date is read
  note        a note to editors on wire copy ("(with pix)", "Embargoed to ...") or its
              sign-off after the last paragraph ("end", an editor's initials)
"""

from __future__ import annotations

import re

from reader.clean.dates import DATE_LABEL, stated_date, undated_words
from reader.clean.endings import article_over, signers
from reader.clean.lines import Line, split_lines
from reader.clean.meta import (
    attribution,
    byline_at,
    byline_people,
    cited_date,
    find_bare_name,
    find_byline,
    find_date,
    find_dateline,
    find_reporting_credit,
    is_credit_line,
)
from reader.clean.rules import (
    BYLINE_LINE,
    INLINE_PROMO,
    author_bio_subject,
    is_box_marker,
    line_reason,
)
from reader.lexicon import MONTH_PATTERN
from reader.model import Article, Paragraph, Removed, Source

REASONS = ("title", "summary", "navigation", "share", "caption", "timestamp", "byline-line",
           "duplicate", "comments", "author-bio", "related", "promo", "subscribe", "legal",
           "boilerplate", "rule", "slug", "note")

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
GOOD_SIZE = 150  # characters a prose line needs to count as body text on its own
INLINE_LINK_WORDS = 7  # words of a wire-style headline ("...: source") amid paragraphs
W_SHORT, W_BAD = 0.1, 0.3
CONTACT_WORDS = 40  # longer lines with an address are prose, not a contact note
CAPTION_WORDS = 40  # words of a photo caption over its credit
CREDIT_WORDS = 8  # words of a photo credit standing alone ("Jane Doe / Coast Herald")
TEASER_WORDS = 12  # words of a teaser headline that asks a question
RESEMBLANCE = 0.6  # how closely a line must echo the page title to be its headline
HEADLINE_REACH = 20  # lines above the first paragraph a headline may stand
BYLINE_SPAN = 40  # lines above the first paragraph the article's byline may stand
MENU_REPEAT = 10  # lines within which a repeated line is a menu's entry, not a byline
BYLINE_GAP = 6  # lines a byline may stand above the first paragraph (outlet, caption)
HEADER_BLOCK = 4  # lines over a byline the headline may stand (kicker, dek, date between)
BYLINE_REACH = 5  # lines under the headline a bare byline ("Jane Doe") may stand
DATE_REACH = 3  # lines above the headline the article's date may stand
DATE_LINE_WORDS = 14  # words besides dates and times: longer lines are prose, not a date line
BODY_REACH = 5  # lines into the body the date line under a byline may stand
_BULLET = re.compile(r"^[•·▪►▶◦‣*-]\s")
# a list item: numbered, bulleted, lettered, or dated ("June 9 -- Arena, Nashville, TN")
_LIST_ITEM = re.compile(rf"^(?:\d{{1,4}}[.):]|[•·▪►▶◦‣*-]|\(?[a-z]\)|{MONTH_PATTERN} \d{{1,2}}:?)\s")
_LIST_START = frozenset("0123456789•·▪►▶◦‣*-(abcdefghijklmnopqrstuvwxyzJFMASOND")
MIN_LIST = 3  # items a run of lines needs to be read as a list
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s*\|\s*")
_NORM = re.compile(r"\W+")
# "[Watch]", "(PHOTOS)": a tag on the headline saying what media the page has
_MEDIA_TAG = re.compile(r"\s*[\[(](?:watch|video|videos|photos?|pics|gallery|listen|audio)[\])]$",
                        re.IGNORECASE)
# the end of wire copy: "end", "ends", "-30-", "###", or the editor's initials ("mf")
_SIGN_OFF = re.compile(r"^(?:-30-|#{3}|[a-z]{1,4}(?: [a-z]{1,4})?)$")
_BY_NAME = re.compile(r"^\S+\s+[A-Z]")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|(?:^|\s)@\w{2,}|^\W*follow\b|\bcan be reached\b",
                      re.IGNORECASE)
_WIRE_HEADLINE = re.compile(r"\w\S*: \w+$")
RESTATE_CHARS = 300  # characters of a line that may restate the article in one block
RESTATE_HEAD = 40  # characters it shares with the article's first line
RESTATED = 3  # lines of the article, from the first on, it must hold
_LABELLED = re.compile(r"^[^:]{2,40}(?<! by): \S")  # not a credit ("Edited by: ...")
_LINK_LABEL = re.compile(r"^(?:read|see|learn|view) more$", re.IGNORECASE)


def clean(source: Source) -> Article:
    """Clean one source; HTML is extracted with trafilatura first."""
    if source.kind == "html":
        from reader.clean.html import clean_html

        return clean_html(source)
    return clean_text(source.text, source.path, source.encoding, source.sha256)


def clean_text(text: str, path: str = "<text>", encoding: str = "utf-8",
               sha256: str = "") -> Article:
    lines = split_lines(text)
    reasons = [line_reason(ln.text) for ln in lines]
    keys = [_key(ln.text) for ln in lines]
    earlier = _earlier_copies(keys)
    for k in _restatements(keys):
        reasons[k] = reasons[k] or "duplicate"
    raw = _raw_grades(lines, reasons)
    _grade_lists(lines, reasons, raw)
    grades = _in_context(raw)
    start, end = _body_span(lines, reasons, grades, 0)
    headline, anchored = _headline(lines, keys, reasons, raw, grades, start)
    if headline is not None:
        reasons[headline] = "title"
        if anchored:
            start = _first_text(raw, grades, reasons, _below_byline(lines, raw, headline))
            end = _anchored_end(lines, reasons, raw, grades, start)
        elif headline >= start:
            start, end = headline + 1, max(end, headline + 1)
    while start < end - 1 and (_BULLET.match(lines[start].text) or (
            headline is not None and not lines[start].sentence and raw[start] != GOOD)):
        reasons[start] = reasons[start] or "summary"  # highlights and standfirst
        start += 1
    end = _close_body(lines, reasons, raw, grades, start, end)
    while end - 1 > start and raw[end - 1] != GOOD and (
            not lines[end - 1].sentence or _teaser_question(lines, end - 1)) and not (
            _labelled_run(lines, reasons, end - 1)):
        end -= 1  # link lists, teaser headlines and tags trailing the last paragraph
    end = _drop_author_bio(lines, reasons, start, end)
    end = _drop_contact_tail(lines, reasons, start, end)
    start, end = _take_short_sentences(lines, reasons, raw, start, end, headline)
    while end < len(lines) and reasons[end] is None and is_credit_line(lines[end].text):
        end += 1
    if "slug" in reasons:  # wire copy carries no page furniture: the body runs to the sign-off
        while end < len(lines) and reasons[end] is None and not _SIGN_OFF.match(lines[end].text):
            end += 1  # a list of defendants reads like a link list, but is copy
    _drop_inline_links(lines, reasons, start, end)
    _drop_captions(lines, reasons, start, end)
    if not any(reasons[i] is None for i in range(start, end)):
        # Nothing reads like article prose (a list, one giant line, unpunctuated text):
        # keep every line no rule flagged rather than show an empty article.
        start, end = 0, len(lines)
    for i, j in earlier.items():
        if reasons[i] is None and not (start <= j and i - j > 3 and i < end):
            reasons[i] = "duplicate"

    top = headline if headline is not None else start
    byline, credit, signed = _byline(lines, reasons, headline, top, start)
    near_top = _date_lines(lines, reasons, raw, headline, top, start, signed)

    paragraphs: list[Paragraph] = []
    removed: list[Removed] = []
    for i, ln in enumerate(lines):
        inside = start <= i < end
        reason = reasons[i]
        if inside and reason is None:
            paragraphs.append(_trim_promo(text, ln, removed))
            continue
        if reason is None and i < start:
            reason = "navigation" if raw[i] == SHORT or _BULLET.match(ln.text) else "boilerplate"
        elif reason is None and _SIGN_OFF.match(ln.text):
            reason = "note"
        elif reason is None:
            reason = "author-bio" if author_bio_subject(ln.text) else "boilerplate"
        removed.append(Removed(text[ln.start:ln.end], reason, ln.start, ln.end))
    removed.sort(key=lambda r: r.start)

    bodies = [p.text for p in paragraphs]
    dateline, agency = next((d for d in map(find_dateline, bodies[:3]) if d[0]), (None, None))
    outlet = agency or credit
    return Article(
        path=path, text=text,
        title=_headline_text(lines[headline].text) if headline is not None else None,
        byline=byline or find_reporting_credit(bodies),
        date=find_date([(ln.text, reasons[i]) for i, ln in enumerate(lines)
                        if i in near_top or reasons[i] == "slug"], text) or cited_date(
            [ln.text for ln in lines], lines[headline].text if headline is not None else ""),
        dateline=dateline,
        outlet=outlet if outlet and outlet.lower() != "agencies" else None,
        attribution=attribution(bodies, outlet),
        paragraphs=paragraphs, removed=removed, encoding=encoding, sha256=sha256,
    )


def _byline(lines: list[Line], reasons: list[str | None], headline: int | None, top: int,
            start: int) -> tuple[str | None, str | None, int | None]:
    """(reporters, agency, the line naming them): a "By ..." line by the headline, else
    one above the body, else a name standing alone under the headline (a repeat of it
    elsewhere on the page, on the writer's other stories, counts too). Byline lines are
    marked as such."""
    by_headline = [i for i in range(max(0, top - DATE_REACH), min(len(lines), top + 1 + BYLINE_REACH))
                   if i != headline]
    for i in sorted(set(range(start)) | set(by_headline)):
        if reasons[i] is None and BYLINE_LINE.match(lines[i].text) and any(find_byline([lines[i].text])):
            reasons[i] = "byline-line"
    for where in (by_headline, [i for i in range(start) if i != headline]):
        # the lines after `where` only continue a byline set one name a line
        more = [ln.text for ln in lines[where[-1] + 1:where[-1] + 5]] if where else []
        found = byline_at([lines[i].text for i in where] + more)
        if found is not None and found[0] < len(where):
            k, byline, credit = found
            reasons[where[k]] = reasons[where[k]] or "byline-line"
            return byline, credit, where[k]
    near = range(headline + 1, min(len(lines), headline + 1 + BYLINE_REACH)) if (
        headline is not None) else range(max(0, start - 3), start)
    said = lines[headline].text.casefold() if headline is not None else ""
    # a name the page repeats elsewhere only if no other name stands there
    for i in sorted(near, key=lambda i: reasons[i] == "duplicate"):
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        name, credit = find_bare_name(lines[i].text, after)
        if reasons[i] not in (None, "timestamp", "summary", "duplicate") or not name:
            continue
        if any(p.casefold() in said for p in byline_people(name)):
            reasons[i] = reasons[i] or "caption"  # the story's subject under a photo, or a tag
            continue
        reasons[i] = reasons[i] or "byline-line"
        return name, credit, i
    return None, None, None


def _date_lines(lines: list[Line], reasons: list[str | None], raw: list[str],
                headline: int | None, top: int, start: int, signed: int | None) -> set[int]:
    """The lines where the article's date may stand: by its headline and byline, not
    elsewhere on the page (the site's "today", teasers' dates, copyright years)."""
    below = min(top + 1, len(lines))
    while below < min(len(lines), top + 1 + 2 * BYLINE_REACH) and raw[below] != GOOD:
        below += 1  # up to the first paragraph of the article
    near = {i for i in range(max(0, top - DATE_REACH), below) if i != headline}
    # below a dek, a photo and its caption, the date line may stand under the first
    # paragraph found, and by a byline set apart from the headline; only lines that
    # read as a date line or a byline count there
    reach = set(range(top + 1, min(len(lines), start + BODY_REACH)))
    if signed is not None:
        reach |= set(range(max(0, signed - 2), min(len(lines), signed + 3)))
    for i in reach:  # a date line the furniture rules missed ("Arts desk · Posted: ...")
        if reasons[i] is None and not lines[i].sentence and stated_date(lines[i].text) and (
                undated_words(lines[i].text) <= DATE_LINE_WORDS // 2):
            reasons[i] = "timestamp"
    near |= {i for i in reach
             if reasons[i] in ("timestamp", "byline-line") or DATE_LABEL.search(lines[i].text)}
    return {i for i in near if undated_words(lines[i].text) <= DATE_LINE_WORDS}


def _key(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def _earlier_copies(keys: list[str]) -> dict[int, int]:
    """Line index -> index of the latest earlier line with the same words."""
    last: dict[str, int] = {}
    out: dict[int, int] = {}
    for i, key in enumerate(keys):
        if key in last:
            out[i] = last[key]
        last[key] = i
    return out


def _restatements(keys: list[str]) -> list[int]:
    """Lines that restate the article in one block (a page's structured data printed as
    text): a long line that opens with an earlier line and holds it and the RESTATED - 1
    lines after it whole."""
    first: dict[str, int] = {}
    out = []
    for k, key in enumerate(keys):
        j = first.get(key[:RESTATE_HEAD]) if len(key) >= RESTATE_CHARS else None
        if j is not None and j + RESTATED <= k and all(
                keys[m] in key for m in range(j, j + RESTATED)):
            out.append(k)
        if len(key) >= RESTATE_HEAD:
            first.setdefault(key[:RESTATE_HEAD], k)
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
    if GOOD not in grades:  # a tiny page: its full sentences are the article
        grades = [GOOD if g == SHORT and ln.sentence else g for g, ln in zip(grades, lines)]
    return grades


def _grade_lists(lines: list[Line], reasons: list[str | None], raw: list[str]) -> None:
    """A numbered, bulleted or dated list that follows a paragraph (perhaps under its
    own short heading, each item perhaps with a line of its own under it) is part of the
    article however short its items: grade it as body text."""
    def item(k: int) -> bool:
        return (k < len(lines) and reasons[k] is None and lines[k].text[0] in _LIST_START
                and _LIST_ITEM.match(lines[k].text) is not None)

    i = 0
    while i < len(lines):
        j, items, pairs = i, 0, 0
        while item(j):  # an item, perhaps with one line of its own under it (a link, a note)
            items += 1
            under = j + 1 < len(lines) and reasons[j + 1] is None and not item(j + 1)
            # the last item's line too, when every item before it had one
            if under and (item(j + 2) or 0 < pairs == items - 1):
                pairs += 1
                j += 1
            j += 1
        if items >= MIN_LIST:
            lead = i - 1 if i > 0 and lines[i - 1].words <= 8 and reasons[i - 1] is None else i
            if lead > 0 and raw[lead - 1] in (GOOD, NEAR) and lines[lead - 1].sentence:
                for k in range(lead, j):
                    raw[k] = GOOD
        i = max(j, i + 1)


def _in_context(grades: list[str]) -> list[str]:
    """Short and near lines take the grade of their nearest good or bad neighbours."""
    n = len(grades)
    prev, nxt = [BAD] * n, [BAD] * n
    for i in range(1, n):
        prev[i] = grades[i - 1] if grades[i - 1] in (GOOD, BAD) else prev[i - 1]
    for i in range(n - 2, -1, -1):
        nxt[i] = grades[i + 1] if grades[i + 1] in (GOOD, BAD) else nxt[i + 1]
    out = list(grades)
    for i, g in enumerate(grades):
        if g not in (SHORT, NEAR):
            continue
        if prev[i] == nxt[i] == GOOD or (g == NEAR and GOOD in (prev[i], nxt[i])):
            out[i] = GOOD
        else:
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


def _below_byline(lines: list[Line], raw: list[str], headline: int) -> int:
    """Where the article under its headline starts: under the "By ..." line above its
    first paragraph, if there is one (sidebars and teasers may sit between headline
    and byline)."""
    first = next((i for i in range(headline + 1, len(lines)) if raw[i] == GOOD), len(lines))
    by = [i for i in range(headline + 1, first) if BYLINE_LINE.match(lines[i].text)
          and _is_byline(lines[i].text)]
    return by[-1] + 1 if by else headline + 1


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
        elif raw[i] == SHORT:
            run -= W_SHORT * size
        elif raw[i] == BAD:
            run -= W_BAD * size
        if run > best:
            best, best_end = run, i + 1
    return best_end


def _title_parts(text: str) -> dict[str, int]:
    """Every run of consecutive parts of a page title ("Headline - Section | Site"),
    keyed as compared, with its length: the headline is one of them. A lone first or
    last part shorter than the longest is the site's or section's name, not a headline."""
    pieces = _TITLE_SPLIT.split(text)
    runs: dict[str, int] = {}
    longest = max(map(len, pieces), default=0)
    for i in range(len(pieces)):
        for j in range(i + 1, len(pieces) + 1):
            if j == i + 1 and len(pieces) > 1 and (i == 0 or j == len(pieces)) and (
                    len(pieces[i]) < longest):
                continue
            key = _key(" ".join(pieces[i:j]))
            if len(key.split()) >= 2:
                runs[key] = len(key)
    return runs


def _headline_text(text: str) -> str:
    """The headline without a media tag ("[Watch]") or a one- or two-word section label
    set off by a bar ("... | Editorial", "Opinion | ...")."""
    text = _MEDIA_TAG.sub("", text)
    parts = text.split(" | ")
    if len(parts) == 2 and min(len(p.split()) for p in parts) <= 2:
        return max(parts, key=len)
    return text


def _headline_like(ln: Line, reason: str | None, ends: bool = False, least: int = 3) -> bool:
    """A short unbulleted line of at least `least` words, no byline or date, not ending
    like a sentence (unless `ends`: over a byline a headline may end in "U.S." or a full
    stop)."""
    return (reason is None and not _BULLET.match(ln.text)
            and least <= ln.words <= (25 if ends else 20)
            and (ends or not ln.text.endswith(".")) and not BYLINE_LINE.match(ln.text)
            and find_date([(ln.text, None)]) is None)


def _resemblance(key: str, title_words: set[str]) -> float:
    """How much of a line (its `_key`) the page title repeats, and of the title it covers."""
    words = set(key.split())
    if not words or not title_words:
        return 0.0
    shared = len(words & title_words)
    return min(shared / len(words), 2 * shared / (len(words) + len(title_words)) + 0.25)


def _subheading(lines: list[Line], reasons: list[str | None], j: int) -> bool:
    """A heading right under a paragraph of prose is a subheading inside the article."""
    prev = lines[j - 1] if j > 0 else None
    return prev is not None and reasons[j - 1] is None and prev.sentence and prev.words >= 8


def _headline(lines: list[Line], keys: list[str], reasons: list[str | None], raw: list[str],
              grades: list[str], start: int) -> tuple[int | None, bool]:
    """The headline and whether it anchors the body (it stands above it).

    The page title (line 0) names it: a line equal to the title or to one of its parts
    (the title less the site's name). Failing that, the headline stands over the
    article's byline (`_over_byline`), else it is the line that most resembles the
    title; without a page title, the last headline-like line above the first paragraph."""
    if not lines:
        return None, False
    parts = _title_parts(lines[0].text)
    matched = {j: parts[keys[j]] for j in range(1, len(lines))
               if keys[j] in parts and lines[j].words >= 2}
    longest = max(matched.values(), default=0)
    matches = [j for j, size in matched.items() if size == longest]
    before = [j for j in matches if j <= start]
    if before:
        return before[-1], True
    if matches:
        return matches[0], matches[0] < start + 3
    first_good = next((j for j in range(start, len(lines))
                       if raw[j] == GOOD or (grades[j] == GOOD and lines[j].sentence)), start)
    title_words = set(keys[0].split())
    found = _resembling(lines, keys, reasons, title_words, start, first_good)
    over = _over_byline(lines, keys, reasons, title_words, first_good, found)
    return (over, True) if over is not None else found


def _resembling(lines: list[Line], keys: list[str], reasons: list[str | None],
                title_words: set[str], start: int, first_good: int) -> tuple[int | None, bool]:
    """The line most like the page title, else the headline-like line nearest above the
    first paragraph (or the one echoing the title), else a text's first line when it is no
    sentence and the body starts right under it, however short ("Goats fined")."""
    scored = [(_resemblance(keys[j], title_words), -j) for j in range(1, len(lines))
              if reasons[j] is None and 2 <= lines[j].words <= 40 and not _subheading(lines, reasons, j)]
    best = max(scored, default=(0.0, 0))
    if best[0] >= RESEMBLANCE:
        j = -best[1]
        return j, j <= start
    near = [j for j in range(first_good - 1, max(-1, first_good - HEADLINE_REACH), -1)
            if _headline_like(lines[j], reasons[j]) and not _subheading(lines, reasons, j)]
    if not near:
        first = (1 <= first_good <= 2 and not lines[0].sentence
                 and _headline_like(lines[0], reasons[0], least=1))
        return (0, False) if first else (None, False)
    echo = max(near, key=lambda j: _resemblance(keys[j], title_words))
    return (echo if _resemblance(keys[echo], title_words) > 0.2 else near[0]), False


def _is_byline(text: str) -> bool:
    """A "By Jane Doe" line (also when the names run into a role or a date) or a name
    standing alone."""
    if BYLINE_LINE.match(text) and len(text) <= 160 and (
            _BY_NAME.match(text) or any(find_byline([text]))):
        return True
    return find_bare_name(text)[0] is not None


def _over_byline(lines: list[Line], keys: list[str], reasons: list[str | None],
                 title_words: set[str], first_good: int, found: tuple[int | None, bool]
                 ) -> int | None:
    """When no line repeats the page title, the headline is the top line of the block
    right over the article's byline (the nearest byline above the first paragraph that
    has such a block) that echoes the title, or is the line the title resembles most:
    the page title is often an SEO rewrite of the headline, and lines that resemble it
    elsewhere are teasers, deks and subheadings. When nothing resembles the title, it is
    the last unpunctuated line over a byline that stands right above the article. Over a
    page's byline a two-word line is a section label ("Miami Dolphins"); wire copy (a slug
    line) has none, and its headline may be two words ("PIER SHUT")."""
    least = 2 if "slug" in reasons else 3
    for b in range(first_good - 1, max(0, first_good - BYLINE_SPAN), -1):
        near = keys[max(0, b - MENU_REPEAT):b] + keys[b + 1:b + MENU_REPEAT]
        if keys[b] in near or not _is_byline(lines[b].text):
            continue  # a name-like line repeated close by is a menu entry ("College Sports")
        block = [j for j in range(max(1, b - HEADER_BLOCK), b)
                 if j == found[0] or _headline_like(lines[j], reasons[j], ends=True, least=least)]
        echo = [j for j in block if j == found[0] or _resemblance(keys[j], title_words) > 0.2]
        if echo:
            return echo[0]
        plain = [j for j in block if not lines[j].sentence]
        if plain and not found[1] and first_good - b <= BYLINE_GAP:
            return plain[-1]
    return None


def _labelled_run(lines: list[Line], reasons: list[str | None], i: int) -> bool:
    """Whether line i ends a list of MIN_LIST or more labelled items ("Spain (Group F):
    11th appearance", "Date: Tuesday"): the article's own facts, not a link list."""
    k = i
    while k >= 0 and reasons[k] is None and _LABELLED.search(lines[k].text):
        k -= 1
    return i - k >= MIN_LIST


def _teaser_question(lines: list[Line], i: int) -> bool:
    """A short question in a run of unpunctuated lines is a teaser headline ("Did tea
    save lives?"), not the article's last word."""
    ln = lines[i]
    return ln.words <= TEASER_WORDS and ln.text.endswith("?") and i > 0 and (
        not lines[i - 1].sentence or lines[i - 1].text.endswith("?"))


def _close_body(lines: list[Line], reasons: list[str | None], raw: list[str],
                grades: list[str], start: int, end: int) -> int:
    """Close the body at the first end-of-article marker after some body text, or at a
    list of tags under its last sentence.

    A link-box heading ("Related articles", "Most read") closes it too, unless more
    body text follows than came before, or the same box stands again further down the
    body (a layout that sets it between the article's sections): then it is a box inside
    the article, and it and its link lines are dropped as `related`.
    """
    before = 0
    i = start
    signed = signers(lines[:start + BODY_REACH])
    while i < end:
        text = lines[i].text
        if before >= 200 and article_over(lines, reasons, i, end, signed):
            return i
        if is_box_marker(text):
            after = sum(lines[j].chars for j in range(i + 1, end) if grades[j] == GOOD)
            again = any(lines[j].text == text for j in range(i + 1, end))
            label = _link_label(lines, reasons, raw, i, end)
            if before >= 200 and after < before and not again and not label:
                return i
            if label and reasons[i - 1] is None:
                reasons[i - 1] = "related"  # the teaser headline the label links
            box = i
            reasons[i] = reasons[i] or "related"
            i += 1
            while i < end and not (raw[i] in (GOOD, NEAR) and lines[i].sentence) and not (
                    lines[i].text.endswith(":") and reasons[i] is None):  # a list's lead-in
                if before >= 200 and article_over(lines, reasons, i, end, signed):
                    return box  # the box leads to the comments or to more teasers
                reasons[i] = reasons[i] or "related"
                i += 1
            continue
        if grades[i] == GOOD:
            before += lines[i].chars
        i += 1
    return end


def _link_label(lines: list[Line], reasons: list[str | None], raw: list[str], i: int,
                end: int) -> bool:
    """Whether a box heading at line i is the label of one link amid the article (a
    teaser, then "Read more", then past any furniture the article again), not a box's
    heading."""
    nxt = next((j for j in range(i + 1, end) if reasons[j] is None), end)
    return (0 < i and nxt < end and _LINK_LABEL.match(lines[i].text) is not None
            and not lines[i - 1].sentence and raw[nxt] == GOOD and lines[nxt].sentence)


def _short_sentence(ln: Line, reason: str | None, grade: str) -> bool:
    return reason is None and grade == SHORT and ln.sentence and ln.stop > 0 and ln.words >= 4


def _take_short_sentences(lines: list[Line], reasons: list[str | None], raw: list[str],
                          start: int, end: int, headline: int | None) -> tuple[int, int]:
    """Short sentences touching the body ("The trial continues.") are its first or last
    paragraph: the length and stopword scores alone cannot tell them from furniture."""
    if start >= end:
        return start, end
    while end < len(lines) and _short_sentence(lines[end], reasons[end], raw[end]):
        end += 1
    while start - 1 > (headline if headline is not None else -1) and _short_sentence(
            lines[start - 1], reasons[start - 1], raw[start - 1]):
        start -= 1
    return start, end


def _drop_inline_links(lines: list[Line], reasons: list[str | None], start: int, end: int
                       ) -> None:
    """A headline between two paragraphs, written the wire way with its source after a
    colon ("Turkey has no plans to ...: source"), is a link to another story."""
    for i in range(start + 1, end - 1):
        ln = lines[i]
        if (reasons[i] is None and ln.words >= INLINE_LINK_WORDS and _WIRE_HEADLINE.search(ln.text)
                and lines[i - 1].sentence and lines[i + 1].sentence
                and reasons[i - 1] is None and reasons[i + 1] is None):
            reasons[i] = "related"


def _drop_captions(lines: list[Line], reasons: list[str | None], start: int, end: int) -> None:
    """A short line right over a photo credit ("(Jane Doe / Coast Herald)") is the
    photo's caption."""
    for i in range(start, end - 1):
        if (reasons[i] is None and reasons[i + 1] == "caption" and lines[i].sentence
                and lines[i].words <= CAPTION_WORDS and lines[i + 1].words <= CREDIT_WORDS):
            reasons[i] = "caption"


def _drop_author_bio(lines: list[Line], reasons: list[str | None], start: int, end: int
                     ) -> int:
    """Cut an author box off the end of the body: a line about a named person whose
    name the article itself never mentions, or who signed it (named in a short line
    above it or at its head: the headline may name the company a last line is about)."""
    signed = " | ".join(signers(lines[:start + BODY_REACH]))
    while end - 1 > start:
        name = author_bio_subject(lines[end - 1].text)
        if name is None or (name not in signed and any(
                name in lines[i].text for i in range(start, end - 1))):
            break
        end -= 1
        reasons[end] = "author-bio"
    return end


def _drop_contact_tail(lines: list[Line], reasons: list[str | None], start: int, end: int
                       ) -> int:
    """Cut the ways to reach the outlet or the writer off the end of the body ("Have a
    tip? Email us at ...", "Jane Doe can be reached at ...", "Follow me on X"): short
    lines with an e-mail address or a handle, or asking to be followed."""
    while end - 1 > start and lines[end - 1].words <= CONTACT_WORDS and _CONTACT.search(
            lines[end - 1].text):
        end -= 1
        reasons[end] = "promo"
    return end


def _trim_promo(text: str, ln: Line, removed: list[Removed]) -> Paragraph:
    """Cut a promotional tail glued to a paragraph into its own removed entry."""
    raw = text[ln.start:ln.end]
    m = INLINE_PROMO.search(raw)
    if not m or m.start() < 40:
        return Paragraph(raw, ln.start, ln.end)
    cut = ln.start + m.start()
    tail = raw[m.start():]
    lead = len(tail) - len(tail.lstrip())
    removed.append(Removed(tail.lstrip(), "promo", cut + lead, ln.end))
    return Paragraph(raw[:m.start()], ln.start, cut)
