"""Generate a large, realistic news corpus with known stories, deterministically.

Text comes from real articles: the English gold bodies of the article-extraction
benchmark (../shared/data/clean-dev/aeb/ground-truth.json, read by path, never copied)
and the seed files. A word-trigram chain trained on them writes sentences in a news
register. That source is small (about 6,000 sentences), so the chain repeats long runs
of it; real unrelated stories do not share sentences, so every story then gets its own
material: each word outside the source's most frequent words is swapped, consistently
within the story, for a random word of the vocabulary. Stories keep sharing what real
news shares: function words, stock phrases, place names, each outlet's page furniture
(some lines shared by all outlets) and, for some stories datelined in the same place,
one stock background paragraph about that place (unrelated stories that must stay apart).

Each story appears in one to several versions: reprints with dropped and inserted
sentences, reordered passages, changed numbers and synonym-spun rewrites; about one
story in a hundred is wire copy run by 10 to 50 outlets.

    python3 bench/corpus_gen.py OUT_DIR --n 1000 --seed 7   # writes OUT_DIR/*.txt + truth.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from common import AEB, ROOT

AEB_GOLD = AEB / "ground-truth.json"
SEEDS = ROOT / "seeds"

PLACES = ["Ankara", "Idlib", "Marlow", "Geneva", "Nairobi", "Lagos", "Lima", "Manila", "Oslo",
          "Tehran", "Moscow", "Brussels", "Cairo", "Dhaka", "Kyiv", "Quito", "Hanoi", "Accra",
          "Riga", "Perth", "Denver", "Osaka", "Porto", "Tunis", "Minsk", "Bogota", "Seoul",
          "Madrid", "Delhi", "Austin"]
SYNONYMS = {"said": "stated", "says": "states", "people": "individuals", "region": "locale",
            "displaced": "uprooted", "capture": "seize", "rebel": "radical", "country": "nation",
            "talks": "discussions", "official": "authority", "officials": "authorities",
            "agreement": "deal", "help": "assist", "show": "demonstrate", "big": "huge",
            "new": "novel", "government": "administration", "company": "firm", "buy": "purchase",
            "start": "commence", "end": "conclude", "war": "conflict", "city": "town",
            "announced": "declared", "expected": "anticipated", "increase": "rise",
            "important": "significant", "problem": "issue", "report": "account",
            "support": "back", "began": "commenced", "told": "informed", "fears": "worries",
            "plans": "schemes", "children": "kids", "women": "ladies", "house": "home",
            "market": "marketplace", "price": "cost", "prices": "costs", "rate": "pace",
            "found": "discovered", "made": "created", "make": "create", "use": "utilise",
            "used": "utilised", "world": "globe", "year": "twelvemonth", "years": "twelvemonths",
            "week": "sennight", "months": "periods", "group": "band", "team": "squad",
            "leader": "chief", "leaders": "chiefs", "police": "constabulary", "killed": "slain",
            "attack": "assault", "forces": "troops", "border": "frontier", "state": "province"}
SHARED_FURNITURE = ["Share this article", "Leave a Reply", "Your email address will not be published.",
                    "Most Popular", "Back to top"]


@dataclass
class Generated:
    name: str
    text: str
    story: int  # ground truth: versions of one story share this id


def _sentences() -> list[str]:
    from reader.segment import split_text

    bodies: list[str] = []
    if AEB_GOLD.exists():
        bodies += [v["articleBody"] for v in json.loads(AEB_GOLD.read_text("utf-8")).values()]
    bodies += [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out = []
    for body in bodies:
        for para in body.split("\n"):
            out += [s.text for s in split_text(para.strip())
                    if 6 <= len(s.text.split()) <= 60 and _english(s.text)]
    return out


def _english(text: str) -> bool:
    """Mostly Latin letters: the tool reads English news; other scripts would be noise here."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.97 * len(letters)


class Chain:
    """A word-trigram chain over real sentences: new sentences in a news register."""

    def __init__(self, sentences: list[str]) -> None:
        self.next: dict[tuple[str, str], list[str]] = {}
        self.starts: list[tuple[str, str]] = []
        for s in sentences:
            words = ["", ""] + s.split() + [""]
            self.starts.append((words[2], words[3]) if len(words) > 4 else ("", words[2]))
            for i in range(len(words) - 2):
                self.next.setdefault((words[i], words[i + 1]), []).append(words[i + 2])

    def sentence(self, rnd: random.Random, limit: int = 45) -> str:
        a, b = rnd.choice(self.starts)
        words = [w for w in (a, b) if w]
        while len(words) < limit:
            options = self.next.get((a, b))
            if not options:
                break
            c = rnd.choice(options)
            if not c:
                break
            words.append(c)
            a, b = b, c
        text = " ".join(words)
        return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def _outlets(rnd: random.Random, chain: Chain, count: int = 40) -> list[tuple[str, list[str], list[str]]]:
    out = []
    for i in range(count):
        name = f"{rnd.choice(PLACES)} {rnd.choice(['Times', 'Post', 'Herald', 'News', 'Daily', 'Courier'])}"
        header = [name, "Home | World | Business | Sport | Opinion", f"Search {name}"]
        footer = [chain.sentence(rnd, 20) for _ in range(2)] + rnd.sample(SHARED_FURNITURE, 3)
        out.append((name, header, footer))
    return out


def _spin(sentence: str, rnd: random.Random, rate: float) -> str:
    return " ".join(SYNONYMS.get(w, w) if w in SYNONYMS and rnd.random() < rate else w
                    for w in sentence.split(" "))


