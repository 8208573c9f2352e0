"""`marsad show EVENT_ID --db URL`: one merged event, its reports, and why they were merged."""

from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table

from marsad.cli.store_options import add_db_option, open_existing
from marsad.store import Explanation, StoreError


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("show", help="show one event and why its articles were merged")
    parser.add_argument("event_id", metavar="EVENT_ID",
                        help="an event id; an id merged into another event resolves to it")
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="print the record as JSON only")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    try:
        with open_existing(args.db) as store:
            found = store.explain(args.event_id)
    except StoreError as exc:
        Console(stderr=True).print(f"[red]error[/] {exc}", highlight=False)
        return 2
    if found is None:
        Console(stderr=True).print(f"[red]error[/] {args.db}: no event {args.event_id!r}",
                                   highlight=False)
        return 1
    if args.json:
        print(json.dumps(found.record.to_dict(), ensure_ascii=False, indent=1))
        return 0
    render(found, console)
    return 0


def render(found: Explanation, console: Console) -> None:
    r = found.record
    if found.asked != r.event_id:
        console.print(f"{found.asked} was merged into {r.event_id}", highlight=False)
    console.print(f"[bold]{r.event_id}[/]  {r.event_date or '?'}  {r.sub_event_type} "
                  f"({r.event_type})", highlight=False)
    console.print(r.notes, highlight=False)
    fields = Table(show_header=False, box=None)
    for name in ("actor1", "actor2", "location", "admin2", "country", "latitude", "longitude",
                 "date_earliest", "date_latest", "fatalities", "injuries", "arrests",
                 "confidence", "version"):
        value = getattr(r, name)
        fields.add_row(name, "" if value is None else str(value))
    console.print(fields)
    articles = Table(title=f"{len(found.articles)} article(s)")
    for column in ("article", "outlet", "published", "title"):
        articles.add_column(column)
    for a in found.articles:
        articles.add_row(a.id, a.outlet or "", a.published.isoformat() if a.published else "",
                         (a.title or "")[:80])
    console.print(articles)
    claims = Table(title="claims: who says what")
    for column in ("article", "stance", "source", "figures"):
        claims.add_column(column)
    for c in r.claims:
        claims.add_row(c.article_id, c.stance, c.attribution or "",
                       ", ".join(f"{k} {v}" for k, v in c.figures.items()))
    console.print(claims)
    if not found.links:
        console.print("not merged: one report", highlight=False)
        return
    by_member = dict(found.members)
    merges = Table(title="why the reports were merged")
    for column in ("report", "joined", "rule matched", "place", "km", "days apart"):
        merges.add_column(column)
    for link in found.links:
        merges.add_row(f"{link.merged_id} ({by_member.get(link.merged_id, '?')})",
                       f"{link.partner_id} ({by_member.get(link.partner_id, '?')})",
                       link.rule, link.place_basis,
                       "" if link.distance_km is None else f"{link.distance_km:.1f}",
                       str(link.days_apart))
    console.print(merges)
