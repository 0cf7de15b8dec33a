"""Scoring predictions against gold, FORMAT.md dict against FORMAT.md dict, matched by ``id``.

    report = evaluate(gold_dicts, predicted_dicts)
    report.section("events").row("dyad").f1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from veille.errors import FormatError
from veille.evaluate.coref import score_coref
from veille.evaluate.entities import score_entities
from veille.evaluate.events import score_events
from veille.evaluate.participants import score_participants
from veille.evaluate.quotes import score_quotes
from veille.evaluate.report import Report, Section
from veille.evaluate.timexes import score_timexes

__all__ = ["DERIVED", "SCORERS", "evaluate"]

Pair = tuple[dict[str, Any], dict[str, Any]]

# FORMAT.md key -> its scorer, in report order
SCORERS: dict[str, Callable[[Sequence[Pair]], Section]] = {
    "entities": score_entities,
    "coref": score_coref,
    "timexes": score_timexes,
    "quotes": score_quotes,
    "events": score_events,
}
# further sections scored from a FORMAT.md key: section name -> (key, scorer), after SCORERS
DERIVED: dict[str, tuple[str, Callable[[Sequence[Pair]], Section]]] = {
    "participants": ("events", score_participants),
}


def _by_id(docs: Iterable[dict[str, Any]], side: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for n, doc in enumerate(docs, start=1):
        if not isinstance(doc, dict) or "id" not in doc:
            raise FormatError(f"{side} document {n} is not an object with an id")
        key = str(doc["id"])
        if key in out:
            raise FormatError(f"{side} document id {key!r} appears twice")
        out[key] = doc
    return out


def evaluate(gold: Iterable[dict[str, Any]], pred: Iterable[dict[str, Any]]) -> Report:
    """Score every FORMAT.md key that the gold has; gold documents missing from ``pred`` predicted nothing."""
    gold_docs, pred_docs = _by_id(gold, "gold"), _by_id(pred, "predicted")
    for doc_id, doc in pred_docs.items():
        gold_text = gold_docs.get(doc_id, {}).get("text")
        if gold_text is not None and doc.get("text", gold_text) != gold_text:
            raise FormatError(f"predicted document {doc_id!r} has another text than the gold: offsets differ")
    report = Report(documents=len(gold_docs), missing=sum(key not in pred_docs for key in gold_docs))
    tasks = [(key, key, scorer) for key, scorer in SCORERS.items()]
    tasks += [(name, key, scorer) for name, (key, scorer) in DERIVED.items()]
    for name, key, scorer in tasks:
        # a key absent from a gold document was not annotated there: that document is not scored for it
        pairs = [(doc, pred_docs.get(doc_id, {})) for doc_id, doc in gold_docs.items() if key in doc]
        if not pairs:
            continue
        try:
            report.sections.append(scorer(pairs))
        except (FormatError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise FormatError(f"{name}, document {_culprit(scorer, pairs)!r}: {_reason(exc)}") from exc
    return report


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, FormatError) else f"malformed item ({type(exc).__name__}: {exc})"


def _culprit(scorer: Callable[[Sequence[Pair]], Section], pairs: Sequence[Pair]) -> str:
    """The id of the first document that the scorer fails on alone (only looked for once something failed)."""
    for pair in pairs:
        try:
            scorer([pair])
        except Exception:  # whatever failed before fails here again: only the document matters
            return str(pair[0]["id"])
    return "?"
