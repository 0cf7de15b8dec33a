"""Linking named mentions and coding phrases as actors: short French sentences written for these tests."""

import pytest

from veille.extract.context import Context
from veille.link.actors import code_phrase
from veille.link.names import match_name
from veille.pipeline import Annotator
from veille.records import Document, Mention


def _annotate(text: str, published: str | None = "2024-06-19", lang: str = "fr") -> list[Mention]:
    annotation = next(Annotator().annotate([Document.from_text(text, lang=lang, published=published)]))
    return [r for r in annotation.records if isinstance(r, Mention)]


def _codes(mentions: list[Mention], text: str) -> tuple[str | None, str | None]:
    found = [m for m in mentions if m.text == text]
    assert found, (text, [m.text for m in mentions])
    return found[0].country, found[0].sector


def test_capital_acting_is_its_government_and_as_a_location_is_not(fr_nlp) -> None:
    mentions = _annotate("Washington a dénoncé l'accord. Le ministre est arrivé hier à Moscou.")
    assert _codes(mentions, "Washington") == ("USA", "GOV")
    assert _codes(mentions, "Moscou") == ("RUS", None)


def test_country_named_as_a_whole_keeps_no_sector_even_as_subject(fr_nlp) -> None:
    mentions = _annotate("L'Irak a donné son accord au programme. La RPDC a protesté.")
    assert _codes(mentions, "Irak") == ("IRQ", None)
    assert _codes(mentions, "RPDC") == ("PRK", "GOV")  # the formal name stands for the state's government
    mentions = _annotate("La Fédération de Russie a protesté auprès du Congo.")
    assert _codes(mentions, "Fédération de Russie") == ("RUS", "GOV")
    assert _codes(mentions, "Congo") == ("COG", None)  # a short form is no formal name


def test_region_or_body_without_a_sector_takes_the_sector_of_the_noun_it_complements(fr_nlp) -> None:
    mentions = _annotate("Les ministres de l'OPEP ont décidé. Le nouveau Parlement du Pays de Galles a voté.")
    wales = next(m for m in mentions if m.text.endswith("Pays de Galles"))
    assert _codes(mentions, "OPEP") == ("IGO", "GOV")
    assert (wales.country, wales.sector) == ("GBR", "LEG")  # the region, or the parliament NER spans whole


def test_country_firing_weapons_is_its_army(fr_nlp) -> None:
    mentions = _annotate("La Corée du Nord a procédé à trois lancements de missiles balistiques.")
    assert _codes(mentions, "Corée du Nord") == ("PRK", "MIL")


def test_unknown_person_takes_the_codes_of_the_role_beside_the_name(fr_nlp) -> None:
    mentions = _annotate("Selon la porte-parole du ministère américain des Affaires étrangères, Maria Dupuis, "
                         "la réunion aura lieu.")
    assert _codes(mentions, "Maria Dupuis") == ("USA", "GOV")


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Israeli President David Levinson rejected the plan.", "David Levinson", ("ISR", "GOV")),
        ("South African leader Peter Williams met the envoy.", "Peter Williams", ("ZAF", "GOV")),
        ("Lebanon's new President Elias Haddad accepted the offer.", "Elias Haddad", ("LBN", "GOV")),
        ("Judge Alberto Rivera opened an inquiry.", "Alberto Rivera", (None, "JUD")),
        ("Arab League Secretary General Peter Williams met the envoy.", "Peter Williams", ("IGO", "GOV")),
        ("Former Kyrgyz President Askar Akayev agreed.", "Askar Akayev", ("KGZ", "ELI")),
    ],
)
def test_unknown_person_takes_the_codes_of_the_title_before_the_name(en_nlp, sentence: str, name: str,
                                                                     expected: tuple) -> None:
    assert _codes(_annotate(sentence, None, "en"), name) == expected


def test_a_name_before_the_sector_noun_it_modifies_takes_its_sector(en_nlp) -> None:
    mentions = _annotate("Three US servicemen were killed near the border.", None, "en")
    assert _codes(mentions, "US") == ("USA", "MIL")


def test_acronym_with_dots_and_common_initials(en_nlp) -> None:
    mentions = _annotate("The US rejected the plan of the U.N.", None, "en")
    assert _codes(mentions, "US") == ("USA", None)  # the initials of the common name, not a formal name


def test_unknown_organisation_is_coded_from_its_own_words(fr_nlp) -> None:
    mentions = _annotate("La Cour d'appel de Paris a rejeté la demande.", None)
    assert _codes(mentions, "Cour d'appel de Paris") == ("FRA", "JUD")


