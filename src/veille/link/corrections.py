"""Fixing NER spans before linking: honorifics, determiners, one-letter debris, common words taken for names."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from veille.knowledge import load_kb
from veille.link.names import HONORIFICS, strip_determiner
from veille.nlp.text import doc_text
from veille.records import Mention

__all__ = ["correct_span", "is_debris"]

_DETERMINERS = ("le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "L’", "the ", "The ")


_HONORIFIC_BEFORE = re.compile(r"(?:^|(?<=[^\w.]))(?:" + "|".join(re.escape(h) for h in HONORIFICS)
                               + r")(?:\s+|(?<=\.))(?:(?:de|d'|d’|du|le|la|von|van)\s*)?$")


def _honorific_before(doc: Doc, start: int) -> int | None:
    """The start offset of an honorific right before ``start`` (``M. Kim``, ``Mme Borne``, ``M. de Lasteyrie``)."""
    text = doc_text(doc)
    head = text[max(0, start - 12):start]
    found = _HONORIFIC_BEFORE.search(head)
    if found is None:
        return None
    return start - len(head) + found.start()


def correct_span(doc: Doc, mention: Mention) -> None:
    """Widen a person over its honorific, narrow a place or organisation past its determiner (in place)."""
    start, end = mention.span
    text = doc_text(doc)[start:end]
    if mention.label == "PER":
        begin = _honorific_before(doc, start)
        if begin is not None:
            start = begin
    elif text.startswith(_DETERMINERS):
        rest = strip_determiner(text)
        if rest[:1].isupper():
            start = end - len(rest)
    mention.span = (start, end)
    mention.text = doc_text(doc)[start:end]


def is_debris(mention: Mention, lang: str) -> bool:
    """True for spans that name nothing: one letter, a lower-case scrap, a demonym, a common word (``État``)."""
    kb = load_kb()
    text = strip_determiner(mention.text)
    letters = [c for c in text if c.isalpha()]
    if len(letters) <= 1 or (not text[:1].isupper() and not text[:1].isdigit()):
        return True
    if len(letters) == 2 and not text.isupper():
        return True
    if kb.is_not_name(text, lang):
        return True
    # a nationality noun or adjective ("les Allemands", "Russe") is no place and no organisation
    return mention.label != "PER" and kb.demonym(text) is not None and not kb.lookup(text)
