"""Event clusters within a document: the same real-world event told twice is kept once.

    merge_events(events)   # the first telling of each event, completed by the later ones

Two events are one when they share the category, the modality (negated, hypothetical, future,
historical) and the participants (by country and sector where coded, else by name; for symmetric
categories actor and recipient may be swapped), and their dates do not contradict each other. A
telling that names no recipient is the same event as one with the same actors that does (``Elle
condamne ...`` beside ``elle reproche à la direction ...``): the fuller telling is kept.
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


def _modality(event: Event) -> tuple[bool, ...]:
    return (event.negated, event.hypothetical, event.future, event.historical)


def _actors_key(event: Event) -> Hashable:
    return (event.type, frozenset(_who(p) for p in event.actor))


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    size = min(len(a), len(b))
    return all(x == y or "X" in (x, y) for x, y in zip(a[:size], b[:size], strict=True))


def _same(a: Event, b: Event) -> bool:
    """Whether ``a`` and ``b`` tell one event (``b`` may name no recipient where ``a`` does, or the reverse)."""
    if not _dates_agree(a.date, b.date) or _modality(a) != _modality(b):
        return False
    if event_key(a) == event_key(b):
        return True
    return bool(a.actor) and (not a.recipient or not b.recipient) and _actors_key(a) == _actors_key(b)


def _complete(event: Event, other: Event) -> None:
    """Fill the fields ``event`` leaves empty from ``other``, another telling of the same event."""
    if event.date is None and other.date is not None:
        event.date, event.date_how = other.date, other.date_how
    if event.location is None:
        event.location = other.location
    if event.attributed_to is None:
        event.attributed_to = other.attributed_to
    if event.quote is None:
        event.quote = other.quote


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Keep one event per cluster, in text order, filling its empty fields from the other tellings.

    Of a telling without recipient and one with, the one with is kept (in the first one's place).
    """
    kept: list[Event] = []
    for event in events:
        index = next((i for i, k in enumerate(kept) if _same(k, event)), None)
        if index is None:
            kept.append(event)
        elif not kept[index].recipient and event.recipient:
            _complete(event, kept[index])
            kept[index] = event
        else:
            _complete(kept[index], event)
    return kept
