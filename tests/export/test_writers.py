"""Exports: ACLED's CSV columns, GeoJSON points, JSONL lines."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from marsad.export.writers import (
    EXTENSION_COLUMNS,
    CountryInfo,
    geojson,
    to_text,
    write_csv,
    write_geojson,
    write_jsonl,
    write_records,
)
from marsad.record import Claim, EventRecord, Evidence, SourceRef, make_event_id

# ACLED's export columns, in ACLED's order (shared/spec/event-record.md).
ACLED_31 = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]


def attack() -> EventRecord:
    return EventRecord(
        event_id=make_event_id("a1", 0), article_ids=["a1", "a2"],
        event_date="2022-09-18", date_earliest="2022-09-18", date_latest="2022-09-18",
        time_precision=1, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        actor1="Unidentified Armed Group (Syria)", actor1_ar="مجهولون",
        actor2="Civilians (Syria)", actor2_ar="مدنيين", inter1=3, inter2=7, interaction=37,
        country="Syria", admin1="Dar'a", admin2="Dar'a", location="Tafas", location_ar="طفس",
        latitude=32.74, longitude=36.07, geo_precision=1, fatalities=2, injuries=5,
        sources=[SourceRef("a1", "وكالة ب", "مصدر محلي", "a local source", "asserts"),
                 SourceRef("a2", "وكالة أ", None, None, "denies")],
        claims=[Claim("a1", "قتل مدنيان", "asserts", "مصدر محلي", 0, 10, {"fatalities": 2})],
        evidence=[Evidence("a1", 0, 10)],
        notes="An IED killed 2 civilians in Tafas, \"Daraa\"; 5 injured.",
        confidence=0.7, version="marsad 0.1.0; kb test",
    )


def unplaced() -> EventRecord:
    return EventRecord(
        event_id=make_event_id("a3", 1), article_ids=["a3"], event_date=None,
        date_earliest=None, date_latest=None, time_precision=None,
        disorder_type="Demonstrations", event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Iraq)", inter1=6, interaction=60, country="Iraq",
        notes="Protesters demonstrated.", confidence=0.4, version="marsad 0.1.0; kb test",
    )


def csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def test_csv_header_is_acled_then_extensions() -> None:
    out = io.StringIO()
    assert write_csv([], out) == 0
    header, rows = csv_rows(out.getvalue())
    assert header[:31] == ACLED_31
    assert header[31:] == list(EXTENSION_COLUMNS)
    assert rows == []
    assert len(set(header)) == len(header)


def test_csv_row_values() -> None:
    out = io.StringIO()
    before = int(time.time())
    countries = {"Syria": CountryInfo(760, "Middle East"), "Iraq": CountryInfo(368, "Middle East")}
    assert write_csv([attack(), unplaced()], out, countries) == 2
    _, (row, other) = csv_rows(out.getvalue())
    record = attack()
    assert row["event_id_cnty"] == row["event_id"] == record.event_id
    assert row["event_date"] == "2022-09-18" and row["year"] == "2022"
    assert row["iso"] == "760" and row["region"] == "Middle East"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["source"] == "وكالة أ; وكالة ب"
    assert row["fatalities"] == "2" and row["interaction"] == "37"
    assert row["notes"] == record.notes  # quoting survives commas, quotes and semicolons
    assert row["location"] == "Tafas" and row["location_ar"] == "طفس"
    assert row["article_ids"] == "a1; a2"
    assert row["contested"] == "True"
    assert before <= int(row["timestamp"]) <= int(time.time())
    assert row["tags"] == "" and row["source_scale"] == ""
    # nulls are empty cells, never "None"
    assert other["event_date"] == other["year"] == other["latitude"] == other["fatalities"] == ""
    assert other["civilian_targeting"] == ""
    assert other["interaction"] == "60"
    assert "None" not in out.getvalue()


def test_csv_without_country_info() -> None:
    _, (row,) = csv_rows(to_text([attack()], "csv"))
    assert row["iso"] == "" and row["region"] == ""
    assert row["country"] == "Syria"


def test_acled_csv_is_the_csv() -> None:
    first = to_text([attack()], "acled-csv").split("\n")[0]
    assert first == to_text([attack()], "csv").split("\n")[0]
    assert first.split(",")[:31] == ACLED_31


def test_geojson_feature_collection() -> None:
    records = [attack(), unplaced()]
    data = geojson(records)
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [36.07, 32.74]}  # lon, lat
    assert first["properties"] == records[0].to_dict()
    assert second["geometry"] is None  # no coordinates: no invented point
    assert second["properties"] == records[1].to_dict()


def test_write_geojson_is_one_json_document() -> None:
    out = io.StringIO()
    assert write_geojson(iter([attack()]), out) == 1
    data = json.loads(out.getvalue())
    assert data["features"][0]["properties"]["location_ar"] == "طفس"
    assert "طفس" in out.getvalue()  # not escaped


def test_jsonl_one_object_per_line() -> None:
    records = [attack(), unplaced()]
    out = io.StringIO()
    assert write_jsonl(records, out) == 2
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == [r.to_dict() for r in records]
    assert "مصدر محلي" in lines[0]  # not escaped
    assert [EventRecord.from_dict(json.loads(line)) for line in lines[:-1]] == records


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write_records([attack()], "xml", io.StringIO())
