"""The store: schema, SQLite and PostgreSQL through SQLAlchemy Core, batched writes."""

from veille.store.database import Store

__all__ = ["Store"]
