"""`marsad export --db URL --format acled-csv|jsonl|geojson [filters] [-o FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from marsad.cli.store_options import add_db_option, add_filter_options, filters_from, open_existing
from marsad.export import write_records
from marsad.store import StoreError


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("export", help="write the store's merged events to a file")
    add_db_option(parser)
    parser.add_argument("--format", choices=("acled-csv", "jsonl", "geojson"), default="jsonl",
                        help="output format (default: jsonl)")
    add_filter_options(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    try:
        with open_existing(args.db) as store:
            records = store.events(filters_from(args))
            countries = store.countries()
            if args.output:
                Path(args.output).parent.mkdir(parents=True, exist_ok=True)
                with open(args.output, "w", encoding="utf-8", newline="") as handle:
                    count = write_records(records, args.format, handle, countries)
            else:
                count = write_records(records, args.format, sys.stdout, countries)
    except StoreError as exc:
        console.print(f"[red]error[/] {exc}", highlight=False)
        return 2
    console.print(f"exported {count} event(s)", highlight=False)
    return 0
