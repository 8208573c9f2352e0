"""API fixtures: the fixture store (built once), apps over it, and clients that call from
loopback (reads open) or from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.kb.registry import Resources

from .fixture_db import build_fixture_db

TOKEN = "test-token-123"
LOOPBACK = ("127.0.0.1", 40000)
REMOTE = ("203.0.113.7", 40000)  # TEST-NET-3: never a real client, only a label here


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> str:
    return build_fixture_db(tmp_path_factory.mktemp("api") / "fixture.db", resources)


@pytest.fixture(scope="session")
def app(fixture_db: str, resources: Resources) -> Iterator[FastAPI]:
    """A read-only app over the fixture store (tests must not write through it)."""
    application = create_app(fixture_db, resources, token=TOKEN)
    yield application
    application.state.marsad.store.close()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, client=LOOPBACK) as test_client:
        yield test_client


@pytest.fixture
def fresh_app(tmp_path: Path, resources: Resources) -> Iterator[FastAPI]:
    """An app over an empty store of its own, for writing."""
    application = create_app(str(tmp_path / "fresh.db"), resources, token=TOKEN,
                             max_body=64 * 1024)
    yield application
    application.state.marsad.store.close()


@pytest.fixture
def writer(fresh_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(fresh_app, client=LOOPBACK,
                    headers={"Authorization": f"Bearer {TOKEN}"}) as test_client:
        yield test_client
