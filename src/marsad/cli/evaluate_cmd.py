"""`marsad evaluate --gold DIR [PRED.jsonl]`: detection and full-record scores, per field."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from marsad.evaluation import score
from marsad.ingest.errors import IngestError
from marsad.ingest.folder import read_file
from marsad.kb.registry import load_resources
from marsad.pipeline import extract


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser("evaluate", help="score event records against gold files")
    parser.add_argument("--gold", required=True, type=Path, metavar="DIR",
                        help="folder of gold JSON files (shared/spec/gold-format.md)")
    parser.add_argument("predictions", nargs="?", type=Path, metavar="PRED.jsonl",
                        help="records to score; without it, extraction runs on the gold articles")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures as JSON")
    parser.add_argument("--detail", type=Path, metavar="OUT", help="write per-article pairs")
    parser.add_argument("--save-predictions", type=Path, metavar="OUT",
                        help="write the records extraction produced")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    if args.predictions:
        lines = args.predictions.read_text(encoding="utf-8").splitlines()
        predictions = [json.loads(line) for line in lines if line.strip()]
    else:
        predictions = predict_gold_folder(args.gold, [Path(p) for p in args.kb], console)
        if args.save_predictions:
            args.save_predictions.write_text(
                "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions),
                encoding="utf-8")
    result = score(args.gold, predictions)
    summary = result.summary()
    print_summary(summary, console)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    if args.detail:
        args.detail.write_text(json.dumps(result.detail, indent=1, ensure_ascii=False),
                               encoding="utf-8")
    return 0


def predict_gold_folder(gold_dir: Path, kb_dirs: list[Path], console: Console
                        ) -> list[dict[str, Any]]:
    """Run extraction over each gold file's article with the gold's publication date."""
    resources = load_resources(kb_dirs)
    predictions: list[dict[str, Any]] = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article_path = (gold_path.parent / gold["article"]).resolve()
        for item in read_file(article_path, resources.boilerplate):
            if isinstance(item, IngestError):
                console.print(f"[yellow]skipped[/] {item}", highlight=False)
                continue
            item.id = gold_path.stem
            published = gold.get("published")
            item.published = date.fromisoformat(published) if published else None
            predictions.extend(r.to_dict() for r in extract(item, resources))
    return predictions


def print_summary(summary: dict[str, Any], console: Console) -> None:
    table = Table(title=f"{summary['articles']} articles: tp {summary['tp']}, "
                        f"fp {summary['fp']}, fn {summary['fn']}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in ("detect_precision", "detect_recall", "detect_f1", "full_f1"):
        table.add_row(key, f"{summary[key]:.3f}")
    for key, value in summary["field_accuracy"].items():
        table.add_row(f"field: {key}", f"{value:.3f}")
    console.print(table)
