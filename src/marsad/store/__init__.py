"""The event store: SQLite or PostgreSQL behind one interface, with migrations."""

from marsad.store.errors import StoreError
from marsad.store.query import EventFilter, Explanation
from marsad.store.store import AddResult, Store, content_hash, open_store

__all__ = ["AddResult", "EventFilter", "Explanation", "Store", "StoreError", "content_hash",
           "open_store"]
