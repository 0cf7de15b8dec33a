"""PLOVER v0.8 reference data: categories with their CAMEO root, QuadClass and intensity.

    cameo, quad, intensity = event_codes("ASSAULT", "aerial")   # ("19", 4, -10.0)
    cameo_to_plover("0841")                                    # ("RETREAT", "release")

Intensities are the Goldstein scale values of the CAMEO root codes (−10..+10). The CAMEO → PLOVER
table is CC BY-SA 4.0 data and lives in its own file, ``plover_cameo.tsv``, with its notice.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = [
    "CATEGORIES",
    "GOLDSTEIN",
    "QUAD_CLASS",
    "ROOTS",
    "SYMMETRIC",
    "cameo_to_plover",
    "event_codes",
]

CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# the CAMEO root a category exports to when no finer code is known
ROOTS: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06", "AID": "07",
    "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18",
}

# modes that move a category to another CAMEO root
MODE_ROOTS: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19", ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "massacre"): "20", ("ASSAULT", "cleansing"): "20", ("ASSAULT", "unconventional"): "20",
}

# Goldstein scale value of each CAMEO root
GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
    "18": -9.0, "19": -10.0, "20": -10.0,
}

# categories where the scorer (and the analyst) does not tell actor from recipient
SYMMETRIC = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})


def event_codes(category: str, mode: str | None = None, cameo: str | None = None) -> tuple[str, int, float]:
    """The CAMEO code, QuadClass and intensity of an event (a given CAMEO code wins over the root)."""
    code = cameo or MODE_ROOTS.get((category, mode or ""), ROOTS[category])
    return code, QUAD_CLASS[category], GOLDSTEIN.get(code[:2], 0.0)


@cache
def _cameo_table() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    text = resources.files("veille.knowledge").joinpath("plover_cameo.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, category, mode = ([*line.split("\t"), "", ""])[:3]
        table[code] = (category, mode or None)
    return table


def cameo_to_plover(code: str) -> tuple[str, str | None] | None:
    """The PLOVER category and mode of a CAMEO code, from the longest known prefix; None if none."""
    table = _cameo_table()
    for end in range(len(code), 1, -1):
        if code[:end] in table:
            return table[code[:end]]
    return None
