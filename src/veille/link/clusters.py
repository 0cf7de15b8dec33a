"""Event clusters within a document: the same real-world event told twice is kept once.

    merge_events(events)   # the first telling of each event, completed by the later ones

Two events are one when they share the category and the participants (by country and sector where
coded, else by name; for symmetric categories actor and recipient may be swapped), and their dates
do not contradict each other.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from veille.knowledge.plover import SYMMETRIC
from veille.records import Event, Participant

__all__ = ["event_key", "merge_events"]


def _who(p: Participant) -> Hashable:
    if p.country:
        return (p.country, p.sector)
    return (p.name or "").lower()


def event_key(event: Event) -> Hashable:
    """What two tellings of one event share: category, actors, recipients."""
    actors = frozenset(_who(p) for p in event.actor)
    recipients = frozenset(_who(p) for p in event.recipient)
    if event.type in SYMMETRIC:
        return (event.type, actors | recipients)
    return (event.type, actors, recipients)


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    size = min(len(a), len(b))
    return all(x == y or "X" in (x, y) for x, y in zip(a[:size], b[:size], strict=True))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Keep one event per cluster, in text order, filling its empty fields from the other tellings."""
    kept: list[Event] = []
    for event in events:
        key = event_key(event)
        same = next((k for k in kept if event_key(k) == key and _dates_agree(k.date, event.date)), None)
        if same is None:
            kept.append(event)
            continue
        if same.date is None and event.date is not None:
            same.date, same.date_how = event.date, event.date_how
        if same.location is None:
            same.location = event.location
        if same.attributed_to is None:
            same.attributed_to = event.attributed_to
        if same.quote is None:
            same.quote = event.quote
    return kept
