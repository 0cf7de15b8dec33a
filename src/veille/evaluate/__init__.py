"""Scoring annotations against FORMAT.md gold files: entities, coreference, time expressions, quotes, events.

    report = run_eval("../shared/eval/seed.jsonl")
    print(render(report))
"""

from __future__ import annotations

from veille.evaluate.counts import Accuracy, Counts, Mean, Ratios
from veille.evaluate.report import AccuracyLine, Report, Row, Section, render, report_to_json
from veille.evaluate.runner import read_jsonl, run_eval, run_pooled
from veille.evaluate.scoring import evaluate

__all__ = [
    "Accuracy",
    "AccuracyLine",
    "Counts",
    "Mean",
    "Ratios",
    "Report",
    "Row",
    "Section",
    "evaluate",
    "read_jsonl",
    "render",
    "report_to_json",
    "run_eval",
    "run_pooled",
]
