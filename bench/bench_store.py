"""Ingest throughput into the store, SQLite and PostgreSQL.

Extraction runs once over N synthetic articles (bench/synthetic.py: the fixture reports
recombined over days, so that reports meet and merge); then the records are written into
each backend, one transaction an article, as `marsad ingest` does. It prints the extraction
rate, each backend's writer rate, and the end-to-end ingest rate (extract + store).

usage: python bench/bench_store.py [-n N] [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from marsad.document import Article
from marsad.kb.registry import load_resources
from marsad.pipeline import extract
from marsad.record import version_string
from marsad.store import open_store
from marsad.store.url import database_url

HERE = Path(__file__).resolve().parent


def _articles(count: int) -> list[Article]:
    spec = importlib.util.spec_from_file_location("synthetic", HERE / "synthetic.py")
    assert spec and spec.loader
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    return [Article(id=a["id"], text=a["text"], title=a["title"], outlet=a["outlet"],
                    published=date.fromisoformat(a["published"]))
            for a in synthetic.synthetic_articles(count)]


def _write(db: str, articles: list[Article], records: dict[str, list], version: str
           ) -> tuple[float, dict[str, int]]:
    with open_store(db) as store:
        started = time.perf_counter()
        for article in articles:
            store.add(article, records[article.id], version)
        seconds = time.perf_counter() - started
        return seconds, store.counts()


def _pg_schema(admin_url: str) -> tuple[str, sa.Engine, str]:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(database_url(admin_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    return f"{admin_url}?options=-csearch_path%3D{schema}", engine, schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test",
                        help="PostgreSQL database to create a scratch schema in ('' to skip)")
    args = parser.parse_args()
    resources = load_resources()
    version = version_string(resources.kb_version)
    articles = _articles(args.n)
    started = time.perf_counter()
    records = {a.id: extract(a, resources) for a in articles}
    extract_s = time.perf_counter() - started
    result: dict[str, object] = {"articles": args.n,
                                 "extract_per_s": round(args.n / extract_s, 1)}
    with tempfile.TemporaryDirectory() as folder:
        seconds, counts = _write(str(Path(folder) / "bench.db"), articles, records, version)
    result["sqlite"] = {"store_per_s": round(args.n / seconds, 1),
                        "ingest_per_s": round(args.n / (seconds + extract_s), 1), **counts}
    if args.pg:
        url, admin, schema = _pg_schema(args.pg)
        try:
            seconds, counts = _write(url, articles, records, version)
            result["postgresql"] = {"store_per_s": round(args.n / seconds, 1),
                                    "ingest_per_s": round(args.n / (seconds + extract_s), 1),
                                    **counts}
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
