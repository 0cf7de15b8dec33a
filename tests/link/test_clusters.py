"""One real-world event once per document: which tellings merge_events folds together."""

from __future__ import annotations

from typing import Any

from veille.link.clusters import merge_events
from veille.records import Event, Participant

NORTH = Participant("Corée du Nord", country="PRK", sector="GOV")
SOUTH = Participant("Corée du Sud", country="KOR", sector=None)
UNION = Participant("syndicat", country="FRA", sector="LAB")
BOSSES = Participant("direction", country="FRA", sector="BUS")


def _event(start: int, type_: str = "THREATEN", actor: Participant = NORTH, recipient: Participant | None = SOUTH,
           **flags: Any) -> Event:
    return Event("d", (start, start + 5), type_, "test", "1", actor=[actor],
                 recipient=[recipient] if recipient else [], **flags)


def test_a_retelling_completes_the_first_telling() -> None:
    first, second = _event(0), _event(100, date="2024-06-18", date_how="explicit")
    assert merge_events([first, second]) == [first]
    assert first.date == "2024-06-18" and first.date_how == "explicit"


def test_tellings_of_another_modality_stay_apart() -> None:
    past, planned = _event(0), _event(100, future=True)
    assert merge_events([past, planned]) == [past, planned]
    tested, possible = _event(0, "MOBILIZE"), _event(50, "MOBILIZE", hypothetical=True)
    assert merge_events([tested, possible]) == [tested, possible]


def test_a_telling_without_recipient_folds_into_the_fuller_one() -> None:
    bare = _event(0, "ACCUSE", UNION, None, date="1999-05-18", date_how="relative")
    full = _event(80, "ACCUSE", UNION, BOSSES)
    assert merge_events([bare, full]) == [full]
    assert full.date == "1999-05-18"
    later_bare = _event(200, "ACCUSE", UNION, None)
    assert merge_events([full, later_bare]) == [full]


def test_other_actors_or_contradicting_dates_stay_apart() -> None:
    assert len(merge_events([_event(0, "ACCUSE", UNION, None), _event(80, "ACCUSE", BOSSES, UNION)])) == 2
    assert len(merge_events([_event(0, date="2024-06-18"), _event(80, date="2023-01-02")])) == 2
