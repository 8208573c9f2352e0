"""Read endpoints over merged events: list, one event, statistics, export."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from marsad.api.models import EventDetail, EventPage, Problem, StatsOut
from marsad.api.offsets import Utf16Offsets
from marsad.api.queries import BBox, EventQuery, article_texts, find_events, stats
from marsad.api.security import reject_unknown_query, require_reader
from marsad.api.state import AppState, app_state
from marsad.export import write_records
from marsad.record import EventRecord

MAX_PAGE = 5000
DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
BBOX = r"^ *-?[0-9]+(\.[0-9]+)? *(, *-?[0-9]+(\.[0-9]+)? *){3}$"
EXPORT_TYPES = {"acled-csv": ("text/csv; charset=utf-8", "csv"),
                "jsonl": ("application/x-ndjson", "jsonl"),
                "geojson": ("application/geo+json", "geojson")}
PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "a filter that cannot be read"},
    401: {"model": Problem, "description": "a client off this machine gave no valid token"},
}

router = APIRouter(dependencies=[Depends(require_reader), Depends(reject_unknown_query)],
                   responses=PROBLEMS)
Sort = Literal["event_date", "-event_date", "fatalities", "-fatalities", "country", "-country",
               "event_type", "-event_type", "articles", "-articles"]  # the keys of SORTS
Text = Annotated[str | None, Query(max_length=200)]


def event_filters(
    since: Annotated[str | None, Query(pattern=DAY, json_schema_extra={"format": "date"},
                                       description="events on or after (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(pattern=DAY, json_schema_extra={"format": "date"},
                                       description="events on or before (YYYY-MM-DD)")] = None,
    country: Annotated[str | None, Query(max_length=200,
                                         description="English country name, e.g. Iraq")] = None,
    admin1: Annotated[str | None, Query(max_length=200,
                                        description="first-level unit, English name")] = None,
    event_type: Annotated[str | None, Query(max_length=200,
                                            description="ACLED event type")] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200,
                                                description="ACLED sub-event type")] = None,
    actor: Annotated[str | None, Query(max_length=200,
                                       description="part of an actor's name, English or "
                                                   "Arabic")] = None,
    q: Annotated[str | None, Query(max_length=200,
                                   description="free text, English or Arabic: names, places, "
                                               "notes and the reporting articles' text")] = None,
    bbox: Annotated[str | None, Query(max_length=200, pattern=BBOX,
                                      description="west,south,east,north in degrees")] = None,
) -> EventQuery:
    first, last = _day("since", since), _day("until", until)
    if first and last and first > last:
        raise HTTPException(400, f"since ({first}) is after until ({last})")
    box = None
    if bbox is not None:
        try:
            box = BBox.parse(bbox)
        except ValueError as exc:
            raise HTTPException(400, f"bad bbox {bbox!r}: {exc}") from None
    return EventQuery(since=first, until=last, country=country, admin1=admin1,
                      event_type=event_type, sub_event_type=sub_event_type, actor=actor, q=q,
                      bbox=box)


def _day(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a day (YYYY-MM-DD)") from None


Filters = Annotated[EventQuery, Depends(event_filters)]
State = Annotated[AppState, Depends(app_state)]


@router.get("/events", response_model=EventPage, tags=["events"],
            summary="Merged events matching the filters, a page at a time")
def list_events(
    filters: Filters, state: State,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="events to skip")] = 0,
    sort: Annotated[Sort, Query(description="field to sort by; '-' for descending")] = (
        "event_date"),
) -> dict[str, Any]:
    query = replace(filters, limit=limit, offset=offset, sort=sort)
    total, records = find_events(state.store, query)
    return {"total": total, "limit": limit, "offset": offset,
            "items": [r.to_dict() for r in records]}


@router.get("/events/{event_id}", response_model=EventDetail, tags=["events"],
            summary="One event with its sources, claims and evidence spans",
            responses={404: {"model": Problem, "description": "no such event"}})
def get_event(event_id: Annotated[str, Path(max_length=200)], state: State) -> dict[str, Any]:
    explanation = state.store.explain(event_id)
    if explanation is None:
        raise HTTPException(404, f"no event {event_id!r} in the store")
    record = explanation.record
    texts = article_texts(state.store, record.article_ids)
    return {
        "requested_id": event_id,
        "event": record.to_dict(),
        "contested": record.contested,
        "members": explanation.members,
        "merge_links": [{"merged_id": link.merged_id, "partner_id": link.partner_id,
                         "rule": link.rule, "place_basis": link.place_basis,
                         "distance_km": link.distance_km, "days_apart": link.days_apart,
                         "explanation": link.explain()} for link in explanation.links],
        "articles": [{"id": a.id, "title": a.title, "outlet": a.outlet,
                      "published": a.published, "url": a.url} for a in explanation.articles],
        "spans": spans_of([record], texts),
    }


def spans_of(records: list[EventRecord], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Every evidence span and claim of the records whose article text is known, with
    offsets in code points and in UTF-16 units."""
    converters = {article_id: Utf16Offsets(text) for article_id, text in texts.items()}
    spans: list[dict[str, Any]] = []
    for record in records:
        items: list[tuple[str, Any]] = [("evidence", e) for e in record.evidence]
        items += [("claim", c) for c in record.claims]
        for kind, item in items:
            text, utf16 = texts.get(item.article_id), converters.get(item.article_id)
            if text is None or utf16 is None:
                continue
            start = max(0, min(item.start, len(text)))
            end = max(start, min(item.end, len(text)))
            spans.append({
                "event_id": record.event_id, "article_id": item.article_id, "kind": kind,
                "start": start, "end": end, "start_utf16": utf16(start),
                "end_utf16": utf16(end), "text": text[start:end],
                "stance": getattr(item, "stance", None),
                "attribution": getattr(item, "attribution", None)})
    spans.sort(key=lambda s: (s["article_id"], s["start"], s["end"], s["kind"]))
    return spans


@router.get("/stats", response_model=StatsOut, tags=["events"],
            summary="Counts by event type and country, and the dates the store spans")
def get_stats(state: State) -> dict[str, Any]:
    return stats(state.store)


@router.get("/export", tags=["export"], response_class=Response,
            summary="The matching events as ACLED CSV, JSONL or GeoJSON",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {},
                                         "application/geo+json": {}},
                             "description": "the file"}})
def export(
    filters: Filters, state: State,
    format: Annotated[Literal["acled-csv", "jsonl", "geojson"],
                      Query(description="output format")] = "jsonl",
) -> Response:
    _, records = find_events(state.store, filters)
    buffer = io.StringIO()
    countries = state.store.countries() if format == "acled-csv" else None
    write_records(records, format, buffer, countries)
    media_type, suffix = EXPORT_TYPES[format]
    return Response(buffer.getvalue(), media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="marsad-events.{suffix}"'})
