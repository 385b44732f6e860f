"""The calls database of `vacancy sync`, `calls` and `changes` (stdlib sqlite3; schema in docs/store.md)."""

from __future__ import annotations

from .schema import SCHEMA_VERSION, database_errors, open_store
from .sync import Event, Sync

__all__ = ["SCHEMA_VERSION", "Event", "Sync", "database_errors", "open_store"]
