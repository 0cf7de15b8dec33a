"""The numbers behind a score: match counts, ratio parts, means and accuracies."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Accuracy", "Counts", "Mean", "Ratios", "Score", "f1_of"]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives; adds up across documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def of(cls, matched: int, predicted: int, gold: int) -> Counts:
        """Counts from the number of matches and the sizes of both sides."""
        return cls(matched, predicted - matched, gold - matched)

    @property
    def precision(self) -> float:
        # nothing predicted and nothing to find is a perfect score, not zero
        return _ratio(self.tp, self.tp + self.fp) if self.tp + self.fp or self.fn else 1.0

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn) if self.tp + self.fn or self.fp else 1.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(slots=True)
class Ratios:
    """Precision and recall as separate fractions (coreference metrics); adds up across documents."""

    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0

    @property
    def precision(self) -> float:
        return _ratio(self.p_num, self.p_den) if self.p_den or self.r_den else 1.0

    @property
    def recall(self) -> float:
        return _ratio(self.r_num, self.r_den) if self.p_den or self.r_den else 1.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def __add__(self, other: Ratios) -> Ratios:
        return Ratios(self.p_num + other.p_num, self.p_den + other.p_den,
                      self.r_num + other.r_num, self.r_den + other.r_den)


@dataclass(slots=True)
class Mean:
    """The unweighted mean of other scores (the CoNLL F1 is the mean of MUC, B³ and CEAF-e)."""

    parts: tuple[Counts | Ratios, ...]

    @property
    def precision(self) -> float:
        return sum(p.precision for p in self.parts) / len(self.parts) if self.parts else 0.0

    @property
    def recall(self) -> float:
        return sum(p.recall for p in self.parts) / len(self.parts) if self.parts else 0.0

    @property
    def f1(self) -> float:
        return sum(p.f1 for p in self.parts) / len(self.parts) if self.parts else 0.0


Score = Counts | Ratios | Mean


@dataclass(slots=True)
class Accuracy:
    """How many of ``total`` compared items were right."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)
