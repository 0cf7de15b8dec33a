"""Coreference on the French model: names, short names and subject pronouns form one cluster."""

from __future__ import annotations

import pytest

from veille.extract.context import Context
from veille.link.coref import cluster_mentions
from veille.link.mentions import find_mentions
from veille.pipeline import Annotator
from veille.records import CorefCluster, Document, Quote


def annotate(text: str, published: str | None = "2024-06-19") -> list:
    document = Document.from_text(text, lang="fr", published=published)
    [annotation] = list(Annotator().annotate([document]))
    return annotation.records


def test_name_short_name_and_pronoun_are_one_cluster(fr_nlp) -> None:
    text = ("Le président russe Vladimir Poutine est arrivé mardi à Pyongyang. "
            "M. Poutine a rencontré Kim Jong-un. Il a déclaré que la visite était historique.")
    records = annotate(text)
    clusters = [r for r in records if isinstance(r, CorefCluster)]
    # a noun phrase is a mention with its determiner and apposed name, as DEMOCRAT marks them
    putin = [c for c in clusters if any(text[s:e] == "Le président russe Vladimir Poutine" for s, e in c.spans)]
    assert putin, clusters
    covered = {text[s:e] for s, e in putin[0].spans}
    assert {"M. Poutine", "Il"} <= covered
    assert putin[0].name == "Vladimir Poutine"
    quotes = [r for r in records if isinstance(r, Quote)]
    assert any(q.speaker_name == "Vladimir Poutine" for q in quotes)


def test_a_pronoun_far_from_any_person_stays_alone(fr_nlp) -> None:
    text = ("Jean Dupont a visité l'usine. La production a augmenté. Les ventes aussi. "
            "Le marché reste calme. Les prix sont stables. Il pleut sur la ville.")
    clusters = [r for r in annotate(text) if isinstance(r, CorefCluster)]
    assert not any(any(text[s:e] == "Il" for s, e in c.spans) for c in clusters)


def _texts(text: str, fr_nlp) -> tuple[set[str], list[set[str]]]:
    doc = fr_nlp(text)
    ctx = Context(doc_id="t", lang="fr")
    mentions, entities = cluster_mentions(doc, ctx)
    return {text[m.start:m.end] for m in mentions}, [{text[m.start:m.end] for m in e} for e in entities]


def test_mentions_are_noun_phrases_pronouns_and_possessives(fr_nlp) -> None:
    text = "Le maire de la commune a reçu les habitants du quartier. Il leur a présenté son projet."
    doc = fr_nlp(text)
    found = {text[m.start:m.end] for m in find_mentions(doc, Context(doc_id="t", lang="fr"))}
    assert {"Le maire de la commune", "la commune", "les habitants du quartier", "du quartier",
            "Il", "son", "son projet"} <= found


def test_relative_clause_is_left_out_and_its_pronoun_joins_the_phrase(fr_nlp) -> None:
    text = "Les pompiers ont évacué une maison qui menaçait de s'effondrer."
    found, entities = _texts(text, fr_nlp)
    assert "une maison" in found and "qui" in found
    assert any({"une maison", "qui"} <= e for e in entities)


def test_time_phrases_and_impersonal_il_are_no_mentions(fr_nlp) -> None:
    found, _ = _texts("Il faut agir dans les prochains jours, a dit la ministre.", fr_nlp)
    assert "Il" not in found
    assert "les prochains jours" not in found
    assert "la ministre" in found


def test_definite_phrase_takes_up_an_earlier_one_with_its_head(fr_nlp) -> None:
    text = ("Une ancienne usine textile a brûlé hier soir. "
            "Les pompiers sont arrivés vite. L'usine était vide depuis des années.")
    _, entities = _texts(text, fr_nlp)
    assert any({"Une ancienne usine textile", "L'usine"} <= e for e in entities), entities


def test_coordination_is_one_mention_and_each_conjunct_too(fr_nlp) -> None:
    found, _ = _texts("Les policiers et les gendarmes ont bouclé le secteur.", fr_nlp)
    assert {"Les policiers et les gendarmes", "Les policiers", "les gendarmes"} <= found


def test_first_person_of_one_quote_is_one_speaker(fr_nlp) -> None:
    text = "« Je suis satisfait et je le redis », a déclaré le directeur."
    _, entities = _texts(text, fr_nlp)
    assert any({"Je", "je", "le directeur"} <= e for e in entities), entities


def test_on_takes_up_an_earlier_on_only(fr_nlp) -> None:
    text = "Le maire a parlé aux habitants. On lui a posé des questions. On attendait des réponses."
    _, entities = _texts(text, fr_nlp)
    assert {"On"} in entities or any(e == {"On"} for e in entities), entities
    assert not any("On" in e and "Le maire" in e for e in entities), entities


