"""The fixture store: SQLite filled by ingesting fixtures/articles.jsonl (short Arabic reports
written for these tests; one holds non-BMP characters before its evidence)."""

from __future__ import annotations

from pathlib import Path

from marsad.ingest import read_inputs
from marsad.kb.registry import Resources
from marsad.store import open_store
from marsad.store.ingest import ingest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles.jsonl"


def build_fixture_db(path: Path, resources: Resources) -> str:
    """Ingest the fixture articles into a new SQLite store at `path`; returns its address."""
    with open_store(str(path)) as store:
        summary = ingest(read_inputs([str(ARTICLES)], resources.boilerplate), store, resources)
    assert summary.stored == 4 and not summary.errors, summary
    return str(path)
