"""Quote extraction on short French sentences written for these tests (the steps before quotes run too)."""

from __future__ import annotations

import pytest

from veille.extract.context import Context
from veille.extract.quotes import find_quotes
from veille.pipeline import STEPS, load_step
from veille.records import Quote

BEFORE_QUOTES = [load_step(target) for name, target in STEPS[:[n for n, _ in STEPS].index("quotes")]]


def _quotes(nlp, text: str, lang: str = "fr") -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    ctx = Context(doc_id="t", lang=lang)
    for step in BEFORE_QUOTES:
        for record in list(step(doc, ctx)):
            ctx.add(record)
    out: list[Quote] = list(find_quotes(doc, ctx))
    return [(q.kind, text[q.span[0]:q.span[1]], q.speaker_name) for q in out]


@pytest.fixture(scope="module")
def fr(fr_nlp):
    return lambda text: _quotes(fr_nlp, text)


def test_direct_quote_with_its_speaker(fr) -> None:
    found = fr("« Nous signerons l'accord la semaine prochaine », a déclaré Jean Dupont.")
    assert found == [("direct", "Nous signerons l'accord la semaine prochaine", "Jean Dupont")]


def test_fronted_clause_credited_to_the_subject_after_the_verb(fr) -> None:
    found = fr("Le sommet prévu à Genève a été reporté à cause d'une grève, a affirmé l'ambassade de France.")
    assert len(found) == 1
    kind, content, speaker = found[0]
    assert kind == "indirect"
    assert content == "Le sommet prévu à Genève a été reporté à cause d'une grève"
    assert speaker and "ambassade" in speaker.lower()


def test_fronted_clause_with_an_inverted_clitic(fr) -> None:
    found = fr("Le ministre Paul Girard a reçu les syndicats hier. Les négociations reprendront lundi, "
               "a-t-il ajouté, avant de quitter la salle.")
    assert ("indirect", "Les négociations reprendront lundi", "Paul Girard") in found


def test_gerund_after_a_sentence_reports_nothing_of_its_own(fr) -> None:
    found = fr("Le bâtiment venait d'être rénové, confirme Paul Girard, estimant le coût des travaux à cent euros.")
    assert [c for _, c, _ in found] == ["Le bâtiment venait d'être rénové"]


def test_reported_clause_when_the_apostrophe_stands_apart(fr) -> None:
    found = fr("L' OTAN a annoncé qu' elle allait intensifier ses frappes aériennes sur la région .")
    assert len(found) == 1
    assert found[0][0] == "indirect"
    assert found[0][1].startswith("elle allait intensifier")
    assert found[0][2] == "OTAN"


def test_selon_a_thing_credits_nobody(fr) -> None:
    assert fr("Selon la tradition, le maire ouvre le bal du village chaque année.") == []
    assert fr("Selon toute vraisemblance, les surfaces cultivées devraient diminuer l'an prochain.") == []


def test_polls_and_generic_subjects_are_not_speakers(fr) -> None:
    assert fr("Ce sondage révèle que la plupart des habitants sont satisfaits de la réforme.") == []
    assert fr("Ceux qui estiment que la réforme est juste se trompent lourdement.") == []


def test_passive_verbs_report_nothing(fr) -> None:
    assert fr("Le restaurant est observé de près par les « grands frères » de la direction.") == []


def test_a_name_and_a_verbless_quote_make_a_heading(fr) -> None:
    assert fr("Thierry Martin : « Le sculpteur du dimanche »\nIl expose ses œuvres au musée.") == []


def test_a_list_after_pour_is_no_statement(fr) -> None:
    assert fr("Pour la Finlande, le commissaire sortant au budget, Erkki Liikanen.") == []


def test_a_role_phrase_gives_way_to_the_name_set_beside_it(fr) -> None:
    found = fr("Le commandant des forces alliées en Europe, le général Pierre Marchand, a déclaré : "
               "« Nous frapperons plus fort dans les jours qui viennent. »")
    assert [s for _, _, s in found] == ["Pierre Marchand"]


def test_coordinated_speakers_share_the_quote(fr) -> None:
    found = fr("Marie Dubois et Paul Girard racontent : « Une explosion nous a réveillés en pleine nuit. »")
    assert [s for _, _, s in found] == ["Marie Dubois et Paul Girard"]


def test_complex_inversion_keeps_the_nominal_subject(fr) -> None:
    found = fr("Ainsi, le médecin évoque-t-il une « fatigue très profonde » chez son jeune patient.")
    assert found and all(s not in ("-t", "il", "-il") for _, _, s in found)
    assert found[0][2] == "médecin"


