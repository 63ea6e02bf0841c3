"""Boilerplate phrase rules: which page furniture a line is, and where an article ends.

Rules look at one stripped line. They only fire on short lines (furniture is terse),
so a body paragraph that happens to start with "Share" or "Related" is not touched.
`END_MARKERS` are the headings that follow an article on most sites (comments,
related stories, most popular); the first one after the body closes it.
"""

from __future__ import annotations

import re

from reader.lexicon import MONTH_PATTERN

_I = re.IGNORECASE

_SOCIAL = (r"facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|telegram|email|e-mail|"
           r"mail|print|flipboard|tumblr|mix|sms|messenger|copy link|vk|google\+?|"
           r"instagram|youtube|rss|tweet|pin( it)?|share|comment|comments|save|wechat|weibo|"
           r"linked in|bluesky|threads|snapchat|tiktok")
_MONTH = MONTH_PATTERN  # the patterns using it ignore case

# (reason, pattern, longest line it may match)
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("rule", re.compile(r"^[-=_*~#+.]{8,}$"), 400),
    # a wire slug: filing time and date, then page and catchline ("14:58 27/01/00: Page 1 ...")
    ("slug", re.compile(r"^\d{1,2}[:.]\d{2}\s+\d{1,2}/\d{1,2}/\d{2,4}\b"), 160),
    # notes to editors above or below wire copy, and its sign-offs
    ("note", re.compile(r"^\((?:with|see|reopens|re-?opens|advisory|corrected|correction|"
                        r"incorporating|embargo(?:ed)?|note|repeat|repetition|adds?|updates?|"
                        r"eds?|editors?|subs?|urgent|moved|kills?|withdrawn?)\b[^()]*\)\.?$|"
                        r"^embargoed\b|^eds?:|^editor'?s note\b", _I), 600),
    ("share", re.compile(rf"^(?:[•·|\-–*]\s*)?(?:(?:{_SOCIAL})\b[\s,|/•·]*)+$", _I), 80),
    ("share", re.compile(r"^(?:share|sharing|social shar(?:e|ing)|tweet|follow us|follow|pin)\b.{0,60}$|"
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
                           r"what to read next|in case you missed it|editor'?s picks?|see more|don'?t miss)\b.{0,80}$",
                  _I), 100),
    # a labelled link to another story: "MORE: ...", "Related: ...", "READ | ..."
    ("related", re.compile(r"^\[?(?:more|related|required reading|read|see|also|"
                           r"read more|see also|also read|on [\w-]+(?:\.[\w-]+)+)\s*[:|]\s", _I), 200),
    # newsletter prompts, and a sign-up form's confirmation and consent lines
    # ("successfully subscribed", "news and offers from ...")
    ("subscribe", re.compile(r"\b(?:subscribe|newsletter|sign up|signup|unsubscribe|"
                             r"get our (?:free )?\w+|(?:delivered )?(?:to|in) your inbox|enter your email|"
                             r"succ?ess?fully subscribed|your subscription (?:has been|is) confirmed|"
                             r"you(?:'re| are) (?:now )?subscribed|(?:news|emails?) and offers from|"
                             r"receive emails? from us)\b", _I), 160),
    ("promo", re.compile(r"^[-–—•|*\s]*(?:advertisement|advertising|sponsored|ad|ads|promoted|"
                         r"continue reading|(?:story|article) continues below|watch more|watch:|watch now|"
                         r"click here|download (?:the|our) app|listen to this|"
                         r"support (?:independent )?journalism|contribute|donate|read in (?:the )?app|"
                         r"open in app|get the app)\b", _I), 120),
    # an affiliate disclosure above the article
    ("promo", re.compile(r"\b(?:we may earn (?:a )?(?:commission|revenue|money)|"
                         r"earn (?:a )?commission (?:from|on|when)|affiliate (?:links?|programs?|"
                         r"commission|partnerships?)|we (?:may )?receive (?:a )?(?:compensation|commission))\b",
                         _I), 300),
    ("share", re.compile(r"^click to (?:share|email|print|copy)\b.{0,60}$|^save (?:this )?(?:article|story)$|"
                         r"^(?:share)?(?:close |show |hide )?(?:more |extra |fewer )?sharing options$", _I), 80),
    # a gallery's "2 of 9", "Image 2 of 9"
    ("caption", re.compile(r"^(?:(?:image|photo|picture|slide) )?\d{1,3} (?:of|/)[ /]*\d{1,3}$", _I), 24),
    # a photo's source after the name of whom it shows: "Jane Doe Submitted photo"
    ("caption", re.compile(r"photo(?:(?<=submitted photo)|(?<=contributed photo)|(?<=file photo)|"
                           r"(?<=staff photo)|(?<=handout photo))$", _I), 80),
    # a credit closing a caption without a full stop: "... a large rodent Credit: Jane Doe"
    # (the literal first: the search skips to it)
    ("caption", re.compile(r"Credit: (?<=\w Credit: )[A-Z][^.!?]{0,60}$"), 400),
    ("share", re.compile(r"^(?:print(?: this)?(?: article| story| page)?|copy(?: the)? link(?: ?url)?(?: ?copied!?)?|"
                         r"(?:url|link) ?copied!?|copied!?|copy)$", _I), 40),
    ("subscribe", re.compile(r"^thanks? (?:you )?for (?:signing up|subscribing)\b", _I), 80),
    ("caption", re.compile(r"^(?:enlarge this image|toggle caption|hide caption|"
                           r"courtesy(?: of)?\s+\S.{0,40})$", _I), 80),
    # an agency's archive photo caption: "FILE - A view of the pier ..."
    ("caption", re.compile(r"^FILE(?: PHOTO)?\s*[-–—:]\s"), 600),
    # a photo credit: "Jane Doe / Coast Herald", "(Jane Doe / Coast Herald)"
    ("caption", re.compile(r"^\(?[A-Z][\w.'’-]*(?: [A-Z][\w.'’&-]*){0,4} ?/ ?[A-Z][\w.'’-]*"
                           r"(?: [A-Z][\w.'’&-]*){0,5}\)?$"), 80),
    # a credit closing a caption: "... Credit: Jane Doe, Coast University", "(Image credit: X)"
    ("caption", re.compile(r"^\(?(?:image|photo|picture)s? credits?\s*:|^credits?:?$|"
                           r"[.!?”)]\s+(?:image |photo )?credits?\s*:\s*[A-Z][^.!?]{0,80}$|"
                           r"\((?:image |photo )credits?\s*:[^()]*\)$", _I), 400),
    # ... or glued to the caption's last sentence: "Skaters on the pond.Jane Doe/Globe Staff"
    ("caption", re.compile(r"[a-z0-9)][.!?][\"”’]?[A-Z][\w'’.&-]*(?:[ /][A-Z][\w'’.&-]*){0,4}$"), 400),
    # "Photo by Jane Doe on Unsplash", "Photo illustration by Coast Herald. Photos by ..."
    ("caption", re.compile(r"^photo(?:s| illustration)? by\b", _I), 200),
    ("caption", re.compile(r"^(?:image|photo|picture|photograph|file photo|credit|image credit|"
                           r"photo credit|above|pictured|caption|source: getty)\s*:|^(?:image|media) (?:copyright|caption)\b|"
                           r"\((?:image|photo|picture|credit|source)\s*[:/][^()]*\)$|"
                           r"\((?:AFP|AP|Reuters|Getty(?: Images)?|EPA|Shutterstock)"
                           r"(?: ?(?:photo|images))?(?: ?/[^)]*)?\)$|"
                           r"(?:getty images|shutterstock|/\s*reuters|/\s*afp|/\s*ap|"
                           r"photo by|photograph: |via reuters)\s*\)?$", _I), 400),
    ("legal", re.compile(r"^(?:rights (?:&|and) permissions|reprints? (?:&|and) permissions)$|"
                         r"^opinions expressed by .{1,60} are (?:their|his|her) own\.?$", _I), 120),
    ("legal", re.compile(r"(?:©|\bcopyright\b|all rights reserved|privacy policy|terms of "
                         r"(?:use|service)|cookie policy|\bcookies?\b|terms & conditions|"
                         r"terms and conditions|\bdisclaimer\b|do not sell my|privacy notice)", _I), 200),
    # a video player's fallback text
    ("boilerplate", re.compile(r"\b(?:please )?enable javascript\b|^supports html5 video$|"
                               r"^media playback is (?:unsupported|not supported)\b", _I), 200),
    # an embedded post's frame: "View this post on Instagram", "A post shared by @jane"
    ("boilerplate", re.compile(r"^(?:view this (?:post|video|photo) on \w+$|a (?:post|video|photo) "
                               r"shared by\b|this content can also be viewed on the site)", _I), 120),
    ("share", re.compile(r"^(?:opens in a new (?:window|tab)$|\+? ?additional share options)", _I), 40),
    ("timestamp", re.compile(rf"^(?:(?:published|updated|posted|last updated|modified|"
                             rf"date)\s*:?\s*)?(?:\w+day,?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?"
                             rf"\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
                             rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
                             rf"[\s,|at@-]*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?"
                             rf"\s*[A-Z]{{0,4}}\d*)?[\s|)\]]*$|"
                             rf"^(?:\d+\s*(?:[smhd]|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)"
                             rf"\s+ago)\b.{{0,20}}$|^(?:first published|published|updated|posted|last updated)\b"
                             # ... when what follows is a date, a time or a label for one, not
                             # a feature list's "Updated wide camera with ..."
                             rf"(?=\W*(?:$|on\b|at\b|in\b|by\b|\d|{_MONTH}|\w+day\b|.*\d|.*\bago\b))"
                             rf".{{0,100}}$", _I), 120),
    ("navigation", re.compile(r"^(?:home|menu|search|search for keyword\.?|search query(?: submit)?"
                              r"(?: search)?|submit(?: search)?|skip to (?:main )?"
                              r"content|back to top(?: button)?|return to top|top|toggle navigation|"
                              r"close|open|log ?in|sign in|register|login|my account|next|previous|"
                              r"prev|more|less|load more|show more|table of contents|"
                              r"social links(?: navigation)?|written by|[<>«»]+|\W+)$", _I), 40),
)

