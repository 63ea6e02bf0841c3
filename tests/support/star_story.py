"""A made-up showbiz item: the agency's own news (a star's split, announced by her
spokeswoman), which no court, police or office made public, and a paper's rewrite of it
in its own voice that keeps few of the wire's word sequences."""

from __future__ import annotations

from pathlib import Path

STAR_WIRE = [
    "LONDON (Reuters) - Pop singer Tilda Marsh has parted company with her manager of nine "
    "years, her spokeswoman said on Tuesday.",
    "The 31-year-old star of the musical Paper Lanterns will be managed from now on by her "
    "sister Greta, who runs a florist's shop in Harrogate.",
    "Marsh, whose third album Glass Orchard sold 400,000 copies, begins a tour of Japan in April.",
    '"It was simply time for a fresh start," the spokeswoman added.',
]

STAR_PAPER = [
    "TILDA Marsh has ditched the man who made her famous.",
    "The Paper Lanterns beauty, who shifted 400,000 copies of Glass Orchard, is handing the "
    "reins to kid sister Greta.",
    "Pals say the pair had rowed for months about the tour of Japan, and Greta's florist's "
    "shop will have to wait.",
    "Fans can only hope the shake-up does not hold up new songs.",
]


def write_star(folder: Path) -> None:
    """wire.txt and paper.txt in `folder`, each a title line, a blank line, paragraphs."""
    for name, title, paragraphs in (("wire", "Singer parts with manager", STAR_WIRE),
                                    ("paper", "Tilda dumps her svengali", STAR_PAPER)):
        (folder / f"{name}.txt").write_text(f"{title}\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
