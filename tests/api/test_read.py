"""Read endpoints over the fixture store: filters, paging, sorting, one event, one article,
statistics, knowledge-base search, export, the OpenAPI spec and the dashboard's files."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.export.writers import ACLED_COLUMNS

from .conftest import LOOPBACK, REMOTE, TOKEN


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def event_of(client: TestClient, sub_event_type: str, location: str) -> dict[str, Any]:
    found = [e for e in events(client, sub_event_type=sub_event_type)["items"]
             if e["location"] == location]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def stored(fixture_db: str) -> list[dict[str, Any]]:
    """Every merged event of the fixture store, read through the store itself: the API's
    answers are checked against it, not against what today's extractor happens to find."""
    from marsad.store import open_store

    with open_store(fixture_db) as store:
        return [r.to_dict() for r in store.events()]


def test_events_lists_every_stored_event_as_the_record_spec_has_it(
        client: TestClient, stored: list[dict[str, Any]]) -> None:
    page = events(client)
    assert page["total"] == len(stored) >= 4 and page["limit"] == 100 and page["offset"] == 0
    assert sorted(page["items"], key=lambda e: e["event_id"]) == sorted(
        stored, key=lambda e: e["event_id"])
    assert {e["country"] for e in page["items"]} == {"Yemen", "Iraq", "Syria"}
    for field in ("event_id", "article_ids", "event_date", "time_precision", "disorder_type",
                  "sources", "claims", "evidence", "notes", "confidence", "version"):
        assert field in page["items"][0]
    dates = [e["event_date"] for e in page["items"]]
    assert dates == sorted(dates)


def _actors(e: dict[str, Any]) -> str:
    return " ".join(str(e[k]) for k in ("actor1", "actor2", "actor1_ar", "actor2_ar"))


def _inside(e: dict[str, Any], west: float, south: float, east: float, north: float) -> bool:
    return e["latitude"] is not None and south <= e["latitude"] <= north and (
        west <= e["longitude"] <= east if west <= east
        else e["longitude"] >= west or e["longitude"] <= east)


ARTICLE_WORDS = {"صرواح": "fx-sirwah-strike", "الخريجين": "fx-nasiriyah-protest"}
FILTERS: list[tuple[dict[str, str], Any, str | None]] = [
    # (query, which stored events it must return, a location that must be among them)
    ({"country": "iraq"}, lambda e: e["country"] == "Iraq", "Hatra District"),
    ({"admin1": "Marib"}, lambda e: e["admin1"] == "Marib", "Sirwah"),
    ({"event_type": "Protests"}, lambda e: e["event_type"] == "Protests", "Nasiriyah"),
    ({"event_type": "Battles"}, lambda e: e["event_type"] == "Battles", "Hatra District"),
    ({"sub_event_type": "Air/drone strike"}, lambda e: e["sub_event_type"] == "Air/drone strike",
     "Sirwah"),
    ({"since": "2024-05-14"}, lambda e: (e["event_date"] or "") >= "2024-05-14", "Sirwah"),
    ({"until": "2024-05-12"}, lambda e: (e["event_date"] or "9") <= "2024-05-12", "Nasiriyah"),
    ({"since": "2024-05-13", "until": "2024-05-13", "country": "Iraq"},
     lambda e: e["event_date"] == "2024-05-13" and e["country"] == "Iraq", "Hatra District"),
    ({"actor": "islamic state"}, lambda e: "Islamic State" in _actors(e), "Hatra District"),
    ({"actor": "داعش"}, lambda e: "داعش" in _actors(e), "Hatra District"),  # as the text names it
    # free text in Arabic: the words of the reporting article
    ({"q": "صرواح"}, lambda e: "fx-sirwah-strike" in e["article_ids"], "Sirwah"),
    ({"q": "الخريجين"}, lambda e: "fx-nasiriyah-protest" in e["article_ids"], "Nasiriyah"),
    # free text in English: the notes and names
    ({"q": "drone strike"}, lambda e: "drone strike" in e["notes"], "Sirwah"),
    ({"q": "nasiriyah"}, lambda e: "Nasiriyah" in json.dumps(e), "Nasiriyah"),
    ({"q": "100%_none"}, lambda e: False, None),  # LIKE wildcards are taken literally
    ({"bbox": "42,30,47,37"}, lambda e: _inside(e, 42, 30, 47, 37), "Hatra District"),  # Iraq only
    ({"bbox": "44,15,46,16"}, lambda e: _inside(e, 44, 15, 46, 16), "Sirwah"),
    ({"bbox": "170,-10,-170,10"}, lambda e: False, None),  # across the antimeridian
]


@pytest.mark.parametrize(("params", "wanted", "location"), FILTERS,
                         ids=[json.dumps(f[0], ensure_ascii=False) for f in FILTERS])