def _renumber(sentence: str, rnd: random.Random) -> str:
    return re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rnd.randint(1, 9)), sentence, count=1)


class StoryWords:
    """A story's own subjects and names: every word outside the `common` ones is swapped,
    consistently within the story, for a random vocabulary word (with probability
    `rate`). Unrelated stories then share only what real news shares (function words,
    stock phrases), even when the chain repeated the same run of its source for both."""

    def __init__(self, rnd: random.Random, vocab: list[str], common: frozenset[str],
                 rate: float = 0.9) -> None:
        self.rnd, self.vocab, self.common, self.rate = rnd, vocab, common, rate
        self.swap: dict[str, str] = {}

    def __call__(self, sentence: str) -> str:
        words = []
        for w in sentence.split(" "):
            core = w.strip(_PUNCT)
            if len(core) >= 3 and core.isalpha() and core.lower() not in self.common:
                if core not in self.swap:
                    new = self.rnd.choice(self.vocab) if self.rnd.random() < self.rate else core
                    self.swap[core] = new.capitalize() if core[0].isupper() else new
                w = w.replace(core, self.swap[core], 1)
            words.append(w)
        return " ".join(words)


_PUNCT = ".,;:!?\"'()[]“”‘’—–-"


class Stock(str):
    """A stock paragraph: rewrites may change its words, but it stays a paragraph of its own."""


def _same_kind(old: str, new: str) -> str:
    return Stock(new) if isinstance(old, Stock) else new


def _version(base: list[str], rnd: random.Random, chain: Chain, own: StoryWords) -> list[str]:
    """One rewrite of a story: drop, insert (in the story's words), reorder, renumber, maybe spin."""
    body = [s for s in base if rnd.random() > rnd.uniform(0.0, 0.35)] or base[:3]
    for _ in range(rnd.randint(0, 3)):
        body.insert(rnd.randint(0, len(body)), own(chain.sentence(rnd)))
    if len(body) > 5 and rnd.random() < 0.3:
        i = rnd.randint(1, len(body) - 3)
        body[i], body[i + 1] = body[i + 1], body[i]
    body = [_same_kind(s, _renumber(s, rnd)) if rnd.random() < 0.1 else s for s in body]
    if rnd.random() < 0.4:
        rate = rnd.uniform(0.5, 0.9)
        body = [_same_kind(s, _spin(s, rnd, rate)) for s in body]
    return body


def _page(title: str, body: list[str], outlet: tuple[str, list[str], list[str]],
          place: str, rnd: random.Random) -> str:
    """The page: outlet header, title, body in paragraphs of one to three sentences
    (the stock paragraph always on its own), outlet footer."""
    name, header, footer = outlet
    paras, para = [], []
    for s in body:
        if isinstance(s, Stock):
            paras += [" ".join(para), s] if para else [s]
            para = []
            continue
        para.append(s)
        if len(para) >= rnd.randint(1, 3):
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    paras[0] = f"{place.upper()} ({name}) - " + paras[0]
    return "\n\n".join(header + [title] + paras + footer) + "\n"


def _vocabulary(chain: Chain, common_words: int = 400) -> tuple[list[str], frozenset[str]]:
    """(words to draw a story's subjects from, the source's most frequent words, kept as they are)."""
    counts = Counter(w.strip(_PUNCT).lower() for words in chain.next.values() for w in words)
    common = frozenset(w for w, _ in counts.most_common(common_words))
    vocab = sorted(w for w in counts if len(w) >= 4 and w.isalpha() and w.isascii() and w not in common)
    return vocab, common


def generate(n: int, seed: int = 7, max_versions: int = 6) -> list[Generated]:
    """`n` articles in stories of 1..max_versions versions, about one story in a hundred
    run by 10..50 outlets (deterministic for a seed)."""
    rnd = random.Random(seed)
    chain = Chain(_sentences())
    outlets = _outlets(rnd, chain)
    vocab, common = _vocabulary(chain)
    background = {place: Stock(StoryWords(rnd, vocab, common)(" ".join(chain.sentence(rnd) for _ in range(2))))
                  for place in PLACES}  # one per place, shared by unrelated stories
    out: list[Generated] = []
    story = 0
    while len(out) < n:
        own = StoryWords(rnd, vocab, common)
        base = [own(chain.sentence(rnd)) for _ in range(rnd.randint(6, 22))]
        places = rnd.sample(PLACES, 2)
        base = [s + f" It happened near {places[1]}." if rnd.random() < 0.15 else s for s in base]
        if rnd.random() < 0.25:  # the outlet's stock paragraph about the place
            base.insert(rnd.randint(1, len(base)), background[places[0]])
        title = " ".join(base[0].split()[:9]).rstrip(".,;")
        wire = rnd.random() < 0.01
        count = rnd.randint(10, 50) if wire else 1 + min(max_versions - 1, int(rnd.expovariate(0.6)))
        for v in range(min(n - len(out), count)):
            body = base if v == 0 else _version(base, rnd, chain, own)
            if wire and v and rnd.random() < 0.7:
                body = base  # most outlets run wire copy as it came
            page = _page(title if v == 0 else _spin(title, rnd, 0.7), body,
                         rnd.choice(outlets), places[0], rnd)
            out.append(Generated(f"{len(out):06d}_s{story}.txt", page, story))
        story += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    items = generate(args.n, args.seed)
    for item in items:
        (args.out / item.name).write_text(item.text, encoding="utf-8")
    (args.out / "truth.json").write_text(json.dumps({g.name: g.story for g in items}), "utf-8")
    print(f"wrote {len(items)} articles in {len({g.story for g in items})} stories to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
