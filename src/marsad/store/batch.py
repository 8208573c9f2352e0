"""Batched reads and writes for a corpus run: many articles' status in two queries, and many
articles' writes in one transaction.

`add_batch` does for each article exactly what `Store.add` does (same rows, same merging), in
input order, inside one transaction: a crash loses the batch being written and nothing else,
so a re-run resumes past every batch already committed. An article whose content was stored
earlier in the same run (the same batch, or one written since its status was read) is
reported `unchanged` or `duplicate` and not written, as `marsad ingest` would have skipped it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from marsad.document import Article
from marsad.record import EventRecord
from marsad.store import schema as t
from marsad.store.errors import StoreError
from marsad.store.store import AddResult, Store, content_hash
from marsad.store.write import CHUNK, store_article


def statuses(store: Store, keys: Sequence[tuple[str, str]], version: str) -> list[str]:
    """`Store.status` of each (article id, content hash) pair (new, unchanged, duplicate,
    changed), in two queries a chunk instead of two an article."""
    digests = [digest for _, digest in keys]
    by_hash: dict[str, tuple[str, str]] = {}
    known: set[str] = set()
    with store.engine.connect() as conn:
        for start in range(0, len(keys), CHUNK):
            chunk = digests[start:start + CHUNK]
            for row in conn.execute(sa.select(
                    t.articles.c.content_hash, t.articles.c.id, t.articles.c.version).where(
                    t.articles.c.content_hash.in_(chunk))):
                by_hash[row.content_hash] = (row.id, row.version)
            ids = [article_id for article_id, _ in keys[start:start + CHUNK]]
            known |= set(conn.scalars(sa.select(t.articles.c.id).where(t.articles.c.id.in_(ids))))
    result = []
    for article_id, digest in keys:
        holder = by_hash.get(digest)
        if holder is not None:
            if holder[0] != article_id:
                result.append("duplicate")
            else:
                result.append("unchanged" if holder[1] == version else "changed")
        else:
            result.append("changed" if article_id in known else "new")
    return result


def add_batch(store: Store, items: Sequence[tuple[Article, list[EventRecord]]],
              version: str) -> list[AddResult]:
    """Store every (article, records) pair in one transaction, in order; each result's
    status is `stored`, `updated`, `duplicate` or `unchanged` (nothing written for the last
    two)."""
    results: list[AddResult] = []
    current: Article | None = None
    try:
        with store.engine.begin() as conn:
            for article, records in items:
                current = article
                results.append(_add(conn, store, article, records, version))
    except SQLAlchemyError as exc:
        which = f"article {current.id!r}" if current is not None else "a batch"
        raise StoreError(store.name, f"cannot store {which} ({exc})") from exc
    return results


def _add(conn: sa.Connection, store: Store, article: Article, records: list[EventRecord],
         version: str) -> AddResult:
    """`Store.add` on an open transaction, skipping an article already stored unchanged."""
    status, stored, rewritten = store_article(conn, article, records, version,
                                              content_hash(article), store.settings,
                                              skip_unchanged=True)
    return AddResult(status, stored, rewritten)
