"""Exports of the store for analysts: FORMAT.md JSONL per document, and a CSV table of events.

    with open("events.csv", "w", newline="") as out:
        export_events_csv(store, out)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from veille.records import Annotation, Document, Event, Participant, to_format
from veille.store import Store

__all__ = ["EVENT_COLUMNS", "event_row", "event_rows", "evidence_sentence", "export_events_csv", "export_jsonl"]

EVENT_COLUMNS = (
    "doc_id", "published", "source", "url", "event_date", "date_how", "type", "mode", "cameo", "quad_class",
    "intensity", "actor", "actor_country", "actor_sector", "recipient", "recipient_country", "recipient_sector",
    "location", "location_country", "geonameid", "lat", "lon", "negated", "hypothetical", "future", "historical",
    "attributed_to", "credits", "trigger", "evidence", "start", "end",
)


def _annotations(store: Store) -> Iterator[Annotation]:
    for document in store.iter_documents():
        if document.status == "ok":
            yield Annotation(document, store.records(document.id))


def export_jsonl(store: Store, out: TextIO) -> int:
    """Every stored document with its records in FORMAT.md, plus its url, title and credits."""
    n = 0
    for annotation in _annotations(store):
        doc = annotation.document
        item = to_format(doc, annotation.records)
        item.update(url=doc.url, title=doc.title, credits=doc.credits)
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def _side(participants: list[Participant], attr: str) -> str:
    return "; ".join(getattr(p, attr) or "" for p in participants)


def evidence_sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, by punctuation and line breaks: the evidence an analyst reads."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return " ".join(text[left + 1:right].split())


def event_rows(annotation: Annotation) -> Iterator[dict[str, object]]:
    for event in (r for r in annotation.records if isinstance(r, Event)):
        yield event_row(annotation.document, event)


def event_row(doc: Document, event: Event) -> dict[str, object]:
    """One event as a flat row: codes, participants, place, flags, and the sentence that states it."""
    start, end = event.span
    loc = event.location
    return {
        "doc_id": doc.id, "published": doc.published, "source": doc.source, "url": doc.url,
        "event_date": event.date, "date_how": event.date_how, "type": event.type, "mode": event.mode,
        "cameo": event.cameo, "quad_class": event.quad_class, "intensity": event.intensity,
        "actor": _side(event.actor, "name"), "actor_country": _side(event.actor, "country"),
        "actor_sector": _side(event.actor, "sector"),
        "recipient": _side(event.recipient, "name"), "recipient_country": _side(event.recipient, "country"),
        "recipient_sector": _side(event.recipient, "sector"),
        "location": loc.name if loc else None, "location_country": loc.country if loc else None,
        "geonameid": loc.geonameid if loc else None, "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "negated": event.negated, "hypothetical": event.hypothetical, "future": event.future,
        "historical": event.historical,
        "attributed_to": doc.text[event.attributed_to[0]:event.attributed_to[1]] if event.attributed_to else None,
        "credits": "; ".join(doc.credits), "trigger": doc.text[start:end],
        "evidence": evidence_sentence(doc.text, start, end), "start": start, "end": end,
    }


def export_events_csv(store: Store, out: TextIO) -> int:
    """One row per stored event, with its codes, participants, place, flags and evidence sentence."""
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    n = 0
    for annotation in _annotations(store):
        for row in event_rows(annotation):
            writer.writerow(row)
            n += 1
    return n
