"""The event store: one interface over SQLite and PostgreSQL (SQLAlchemy Core)."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from marsad.document import Article
from marsad.export.writers import CountryInfo
from marsad.merge import MergeSettings
from marsad.record import EventRecord
from marsad.store import migrate
from marsad.store import schema as t
from marsad.store.errors import StoreError
from marsad.store.query import ArticleInfo, EventFilter, Explanation, LinkInfo, where
from marsad.store.url import database_url, describe
from marsad.store.write import store_article

log = logging.getLogger(__name__)


def content_hash(article: Article) -> str:
    """What makes two inputs the same article for the store: text, date and outlet."""
    key = json.dumps([article.text, article.published.isoformat() if article.published else None,
                      article.outlet], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class AddResult:
    """What `Store.add` did: `stored`, `updated` (same id, new text or version) or
    `duplicate` (the same content is stored under another id: nothing written)."""

    status: str
    events: int  # extracted events written
    merged_events: int  # merged events (re)written


class Store:
    """Articles, extracted events, and the merged events across articles.

    `open_store(url)` migrates the schema to the latest revision. Each `add` is one
    transaction: a crash loses at most the article being written.
    """

    def __init__(self, engine: sa.Engine, settings: MergeSettings | None = None) -> None:
        self.engine = engine
        self.settings = settings or MergeSettings()
        self.name = describe(engine.url)

    # -- writing -----------------------------------------------------------------------
    def status(self, article: Article, version: str) -> str:
        """`new`, `unchanged` (stored as is), `duplicate` (same content under another id)
        or `changed` (the id is stored with other content or by another version)."""
        digest = content_hash(article)
        with self.engine.connect() as conn:
            by_hash = conn.execute(sa.select(t.articles.c.id, t.articles.c.version).where(
                t.articles.c.content_hash == digest)).first()
            if by_hash is not None:
                if by_hash.id != article.id:
                    return "duplicate"
                return "unchanged" if by_hash.version == version else "changed"
            exists = conn.scalar(sa.select(t.articles.c.id).where(t.articles.c.id == article.id))
        return "changed" if exists else "new"

    def add(self, article: Article, records: list[EventRecord], version: str) -> AddResult:
        """Store an article and its extracted records, and re-merge what they touch."""
        try:
            with self.engine.begin() as conn:
                status, stored, rewritten = store_article(
                    conn, article, records, version, content_hash(article), self.settings,
                    skip_unchanged=False)
        except SQLAlchemyError as exc:
            raise StoreError(self.name, f"cannot store article {article.id!r} ({exc})") from exc
        return AddResult(status, stored, rewritten)

    def set_countries(self, countries: Mapping[str, CountryInfo]) -> None:
        """The ISO codes and ACLED regions the CSV export needs, from the knowledge base."""
        with self.engine.begin() as conn:
            known = set(conn.scalars(sa.select(t.countries.c.name)))
            rows = [dict(name=n, iso_numeric=c.numeric, region=c.region)
                    for n, c in countries.items() if n not in known]
            if rows:
                conn.execute(t.countries.insert(), rows)

    # -- reading -----------------------------------------------------------------------
    def events(self, filters: EventFilter | None = None) -> Iterator[EventRecord]:
        query = sa.select(t.events.c.record).where(*where(filters or EventFilter()))
        query = query.order_by(t.events.c.event_date, t.events.c.event_id)
        if filters and filters.limit:
            query = query.limit(filters.limit)
        with self.engine.connect() as conn:
            for record in conn.execute(query).scalars():
                yield EventRecord.from_dict(record)

    def resolve(self, event_id: str) -> str | None:
        """The merged event an id names now: itself, or the event it was merged into."""
        with self.engine.connect() as conn:
            if conn.scalar(sa.select(t.events.c.event_id).where(t.events.c.event_id == event_id)):
                return event_id
            return conn.scalar(sa.select(t.event_members.c.event_id).where(
                t.event_members.c.member_id == event_id))

    def get(self, event_id: str) -> EventRecord | None:
        kept = self.resolve(event_id)
        if kept is None:
            return None
        with self.engine.connect() as conn:
            record = conn.scalar(sa.select(t.events.c.record).where(t.events.c.event_id == kept))
        return EventRecord.from_dict(record) if record else None

    def explain(self, event_id: str) -> Explanation | None:
        """The merged event, its articles, and why each merged-away report joined it."""
        record = self.get(event_id)
        if record is None:
            return None
        with self.engine.connect() as conn:
            members = conn.execute(sa.select(
                t.event_members.c.member_id, t.article_events.c.article_id).join(
                t.article_events, t.article_events.c.event_id == t.event_members.c.member_id
            ).where(t.event_members.c.event_id == record.event_id).order_by(
                t.event_members.c.member_id)).all()
            links = conn.execute(sa.select(t.merge_links).where(
                t.merge_links.c.kept_id == record.event_id).order_by(
                t.merge_links.c.merged_id)).all()
            articles = conn.execute(sa.select(
                t.articles.c.id, t.articles.c.title, t.articles.c.outlet,
                t.articles.c.published, t.articles.c.url).where(
                t.articles.c.id.in_(record.article_ids)).order_by(t.articles.c.id)).all()
        return Explanation(
            asked=event_id, record=record,
            members=[(m.member_id, m.article_id) for m in members],
            links=[LinkInfo(r.merged_id, r.partner_id, r.rule, r.place_basis, r.distance_km,
                            r.days_apart) for r in links],
            articles=[ArticleInfo(a.id, a.title, a.outlet, a.published, a.url)
                      for a in articles])

    def countries(self) -> dict[str, CountryInfo]:
        with self.engine.connect() as conn:
            return {r.name: CountryInfo(r.iso_numeric, r.region)
                    for r in conn.execute(sa.select(t.countries))}

    def article_text(self, article_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(t.articles.c.text).where(t.articles.c.id == article_id))

    def counts(self) -> dict[str, int]:
        tables = {"articles": t.articles, "extracted_events": t.article_events,
                  "events": t.events, "merged_away": t.merge_links}
        with self.engine.connect() as conn:
            return {name: int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
                    for name, table in tables.items()}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str, settings: MergeSettings | None = None, *, migrate_schema: bool = True,
               echo: bool = False) -> Store:
    """Open (and create or migrate) the store at `db`: a file path, sqlite:/// or postgresql://."""
    url = database_url(db)
    engine = _engine(url, echo)
    try:
        if migrate_schema:
            migrate.upgrade(engine)
        elif migrate.current_revision(engine) != migrate.head_revision():
            raise StoreError(describe(url), "schema is not at the latest revision; run ingest")
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(describe(url), f"cannot open the database ({reason})") from exc
    return Store(engine, settings)


def _engine(url: sa.URL, echo: bool) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            from pathlib import Path

            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, echo=echo)
        _sqlite_pragmas(engine)
        return engine
    return sa.create_engine(url, echo=echo, pool_pre_ping=True)


def _sqlite_pragmas(engine: sa.Engine) -> None:
    """WAL (a killed writer loses only its open transaction), foreign keys, and real BEGINs
    so that a transaction's reads and writes are one unit (SQLAlchemy's pysqlite recipe)."""

    @sa_event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
