"""Metadata the text itself states: dateline, byline, date, outlet, attribution.

Every finder returns None (or an empty list) unless a pattern in the text says so
plainly; nothing is inferred from style or guessed from a site's look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.clean.dates import (
    NUMERIC,
    day_first,
    numeric_date,
    stated_date,
    undated_words,
)
from reader.clean.stopwords import STOPWORDS
from reader.lexicon import AGENCY_NAMES, MONTH_PATTERN, MONTHS, WEEKDAYS, is_agency

_MONTH = MONTH_PATTERN
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}})\b")

_PLACE = r"[A-Z][A-Z.'’\-]+(?:[ /,]+[A-Z][A-Za-z.'’\-]+){0,4}"
_DATELINE = re.compile(
    rf"^(?P<d>(?:{_PLACE}(?:,? {_MONTH} \d{{1,2}})?\s*(?:\((?P<a1>[^()\n]{{2,40}})\))?"
    rf"|\((?P<a2>[^()\n]{{2,40}})\)))\s*(?P<sep>[:–—-]{{1,2}})\s")
_NAME = r"(?:[A-Z][\w.'’&-]*|al|bin|de|van|von|der|da)"
_OUTLET = rf"(?:[Tt]he )?[A-Z][\w.'’&-]*(?: {_NAME}){{0,4}}"
_OUTLET_WORDS = re.compile(r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|"
                           r"Globe|Guardian|Press|Wire|Daily|TV|Radio|Magazine|Chronicle|Mail)\b")
# "The X reported": institutions report too, and they are not outlets.
_INSTITUTIONS = re.compile(r"\b(?:Pentagon|Ministry|Department|Government|Observatory|Police|"
                           r"Army|Commission|Council|Committee|Office|Bureau|Court|Company|"
                           r"Embassy|Organi[sz]ation|Cent(?:er|re)|Institute|Foundation|"
                           r"Coalition|White House|Kremlin|Agency|Authority|Union|Bank|"
                           r"Nations|Board|Service|Group|Party|Games|Studios?|Podcast|Records|"
                           r"Entertainment|Pictures|Productions)\b")
_AS_PER = re.compile(rf"\b(?:[Aa]s per|[Aa]ccording to|[Rr]eported by|[Cc]ited by|[Vv]ia)"
                     rf" (?P<o>{_OUTLET})")
_REPORTED = re.compile(rf"(?P<o>(?<![\w'’]){_OUTLET}) (?:reported|reports|said in a report)\b")
_SPACE = re.compile(r"\s+")
_CREDIT_PARENS = re.compile(r"^\((?P<c>[^()\n]{2,60})\)$")
# "By" in any case, or glued to a capitalised name ("ByJane Doe", not "BYOD"); the names
# capitalised
_BY = re.compile(r"^(?:(?i:by|written by|words by|von|por|par)\s+|(?:By|by)(?=[A-Z][a-z]))")
# "By" alone on its line: the names stand on the lines under it, each comma on its own
_LONE_BY = re.compile(r"^(?i:by|written by|words by)\s*:?$")
_JOINER = re.compile(r"^(?:,|and|&)$")
# a date (and time) ahead of the byline: "Oct 3, 2023 at 2:56 pm | By Jane Doe",
# "posted on 2023-10-03 23:30 EST by Jane Doe"
_DATED_BY = re.compile(r"^(?P<head>.{4,60}?)\s*[|•·–—-]?\s+(?=(?i:by)\s+[A-Z])")
_BY_NAMES = re.compile(r"(?P<n>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|al|bin|de|van|von|der|da)){0,4}"
                       r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,3})")
# a line that is only a person's name, perhaps with a date or a separator after it
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*|[A-Z]\.|[A-Z]{2}|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)"
_ONE_NAME = (rf"{_NAME_WORD}(?: (?:{_NAME_WORD}|de|van|von|der|da|al|bin)){{1,3}}"
             r"(?:,? (?:Jr|Sr)\.?|,? I{2,3})?")
_WEEKDAY = "|".join(WEEKDAYS)
_BARE_NAME = re.compile(
    rf"^(?P<n>{_ONE_NAME}(?:,? (?:and|&) {_ONE_NAME})?)"
    rf"(?:$|\s*[•|·,@]|\s+on\s+(?={_MONTH}|{_WEEKDAY}|\d)|\s+in\s+[A-Z]|"
    rf"(?=(?:{_MONTH}|Published|Updated)\s?\d?))")
_REPORTING_BY = re.compile(r"^Reporting by (?P<n>[^.;\n]+?)(?:[.;]| Writing by| Editing by|$)")


def find_dateline(paragraph: str) -> tuple[str | None, str | None]:
    """("ISTANBUL/ANKARA (Reuters)", "Reuters") from the head of the first paragraph."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None, None
    dateline = m.group("d").strip()
    if m.group("sep") == ":":
        dateline += ":"
    agency = (m.group("a1") or m.group("a2") or "").strip() or None
    if agency is None and not re.search(r"[A-Z]{3}", dateline):
        return None, None
    return dateline, agency