def test_a_demonstrative_pronoun_is_left_unresolved(fr_nlp) -> None:
    _, entities = _texts("La directrice est partie tôt. Cela a surpris les employés.", fr_nlp)
    assert not any({"La directrice", "Cela"} <= e for e in entities), entities


def test_unquoted_first_person_pronouns_are_one_speaker(fr_nlp) -> None:
    text = "Je suis arrivé en 1990. Le village était calme. Mes voisins étaient agriculteurs."
    _, entities = _texts(text, fr_nlp)
    assert any({"Je", "Mes"} <= e for e in entities), entities


def test_a_demonstrative_phrase_takes_up_a_country_or_its_head(fr_nlp) -> None:
    text = ("La Macédoine a fermé sa frontière hier. Les réfugiés attendent sous la pluie. "
            "Ce pays craint un nouvel afflux.")
    clusters = [{text[s:e] for s, e in r.spans} for r in annotate(text) if isinstance(r, CorefCluster)]
    assert any({"La Macédoine", "Ce pays"} <= c for c in clusters), clusters
    text = ("Une crèche vivante a été installée devant la mairie. Les enfants ont chanté. "
            "Cette belle crèche attire les visiteurs.")
    _, entities = _texts(text, fr_nlp)
    assert any({"Une crèche vivante", "Cette belle crèche"} <= e for e in entities), entities


def test_a_titled_surname_takes_up_a_name_from_a_coordination(fr_nlp) -> None:
    text = ("Ehoud Barak, donné vainqueur par les sondages, et Benjamin Netanyahu se sont affrontés. "
            "M. Barak a gagné.")
    clusters = [{text[s:e] for s, e in r.spans} for r in annotate(text) if isinstance(r, CorefCluster)]
    assert any({"Ehoud Barak", "M. Barak"} <= c for c in clusters), clusters


def test_a_subject_relative_takes_up_the_phrase_its_verb_agrees_with(fr_nlp) -> None:
    text = ("L'armée accepte le risque de tuer des civils albanais du Kosovo "
            "qui pourraient être utilisés comme boucliers.")
    _, entities = _texts(text, fr_nlp)
    assert any({"des civils albanais du Kosovo", "qui"} <= e for e in entities), entities


def test_a_relative_on_a_demonstrative_pronoun_joins_no_phrase(fr_nlp) -> None:
    text = "Les habitants ont retrouvé le calme, ce qui a rassuré la mairie."
    _, entities = _texts(text, fr_nlp)
    assert not any({"le calme", "qui"} <= e for e in entities), entities


def test_an_object_pronoun_is_not_its_subject(fr_nlp) -> None:
    text = "Le maire a reçu le champion. Il lui a remis une médaille."
    _, entities = _texts(text, fr_nlp)
    assert not any({"Il", "lui"} <= e for e in entities), entities
    assert any({"le champion", "lui"} <= e for e in entities), entities


def test_a_quoted_nous_is_the_organisation_its_speaker_speaks_for(fr_nlp) -> None:
    text = "La grève continue. « Nous ne céderons pas », a déclaré le secrétaire général de la CGT."
    clusters = [{text[s:e] for s, e in r.spans} for r in annotate(text) if isinstance(r, CorefCluster)]
    assert any({"Nous", "la CGT"} <= c for c in clusters), clusters


@pytest.mark.parametrize(("text", "left_out"), [
    ("Le camion transportait des caisses de médicaments.", "médicaments"),  # a bare complement
    ("Il a fait ce qui était prévu.", "qui"),  # a relative with no antecedent phrase
])
def test_a_mention_that_corefers_with_nothing_is_left_out_when_rarely_an_entity(fr_nlp, text: str,
                                                                                left_out: str) -> None:
    found, _ = _texts(text, fr_nlp)
    assert left_out not in found, found


def test_a_name_the_parse_splits_is_one_mention(fr_nlp) -> None:
    text = "Ma présence au sein du parti de Jean-Marie Le Pen n'a rien de choquant."
    spans = {text[s:e] for r in annotate(text) if isinstance(r, CorefCluster) for s, e in r.spans}
    assert "Jean-Marie Le Pen" in spans, spans
    assert "Le Pen" not in spans


def test_a_pronoun_takes_no_name_inside_a_longer_name(fr_nlp) -> None:
    # "du Sud" is a part of "la Corée du Sud", masculine by its own word: no antecedent for "il"
    _, entities = _texts("Le dirigeant nord-coréen Kim Jong Un a prévenu la Corée du Sud qu'il ne reculera pas. "
                         "Il a aussi salué son armée.", fr_nlp)
    pronouns = next(e for e in entities if "Il" in e)
    assert "du Sud" not in pronouns
    assert "son" in pronouns
