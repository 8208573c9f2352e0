"""`marsad run CORPUS... --db URL`: a corpus on a Dask cluster, written to the store."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from rich.console import Console

from marsad.cli.progress import progress_bar
from marsad.cli.store_options import add_db_option
from marsad.kb.registry import load_boilerplate
from marsad.scale import ClusterError, RunSummary, StoreSink, open_client, run_corpus
from marsad.scale.reader import read_raw
from marsad.store import StoreError, open_store
from marsad.store.ingest import Outcome, count_inputs


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "run", help="extract a corpus on a Dask cluster (local worker processes by default) "
                    "into the store; re-running resumes")
    parser.add_argument("paths", nargs="+", metavar="CORPUS",
                        help="JSONL or JSONL.gz corpora, text/HTML files, or folders of them")
    add_db_option(parser)
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="local worker processes, one thread each (default: 2)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="use this running Dask scheduler's workers instead")
    parser.add_argument("--batch-size", type=int, default=256, metavar="K",
                        help="articles a task and a store transaction (default: 256)")
    parser.add_argument("--published", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="publication date for every article (wins over the input's)")
    parser.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    if args.batch_size < 1:
        console.print("[red]error[/] --batch-size must be at least 1", highlight=False)
        return 2
    try:
        store = open_store(args.db)
    except StoreError as exc:
        console.print(f"[red]error[/] {exc}", highlight=False)
        return 2
    items = read_raw(args.paths, load_boilerplate([Path(p) for p in args.kb]))
    with store, progress_bar("run", console, args.no_progress) as progress:
        task = progress.add_task("run", total=count_inputs(args.paths), events=0)

        def advance(outcomes: list[Outcome]) -> None:
            events = 0
            for outcome in outcomes:
                if outcome.status == "error":
                    progress.console.print(f"[yellow]skipped[/] {outcome.message}",
                                           highlight=False)
                events += outcome.events
            fields = progress.tasks[task].fields
            progress.update(task, advance=len(outcomes), events=fields["events"] + events)

        try:
            with open_client(args.workers, args.scheduler, args.kb) as client:
                summary = run_corpus(items, client, StoreSink(store),
                                     batch_size=args.batch_size, published=args.published,
                                     on_outcomes=advance)
        except (StoreError, ClusterError) as exc:
            console.print(f"[red]error[/] {exc}", highlight=False)
            return 2
        counts = store.counts()
    console.print(_summary(summary, counts), highlight=False)
    return 0 if summary.counts.read or not summary.counts.errors else 1


def _summary(summary: RunSummary, counts: dict[str, int]) -> str:
    c = summary.counts
    text = (f"read {c.read} article(s): stored {c.stored}, updated {c.updated}; "
            f"skipped: already stored {c.unchanged}, duplicates {c.duplicates}")
    if c.errors:
        text += ", " + ", ".join(f"{n}× {why}" for why, n in sorted(c.errors.items()))
    text += (f"\n{c.events} extracted event(s); {summary.merged_events} merged event(s) "
             f"written; {summary.seconds:.1f} s, {summary.articles_per_second:.1f} articles/s")
    if summary.workers:
        load = max(w.kb_load_seconds for w in summary.workers)
        peak = max(w.peak_rss_bytes for w in summary.workers) / 2**20
        text += (f"\nworkers: {len(summary.workers)}, knowledge base loaded in {load:.1f} s, "
                 f"peak memory {peak:.0f} MB per worker")
    return (text + f"\nstore: {counts['articles']} article(s), {counts['events']} event(s) "
            f"({counts['merged_away']} report(s) merged into others)")
