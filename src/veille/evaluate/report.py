"""The evaluation report: sections of scored rows and accuracy lines, as a table or as JSON.

    section = Section("quotes", rows=[Row("content", Counts(tp=9, fp=3, fn=5))])
    report = Report(gold="seed.jsonl", documents=1, sections=[section])
    print(render(report))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from veille.evaluate.counts import Accuracy, Counts, Mean, Ratios, Score

__all__ = ["AccuracyLine", "Report", "Row", "Section", "render", "report_to_json"]


@dataclass(slots=True)
class Row:
    """One scored level of a task (``span``, ``label``, ``dyad``, ``MUC``, ...)."""

    level: str
    score: Score

    @property
    def precision(self) -> float:
        return self.score.precision

    @property
    def recall(self) -> float:
        return self.score.recall

    @property
    def f1(self) -> float:
        return self.score.f1


@dataclass(slots=True)
class AccuracyLine:
    """A named accuracy measured on matched items (``speaker``, ``type``, ``value``)."""

    name: str
    score: Accuracy

    @property
    def accuracy(self) -> float:
        return self.score.accuracy


@dataclass(slots=True)
class Section:
    """The scores of one task (a FORMAT.md key, or any other scored set)."""

    task: str
    rows: list[Row] = field(default_factory=list)
    accuracies: list[AccuracyLine] = field(default_factory=list)
    documents: int = 0
    notes: list[str] = field(default_factory=list)

    def row(self, level: str) -> Row:
        """The row of a level; KeyError if absent."""
        for row in self.rows:
            if row.level == level:
                return row
        raise KeyError(level)

    def accuracy(self, name: str) -> AccuracyLine:
        """The accuracy line of a name; KeyError if absent."""
        for line in self.accuracies:
            if line.name == name:
                return line
        raise KeyError(name)


@dataclass(slots=True)
class Report:
    """What was scored against what (``pred`` a file, or ``pipeline`` for the gold texts annotated now)."""

    gold: str | None = None
    pred: str | None = None
    documents: int = 0
    missing: int = 0
    sections: list[Section] = field(default_factory=list)

    def section(self, task: str) -> Section:
        """The section of a task; KeyError if absent."""
        for section in self.sections:
            if section.task == task:
                return section
        raise KeyError(task)


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def _detail(score: Score) -> list[str]:
    if isinstance(score, Counts):
        return [str(score.tp), str(score.fp), str(score.fn)]
    if isinstance(score, Ratios):
        return ["", "", "", f"P {score.p_num:g}/{score.p_den:g}  R {score.r_num:g}/{score.r_den:g}"]
    if isinstance(score, Mean):
        return ["", "", "", f"mean of {len(score.parts)}"]
    return []


def render(report: Report) -> str:
    """A readable aligned table: task, level, P, R, F1 (percent), tp, fp, fn; then accuracies."""
    header = ["task", "level", "P", "R", "F1", "tp", "fp", "fn", ""]
    table: list[list[str]] = [header]
    for section in report.sections:
        for i, row in enumerate(section.rows):
            table.append([section.task if i == 0 else "", row.level, _pct(row.precision), _pct(row.recall),
                          _pct(row.f1), *_detail(row.score)])
        for j, line in enumerate(section.accuracies):
            acc = line.score
            shown = _pct(acc.accuracy) if acc.total else "  n/a"
            table.append([section.task if j == 0 and not section.rows else "", f"{line.name} accuracy", "", "", shown,
                          "", "", "", f"{acc.correct}/{acc.total}"])
    width = max(len(r) for r in table)
    table = [r + [""] * (width - len(r)) for r in table]
    widths = [max(len(r[c]) for r in table) for c in range(width)]
    right = {2, 3, 4, 5, 6, 7}
    lines = [_title(report)]
    for n, r in enumerate(table):
        cells = [cell.rjust(widths[c]) if c in right else cell.ljust(widths[c]) for c, cell in enumerate(r)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths if w).rstrip())
    notes = [f"{s.task}: {note}" for s in report.sections for note in s.notes]
    lines.extend(f"note: {note}" for note in notes)
    return "\n".join(lines)


def _title(report: Report) -> str:
    parts = [f"gold {report.gold}" if report.gold else "", f"pred {report.pred}" if report.pred else "",
             f"{report.documents} documents", f"{report.missing} without prediction" if report.missing else ""]
    return ", ".join(part for part in parts if part)


def _score_json(score: Score) -> dict[str, Any]:
    out: dict[str, Any] = {"precision": score.precision, "recall": score.recall, "f1": score.f1}
    if isinstance(score, Counts):
        out.update(tp=score.tp, fp=score.fp, fn=score.fn)
    elif isinstance(score, Ratios):
        out.update(p_num=score.p_num, p_den=score.p_den, r_num=score.r_num, r_den=score.r_den)
    return out


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "gold": report.gold, "pred": report.pred, "documents": report.documents, "missing": report.missing,
        "sections": [
            {"task": s.task, "documents": s.documents, "notes": list(s.notes),
             "rows": [{"level": r.level, **_score_json(r.score)} for r in s.rows],
             "accuracies": [{"name": a.name, "accuracy": a.accuracy if a.score.total else None,
                             "correct": a.score.correct, "total": a.score.total} for a in s.accuracies]}
            for s in report.sections
        ],
    }
