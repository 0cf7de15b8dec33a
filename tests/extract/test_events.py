"""Events of short sentences written for these tests, through the whole pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from veille.pipeline import annotate_format


def _events(text: str, lang: str) -> list[dict[str, Any]]:
    return next(iter(annotate_format([{"id": "t", "text": text, "lang": lang}]))).get("events") or []


def _codes(participants: list[dict[str, Any]]) -> set[str]:
    return {p["country"] for p in participants if p.get("country")}


@pytest.mark.usefixtures("en_nlp")
def test_a_demonym_names_the_recipients_country() -> None:
    events = _events("Ghanaian authorities have deported 168 Liberians.", "en")
    assert [e["type"] for e in events] == ["COERCE"]
    assert _codes(events[0]["actor"]) == {"GHA"}
    assert _codes(events[0]["recipient"]) == {"LBR"}


@pytest.mark.usefixtures("en_nlp")
def test_the_recipient_is_named_inside_a_clausal_object() -> None:
    events = _events("Amnesty International demanded that the Sudanese government end curbs on the press.", "en")
    assert [e["type"] for e in events] == ["REQUEST"]
    assert _codes(events[0]["recipient"]) == {"SDN"}


@pytest.mark.usefixtures("fr_nlp")
def test_the_recipient_of_a_light_verbs_noun() -> None:
    events = _events("Le Premier ministre arménien a remis sa démission au président arménien.", "fr")
    assert [e["type"] for e in events] == ["RETREAT"]
    assert _codes(events[0]["recipient"]) == {"ARM"}


@pytest.mark.usefixtures("en_nlp")
def test_an_announced_cooperative_act_is_an_intent_to_cooperate() -> None:
    events = _events("Portugal will support Spain in the talks.", "en")
    assert [e["type"] for e in events] == ["AGREE"]
    assert not events[0]["future"]


@pytest.mark.usefixtures("en_nlp")
def test_a_participle_retelling_the_attack_is_not_a_second_event() -> None:
    events = _events("Rebels shelled the town of Ruvo on Sunday, killing about 20 people.", "en")
    assert [e["type"] for e in events] == ["ASSAULT"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_planned_french_act_keeps_its_category() -> None:
    events = _events("Le président russe va rencontrer le président chinois à Pékin.", "fr")
    assert [e["type"] for e in events] == ["CONSULT"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_request_between_private_persons_is_not_an_event() -> None:
    assert _events("Julien a demandé à Marion de l'aider à porter son sac.", "fr") == []
    events = _events("Le ministre de l'Intérieur a demandé aux préfets de renforcer les contrôles.", "fr")
    assert [e["type"] for e in events] == ["REQUEST"]


@pytest.mark.usefixtures("fr_nlp")
def test_an_arrest_with_no_agent_is_coded_with_the_police() -> None:
    events = _events("Les deux voleurs ont été interpellés hier soir à Nancy.", "fr")
    assert [e["type"] for e in events] == ["COERCE"]
    assert [p["sector"] for p in events[0]["actor"]] == ["COP"]
    assert _codes(events[0]["actor"]) == {"FRA"}
    assert _codes(events[0]["recipient"]) == {"FRA"}


@pytest.mark.usefixtures("fr_nlp")
def test_a_visit_told_as_a_noun_meets_the_government_of_the_capital_visited() -> None:
    events = _events("Le président russe Vladimir Poutine est arrivé à Pyongyang pour une visite d'État.", "fr")
    assert [(e["type"], e["mode"]) for e in events] == [("CONSULT", "visit")]
    assert _codes(events[0]["actor"]) == {"RUS"}
    assert _codes(events[0]["recipient"]) == {"PRK"}
    assert events[0]["location"]["country"] == "PRK"


@pytest.mark.usefixtures("fr_nlp")
def test_an_unknown_person_is_coded_by_the_role_beside_the_name() -> None:
    events = _events("Paul Durand, un des conseillers du ministre de l'Intérieur, a démissionné mercredi.", "fr")
    assert [(e["type"], e["mode"]) for e in events] == [("RETREAT", "resign")]
    assert events[0]["actor"][0]["sector"] == "GOV"


@pytest.mark.usefixtures("fr_nlp")
def test_we_in_a_quote_is_its_speaker_coded_by_role() -> None:
    text = ("Selon la porte-parole du département d'État américain, Jane Miller, « nous exhortons la Corée du Nord "
            "à cesser ses essais ».")
    events = [e for e in _events(text, "fr") if e["type"] == "REQUEST"]
    assert len(events) == 1
    assert _codes(events[0]["actor"]) == {"USA"}
    assert _codes(events[0]["recipient"]) == {"PRK"}


@pytest.mark.usefixtures("fr_nlp")
def test_the_subject_of_a_french_compound_past_is_the_actor() -> None:
    events = _events("Le président sud-coréen Yoon Suk Yeol a pris ses fonctions. Il a promis de renforcer "
                     "l'alliance avec les États-Unis.", "fr")
    assert [e["type"] for e in events] == ["AGREE"]
    assert _codes(events[0]["actor"]) == {"KOR"}


@pytest.mark.usefixtures("en_nlp")
@pytest.mark.parametrize(("text", "category"), [
    ("The Turkish government refused the American request.", "REJECT"),
    ("Serbia lifted the night curfew in the province on Sunday.", "CONCEDE"),
    ("Serbia lifted the sanctions against Montenegro.", "RETREAT"),
    ("Portugal and Spain agreed on a new border.", "AGREE"),
    ("Chile and Peru have upgraded their diplomatic ties.", "SUPPORT"),
    ("The Italian prime minister resigned on Monday.", "RETREAT"),
    ("The foreign ministers of Egypt and Israel met in Geneva on Monday.", "CONSULT"),
    ("The European Community may halt its mediation between the Yugoslav republics.", "THREATEN"),
])
def test_english_verbs_coded_as_plover_codes_them(text: str, category: str) -> None:
    assert [e["type"] for e in _events(text, "en")] == [category]


@pytest.mark.usefixtures("fr_nlp")
def test_lifting_a_curfew_is_a_concession() -> None:
    events = _events("Le gouvernement serbe a levé le couvre-feu au Monténégro.", "fr")
    assert [e["type"] for e in events] == ["CONCEDE"]


@pytest.mark.usefixtures("fr_nlp")
def test_an_event_with_no_recipient_in_its_clause_takes_the_one_named_in_its_sentence() -> None:
    events = _events("Devant le Parlement britannique, la reine Élisabeth II a salué ce moment historique.", "fr")
    assert [e["type"] for e in events] == ["SUPPORT"]
    assert [p["name"] for p in events[0]["recipient"]]


@pytest.mark.usefixtures("fr_nlp")
def test_a_participle_used_as_an_adjective_is_no_event() -> None:
    events = _events("La Russie appelle la Corée du Nord à un dialogue sérieux et soutenu.", "fr")
    assert [e["type"] for e in events] == ["REQUEST"]


@pytest.mark.usefixtures("en_nlp")
@pytest.mark.parametrize(("text", "category", "actor", "recipient"), [
    ("Iraq said it would allow the return of United Nations inspectors.", "AGREE", {"IRQ"}, None),
    ("The United States declared on Tuesday that China must drop its barriers.", "REQUEST", {"USA"}, {"CHN"}),
    ("Peru has issued an ultimatum to Ecuador.", "THREATEN", {"PER"}, {"ECU"}),
])
def test_english_statements_that_are_acts(text: str, category: str, actor: set[str],
                                          recipient: set[str] | None) -> None:
    events = _events(text, "en")
    assert [e["type"] for e in events] == [category]
    assert _codes(events[0]["actor"]) == actor
    if recipient is not None:
        assert _codes(events[0]["recipient"]) == recipient


@pytest.mark.usefixtures("fr_nlp")
def test_the_second_of_two_passive_participles_keeps_agent_and_patient() -> None:
    events = _events("Un chauffeur de bus a été pris à partie et agressé par deux individus à Nancy.", "fr")
    assert [e["type"] for e in events] == ["ASSAULT"]
    assert [(p["name"], p["sector"]) for p in events[0]["actor"]] == [("individus", "CRM")]
    assert _codes(events[0]["recipient"]) == {"FRA"}


@pytest.mark.usefixtures("fr_nlp")
def test_things_are_no_actors_of_an_assault() -> None:
    assert _events("Les flammes ont détruit trois maisons à Nancy.", "fr") == []


@pytest.mark.usefixtures("fr_nlp")
def test_people_prosecuted_with_no_agent_are_prosecuted_by_the_courts() -> None:
    events = _events("Deux automobilistes sont poursuivis à Poitiers.", "fr")
    assert [(e["type"], [p["sector"] for p in e["actor"]]) for e in events] == [("ACCUSE", ["JUD"])]


@pytest.mark.usefixtures("fr_nlp")
def test_deterring_an_attack_is_no_attack_by_the_deterrent() -> None:
    assert _events("La Corée du Nord cherche à dissuader une attaque.", "fr") == []


@pytest.mark.usefixtures("fr_nlp")
@pytest.mark.parametrize("text", [
    "Les députés ont voté pour censurer le gouvernement à Paris.",
    "La date du scrutin a été arrêtée hier à Nancy.",
])
def test_french_senses_that_are_no_events(text: str) -> None:
    assert _events(text, "fr") == []


@pytest.mark.usefixtures("en_nlp")
@pytest.mark.parametrize(("text", "category"), [
    ("Algerian opposition leaders staged a hunger strike in Algiers on Sunday.", "PROTEST"),
    ("The United States halted economic aid to Pakistan.", "SANCTION"),
    ("Israel and Lebanon renewed negotiations on Monday.", "CONSULT"),
])
def test_english_events_told_by_a_verb_and_its_noun(text: str, category: str) -> None:
    assert category in [e["type"] for e in _events(text, "en")]


@pytest.mark.usefixtures("en_nlp")
def test_the_light_verb_of_an_event_noun_is_no_event_and_lends_its_recipient() -> None:
    events = _events("The French president gave a warm welcome to the Chinese president on Monday.", "en")
    assert [e["type"] for e in events] == ["CONSULT"]
    assert _codes(events[0]["recipient"]) == {"CHN"}


@pytest.mark.usefixtures("en_nlp")
def test_what_a_demand_asks_for_is_no_second_event_and_its_subject_is_the_recipient() -> None:
    text = ("The Egyptian president said on Monday that the US must be ready to mediate between Israelis and "
            "Palestinians.")
    events = _events(text, "en")
    assert [e["type"] for e in events] == ["REQUEST"]
    assert _codes(events[0]["recipient"]) == {"USA"}


@pytest.mark.usefixtures("en_nlp")
def test_a_number_of_people_arrested_is_the_recipient() -> None:
    events = _events("Egyptian police arrested 12 in Cairo on Monday.", "en")
    assert [e["type"] for e in events] == ["COERCE"]
    assert "12" in [p["name"] for p in events[0]["recipient"]]


@pytest.mark.usefixtures("en_nlp")
def test_coordinated_verbs_of_one_act_are_one_event_sharing_the_object() -> None:
    events = _events("Sudanese rebels killed or wounded 30 villagers on Sunday.", "en")
    assert [e["type"] for e in events] == ["ASSAULT"]
    assert [p["name"] for p in events[0]["recipient"]] == ["villagers"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_pronominal_verb_with_an_elided_se() -> None:
    events = _events("Le ministre russe s'est entretenu avec le président chinois.", "fr")
    assert [e["type"] for e in events] == ["CONSULT"]
    assert _codes(events[0]["actor"]) == {"RUS"}
    assert _codes(events[0]["recipient"]) == {"CHN"}


@pytest.mark.usefixtures("fr_nlp")
def test_coming_round_to_the_evidence_is_no_visit() -> None:
    assert _events("Le ministre s'est rendu à l'évidence.", "fr") == []


@pytest.mark.usefixtures("fr_nlp")
def test_a_relative_subject_is_the_noun_before_it() -> None:
    events = _events("Une plainte a été déposée à la gendarmerie de Nancy qui a ouvert une enquête.", "fr")
    assert [(e["type"], [p["sector"] for p in e["actor"]]) for e in events] == [("ACCUSE", ["COP"])]


@pytest.mark.usefixtures("fr_nlp")
def test_an_infinitive_after_afin_de_takes_the_subject_of_its_clause_and_y_is_no_recipient() -> None:
    events = _events("Le député sera à Lyon samedi afin d'y manifester contre la réforme du gouvernement.", "fr")
    assert [(e["type"], [p["sector"] for p in e["actor"]]) for e in events] == [("PROTEST", ["LEG"])]
    assert all(p["name"] != "y" for p in events[0]["recipient"])


@pytest.mark.usefixtures("fr_nlp")
def test_an_acronym_name_is_an_organisation_not_a_private_person() -> None:
    events = _events("Le PC peut tenter de prendre une revanche en rejetant le budget du gouvernement.", "fr")
    assert [(e["type"], e["actor"][0]["name"]) for e in events] == [("REJECT", "Le PC")]


@pytest.mark.usefixtures("fr_nlp")
def test_an_institution_named_after_its_town_takes_the_home_country_and_a_day_is_no_recipient() -> None:
    events = _events("Mardi, le parquet de Belfort a ouvert une information judiciaire.", "fr")
    assert [(e["type"], _codes(e["actor"])) for e in events] == [("ACCUSE", {"FRA"})]
    assert all(p["name"].lower() != "mardi" for p in events[0]["recipient"])


@pytest.mark.usefixtures("fr_nlp")
def test_the_recipient_is_the_agent_of_a_participle_qualifying_the_object() -> None:
    events = _events("Le président américain a annoncé qu'il mettra son veto à une loi adoptée par le Congrès.", "fr")
    assert [e["type"] for e in events] == ["REJECT"]
    assert [p["sector"] for p in events[0]["recipient"]] == ["LEG"]


@pytest.mark.usefixtures("en_nlp")
def test_a_name_modifying_a_noun_is_part_of_the_actor_phrase() -> None:
    events = _events("European Community foreign ministers agreed on Saturday to send food to Romania.", "en")
    assert [(e["type"], _codes(e["actor"])) for e in events] == [("AGREE", {"EUR"})]


@pytest.mark.usefixtures("en_nlp")
def test_the_genitive_of_a_light_verbs_noun_is_a_recipient() -> None:
    events = _events("NATO said it would tighten the naval blockade of Serbia in the Adriatic.", "en")
    assert [e["type"] for e in events] == ["THREATEN"]
    assert _codes(events[0]["recipient"]) == {"SRB"}


@pytest.mark.usefixtures("en_nlp")
def test_an_inner_recipient_comes_with_its_conjuncts() -> None:
    events = _events("The US Senate agreed to end restrictions on sales in March to Iran, Libya and Sudan.", "en")
    assert [e["type"] for e in events] == ["AGREE"]
    assert _codes(events[0]["recipient"]) == {"IRN", "LBY", "SDN"}


@pytest.mark.usefixtures("en_nlp")
def test_a_short_aside_in_brackets_stays_inside_the_actor_phrase() -> None:
    text = "The pro-Iranian Hizbollah (Party of God) group declared a unilateral ceasefire on Wednesday."
    events = _events(text, "en")
    assert [e["type"] for e in events] == ["RETREAT"]
    assert "Hizbollah" in events[0]["actor"][0]["name"]


@pytest.mark.usefixtures("en_nlp")
def test_a_curated_verb_is_not_overridden_by_a_one_word_cameo_pattern() -> None:
    events = _events("A Serbian court indicted the former Bosnian minister for war crimes on Monday.", "en")
    assert [e["type"] for e in events] == ["ACCUSE"]


@pytest.mark.usefixtures("fr_nlp")
@pytest.mark.parametrize("frame", ["lors d'une", "au cours d'une"])
def test_an_event_noun_framing_the_clause_takes_its_subject(frame: str) -> None:
    events = _events(f"Le président russe a évoqué la crise {frame} rencontre avec le chancelier allemand.", "fr")
    assert [e["type"] for e in events] == ["CONSULT"]
    assert _codes(events[0]["actor"]) | _codes(events[0]["recipient"]) == {"RUS", "DEU"}


@pytest.mark.usefixtures("fr_nlp")
def test_a_trip_to_a_town_of_ones_own_country_is_no_visit() -> None:
    assert _events("Le ministre de l'Intérieur se rend aujourd'hui au centre d'accueil de Calais.", "fr") == []


@pytest.mark.usefixtures("fr_nlp")
def test_a_visit_abroad_meets_the_host_country() -> None:
    events = _events("Le président russe s'est rendu à Pékin lundi.", "fr")
    assert [(e["type"], e["mode"]) for e in events] == [("CONSULT", "visit")]
    assert _codes(events[0]["recipient"]) == {"CHN"}


@pytest.mark.usefixtures("en_nlp")
def test_being_opposed_to_is_a_stance_of_the_subject() -> None:
    events = _events("Israel is opposed to French mediation in the talks.", "en")
    assert [(e["type"], _codes(e["actor"]), _codes(e["recipient"])) for e in events] == [("REJECT", {"ISR"}, {"FRA"})]


@pytest.mark.usefixtures("en_nlp")
def test_the_qualified_genitive_of_a_light_verbs_noun_outranks_its_other_complements() -> None:
    events = _events("The European Union demanded the withdrawal of Serbian forces from Bosnia on Monday.", "en")
    assert [(e["type"], _codes(e["recipient"])) for e in events] == [("REQUEST", {"SRB"})]


@pytest.mark.usefixtures("en_nlp")
def test_the_target_of_a_protest_is_named_in_its_purpose_clause() -> None:
    text = "A member of the Egyptian parliament started a hunger strike yesterday to protest the Israeli blockade."
    events = _events(text, "en")
    assert [(e["type"], _codes(e["recipient"])) for e in events] == [("PROTEST", {"ISR"})]


@pytest.mark.usefixtures("en_nlp")
def test_a_complaint_is_aimed_at_whom_it_is_about_not_whom_it_is_made_to() -> None:
    events = _events("Syria complained to the United Nations on Monday about Turkish troop movements.", "en")
    assert [(e["type"], _codes(e["recipient"])) for e in events] == [("ACCUSE", {"TUR"})]


@pytest.mark.usefixtures("fr_nlp")
def test_an_aim_set_on_the_occasion_of_a_clause_is_its_subjects_and_a_body_takes_its_counterparts_country() -> None:
    events = _events("Lors d'une cérémonie visant à féliciter les officiers, le président russe Vladimir Poutine "
                     "a promis de nouveaux crédits.", "fr")
    support = [e for e in events if e["type"] == "SUPPORT"]
    assert support, events
    assert _codes(support[0]["actor"]) == {"RUS"}
    assert [(p["country"], p["sector"]) for p in support[0]["recipient"]] == [("RUS", "MIL")]


@pytest.mark.usefixtures("fr_nlp")
def test_a_title_followed_by_a_name_is_coded_from_the_person() -> None:
    events = _events("Le Canada a protesté. Le président Jacques Chirac a critiqué le gouvernement allemand.", "fr")
    accusations = [e for e in events if e["type"] == "ACCUSE" and e["recipient"]]
    assert len(accusations) == 1
    assert _codes(accusations[0]["actor"]) == {"FRA"}
    assert _codes(accusations[0]["recipient"]) == {"DEU"}


@pytest.mark.usefixtures("fr_nlp")
def test_a_motion_against_a_policy_of_the_government_is_aimed_at_the_government() -> None:
    events = _events("Mardi, l'opposition a déposé une motion de censure contre la politique fiscale du gouvernement.",
                     "fr")
    accusations = [e for e in events if e["type"] == "ACCUSE"]
    assert accusations, events
    assert [p["sector"] for p in accusations[0]["recipient"]] == ["GOV"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_verb_whose_lemma_the_lemmatizer_left_inflected_still_triggers() -> None:
    events = _events("Le syndicat reproche au ministre de la Santé son silence.", "fr")
    assert [e["type"] for e in events] == ["ACCUSE"]


@pytest.mark.usefixtures("en_nlp")
@pytest.mark.parametrize("text", [
    "Syria has offered its troops to the Lebanese president to help him oust the rebel general.",
    "The rebel group insisted on its demands that the government of Burundi grant the Hutu more rights.",
    "The Albanians are demanding a U.N. presence to protect them and prevent a civil war.",
])
def test_the_purpose_or_content_of_an_event_is_no_second_event(text: str) -> None:
    assert len(_events(text, "en")) == 1


@pytest.mark.usefixtures("en_nlp")
def test_calling_off_a_strike_is_a_concession_not_a_military_retreat() -> None:
    events = _events("The teachers' union called off its strike after talks with the Nigerian government.", "en")
    assert [e["type"] for e in events] == ["CONCEDE"]


@pytest.mark.usefixtures("en_nlp")
def test_a_sanction_announced_in_a_reported_clause_is_the_sanction_not_the_announcement() -> None:
    events = _events("The United States announced on Wednesday it would prohibit all aid to the Albanian rebels.", "en")
    assert [e["type"] for e in events] == ["SANCTION"]


@pytest.mark.usefixtures("en_nlp")
@pytest.mark.parametrize("text", [
    "The South African president is attempting to break his country's international isolation.",
    "The Croatian authorities are failing to uphold the property rights of refugees.",
    "North Korea has trained more than 500 computer hackers.",
    "The new law could lead to an agreement with Russia.",
])
def test_a_verb_in_its_everyday_sense_is_no_event(text: str) -> None:
    assert _events(text, "en") == []


@pytest.mark.usefixtures("en_nlp")
@pytest.mark.parametrize("text", [
    "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday.",
    "Ethnic Albanians in south Serbia are demanding a U.N. military presence.",
])
def test_an_ethnic_group_is_coded_with_the_state_it_lives_in(text: str) -> None:
    events = _events(text, "en")
    albanians = [p for e in events for p in (*e["actor"], *e["recipient"]) if "Albanians" in p["name"]]
    assert [p["country"] for p in albanians] == ["SRB"]


@pytest.mark.usefixtures("en_nlp")
def test_a_body_meeting_on_its_own_is_no_consultation() -> None:
    events = _events("Israel's Cabinet met on Sunday. Hamas rejected the plan.", "en")
    assert "CONSULT" not in [e["type"] for e in events]


@pytest.mark.usefixtures("en_nlp")
def test_a_clause_retelling_the_attack_with_a_pronoun_subject_is_the_same_attack() -> None:
    text = "Two Palestinian suicide bombers killed 23 people on Sunday when they blew themselves up in Tel Aviv."
    events = _events(text, "en")
    assert [e["type"] for e in events] == ["ASSAULT"]


@pytest.mark.usefixtures("en_nlp")
def test_a_pro_country_modifier_names_a_stance_not_a_nationality() -> None:
    events = _events("The pro-Iranian Hizbollah (Party of God) group declared a unilateral ceasefire in south Lebanon.",
                     "en")
    assert [_codes(e["actor"]) for e in events] == [{"LBN"}]


@pytest.mark.usefixtures("en_nlp")
def test_what_protesters_demand_while_protesting_is_the_protests_claim() -> None:
    events = _events("Supporters of the Algerian opposition blocked roads in Algiers demanding that the Algerian "
                     "government resign.", "en")
    assert [e["type"] for e in events] == ["PROTEST"]


def test_the_act_a_verb_of_praise_gives_as_its_cause_is_its_objects() -> None:
    events = _events("Le président russe a félicité l'armée nord-coréenne pour un défilé militaire à Pyongyang.", "fr")
    parade = [e for e in events if e["type"] == "MOBILIZE"]
    assert parade, events
    assert [(p["country"], p["sector"]) for p in parade[0]["actor"]] == [("PRK", "MIL")]


@pytest.mark.usefixtures("fr_nlp")
def test_a_lowercase_phrase_tagged_as_an_entity_is_still_an_event_noun() -> None:
    events = _events("La France réclame le terroriste Carlos pour la prise d'otages des ministres de l'OPEP.", "fr")
    # the demand is an event, and the act it is made for is one of its own, not its content
    assert [(e["type"], e["mode"], _codes(e["recipient"])) for e in events] == [
        ("REQUEST", None, {"FRA"}), ("ASSAULT", "abduct", {"IGO"})]


@pytest.mark.usefixtures("fr_nlp")
def test_a_participle_names_the_agent_and_target_of_a_nominal_event() -> None:
    events = _events("Boris Eltsine a échappé à la procédure de destitution lancée contre lui par les députés "
                     "communistes.", "fr")
    assert [(e["type"], _codes(e["actor"]), _codes(e["recipient"])) for e in events] == [
        ("ACCUSE", {"RUS"}, {"RUS"})]
    assert [p["sector"] for p in events[0]["actor"]] == ["LEG"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_meeting_between_two_parties_has_the_first_as_its_actor() -> None:
    events = _events("La rencontre entre Vladimir Poutine et Kim Jong Un a eu lieu à Vladivostok.", "fr")
    assert [(e["type"], _codes(e["actor"]), _codes(e["recipient"])) for e in events] == [
        ("CONSULT", {"RUS"}, {"PRK"})]


@pytest.mark.usefixtures("fr_nlp")
def test_a_suspect_brought_before_the_prosecutor_is_investigated_by_the_courts() -> None:
    events = _events("Le médecin a été déféré au parquet mardi.", "fr")
    assert [(e["type"], e["mode"]) for e in events] == [("ACCUSE", "investigate")]
    assert [p["sector"] for p in events[0]["actor"]] == ["JUD"]
    assert events[0]["recipient"]


@pytest.mark.usefixtures("fr_nlp")
def test_an_object_under_an_infinitive_takes_the_future_of_the_verb_governing_it() -> None:
    events = _events("L'OTAN a annoncé qu'elle allait intensifier ses bombardements sur la Yougoslavie.", "fr")
    assert [(e["type"], e["future"]) for e in events] == [("ASSAULT", True)]


@pytest.mark.usefixtures("fr_nlp")
def test_party_members_are_a_party_and_a_stance_held_since_a_date_is_no_event() -> None:
    events = _events("Les socialistes ont critiqué le gouvernement.", "fr")
    assert [(e["type"], [p["sector"] for p in e["actor"]]) for e in events] == [("ACCUSE", ["PTY"])]
    assert not _events("Il remplace Evgueni Primakov, qui était soutenu par les communistes depuis sa nomination.",
                       "fr")


@pytest.mark.usefixtures("fr_nlp")
def test_celui_ci_is_the_last_person_named_before_it() -> None:
    events = _events("Le chef de l'Etat a nommé dès hier Jean-Pierre Raffarin. Celui-ci s'est aussitôt lancé dans "
                     "les consultations.", "fr")
    assert [(e["type"], _codes(e["actor"])) for e in events] == [("CONSULT", {"FRA"})]
    assert [p["sector"] for p in events[0]["actor"]] == ["GOV"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_future_ending_the_tagger_read_as_a_present_is_future() -> None:
    events = _events("Le dirigeant nord-coréen essaiera de procéder à de nouveaux essais nucléaires.", "fr")
    assert [(e["type"], e["future"]) for e in events] == [("MOBILIZE", True)]


@pytest.mark.usefixtures("fr_nlp")
def test_reporters_who_meet_people_interview_them_and_a_minister_who_meets_reporters_consults() -> None:
    assert not [e for e in _events("Plusieurs réfugiés, rencontrés par les journalistes à la frontière, ont "
                                   "raconté leur fuite.", "fr") if e["type"] == "CONSULT"]
    events = _events("Le ministre a rencontré les journalistes du Monde.", "fr")
    assert [e["type"] for e in events] == ["CONSULT"]


@pytest.mark.usefixtures("fr_nlp")
def test_a_participant_of_the_next_paragraph_belongs_to_no_trigger_before_it() -> None:
    events = _events("Le ministre italien a critiqué les sanctions.\nLondres et Berlin répondent.", "fr")
    accusations = [e for e in events if e["type"] == "ACCUSE"]
    assert accusations, events
    assert not _codes(accusations[0]["recipient"]) & {"GBR", "DEU"}
