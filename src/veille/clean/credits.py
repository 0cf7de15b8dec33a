"""Wire credits inside article text (``-AP``, ``(AFP)``, ``avec Reuters``) and the agencies they name.

    find_credits("... et le Japon. -AP")  # -> [Credit(code="AP", start=16, end=20)]
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = ["Agency", "Credit", "agencies", "find_credits"]


@dataclass(frozen=True, slots=True)
class Agency:
    code: str
    country: str
    state_affiliated: bool
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Credit:
    code: str
    start: int
    end: int


@lru_cache(maxsize=1)
def agencies() -> dict[str, Agency]:
    """The wire agencies of ``clean/data/agencies.tsv`` by code."""
    text = files("veille.clean").joinpath("data", "agencies.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {
        row["code"]: Agency(row["code"], row["country"], row["state"] == "yes", row["name"],
                            tuple(a for a in row["aliases"].split("|") if a))
        for row in rows
    }


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    by_alias = {alias: agency.code for agency in agencies().values() for alias in agency.aliases}
    names = r"\b(?:" + "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True)) + r")\b"
    credit = rf"{names}(?:\s*(?:/|et|and|,)\s*{names})*"
    pattern = re.compile(
        # "... le Japon. -AP" / "— AFP" at the end of a line
        rf"(?:\s+[-–—]\s*{credit}\s*$)"
        # "(AFP)" / "(avec AFP)" / "(with Reuters)" anywhere
        rf"|(?:\s*\((?:avec|with|source\s*:)?\s*{credit}\s*\))"
        # "avec AFP" / "with AP" closing a line
        rf"|(?:\s+\(?(?:avec|with)\s+{credit}\s*\)?\.?\s*$)"
    )
    return pattern, re.compile(names), by_alias


def find_credits(line: str) -> list[Credit]:
    """Agency credits in one line of text, with the character range each credit occupies."""
    pattern, names, by_alias = _patterns()
    credits = []
    for match in pattern.finditer(line):
        for name in names.findall(match.group(0)):
            credits.append(Credit(by_alias[name], match.start(), match.end()))
    return credits