def find_date(lines: list[tuple[str, str | None]], context: str = "") -> str | None:
    """The first date written in the page header, as YYYY-MM-DD. `lines` are (text,
    reason) pairs: numeric dates ("27/01/00") are read only from slug, timestamp and
    byline lines, where a number in that layout can only be a date, in the day/month
    order `context` (the whole text) settles."""
    for text, reason in lines:
        if reason == "legal":  # a copyright year is not the article's date
            continue
        found = stated_date(text)
        if found is None and reason in ("slug", "timestamp", "byline-line"):
            m = NUMERIC.search(text)
            found = numeric_date(m, day_first(context)) if m else None
        if found:
            return found
    return None


# a citation of the article itself, APA-style: "Headline (2023, December 22) retrieved ..."
_CITED = re.compile(rf"\s*\((?P<y>\d{{4}}), (?P<m>{_MONTH}) (?P<d>\d{{1,2}})\)")


def cited_date(lines: list[str], headline: str) -> str | None:
    """The date in a "cite this article" line that starts with the headline, for pages
    that date the story nowhere by its headline."""
    for text in lines:
        m = _CITED.match(text, len(headline)) if headline and text.startswith(headline) else None
        if m:
            return stated_date(f"{m.group('m')} {m.group('d')}, {m.group('y')}")
    return None


# a date or label glued to the name by a lost line break ("Jane DoeDec 3, 2023")
_GLUED = re.compile(rf"(?:(?<=\w)|\s+){MONTH_PATTERN}\s?\d.*$|"
                    rf"(?<=[a-z])(?:{MONTH_PATTERN}|Published|Updated|Posted|Staff|Senior|Contributing|"
                    rf"Contributor|Editor|Reporter|Writer|Correspondent|Columnist)(?:\W.*)?$")
_AGENCY_ALT = "|".join(re.escape(a) for a in AGENCY_NAMES)
_AFTER_NAMES = re.compile(rf"^\s*[|/,–—-]\s*(?P<a>{_AGENCY_ALT})\b")
_FOR_OUTLET = re.compile(r"\s+(?:for|For|FOR)\s+.*$")  # "Jane Doe For The Daily Planet"
# full names only: "Jan" and "May" are first names too
_CALENDAR = frozenset(m for m in MONTHS if len(m) > 4) | {d.lower() for d in WEEKDAYS} | {
    "published", "updated"}
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|reporters|writer|staff|chief|columnist|"
                   r"contributor|producer|analyst|critic|bureau)\b", re.IGNORECASE)
# a line that is only a writer's role: "Contributing Reporter", "Senior Editor, Science"
_ROLE_LINE = re.compile(rf"^(?:[A-Z][\w-]*,? ){{0,3}}{_ROLE.pattern}(?:,? [A-Z][\w-]*){{0,3}}$",
                        re.IGNORECASE)


def find_byline(lines: list[str]) -> tuple[str | None, str | None]:
    """(the reporters, the agency) a "By ..." line names: "By Jane Doe, Science
    Correspondent, PA News" -> ("Jane Doe", "PA News"); an agency's staff credit ("By
    PA Reporter") names no reporter."""
    found = byline_at(lines)
    return (found[1], found[2]) if found else (None, None)


