from fractions import Fraction as F

import pytest

from veille.evaluate import evaluate
from veille.evaluate.coref import b_cubed, ceaf_e, muc

# The CoNLL-2012 reference scorer's test cases (Pradhan et al. 2014, conll/reference-coreference-scorers,
# test/CorefMetricTestConfig.pm): key {a} {bc} {def}; capital B is a second mention overlapping b.
KEY = ["a", "bc", "def"]

CASES = {
    "A1": (["a", "bc", "def"], (1, 1), (1, 1), (1, 1)),
    "A2": (["a", "de"], (F(1, 3), 1), (F(7, 18), 1), (F(18, 30), F(18, 20))),
    "A3": (["a", "bcx", "defy", "z"], (1, F(3, 5)), (1, (4 + F(7, 12)) / 9),
           ((1 + F(4, 5) + F(6, 7)) / 3, (1 + F(4, 5) + F(6, 7)) / 4)),
    "A4": (["a", "bcx", "dy", "z"], (F(1, 3), F(1, 3)), ((3 + F(1, 3)) / 6, (1 + F(4, 3) + F(1, 2)) / 7),
           ((1 + F(4, 5) + F(2, 5)) / 3, (1 + F(4, 5) + F(2, 5)) / 4)),
    "A5": (["a", "bcxB", "dy", "z"], (F(1, 3), F(1, 4)), ((3 + F(1, 3)) / 6, F(5, 2) / 8),
           ((1 + F(4, 6) + F(2, 5)) / 3, (1 + F(4, 6) + F(2, 5)) / 4)),
    "A6": (["a", "bcx", "dy", "Bz"], (F(1, 3), F(1, 4)), (F(10, 3) / 6, (1 + F(4, 3) + F(1, 2)) / 8),
           ((1 + F(4, 5) + F(2, 5)) / 3, (1 + F(4, 5) + F(2, 5)) / 4)),
    "A10": (["a", "b", "c", "d", "e", "f"], (0, 0), (F(3, 6), 1), None),
    "A11": (["abcdef"], (1, F(3, 5)), (1, (F(1, 6) + F(4, 6) + F(9, 6)) / 6), None),
    "A12": (["a", "b", "d", "e", "x", "y", "z"], (0, 0), (F(13, 36), F(4, 7)), None),
    "A13": (["abdexyz"], (F(1, 3), F(1, 6)), ((1 + F(1, 2) + F(4, 3)) / 6, (F(1, 7) + F(1, 7) + F(4, 7)) / 7), None),
}


def _clusters(letters: list[str]) -> list[frozenset[str]]:
    return [frozenset(group) for group in letters]


@pytest.mark.parametrize("case", sorted(CASES))
def test_reference_scorer_cases(case: str) -> None:
    response, muc_rp, b3_rp, ceafe_rp = CASES[case]
    gold, pred = _clusters(KEY), _clusters(response)
    expected = [("muc", muc, muc_rp), ("b3", b_cubed, b3_rp), ("ceafe", ceaf_e, ceafe_rp)]
    for name, metric, rp in expected:
        if rp is None:
            continue
        score = metric(gold, pred)
        assert (score.recall, score.precision) == pytest.approx((float(rp[0]), float(rp[1]))), name


def _doc(coref: list[list[list[int]]], mentions: list[list[int]] | None = None) -> dict:
    doc = {"id": "d", "text": "x" * 100, "coref": coref}
    if mentions is not None:
        doc["mentions"] = mentions
    return doc


A, B, C, D, E = [0, 1], [2, 3], [4, 5], [6, 7], [8, 9]


@pytest.mark.parametrize(
    ("gold", "pred", "b3_recall", "b3_precision"),
    [
        # gold mentions list the singleton E: missing it costs B³ recall
        (_doc([[A, B]], [A, B, E]), _doc([[A, B]]), F(2, 3), 1),
        # a predicted singleton cluster that is a gold singleton counts in full
        (_doc([[A, B]], [A, B, E]), _doc([[A, B], [E]]), 1, 1),
        # a predicted mentions key adds singletons too; C is not a gold mention
        (_doc([[A, B]], [A, B, E]), _doc([[A, B]], [A, B, C, E]), 1, F(3, 4)),
        # without gold mentions, singletons are not annotated: dropped from both sides
        (_doc([[A, B]]), _doc([[A, B], [E]]), 1, 1),
        (_doc([[A, B, C]], [A, B, C, D]), _doc([[A, B], [C, D]]), (F(4, 3) + F(1, 3) + 1) / 4,
         (1 + 1 + F(1, 2) + F(1, 2)) / 4),
    ],
)
def test_singletons_in_b_cubed(gold: dict, pred: dict, b3_recall: F, b3_precision: F) -> None:
    row = evaluate([gold], [pred]).section("coref").row("B3")
    assert (row.recall, row.precision) == pytest.approx((float(b3_recall), float(b3_precision)))


def test_conll_is_the_mean_of_three() -> None:
    section = evaluate([_doc([[A, B, C]], [A, B, C, D])], [_doc([[A, B], [C, D]])]).section("coref")
    f1s = [section.row(level).f1 for level in ("MUC", "B3", "CEAF-e")]
    assert section.row("CoNLL").f1 == pytest.approx(sum(f1s) / 3)
    assert section.row("MUC").score.r_num == 1 and section.row("MUC").score.r_den == 2
