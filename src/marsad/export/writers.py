"""Event records to ACLED CSV, JSONL and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable, Sequence
from typing import IO, Any

from marsad.record import EventRecord

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
EXTENSION_COLUMNS = (
    "event_id", "article_ids", "date_earliest", "date_latest", "actor1_ar", "actor1_id",
    "actor2_ar", "actor2_id", "location_ar", "injuries", "arrests", "contested", "confidence",
    "version",
)
FORMATS = ("jsonl", "csv", "acled-csv", "geojson")


class CountryInfo:
    """What the CSV needs of a country: ISO numeric code and ACLED region."""

    def __init__(self, numeric: int | None, region: str | None) -> None:
        self.numeric, self.region = numeric, region


def write_jsonl(records: Iterable[EventRecord], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_row(record: EventRecord, country: CountryInfo | None, now: int) -> dict[str, Any]:
    outlets = sorted({s.outlet for s in record.sources if s.outlet})
    civilian = record.inter2 == 7 and record.event_type in (
        "Violence against civilians", "Explosions/Remote violence")
    row: dict[str, Any] = {
        "event_id_cnty": record.event_id,
        "year": record.event_date[:4] if record.event_date else "",
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country.numeric if country and country.numeric is not None else "",
        "region": country.region if country and country.region else "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "tags": "",
        "timestamp": now,
        "article_ids": "; ".join(record.article_ids),
        "contested": record.contested,
    }
    data = record.to_dict()
    for column in (*ACLED_COLUMNS, *EXTENSION_COLUMNS):
        if column not in row:
            value = data.get(column)
            row[column] = "" if value is None else value
    return row


def write_csv(records: Iterable[EventRecord], out: IO[str],
              countries: dict[str, CountryInfo] | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *EXTENSION_COLUMNS],
                            lineterminator="\n")
    writer.writeheader()
    now = int(time.time())
    count = 0
    for record in records:
        info = (countries or {}).get(record.country or "")
        writer.writerow(csv_row(record, info, now))
        count += 1
    return count


def geojson(records: Sequence[EventRecord]) -> dict[str, Any]:
    features = []
    for record in records:
        geometry = None
        if record.latitude is not None and record.longitude is not None:
            geometry = {"type": "Point", "coordinates": [record.longitude, record.latitude]}
        features.append({"type": "Feature", "geometry": geometry,
                         "properties": record.to_dict()})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(records: Iterable[EventRecord], out: IO[str]) -> int:
    collected = list(records)
    json.dump(geojson(collected), out, ensure_ascii=False)
    out.write("\n")
    return len(collected)


def write_records(records: Iterable[EventRecord], fmt: str, out: IO[str],
                  countries: dict[str, CountryInfo] | None = None) -> int:
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt in ("csv", "acled-csv"):
        return write_csv(records, out, countries)
    if fmt == "geojson":
        return write_geojson(records, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def to_text(records: Sequence[EventRecord], fmt: str) -> str:
    """Records written in `fmt` to a string."""
    buffer = io.StringIO()
    write_records(records, fmt, buffer)
    return buffer.getvalue()
