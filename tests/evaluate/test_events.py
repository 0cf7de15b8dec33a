import pytest

from veille.evaluate import evaluate
from veille.evaluate.events import date_agrees


def _p(country: str | None, sector: str | None = "GOV") -> dict:
    return {"name": "x", "span": None, "country": country, "sector": sector, "wikidata": None}


def _ev(kind: str = "CONSULT", actor: tuple = ("RUS",), recipient: tuple = ("PRK",), date: str | None = None,
        **flags: bool) -> dict:
    return {"type": kind, "mode": None, "trigger": [0, 3], "actor": [_p(c) for c in actor],
            "recipient": [_p(c) for c in recipient], "date": date, "location": None,
            "negated": flags.get("negated", False), "hypothetical": flags.get("hypothetical", False),
            "future": flags.get("future", False), "attributed_to": None}


def _doc(*events: dict) -> dict:
    return {"id": "d", "text": "x" * 100, "events": list(events)}


@pytest.mark.parametrize(
    ("gold", "pred", "agree"),
    [
        ("XXXX-06-18", "2024-06-18", True),
        ("XXXX-06-18", "2024-06-19", False),
        ("2022-04", "2022-04-25", True),
        ("2022-04", "2022-05-25", False),
        ("2022-04-25", "2022-04", False),  # coarser than the gold
        ("2024-06-18", "XXXX-06-18", False),  # the year is known in the gold
        ("1999", "1999-05-18", True),
        ("199X", "1995", True),
        ("1999-05-18", "1999-05-18T18:00", True),
        ("1999-W20", "1999-05-18", True),
        ("1999-W20", "1999-05-25", False),
        ("PRESENT_REF", "PRESENT_REF", True),
        ("PRESENT_REF", "2024-06-18", False),
        (None, None, True),
        (None, "2024-06-18", False),
        ("2024-06-18", None, False),
    ],
)
def test_date_granularity(gold: str | None, pred: str | None, agree: bool) -> None:
    assert date_agrees(gold, pred) is agree


@pytest.mark.parametrize(
    ("gold", "pred", "tps"),
    [
        ([_ev()], [_ev()], (1, 1, 1)),
        ([_ev()], [_ev("ACCUSE")], (0, 0, 0)),
        ([_ev()], [_ev(actor=("PRK",), recipient=("RUS",))], (1, 1, 1)),  # CONSULT is symmetric
        ([_ev()], [_ev(actor=("RUS", "PRK"), recipient=())], (1, 1, 1)),  # the union agrees
        ([_ev("ACCUSE")], [_ev("ACCUSE", actor=("PRK",), recipient=("RUS",))], (1, 0, 0)),  # ACCUSE is not
        ([_ev("COOPERATE")], [_ev("COOPERATE", actor=("PRK",), recipient=("RUS",))], (1, 1, 1)),
        ([_ev("REQUEST", actor=("USA",), recipient=("PRK", "RUS"))],
         [_ev("REQUEST", actor=("USA",), recipient=("RUS", "PRK", "RUS"))], (1, 1, 1)),  # sets, not lists
        ([_ev()], [_ev(actor=("RUS",), recipient=("KOR",))], (1, 0, 0)),
        ([_ev(date="XXXX-06-18")], [_ev(date="2024-06-18")], (1, 1, 1)),
        ([_ev(date="2022-04")], [_ev(date="2022-04-25")], (1, 1, 1)),
        ([_ev(date="2022-04-25")], [_ev(date="2022-04")], (1, 1, 0)),
        ([_ev()], [_ev(date="2024-06-18")], (1, 1, 0)),  # gold null requires null
        ([_ev(negated=True)], [_ev()], (1, 1, 0)),
        ([_ev(future=True)], [_ev(future=True)], (1, 1, 1)),
        ([_ev(hypothetical=True)], [_ev(future=True)], (1, 1, 0)),
    ],
)
def test_event_levels(gold: list[dict], pred: list[dict], tps: tuple[int, int, int]) -> None:
    section = evaluate([_doc(*gold)], [_doc(*pred)]).section("events")
    assert tuple(section.row(level).score.tp for level in ("type", "dyad", "full")) == tps


def test_pairing_maximises_the_highest_level() -> None:
    # a greedy pairing in order would pair gold 1 with pred 1 (type only) and leave gold 2's full match out
    gold = [_ev(date="2024-06-18"), _ev(actor=("USA",), date="2024-06-19")]
    pred = [_ev(actor=("USA",), date="2024-06-19"), _ev(date="2024-06-18")]
    section = evaluate([_doc(*gold)], [_doc(*pred)]).section("events")
    assert section.row("full").score.tp == 2
    # the full pair is taken, and the leftovers still pair at the dyad level
    gold = [_ev(date="2024-06-18"), _ev(actor=("USA",))]
    pred = [_ev(actor=("USA",), date="2024-06-18"), _ev(date="2024-06-18")]
    section = evaluate([_doc(*gold)], [_doc(*pred)]).section("events")
    assert [section.row(level).score.tp for level in ("type", "dyad", "full")] == [2, 2, 1]


@pytest.mark.parametrize(
    ("gold", "pred", "full"),
    [
        # the same event told twice counts once
        ([_ev()], [_ev(), _ev()], (1, 0, 0)),
        ([_ev()], [_ev(), _ev(actor=("PRK",), recipient=("RUS",))], (1, 0, 0)),  # symmetric: identical too
        ([_ev()], [_ev(), _ev(date="2024-06-18")], (1, 1, 0)),  # not identical at the full level
        ([_ev(), _ev()], [_ev()], (1, 0, 0)),
    ],
)
def test_events_are_a_set(gold: list[dict], pred: list[dict], full: tuple[int, int, int]) -> None:
    score = evaluate([_doc(*gold)], [_doc(*pred)]).section("events").row("full").score
    assert (score.tp, score.fp, score.fn) == full


def test_country_codes_missing_are_ignored() -> None:
    gold = [_ev("PROTEST", actor=("FRA",), recipient=())]
    pred = [{**_ev("PROTEST", actor=("FRA",), recipient=()), "recipient": [_p(None)]}]
    assert evaluate([_doc(*gold)], [_doc(*pred)]).section("events").row("dyad").score.tp == 1
