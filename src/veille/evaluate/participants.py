"""Actor coding of event participants: the share of gold participants given the right country and sector.

    score_participants(pairs).accuracy("country+sector").accuracy

Each gold participant with a span (actors and recipients of the gold events) is looked up among
the prediction's coded spans by overlap: the predicted event participants first (they carry the
codes of the role the phrase plays in its event), else the predicted entities (the linked
mentions), else a predicted coreference cluster that holds both the span and a coded entity. The
overlapping candidate with the most shared characters wins (then the tighter, then one coded
as the gold is: a span the prediction coded twice, once per event, counts once for each). A gold
participant that no predicted span overlaps is counted wrong (``found`` says how many had a candidate).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from veille.evaluate.counts import Accuracy
from veille.evaluate.report import AccuracyLine, Section
from veille.evaluate.spans import overlap, span_of

__all__ = ["coded_spans", "gold_participants", "score_participants"]

Pair = tuple[dict[str, Any], dict[str, Any]]
Coded = tuple[tuple[int, int], str | None, str | None]
LINES = ("country+sector", "country", "sector", "found")


def _participants(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for event in doc.get("events") or []:
        for side in ("actor", "recipient"):
            for participant in event.get(side) or []:
                if isinstance(participant, dict):
                    yield participant


def gold_participants(doc: dict[str, Any]) -> list[Coded]:
    """The gold participants with a span, each (span, country, sector) once per document."""
    out: dict[Coded, None] = {}
    for participant in _participants(doc):
        if participant.get("span") is None:
            continue
        span = span_of(participant["span"], "participant span")
        out[(span, participant.get("country") or None, participant.get("sector") or None)] = None
    return list(out)


def coded_spans(doc: dict[str, Any]) -> tuple[list[Coded], list[Coded], list[list[tuple[int, int]]]]:
    """The prediction's coded spans: event participants, entities, and the coreference clusters."""
    participants = [(span_of(p["span"], "participant span"), p.get("country") or None, p.get("sector") or None)
                    for p in _participants(doc) if p.get("span") is not None]
    entities = [(span_of(e["span"], "entity span"), e.get("country") or None, e.get("sector") or None)
                for e in doc.get("entities") or []]
    clusters = [[span_of(s, "coref span") for s in cluster] for cluster in doc.get("coref") or []]
    return participants, entities, clusters


def _best(span: tuple[int, int], candidates: list[Coded], codes: tuple[str | None, str | None] = (None, None)
          ) -> Coded | None:
    """The candidate sharing the most characters with ``span``; among equals the tighter one, then one with ``codes``.

    The last tie-break serves a phrase the prediction coded in two events (``Moscou`` as GOV in one, as the
    country in the other): the gold occurrence is matched to the prediction's like occurrence.
    """
    best: tuple[int, int, int] | None = None
    found = None
    for candidate in candidates:
        n = overlap(span, candidate[0])
        if n == 0:
            continue
        key = (n, candidate[0][0] - candidate[0][1], int((candidate[1], candidate[2]) == codes))
        if best is None or key > best:
            best, found = key, candidate
    return found


def _through_cluster(span: tuple[int, int], entities: list[Coded],
                     clusters: list[list[tuple[int, int]]]) -> Coded | None:
    """A coded entity of the coreference cluster that holds ``span`` (``il`` -> its antecedent's codes)."""
    for cluster in clusters:
        if not any(overlap(span, member) > 0 for member in cluster):
            continue
        for member in cluster:
            found = _best(member, [e for e in entities if e[1]])
            if found is not None:
                return (span, found[1], found[2])
    return None


def _predicted_for(span: tuple[int, int], codes: tuple[str | None, str | None],
                   pred: tuple[list[Coded], list[Coded], list[list[tuple[int, int]]]]) -> Coded | None:
    participants, entities, clusters = pred
    return (_best(span, participants, codes) or _best(span, entities, codes)
            or _through_cluster(span, entities, clusters))


def score_participants(pairs: Sequence[Pair]) -> Section:
    """Accuracy of country, sector and both over the gold participants of documents whose gold has ``events``."""
    totals = {line: Accuracy() for line in LINES}
    for gold_doc, pred_doc in pairs:
        pred = coded_spans(pred_doc)
        for span, country, sector in gold_participants(gold_doc):
            found = _predicted_for(span, (country, sector), pred)
            p_country, p_sector = (found[1], found[2]) if found else (None, None)
            right_country, right_sector = found is not None and p_country == country, found is not None and \
                p_sector == sector
            for line, ok in (("country+sector", right_country and right_sector), ("country", right_country),
                             ("sector", right_sector), ("found", found is not None)):
                totals[line] += Accuracy(int(ok), 1)
    lines = [AccuracyLine(line, totals[line]) for line in LINES]
    notes = ["gold event participants with a span, matched by overlap to predicted participants, else entities, "
             "else a coreference cluster"]
    return Section("participants", accuracies=lines, documents=len(pairs), notes=notes)
