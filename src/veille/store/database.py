"""The store: documents and their records in SQLite (default) or PostgreSQL, through SQLAlchemy Core.

    store = Store("sqlite:///veille.db")
    store.write([annotation, ...])      # one transaction per batch
    store.documents(); store.annotation(doc_id)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from veille.errors import ConfigError, StoreError
from veille.records import (
    Annotation,
    CorefCluster,
    Document,
    Event,
    Location,
    OffsetMap,
    Participant,
    Quote,
    Record,
)
from veille.store.schema import RECORD_TABLES, SCHEMA_VERSION, documents, metadata, record_columns, state

__all__ = ["Store", "Story"]

DOCUMENT_FIELDS = ("id", "status", "stage", "reason", "origin", "url", "source", "title", "author", "published",
                   "lang", "lang_confidence", "parent_id", "raw_text", "text")


@dataclasses.dataclass
class Story:
    """One story and every copy of it: stored documents (near-duplicates grouped together) and the
    exact reprints that were skipped, each with its outlet and URL."""

    group_id: str
    documents: list[Document]
    reprints: list[dict[str, str | None]]  # {"url", "source"} of exact copies that were not stored

    @property
    def copies(self) -> int:
        return len(self.documents) + len(self.reprints)

    @property
    def outlets(self) -> list[str]:
        sources = [d.source for d in self.documents] + [r.get("source") for r in self.reprints]
        return list(dict.fromkeys(s for s in sources if s))


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes for the UTC ones written."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _involves(event: Event, country: str) -> bool:
    code = country.upper()
    return any(p.country == code for p in (*event.actor, *event.recipient))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigError(f"not a usable database URL {url!r}: {exc}") from exc
    except ImportError as exc:
        raise ConfigError(f"the driver for {url!r} is not installed ({exc}); for PostgreSQL: "
                          "pip install 'veille[postgres]' and use postgresql+psycopg://...") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _record_row(record: Record, doc_id: str) -> dict[str, Any]:
    row: dict[str, Any] = {"doc_id": doc_id}
    for name, kind, _ in record_columns(type(record)):
        value = getattr(record, name)
        if kind == "span":
            prefix = "" if name == "span" else f"{name}_"
            row[f"{prefix}start"], row[f"{prefix}end"] = value if value is not None else (None, None)
        elif kind == "json":
            row[name] = _jsonable(value)
        else:
            row[name] = value
    return row


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _span(start: Any, end: Any) -> tuple[int, int] | None:
    return None if start is None else (int(start), int(end))


def _record_from_row(cls: type, row: Any) -> Record:
    values: dict[str, Any] = {"doc_id": row.doc_id}
    for name, kind, _ in record_columns(cls):
        if kind == "span":
            prefix = "" if name == "span" else f"{name}_"
            values[name] = _span(row._mapping[f"{prefix}start"], row._mapping[f"{prefix}end"])
        else:
            values[name] = row._mapping[name]
    if cls is CorefCluster:
        values["spans"] = [tuple(s) for s in values["spans"] or []]
    if cls is Event:
        values["actor"] = [Participant(**_participant(p)) for p in values["actor"] or []]
        values["recipient"] = [Participant(**_participant(p)) for p in values["recipient"] or []]
        values["location"] = Location(**values["location"]) if values["location"] else None
    return cls(**values)


def _participant(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    if data.get("span") is not None:
        data["span"] = tuple(data["span"])
    return data


class Store:
    """Documents and records in one database; every write of a batch is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        try:
            metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                if self._get_state(conn, "schema") is None:
                    self._set_state(conn, "schema", {"version": SCHEMA_VERSION})
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the database {self.safe_url}: {exc.__class__.__name__}: {exc}") from exc

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # --- writing ---------------------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> dict[str, tuple[str, str | None, str | None]]:
        """(status, stage, reason) of those of these document ids that are stored already."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, tuple[str, str | None, str | None]] = {}
        columns = (documents.c.id, documents.c.status, documents.c.stage, documents.c.reason)
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                query = select(*columns).where(documents.c.id.in_(wanted[i:i + 500]))
                found.update((row.id, (row.status, row.stage, row.reason)) for row in conn.execute(query))
        return found

    def write(self, annotations: Iterable[Annotation]) -> int:
        """Store documents with their records, skipping ids already stored; returns how many were added."""
        batch = list(annotations)
        if not batch:
            return 0
        try:
            with self.engine.begin() as conn:
                present = set(conn.execute(
                    select(documents.c.id).where(documents.c.id.in_([a.document.id for a in batch]))).scalars())
                now = datetime.now(UTC)
                added: set[str] = set()
                doc_rows, record_rows = [], {table: [] for table in RECORD_TABLES.values()}
                for annotation in batch:
                    doc = annotation.document
                    if doc.id in present or doc.id in added:
                        continue
                    added.add(doc.id)
                    doc_rows.append(self._document_row(doc, now))
                    for record in annotation.records:
                        if isinstance(record, CorefCluster) and len(record.spans) < 2:
                            continue  # an entity mentioned once: a mention for scoring, no link to keep
                        record_rows[RECORD_TABLES[type(record)]].append(_record_row(record, doc.id))
                if doc_rows:
                    conn.execute(documents.insert(), doc_rows)
                for table, rows in record_rows.items():
                    if rows:
                        conn.execute(table.insert(), rows)
        except SQLAlchemyError as exc:
            raise StoreError(f"write to {self.safe_url} failed: {exc.__class__.__name__}: {exc}") from exc
        return len(added)

    @staticmethod
    def _document_row(doc: Document, now: datetime) -> dict[str, Any]:
        row = {name: getattr(doc, name) for name in DOCUMENT_FIELDS}
        row.update(credits=list(doc.credits), offsets=doc.offsets.to_json(), meta=dict(doc.meta),
                   group_id=doc.meta.get("group_id"), ingested_at=now)
        return row

    # --- reading ---------------------------------------------------------------------------

    def count(self, status: str | None = None) -> int:
        query = select(func.count()).select_from(documents)
        if status:
            query = query.where(documents.c.status == status)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def documents(self, status: str | None = None, limit: int | None = None) -> list[Document]:
        query = select(documents).order_by(documents.c.ingested_at, documents.c.id)
        if status:
            query = query.where(documents.c.status == status)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [self._document(row) for row in conn.execute(query)]

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or the only one whose id starts with it."""
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(documents).where(documents.c.id.startswith(doc_id)).limit(2)))
        exact = [r for r in rows if r.id == doc_id]
        if exact or len(rows) == 1:
            return self._document((exact or rows)[0])
        return None

    def records(self, doc_id: str) -> list[Record]:
        out: list[Record] = []
        with self.engine.connect() as conn:
            for cls, table in RECORD_TABLES.items():
                query = select(table).where(table.c.doc_id == doc_id).order_by(table.c.id)
                out.extend(_record_from_row(cls, row) for row in conn.execute(query))
        return out

    def annotation(self, doc_id: str) -> Annotation | None:
        doc = self.document(doc_id)
        return None if doc is None else Annotation(doc, self.records(doc.id))

    def stories(self, min_copies: int = 2, limit: int | None = None) -> list[Story]:
        """Stories published more than once (near-duplicates and exact reprints), most copies first."""
        t = documents.c
        query = select(documents).where(t.status == "ok", t.group_id.is_not(None)).order_by(t.ingested_at, t.id)
        groups: dict[str, list[Document]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                groups.setdefault(row.group_id, []).append(self._document(row))
            reprints = {key.removeprefix("copies:"): (value or {}).get("copies", [])
                        for key, value in conn.execute(select(state.c.key, state.c.value)
                                                       .where(state.c.key.startswith("copies:")))}
        found = [Story(group, docs, reprints.get(group, [])) for group, docs in groups.items()]
        found = sorted((s for s in found if s.copies >= min_copies), key=lambda s: -s.copies)
        return found[:limit] if limit else found

    def last_stored(self) -> tuple[datetime, str] | None:
        """(when, id) of the latest document stored, the cursor for ``documents_since``; None when empty."""
        t = documents.c
        with self.engine.connect() as conn:
            row = conn.execute(select(t.ingested_at, t.id).order_by(t.ingested_at.desc(), t.id.desc())
                               .limit(1)).first()
        return (_aware(row.ingested_at), row.id) if row else None

    def documents_since(self, after: tuple[datetime, str] | None,
                        limit: int = 100) -> list[tuple[tuple[datetime, str], Document]]:
        """Documents stored after the cursor ``after`` (all when None), oldest first, each with its cursor."""
        t = documents.c
        query = select(documents).order_by(t.ingested_at, t.id).limit(limit)
        if after is not None:
            moment, doc_id = after
            query = query.where((t.ingested_at > moment) | ((t.ingested_at == moment) & (t.id > doc_id)))
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
        return [((_aware(row.ingested_at), row.id), self._document(row)) for row in rows]

    def events(self, type: str | None = None, since: str | None = None, until: str | None = None,
               country: str | None = None, limit: int = 100, offset: int = 0) -> list[tuple[Document, Event]]:
        """Stored events, newest documents first, with their documents. ``since``/``until`` compare the
        event's own date (TIMEX3 value, so ``2024`` or ``2024-06`` bound by prefix); ``country`` keeps
        events with an actor or recipient of that country."""
        table = RECORD_TABLES[Event]
        query = (select(table).join(documents, documents.c.id == table.c.doc_id)
                 .order_by(documents.c.published.desc(), table.c.doc_id, table.c.start))
        if type:
            query = query.where(table.c.type == type.upper())
        if since:
            query = query.where(table.c.date >= since)
        if until:
            query = query.where(table.c.date < until[:-1] + chr(ord(until[-1]) + 1))  # 2024-06 takes June
        return self._with_documents(Event, query, limit, offset,
                                    keep=(lambda e: _involves(e, country)) if country else None)

    def quotes(self, speaker: str | None = None, limit: int = 100, offset: int = 0) -> list[tuple[Document, Quote]]:
        """Stored quotes with their documents; ``speaker`` matches part of the speaker's name."""
        table = RECORD_TABLES[Quote]
        query = (select(table).join(documents, documents.c.id == table.c.doc_id)
                 .order_by(documents.c.published.desc(), table.c.doc_id, table.c.start))
        if speaker:
            query = query.where(func.lower(table.c.speaker_name).contains(speaker.lower()))
        return self._with_documents(Quote, query, limit, offset)

    def _with_documents(self, cls: type, query: Any, limit: int, offset: int,
                        keep: Any = None) -> list[tuple[Document, Any]]:
        found: list[Any] = []
        with self.engine.connect() as conn:
            if keep is None:
                found = [_record_from_row(cls, row) for row in conn.execute(query.limit(limit).offset(offset))]
            else:  # a filter over JSON columns, applied here so that SQLite and PostgreSQL agree
                skipped = 0
                for row in conn.execute(query):
                    record = _record_from_row(cls, row)
                    if not keep(record):
                        continue
                    if skipped < offset:
                        skipped += 1
                        continue
                    found.append(record)
                    if len(found) >= limit:
                        break
            ids = sorted({r.doc_id for r in found})
            docs = {row.id: self._document(row)
                    for row in conn.execute(select(documents).where(documents.c.id.in_(ids)))} if ids else {}
        return [(docs[r.doc_id], r) for r in found]

    def record_counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                    for table in RECORD_TABLES.values()}

    @staticmethod
    def _document(row: Any) -> Document:
        m = row._mapping
        doc = Document(**{name: m[name] for name in DOCUMENT_FIELDS})
        doc.credits = list(m["credits"] or [])
        doc.offsets = OffsetMap.from_json(m["offsets"])
        doc.meta = dict(m["meta"] or {})
        return doc

    # --- state (feeds, watchers) -----------------------------------------------------------

    def get_state(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return self._get_state(conn, key)

    def set_state(self, key: str, value: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            self._set_state(conn, key, value)

    @staticmethod
    def _get_state(conn: Connection, key: str) -> dict[str, Any] | None:
        return conn.execute(select(state.c.value).where(state.c.key == key)).scalar_one_or_none()

    @staticmethod
    def _set_state(conn: Connection, key: str, value: dict[str, Any]) -> None:
        now = datetime.now(UTC)
        updated = conn.execute(state.update().where(state.c.key == key).values(value=value, updated_at=now))
        if updated.rowcount == 0:
            conn.execute(state.insert().values(key=key, value=value, updated_at=now))

    def iter_documents(self, batch: int = 500) -> Iterator[Document]:
        """Every stored document, in ingestion order, read in pages."""
        offset = 0
        while True:
            query = select(documents).order_by(documents.c.ingested_at, documents.c.id).offset(offset).limit(batch)
            with self.engine.connect() as conn:
                rows = list(conn.execute(query))
            if not rows:
                return
            yield from (self._document(row) for row in rows)
            offset += batch
