"""What never belongs to an article: the lines that close its body.

Past some body text, the first of these ends the article whatever follows: an
end-of-article heading (`rules.is_end_marker`), a list of section or topic tags under
its last sentence, other stories' teasers each signed ("by Jane Doe") or dated by age
("32M ago") one by one, the profile of the company behind a press release, the bio of
the writer who signed it. Pages put them under the article, often with teasers after
them that read like body text.
"""

from __future__ import annotations

import re

from reader.clean.lines import Line
from reader.clean.rules import BYLINE_LINE, author_bio_subject, is_end_marker

TEASER_PAIRS = 2  # teaser headlines, each over its own "by ..." line, that close the body
TEASER_HEADLINE_WORDS = (5, 24)  # words of such a teaser headline (a book's title is shorter)
SIGNER_WORDS = 6  # words of a line above the article that may sign it ("By Jane Doe")
TEASER_SPAN = 4  # lines of a teaser dated by its age (headline, summary, "1H ago")
TEASER_BYLINE_WORDS = 8  # words of such a teaser's byline ("by Jane Doe on May 2, 2021")
TAG_RUN = 4  # lines of a section or tag list ("Opinion", "Hong Kong", ...) that close the body
TAG_WORDS = 3  # words of one such line: capitalised, no punctuation besides . ' & -
_SELF_DESCRIPTION = re.compile(r"^((?:[A-Z][\w.'’&-]*\s){1,3})(?:is|are) (?:a|an|the)\s")
_COMPANY_FACTS = re.compile(r"\b(?:headquartered|employs|subsidiaries|(?:listed|traded) on)\b")
_AGE = re.compile(r"^(?:updated )?\d+ ?(?:[mh]|mins?|minutes?|hours?|hrs?|days?) ago$",
                  re.IGNORECASE)
_WRITER = re.compile(r"\b(?:writ(?:er|es|ing|ten)|reporter|reporting|journalist|editor|"
                     r"correspondent|author|columnist|contribut(?:or|ing)|freelancer?|critic|"
                     r"cover(?:s|ed|ing))\b",
                     re.IGNORECASE)
_TAG = re.compile(r"^[A-Z0-9][\w'’.&-]*(?: [A-Z0-9&][\w'’.&-]*)*$")


def signers(header: list[Line]) -> list[str]:
    """The names that may sign the article: short lines above it, without their "By"."""
    return [BYLINE_LINE.sub("", ln.text) for ln in header if ln.words <= SIGNER_WORDS]


def _signer_bio(text: str, signers: list[str]) -> bool:
    """Whether a line is the writer's bio ("Jane Doe is a freelance writer ..."): a line
    about the writing of a person named, alone or after "By", above the article."""
    name = author_bio_subject(text)
    return name is not None and " " in name and _WRITER.search(text) is not None and any(
        name == signed or signed.startswith(name + ",") for signed in signers)


def article_over(lines: list[Line], reasons: list[str | None], i: int, end: int,
                  signers: list[str]) -> bool:
    """Whether what starts at line i never belongs to an article: an end-of-article
    heading, a tag list, teasers signed or dated one by one, a company's profile, the
    bio of a writer who signed it."""
    return (is_end_marker(lines[i].text) or _tag_list(lines, reasons, i, end)
            or _signer_bio(lines[i].text, signers)
            or _signed_teasers(lines, i, end) or _dated_teasers(lines, reasons, i)
            or _company_profile(lines, i))


def _dated_teasers(lines: list[Line], reasons: list[str | None], i: int) -> bool:
    """Whether a list of other stories, each dated by its age ("32M ago", "7 hours ago"),
    starts at line i: an entry of a few lines (headline, summary, age), then another of
    the same size (perhaps past the body's end: the first may read like its last lines)."""
    ages = [j for j in range(i, min(len(lines), i + 2 * TEASER_SPAN))
            if reasons[j] == "timestamp" and _AGE.match(lines[j].text)]
    return len(ages) >= 2 and ages[0] > i and ages[1] - ages[0] == ages[0] - i + 1 <= TEASER_SPAN


def _tag_list(lines: list[Line], reasons: list[str | None], i: int, end: int) -> bool:
    """Whether a list of section names and tags starts right after a sentence at line i:
    TAG_RUN lines or more of a few capitalised words each. Pages put it under the
    article, with other stories' teasers after it that read like body text."""
    if i == 0 or not lines[i - 1].sentence or lines[i - 1].text.endswith(":"):
        return False  # a line ending in a colon introduces a list of the article's own
    tags: set[str] = set()  # distinct: an embed's repeated "Report" is no list
    while i < end and len(tags) < TAG_RUN and (reasons[i] is not None or (
            lines[i].words <= TAG_WORDS and _TAG.match(lines[i].text))):
        if reasons[i] is None:  # menu lines a rule already named count for nothing
            tags.add(lines[i].text)
        i += 1
    return len(tags) >= TAG_RUN


def _signed_teasers(lines: list[Line], i: int, end: int) -> bool:
    """Whether a list of other stories starts at line i: TEASER_PAIRS headlines or more,
    each with a "by Jane Doe" line of its own under it. An article has one byline."""
    pairs = 0
    least, most = TEASER_HEADLINE_WORDS
    while i + 1 < end and least <= lines[i].words <= most and not BYLINE_LINE.match(
            lines[i].text) and BYLINE_LINE.match(lines[i + 1].text) and (
            lines[i + 1].words <= TEASER_BYLINE_WORDS):
        pairs += 1
        i += 2
    return pairs >= TEASER_PAIRS


def _company_profile(lines: list[Line], i: int) -> bool:
    """Whether the boilerplate about the company behind a press release starts at line i:
    a paragraph saying what it is ("Acme is a global provider of ..."), then one, under
    the same name, saying where it is and how big ("Acme is headquartered in ...")."""
    name = _SELF_DESCRIPTION.match(lines[i].text)
    return name is not None and i + 1 < len(lines) and lines[i + 1].text.startswith(
        name.group(1)) and _COMPANY_FACTS.search(lines[i + 1].text) is not None
