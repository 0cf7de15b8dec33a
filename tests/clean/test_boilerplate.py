from __future__ import annotations

import pytest

from veille.clean.boilerplate import BoilerplateCleaner, RepeatedLines


def assert_offsets_map_back(raw: str, cleaned) -> None:
    for clean_start, raw_start, length in cleaned.offsets.segments:
        assert cleaned.text[clean_start:clean_start + length] == raw[raw_start:raw_start + length]


def test_seed_residue_is_removed_and_offsets_map_back(shared_eval) -> None:
    raw = (shared_eval / "seed.txt").read_text("utf-8")
    cleaned = BoilerplateCleaner().clean(raw)
    assert "cookies" not in cleaned.text
    assert "Mise à jour automatique" not in cleaned.text
    assert "-AP" not in cleaned.text
    assert cleaned.credits == ["AP"]
    kinds = {kind for kind, _ in cleaned.removed}
    assert {"consent", "live", "credit"} <= kinds
    # the article text itself is kept, and every clean span maps back to the same raw characters
    assert "Le président russe Vladimir Poutine est arrivé à Pyongyang" in cleaned.text
    assert_offsets_map_back(raw, cleaned)
    start = cleaned.text.index("Kim Jong Un")
    raw_start, raw_end = cleaned.offsets.raw_span((start, start + len("Kim Jong Un")))
    assert raw[raw_start:raw_end] == "Kim Jong Un"


@pytest.mark.parametrize("line", [
    "Nous utilisons des cookies pour améliorer votre expérience. Accepter",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Partager sur Facebook",
    "Facebook Twitter LinkedIn E-mail",
    "Share this article",
    "Inscrivez-vous à notre newsletter quotidienne",
    "Sign up for our daily newsletter",
    "Lire aussi : Les négociations reprennent à Genève",
    "À lire aussi - Le point sur la situation",
    "Read more: Talks resume in Geneva",
    "Mise à jour automatique",
    "Live updates",
    "Photo : Jean Dupont / AFP",
    "© Reuters",
    "Crédit photo : Marie Martin",
    "Article réservé aux abonnés",
])
def test_residue_lines_are_removed(line: str) -> None:
    raw = f"Le conseil s'est réuni mardi pour examiner le budget.\n{line}\nLes débats ont duré trois heures."
    cleaned = BoilerplateCleaner().clean(raw)
    assert cleaned.text == "Le conseil s'est réuni mardi pour examiner le budget.\nLes débats ont duré trois heures."
    assert_offsets_map_back(raw, cleaned)


@pytest.mark.parametrize("line", [
    "Le ministre a accepté de partager les informations avec ses partenaires européens lors du sommet.",
    "La photo du président a fait le tour des réseaux sociaux après la conférence de presse de mardi.",
    "Les manifestants ont lu aussi une lettre adressée au préfet.",
    "He said the cookie factory would close next year, according to the union.",
])
def test_article_lines_are_kept(line: str) -> None:
    cleaned = BoilerplateCleaner().clean(line)
    assert cleaned.text == line


def test_trailing_live_widget_and_wire_credit_inside_a_line() -> None:
    raw = "Le sommet a commencé. Mise à jour automatique\nLes discussions portent sur l'énergie. -AFP"
    cleaned = BoilerplateCleaner().clean(raw)
    assert cleaned.text == "Le sommet a commencé.\nLes discussions portent sur l'énergie."
    assert cleaned.credits == ["AFP"]
    assert_offsets_map_back(raw, cleaned)


def test_lines_repeated_across_a_sources_documents_are_removed() -> None:
    cleaner = BoilerplateCleaner(RepeatedLines(min_docs=3))
    footer = "Retrouvez toute l'actualité de votre région chaque matin"
    texts = [f"Article numéro {i} sur la vie locale.\n{footer}" for i in range(3)]
    cleaner.observe(("exemple.fr", t) for t in texts)
    assert cleaner.clean(texts[0], "exemple.fr").text == "Article numéro 0 sur la vie locale."
    # the same line from another source is not known to repeat there
    assert footer in cleaner.clean(texts[0], "autre.fr").text