def _coded(nlp, text: str, phrase: str, lang: str = "fr"):
    doc = nlp(text)
    ctx = Context(doc_id="t", lang=lang, published="2024-06-19")
    from veille.extract.entities import find_entities
    from veille.link.actors import link_mentions

    for mention in find_entities(doc, ctx):
        ctx.add(mention)
    list(link_mentions(doc, ctx))
    start = text.index(phrase)
    return code_phrase(doc.char_span(start, start + len(phrase), alignment_mode="expand"), ctx)


def test_a_town_complementing_the_noun_gives_its_country(fr_nlp) -> None:
    participant = _coded(fr_nlp, "Mardi, le parquet de Belfort a ouvert une enquête.", "le parquet de Belfort")
    assert participant is not None and (participant.country, participant.sector) == ("FRA", "JUD")


def test_a_place_inside_a_clause_of_the_phrase_is_not_its_country(en_nlp) -> None:
    text = ("In Pyongyang, the army trained computer hackers capable of launching attacks against the United "
            "States. North Korea denies it.")
    participant = _coded(en_nlp, text, "computer hackers capable of launching attacks against the United States",
                         "en")
    assert participant is not None and participant.country == "PRK"  # the document's country, not the target


def test_unknown_names_of_bodies_and_towns_beside_sector_nouns(fr_nlp) -> None:
    mentions = _annotate("Une dizaine de délégués de la FNEC FP Force Ouvrière ont manifesté. La gendarmerie de "
                         "Giromagny a arrêté un homme à Belfort et à Nancy.", None)
    assert _codes(mentions, "FNEC FP Force Ouvrière") == ("FRA", "LAB")  # a federation of a known union
    assert _codes(mentions, "Giromagny") == ("FRA", "COP")  # a town the gazetteer lacks, for its gendarmerie


def test_local_news_naming_no_known_place_is_the_languages_country(fr_nlp) -> None:
    mentions = _annotate("Les représentants de la commune de Giromagny ont décidé de construire la route.", None)
    assert _codes(mentions, "Giromagny") == ("FRA", "GOV")


def test_a_role_whose_place_the_parser_set_the_name_beside(fr_nlp) -> None:
    mentions = _annotate("Conseiller régional d'Ile-de-France, Farid Smahi était hier à Belfort.", None)
    assert _codes(mentions, "Farid Smahi") == ("FRA", "GOV")


def test_the_role_further_up_the_complements_of_the_noun_beside_the_name(fr_nlp) -> None:
    mentions = _annotate("Le secrétaire général de la section des retraités de la CGT Jean Dupont a parlé hier.", None)
    assert _codes(mentions, "Jean Dupont") == ("FRA", "LAB")


def test_an_office_in_a_party_is_coded_with_the_party(fr_nlp) -> None:
    mentions = _annotate("Le président du RPR, Jean Dupont, a parlé.", None)
    assert _codes(mentions, "Jean Dupont") == ("FRA", "PTY")


def test_a_described_person_takes_the_documents_country(fr_nlp) -> None:
    mentions = _annotate("Hier à Nancy puis à Metz, l'adjoint au maire Pascal Martin a parlé.", None)
    assert _codes(mentions, "Pascal Martin") == ("FRA", "GOV")


@pytest.mark.parametrize(
    ("text", "phrase", "lang", "expected"),
    [
        ("Hier, un membre du Parlement russe a protesté.", "un membre du Parlement russe", "fr", ("RUS", "LEG")),
        ("Police seized weapons from Palestinian armed groups.", "Palestinian armed groups", "en", ("PSE", "REB")),
        ("Cairo's security chief has warned the crowd.", "Cairo's security chief", "en", ("EGY", "COP")),
        ("U.S. border patrol agents arrested them.", "U.S. border patrol agents", "en", ("USA", "COP")),
    ],
)
def test_sector_phrases_inside_the_phrase(fr_nlp, en_nlp, text: str, phrase: str, lang: str, expected: tuple) -> None:
    participant = _coded(fr_nlp if lang == "fr" else en_nlp, text, phrase, lang)
    assert participant is not None and (participant.country, participant.sector) == expected


def test_members_of_an_alliance_are_not_its_forces(fr_nlp) -> None:
    text = "Les membres de l'OTAN ont approuvé le plan."
    doc = fr_nlp(text)
    ctx = Context(doc_id="t", lang="fr", published="2024-06-19")
    from veille.extract.entities import find_entities
    from veille.link.actors import link_mentions

    for mention in find_entities(doc, ctx):
        ctx.add(mention)
    list(link_mentions(doc, ctx))
    participant = code_phrase(doc[0:5], ctx)
    assert participant is not None and participant.sector is None