def test_event_filters(client: TestClient, stored: list[dict[str, Any]], params: dict[str, str],
                       wanted: Any, location: str | None) -> None:
    page = events(client, **params)
    assert {e["event_id"] for e in page["items"]} == {
        e["event_id"] for e in stored if wanted(e)}
    assert page["total"] == len(page["items"])
    if location:
        assert location in {e["location"] for e in page["items"]}
    else:
        assert page["items"] == []


def test_paging_and_sorting(client: TestClient, stored: list[dict[str, Any]]) -> None:
    pages = [events(client, limit=2, offset=n, sort="-fatalities")
             for n in range(0, len(stored), 2)]
    assert {p["total"] for p in pages} == {len(stored)}
    ids = [e["event_id"] for p in pages for e in p["items"]]
    assert len(ids) == len(set(ids)) == len(stored)
    tolls = [e["fatalities"] for p in pages for e in p["items"]]
    known = [t for t in tolls if t is not None]
    assert known == sorted(known, reverse=True) and tolls[:len(known)] == known  # nulls last
    assert tolls[0] == max(known)
    newest = events(client, sort="-event_date", limit=1)["items"][0]
    assert newest["event_date"] == max(e["event_date"] for e in stored if e["event_date"])


def test_every_sort_key_is_offered_and_works(client: TestClient) -> None:
    from typing import get_args

    from marsad.api.events import Sort
    from marsad.api.queries import SORTS

    assert set(get_args(Sort)) == set(SORTS)
    for key in SORTS:
        assert len(events(client, sort=key)["items"]) == events(client)["total"]


def test_a_filter_given_twice_is_refused(client: TestClient) -> None:
    response = client.get("/events?country=Iraq&country=Syria")
    assert response.status_code == 400 and "more than once: country" in response.json()["detail"]


@pytest.mark.parametrize(("params", "status", "words"), [
    ({"contry": "Iraq"}, 400, "unknown query parameter(s): contry"),
    ({"bbox": "1,2,3"}, 422, "pattern"),
    ({"bbox": "0,50,10,40"}, 400, "south <= north"),
    ({"bbox": "a,b,c,d"}, 422, "pattern"),
    ({"bbox": "1.5, 2 ,3,-4.25"}, 400, "south <= north"),
    ({"since": "2024-05-14", "until": "2024-05-01"}, 400, "is after"),
    ({"since": "14/05/2024"}, 422, "pattern"),
    ({"since": "2024-02-30"}, 400, "not a day"),
    ({"bbox": "0,95,10,96"}, 400, "latitudes"),
    ({"limit": 0}, 422, "greater than or equal to 1"),
    ({"limit": 100000}, 422, "less than or equal to 5000"),
    ({"sort": "colour"}, 422, "event_date"),
])
def test_bad_filters_get_a_clear_4xx(client: TestClient, params: dict[str, Any], status: int,
                                    words: str) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == status
    assert words in json.dumps(response.json()["detail"])


def test_one_event_has_sources_claims_and_spans(client: TestClient) -> None:
    strike = event_of(client, "Air/drone strike", "Sirwah")
    response = client.get(f"/events/{strike['event_id']}")
    assert response.status_code == 200
    detail = response.json()
    assert detail["event"] == strike and detail["requested_id"] == strike["event_id"]
    assert detail["contested"]  # a medical source asserts, a military spokesman denies
    stances = {s["stance"] for s in detail["event"]["sources"]}
    assert {"asserts", "denies"} <= stances
    assert [a["id"] for a in detail["articles"]] == ["fx-sirwah-strike"]
    assert detail["articles"][0]["outlet"] == "وكالة سبأ للأنباء"
    kinds = {s["kind"] for s in detail["spans"]}
    assert kinds == {"evidence", "claim"}
    denial = next(s for s in detail["spans"] if s.get("stance") == "denies")
    assert "نفى متحدث عسكري" in denial["text"]


