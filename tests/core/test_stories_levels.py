"""One story told at three reading levels (as OneStopEnglish publishes them: the same
facts, sentences shortened and words simplified) is one story, apart from unrelated
news. A made-up story."""

from __future__ import annotations

from reader.corpus.stories import group_stories
from tests.support.story_corpus import ELECTION, FLOOD, make_article

ADV = [
    "Marine biologists working off the coast of Norway have recorded a pod of orcas using"
    " a previously undocumented hunting technique, herding herring into tight balls with "
    "bursts of bubbles before stunning them with their tails.",
    "The behaviour, filmed by drones over three winters, suggests that the animals pass "
    "on complex skills across generations, according to the research team at the "
    "University of Tromsø.",
    "Lead author Ingrid Solberg said the footage showed juveniles repeatedly practising "
    "the manoeuvre under the watchful eye of older females.",
    "The findings, published in the journal Marine Ecology, add to growing evidence that "
    "killer whale populations develop distinct cultures.",
    "Conservationists warn, however, that shrinking herring stocks could threaten the "
    "survival of such specialised traditions.",
]
MID = [
    "Marine biologists off the coast of Norway have filmed a group of orcas using a new "
    "hunting technique.",
    "The orcas herd herring into tight balls with bursts of bubbles and then stun them "
    "with their tails.",
    "The behaviour, filmed by drones over three winters, suggests that the animals pass "
    "on skills across generations, according to researchers at the University of Tromsø.",
    "Lead author Ingrid Solberg said young whales practised the move while older females "
    "watched.",
    "The findings add to evidence that killer whale groups have their own cultures, but "
    "shrinking herring stocks could threaten these traditions.",
]
ELE = [
    "Scientists in Norway have filmed orcas hunting in a new way.",
    "The orcas push herring into a tight ball with bubbles. Then they hit the fish with "
    "their tails.",
    "Drones filmed the whales for three winters.",
    "Young whales practised the hunt while older females watched, said Ingrid Solberg "
    "from the University of Tromsø.",
    "The scientists think orcas teach skills to their young. But there are fewer herring "
    "now, and this could be a problem.",
]


def test_three_reading_levels_of_one_story_group_together_and_apart_from_others():
    arts = [make_article("adv.txt", ADV), make_article("int.txt", MID), make_article("ele.txt", ELE),
            make_article("flood.txt", FLOOD), make_article("vote.txt", ELECTION)]
    groups = sorted(sorted(a.path for a in s.members) for s in group_stories(arts))
    assert groups == [["adv.txt", "ele.txt", "int.txt"], ["flood.txt"], ["vote.txt"]]
