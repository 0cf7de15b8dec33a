"""Name normalisation for alias lookups, slugs for entity ids, and demonym inflection."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["inflect_demonym_en", "inflect_demonym_fr", "is_acronym", "normalise", "slug"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_SEPARATORS = re.compile(r"[\s\-_.'\"«»“”,;:()¬]+")


def normalise(text: str) -> str:
    """Accent- and case-insensitive key: ``"Corée-du-Nord"`` -> ``"coree du nord"``."""
    # an OCR line-end hyphen joins the parts of one word ("Allema¬gne")
    text = unicodedata.normalize("NFKD", text.replace("¬ ", "").replace("¬", "").translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def slug(text: str) -> str:
    """A stable id fragment: ``"Vladimir Poutine"`` -> ``"vladimir-poutine"``."""
    return normalise(text).replace(" ", "-")


def is_acronym(text: str) -> bool:
    """Short all-capital names (``AP``, ``US``, ``EI``) are matched case-sensitively."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters)


def _feminine_fr(word: str) -> str:
    if word.endswith(("en", "on")):
        return word + "ne"
    if word.endswith("e"):
        return word
    return word + "e"


def _plural_fr(word: str) -> str:
    return word if word.endswith(("s", "x", "z")) else word + "s"


def inflect_demonym_fr(masculine: str, feminine: str | None = None) -> list[str]:
    """The four French forms: ``"nord-coréen"`` -> nord-coréen, nord-coréenne, nord-coréens, nord-coréennes."""
    head, sep, last = masculine.rpartition("-")
    prefix = head + sep
    fem = feminine or prefix + _feminine_fr(last)
    forms = [masculine, fem, prefix + _plural_fr(last), _plural_fr(fem)]
    return list(dict.fromkeys(forms))


def inflect_demonym_en(adjective: str) -> list[str]:
    """The adjective and the plural noun: ``"North Korean"`` -> North Korean, North Koreans."""
    if adjective.endswith(("ese", "sh", "ch", "ss", "Zealand")):
        return [adjective]
    return [adjective, adjective + "s"]