def test_unknown_event_and_article_are_404(client: TestClient) -> None:
    for path in ("/events/ev_nope", "/articles/nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]


def test_article_has_its_text_events_and_spans(client: TestClient) -> None:
    response = client.get("/articles/fx-mosul-clash")
    assert response.status_code == 200
    article = response.json()
    assert article["outlet"] == "وكالة نينوى" and article["published"] == "2024-05-13"
    assert article["text"].startswith("اشتباكات في نينوى")
    assert [e["event_type"] for e in article["events"]] == ["Battles"]
    for span in article["spans"]:
        assert span["article_id"] == "fx-mosul-clash"
        assert article["text"][span["start"]:span["end"]] == span["text"]
        # no character outside the BMP here: both offsets agree
        assert (span["start"], span["end"]) == (span["start_utf16"], span["end_utf16"])


def test_stats_count_types_countries_and_dates(client: TestClient,
                                               stored: list[dict[str, Any]]) -> None:
    from collections import Counter

    stats = client.get("/stats").json()
    assert stats["counts"]["articles"] == 4 and stats["counts"]["events"] == len(stored)
    assert stats["event_types"] == Counter(e["event_type"] for e in stored)
    assert stats["sub_event_types"] == Counter(e["sub_event_type"] for e in stored)
    assert stats["countries"] == Counter(e["country"] for e in stored)
    assert {"Battles", "Explosions/Remote violence", "Protests"} <= set(stats["event_types"])
    assert (stats["date_min"], stats["date_max"]) == ("2024-05-12", "2024-05-14")


def test_actor_search_in_english_and_arabic(client: TestClient) -> None:
    found = client.get("/actors", params={"q": "Houthi"}).json()
    assert found["total"] >= 1
    assert any("Houthi" in a["name"] or "Ansar Allah" in a["name"] for a in found["items"])
    iraq = client.get("/actors", params={"q": "داعش", "country": "Iraq"}).json()
    assert [a["name"] for a in iraq["items"]] == ["Islamic State (Iraq)"]
    states = client.get("/actors", params={"country": "Yemen", "inter": 1, "limit": 5}).json()
    assert states["items"] and all(a["inter"] == 1 for a in states["items"])
    assert client.get("/actors", params={"inter": 9}).status_code == 422


def test_place_search_in_english_and_arabic(client: TestClient) -> None:
    arabic = client.get("/places", params={"q": "الناصرية", "country": "IQ"}).json()
    assert "Nasiriyah" in [p["name"] for p in arabic["items"]]
    english = client.get("/places", params={"q": "sirwah", "kind": "admin2"}).json()
    assert english["items"] and english["items"][0]["country_code"] == "YE"
    first = english["items"][0]
    assert first["latitude"] and first["longitude"]
    # hamza and taa marbuta spelt differently still match
    assert client.get("/places", params={"q": "ماْرب", "limit": 1}).json()["total"] >= 1
    assert client.get("/places", params={"q": "مأرب", "country": "Iraq"}).json()["total"] == 0


def test_export_in_three_formats_with_filters(client: TestClient,
                                              stored: list[dict[str, Any]]) -> None:
    response = client.get("/export", params={"format": "acled-csv", "country": "Iraq"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == sum(e["country"] == "Iraq" for e in stored) >= 2
    assert set(ACLED_COLUMNS) <= set(rows[0])
    assert {r["iso"] for r in rows} == {"368"} and {r["region"] for r in rows} == {"Middle East"}
    jsonl = client.get("/export", params={"format": "jsonl"})
    assert jsonl.headers["content-type"] == "application/x-ndjson"
    records = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(records) == len(stored) and records == events(client)["items"]
    geo = client.get("/export", params={"format": "geojson", "event_type": "Protests"})
    assert geo.headers["content-type"] == "application/geo+json"
    features = geo.json()["features"]
    assert len(features) == 1 and features[0]["geometry"]["type"] == "Point"
    assert client.get("/export", params={"format": "xlsx"}).status_code == 422


def test_reads_are_open_on_loopback_only(app: Any, stored: list[dict[str, Any]]) -> None:
    remote = TestClient(app, client=REMOTE)
    response = remote.get("/events")
    assert response.status_code == 401
    assert "Bearer" in response.headers["www-authenticate"]
    assert "MARSAD_TOKEN" in response.json()["detail"]
    assert remote.get("/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    allowed = remote.get("/events", headers={"Authorization": f"Bearer {TOKEN}"})
    assert allowed.status_code == 200 and allowed.json()["total"] == len(stored)
    ipv6 = TestClient(app, client=("::1", 40000))
    assert ipv6.get("/stats").status_code == 200
    assert TestClient(app, client=LOOPBACK).get("/places", params={"q": "x"}).status_code == 200


def test_open_reads_let_any_client_read(fixture_db: str, resources: Any) -> None:
    from marsad.api import create_app

    app = create_app(fixture_db, resources, open_reads=True)
    assert TestClient(app, client=REMOTE).get("/stats").status_code == 200
    app.state.marsad.store.close()


def test_openapi_spec_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/articles", "/actors",
            "/places", "/export", "/stats"} == set(spec["paths"])
    assert "ArticleIn" in spec["components"]["schemas"]
    body = spec["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/x-ndjson"} == set(body)


def test_dashboard_and_docs_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<div id=\"map\"" in page.text
    assert "http" not in page.text.replace("http://www.w3.org", "")  # nothing from a CDN
    for asset in ("/static/js/main.js", "/static/style.css",
                  "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/markercluster/leaflet.markercluster.js",
                  "/static/vendor/topojson/topojson-client.min.js",
                  "/static/vendor/world-atlas/countries-50m.json"):
        assert client.get(asset).status_code == 200, asset
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text
