"""Fixing NER spans before linking: honorifics, determiners, one-letter debris, common words taken for names."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.knowledge import load_kb
from veille.link.names import HONORIFICS, strip_determiner
from veille.nlp.text import doc_text
from veille.records import Mention

__all__ = ["correct_span", "is_debris"]

_DETERMINERS = ("le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "L’", "the ", "The ")


def _honorific_before(doc: Doc, start: int) -> int | None:
    """The start offset of an honorific right before ``start`` (``M. Kim``, ``Mme Borne``), else None."""
    text = doc_text(doc)
    head = text[max(0, start - 8):start]
    for honorific in HONORIFICS:
        for gap in (" ", ""):
            if head.endswith(honorific + gap) and (gap or honorific.endswith(".")):
                begin = start - len(honorific) - len(gap)
                if begin == 0 or not text[begin - 1].isalnum():
                    return begin
    return None


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
