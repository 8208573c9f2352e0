"""The first schema: articles, extracted events, sources, claims, evidence, merged events.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TABLES = ("merge_links", "event_articles", "event_members", "events", "merge_candidates",
          "evidence", "claims", "sources", "article_events", "articles", "countries")


def _id(name: str, *args: object, **kwargs: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(200), *args, **kwargs)  # type: ignore[arg-type]


def upgrade() -> None:
    op.create_table(
        "articles",
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

    op.create_table(
        "article_events",
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

    op.create_table(
        "sources",
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

    op.create_table(
        "claims",
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

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _id("event_id", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
            nullable=False, index=True),
        _id("article_id", nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
    )

    op.create_table(
        "merge_candidates",
        _id("event_a", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
            primary_key=True),
        _id("event_b", sa.ForeignKey("article_events.event_id", ondelete="CASCADE"),
            primary_key=True, index=True),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("place_basis", sa.Text, nullable=False),
        sa.Column("distance_km", sa.Float),
        sa.Column("days_apart", sa.Integer, nullable=False),
    )

    op.create_table(
        "events",
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

    op.create_table(
        "event_members",
        _id("member_id", primary_key=True),  # an article_events id, kept or merged away
        _id("event_id", nullable=False, index=True),
    )

    op.create_table(
        "event_articles",
        _id("event_id", primary_key=True),
        _id("article_id", primary_key=True, index=True),
    )

    op.create_table(
        "merge_links",
        _id("merged_id", primary_key=True),
        _id("kept_id", nullable=False, index=True),
        _id("partner_id", nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("place_basis", sa.Text, nullable=False),
        sa.Column("distance_km", sa.Float),
        sa.Column("days_apart", sa.Integer, nullable=False),
    )

    op.create_table(
        "countries",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("iso_numeric", sa.Integer),
        sa.Column("region", sa.String(100)),
    )

def downgrade() -> None:
    for name in TABLES:
        op.drop_table(name)
