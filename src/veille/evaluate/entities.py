"""Named-entity scores: exact spans with and without label, per label, and Wikidata linking.

    score_entities(pairs)                     # known QIDs: the packaged knowledge base's
    score_entities(pairs, known={"Q90"})      # "wikidata in KB" restricted to these QIDs
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

from veille.evaluate.counts import Counts
from veille.evaluate.report import Row, Section
from veille.evaluate.spans import overlap, span_of

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


def known_wikidata() -> frozenset[str]:
    """The Wikidata ids the packaged knowledge base holds (entities and places)."""
    from veille.knowledge import load_kb

    return load_kb().wikidata_ids()


def _linked_in_kb(gold: list[tuple[tuple[int, int], str, str | None]],
                  pred: list[tuple[tuple[int, int], str, str | None]], known: Collection[str]) -> Counts:
    """Linking of the gold mentions whose QID the knowledge base holds, by span overlap.

    A gold mention is found when a predicted mention overlapping it carries its QID; a predicted link
    overlapping such a mention with another QID (and none with the right one) is a false positive.
    """
    tp = fp = fn = 0
    for span, _, qid in gold:
        if not qid or qid not in known:
            continue
        links = {p_qid for p_span, _, p_qid in pred if p_qid and overlap(span, p_span) > 0}
        if qid in links:
            tp += 1
        else:
            fn += 1
            fp += bool(links)
    return Counts(tp, fp, fn)


def score_entities(pairs: Sequence[Pair], known: Collection[str] | None = None) -> Section:
    """Scores over (gold, predicted) documents whose gold has ``entities``; LOC≈GPE where the gold has no GPE.

    ``known`` (default: the knowledge base's QIDs) restricts the ``wikidata in KB`` row to the gold
    mentions an entity of the knowledge base could be linked to.
    """
    has_links = any(e.get("wikidata") for gold, _ in pairs for e in gold.get("entities") or [])
    if known is None and has_links:
        known = known_wikidata()
    in_kb = Counts()
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
        if has_links:
            in_kb += _linked_in_kb(gold, pred, known or ())
    rows = [Row("span", spans), Row("label", labelled), Row("wikidata", linked)]
    if has_links:
        rows.append(Row("wikidata in KB", in_kb))
    rows.extend(Row(label, per_label[label]) for label in sorted(per_label, key=str))
    notes = ["LOC≈GPE (the gold has no GPE; predicted GPE scored as LOC)"] if gpe_as_loc else []
    return Section("entities", rows, documents=len(pairs), notes=notes)
