"""Whether two extracted events are the same happening, and why (shared/spec/merge.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.merge.settings import MergeSettings

EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rule reads of one extracted event."""

    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    earliest: date | None
    latest: date | None
    country: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1_id: str | None
    actor2_id: str | None

    @classmethod
    def from_record(cls, record: dict[str, Any], article_id: str | None = None) -> Facts:
        """From an event record's dict (its first article is the one that extracted it)."""
        earliest = record.get("date_earliest") or record.get("event_date")
        latest = record.get("date_latest") or record.get("event_date")
        return cls(
            event_id=record["event_id"],
            article_id=article_id or record["article_ids"][0],
            event_type=record["event_type"],
            sub_event_type=record["sub_event_type"],
            earliest=date.fromisoformat(earliest) if earliest else None,
            latest=date.fromisoformat(latest) if latest else None,
            country=record.get("country"),
            admin2=record.get("admin2"),
            location=record.get("location"),
            latitude=record.get("latitude"),
            longitude=record.get("longitude"),
            geo_precision=record.get("geo_precision"),
            actor1_id=record.get("actor1_id"),
            actor2_id=record.get("actor2_id"),
        )

    def point(self, settings: MergeSettings) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        if self.geo_precision not in settings.point_precisions:
            return None
        return self.latitude, self.longitude


@dataclass(frozen=True, slots=True)
class Match:
    """Two events the rule accepts (a < b), with the rule and the distances."""

    a: str
    b: str
    rule: str
    place_basis: str
    distance_km: float | None
    days_apart: int

    def sort_key(self, settings: MergeSettings) -> tuple[float, int, str, str]:
        """Closest in place, then in time (merge.md), then by id so that ties are stable."""
        km = settings.max_km if self.distance_km is None else self.distance_km
        return (km, self.days_apart, self.a, self.b)

    def explain(self) -> str:
        km = "" if self.distance_km is None else f", {self.distance_km:.1f} km apart"
        days = "same day" if self.days_apart == 0 else f"{self.days_apart} day(s) apart"
        return f"{self.rule}; {self.place_basis}{km}; dates {days}"


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def type_rule(x: Facts, y: Facts, settings: MergeSettings) -> str | None:
    if x.event_type == y.event_type:
        return f"same event type ({x.event_type})"
    if settings.compatible_subs(x.sub_event_type, y.sub_event_type):
        first, second = sorted((x.sub_event_type, y.sub_event_type))
        return f"compatible sub-event types ({first} / {second})"
    return None


def days_apart(x: Facts, y: Facts) -> int | None:
    """Days between the two date ranges (0 when they overlap); None when either is undated."""
    if x.earliest is None or x.latest is None or y.earliest is None or y.latest is None:
        return None
    return max(0, (max(x.earliest, y.earliest) - min(x.latest, y.latest)).days)


def place_rule(x: Facts, y: Facts, settings: MergeSettings) -> tuple[str, float | None] | None:
    if x.country and y.country and x.country != y.country:
        return None
    px, py = x.point(settings), y.point(settings)
    if px is not None and py is not None:
        km = round(haversine_km(px, py), 2)
        return (f"within {settings.max_km:g} km", km) if km <= settings.max_km else None
    if x.admin2 and x.admin2 == y.admin2:
        return f"same admin2 ({x.admin2})", None
    if (settings.same_coded_location and px is None and py is None and x.location
            and x.location == y.location and x.location != x.country):
        return f"same coded location ({x.location})", None
    return None


def actors_compatible(x: Facts, y: Facts, settings: MergeSettings) -> bool:
    def fits(a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b or settings.is_generic(a) or settings.is_generic(b)

    if fits(x.actor1_id, y.actor1_id) and fits(x.actor2_id, y.actor2_id):
        return True
    # the two sides of one fight may be named in either order, when all four are named
    named = (x.actor1_id, x.actor2_id, y.actor1_id, y.actor2_id)
    return all(named) and fits(x.actor1_id, y.actor2_id) and fits(x.actor2_id, y.actor1_id)


def match(x: Facts, y: Facts, settings: MergeSettings) -> Match | None:
    """The Match when x and y are the same happening under the rule, else None."""
    if x.article_id == y.article_id or x.event_id == y.event_id:
        return None  # one article's events were told apart by the extractor
    rule = type_rule(x, y, settings)
    if rule is None:
        return None
    gap = days_apart(x, y)
    if gap is None:
        if not settings.merge_undated:
            return None
        gap = 0
    if gap > settings.day_tolerance:
        return None
    place = place_rule(x, y, settings)
    if place is None or not actors_compatible(x, y, settings):
        return None
    a, b = sorted((x.event_id, y.event_id))
    return Match(a, b, rule, place[0], place[1], gap)
