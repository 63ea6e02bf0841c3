"""Made-up articles for the story and provenance tests: two unrelated stories about the
same places, each in several versions, all with the same site boilerplate."""

from __future__ import annotations

from reader.model import Article, Paragraph

BOILERPLATE = [
    "Follow Harbour Daily on social media for the latest updates from Marlow and Kessing.",
    "Subscribe to our newsletter to get the top stories from the region every morning.",
]

FLOOD = [
    "MARLOW (Reuters) - Heavy rain flooded the lower town of Marlow on Tuesday, forcing "
    "about 3,000 residents to leave their homes, the regional governor said.",
    "Rescue teams used boats to reach families trapped on the upper floors of houses near "
    "the river, and two elderly people were taken to hospital.",
    "The river rose by almost two metres overnight after a week of storms over the hills "
    "north of Kessing, officials said.",
    "Schools in the district will stay closed until Friday while engineers inspect three "
    "bridges that were damaged by the water.",
    "The governor said the army would send trucks and drinking water to the shelters set "
    "up in sports halls across the province.",
    "Farmers in the valley said the flood had destroyed most of the winter wheat just weeks "
    "before the harvest.",
    "Forecasters expect more rain on Thursday, and the authorities urged people not to "
    "return to their homes until the water has gone down.",
]

ELECTION = [
    "Voters in Kessing chose a new mayor on Sunday after a campaign dominated by housing "
    "costs and traffic on the coast road to Marlow.",
    "Anna Petrova, a former teacher, won 54 percent of the vote and promised to build "
    "2,000 affordable flats within four years.",
    "Her rival, the businessman Oleg Brandt, conceded defeat late in the evening and "
    "congratulated her on a fair contest.",
    "Turnout was the highest in two decades, the electoral commission said, with long "
    "queues outside polling stations in the old harbour district.",
    "Petrova said her first decision would be to freeze the planned increase in parking "
    "fees in the city centre.",
    "The regional governor, speaking in Marlow, said he looked forward to working with the "
    "new mayor on the coast road.",
]

SYNONYMS = {"flooded": "inundated", "forcing": "compelling", "residents": "inhabitants",
            "homes": "dwellings", "families": "households", "trapped": "stuck",
            "officials": "authorities", "damaged": "harmed", "destroyed": "wrecked",
            "expect": "anticipate", "urged": "encouraged", "storms": "tempests",
            "reach": "get to", "said": "stated", "district": "locale", "inspect": "examine"}


def spin(sentence: str) -> str:
    """A content-farm rewrite: every listed word swapped for a rarer synonym."""
    return " ".join(SYNONYMS.get(w, w) for w in sentence.split(" "))


def make_article(path: str, paragraphs: list[str], title: str | None = None,
                 outlet: str | None = None, date: str | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    paras, pos = [], 0
    for p in paragraphs:
        paras.append(Paragraph(p, pos, pos + len(p)))
        pos += len(p) + 2
    return Article(path=path, text=text, title=title, outlet=outlet, date=date,
                   paragraphs=paras, sha256=f"sha-{path}")


def flood_versions() -> list[Article]:
    """The wire original, a trimmed reprint and a spun copy that credits the reprint."""
    original = make_article("flood/wire.txt", FLOOD + BOILERPLATE, "Floods hit Marlow", "Reuters",
                            "12 Mar 2024")
    reprint = make_article("flood/reprint.txt", FLOOD[:5] + ["Reuters"] + BOILERPLATE,
                           "Marlow flooded", "Harbour Daily", "12 Mar 2024")
    spun = make_article("flood/spun.txt",
                        [spin(s) for s in FLOOD[1:6]] + ["As per the Harbour Daily, the "
                                                         "water is still rising."] + BOILERPLATE,
                        "Marlow inundated", "Quick News Hub", "14 Mar 2024")
    return [original, reprint, spun]


def election_versions() -> list[Article]:
    first = make_article("vote/first.txt", ELECTION + BOILERPLATE, "Kessing elects a mayor",
                         "Kessing Courier", "3 Jun 2024")
    second = make_article("vote/second.txt", ELECTION[:4] + BOILERPLATE, "Petrova wins",
                          "Harbour Daily", "4 Jun 2024")
    return [first, second]