def byline_at(lines: list[str]) -> tuple[int, str | None, str | None] | None:
    """`find_byline`, with the index of the line that holds the names (under a lone "By").
    A second "By" line right under the first (a date line between) names a co-author."""
    joined = list(_joined_bylines(lines))
    for n, (k, text) in enumerate(joined):
        people, credit = _by_names(text)
        if not (people or credit):  # "By Topic" in a menu names nobody: look on
            continue
        for _, more in joined[n + 1:n + 3]:
            other = _by_names(more)[0] if _BY.match(more) else None
            if people and other and other not in people:
                people = f"{people}, {other}"
                break
        return k, people, credit
    return None


def _by_names(text: str) -> tuple[str | None, str | None]:
    """(reporters, agency) of one "By ..." line, perhaps after its date line."""
    dated = _DATED_BY.match(text)
    if dated and _dated(dated.group("head")):
        text = text[dated.end():]
    by = _BY.match(text)
    rest = _GLUED.sub("", text[by.end():]) if by and len(text) <= 160 else ""
    m = _BY_NAMES.match(rest)
    if not m:
        return None, None
    people, credit = split_byline(_FOR_OUTLET.sub("", m.group("n")).strip(" ,."))
    return people, credit or _credited_after(rest[m.end():])


def _joined_bylines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """The lines and their indices, with a lone "By" joined to the names on the lines
    under it ("By", "Jane Doe", ",", "Tom Roe" -> "By Jane Doe, Tom Roe"; labels such as
    "Social links for" between are passed over)."""
    for k, text in enumerate(lines):
        under = [j for j in range(k + 1, min(k + 4, len(lines)))
                 if _BARE_NAME.match(lines[j])] if _LONE_BY.match(text.strip()) else []
        if not under:
            yield k, text
            continue
        names, j = [lines[under[0]]], under[0] + 1
        while j + 1 < len(lines) and _JOINER.match(lines[j].strip()):
            names += [lines[j].strip(), lines[j + 1]]
            j += 2
        yield under[0], "By " + " ".join(names).replace(" ,", ",")


def _dated(head: str) -> bool:
    """Whether the text before a byline is a date line: a date, and few other words."""
    return bool(stated_date(head) or NUMERIC.search(head)) and undated_words(head) <= 4


def _credited_after(tail: str) -> str | None:
    """The agency set off after the names: "By Jane Doe | Reuters", "Jane Doe / AFP"."""
    m = _AFTER_NAMES.match(tail)
    return m.group("a") if m else None


def find_bare_name(text: str, after: str = "") -> tuple[str | None, str | None]:
    """(a person's name standing alone on a line near the headline, as pages set bylines
    without "By", and an agency set off after it); words that name months, weekdays,
    roles or agencies are not names. A role on the line `after` ("Staff Writer") vouches
    for a name that is also a common word ("Will Roe")."""
    m = _BARE_NAME.match(text)
    if not m or len(text) > 80:
        return None, None
    name = m.group("n").rstrip(".")
    titled = bool(_ROLE_LINE.match(after))
    if all(_person(p, common_ok=titled) for p in byline_people(name)):
        return name, _credited_after(text[m.end("n"):])
    return None, None


def byline_people(name: str) -> list[str]:
    """The people a bare byline names: "Jane Doe and Tom Roe" -> both."""
    return re.split(r",? (?:and|&) ", name)


def _person(name: str, common_ok: bool = False) -> bool:
    """Whether a byline part can be a person: two words or more, none of them a month,
    weekday, role, outlet or organisation word, or (unless `common_ok`) common word."""
    words = name.split()
    return len(words) >= 2 and not is_agency(name) and not _ROLE.search(name) and not (
        _OUTLET_WORDS.search(name) or _INSTITUTIONS.search(name)) and not any(
        w.lower().rstrip(".") in _CALENDAR or (w.lower() in STOPWORDS["en"] and not common_ok)
        for w in words)


# an outlet's collective byline: "Coast Herald Staff", "Herald Editorial Board"
_COLLECTIVE = re.compile(r"^(?:[A-Z][\w.'’&-]*\s+){1,4}(?:Staff|Editors|Editorial Board)$")


