"""The records that flow between stages, and their FORMAT.md (JSONL) form.

Records, not spaCy Docs, cross stage, process and database boundaries. Every span is a
``(start, end)`` pair of ``str`` indices into the document's clean text, end-exclusive.
Every extracted record carries its provenance: document id, span, extractor and version.

    doc = Document.from_text("Le président russe ...", lang="fr")
    record = Mention(doc_id=doc.id, span=(3, 12), label="PER", text="président",
                     extractor="entities", version="1")
    to_format(doc, [record])   # -> FORMAT.md dict
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Annotation",
    "CorefCluster",
    "Document",
    "Event",
    "Location",
    "Mention",
    "OffsetMap",
    "Participant",
    "Quote",
    "Record",
    "Span",
    "Timex",
    "content_id",
    "from_format",
    "to_format",
]

Span = tuple[int, int]


def content_id(text: str, source: str | None = None) -> str:
    """The document id: a hash of its source and raw text, so re-ingesting adds nothing."""
    digest = hashlib.sha256()
    digest.update((source or "").encode("utf-8"))
    digest.update(b"\x00")
    digest.update(text.encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()[:24]


@dataclass(slots=True)
class OffsetMap:
    """Maps clean-text offsets back to raw-text offsets.

    Stored as segments: ``clean[c : c + n] == raw[r : r + n]`` for each ``(c, r, n)``, sorted by
    ``c``. Clean text is made of copied raw slices joined by inserted characters (newlines);
    an offset inside an inserted character maps to the raw offset after the previous segment.
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length)])

    def to_raw(self, offset: int) -> int:
        if not self.segments:
            return offset
        starts = [c for c, _, _ in self.segments]
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return self.segments[0][1]
        c, r, n = self.segments[i]
        return r + min(offset - c, n)

    def raw_span(self, span: Span) -> Span:
        start, end = span
        if end <= start:
            raw = self.to_raw(start)
            return (raw, raw)
        # the end is mapped from its last character so a span ending a segment stays in it
        return (self.to_raw(start), self.to_raw(end - 1) + 1)

    def to_json(self) -> list[list[int]]:
        return [list(s) for s in self.segments]

    @classmethod
    def from_json(cls, data: Iterable[Iterable[int]] | None) -> OffsetMap:
        return cls([tuple(s) for s in (data or [])])  # type: ignore[misc]


@dataclass(slots=True)
class Document:
    """A news document: its raw text as read, its clean text, and where it came from.

    ``status`` is ``ok`` or ``failed``; a failed document keeps the ``stage`` and ``reason``.
    """

    id: str
    raw_text: str
    text: str = ""
    lang: str | None = None
    lang_confidence: float | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    credits: list[str] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    parent_id: str | None = None
    origin: str | None = None
    status: str = "ok"
    stage: str | None = None
    reason: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, raw_text: str, **fields: Any) -> Document:
        """A document whose clean text is its raw text (cleaning may replace both later)."""
        doc_id = fields.pop("id", None) or content_id(raw_text, fields.get("url") or fields.get("source"))
        doc = cls(id=doc_id, raw_text=raw_text, text=raw_text, **fields)
        doc.offsets = OffsetMap.identity(len(raw_text))
        return doc

    @classmethod
    def failed(cls, origin: str, stage: str, reason: str, raw_text: str = "", **fields: Any) -> Document:
        doc_id = fields.pop("id", None) or content_id(raw_text or origin, "failed:" + stage)
        return cls(id=doc_id, raw_text=raw_text, origin=origin, status="failed", stage=stage,
                   reason=reason, **fields)

    def mark_failed(self, stage: str, reason: str) -> None:
        self.status, self.stage, self.reason = "failed", stage, reason


@dataclass(slots=True)
class Mention:
    """A named (or designating) mention of an entity, linked where possible."""

    doc_id: str
    span: Span
    label: str
    text: str
    extractor: str
    version: str
    name: str | None = None
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class CorefCluster:
    """Mentions of one entity within a document."""

    doc_id: str
    spans: list[Span]
    extractor: str
    version: str
    name: str | None = None
    entity_id: str | None = None

    @property
    def span(self) -> Span:
        return self.spans[0]


@dataclass(slots=True)
class Timex:
    """A TIMEX3 time expression. ``how`` says how the value was obtained:
    ``explicit``, ``relative`` (to the publication time), ``text`` (to another date in the text),
    or ``unresolved``."""

    doc_id: str
    span: Span
    type: str
    value: str | None
    extractor: str
    version: str
    mod: str | None = None
    how: str = "explicit"
    confidence: float | None = None


@dataclass(slots=True)
class Quote:
    """What someone said. ``span`` is the content span; ``source`` the agency credited."""

    doc_id: str
    span: Span
    kind: str
    extractor: str
    version: str
    cue: Span | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    speaker_wikidata: str | None = None
    source: Span | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Participant:
    name: str | None
    span: Span | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Event:
    """A PLOVER event. ``span`` is the trigger span."""

    doc_id: str
    span: Span
    type: str
    extractor: str
    version: str
    mode: str | None = None
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    date: str | None = None
    date_how: str | None = None
    location: Location | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    attributed_to: Span | None = None
    quote: Span | None = None
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    confidence: float | None = None


Record = Mention | CorefCluster | Timex | Quote | Event


