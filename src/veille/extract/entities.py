"""Named-entity mentions from the spaCy pipeline's NER, with labels mapped to FORMAT.md."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from veille.extract.context import Context
from veille.records import Mention

__all__ = ["LABELS", "find_entities"]

EXTRACTOR, VERSION = "entities", "1"

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
    """One Mention per named entity; dates, numbers and quantities are left to other extractors."""
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
