"""Named-entity scores: exact spans with and without label, per label, and Wikidata linking."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from veille.evaluate.counts import Counts
from veille.evaluate.report import Row, Section
from veille.evaluate.spans import span_of

__all__ = ["score_entities"]

Pair = tuple[dict[str, Any], dict[str, Any]]


def _mentions(doc: dict[str, Any], gpe_as_loc: bool) -> list[tuple[tuple[int, int], str, str | None]]:
    out = []
    for item in doc.get("entities") or []:
        label = item.get("label")
        if gpe_as_loc and label == "GPE":
            label = "LOC"
        out.append((span_of(item.get("span"), "entity span"), label, item.get("wikidata") or None))
    return out


def _match(gold: Counter, pred: Counter) -> Counts:
    return Counts.of(sum((gold & pred).values()), sum(pred.values()), sum(gold.values()))


def score_entities(pairs: Sequence[Pair]) -> Section:
    """Scores over (gold, predicted) documents whose gold has ``entities``; LOC≈GPE where the gold has no GPE."""
    gpe_as_loc = not any(e.get("label") == "GPE" for gold, _ in pairs for e in gold.get("entities") or [])
    spans, labelled, linked = Counts(), Counts(), Counts()
    per_label: dict[str, Counts] = {}
    for gold_doc, pred_doc in pairs:
        gold, pred = _mentions(gold_doc, gpe_as_loc), _mentions(pred_doc, gpe_as_loc)
        spans += _match(Counter(s for s, _, _ in gold), Counter(s for s, _, _ in pred))
        gold_labelled, pred_labelled = Counter((s, lab) for s, lab, _ in gold), Counter((s, lab) for s, lab, _ in pred)
        labelled += _match(gold_labelled, pred_labelled)
        for label in {lab for _, lab in gold_labelled} | {lab for _, lab in pred_labelled}:
            per_label[label] = per_label.get(label, Counts()) + _match(
                Counter({k: n for k, n in gold_labelled.items() if k[1] == label}),
                Counter({k: n for k, n in pred_labelled.items() if k[1] == label}))
        gold_linked = Counter((s, qid) for s, _, qid in gold if qid)
        linked_spans = {s for s, _ in gold_linked}
        # precision of linking only over predicted links at spans the gold links
        pred_linked = Counter((s, qid) for s, _, qid in pred if qid and s in linked_spans)
        linked += _match(gold_linked, pred_linked)
    rows = [Row("span", spans), Row("label", labelled), Row("wikidata", linked)]
    rows.extend(Row(label, per_label[label]) for label in sorted(per_label, key=str))
    notes = ["LOC≈GPE (the gold has no GPE; predicted GPE scored as LOC)"] if gpe_as_loc else []
    return Section("entities", rows, documents=len(pairs), notes=notes)
