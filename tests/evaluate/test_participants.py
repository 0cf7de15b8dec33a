from veille.evaluate import evaluate


def _p(start: int, end: int, country: str | None, sector: str | None) -> dict:
    return {"name": "x", "span": [start, end], "country": country, "sector": sector}


def _event(actor: list[dict], recipient: list[dict] | None = None) -> dict:
    return {"type": "CONSULT", "trigger": [50, 55], "actor": actor, "recipient": recipient or []}


def _doc(events: list[dict], **keys: object) -> dict:
    return {"id": "d", "text": "x" * 100, "events": events, **keys}


def _accuracies(gold: dict, pred: dict) -> dict[str, tuple[int, int]]:
    section = evaluate([gold], [pred]).section("participants")
    return {line.name: (line.score.correct, line.score.total) for line in section.accuracies}


def test_predicted_participant_codes_by_overlap() -> None:
    gold = _doc([_event([_p(0, 10, "RUS", "GOV")], [_p(20, 30, "PRK", "MIL")])])
    pred = _doc([_event([_p(2, 10, "RUS", "GOV")], [_p(20, 30, "PRK", None)])])
    acc = _accuracies(gold, pred)
    assert acc["country+sector"] == (1, 2)
    assert acc["country"] == (2, 2)
    assert acc["sector"] == (1, 2)
    assert acc["found"] == (2, 2)


def test_entities_then_clusters_when_no_participant_overlaps() -> None:
    gold = _doc([_event([_p(0, 5, "USA", "GOV")], [_p(40, 43, "PRK", "GOV")])])
    entities = [{"span": [0, 5], "label": "GPE", "name": "x", "country": "USA", "sector": "GOV"},
                {"span": [60, 70], "label": "PER", "name": "x", "country": "PRK", "sector": "GOV"}]
    # "elle" at 40-43 is coreferent with the person at 60-70
    pred = _doc([], entities=entities, coref=[[[40, 43], [60, 70]]])
    assert _accuracies(gold, pred)["country+sector"] == (2, 2)


def test_unmatched_and_spanless_participants() -> None:
    gold = _doc([_event([_p(0, 5, "USA", "GOV"), {"name": "x", "span": None, "country": "FRA", "sector": None}])])
    acc = _accuracies(gold, _doc([]))
    assert acc["found"] == (0, 1)
    assert acc["country+sector"] == (0, 1)


def test_the_tighter_candidate_wins_a_tie() -> None:
    gold = _doc([_event([_p(10, 15, "KOR", None)])])
    pred = _doc([_event([_p(0, 30, "PRK", "GOV"), _p(10, 15, "KOR", None)])])
    assert _accuracies(gold, pred)["country+sector"] == (1, 1)
