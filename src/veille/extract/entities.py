"""Named-entity mentions from the spaCy pipeline's NER, with labels mapped to FORMAT.md, and the known places it missed.

The French model misses many place names that the knowledge base knows for sure (``Europe``, ``Algérie``,
``PARIS`` in capitals): a name of a country, region, continent or capital, or of a city with a Wikidata
id, written as a proper noun (or in capitals) outside every NER span is added as a ``LOC`` mention.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from veille.extract.context import Context
from veille.knowledge import load_kb
from veille.nlp.text import doc_text
from veille.records import Mention

__all__ = ["LABELS", "find_entities", "find_known_places", "ner_mentions"]

EXTRACTOR, VERSION = "entities", "2"
GAZETTEER = "gazetteer"
MAX_WORDS = 3

# spaCy labels (French WikiNER and English OntoNotes schemes) -> FORMAT.md labels
LABELS: dict[str, str] = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "NORP": "MISC",
    "LOC": "LOC", "FAC": "LOC",
    "GPE": "GPE",
    "MISC": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}


def find_entities(doc: Doc, ctx: Context) -> Iterator[Mention]:
    """One Mention per named entity, then the known places NER missed; dates and numbers are left to others."""
    yield from ner_mentions(doc, ctx)
    yield from find_known_places(doc, ctx)


def ner_mentions(doc: Doc, ctx: Context) -> Iterator[Mention]:
    """The model's own entities (``doc.ents``) with FORMAT.md labels, trimmed to their words."""
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        text = ent.text
        # spaCy sometimes swallows surrounding punctuation or spaces: trim to the words
        start, end = ent.start_char, ent.end_char
        stripped = text.strip(" \t\n'’\"«»“”,.;:()")
        if not stripped:
            continue
        start += text.find(stripped)
        end = start + len(stripped)
        yield Mention(ctx.doc_id, (start, end), label, stripped, EXTRACTOR, VERSION)


def _known_place(text: str, proper: bool) -> bool:
    """True when ``text`` names a country, region, capital, or a city with a Wikidata id (proper nouns only)."""
    kb = load_kb()
    if any(e.kind in ("country", "region") for e in kb.lookup(text)):
        return True
    if not proper:
        return False
    return kb.capital_of(text) is not None or kb.place_wikidata_by_name(text) is not None


def find_known_places(doc: Doc, ctx: Context) -> Iterator[Mention]:
    """Place names of the knowledge base outside the NER spans, longest first (``Nouvelle-Calédonie``)."""
    if not doc.has_annotation("POS"):
        return
    taken = {t.i for ent in doc.ents for t in ent}
    found: list[tuple[int, int]] = []
    for n in range(MAX_WORDS, 0, -1):
        for i in range(len(doc) - n + 1):
            first, last = doc[i], doc[i + n - 1]
            if not (first.text[:1].isupper() and last.text[:1].isupper()) or any(j in taken for j in range(i, i + n)):
                continue
            upper = all(t.text.isupper() or not t.is_alpha for t in doc[i:i + n]) and len(doc[i:i + n].text) > 3
            proper = last.pos_ == "PROPN" or upper
            if not (proper or last.pos_ == "NOUN"):
                continue
            span = doc[i:i + n]
            if _known_place(span.text, proper):
                taken.update(range(i, i + n))
                found.append((span.start_char, span.end_char))
    text = doc_text(doc)
    for start, end in sorted(found):
        yield Mention(ctx.doc_id, (start, end), "LOC", text[start:end], GAZETTEER, VERSION)
