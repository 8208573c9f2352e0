"""`marsad kb`: list, search and validate the knowledge base; show what a name resolves to."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

from marsad.document import Article, Document
from marsad.ingest import IngestError, read_inputs
from marsad.kb.lexicon import lint_lexicon, load_lexicon
from marsad.kb.model import ValidationReport
from marsad.kb.registry import load_resources
from marsad.kb.unresolved import Unresolved
from marsad.pipeline import process
from marsad.recognise.names import find_names
from marsad.text.normalise import normalise
from marsad.text.tokenise import tokenise

LEXICONS = ("events", "sources", "boilerplate", "dates", "numbers", "locations")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("kb", help="inspect and validate the knowledge base")
    actions = parser.add_subparsers(dest="kb_action", required=True, metavar="ACTION")
    stats = actions.add_parser("stats", help="counts of places and actors")
    stats.add_argument("--format", choices=("table", "json"), default="table",
                       help="output format (default: table)")
    actions.add_parser("validate", help="report duplicate ids, missing coordinates, collisions")
    place = actions.add_parser("place", help="what a place name resolves to, and why")
    place.add_argument("name")
    actor = actions.add_parser("actor", help="what an actor name resolves to, and why")
    actor.add_argument("name")
    search = actions.add_parser("search", help="every entry a text's names match")
    search.add_argument("text")
    unresolved = actions.add_parser(
        "unresolved", help="place and group names in articles that resolve to nothing")
    unresolved.add_argument("paths", nargs="+", metavar="PATH", help="articles to read")
    unresolved.add_argument("--format", choices=("table", "json"), default="table",
                            help="output format")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    resources = load_resources([Path(p) for p in args.kb])
    if args.kb_action == "stats":
        stats = {"places": resources.gazetteer.stats(), "actors": resources.actors.stats()}
        if args.format == "json":
            print(json.dumps(stats, ensure_ascii=False, indent=1))
        else:
            console.print(f"places: {stats['places']['total']}, actors: {stats['actors']['total']}")
            console.print(f"load seconds: {resources.load_seconds}")
        return 0
    if args.kb_action == "validate":
        return _validate(resources, [Path(p) for p in args.kb], console)
    if args.kb_action == "place":
        return _show_places(resources, args.name, console)
    if args.kb_action == "actor":
        return _show_actors(resources, args.name, console)
    if args.kb_action == "unresolved":
        return _unresolved(resources, args.paths, args.format, console)
    return _search(resources, args.text, console)


def _validate(resources, kb_dirs: list[Path], console: Console) -> int:  # type: ignore[no-untyped-def]
    report = ValidationReport()
    for part in (resources.gazetteer.validate(), resources.actors.validate()):
        report.errors.extend(part.errors)
        report.warnings.extend(part.warnings)
    for name in LEXICONS:
        lint_lexicon(name, load_lexicon(name, kb_dirs), report)
    for warning in report.warnings:
        console.print(f"[yellow]warning[/] {warning}", highlight=False)
    for error in report.errors:
        console.print(f"[red]error[/] {error}", highlight=False)
    console.print(f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 0 if report.ok else 1


def _show_places(resources, name: str, console: Console) -> int:  # type: ignore[no-untyped-def]
    candidates = resources.gazetteer.candidates(name)
    if not candidates:
        console.print(f"no place named {name!r}")
        return 1
    for rank, place in enumerate(candidates, start=1):
        console.print(f"{rank}. {place.id} {place.name} ({place.kind}, {place.country_code}, "
                      f"{place.admin1 or '-'}) {place.lat},{place.lon} pop {place.population}",
                      highlight=False)
    console.print("ranked by kind and population; the article's countries re-rank them")
    return 0


def _show_actors(resources, name: str, console: Console) -> int:  # type: ignore[no-untyped-def]
    found = _search(resources, name, console)
    return found


def _search(resources, text: str, console: Console) -> int:  # type: ignore[no-untyped-def]
    document = Document(Article(id="query", text=text))
    document.normalised = normalise(text)
    document.tokens = tokenise(document.normalised)
    mentions = find_names(document, resources.names, resources.locatives,
                                resources.weak_locatives)
    if not mentions:
        console.print(f"nothing in the knowledge base matches {text!r}")
        return 1
    for mention in mentions:
        for key in mention.data["keys"]:
            label = key
            if mention.kind == "actor":
                actor = resources.actors.get(key)
                label = f"{actor.name} (inter {actor.inter}, {actor.country or 'transnational'})"
            elif mention.kind == "place":
                place = resources.gazetteer.get(key)
                label = f"{place.name} ({place.kind}, {place.country_code})"
            where = " (introduced as a place)" if mention.data.get("locative") else ""
            console.print(f"{mention.text!r} -> {mention.kind}: {label}{where}", highlight=False)
    return 0


def _unresolved(resources, paths: list[str], fmt: str, console: Console) -> int:  # type: ignore[no-untyped-def]
    found = Unresolved()
    for item in read_inputs(paths, resources.boilerplate):
        if isinstance(item, IngestError):
            console.print(f"[yellow]skipped[/] {item}", highlight=False)
            continue
        found.add(process(item, resources), resources)
    if fmt == "json":
        print(json.dumps(found.as_json(), ensure_ascii=False, indent=1))
        return 0
    for kind, counts in (("place", found.places), ("actor", found.actors)):
        for name, count in counts.most_common():
            console.print(f"{kind}\t{count}\t{name}", highlight=False)
    return 0
