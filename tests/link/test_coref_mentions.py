"""Mention boundaries: a noun phrase ends before what is detached from it."""

from __future__ import annotations

import pytest

from veille.extract.context import Context
from veille.link.coref import cluster_mentions
from veille.link.coref_mentions import refine_mentions
from veille.link.mentions import find_mentions


def _found(text: str, fr_nlp) -> set[str]:
    doc = fr_nlp(text)
    ctx = Context(doc_id="t", lang="fr")
    mentions, _ = refine_mentions(doc, find_mentions(doc, ctx), ctx)
    return {text[m.start:m.end] for m in mentions}


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    # a participle or an adjective set off by a comma is no part of the phrase
    ("Le jeune homme, âgé de trente ans, a été arrêté hier.", "Le jeune homme", "Le jeune homme, âgé de trente ans"),
    ("Les locataires, paniqués, ont fui l'immeuble.", "Les locataires", "Les locataires, paniqués"),
    # a title line is no part of the sentence below it
    ("Clarification\nFrançois Hollande a parlé hier.", "François Hollande", "Clarification\nFrançois Hollande"),
    ("Nos lecteurs\nChaque matin, le journal arrive.", "Nos lecteurs", "Nos lecteurs\nChaque matin"),
])
def test_a_phrase_ends_before_what_is_detached(fr_nlp, text: str, kept: str, dropped: str) -> None:
    found = _found(text, fr_nlp)
    assert kept in found, found
    assert dropped not in found


def test_an_enumeration_ending_in_et_stays_one_phrase(fr_nlp) -> None:
    found = _found("Marie, Joseph et leur fils sont arrivés à la crèche.", fr_nlp)
    assert "Marie, Joseph et leur fils" in found, found


def test_a_closing_quote_ends_a_phrase_quoted_from_before(fr_nlp) -> None:
    found = _found("« Il y avait de la fumée partout » raconte une voisine.", fr_nlp)
    assert not any(m.startswith("la fumée partout »") for m in found), found


def test_a_name_apposed_to_a_role_is_a_mention_of_the_same_person(fr_nlp) -> None:
    text = "Le maire, Robert Labat, a reçu les habitants de la commune."
    doc = fr_nlp(text)
    _, entities = cluster_mentions(doc, Context(doc_id="t", lang="fr"))
    assert any({"Le maire", "Robert Labat"} <= {text[m.start:m.end] for m in e} for e in entities), entities


@pytest.mark.parametrize(("text", "kept"), [
    ("Ils ont aidé les agriculteurs bien sûr, mais aussi les éleveurs.", "les agriculteurs"),
    ("Ils ont aidé les agriculteurs bien sûr, mais aussi les éleveurs.", "les éleveurs"),
    ("Le point fort de la fête reste le repas médiéval.", "Le point fort de la fête"),
    # elided clitics and the verb the parser hung on the noun
    ("Le soleil, c'est l'or du Ballon.", "l'or du Ballon"),
    ("Il n'avait pas été l'homme de la paix.", "l'homme de la paix"),
    # an adjective before the determiner, but "tous"
    ("Seules les veillées fonctionnent encore.", "les veillées"),
    ("Tous ces vieux jouets ont été réparés.", "Tous ces vieux jouets"),
    ("Dès 19 h une distribution de pain bio a eu lieu devant le restaurant.", "une distribution de pain bio"),
    ("Plus d'un millier de personnes ont fui.", "Plus d'un millier de personnes"),
])
def test_adverbs_around_a_phrase_are_left_out(fr_nlp, text: str, kept: str) -> None:
    assert kept in _found(text, fr_nlp)


def test_a_name_in_a_street_name_is_no_mention(fr_nlp) -> None:
    found = _found("Les pompiers sont arrivés dans la rue du Tramway vers midi.", fr_nlp)
    assert "la rue du Tramway" in found, found
    assert "du Tramway" not in found


def test_a_phrase_ends_before_a_complement_that_is_mostly_the_verbs(fr_nlp) -> None:
    found = _found("Des drapeaux flottaient aux fenêtres des maisons sur le parcours du défilé.", fr_nlp)
    assert {"aux fenêtres des maisons", "des maisons", "le parcours du défilé"} <= found, found


@pytest.mark.parametrize(("text", "kept"), [
    ("Plus de 150 visiteurs ont découvert l'exposition.", "Plus de 150 visiteurs"),
    ("Il faut marcher environ 2 km pour rejoindre le chalet.", "environ 2 km"),
])
def test_an_adverb_of_quantity_opens_the_phrase(fr_nlp, text: str, kept: str) -> None:
    assert kept in _found(text, fr_nlp)
