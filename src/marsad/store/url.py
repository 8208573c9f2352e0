"""`--db` values to SQLAlchemy URLs: a file path or sqlite:/// for SQLite, postgresql:// for
PostgreSQL (through psycopg 3)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from marsad.store.errors import StoreError


def database_url(value: str) -> sa.URL:
    """`marsad.db`, `sqlite:///path`, `postgresql://user@host/db` -> a SQLAlchemy URL."""
    text = value.strip()
    if not text:
        raise StoreError(value, "empty database address")
    if "://" not in text:
        return make_url(f"sqlite:///{Path(text).expanduser()}")
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            text = "postgresql+psycopg://" + text[len(prefix):]
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise StoreError(value, f"not a database address ({exc})") from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(value, "unsupported database; use a SQLite file or postgresql://")
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: sa.URL) -> str:
    """The address without its password, for messages."""
    return url.render_as_string(hide_password=True)
