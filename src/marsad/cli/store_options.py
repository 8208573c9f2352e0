"""Options shared by the store commands: --db and the event filters."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from marsad.store import EventFilter, Store, open_store
from marsad.store.errors import StoreError
from marsad.store.url import database_url

DEFAULT_DB = "marsad.db"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="URL",
                        help="the store: a SQLite file (default: marsad.db), sqlite:///PATH or "
                             "postgresql://USER@HOST/DB")


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="events on or after this date")
    parser.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="events on or before this date")
    parser.add_argument("--country", metavar="NAME", help="English country name, e.g. Iraq")
    parser.add_argument("--event-type", metavar="TYPE",
                        help="an ACLED event type or sub-event type, e.g. Battles or Attack")
    parser.add_argument("--actor", metavar="NAME",
                        help="part of an actor's name, English or Arabic")


def filters_from(args: argparse.Namespace, limit: int | None = None) -> EventFilter:
    return EventFilter(since=args.since, until=args.until, country=args.country,
                       event_type=args.event_type, actor=args.actor, limit=limit)


def open_existing(db: str) -> Store:
    """Open a store that must already exist (reading commands never create one)."""
    url = database_url(db)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
            and not Path(url.database).exists():
        raise StoreError(db, "no such database file (create it with `marsad ingest`)")
    return open_store(db)
