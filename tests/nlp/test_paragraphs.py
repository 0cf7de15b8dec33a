import pytest

from veille.nlp.paragraphs import paragraphs, parse_texts


@pytest.mark.parametrize("text", ["Titre\n\nPremier. \nSecond.\n", "a.\n\n\n", "", "\n\nx. y.\nz",
                                  "Ligne coupée\nau milieu. Fin."])
def test_paragraphs_join_back_into_the_text(text: str) -> None:
    assert "".join(paragraphs(text)) == text


def test_a_break_after_a_sentence_or_a_blank_line_ends_a_paragraph_but_a_wrapped_line_does_not() -> None:
    assert paragraphs("Titre\n\nUn. Deux.\nTrois\nquatre.") == ["Titre\n\n", "Un. Deux.\n", "Trois\nquatre."]


def test_each_paragraph_is_parsed_alone_with_the_original_offsets(fr_nlp) -> None:
    text = "Le ministre a salué le PS.\nL'opposition déposera une motion.\n\nLe Courrier"
    doc = next(parse_texts(fr_nlp, [text]))
    assert doc.text == text
    first, second = [s.text.strip() for s in doc.sents][:2]
    assert (first, second) == ("Le ministre a salué le PS.", "L'opposition déposera une motion.")
    opposition = next(t for t in doc if t.text == "opposition")
    assert text[opposition.idx:opposition.idx + len(opposition)] == "opposition"
    assert opposition.head.sent == opposition.sent
