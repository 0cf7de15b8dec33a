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
