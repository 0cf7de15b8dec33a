"""Family ties between known people (``data/kin.tsv``): who "sa sœur" or "his wife" of a named person is.

    relative("Kim Jong-un", "sister")   # Entity("Q7193489", "Kim Yo-jong")
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from veille.knowledge.base import Entity, load_kb
from veille.knowledge.names import normalise

__all__ = ["relative"]


@cache
def _ties() -> dict[tuple[str, str], str]:
    text = resources.files("veille.knowledge").joinpath("data", "kin.tsv").read_text(encoding="utf-8")
    ties = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            person, relation, other = line.split("\t")
            ties[(normalise(person), relation)] = other
    return ties


def relative(person: str, relation: str) -> Entity | None:
    """The person's relative in ``relation`` (``sister``, ``wife``, ``father``, ...), when the base knows them."""
    other = _ties().get((normalise(person), relation))
    if other is None:
        return None
    people = [e for e in load_kb().lookup(other) if e.kind == "person"]
    return people[0] if people else None
