"""`marsad serve`: its options, and what it says when the store is missing; the dashboard's
page when `make web` has not been run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.cli.main import build_parser, main

from .conftest import LOOPBACK


def test_serve_options_and_defaults() -> None:
    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.db, args.host, args.port, args.open_reads) == ("x.db", "127.0.0.1", 8000, False)
    args = build_parser().parse_args(["serve", "--db", "x.db", "--host", "0.0.0.0",
                                      "--port", "9000", "--open-reads"])
    assert (args.host, args.port, args.open_reads) == ("0.0.0.0", 9000, True)


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    assert "no such database file" in capsys.readouterr().err


def test_serve_passes_the_token_from_the_environment(
        fixture_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, host: str, port: int, **_: Any) -> None:
        seen.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("MARSAD_TOKEN", "from-env")
    assert main(["serve", "--db", fixture_db, "--port", "8123"]) == 0
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.marsad.settings.token == "from-env"


def test_without_built_assets_the_page_says_to_run_make_web(
        app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import marsad.api.app as app_module

    monkeypatch.setattr(app_module, "WEB", tmp_path)
    response = TestClient(app, client=LOOPBACK).get("/")
    assert response.status_code == 503 and "make web" in response.text

