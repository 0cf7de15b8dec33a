"""Reading gold and prediction files and scoring them: what ``veille eval`` runs.

    report = run_eval("../shared/eval/seed.jsonl")              # annotates the gold texts, then scores
    report = run_eval("gold.jsonl", "predicted.jsonl")          # scores a prediction file, no spaCy needed
    *each, pooled = run_pooled(["a.jsonl", "b.jsonl"])          # each file, then all of them as one set
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veille.errors import ConfigError, FormatError, UnreadableInput
from veille.evaluate.report import Report
from veille.evaluate.scoring import evaluate

if TYPE_CHECKING:
    from veille.pipeline import Annotator

__all__ = ["read_jsonl", "run_eval", "run_pooled"]


def read_jsonl(path: str | Path, *, required: str = "id") -> Iterator[dict[str, Any]]:
    """The objects of a JSONL file, one a line (blank lines skipped), each with a ``required`` field.

    A line that is not JSON, not an object or lacks the field raises FormatError naming file and line
    (``required="text"`` also asks for the text to be a string, as annotating needs).
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise UnreadableInput(f"{path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise FormatError(f"{path}:{number}: not JSON ({exc.msg}, column {exc.colno})") from exc
                if not isinstance(item, dict) or required not in item:
                    raise FormatError(f"{path}:{number}: not a JSON object with the field {required!r}")
                if required == "text" and not isinstance(item["text"], str):
                    raise FormatError(f"{path}:{number}: its text is not a string")
                yield item
        except UnicodeDecodeError as exc:
            raise FormatError(f"{path}: not UTF-8 ({exc.reason})") from exc


def _score_duckling(path: Path) -> Report:
    try:
        module = importlib.import_module("veille.evaluate.duckling")
    except ModuleNotFoundError as exc:
        if exc.name != "veille.evaluate.duckling":
            raise
        raise ConfigError(f"{path}: scoring Duckling's JSON corpus needs veille.evaluate.duckling, "
                          "which is not installed") from exc
    return module.score_duckling(path)


def run_eval(gold_path: str | Path, pred_path: str | Path | None = None,
             annotator: Annotator | None = None) -> Report:
    """Score a gold file against a prediction file, or against the pipeline's annotation of the gold texts."""
    gold_path = Path(gold_path)
    if gold_path.suffix == ".json":
        return _score_duckling(gold_path)
    gold = list(read_jsonl(gold_path))
    if pred_path is not None:
        pred = list(read_jsonl(pred_path))
    else:
        from veille.pipeline import annotate_format  # spaCy is loaded only when annotating

        pred = list(annotate_format(gold, annotator))
    report = evaluate(gold, pred)
    report.gold, report.pred = str(gold_path), "pipeline" if pred_path is None else str(pred_path)
    return report


def run_pooled(gold_paths: list[str | Path], annotator: Annotator | None = None) -> list[Report]:
    """Annotate and score several gold files: a report per file, then one over all their documents together
    (pooled counts, so every gold item weighs the same whichever file holds it)."""
    from veille.pipeline import annotate_format

    reports: list[Report] = []
    all_gold: list[dict[str, Any]] = []
    all_pred: list[dict[str, Any]] = []
    for path in map(Path, gold_paths):
        gold = list(read_jsonl(path))
        pred = list(annotate_format(gold, annotator))
        report = evaluate(gold, pred)
        report.gold, report.pred = str(path), "pipeline"
        reports.append(report)
        all_gold.extend(gold)
        all_pred.extend(pred)
    pooled = evaluate(all_gold, all_pred)
    pooled.gold, pooled.pred = "pooled: " + " + ".join(Path(p).name for p in gold_paths), "pipeline"
    reports.append(pooled)
    return reports
