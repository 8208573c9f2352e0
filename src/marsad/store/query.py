"""Filters over merged events, and what `marsad show` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from marsad.record import EventRecord
from marsad.store import schema as t


@dataclass(frozen=True, slots=True)
class EventFilter:
    """`--since --until` on event_date (inclusive), `--country` (English name),
    `--event-type` (an event type or a sub-event type), `--actor` (part of a name, English or
    Arabic); all case-insensitive."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    limit: int | None = None


def where(f: EventFilter) -> list[Any]:
    c = t.events.c
    conditions: list[Any] = []
    if f.since:
        conditions.append(c.event_date >= f.since)
    if f.until:
        conditions.append(c.event_date <= f.until)
    if f.country:
        conditions.append(sa.func.lower(c.country) == f.country.strip().lower())
    if f.event_type:
        wanted = f.event_type.strip().lower()
        conditions.append(sa.or_(sa.func.lower(c.event_type) == wanted,
                                 sa.func.lower(c.sub_event_type) == wanted))
    if f.actor:
        pattern = f"%{f.actor.strip()}%"
        conditions.append(sa.or_(*(col.ilike(pattern) for col in (
            c.actor1, c.actor2, c.actor1_ar, c.actor2_ar))))
    return conditions


@dataclass(frozen=True, slots=True)
class LinkInfo:
    merged_id: str
    partner_id: str
    rule: str
    place_basis: str
    distance_km: float | None
    days_apart: int

    def explain(self) -> str:
        km = "" if self.distance_km is None else f" ({self.distance_km:.1f} km)"
        days = "same day" if self.days_apart == 0 else f"{self.days_apart} day(s) apart"
        return f"{self.rule}; {self.place_basis}{km}; dates {days}"


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None


@dataclass(slots=True)
class Explanation:
    asked: str
    record: EventRecord
    members: list[tuple[str, str]] = field(default_factory=list)  # (extracted id, article id)
    links: list[LinkInfo] = field(default_factory=list)
    articles: list[ArticleInfo] = field(default_factory=list)
