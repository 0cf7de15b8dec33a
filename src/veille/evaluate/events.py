"""PLOVER event scores at three levels: ``type``, ``dyad`` (plus country codes) and ``full`` (plus date and flags).

    date_agrees("XXXX-06-18", "2024-06-18")   # True: the gold's known parts agree
    date_agrees("2022-04", "2022-04-25")       # True: month granularity
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Sequence
from typing import Any

from veille.errors import FormatError
from veille.evaluate.assignment import best_pairs
from veille.evaluate.counts import Counts
from veille.evaluate.report import Row, Section

__all__ = ["LEVELS", "SYMMETRIC", "date_agrees", "event_level", "full_key", "score_events"]

LEVELS = ("type", "dyad", "full")
SYMMETRIC = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE"})
FLAGS = ("negated", "hypothetical", "future")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

Pair = tuple[dict[str, Any], dict[str, Any]]


def _codes(participants: Any) -> frozenset[str]:
    if participants is None:
        return frozenset()
    if not isinstance(participants, list):
        raise FormatError(f"event participants are not a list: {participants!r}")
    return frozenset(p["country"] for p in participants if isinstance(p, dict) and p.get("country"))


def _dyad(event: dict[str, Any]) -> Hashable:
    """The actor and recipient country sets (their union, for symmetric categories)."""
    actors, recipients = _codes(event.get("actor")), _codes(event.get("recipient"))
    if event.get("type") in SYMMETRIC:
        return actors | recipients
    return (actors, recipients)


def _as_week(value: str) -> str:
    """``2024-06-18`` → ``2024-W25-2`` (ISO week date), so a full date compares with a week value."""
    day = _DAY.match(value)
    if not day:
        return value
    try:
        year, week, weekday = dt.date(*map(int, day.groups())).isocalendar()
    except ValueError:
        return value
    return f"{year:04d}-W{week:02d}-{weekday}{value[day.end():]}"


def date_agrees(gold: str | None, pred: str | None) -> bool:
    """Whether the predicted date agrees with the gold at the gold's granularity (``X`` in the gold: unknown)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if "W" in gold and "W" not in pred:
        pred = _as_week(pred)
    if len(pred) < len(gold):
        return False
    return all(g == "X" or g == p for g, p in zip(gold, pred, strict=False))


def event_level(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    """The highest level the pair reaches: 0 none, 1 type, 2 dyad, 3 full."""
    if gold.get("type") != pred.get("type"):
        return 0
    if _dyad(gold) != _dyad(pred):
        return 1
    if not date_agrees(gold.get("date"), pred.get("date")):
        return 2
    return 3 if all(bool(gold.get(f)) == bool(pred.get(f)) for f in FLAGS) else 2


def full_key(event: dict[str, Any]) -> Hashable:
    """What makes two events of one document the same event at the full level."""
    return (event.get("type"), _dyad(event), event.get("date"), *(bool(event.get(f)) for f in FLAGS))


def _distinct(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[Hashable, dict[str, Any]] = {}
    for event in events:
        if not isinstance(event, dict):
            raise FormatError(f"an event is not an object: {event!r}")
        seen.setdefault(full_key(event), event)
    return list(seen.values())


def score_events(pairs: Sequence[Pair]) -> Section:
    """Scores over (gold, predicted) documents whose gold has ``events``, each document's events taken as a set."""
    totals = {level: Counts() for level in LEVELS}
    told = distinct = 0
    for gold_doc, pred_doc in pairs:
        gold_all = gold_doc.get("events") or []
        gold, pred = _distinct(gold_all), _distinct(pred_doc.get("events") or [])
        told, distinct = told + len(gold_all), distinct + len(gold)
        # pair to maximise full pairs first, then dyad pairs, then type pairs
        levels = {(i, j): event_level(g, p) for i, g in enumerate(gold) for j, p in enumerate(pred)}
        scale = min(len(gold), len(pred)) + 1  # one more pair at a level outweighs any number below it
        weights = {pair: sum(scale ** n for n in range(level)) for pair, level in levels.items() if level}
        matched = [levels[pair] for pair in best_pairs(weights)]
        for n, level in enumerate(LEVELS, start=1):
            totals[level] += Counts.of(sum(reached >= n for reached in matched), len(pred), len(gold))
    notes = [f"gold events identical at the full level within a document counted once: {told} -> {distinct}"
             ] if told != distinct else []
    return Section("events", [Row(level, totals[level]) for level in LEVELS], documents=len(pairs), notes=notes)