def test_a_pronoun_skips_a_person_of_the_other_gender(fr) -> None:
    found = fr("M. Paul Girard a présenté le budget hier. Mme Marie Dubois a pris la parole ensuite. "
               "Elle a déclaré que le projet serait abandonné avant l'été.")
    assert ("indirect", "le projet serait abandonné avant l'été", "Marie Dubois") in found


def test_a_clause_and_the_quote_after_its_colon_are_two_reports(fr) -> None:
    found = fr("Paul Girard, maire, rappela que la jeunesse reste une priorité des élus : "
               "« Nous avons pris le temps de bâtir ce contrat avec nos partenaires. »")
    assert ("indirect", "la jeunesse reste une priorité des élus", "Paul Girard") in found
    assert ("direct", "Nous avons pris le temps de bâtir ce contrat avec nos partenaires.", "Paul Girard") in found


def test_a_subject_is_not_taken_across_a_paragraph_break(fr) -> None:
    found = fr("La mairie a présenté le nouveau contrat aux familles hier soir.\n"
               "Paul Girard, maire, rappela que la jeunesse reste une priorité.")
    assert [s for _, _, s in found] == ["Paul Girard"]


def test_an_infinitive_reported_without_a_preposition(fr) -> None:
    found = fr("Le porte-parole de l'OTAN, Jean Martin, a nié avoir vu des signes de retrait.")
    assert found == [("indirect", "avoir vu des signes de retrait", "Jean Martin")]
    found = fr("Paul Girard et Marie Dubois reconnaissent avoir gardé une âme d'enfant et collectionnent les jouets.")
    assert [c for _, c, _ in found] == ["avoir gardé une âme d'enfant"]


def test_a_conjunction_parsed_apart_from_its_clause(fr) -> None:
    found = fr("Mais l' OTAN reconnaît qu' elle n' est pas en mesure de confirmer ce recours .")
    assert [(k, c) for k, c, _ in found] == [("indirect", "elle n' est pas en mesure de confirmer ce recours")]


def test_a_relative_of_a_known_person_is_named_through_the_knowledge_base(fr) -> None:
    found = fr("Kim Jong-un a inspecté une usine. Sa sœur a déclaré que les forces du pays étaient prêtes.")
    assert found == [("indirect", "les forces du pays étaient prêtes", "Kim Yo-jong")]


def test_coordinated_people_speak_together(fr) -> None:
    found = fr("Les jouets viennent de la collection de Marie Durand et Paul Girard qui reconnaissent avoir gardé "
               "une âme d'enfant.")
    assert found == [("indirect", "avoir gardé une âme d'enfant", "Marie Durand et Paul Girard")]
    found = fr("« Une nuit agitée » Marie Durand et Paul Girard : « Une explosion nous a réveillés cette nuit . "
               "Nous avons eu très peur . »")
    assert [s for *_, s in found] == ["Marie Durand et Paul Girard"]


def test_a_role_noun_after_a_split_apostrophe_is_the_person_just_named(fr) -> None:
    found = fr("Me Girard , en défense , insiste sur la souffrance de son client . Pour l' avocate , son client a "
               "besoin de soins urgents .")
    assert ("indirect", "son client a besoin de soins urgents", "Me Girard") in found


def test_a_role_is_a_person_named_beside_the_whole_role(fr) -> None:
    found = fr("La mise en cause par Lionel Jospin de la responsabilité du président Jacques Chirac a aidé le RPR. "
               "Vendredi, Nicolas Sarkozy s'est rallié au projet des centristes. « Le moment s'approche où il faudra "
               "censurer le gouvernement », a prévenu le président par intérim du RPR.")
    assert [s for *_, s in found] == ["Nicolas Sarkozy"]


def test_a_first_person_inside_a_quote_is_not_its_speaker(fr) -> None:
    found = fr("Selon la porte-parole du ministère, Jeanne Martin, « nous exhortons le gouvernement à reprendre "
               "le dialogue. »")
    assert [s for *_, s in found] == ["Jeanne Martin"]


def test_the_speaker_after_a_bare_manner_noun(fr) -> None:
    found = fr("« Un concept nouveau » comme précise avec fierté Paul Girard , directeur des opérations .")
    assert found == [("direct", "Un concept nouveau", "Paul Girard")]


def test_a_body_called_by_the_first_word_of_one_of_its_names(fr) -> None:
    found = fr("L' OTAN a bombardé la ville hier . L' Alliance reconnaît qu' elle n' est pas en mesure de confirmer "
               "le bilan .")
    assert found == [("indirect", "elle n' est pas en mesure de confirmer le bilan", "OTAN")]


