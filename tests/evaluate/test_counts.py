import itertools
import random

import pytest

from veille.evaluate.assignment import best_pairs
from veille.evaluate.counts import Accuracy, Counts, Mean, Ratios, f1_of


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        (Counts(8, 2, 8), 0.8, 0.5, 2 * 0.8 * 0.5 / 1.3),
        (Counts(0, 0, 0), 1.0, 1.0, 1.0),  # annotated, none there, none predicted
        (Counts(0, 0, 5), 0.0, 0.0, 0.0),
        (Counts(0, 3, 0), 0.0, 0.0, 0.0),
        (Counts(3, 0, 0), 1.0, 1.0, 1.0),
        (Counts.of(matched=2, predicted=5, gold=4), 0.4, 0.5, f1_of(0.4, 0.5)),
    ],
)
def test_counts(counts: Counts, precision: float, recall: float, f1: float) -> None:
    assert counts.precision == pytest.approx(precision)
    assert counts.recall == pytest.approx(recall)
    assert counts.f1 == pytest.approx(f1)


def test_sums_and_means() -> None:
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)
    assert Ratios(1, 2, 3, 4) + Ratios(1, 2, 3, 4) == Ratios(2, 4, 6, 8)
    assert Accuracy(1, 2) + Accuracy(3, 4) == Accuracy(4, 6)
    mean = Mean((Counts(1, 0, 1), Ratios(1, 4, 1, 1)))
    assert mean.precision == pytest.approx((1 + 0.25) / 2)
    assert mean.recall == pytest.approx((0.5 + 1) / 2)
    assert mean.f1 == pytest.approx((f1_of(1, 0.5) + f1_of(0.25, 1)) / 2)
    assert Accuracy().accuracy == 0.0


def _brute_force(weights: dict[tuple[int, int], float], rows: int, cols: int) -> float:
    best = 0.0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        best = max(best, sum(weights.get((r, c), 0.0) for r, c in enumerate(perm) if c < cols))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_best_pairs_is_optimal(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    weights = {(r, c): float(rng.randint(1, 9)) for r in range(rows) for c in range(cols) if rng.random() < 0.6}
    pairs = best_pairs(weights)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert all(pair in weights for pair in pairs)
    assert sum(weights[p] for p in pairs) == pytest.approx(_brute_force(weights, rows, cols))


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({}, []),
        ({(0, 0): 1.0, (0, 1): 2.0, (1, 1): 2.0}, [(0, 0), (1, 1)]),
        ({(0, 0): 3.0, (1, 0): 2.0}, [(0, 0)]),
        ({(0, 0): 0.0, (1, 1): 1.0}, [(1, 1)]),  # a zero weight is no edge
        ({(5, 7): 1.0, (9, 2): 1.0}, [(5, 7), (9, 2)]),
    ],
)
def test_best_pairs_table(weights: dict[tuple[int, int], float], expected: list[tuple[int, int]]) -> None:
    assert best_pairs(weights) == expected
