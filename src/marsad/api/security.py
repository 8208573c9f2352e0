"""Who may read and write, how large a body may be, and which query parameters exist.

- Writes need `Authorization: Bearer $MARSAD_TOKEN`; with no token configured they are refused.
- Reads are open to loopback clients; other clients need the token too, unless the server
  was started with open reads. (Behind a reverse proxy every client looks local: put the
  proxy's own access control in front, or do not use one.)
- A request body larger than the limit is refused with 413 before any handler reads it.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from typing import Any

from fastapi import HTTPException, Request
from fastapi.dependencies.models import Dependant
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.api.state import app_state

BEARER = {"WWW-Authenticate": "Bearer"}


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return host == "localhost"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _token_matches(request: Request, token: str) -> bool:
    given = _bearer(request)
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def require_reader(request: Request) -> None:
    """Dependency of every read endpoint."""
    settings = app_state(request).settings
    if settings.open_reads or is_loopback(request.client.host if request.client else None):
        return
    if settings.token and _token_matches(request, settings.token):
        return
    raise HTTPException(401, "reading from another machine needs `Authorization: Bearer "
                             "<MARSAD_TOKEN>` (or start the server with --open-reads)",
                        headers=BEARER)


def require_writer(request: Request) -> None:
    """Dependency of every write endpoint."""
    token = app_state(request).settings.token
    if not token:
        raise HTTPException(403, "writing is disabled: start the server with MARSAD_TOKEN set")
    if _bearer(request) is None:
        raise HTTPException(401, "writing needs `Authorization: Bearer <MARSAD_TOKEN>`",
                            headers=BEARER)
    if not _token_matches(request, token):
        raise HTTPException(401, "wrong token", headers=BEARER)


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_query(request: Request) -> None:
    """A misspelt filter (`?contry=Iraq`) is an error, not silently ignored."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    names = _query_names(dependant)
    unknown = sorted(set(request.query_params) - names)
    if unknown:
        allowed = ", ".join(sorted(names)) or "none"
        raise HTTPException(400, f"unknown query parameter(s): {', '.join(unknown)} "
                                 f"(this endpoint takes: {allowed})")
    repeated = sorted({k for k in request.query_params if len(request.query_params.getlist(k)) > 1})
    if repeated:
        raise HTTPException(400, f"query parameter(s) given more than once: {', '.join(repeated)}")


class BodyLimit:
    """ASGI middleware: refuse bodies over `limit` bytes with 413, whether or not the
    client declared a Content-Length; the body is buffered (at most `limit` bytes) and
    replayed to the app."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        detail: dict[str, Any] = {"detail": f"request body too large (limit {self.limit} bytes)"}
        payload = json.dumps(detail).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})
