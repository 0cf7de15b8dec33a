"""French time expressions: French TimeBank spans (no "vers" before a clock time, no ages)."""

from __future__ import annotations

from veille.extract.timexes import tag_timexes


def _found(text: str, anchor: str | None = "1999-05-21", tense: str | None = None) -> dict[str, tuple]:
    return {text[t.span[0]:t.span[1]]: (t.type, t.value, t.mod)
            for t in tag_timexes(text, "fr", anchor, (lambda _: tense) if tense else None)}


def test_clock_time_after_vers_and_day_word() -> None:
    found = _found("Il a été agressé hier vers 18 h.", tense="past")
    assert found["hier"][1] == "1999-05-20"
    assert found["18 h"] == ("TIME", "1999-05-20T18:00", "APPROX")


def test_ages_are_not_durations() -> None:
    assert "38 ans" not in _found("Un chauffeur de bus de 38 ans a été blessé.")
    assert "26 ans" not in _found("Paul Durand, 26 ans, a été blessé.")
    assert _found("Il purge une peine de 10 ans.")["10 ans"][1] == "P10Y"
    assert _found("Il y travaille depuis 12 ans.")["12 ans"][1] == "P12Y"


def test_winter_games_are_no_season() -> None:
    assert "hiver" not in _found("Les Jeux olympiques d'hiver s'ouvrent.")
    assert _found("Il neige cet hiver.")["cet hiver"][1] == "1999-WI"


def test_end_of_last_year() -> None:
    assert _found("La salle a été refaite à la fin de l'année dernière.")["la fin de l'année dernière"] == (
        "DATE", "1998", "END")


def test_day_of_month_alone_and_first_day_of_a_range() -> None:
    assert _found("Rendez-vous le 16 à 18 h.", "2013-02-12T04:30", "future")["le 16"][1] == "2013-02-16"
    assert _found("Il est arrivé le 2.", "2013-02-12", "past")["le 2"][1] == "2013-02-02"
    found = _found("Le festival aura lieu du 13 au 15 juillet.", "2013-02-12", "future")
    assert found["13"][1] == "2013-07-13" and found["15 juillet"][1] == "2013-07-15"
    assert _found("Les élections auront lieu les 6 et 13 avril.", "2003-02-24")["les 6"][1] == "2003-04-06"
    assert "le 10" not in _found("Les pompiers sont arrivés devant le 10, rue Victor-Hugo.")
    assert not any(v[1].startswith("1999-") for v in _found("Appeler au 03.29.88.43.12.").values())


def test_digits_with_spaces_weekday_of_a_week_and_en_huit() -> None:
    assert _found("le 24 12 2014", "2013-02-12")["le 24 12 2014"][1] == "2014-12-24"
    assert _found("mercredi de la semaine prochaine", "2013-02-12")["mercredi de la semaine prochaine"][1] == (
        "2013-02-20")
    assert _found("lundi cette semaine", "2013-02-12")["lundi cette semaine"][1] == "2013-02-11"
    assert _found("lundi en 8", "2013-02-12")["lundi en 8"][1] == "2013-02-25"


def test_vers_n_heures_is_a_clock_time_and_parts_of_parts_of_day() -> None:
    assert _found("Il arrivera vers 15 heures.", "2013-02-12")["15 heures"] == ("TIME", "2013-02-12T15:00", "APPROX")
    assert _found("Il dure environ 15 heures.")["environ 15 heures"][0] == "DURATION"
    assert _found("Il viendra en fin de journée.", "2013-02-12")["en fin de journée"][1] == "2013-02-12TEV"
    found = _found("Il viendra en milieu d'après-midi.", "2013-02-12")
    assert "midi" not in found and found["en milieu d'après-midi"][1] == "2013-02-12TAF"
    assert _found("les 2 dernieres annees")["les 2 dernieres annees"][1] == "P2Y"


def test_clock_time_takes_the_day_and_half_day_named_after_it() -> None:
    found = _found("Rendez-vous à 3 heures cet après-midi.", "2013-02-12")
    assert found["3 heures"][1] == "2013-02-12T15:00"
    assert _found("Ouvert de 9 h 30 à 11 h jeudi.", "2013-02-12", "future")["9 h 30"][1] == "2013-02-14T09:30"
    assert _found("Il arrive à 8 heures ce soir.", "2013-02-12")["8 heures"][1] == "2013-02-12T20:00"
    assert _found("à quinze heures et quinze minutes", "2013-02-12")["quinze heures et quinze minutes"][1] == (
        "2013-02-12T15:15")
    assert _found("midi et quart", "2013-02-12")["midi et quart"][1] == "2013-02-12T12:15"
