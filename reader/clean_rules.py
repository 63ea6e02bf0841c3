"""Boilerplate phrase rules: which page furniture a line is, and where an article ends.

Rules look at one stripped line. They only fire on short lines (furniture is terse),
so a body paragraph that happens to start with "Share" or "Related" is not touched.
`END_MARKERS` are the headings that follow an article on most sites (comments,
related stories, most popular); the first one after the body closes it.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

_SOCIAL = (r"facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|telegram|email|e-mail|"
           r"mail|print|flipboard|tumblr|mix|sms|messenger|copy link|vk|google\+?|"
           r"instagram|youtube|rss|tweet|pin( it)?|share|comment|comments|save")
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")

# (reason, pattern, longest line it may match)
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("share", re.compile(rf"^(?:[•·|\-–*]\s*)?(?:(?:{_SOCIAL})\b[\s,|/•·]*)+$", _I), 80),
    ("share", re.compile(r"^(?:share|sharing|tweet|follow us|follow|pin)\b.{0,60}$|"
                         r"^short ?url\b|^\d+\s*(?:shares?|comments?)$|^sharing is caring", _I), 80),
    ("comments", re.compile(r"^(?:leave a (?:reply|comment)|post a comment|add a comment|"
                            r"\d*\s*comments?\b|total comments|reply\b|cancel reply|"
                            r"comments? about this|join the (?:conversation|discussion)|"
                            r"your email address will not be published|required fields are marked|"
                            r"please fill the fields|notify me|save my name|"
                            r"this site uses akismet|you must be logged in|log in to comment|"
                            r"\*?code confirming|show comments|view comments|"
                            r"be the first to comment|have your say)", _I), 200),
    ("related", re.compile(r"^(?:related(?: articles| stories| posts| news| content| coverage)?|"
                           r"more (?:from|on|stories|news|articles|in)\b|most (?:popular|read|viewed|"
                           r"shared)|recommended(?: for you| stories| articles)?|you may also like|"
                           r"you might also like|also read|read (?:more|next|also)|see also|"
                           r"trending(?: now| stories)?|popular (?:posts|stories|articles)|"
                           r"latest (?:news|stories|posts|articles)|previous (?:post|article)|"
                           r"next (?:post|article)|further reading|top stories|"
                           r"what to read next|in case you missed it|editor'?s picks?)\b.{0,80}$", _I), 100),
    ("subscribe", re.compile(r"\b(?:subscribe|newsletter|sign up|signup|unsubscribe|"
                             r"get our (?:free )?\w+|delivered to your inbox|enter your email)\b", _I), 160),
    ("promo", re.compile(r"^(?:advertisement|advertising|sponsored|ad|ads|promoted|"
                         r"continue reading|story continues below|watch more|watch:|watch now|"
                         r"click here|download (?:the|our) app|listen to this|"
                         r"support (?:independent )?journalism|contribute|donate)\b", _I), 120),
    ("legal", re.compile(r"(?:©|\bcopyright\b|all rights reserved|privacy policy|terms of "
                         r"(?:use|service)|cookie policy|\bcookies?\b|terms & conditions|"
                         r"terms and conditions|\bdisclaimer\b|do not sell my)", _I), 200),
    ("caption", re.compile(r"^(?:image|photo|picture|photograph|file photo|credit|image credit|"
                           r"photo credit|above|pictured|caption|source: getty)\s*:|"
                           r"\((?:AFP|AP|Reuters|Getty(?: Images)?|EPA|Shutterstock)"
                           r"(?: ?(?:photo|/[^)]*))?\)$|"
                           r"(?:getty images|shutterstock|/\s*reuters|/\s*afp|/\s*ap|"
                           r"photo by|photograph: |via reuters)\s*\)?$", _I), 400),
    ("timestamp", re.compile(rf"^(?:(?:published|updated|posted|last updated|modified|"
                             rf"date)\s*:?\s*)?(?:\w+day,?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?"
                             rf"\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
                             rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
                             rf"[\s,|at@-]*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?"
                             rf"\s*[A-Z]{{0,4}}\d*)?[\s|)\]]*$|"
                             rf"^(?:\d+\s*(?:[smhd]|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)"
                             rf"\s+ago)$|^(?:first published|published|updated|posted|last updated)\b"
                             rf".{{0,60}}$", _I), 80),
    ("navigation", re.compile(r"^(?:home|menu|search|search for keyword\.?|skip to (?:main )?"
                              r"content|back to top(?: button)?|return to top|top|toggle navigation|"
                              r"close|open|log ?in|sign in|register|login|my account|next|previous|"
                              r"prev|more|less|load more|show more|[<>«»]+|\W+)$", _I), 40),
)

END_MARKERS = re.compile(
    r"^(?:related(?: articles| stories| posts| news| content| coverage)?|"
    r"(?:leave|post|add|write) a (?:reply|comment)|\d*\s*comments?|comments? about this article|"
    r"total comments.*|join the (?:conversation|discussion)|most (?:popular|read|viewed|shared)|"
    r"you may also like|you might also like|recommended(?: for you| stories| articles)?|"
    r"more (?:from|stories|news|articles)\b.*|read (?:more|next)|trending(?: now)?|"
    r"popular (?:posts|stories|articles)|further reading|what to read next|"
    r"about the author|tags?|filed under|previous post|next post|share this(?: article| story)?:?)"
    r"\s*:?$", _I)

# Promotional tails glued to the last sentence of a paragraph ("... Watch more about X.").
INLINE_PROMO = re.compile(
    r"\s*\b(?:watch more (?:about|on|from)|read more (?:about|on|from|:)|click here to|"
    r"follow us on|subscribe to our)\b[^\n]*$", _I)

_AUTHOR_BIO = re.compile(
    r"^(?:about the author\b|(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was|has been|writes|covers|"
    r"reports|joined)\b)")


def line_reason(text: str) -> str | None:
    """The furniture reason code for a line, or None when no phrase rule fits."""
    for reason, pattern, longest in _RULES:
        if len(text) <= longest and pattern.search(text):
            return reason
    return None


def is_end_marker(text: str) -> bool:
    return len(text) <= 60 and bool(END_MARKERS.match(text))


def looks_like_author_bio(text: str) -> bool:
    """A third-person sentence about a named person: how author boxes start."""
    return bool(_AUTHOR_BIO.match(text))
