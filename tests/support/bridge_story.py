"""A small made-up story (a bridge reopening) and an unrelated article, shared by the
review and story tests of the core and the CLI."""

from __future__ import annotations

SENTENCES = [
    "The harbour bridge reopened on Tuesday after four months of repairs, the city council said.",
    "About 12,000 vehicles crossed it in the first hour, according to the council.",
    "The repairs cost 3 million euros and were paid for by the regional government.",
    "Engineers found a crack in one of the main supports during an inspection in March.",
    "\"We are relieved that it is open again,\" said Mara Velde, who drives across it daily.",
]
TITLE = "Harbour bridge reopens"
# what one version adds that the original lacks
ADDED = "Traffic on the ring road fell by a third within a day, the transport office said."
UNRELATED = [
    ("A chess club in the old library opened its doors to new members of every age this "
     "weekend, the organisers said."),
    ("The club meets on Thursday evenings and lends boards to beginners who do not have "
     "their own sets yet."),
]
# a pair with two number changes, for reviews
ORIGINAL = ("Bridge reopens after repairs\n\n"
            "The harbour bridge reopened on Tuesday after four months of repairs, the city "
            "council said.\n\n"
            "About 12,000 vehicles crossed it in the first hour, according to the council.\n\n"
            "The repairs cost 3 million euros, officials said on Monday evening.\n")
REWRITE = ORIGINAL.replace("12,000", "21,000").replace("3 million", "5 million")


def page_text(sentences: list[str], title: str = TITLE) -> str:
    """A plain-text page: the title, then one paragraph per sentence."""
    return title + "\n\n" + "\n\n".join(sentences) + "\n"
