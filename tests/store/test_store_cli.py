"""`marsad ingest / export / events / show` end to end on the fixture reports (SQLite and
PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from marsad.cli.main import main

from .conftest import FIXTURES


@pytest.fixture
def ingested(db_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["ingest", str(FIXTURES / "reports.jsonl"), "--db", db_url, "--no-progress"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "stored 11" in err and "store: 11 article(s)" in err
    return db_url


def test_ingest_twice_stores_nothing_new(ingested: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(FIXTURES / "reports.jsonl"), "--db", ingested,
                 "--no-progress"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "stored 0" in err and "already stored 11" in err


def test_export_formats(ingested: str, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "events.csv"
    assert main(["export", "--db", ingested, "--format", "acled-csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    tuz = [r for r in rows if "tuz-dijla" in r["article_ids"]]
    assert len(tuz) == 1 and tuz[0]["fatalities"] == "4" and tuz[0]["iso"] == "368"
    assert tuz[0]["region"] == "Middle East"
    assert tuz[0]["source"].count("; ") == 2  # three outlets
    assert main(["export", "--db", ingested, "--format", "jsonl", "--country", "Yemen"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["country"] == "Yemen" for line in lines)
    assert main(["export", "--db", ingested, "--format", "geojson",
                 "--event-type", "Protests", "--since", "2024-07-01"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["sub_event_type"] for f in collection["features"]} == {
        "Peaceful protest"}


def test_events_table_and_show(ingested: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", ingested, "--actor", "Islamic State"]) == 0
    table = capsys.readouterr().out
    assert "1 event(s)" in table
    assert main(["export", "--db", ingested, "--actor", "Islamic State"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert main(["show", record["event_id"], "--db", ingested]) == 0
    shown = capsys.readouterr().out
    assert "why the reports were merged" in shown
    assert "within 25 km" in shown and "tuz-mada" in shown
    assert main(["show", "ev_nothing", "--db", ingested]) == 1
    assert "no event 'ev_nothing'" in " ".join(capsys.readouterr().err.split())


def test_reading_a_missing_store_says_so(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    assert main(["events", "--db", str(missing)]) == 2
    assert "no such database file" in " ".join(capsys.readouterr().err.split())
    assert not missing.exists()
