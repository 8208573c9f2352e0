"""`marsad events --db URL [filters]`: a quick table of the store's merged events."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.table import Table

from marsad.cli.store_options import add_db_option, add_filter_options, filters_from, open_existing
from marsad.record import EventRecord
from marsad.store import StoreError


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("events", help="list the store's merged events as a table")
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument("--limit", type=int, default=200, metavar="N",
                        help="show at most N events (default: 200; 0 for all)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    try:
        with open_existing(args.db) as store:
            records = list(store.events(filters_from(args, limit=args.limit or None)))
    except StoreError as exc:
        Console(stderr=True).print(f"[red]error[/] {exc}", highlight=False)
        return 2
    console.print(table(records))
    return 0


def table(records: list[EventRecord]) -> Table:
    view = Table(title=f"{len(records)} event(s)")
    for column in ("event id", "date", "sub-event type", "actor 1", "actor 2", "location",
                   "deaths", "articles"):
        view.add_column(column, justify="right" if column in ("deaths", "articles") else "left")
    for r in records:
        view.add_row(r.event_id, r.event_date or "?", r.sub_event_type,
                     r.actor1 or r.actor1_ar or "", r.actor2 or r.actor2_ar or "",
                     f"{r.location or ''} ({r.country or '?'})",
                     "" if r.fatalities is None else str(r.fatalities), str(len(r.article_ids)))
    return view