# Headings after which an article never resumes (comments, author box, tags).
END_MARKERS = re.compile(
    r"^(?:(?:leave|post|add|write) (?:a |your )?(?:reply|comment)|\d*\s*comments?(?: \(?\d+\)?)?|"
    r"(?:top rated|most liked|all|view all|show|read|reader) comments|comments? about this article|"
    r"total comments.*|join the (?:conversation|discussion)|about the authors?(?:\(s\)?)?|tags?(?::.{0,40})?|"
    r"filed under|previous post|next post|(?:our )?sources|"
    r"comentários|comentarios|commentaires|kommentare|комментарии|"
    r"deixe (?:um|seu) comentário|laisser un commentaire|deja un comentario)\s*:?$", _I)
# Headings of link boxes that may sit inside an article as well as after it.
BOX_MARKERS = re.compile(
    r"^(?:related(?: articles| stories| posts| news| content| coverage| topics)?|"
    r"most (?:popular|read|viewed|shared)\b.*|you may also like|you might also like|"
    r"recommended(?: for you| stories| articles)?|more (?:from|stories|news|articles|on)\b.*|"
    r"more(?: [A-Z][\w.&'’-]*){1,3}|"
    r"read (?:more|next|also|this next)|see (?:more|also)|also read|don'?t miss|trending(?: now)?|"
    r"popular (?:posts|stories|articles)|further reading|what to read next|top stories|"
    r"(?:latest|more|top|featured|recommended) videos?|latest (?:news|stories|posts|articles)|"
    r"before you go|(?:next|what) to read|next read this|best of(?: [A-Z][\w.&'’-]*){1,3}|"
    r"share this(?: article| story)?|"
    r"você (?:pode|também pode) gostar.*|leia (?:também|mais)|veja também|mais lidas|"
    r"artigos relacionados|notícias relacionadas|(?:à )?lire aussi|articles similaires|"
    r"sur le même sujet|te puede interesar|lee también|noticias relacionadas|"
    r"das könnte sie auch interessieren|mehr zum thema|weitere artikel|"
    r"читайте также|похожие статьи|по теме)\s*:?$", _I)

