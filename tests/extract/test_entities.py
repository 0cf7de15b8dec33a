from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from veille.extract.context import Context
from veille.extract.entities import find_entities


@pytest.mark.parametrize("words, ents, expected", [
    (["Vladimir", "Poutine", "arrive", "."], [(0, 2, "PER")], [("Vladimir Poutine", "PER")]),
    (["Moscou", "répond"], [(0, 1, "GPE")], [("Moscou", "GPE")]),
    (["Le", "«", "Monde", "»"], [(1, 4, "ORG")], [("Monde", "ORG")]),
    (["Il", "y", "a", "3", "jours"], [(3, 5, "DATE")], []),
    (["Les", "Russes", "arrivent"], [(1, 2, "NORP")], [("Russes", "MISC")]),
])
def test_find_entities_maps_labels_and_trims(words, ents, expected) -> None:
    nlp = spacy.blank("fr")
    doc = spacy.tokens.Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    mentions = list(find_entities(doc, Context("d", "fr")))
    assert [(m.text, m.label) for m in mentions] == expected
    for m in mentions:
        assert doc.text[m.span[0]:m.span[1]] == m.text
        assert (m.doc_id, m.extractor) == ("d", "entities")
