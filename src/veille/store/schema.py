"""The database schema, derived from the record dataclasses so that a new field is a new column.

A record's main span becomes ``start``/``end`` integer columns (indexed), every other span
``<name>_start``/``<name>_end``; strings, numbers and flags become typed columns; lists and nested
records become JSON.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from veille.records import CorefCluster, Event, Mention, Quote, Timex

__all__ = ["RECORD_TABLES", "SCHEMA_VERSION", "documents", "metadata", "record_columns", "state"]

SCHEMA_VERSION = 1
metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("status", String(16), nullable=False, index=True),
    Column("stage", String(32)),
    Column("reason", Text),
    Column("origin", Text),
    Column("url", Text),
    Column("source", String(200), index=True),
    Column("title", Text),
    Column("author", Text),
    Column("published", String(40), index=True),
    Column("lang", String(8), index=True),
    Column("lang_confidence", Float),
    Column("parent_id", String(64), index=True),
    Column("group_id", String(64), index=True),
    Column("credits", JSON),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("offsets", JSON),
    Column("meta", JSON),
    Column("ingested_at", DateTime(timezone=True)),
)

state = Table(
    "state", metadata,
    Column("key", String(400), primary_key=True),
    Column("value", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True)),
)

SCALARS = {"str": Text, "int": Integer, "float": Float, "bool": Boolean}


def _kind(annotation: str) -> str:
    base = annotation.replace(" | None", "").strip()
    if base == "Span":
        return "span"
    if base in SCALARS:
        return base
    return "json"


def record_columns(cls: type) -> list[tuple[str, str, str]]:
    """(field, kind, column) for each field of a record class, ``span`` kind yielding two columns."""
    out = []
    for f in dataclasses.fields(cls):
        if f.name == "doc_id":
            continue
        kind = _kind(str(f.type))
        if f.name == "spans":  # a cluster's list of spans
            kind = "json"
        out.append((f.name, kind, f.name))
    return out


def _table(name: str, cls: type) -> Table:
    columns: list[Any] = [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    ]
    for field_name, kind, _ in record_columns(cls):
        if kind == "span":
            prefix = "" if field_name == "span" else f"{field_name}_"
            columns += [Column(f"{prefix}start", Integer), Column(f"{prefix}end", Integer)]
        elif kind == "json":
            columns.append(Column(field_name, JSON))
        else:
            columns.append(Column(field_name, SCALARS[kind]))
    return Table(name, metadata, *columns)


RECORD_TABLES: dict[type, Table] = {
    Mention: _table("mentions", Mention),
    CorefCluster: _table("clusters", CorefCluster),
    Timex: _table("timexes", Timex),
    Quote: _table("quotes", Quote),
    Event: _table("events", Event),
}
Index("ix_events_type", RECORD_TABLES[Event].c.type)
Index("ix_events_date", RECORD_TABLES[Event].c.date)
Index("ix_mentions_entity", RECORD_TABLES[Mention].c.entity_id)
