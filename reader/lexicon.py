"""Word lists every stage shares, defined once so cleaning, drift and provenance agree.

Wire agencies are kept with their aliases: a credit "(AP)" and a body that says
"The Associated Press" name the same source.
"""

from __future__ import annotations

# canonical name -> other ways copy writes it (all compared case-folded)
WIRE_AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": (),
    "Associated Press": ("AP", "The Associated Press"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "Press Association": ("PA", "PA Media", "PA News"),
    "Bloomberg": (),
    "dpa": ("Deutsche Presse-Agentur",),
    "EFE": (),
    "Xinhua": (),
    "TASS": (),
    "Interfax": (),
    "ANI": (),
    "PTI": ("Press Trust of India",),
    "IANS": (),
    "UPI": ("United Press International",),
    "ANSA": (),
    "Kyodo": (),
    "Yonhap": (),
    "Anadolu Agency": ("Anadolu",),
    "Canadian Press": ("The Canadian Press",),
    "AAP": ("Australian Associated Press",),
    "Bernama": (),
    "WAM": (),
    "SPA": ("Saudi Press Agency",),
    "KUNA": (),
    "IRNA": (),
    "Sputnik": (),
    "RIA Novosti": (),
    "Europa Press": (),
    "CNA": (),
    "APP": (),
    "Agencies": (),  # "with Agencies": a credit to unnamed wires
}

_CANONICAL = {alias.casefold(): name for name, aliases in WIRE_AGENCIES.items()
              for alias in (name, *aliases)}
# every spelling, longest first so a regex alternation prefers "Associated Press" to "AP"
AGENCY_NAMES: tuple[str, ...] = tuple(sorted(
    {alias for name, aliases in WIRE_AGENCIES.items() for alias in (name, *aliases)},
    key=lambda s: (-len(s), s)))


def agency(name: str) -> str | None:
    """The canonical wire agency a name stands for, or None when it is not one."""
    return _CANONICAL.get(name.strip().casefold())


def is_agency(name: str) -> bool:
    return agency(name) is not None


MONTHS: dict[str, int] = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
MONTHS |= {m[:3]: n for m, n in list(MONTHS.items())} | {"sept": 9}
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# a month name or abbreviation, capitalised as copy writes it ("Jan.", "January", "Sept")
MONTH_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
