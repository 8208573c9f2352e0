"""The `marsad` command: one subcommand a module, each a thin call into the library."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from marsad import __version__, build_kind
from marsad.cli import (
    evaluate_cmd,
    events_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    kb_cmd,
    run_cmd,
    serve_cmd,
    show_cmd,
)

COMMANDS = (extract_cmd, evaluate_cmd, kb_cmd, ingest_cmd, export_cmd, events_cmd, show_cmd,
            run_cmd, serve_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad", description="ACLED-style conflict events from Arabic news, offline."
    )
    parser.add_argument("--version", action="version",
                        version=f"marsad {__version__} ({build_kind()})")
    parser.add_argument("--kb", action="append", default=[], metavar="DIR",
                        help="extra knowledge-base folder (actors/, places/, lexicon/); wins on "
                             "conflict; may be repeated")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
