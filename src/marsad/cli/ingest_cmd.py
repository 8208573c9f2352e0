"""`marsad ingest PATH... --db URL`: extract events from articles and store them, merged."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from rich.console import Console

from marsad.cli.progress import progress_bar
from marsad.cli.store_options import add_db_option
from marsad.ingest import read_inputs
from marsad.kb.registry import load_resources
from marsad.store import StoreError, open_store
from marsad.store.ingest import IngestSummary, Outcome, count_inputs, ingest


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "ingest", help="extract events from articles into the store, merging across articles")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="text/HTML/JSONL files, folders, or - for standard input")
    add_db_option(parser)
    parser.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="publication date for every article (wins over the input's)")
    parser.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    try:
        store = open_store(args.db)
    except StoreError as exc:
        console.print(f"[red]error[/] {exc}", highlight=False)
        return 2
    resources = load_resources([Path(p) for p in args.kb])
    items = read_inputs(args.paths, resources.boilerplate)
    if args.published:
        items = (_dated(item, args.published) for item in items)
    total = count_inputs(args.paths)
    with store, progress_bar("ingest", console, args.no_progress) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(outcome: Outcome) -> None:
            if outcome.status == "error":
                progress.console.print(f"[yellow]skipped[/] {outcome.message}", highlight=False)
            progress.advance(task)

        try:
            summary = ingest(items, store, resources, on_item=advance)
        except StoreError as exc:
            console.print(f"[red]error[/] {exc}", highlight=False)
            return 2
        counts = store.counts()
    console.print(_summary(summary, counts), highlight=False)
    return 0 if summary.read or not summary.errors else 1


def _dated(item, published: date):  # type: ignore[no-untyped-def]
    if not isinstance(item, Exception):
        item.published, item.published_source = published, "option"
    return item


def _summary(summary: IngestSummary, counts: dict[str, int]) -> str:
    text = (f"read {summary.read} article(s): stored {summary.stored}, updated {summary.updated}, "
            f"already stored {summary.unchanged}, duplicates {summary.duplicates}; "
            f"{summary.events} extracted event(s)")
    if summary.errors:
        text += "; skipped " + ", ".join(f"{n}× {why}" for why, n in summary.errors.items())
    return (text + f"\nstore: {counts['articles']} article(s), {counts['events']} event(s) "
            f"({counts['merged_away']} report(s) merged into others)")
