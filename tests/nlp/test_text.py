from spacy.lang.fr import French

from veille.nlp.text import doc_text, token_from, token_starts, tokens_after, tokens_before


def test_doc_text_is_the_text_and_cached() -> None:
    doc = French()("Il a dit : « Nous partirons demain. »")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    assert token_starts(doc) == [t.idx for t in doc]


def test_token_lookups_match_linear_scans() -> None:
    doc = French()("Elle répète : « Rien n'est joué », puis s'en va.")
    for char in range(len(doc.text) + 2):
        assert token_from(doc, char) == next((t for t in doc if t.idx >= char), None)
        assert list(doc[:tokens_before(doc, char)]) == [t for t in doc if t.idx < char]
        assert list(doc[tokens_after(doc, char):]) == [t for t in doc if t.idx > char]