def test_a_local_branch_speaks_as_itself(fr) -> None:
    found = fr("Dans un communiqué , la section CFDT du centre hospitalier de Lyon dénonce la baisse des primes . "
               "La CFDT estime que la direction doit revoir sa copie .")
    assert ("indirect", "la direction doit revoir sa copie", "CFDT du centre hospitalier de Lyon") in found


def test_a_share_of_a_poll_is_no_speaker(fr) -> None:
    assert fr("Le sondage a rassuré les habitants puisque 63 % d'entre eux pensent qu'une attaque est peu probable "
              "durant les Jeux.") == []


def test_a_participle_describing_a_noun_reports_nothing(fr) -> None:
    assert fr("Lorsqu' il est arrivé au pouvoir , Paul Girard avait l' idée plus ou moins avouée de saborder "
              "l' œuvre de ses prédécesseurs .") == []


def test_impersonal_on_split_from_its_article_credits_nobody(fr) -> None:
    assert fr("Il est possible que des problèmes surgissent durant une période que l' on considérera comme "
              "« de rodage » .") == []


def test_a_quoted_nickname_in_the_speaker_apposition_is_no_quote(fr) -> None:
    found = fr("« Nous voulons garder un flux rapide de clientèle » explique Paul Girard , le « Monsieur Restaurant » "
               "de la ville , qui dispose déjà de trois restaurants .")
    assert found == [("direct", "Nous voulons garder un flux rapide de clientèle", "Paul Girard")]


def test_a_report_by_a_relative_clause_is_a_quote_of_its_own(fr) -> None:
    found = fr("L' armée a annoncé que les troupes continuaient leur retrait face aux raids de l' OTAN , laquelle a "
               "jusqu' à présent nié avoir vu des signes de retrait .")
    assert [(c, s) for _, c, s in found] == [
        ("les troupes continuaient leur retrait face aux raids de l' OTAN", "armée"),
        ("avoir vu des signes de retrait", "OTAN"),
    ]


def test_a_pronoun_for_someone_never_named_speaks_as_described(fr) -> None:
    found = fr("Le jeune homme a été hospitalisé hier soir . Il a expliqué aux policiers que , pendant la nuit , il "
               "avait voulu mettre fin à ses jours .")
    assert found == [("indirect", "pendant la nuit , il avait voulu mettre fin à ses jours", "jeune homme")]


def test_a_prepositional_object_is_what_is_asked_for_or_stressed(fr) -> None:
    assert fr("La Grèce , proche de Belgrade , a appelé à une trêve de 48 heures dans les bombardements .") == [
        ("indirect", "une trêve de 48 heures dans les bombardements", "Grèce")]
    found = fr("Me Girard , en défense , insiste sur la souffrance de son client , ses idées noires , sa détresse .")
    assert found == [("indirect", "la souffrance de son client , ses idées noires , sa détresse", "Me Girard")]
    assert fr("Le ministre a été appelé à d'autres fonctions.") == []


def test_quotes_joining_a_reported_clause_are_pieces_of_one_mixed_quote(fr) -> None:
    found = fr("Laurent Fabius, le président socialiste de l'Assemblée nationale, a publié une tribune. Dans ce texte, "
               "le président socialiste de l'Assemblée nationale juge que la réforme comporte «trois défauts»: elle "
               "«ne règle pas les problèmes de long terme», «dilue la responsabilité politique» et «fait le lit des "
               "abstentionnistes».")
    assert len(found) == 1
    kind, content, speaker = found[0]
    assert kind == "mixed" and speaker == "Laurent Fabius"
    assert content.startswith("la réforme comporte") and content.endswith("«fait le lit des abstentionnistes»")


def test_a_noun_before_que_is_a_relative_antecedent_when_it_has_a_determiner(fr) -> None:
    assert fr("Le juge que nous avons rencontré hier était fatigué.") == []


def test_elle_with_no_person_before_is_the_body_just_named(fr) -> None:
    found = fr("Dans un communiqué , la section CFDT du centre hospitalier de Lyon dénonce la baisse des primes . "
               "Elle constate que la direction n' a rien fait pour le personnel .")
    assert [s for *_, s in found] == ["CFDT du centre hospitalier de Lyon"]


def test_a_pet_form_of_a_first_name_is_the_person_of_that_first_name(fr) -> None:
    found = fr("« On mangera avec les mains » , annonce Pierre Walter devant la salle . « Ce n' est pas une blague » , "
               "continue Pierrot devant ses amis .")
    assert [s for *_, s in found] == ["Pierre Walter", "Pierre Walter"]
    found = fr("Marie Dupont a ouvert la séance. « Nous avons beaucoup travaillé cette année » , a déclaré Marion "
               "devant le public .")
    assert [s for *_, s in found] == ["Marion"]


