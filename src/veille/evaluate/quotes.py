"""Quote scores: contents matched when they overlap by half the longer one; speaker and kind on matches."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from veille.evaluate.assignment import best_pairs
from veille.evaluate.counts import Accuracy, Counts
from veille.evaluate.report import AccuracyLine, Row, Section
from veille.evaluate.spans import overlap, span_of

__all__ = ["fold_name", "quote_pairs", "same_content", "score_quotes"]

Pair = tuple[dict[str, Any], dict[str, Any]]


def fold_name(name: str | None) -> str:
    """A name folded for comparison, without case or accents: ``"Élisabeth  BORNE"`` → ``"elisabeth borne"``."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def same_content(gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    """Whether two content spans overlap by at least half of the longer one."""
    longer = max(gold[1] - gold[0], pred[1] - pred[0])
    return longer > 0 and 2 * overlap(gold, pred) >= longer


def quote_pairs(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs of matching contents: as many as possible, then as much shared text as possible."""
    scale = sum(e - s for s, e in gold) + 1
    weights = {(i, j): scale + overlap(g, p) for i, g in enumerate(gold) for j, p in enumerate(pred)
               if same_content(g, p)}
    return best_pairs(weights)


def score_quotes(pairs: Sequence[Pair]) -> Section:
    """Scores over (gold, predicted) documents whose gold has ``quotes``."""
    content, attributed = Counts(), Counts()
    speakers, kinds = Accuracy(), Accuracy()
    for gold_doc, pred_doc in pairs:
        gold, pred = gold_doc.get("quotes") or [], pred_doc.get("quotes") or []
        matched = quote_pairs([span_of(q.get("content"), "quote content") for q in gold],
                              [span_of(q.get("content"), "quote content") for q in pred])
        same_speaker = sum(fold_name(gold[i].get("speaker_name")) == fold_name(pred[j].get("speaker_name"))
                           for i, j in matched)
        content += Counts.of(len(matched), len(pred), len(gold))
        attributed += Counts.of(same_speaker, len(pred), len(gold))
        speakers += Accuracy(same_speaker, len(matched))
        kinds += Accuracy(sum(gold[i].get("kind") == pred[j].get("kind") for i, j in matched), len(matched))
    rows = [Row("content", content), Row("speaker", attributed)]
    accuracies = [AccuracyLine("speaker", speakers), AccuracyLine("kind", kinds)]
    return Section("quotes", rows, accuracies, documents=len(pairs))
