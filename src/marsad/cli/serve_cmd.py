"""`marsad serve --db URL [--host 127.0.0.1] [--port 8000]`: the API and the dashboard."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from rich.console import Console

from marsad.api.security import is_loopback
from marsad.cli.store_options import add_db_option, open_existing
from marsad.kb.registry import load_resources
from marsad.store import StoreError

log = logging.getLogger(__name__)
TOKEN_VARIABLE = "MARSAD_TOKEN"


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "serve", help="serve the HTTP API and the analysts' dashboard",
        description=f"Serve the API and the dashboard (at /). Writes (POST /articles) need "
                    f"${TOKEN_VARIABLE} to be set and sent as a bearer token; reads are open "
                    "to clients on this machine.")
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--open-reads", action="store_true",
                        help="let clients on other machines read without the token")
    parser.add_argument("--max-body-mb", type=float, default=5.0, metavar="MB",
                        help="largest request body accepted (default: 5)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.api import create_app

    console = Console(stderr=True)
    try:
        store = open_existing(args.db)
    except StoreError as exc:
        console.print(f"[red]error[/] {exc}", highlight=False)
        return 2
    token = os.environ.get(TOKEN_VARIABLE) or None
    console.print("loading the knowledge base…", highlight=False)
    resources = load_resources([Path(p) for p in args.kb])
    app = create_app(store, resources, token, open_reads=args.open_reads,
                     max_body=int(args.max_body_mb * 1024 * 1024))
    if not is_loopback(args.host) and not token and not args.open_reads:
        console.print(f"[yellow]note[/] listening on {args.host} without ${TOKEN_VARIABLE}: "
                      "other machines can neither read nor write", highlight=False)
    writes = "enabled (bearer token)" if token else f"disabled (set ${TOKEN_VARIABLE})"
    host = f"[{args.host}]" if ":" in args.host else args.host
    console.print(f"dashboard: http://{host}:{args.port}/  API docs: http://{host}:{args.port}"
                  f"/docs  writes: {writes}", highlight=False)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        store.close()
    return 0