@dataclass(slots=True)
class Annotation:
    """A document with every record extracted from it."""

    document: Document
    records: list[Record] = field(default_factory=list)

    def of(self, kind: type) -> list[Any]:
        return [r for r in self.records if isinstance(r, kind)]


# --- FORMAT.md --------------------------------------------------------------------------


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def _tuple(span: Iterable[int] | None) -> Span | None:
    if span is None:
        return None
    start, end = span
    return (int(start), int(end))


def _participant(p: Participant) -> dict[str, Any]:
    return {"name": p.name, "span": _span(p.span), "country": p.country, "sector": p.sector,
            "wikidata": p.wikidata}


def record_to_format(record: Record) -> tuple[str, Any]:
    """The FORMAT.md key and value of one record."""
    if isinstance(record, Mention):
        item: dict[str, Any] = {"span": _span(record.span), "label": record.label,
                                "name": record.name or record.text}
        for key in ("wikidata", "country", "sector"):
            if getattr(record, key) is not None:
                item[key] = getattr(record, key)
        return "entities", item
    if isinstance(record, CorefCluster):
        return "coref", [_span(s) for s in record.spans]
    if isinstance(record, Timex):
        item = {"span": _span(record.span), "type": record.type, "value": record.value, "how": record.how}
        if record.mod:
            item["mod"] = record.mod
        return "timexes", item
    if isinstance(record, Quote):
        return "quotes", {"content": _span(record.span), "kind": record.kind, "cue": _span(record.cue),
                          "speaker": _span(record.speaker), "speaker_name": record.speaker_name,
                          "speaker_wikidata": record.speaker_wikidata}
    if isinstance(record, Event):
        loc = record.location
        return "events", {
            "type": record.type, "mode": record.mode, "trigger": _span(record.span),
            "actor": [_participant(p) for p in record.actor],
            "recipient": [_participant(p) for p in record.recipient],
            "date": record.date, "date_how": record.date_how,
            "location": None if loc is None else {"name": loc.name, "country": loc.country,
                                                  "geonameid": loc.geonameid},
            "negated": record.negated, "hypothetical": record.hypothetical, "future": record.future,
            "attributed_to": _span(record.attributed_to),
        }
    raise TypeError(f"not a record: {record!r}")


FORMAT_KEYS = ("entities", "coref", "timexes", "quotes", "events")


def to_format(document: Document, records: Iterable[Record], keys: Iterable[str] = FORMAT_KEYS) -> dict:
    """A FORMAT.md dict for a document; every key in ``keys`` is present (empty list: none found)."""
    out: dict[str, Any] = {"id": document.id, "text": document.text, "lang": document.lang,
                           "published": document.published}
    if document.source:
        out["source"] = document.source
    wanted = list(keys)
    for key in wanted:
        out[key] = []
    for record in records:
        key, value = record_to_format(record)
        if key in out:
            out[key].append(value)
    return out


def _participant_from(data: dict[str, Any]) -> Participant:
    return Participant(name=data.get("name"), span=_tuple(data.get("span")), country=data.get("country"),
                       sector=data.get("sector"), wikidata=data.get("wikidata"))


def from_format(data: dict[str, Any], extractor: str = "gold", version: str = "0") -> Annotation:
    """Read a FORMAT.md dict back into a document and records (used for gold files and round trips)."""
    doc_id = str(data["id"]) if data.get("id") is not None else content_id(data["text"])
    doc = Document.from_text(data["text"], id=doc_id, lang=data.get("lang"),
                             published=data.get("published"), source=data.get("source"))
    records: list[Record] = list(_records_from(doc.id, data, extractor, version))
    return Annotation(doc, records)


def _records_from(doc_id: str, data: dict[str, Any], extractor: str, version: str) -> Iterator[Record]:
    text = data["text"]
    for e in data.get("entities") or []:
        s = _tuple(e["span"])
        yield Mention(doc_id, s, e["label"], text[s[0]:s[1]], extractor, version, name=e.get("name"),
                      wikidata=e.get("wikidata"), country=e.get("country"), sector=e.get("sector"))
    for cluster in data.get("coref") or []:
        yield CorefCluster(doc_id, [_tuple(s) for s in cluster], extractor, version)
    for t in data.get("timexes") or []:
        yield Timex(doc_id, _tuple(t["span"]), t["type"], t.get("value"), extractor, version, mod=t.get("mod"),
                    how=t.get("how") or "explicit")
    for q in data.get("quotes") or []:
        yield Quote(doc_id, _tuple(q["content"]), q["kind"], extractor, version, cue=_tuple(q.get("cue")),
                    speaker=_tuple(q.get("speaker")), speaker_name=q.get("speaker_name"),
                    speaker_wikidata=q.get("speaker_wikidata"))
    for ev in data.get("events") or []:
        loc = ev.get("location")
        yield Event(doc_id, _tuple(ev.get("trigger")) or (0, 0), ev["type"], extractor, version,
                    mode=ev.get("mode"), actor=[_participant_from(p) for p in ev.get("actor") or []],
                    recipient=[_participant_from(p) for p in ev.get("recipient") or []],
                    date=ev.get("date"), date_how=ev.get("date_how"),
                    location=None if not loc else Location(loc.get("name") or "", loc.get("country"),
                                                           loc.get("geonameid")),
                    negated=bool(ev.get("negated")), hypothetical=bool(ev.get("hypothetical")),
                    future=bool(ev.get("future")), attributed_to=_tuple(ev.get("attributed_to")))
