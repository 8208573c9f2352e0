"""Articles: read one with its events' spans; ingest one (JSON) or a batch (JSONL).

An ingest request is checked whole before anything is written: every line must be JSON,
carry only known fields, and yield an Arabic article; then every article is extracted; only
then is each written, each in its own transaction (the store's `add`). A bad request writes
nothing; a store failure part-way leaves whole articles only, and the error says which.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from marsad.api.events import PROBLEMS, spans_of
from marsad.api.models import ArticleIn, ArticleOut, IngestResponse, Problem
from marsad.api.offsets import Utf16Offsets
from marsad.api.queries import article_row, events_of_article
from marsad.api.security import reject_unknown_query, require_reader, require_writer
from marsad.api.state import AppState, app_state
from marsad.document import Article
from marsad.export.writers import CountryInfo
from marsad.ingest import IngestError
from marsad.ingest.jsonl import parse_record
from marsad.pipeline import extract
from marsad.record import EventRecord, version_string
from marsad.store import StoreError

MAX_BATCH = 1000
JSON_TYPES = ("application/json",)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines",
               "application/jsonlines")

read_router = APIRouter(dependencies=[Depends(require_reader), Depends(reject_unknown_query)],
                        responses=PROBLEMS)
write_router = APIRouter(dependencies=[Depends(require_writer), Depends(reject_unknown_query)])
State = Annotated[AppState, Depends(app_state)]


@read_router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"],
                 summary="An article's cleaned text with its events and their spans",
                 responses={404: {"model": Problem, "description": "no such article"}})
def get_article(article_id: Annotated[str, Path(max_length=200)],
                state: State) -> dict[str, Any]:
    row = article_row(state.store, article_id)
    if row is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    records = events_of_article(state.store, article_id)
    spans = [s for s in spans_of(records, {row.id: row.text}) if s["article_id"] == row.id]
    return {
        "id": row.id, "title": row.title, "outlet": row.outlet, "url": row.url,
        "published": row.published, "text": row.text, "length": len(row.text),
        "length_utf16": Utf16Offsets(row.text).utf16_length,
        "events": [{"event_id": r.event_id, "event_date": r.event_date,
                    "event_type": r.event_type, "sub_event_type": r.sub_event_type,
                    "location": r.location, "location_ar": r.location_ar} for r in records],
        "spans": spans,
    }


BODY_DOC = {
    "security": [{"bearer": []}],
    "requestBody": {
        "required": True,
        "description": "one article as a JSON object, or a batch as JSONL (one object a "
                       "line). Fields: id, and text or html; optional title, outlet, url, "
                       "published (YYYY-MM-DD). Unknown fields are refused.",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ArticleIn"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    },
}
WRITE_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": why} for code, why in (
        (400, "not UTF-8, not JSON, or an empty batch"),
        (401, "no token, or the wrong one"),
        (403, "the server has no MARSAD_TOKEN: writing is disabled"),
        (413, "body over the size limit, or too many articles"),
        (415, "neither JSON nor JSONL"),
        (422, "a field unknown, missing or wrong, or text that is not Arabic"),
        (503, "the store failed; the message says which articles were written"),
    )
}


@write_router.post("/articles", response_model=IngestResponse, tags=["articles"],
                   summary="Extract events from one article or a JSONL batch, and store them",
                   openapi_extra=BODY_DOC, responses=WRITE_PROBLEMS)
async def post_articles(request: Request, state: State) -> dict[str, Any]:
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind not in JSON_TYPES + JSONL_TYPES:
        raise HTTPException(415, "send one article as application/json or a batch as "
                                 "application/x-ndjson (JSONL)")
    body = await request.body()
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the body is not UTF-8 (byte {exc.start})") from None
    lines = [(1, text)] if kind in JSON_TYPES else [
        (n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines or not text.strip():
        raise HTTPException(400, "the body holds no article")
    if len(lines) > MAX_BATCH:
        raise HTTPException(413, f"{len(lines)} articles in one request (limit {MAX_BATCH})")
    return await run_in_threadpool(_ingest, state, lines, kind in JSONL_TYPES)


def _ingest(state: AppState, lines: list[tuple[int, str]], batch: bool) -> dict[str, Any]:
    resources = state.resources
    articles = [_parse(number, line, batch, state) for number, line in lines]
    seen: dict[str, int] = {}
    for (number, _), article in zip(lines, articles, strict=True):
        if article.id in seen:
            raise HTTPException(422, f"line {number}: article id {article.id!r} repeats "
                                     f"line {seen[article.id]}")
        seen[article.id] = number
    version = version_string(resources.kb_version)
    with state.write_lock:
        planned = [_plan(state, article, version) for article in articles]
        _remember_countries(state)
        done: list[dict[str, Any]] = []
        for plan in planned:
            try:
                done.append(_write(state, plan, version))
            except StoreError as exc:
                written = ", ".join(d["id"] for d in done) or "none"
                raise HTTPException(503, f"article {plan.article.id!r} was not stored ({exc}); "
                                         f"articles written before it: {written}") from None
    return {"articles": done}


def _parse(number: int, line: str, batch: bool, state: AppState) -> Article:
    where = f"line {number}: " if batch else ""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise HTTPException(400, f"{where}invalid JSON ({exc.msg} at column {exc.colno})"
                            ) from None
    if not isinstance(data, dict):
        raise HTTPException(422, f"{where}an article must be a JSON object")
    try:
        checked = ArticleIn.model_validate(data)
    except ValidationError as exc:
        raise HTTPException(422, where + _explain(exc)) from None
    try:
        return parse_record(checked.model_dump(), f"line {number}", state.resources.boilerplate)
    except IngestError as exc:
        raise HTTPException(422, f"{where}{exc.problem}") from None


def _explain(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "body"
        if error["type"] == "extra_forbidden":
            problems.append(f"unknown field {field!r}")
        else:
            problems.append(f"field {field!r}: {error['msg']}")
    return "; ".join(problems)


@dataclass
class _Plan:
    article: Article
    status: str  # new, changed, unchanged, duplicate
    records: list[EventRecord]


def _plan(state: AppState, article: Article, version: str) -> _Plan:
    status = state.store.status(article, version)
    if status in ("unchanged", "duplicate"):
        return _Plan(article, status, [])
    return _Plan(article, status, extract(article, state.resources))


def _write(state: AppState, plan: _Plan, version: str) -> dict[str, Any]:
    store = state.store
    if plan.status == "unchanged":
        ids = [r.event_id for r in events_of_article(store, plan.article.id)]
        return {"id": plan.article.id, "status": "unchanged", "event_ids": ids}
    if plan.status == "duplicate":
        return {"id": plan.article.id, "status": "duplicate", "event_ids": []}
    result = store.add(plan.article, plan.records, version)
    ids = sorted({kept for r in plan.records if (kept := store.resolve(r.event_id))})
    return {"id": plan.article.id, "status": result.status, "event_ids": ids}


def _remember_countries(state: AppState) -> None:
    """The ISO codes and regions the CSV export needs (as `marsad ingest` does)."""
    state.store.set_countries({c.name: CountryInfo(c.numeric, c.region)
                               for c in state.resources.gazetteer.countries()})
