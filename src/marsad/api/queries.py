"""Read queries the API needs beyond `Store`'s: more filters, free text, a bounding box,
paging, sorting and counts. They read the store's tables (marsad.store.schema) through the
store's own engine and never write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from marsad.record import EventRecord
from marsad.store import Store
from marsad.store import schema as t

SORTS: dict[str, tuple[str, bool]] = {
    "event_date": ("event_date", False),
    "-event_date": ("event_date", True),
    "fatalities": ("fatalities", False),
    "-fatalities": ("fatalities", True),
    "country": ("country", False),
    "-country": ("country", True),
    "event_type": ("event_type", False),
    "-event_type": ("event_type", True),
    "articles": ("n_articles", False),
    "-articles": ("n_articles", True),
}


@dataclass(frozen=True, slots=True)
class BBox:
    """west, south, east, north in degrees; west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != 4:
            raise ValueError("bbox takes four numbers: west,south,east,north")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise ValueError("bbox takes four numbers: west,south,east,north") from None
        if not all(-180 <= v <= 180 for v in (west, east)):
            raise ValueError("bbox longitudes must lie in [-180, 180]")
        if not all(-90 <= v <= 90 for v in (south, north)) or south > north:
            raise ValueError("bbox latitudes must lie in [-90, 90] with south <= north")
        return cls(west, south, east, north)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The filters of `GET /events` and `GET /export`; text filters are case-insensitive."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    bbox: BBox | None = None
    sort: str = "event_date"
    limit: int | None = None
    offset: int = 0


def _like(column: Any, text: str) -> Any:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _same(column: Any, text: str) -> Any:
    return sa.func.lower(column) == text.strip().lower()


def conditions(query: EventQuery) -> list[Any]:
    c = t.events.c
    found: list[Any] = []
    if query.since:
        found.append(c.event_date >= query.since)
    if query.until:
        found.append(c.event_date <= query.until)
    if query.country:
        found.append(_same(c.country, query.country))
    if query.admin1:
        found.append(_same(c.admin1, query.admin1))
    if query.event_type:
        found.append(_same(c.event_type, query.event_type))
    if query.sub_event_type:
        found.append(_same(c.sub_event_type, query.sub_event_type))
    if query.actor and query.actor.strip():
        actor = query.actor.strip()
        found.append(sa.or_(*(_like(col, actor) for col in (
            c.actor1, c.actor2, c.actor1_ar, c.actor2_ar))))
    if query.q and query.q.strip():
        found.append(_free_text(query.q.strip()))
    if query.bbox:
        box = query.bbox
        lon = (c.longitude.between(box.west, box.east) if box.west <= box.east
               else sa.or_(c.longitude >= box.west, c.longitude <= box.east))
        found.append(sa.and_(c.latitude.between(box.south, box.north), lon))
    return found


def _free_text(text: str) -> Any:
    """English or Arabic: names and places of the record, its notes and every other field
    (the record's JSON), and the text of the articles that report it."""
    c, ea, a = t.events.c, t.event_articles.c, t.articles.c
    columns = (c.location, c.admin1, c.admin2, c.country, c.actor1, c.actor2, c.actor1_ar,
               c.actor2_ar, c.event_type, c.sub_event_type, sa.cast(c.record, sa.Text))
    in_articles = sa.exists().where(ea.event_id == c.event_id, ea.article_id == a.id,
                                    _like(a.text, text))
    return sa.or_(*(_like(col, text) for col in columns), in_articles)


def find_events(store: Store, query: EventQuery) -> tuple[int, list[EventRecord]]:
    """(how many events match, the page of them the query asks for)."""
    where = conditions(query)
    column, descending = SORTS[query.sort]
    key = getattr(t.events.c, column)
    order = (key.desc() if descending else key.asc()).nulls_last()
    select = (sa.select(t.events.c.record).where(*where)
              .order_by(order, t.events.c.event_id).offset(query.offset))
    if query.limit is not None:
        select = select.limit(query.limit)
    with store.engine.connect() as conn:
        total = int(conn.scalar(sa.select(sa.func.count()).select_from(t.events).where(*where))
                    or 0)
        records = [EventRecord.from_dict(r) for r in conn.execute(select).scalars()]
    return total, records


def article_row(store: Store, article_id: str) -> Any | None:
    a = t.articles.c
    with store.engine.connect() as conn:
        return conn.execute(sa.select(a.id, a.title, a.outlet, a.url, a.published, a.text)
                            .where(a.id == article_id)).first()


def article_texts(store: Store, article_ids: list[str]) -> dict[str, str]:
    if not article_ids:
        return {}
    a = t.articles.c
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(a.id, a.text).where(a.id.in_(article_ids))).all()
    return {row.id: row.text for row in rows}


def events_of_article(store: Store, article_id: str) -> list[EventRecord]:
    e, ea = t.events.c, t.event_articles.c
    select = (sa.select(e.record).join(t.event_articles, ea.event_id == e.event_id)
              .where(ea.article_id == article_id).order_by(e.event_date, e.event_id))
    with store.engine.connect() as conn:
        return [EventRecord.from_dict(r) for r in conn.execute(select).scalars()]


def stats(store: Store) -> dict[str, Any]:
    c = t.events.c

    def grouped(conn: sa.Connection, column: Any) -> dict[str, int]:
        rows = conn.execute(sa.select(column, sa.func.count()).where(column.is_not(None))
                            .group_by(column).order_by(column)).all()
        return {str(value): int(count) for value, count in rows}

    with store.engine.connect() as conn:
        low, high = conn.execute(sa.select(sa.func.min(c.event_date),
                                           sa.func.max(c.event_date))).one()
        result = {
            "event_types": grouped(conn, c.event_type),
            "sub_event_types": grouped(conn, c.sub_event_type),
            "countries": grouped(conn, c.country),
            "date_min": _iso(low),
            "date_max": _iso(high),
        }
    result["counts"] = store.counts()
    return result


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]