# Promotional tails glued to the last sentence of a paragraph ("... Watch more about X.").
INLINE_PROMO = re.compile(
    r"\s*\b(?:watch more (?:about|on|from)|read more (?:about|on|from|:)|click here to|"
    r"follow us on|subscribe to our)\b[^\n]*$", _I)

# a byline's opening: "By Jane Doe", "Written by ...", "Por ..."
BYLINE_LINE = re.compile(r"^(?:by|written by|words by|von|por|par)\s", _I)

_AUTHOR_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’-]+\s){1,3})(?:is an?|is the|was an?|has been|writes|covers|"
    r"reports on|joined)\b")


_SOCIAL_WORD = re.compile(rf"^(?:{_SOCIAL}|pint|whats ?app|baixar|teilen|partager|compartir|"
                          rf"compartilhar|поделиться)$", _I)


# a share bar whose buttons' labels lost their spaces: "ShareTweetEmail"
_GLUED_SOCIAL = re.compile(r"^(?:[A-Z][a-z]+){2,}$")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")


# markup and script data that leaked into a text dump: '","name":"', "<a href=", "&amp;"
_CODE = re.compile(r'":\s*["{\[\d]|",\s*"|</?[a-z]+[\s>/]|\\[nu]|&[a-z]{2,5};|[{}]')
_CODE_CHARS = re.compile(r'["<{&\\]')
CODE_MARKS = 3  # code-like marks a line needs to be read as code