def test_first_person_words_opening_an_interview_are_the_person_just_named(fr) -> None:
    found = fr("Conseiller régional, Paul Girard était hier à Lyon pour rencontrer les militants. Sa présence a fait "
               "couler beaucoup d'encre. « J' ai gagné tous mes procès contre la presse et je continuerai »\n"
               "Son parcours\n« Tout simplement parce qu' aucun parti ne défendait nos idées . »")
    assert [s for *_, s in found] == ["Paul Girard", "Paul Girard"]
    assert fr("Le Louvre a ouvert une nouvelle salle. « Une collection unique au monde est enfin visible »") == []


def test_pour_qui_credits_the_person_before_it(fr) -> None:
    found = fr("Paul Girard expose ses sculptures au musée. Le public découvre l' œuvre de M. Girard pour qui l' art "
               "roman est presque un « sacerdoce » .")
    assert found == [("mixed", "l' art roman est presque un « sacerdoce »", "Paul Girard")]
    assert fr("Il a quitté la ville pour qui voulait bien l'entendre.") == []


def test_a_source_preposition_after_a_conjunction_with_its_apostrophe_apart(fr) -> None:
    found = fr("Et de l' avis de leur responsable , les choses s' annonçaient bien pour la collecte .")
    assert found == [("indirect", "les choses s' annonçaient bien pour la collecte", "responsable")]


def test_an_infinitive_report_when_the_lemmatizer_left_the_form(fr) -> None:
    found = fr("La section CFDT du centre hospitalier de Lyon reproche à la direction de ne pas comprendre que le "
               "personnel souffre .")
    assert found == [("indirect", "ne pas comprendre que le personnel souffre", "CFDT du centre hospitalier de Lyon")]


def test_a_que_clause_parsed_on_the_object_and_a_name_with_elisions_joined(fr) -> None:
    found = fr("La Caisse d' Allocations familiales du Territoire de Belfort informe ses allocataires que le montant "
               "des prestations sera disponible à partir du 8 janvier .")
    assert found == [("indirect", "le montant des prestations sera disponible à partir du 8 janvier",
                      "Caisse d'Allocations familiales du Territoire de Belfort")]
    assert fr("Le maire a reçu les habitants que la crue avait chassés de chez eux.") == []


def test_dit_after_a_name_gives_a_nickname(fr) -> None:
    assert fr("Le commissaire a ouvert une enquête qui a amené l'arrestation de Victor Hespel, dit Le Grand Rouquin, "
              "né en 1891 à Roubaix.") == []


def test_a_contracted_article_is_no_bare_manner_noun(fr) -> None:
    found = fr("Le baron écrit au prévôt des marchands et le presse de faire expédier la commission « aussitôt que le "
               "sieur Houdon aura évacué le logement ».")
    assert [s for *_, s in found] == ["baron"]


def test_documents_that_call_for_something_are_no_speakers(fr) -> None:
    assert fr("La résolution de 1978 appelle à un retrait sans condition du Liban-Sud.") == []


def test_a_role_for_a_name_the_tagger_missed_after_a_title_of_that_role(fr_nlp) -> None:
    text = ("La reine Elizabeth a présidé hier la cérémonie d'ouverture du Parlement. Devant les membres du Parlement, "
            "la souveraine a salué ce « moment important dans la longue histoire de notre nation ».")
    doc = fr_nlp(text)
    ctx = Context(doc_id="t", lang="fr", published="1999-05-27")
    for step in BEFORE_QUOTES:
        for record in list(step(doc, ctx)):
            ctx.add(record)
    assert [q.speaker_name for q in find_quotes(doc, ctx)] == ["Elizabeth II"]


def test_a_que_clause_hung_elsewhere_by_the_parser_is_still_what_the_verb_reports() -> None:
    import spacy
    from spacy.tokens import Doc

    from veille.extract.quotes import _complement, _stray_que, reporting_lexicon

    words = ["Il", "a", "déclaré", "que", "les", "troupes", "partiraient", "demain", "."]
    heads = [2, 2, 2, 8, 5, 2, 5, 6, 2]  # "que" on the stop, "partiraient" on "troupes"
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "det", "obj", "amod", "advmod", "punct"]
    pos = ["PRON", "AUX", "VERB", "SCONJ", "DET", "NOUN", "ADJ", "ADV", "PUNCT"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    lex = reporting_lexicon("fr")
    assert _stray_que(doc[2], lex)
    start, end = _complement(doc[2], lex, [])
    assert doc[start:end].text.startswith("les troupes partiraient")
