"""The API's request and response bodies (they are also its OpenAPI schema).

`EventOut` is the event record of shared/spec/event-record.md, field for field: the API serves
exactly what the store holds and `marsad export --format jsonl` writes.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Stance = Literal["asserts", "denies", "unconfirmed"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceOut(Strict):
    article_id: str
    outlet: str | None
    attribution: str | None
    attribution_en: str | None
    stance: str


class ClaimOut(Strict):
    article_id: str
    text: str
    stance: str
    attribution: str | None
    start: int
    end: int
    figures: dict[str, int]


class EvidenceOut(Strict):
    article_id: str
    start: int
    end: int


class EventOut(Strict):
    """One merged event, as event-record.md defines it."""

    event_id: str
    article_ids: list[str]
    event_date: str | None
    date_earliest: str | None
    date_latest: str | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    actor1_ar: str | None
    actor2_ar: str | None
    actor1_id: str | None
    actor2_id: str | None
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    inter1: int | None
    inter2: int | None
    interaction: int | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    location_ar: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    injuries: int | None
    arrests: int | None
    sources: list[SourceOut]
    claims: list[ClaimOut]
    evidence: list[EvidenceOut]
    notes: str
    confidence: float
    version: str


class EventPage(Strict):
    total: int = Field(description="events matching the filters, all pages")
    limit: int
    offset: int
    items: list[EventOut]


class SpanOut(Strict):
    """An evidence span or a claim in one article, with offsets in code points (`start`,
    `end`, as stored) and in UTF-16 units (`start_utf16`, `end_utf16`, for JavaScript)."""

    event_id: str
    article_id: str
    kind: Literal["evidence", "claim"]
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    text: str
    stance: str | None = None
    attribution: str | None = None


class ArticleInfoOut(Strict):
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None


class MergeLinkOut(Strict):
    merged_id: str
    partner_id: str
    rule: str
    place_basis: str
    distance_km: float | None
    days_apart: int
    explanation: str


class EventDetail(Strict):
    requested_id: str = Field(description="the id asked for (possibly merged away)")
    event: EventOut
    contested: bool
    members: list[tuple[str, str]] = Field(
        description="(extracted event id, article id) of every report merged into this event")
    merge_links: list[MergeLinkOut]
    articles: list[ArticleInfoOut]
    spans: list[SpanOut]


class EventSummary(Strict):
    event_id: str
    event_date: str | None
    event_type: str
    sub_event_type: str
    location: str | None
    location_ar: str | None


class ArticleOut(Strict):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    text: str = Field(description="the cleaned text that every offset refers to")
    length: int = Field(description="length of `text` in code points")
    length_utf16: int = Field(description="length of `text` in UTF-16 units")
    events: list[EventSummary]
    spans: list[SpanOut]


class ActorOut(Strict):
    id: str
    name: str
    inter: int
    kind: str
    country: str | None
    aliases_ar: list[str]


class ActorPage(Strict):
    total: int
    items: list[ActorOut]


class PlaceOut(Strict):
    id: str
    name: str
    name_ar: str | None
    kind: str
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int


class PlacePage(Strict):
    total: int
    items: list[PlaceOut]


class ArticleIn(Strict):
    """One article to ingest: `text` or `html` (one of them), and its metadata."""

    id: str = Field(min_length=1, max_length=200, pattern=r"\S")
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None


class IngestedArticle(Strict):
    id: str
    status: Literal["stored", "updated", "unchanged", "duplicate"]
    event_ids: list[str] = Field(description="the merged events the article's reports are in")


class IngestResponse(Strict):
    articles: list[IngestedArticle]


class Counts(Strict):
    articles: int
    extracted_events: int
    events: int
    merged_away: int


class StatsOut(Strict):
    counts: Counts
    event_types: dict[str, int]
    sub_event_types: dict[str, int]
    countries: dict[str, int]
    date_min: str | None
    date_max: str | None


class Problem(Strict):
    detail: str