def test_unknown_person_described_by_nothing_gets_no_country(fr_nlp) -> None:
    mentions = _annotate("Hier à Lyon, Marcel Durandet a vendu sa maison.")
    assert _codes(mentions, "Marcel Durandet")[0] is None


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("l'armée nord-coréenne", "PRK", "MIL"),
        ("le ministère russe de la Défense", "RUS", "GOV"),
        ("les forces conventionnelles du Sud", "KOR", "MIL"),
    ],
)
def test_demonym_phrases(fr_nlp, phrase: str, country: str, sector: str) -> None:
    text = f"La Corée du Sud et la Russie ont parlé. Hier, {phrase} a réagi."
    doc = fr_nlp(text)
    ctx = Context(doc_id="t", lang="fr", published="2024-06-19")
    from veille.extract.entities import find_entities
    from veille.link.actors import link_mentions

    for mention in find_entities(doc, ctx):
        ctx.add(mention)
    list(link_mentions(doc, ctx))
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    participant = code_phrase(span, ctx)
    assert participant is not None
    assert (participant.country, participant.sector) == (country, sector)


@pytest.mark.parametrize(
    ("name", "label", "date", "expected"),
    [
        ("le Kremlin", "LOC", None, ("RUS", "GOV")),
        ("AP", "LOC", None, ("USA", "MED")),
        ("Bosnia", "GPE", None, ("BIH", None)),
        ("Angleterre", "LOC", None, ("GBR", None)),
        ("Poutine", "PER", "2024-06-19", ("RUS", "GOV")),
        ("Jean-Marie Le Pen", "PER", "2002-04-30", ("FRA", "PTY")),
        ("François Hollande", "PER", "2014-01-01", ("FRA", "GOV")),
        ("Bismarck", "PER", "1880", ("DEU", "GOV")),
        ("Turkey", "GPE", None, ("TUR", None)),
        ("East Timor", "GPE", None, ("TLS", None)),
        ("Yougoslavie", "LOC", "1999-04-01", ("SRB", None)),
        ("U.S", "GPE", None, ("USA", None)),
        ("OTAN", "ORG", None, ("IGO", "MIL")),
        ("Moro Islamic Liberation Front", "ORG", None, ("PHL", "REB")),
        ("Belgrade", "LOC", None, ("SRB", None)),
        ("Slobodan Milosevic", "PER", "1995", ("SRB", "GOV")),
        ("Île-de-France", "LOC", None, ("FRA", None)),
    ],
)
def test_names_link_with_codes_at_the_date(name: str, label: str, date: str | None, expected: tuple) -> None:
    actor = match_name(name, label, date)
    assert actor is not None
    assert (actor.country, actor.sector) == expected


def test_part_of_a_name_keeps_its_word_order() -> None:
    actor = match_name("Kim Jong", "PER", "2024-06-19")
    assert actor is not None and actor.name == "Kim Jong-un"


def test_a_given_name_is_no_family_name_outside_east_asia() -> None:
    assert match_name("Hassan", "PER", "2015-01-01") is None  # not Hassan Rohani
    assert match_name("Xi", "PER", "2024-06-19").name == "Xi Jinping"
    assert match_name("Carlos", "PER", "1999-05-27") is None  # a word of King Juan Carlos's regnal name


def test_no_home_country_when_places_are_tied(en_nlp) -> None:
    participant = _coded(en_nlp, "Foreign ministers agreed to give aid to Romania and Poland.", "Foreign ministers",
                         "en")
    assert participant is not None and participant.country is None


def test_a_name_shared_by_one_countrys_leaders_gives_that_country() -> None:
    assert (match_name("Assad", "PER").country, match_name("Assad", "PER").sector) == ("SYR", "GOV")
    assert match_name("Kim", "PER") is None  # Kim Jong-un and Kim Dae-jung: two countries, no guess


def test_a_place_is_not_a_person_who_bears_its_name() -> None:
    actor = match_name("Lincoln", "LOC")
    assert actor is None or actor.kind != "person"


def test_cities_carry_their_wikidata_id() -> None:
    assert match_name("Paris", "LOC").wikidata == "Q90"
    assert match_name("Londres", "LOC").wikidata == "Q84"


def test_ner_corrections(fr_nlp) -> None:
    mentions = _annotate("Selon AP, la visite d'État de Vladimir Poutine a commencé. Pyongyang a tiré un ICBM. "
                         "La Banque de France a publié ses comptes. M. de Lasteyrie a parlé.")
    by_text = {m.text: m for m in mentions}
    assert by_text["AP"].label == "ORG" and by_text["AP"].sector == "MED"
    assert "État" not in by_text and "ICBM" not in by_text
    assert by_text["Banque de France"].label == "ORG"
    assert "M. de Lasteyrie" in by_text


def test_known_places_ner_missed_are_added(fr_nlp) -> None:
    from veille.extract.context import Context
    from veille.extract.entities import find_known_places

    text = "Les nouvelles de PARIS et de l'Europe sont bonnes."
    doc = fr_nlp(text)
    doc.ents = []
    found = [m.text for m in find_known_places(doc, Context("t", "fr"))]
    assert found == ["PARIS", "Europe"]
