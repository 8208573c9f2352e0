"""Store tests run on both backends: SQLite in tmp_path, and the PostgreSQL server on
127.0.0.1:5432 (a fresh database for the session, a fresh schema for each test, dropped after).
The PostgreSQL half is skipped only when no server answers."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from marsad.document import Article
from marsad.kb.registry import Resources
from marsad.pipeline import extract
from marsad.record import EventRecord, version_string
from marsad.store import Store, open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PG_HOST = os.environ.get("MARSAD_TEST_PG", "127.0.0.1:5432")
PG_ADMIN_DB = "test"


def load_articles(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            articles.append(Article(id=r["id"], text=r["text"], title=r.get("title"),
                                    outlet=r.get("outlet"),
                                    published=date.fromisoformat(r["published"]),
                                    source=f"{path.name}:{r['id']}"))
    return articles


@pytest.fixture(scope="session")
def reports() -> dict[str, Article]:
    return {a.id: a for a in load_articles(FIXTURES / "reports.jsonl")}


@pytest.fixture(scope="session")
def extracted(reports: dict[str, Article], resources: Resources) -> dict[str, list[EventRecord]]:
    """Each fixture article's records, extracted once for the session."""
    return {article_id: extract(a, resources) for article_id, a in reports.items()}


@pytest.fixture(scope="session")
def version(resources: Resources) -> str:
    return version_string(resources.kb_version)


def _pg_admin() -> sa.Engine | None:
    for user in ("postgres", "root"):
        engine = sa.create_engine(f"postgresql+psycopg://{user}@{PG_HOST}/{PG_ADMIN_DB}",
                                  isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("select 1"))
            return engine
        except sa.exc.OperationalError:
            engine.dispose()
    return None


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str | None]:
    """A fresh PostgreSQL database for this session (None when no server answers)."""
    admin = _pg_admin()
    if admin is None:
        yield None
        return
    name = f"marsad_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    user = admin.url.username
    try:
        yield f"postgresql://{user}@{PG_HOST}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def pg_schema_url(database_url: str) -> str:
    """A fresh schema in the session database, as a URL whose search_path selects it."""
    schema = f"t_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return f"{database_url}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store address on each backend, empty."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    database = request.getfixturevalue("pg_database")
    if database is None:
        pytest.skip(f"no PostgreSQL server answers on {PG_HOST}")
    return pg_schema_url(database)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


def add_all(store: Store, articles: list[Article], extracted: dict[str, list[EventRecord]],
            version: str) -> None:
    for article in articles:
        store.add(article, extracted[article.id], version)


def exported(store: Store) -> list[dict[str, object]]:
    return [r.to_dict() for r in store.events()]
