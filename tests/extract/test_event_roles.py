from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from veille.extract.event_roles import _inner_recipient, _stranded_subjects
from veille.extract.events import _fill_home, home_country
from veille.records import Event, Participant


def _event(actors: list[Participant], recipients: list[Participant]) -> Event:
    return Event("d", (0, 1), "ACCUSE", "events", "1", actor=actors, recipient=recipients)


def test_home_country_is_the_majority_national_code() -> None:
    events = [_event([Participant("le tribunal", country="FRA")], [Participant("Paul")]),
              _event([Participant("la police", country="FRA")], [Participant("l'ONU", country="UNO")])]
    assert home_country(events) == "FRA"
    _fill_home(events)
    assert events[0].recipient[0].country == "FRA"
    assert events[1].recipient[0].country == "UNO"


def test_no_home_country_without_a_majority() -> None:
    events = [_event([Participant("a", country="RUS")], [Participant("b", country="USA")]),
              _event([Participant("c", country="CHN")], [Participant("d")])]
    assert home_country(events) is None
    _fill_home(events)
    assert events[1].recipient[0].country is None


def test_inner_recipient_is_the_first_named_actor_of_the_object() -> None:
    nlp = spacy.blank("en")
    words = ["Albania", "denounced", "Serbia", "'s", "crackdown"]
    heads = [1, 1, 4, 2, 1]
    deps = ["nsubj", "ROOT", "poss", "case", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 2, 3, label="GPE")]
    found = _inner_recipient(doc[1], [doc[0]])
    assert [t.text for t in found] == ["Serbia"]
    assert _inner_recipient(doc[1], [doc[0], doc[2]]) == []


def test_home_country_counts_the_linked_mentions() -> None:
    from veille.records import Mention

    events = [_event([Participant("Paul")], [])]
    mentions = [Mention("d", (0, 5), "LOC", "Belfort", "entities", "1", country="FRA")]
    assert home_country(events) is None
    _fill_home(events, mentions)
    assert events[0].actor[0].country == "FRA"


def test_a_demonym_stands_with_the_noun_it_modifies() -> None:
    from veille.extract.event_roles import inner_recipients

    nlp = spacy.blank("en")
    words = ["Rome", "demanded", "the", "withdrawal", "of", "Serbian", "forces"]
    heads = [1, 1, 3, 1, 3, 6, 4]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "amod", "pobj"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "ADJ", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 5, 6, label="NORP")]
    assert [t.text for t in inner_recipients(doc[1], [doc[0]])] == ["forces"]


def test_a_clitic_object_tagged_as_an_article_is_a_common_recipient() -> None:
    from veille.extract.events import _common

    nlp = spacy.blank("fr")
    words = ["la", "police", "l'", "arrête"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 3, 3, 3], deps=["det", "nsubj", "obj", "ROOT"],
              pos=["DET", "NOUN", "DET", "VERB"])
    assert _common(doc[2], None)
    assert not _common(doc[0], None)


def test_a_gerund_coordinated_with_an_adjective_is_no_adjectival_participle() -> None:
    from veille.extract.events import _adjectival

    nlp = spacy.blank("fr")
    words = ["un", "dîner", "en", "assimilant", "X", "et", "en", "dénonçant", "Y"]
    heads = [1, 1, 3, 1, 3, 7, 7, 3, 7]
    deps = ["det", "ROOT", "mark", "acl", "obj", "cc", "mark", "conj", "obj"]
    pos = ["DET", "NOUN", "ADP", "ADJ", "PROPN", "CCONJ", "ADP", "VERB", "PROPN"]
    morphs = ["", "", "", "", "", "", "", "Tense=Pres|VerbForm=Part", ""]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    assert not _adjectival(doc[7])
    doc[6].dep_ = "dep"  # without "en" the participle qualifies the adjective it is coordinated with
    assert _adjectival(doc[7])


def test_a_preposition_whose_object_was_parsed_as_the_next_clauses_subject_keeps_it() -> None:
    from veille.extract.event_triggers import prep_children

    nlp = spacy.blank("en")
    words = ["Peru", "granted", "asylum", "to", "five", "officers", "holed", "up"]
    heads = [1, 1, 1, 1, 5, 6, 1, 6]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "nsubj", "advcl", "prt"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "VERB", "ADP"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert ("to", doc[5]) in [(p, c) for p, c in prep_children(doc[1])]


def test_a_subordinate_subject_hung_on_the_main_verb_is_the_clause_subject() -> None:
    nlp = spacy.blank("fr")
    words = ["Dix", "témoins", "sont", "entendus", "alors", "que", "trois", "motards", "et", "deux", "cyclistes",
             "sont", "poursuivis", "."]
    heads = [1, 3, 3, 3, 7, 4, 7, 3, 10, 10, 3, 12, 3, 3]
    deps = ["nummod", "nsubj:pass", "aux:pass", "ROOT", "mark", "fixed", "nummod", "obl:mod", "cc", "nummod",
            "conj", "aux:pass", "advcl", "punct"]
    pos = ["NUM", "NOUN", "AUX", "VERB", "ADV", "SCONJ", "NUM", "NOUN", "CCONJ", "NUM", "NOUN", "AUX", "VERB",
           "PUNCT"]
    morphs = [""] * 14
    morphs[11] = "VerbForm=Fin"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    assert [t.text for t in _stranded_subjects(doc[12])] == ["motards", "cyclistes"]
    assert _stranded_subjects(doc[3]) == []


