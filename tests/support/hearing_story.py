"""A made-up magistrates' hearing reported four ways: the wire story, a trimmed copy of
it, a version that takes two wire paragraphs and adds its own reporting, and an
independent report of the same hearing that shares only the facts and the quote."""

from __future__ import annotations

from pathlib import Path

from reader.clean import clean
from reader.ingest import source_from_text

WIRE = [
    "A retired lighthouse keeper who kept forty goats on a disused railway embankment was "
    "fined 300 pounds by Tollcaster magistrates today for letting them graze a bowling green.",
    "Amos Pellow, 71, admitted allowing the animals to stray onto the green of the Tollcaster "
    "Bowls Club on three occasions during the summer.",
    'He told the bench: "They are cleverer than the fences I build for them."',
    "The club secretary said members had found hoof prints across the immaculate turf every "
    "morning for a fortnight before the goats were caught.",
    "Pellow was also ordered to pay 85 pounds costs and warned that the herd must be kept "
    "behind a new stock fence by the end of the month.",
]

# trims and lightly edits the wire, adds nothing of its own
COPY = [
    "A retired lighthouse keeper who kept forty goats on a disused railway embankment was "
    "fined 300 pounds yesterday for letting them graze a bowling green.",
    "Amos Pellow, 71, admitted allowing the animals to stray onto the green of the Tollcaster "
    "Bowls Club on three occasions.",
    'He told the bench: "They are cleverer than the fences I build for them."',
]

# takes two wire paragraphs, then reports on its own at length
PART = [
    "Amos Pellow, 71, admitted allowing the animals to stray onto the green of the Tollcaster "
    "Bowls Club on three occasions during the summer.",
    "The club secretary said members had found hoof prints across the immaculate turf every "
    "morning for a fortnight before the goats were caught.",
    "Neighbours on Quarry Lane describe the former keeper as a gentle eccentric whose herd "
    "has become something of a village attraction, drawing walkers and photographers.",
    "Visitors feed the animals carrot tops over the hedge, and a local bakery sells "
    "goat-shaped biscuits in his honour every weekend in spring.",
    "His daughter, a veterinary nurse in Plymouth, hopes a farm sanctuary near Bodmin "
    "will adopt the younger kids before the winter storms arrive.",
]

# the same hearing, the same quote, written from the press bench
OWN = [
    "Goats belonging to Amos Pellow ruined the immaculate turf at Tollcaster's bowling club, "
    "magistrates heard, and the pensioner must now pay a 300 pounds fine plus 85 pounds costs.",
    "Pellow, once keeper of the Gull Rock light, pleaded guilty to three counts of letting "
    "livestock stray, dressed in his oilskin coat and clutching a flat cap.",
    'Asked why the herd kept escaping, he shrugged: "They are cleverer than the fences I '
    'build for them."',
    "Bowlers have spent weeks repairing divots, with the county championship due on the "
    "green in August, their captain complained outside court.",
]


def write(folder: Path, names: dict[str, list[str]]) -> dict[str, Path]:
    """Each version as a text file (title line, blank line, paragraphs) in `folder`."""
    out = {}
    for name, paragraphs in names.items():
        path = folder / f"{name}.txt"
        path.write_text("Goats on the green\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
        out[name] = path
    return out


RULE = "  " + "-" * 60


def take_text(slug: str, headline: str, paragraphs: list[str], byline: bool = True) -> str:
    """A wire take as delivered: rules, slug line, headline, byline (a later page has
    none), paragraphs ending in '<'."""
    credit = ["By Jo Bloggs, PA News<"] if byline else []
    return "\n".join([RULE, f"     {slug}", RULE, headline + "<", *credit,
                      *(p + "<" for p in paragraphs), "ends<"]) + "\n"


def take(path: str, slug: str, headline: str, paragraphs: list[str], byline: bool = True):
    """A wire take (`take_text`), cleaned."""
    return clean(source_from_text(take_text(slug, headline, paragraphs, byline), path))


def write_takes(folder: Path, headline: str = "GOATS FINE FOR KEEPER") -> None:
    """The wire story in two takes in `folder`: goats1.txt (page 1, the first three wire
    paragraphs, with a byline) and goats2.txt (page 2, the rest, none)."""
    (folder / "goats1.txt").write_text(take_text(
        "10:02 05/03/24: Page 1 (HHH) COURTS Goats", headline, WIRE[:3]), "utf-8")
    (folder / "goats2.txt").write_text(take_text(
        "10:40 05/03/24: Page 2 (HHH) COURTS Goats", headline, WIRE[3:], byline=False), "utf-8")
