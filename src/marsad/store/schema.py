"""The store's tables as SQLAlchemy Core metadata (the migrations create exactly these).

Raw facts are written once per article and never change: `articles`, `article_events` (each
event as the extractor wrote it), with their `sources`, `claims` and `evidence`, and the
`merge_candidates` (pairs the merge rule accepts). The merged view is derived from them and
rewritten when a new article touches it: `events` (one row per merged event, the full record
as JSON beside the columns the filters read), `event_members` (every extracted event id
resolving to the merged event that holds it), `event_articles` and `merge_links` (why each
merged-away id joined its event).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

metadata = sa.MetaData()

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _id(name: str, *args: object, **kwargs: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(200), *args, **kwargs)  # type: ignore[arg-type]


articles = sa.Table(
    "articles", metadata,
    _id("id", primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("version", sa.String(100), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

article_events = sa.Table(
    "article_events", metadata,
    _id("event_id", primary_key=True),
    _id("article_id", sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False,
        index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("event_type", sa.String(60), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("date_earliest", sa.Date),
    sa.Column("date_latest", sa.Date),
    sa.Column("country", sa.String(100)),
    sa.Column("admin2", sa.String(200)),
    sa.Column("location", sa.String(200)),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("actor1_id", sa.String(200)),
    sa.Column("actor2_id", sa.String(200)),
    _id("component", nullable=False, index=True),
    sa.Column("record", JSONType, nullable=False),
    sa.Index("ix_article_events_type_date", "event_type", "date_earliest"),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _id("event_id", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
        nullable=False, index=True),
    _id("article_id", nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("attribution", sa.Text),
    sa.Column("attribution_en", sa.Text),
    sa.Column("stance", sa.String(20), nullable=False),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _id("event_id", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
        nullable=False, index=True),
    _id("article_id", nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("stance", sa.String(20), nullable=False),
    sa.Column("attribution", sa.Text),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("figures", JSONType, nullable=False),
)

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _id("event_id", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
        nullable=False, index=True),
    _id("article_id", nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
)

merge_candidates = sa.Table(
    "merge_candidates", metadata,
    _id("event_a", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
        primary_key=True),
    _id("event_b", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
        primary_key=True, index=True),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("place_basis", sa.Text, nullable=False),
    sa.Column("distance_km", sa.Float),
    sa.Column("days_apart", sa.Integer, nullable=False),
)

events = sa.Table(
    "events", metadata,
    _id("event_id", primary_key=True),
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("date_earliest", sa.Date),
    sa.Column("date_latest", sa.Date),
    sa.Column("event_type", sa.String(60), nullable=False, index=True),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("country", sa.String(100), index=True),
    sa.Column("admin1", sa.String(200)),
    sa.Column("admin2", sa.String(200)),
    sa.Column("location", sa.String(200)),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("actor1_ar", sa.Text),
    sa.Column("actor2_ar", sa.Text),
    sa.Column("fatalities", sa.Integer),
    sa.Column("n_articles", sa.Integer, nullable=False),
    _id("component", nullable=False, index=True),
    sa.Column("record", JSONType, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

event_members = sa.Table(
    "event_members", metadata,
    _id("member_id", primary_key=True),  # an article_events id, kept or merged away
    _id("event_id", nullable=False, index=True),
)

event_articles = sa.Table(
    "event_articles", metadata,
    _id("event_id", primary_key=True),
    _id("article_id", primary_key=True, index=True),
)

merge_links = sa.Table(
    "merge_links", metadata,
    _id("merged_id", primary_key=True),
    _id("kept_id", nullable=False, index=True),
    _id("partner_id", nullable=False),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("place_basis", sa.Text, nullable=False),
    sa.Column("distance_km", sa.Float),
    sa.Column("days_apart", sa.Integer, nullable=False),
)

countries = sa.Table(
    "countries", metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("iso_numeric", sa.Integer),
    sa.Column("region", sa.String(100)),
)
