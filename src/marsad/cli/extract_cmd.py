"""`marsad extract PATH...`: read articles, extract events, write records."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.document import Article
from marsad.export import FORMATS, write_records
from marsad.export.writers import CountryInfo
from marsad.ingest import IngestError, read_inputs
from marsad.kb.registry import Resources, load_resources
from marsad.pipeline import extract
from marsad.record import EventRecord


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("extract", help="extract event records from articles")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="text/HTML/JSONL files, folders, or - for standard input")
    parser.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="publication date for every article (wins over the input's)")
    parser.add_argument("--format", choices=[f for f in FORMATS if f != "acled-csv"],
                        default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    parser.add_argument("--articles", metavar="FILE",
                        help="also write the cleaned articles as JSONL (offsets refer to them)")
    parser.add_argument("--table", action="store_true", help="print a table of the events")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True, width=None if sys.stderr.isatty() else 180)
    resources = load_resources([Path(p) for p in args.kb])
    records: list[EventRecord] = []
    articles: list[Article] = []
    skipped: Counter[str] = Counter()
    for item in read_inputs(args.paths, resources.boilerplate):
        if isinstance(item, IngestError):
            console.print(f"[yellow]skipped[/] {item}", highlight=False)
            skipped[item.problem] += 1
            continue
        if args.published:
            item.published, item.published_source = args.published, "option"
        articles.append(item)
        records.extend(extract(item, resources))
    _write(args, records, resources)
    if args.articles:
        with open(args.articles, "w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article.as_json(), ensure_ascii=False) + "\n")
    if args.table:
        print_table(records, console)
    summary = f"read {len(articles)} article(s), skipped {sum(skipped.values())}"
    if skipped:
        summary += " (" + ", ".join(f"{n}× {why}" for why, n in skipped.items()) + ")"
    console.print(f"{summary}; wrote {len(records)} event(s)", highlight=False)
    return 0 if articles else 1


def _write(args: argparse.Namespace, records: list[EventRecord], resources: Resources) -> None:
    countries = {c.name: CountryInfo(c.numeric, c.region) for c in resources.gazetteer.countries()}
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            write_records(records, args.format, handle, countries)
    else:
        write_records(records, args.format, sys.stdout, countries)


def print_table(records: list[EventRecord], console: Console) -> None:
    table = Table(title=f"{len(records)} events", show_lines=False)
    for column in ("article", "date", "sub-event type", "actor 1", "actor 2", "location",
                   "deaths", "stances"):
        table.add_column(column)
    for r in records:
        stances = ",".join(sorted({s.stance for s in r.sources}))
        table.add_row(", ".join(r.article_ids), r.event_date or "?", r.sub_event_type,
                      r.actor1 or r.actor1_ar or "", r.actor2 or r.actor2_ar or "",
                      f"{r.location or ''} ({r.country or '?'})",
                      "" if r.fatalities is None else str(r.fatalities), stances)
    console.print(table)
