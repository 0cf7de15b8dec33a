import pytest

from veille.evaluate import evaluate


def _tx(start: int, end: int, kind: str = "DATE", value: str | None = "1999-05-18") -> dict:
    return {"span": [start, end], "type": kind, "value": value}


def _doc(*timexes: dict) -> dict:
    return {"id": "d", "text": "x" * 100, "published": "1999-05-19", "timexes": list(timexes)}


@pytest.mark.parametrize(
    ("gold", "pred", "level", "tp_fp_fn"),
    [
        ([_tx(0, 5)], [_tx(0, 5)], "strict", (1, 0, 0)),
        ([_tx(0, 5)], [_tx(0, 6)], "strict", (0, 1, 1)),
        ([_tx(0, 5)], [_tx(0, 6)], "overlap", (1, 0, 0)),
        ([_tx(0, 5)], [_tx(5, 9)], "overlap", (0, 1, 1)),  # touching is not overlapping
        # one-to-one: one long prediction overlaps two gold timexes but matches one
        ([_tx(0, 5), _tx(6, 10)], [_tx(0, 10)], "overlap", (1, 0, 1)),
        # the best pairing: the second prediction can only go with the first gold
        ([_tx(0, 5), _tx(6, 10)], [_tx(3, 8), _tx(0, 2)], "overlap", (2, 0, 0)),
        ([_tx(0, 5)], [_tx(0, 5, value="1999-05-17")], "value", (0, 1, 1)),
        ([_tx(0, 5)], [_tx(0, 5, kind="TIME")], "value", (1, 0, 0)),
        ([_tx(0, 5)], [_tx(0, 6)], "value", (0, 1, 1)),  # same value, not the same span
    ],
)
def test_timex_counts(gold: list[dict], pred: list[dict], level: str, tp_fp_fn: tuple[int, int, int]) -> None:
    score = evaluate([_doc(*gold)], [_doc(*pred)]).section("timexes").row(level).score
    assert (score.tp, score.fp, score.fn) == tp_fp_fn


@pytest.mark.parametrize(
    ("gold", "pred", "name", "correct_total"),
    [
        ([_tx(0, 5), _tx(6, 9, "DURATION", "P3D")], [_tx(0, 5, "TIME"), _tx(6, 9, "DURATION", "P3D")], "type", (1, 2)),
        ([_tx(0, 5), _tx(6, 9, "DURATION", "P3D")], [_tx(0, 5, "TIME"), _tx(6, 9, "DURATION", "P2D")], "value",
         (1, 2)),
        ([_tx(0, 5)], [_tx(0, 6)], "value", (0, 0)),  # accuracies only on strict matches
    ],
)
def test_timex_accuracies(gold: list[dict], pred: list[dict], name: str, correct_total: tuple[int, int]) -> None:
    acc = evaluate([_doc(*gold)], [_doc(*pred)]).section("timexes").accuracy(name).score
    assert (acc.correct, acc.total) == correct_total