def line_reason(text: str) -> str | None:
    """The furniture reason code for a line, or None when no phrase rule fits."""
    if _CODE_CHARS.search(text) and len(_CODE.findall(text)) >= CODE_MARKS:
        return "boilerplate"
    words = text.split()
    if len(words) <= 8 and sum(bool(_SOCIAL_WORD.match(w.strip(",|•·"))) for w in words) * 2 > len(words):
        return "share"
    if len(words) == 1 and _GLUED_SOCIAL.match(text) and all(
            _SOCIAL_WORD.match(w) for w in _CAPITALISED.findall(text)):
        return "share"
    for reason, pattern, longest in _RULES:
        if len(text) <= longest and pattern.search(text):
            return reason
    return None


# a comment thread's heading naming the article: '12 thoughts on "Headline"'
_THREAD = re.compile(r"^\d+ (?:thoughts?|responses?|repl(?:y|ies)|comments?) (?:on|to) [\"“‘']", _I)

# the heading of a box about the author, the outlet or the company behind a press release:
# "About Jane Doe", "About Coast Herald" (capitalised: "About 200 people" is a sentence)
_ABOUT = re.compile(r"^(?:About|Über|Sobre|À propos de) (?:the |The )?[A-Z][\w.'’&-]*"
                    r"(?: [A-Z][\w.'’&-]*){0,3}:?$")

_EDGE_PUNCT = " []()|-–—:*•·»«<>.…"


def is_end_marker(text: str) -> bool:
    if (len(text) <= 200 and _THREAD.match(text)) or _ABOUT.match(text):
        return True
    return len(text) <= 60 and bool(END_MARKERS.match(text.strip(_EDGE_PUNCT)))


# a box's heading with its "More" link glued on: "Harbour News More"
_MORE_LINK = re.compile(r"^(?:[A-Z][\w.&'’-]*\s){1,4}More$")


def is_box_marker(text: str) -> bool:
    return len(text) <= 60 and bool(BOX_MARKERS.match(text.strip(_EDGE_PUNCT))
                                    or _MORE_LINK.match(text))


def author_bio_subject(text: str) -> str | None:
    """The name a third-person line about a person opens with ("Jane Doe is a ..."):
    how author boxes start."""
    m = _AUTHOR_BIO.match(text)
    return m.group("name").strip() if m else None
