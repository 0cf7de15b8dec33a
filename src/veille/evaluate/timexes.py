"""Time-expression scores: strict and overlapping spans, type and value on strict matches, value F1."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from veille.evaluate.assignment import best_pairs
from veille.evaluate.counts import Accuracy, Counts
from veille.evaluate.report import AccuracyLine, Row, Section
from veille.evaluate.spans import overlap, span_of

__all__ = ["overlap_pairs", "score_timexes"]

Pair = tuple[dict[str, Any], dict[str, Any]]
Timex = tuple[tuple[int, int], str | None, str | None]


def _timexes(doc: dict[str, Any]) -> list[Timex]:
    return [(span_of(t.get("span"), "timex span"), t.get("type"), t.get("value")) for t in doc.get("timexes") or []]


def overlap_pairs(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans: as many as possible, then as much shared text as possible."""
    weights = {}
    scale = sum(e - s for s, e in gold) + 1  # one more pair always outweighs any amount of overlap
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if shared := overlap(g, p):
                weights[(i, j)] = scale + shared
    return best_pairs(weights)


def _strict_pairs(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Pairs with the same span, preferring the same value then the same type where a span repeats."""
    free: dict[tuple[int, int], list[Timex]] = defaultdict(list)
    for timex in pred:
        free[timex[0]].append(timex)
    pairs = []
    for g in gold:
        candidates = free.get(g[0])
        if candidates:
            best = max(candidates, key=lambda p: (p[2] == g[2], p[1] == g[1]))
            candidates.remove(best)
            pairs.append((g, best))
    return pairs


def score_timexes(pairs: Sequence[Pair]) -> Section:
    """Scores over (gold, predicted) documents whose gold has ``timexes``."""
    strict, overlapping, valued = Counts(), Counts(), Counts()
    types, values = Accuracy(), Accuracy()
    for gold_doc, pred_doc in pairs:
        gold, pred = _timexes(gold_doc), _timexes(pred_doc)
        matched = _strict_pairs(gold, pred)
        strict += Counts.of(len(matched), len(pred), len(gold))
        overlapping += Counts.of(len(overlap_pairs([g[0] for g in gold], [p[0] for p in pred])), len(pred), len(gold))
        types += Accuracy(sum(g[1] == p[1] for g, p in matched), len(matched))
        values += Accuracy(sum(g[2] == p[2] for g, p in matched), len(matched))
        same_value = sum((Counter((s, v) for s, _, v in gold) & Counter((s, v) for s, _, v in pred)).values())
        valued += Counts.of(same_value, len(pred), len(gold))
    rows = [Row("strict", strict), Row("overlap", overlapping), Row("value", valued)]
    accuracies = [AccuracyLine("type", types), AccuracyLine("value", values)]
    return Section("timexes", rows, accuracies, documents=len(pairs))
