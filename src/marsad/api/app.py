"""The FastAPI application: the API under its paths, the dashboard at `/`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.api import articles, events, kb
from marsad.api.models import ArticleIn
from marsad.api.security import BodyLimit
from marsad.api.state import DEFAULT_MAX_BODY, AppState, Settings
from marsad.kb.registry import Resources
from marsad.store import Store, open_store

WEB = Path(__file__).resolve().parent.parent / "web" / "static"
VENDOR_CHECK = ("vendor/leaflet/leaflet.js", "vendor/world-atlas/countries-50m.json")
DESCRIPTION = """\
Events read from Arabic news, coded as ACLED codes them (shared/spec/event-record.md).

Reads are open to clients on this machine; writes need `Authorization: Bearer <MARSAD_TOKEN>`.
Offsets (`start`, `end`) count Unicode code points into an article's cleaned text;
`start_utf16`, `end_utf16` count UTF-16 units, as JavaScript strings do.
"""


def create_app(db: str | Store, resources: Resources | None = None, token: str | None = None,
               *, open_reads: bool = False, max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app over the store `db` (an address, or an open Store the caller closes).

    `resources` (the knowledge base) is loaded on first use when not given; `token` enables
    the write endpoints (the `marsad serve` command passes $MARSAD_TOKEN).
    """
    owned = not isinstance(db, Store)
    store = open_store(db) if isinstance(db, str) else db
    state = AppState(store=store, settings=Settings(token=token or None, open_reads=open_reads,
                                                    max_body=max_body))
    if resources is not None:
        state.resources = resources

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            store.close()

    # the stock /docs pages load their scripts from a CDN: ours serve them from the package
    app = FastAPI(title="marsad", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.marsad = state
    app.add_middleware(BodyLimit, limit=max_body)
    for router in (events.router, articles.read_router, articles.write_router, kb.router):
        app.include_router(router)
    _dashboard(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version,
                                 description=app.description, routes=app.routes)
            components = schema.setdefault("components", {})
            components.setdefault("securitySchemes", {})["bearer"] = {
                "type": "http", "scheme": "bearer",
                "description": "the server's MARSAD_TOKEN (writes; reads from other machines)"}
            schemas = components.setdefault("schemas", {})
            schemas["ArticleIn"] = ArticleIn.model_json_schema(
                ref_template="#/components/schemas/{model}")
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _dashboard(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB, check_dir=False), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        missing = [name for name in VENDOR_CHECK if not (WEB / name).exists()]
        if missing:
            return HTMLResponse(
                "<h1>marsad</h1><p>The dashboard's front-end libraries are not installed "
                f"(missing: {', '.join(missing)}). Run <code>make web</code> in the project "
                "folder (it runs npm and copies them into the package), then reload. The API "
                "works without them: see <a href='/docs'>/docs</a>.</p>", status_code=503)
        return FileResponse(WEB / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        if not (WEB / "vendor/swagger-ui/swagger-ui-bundle.js").exists():
            return HTMLResponse("<p>API documentation needs <code>make web</code>; the spec "
                                "itself is at <a href='/openapi.json'>/openapi.json</a>.</p>",
                                status_code=503)
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="marsad API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}