_POST_WORDS = frozenset(
    "senior executive contributing deputy associate assistant managing content special "
    "political foreign home news sports science health business".split())


def _without_post(part: str) -> str:
    """A name with the writer's post run on after it dropped: "Jane Doe Globe
    Correspondent", "Jane Doe Times Staff Writer" -> "Jane Doe"."""
    if _COLLECTIVE.match(part):
        return part
    words = part.split()
    while len(words) > 2 and _ROLE.fullmatch(words[-1]):
        words.pop()
    if len(words) > 2 and len(words) < len(part.split()) and _OUTLET_WORDS.fullmatch(words[-1]):
        words.pop()
    if _POST_WORDS.intersection(w.lower() for w in words):
        return part  # a post and nobody's name: "Executive Content Editor"
    return " ".join(words)


def split_byline(names: str) -> tuple[str | None, str | None]:
    people: list[str] = []
    credit = None
    parts = re.split(r"\s*,\s*", names)  # (a post set off by a comma is a part of its own)
    for part in [_without_post(parts[0]), *parts[1:]]:
        lead = next((a for a in AGENCY_NAMES if part == a or part.startswith(a + " ")), None)
        if lead is not None:
            credit = lead
            break
        if _COLLECTIVE.match(part):
            people = people or [part]  # after a name, the writer's post ("Jane Doe, Herald Staff")
            continue
        names = [n for n in re.split(r"\s+(?:and|&)\s+", part) if _person(n)]
        if names:
            people.append(" and ".join(names))
    return (", ".join(people) or None), credit


def find_reporting_credit(paragraphs: list[str]) -> str | None:
    """Names from a wire credit line ("Reporting by A, B; Editing by C")."""
    for text in reversed(paragraphs[-4:]):
        m = _REPORTING_BY.match(text)
        if m:
            return m.group("n").strip()
    return None


_CREDIT_LINE = re.compile(r"^(?:Reporting|Writing|Editing|Additional reporting|Compiled|Edited|"
                          r"Written) by\b")


def is_credit_line(line: str) -> bool:
    """A line that credits the story: "Reuters", "(X with Agencies)", "Reporting by ..."."""
    return bool(_CREDIT_LINE.match(line) or credit_names(line))


def credit_names(line: str) -> list[str]:
    """Sources named by a credit line: "Reuters", "(Zaman Al Wasl with Agencies)"."""
    text = line.strip()
    m = _CREDIT_PARENS.match(text)
    if m:
        text = m.group("c")
    elif not is_agency(text):
        return []
    parts = re.split(r"\s+(?:with|and|&)\s+|\s*[,/]\s*", text)
    names = [p.strip() for p in parts if p.strip()]
    if not names or any(not _looks_like_name(n) for n in names):
        return []
    return names


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 5 and all(w[0].isupper() or w.lower() in ("al", "the", "de")
                                        for w in words)


def attribution(paragraphs: list[str], dateline_agency: str | None) -> list[str]:
    """Wire agencies and outlets the body credits, in order of first mention."""
    found: list[str] = []
    if dateline_agency:
        found.append(dateline_agency)
    for text in paragraphs:
        text = _SPACE.sub(" ", text)  # no-break spaces inside names
        found.extend(credit_names(text))
        for m in _AS_PER.finditer(text):
            name = _strip_the_lower(m.group("o"))
            if _OUTLET_WORDS.search(name) or is_agency(name):
                found.append(name)
        for m in _REPORTED.finditer(text):
            name = _strip_the_lower(m.group("o"))
            if len(name.split()) <= 5 and not _INSTITUTIONS.search(name) and (
                    name.startswith("The ") or is_agency(name) or _OUTLET_WORDS.search(name)):
                found.append(name)
    out: list[str] = []
    seen: set[str] = set()
    for name in found:
        key = name.lower().removeprefix("the ")
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _strip_the_lower(name: str) -> str:
    """"the National" -> "The National": the article's own capitalisation of the name."""
    return "The " + name[4:] if name.startswith("the ") else name
