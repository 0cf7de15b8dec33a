import pytest

from veille.evaluate import evaluate
from veille.evaluate.quotes import fold_name, same_content


def _q(start: int, end: int, speaker: str | None = "Vladimir Poutine", kind: str = "direct") -> dict:
    return {"content": [start, end], "kind": kind, "cue": None, "speaker": None, "speaker_name": speaker}


def _doc(*quotes: dict) -> dict:
    return {"id": "d", "text": "x" * 200, "quotes": list(quotes)}


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ((0, 10), (0, 10), True),
        ((0, 10), (5, 10), True),    # 5 of the longer 10: exactly half
        ((0, 10), (5, 15), True),    # 5 shared, both 10 long
        ((0, 10), (6, 15), False),   # 4 shared of 10
        ((0, 10), (0, 21), False),   # 10 shared of the longer 21
        ((0, 10), (0, 20), True),    # 10 shared of the longer 20
        ((0, 10), (10, 20), False),
        ((0, 0), (0, 0), False),
    ],
)
def test_half_overlap_boundary(gold: tuple[int, int], pred: tuple[int, int], same: bool) -> None:
    assert same_content(gold, pred) is same


@pytest.mark.parametrize(
    ("name", "folded"),
    [("Élisabeth  BORNE", "elisabeth borne"), ("Kim Jong-un", "kim jong-un"), ("Jalina Porter", "jalina porter"),
     ("Œuvre", "œuvre"), (None, "")],
)
def test_fold_name(name: str | None, folded: str) -> None:
    assert fold_name(name) == folded


@pytest.mark.parametrize(
    ("gold", "pred", "content", "speaker", "speaker_acc", "kind_acc"),
    [
        ([_q(0, 10)], [_q(0, 10)], (1, 0, 0), (1, 0, 0), (1, 1), (1, 1)),
        ([_q(0, 10)], [_q(0, 10, "VLADIMIR POUTINE")], (1, 0, 0), (1, 0, 0), (1, 1), (1, 1)),
        ([_q(0, 10, "Sergueï Lavrov")], [_q(2, 10, "Serguei Lavrov", "indirect")], (1, 0, 0), (1, 0, 0), (1, 1),
         (0, 1)),
        ([_q(0, 10)], [_q(0, 10, "Kim Jong-un")], (1, 0, 0), (0, 1, 1), (0, 1), (1, 1)),
        ([_q(0, 10)], [_q(6, 20)], (0, 1, 1), (0, 1, 1), (0, 0), (0, 0)),
        # one-to-one: two predictions inside one gold quote; only one matches
        ([_q(0, 10)], [_q(0, 6), _q(5, 10)], (1, 1, 0), (1, 1, 0), (1, 1), (1, 1)),
        ([_q(0, 10), _q(20, 30)], [], (0, 0, 2), (0, 0, 2), (0, 0), (0, 0)),
    ],
)
def test_quote_scores(gold: list[dict], pred: list[dict], content: tuple, speaker: tuple, speaker_acc: tuple,
                      kind_acc: tuple) -> None:
    section = evaluate([_doc(*gold)], [_doc(*pred)]).section("quotes")
    for level, expected in (("content", content), ("speaker", speaker)):
        score = section.row(level).score
        assert (score.tp, score.fp, score.fn) == expected, level
    for name, expected in (("speaker", speaker_acc), ("kind", kind_acc)):
        acc = section.accuracy(name).score
        assert (acc.correct, acc.total) == expected, name
