"""Coreference scores as the CoNLL-2012 reference scorer computes them: MUC, B³, CEAF-e and their mean.

    muc([{a, b, c}], [{a, b}, {c}])   # -> Ratios(p_num=1, p_den=1, r_num=1, r_den=2)
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from veille.evaluate.assignment import best_pairs
from veille.evaluate.counts import Mean, Ratios
from veille.evaluate.report import Row, Section
from veille.evaluate.spans import span_of

__all__ = ["b_cubed", "ceaf_e", "clusters_of", "muc", "score_coref"]

Cluster = frozenset[Hashable]
Pair = tuple[dict[str, Any], dict[str, Any]]


def _muc_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    """Numerator and denominator of MUC recall of ``response`` against ``key`` (swap for precision)."""
    owner = {m: i for i, cluster in enumerate(response) for m in cluster}
    num = den = 0
    for cluster in key:
        # mentions absent from the response each form a partition of their own
        parts = {owner.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(gold: Sequence[Cluster], pred: Sequence[Cluster]) -> Ratios:
    """The link-based MUC score (Vilain et al. 1995); singletons add nothing."""
    r_num, r_den = _muc_side(gold, pred)
    p_num, p_den = _muc_side(pred, gold)
    return Ratios(p_num, p_den, r_num, r_den)


def _b_cubed_side(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float]:
    owner = {m: cluster for cluster in response for m in cluster}
    num = 0.0
    for cluster in key:
        for m in cluster:
            if m in owner:
                num += len(cluster & owner[m]) / len(cluster)
    return num, float(sum(len(c) for c in key))


def b_cubed(gold: Sequence[Cluster], pred: Sequence[Cluster]) -> Ratios:
    """The mention-based B³ score (Bagga and Baldwin 1998); mentions on one side only score 0."""
    r_num, r_den = _b_cubed_side(gold, pred)
    p_num, p_den = _b_cubed_side(pred, gold)
    return Ratios(p_num, p_den, r_num, r_den)


def ceaf_e(gold: Sequence[Cluster], pred: Sequence[Cluster]) -> Ratios:
    """The entity-based CEAF score with φ4 (Luo 2005), entities aligned one-to-one at best."""
    weights = {}
    owner = {m: j for j, cluster in enumerate(pred) for m in cluster}
    for i, cluster in enumerate(gold):
        for j in {owner[m] for m in cluster if m in owner}:
            common = len(cluster & pred[j])
            weights[(i, j)] = 2 * common / (len(cluster) + len(pred[j]))
    similarity = sum(weights[pair] for pair in best_pairs(weights))
    return Ratios(similarity, float(len(pred)), similarity, float(len(gold)))


def clusters_of(doc: dict[str, Any], singletons: bool) -> list[Cluster]:
    """A document's clusters; with ``singletons``, every listed mention outside them is a cluster of its own."""
    clusters: list[Cluster] = []
    seen: set[tuple[int, int]] = set()
    for cluster in doc.get("coref") or []:
        spans = frozenset(span_of(s, "coref span") for s in cluster) - seen
        seen |= spans
        if spans and (singletons or len(spans) > 1):
            clusters.append(spans)
    if singletons:
        for s in doc.get("mentions") or []:
            span = span_of(s, "mention span")
            if span not in seen:
                seen.add(span)
                clusters.append(frozenset([span]))
    return clusters


def score_coref(pairs: Sequence[Pair]) -> Section:
    """MUC, B³, CEAF-e and CoNLL F1 over (gold, predicted) documents whose gold has ``coref``."""
    totals = {"MUC": Ratios(), "B3": Ratios(), "CEAF-e": Ratios()}
    with_singletons = 0
    for gold_doc, pred_doc in pairs:
        # singletons count as in the CoNLL-2012 scorer where the gold lists them; else neither side's count
        singletons = "mentions" in gold_doc
        with_singletons += singletons
        gold, pred = clusters_of(gold_doc, singletons), clusters_of(pred_doc, singletons)
        totals["MUC"] += muc(gold, pred)
        totals["B3"] += b_cubed(gold, pred)
        totals["CEAF-e"] += ceaf_e(gold, pred)
    rows = [Row(level, score) for level, score in totals.items()]
    rows.append(Row("CoNLL", Mean(tuple(totals.values()))))
    notes = []
    if with_singletons < len(pairs):
        notes.append(f"singletons dropped in {len(pairs) - with_singletons} documents whose gold has no mentions")
    return Section("coref", rows, documents=len(pairs), notes=notes)
