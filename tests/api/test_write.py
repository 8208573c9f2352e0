"""POST /articles: the token rule, one article or a JSONL batch, malformed input, and nothing
half-written when something fails."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from marsad.store import StoreError

from .conftest import LOOPBACK, TOKEN
from .fixture_db import ARTICLES

FIXTURE = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
SECOND_SIRWAH = {
    "id": "fx-sirwah-second", "outlet": "قناة المسيرة", "published": "2024-05-14",
    "text": "مقتل خمسة مدنيين بغارة في صرواح\n\nقُتل خمسة مدنيين، اليوم الثلاثاء، في غارة جوية "
            "شنتها طائرة مسيّرة على سيارة في مديرية صرواح بمحافظة مأرب، وفق ما أفادت مصادر محلية.",
}
JSONL = {"content-type": "application/x-ndjson"}


def jsonl(*records: dict[str, Any] | str) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def counts(app: FastAPI) -> dict[str, int]:
    return app.state.marsad.store.counts()  # type: ignore[no-any-return]


EMPTY = {"articles": 0, "extracted_events": 0, "events": 0, "merged_away": 0}


def test_one_article_as_json_is_extracted_and_stored(writer: TestClient,
                                                     fresh_app: FastAPI) -> None:
    response = writer.post("/articles", json=FIXTURE[3])
    assert response.status_code == 200, response.text
    [result] = response.json()["articles"]
    assert result["id"] == "fx-mosul-clash" and result["status"] == "stored"
    [event_id] = result["event_ids"]
    event = writer.get(f"/events/{event_id}").json()["event"]
    assert event["event_type"] == "Battles" and event["article_ids"] == ["fx-mosul-clash"]
    again = writer.post("/articles", json=FIXTURE[3]).json()["articles"][0]
    assert again == {"id": "fx-mosul-clash", "status": "unchanged", "event_ids": [event_id]}
    copy = writer.post("/articles", json={**FIXTURE[3], "id": "copy"}).json()["articles"][0]
    assert copy["status"] == "duplicate"
    assert counts(fresh_app)["articles"] == 1


def test_a_jsonl_batch_merges_reports_and_old_ids_resolve(writer: TestClient,
                                                          fresh_app: FastAPI) -> None:
    response = writer.post("/articles", content=jsonl(FIXTURE[0], FIXTURE[1], SECOND_SIRWAH),
                           headers=JSONL)
    assert response.status_code == 200, response.text
    results = {r["id"]: r for r in response.json()["articles"]}
    assert [r["status"] for r in results.values()] == ["stored"] * 3
    assert counts(fresh_app)["merged_away"] == 1
    merged = writer.get("/events", params={"sub_event_type": "Air/drone strike"}).json()
    [strike] = merged["items"]
    assert strike["article_ids"] == ["fx-sirwah-second", "fx-sirwah-strike"]
    assert strike["fatalities"] == 4  # the lowest of 4 and 5
    member_ids = [m[0] for m in writer.get(f"/events/{strike['event_id']}").json()["members"]]
    merged_away = next(i for i in member_ids if i != strike["event_id"])
    detail = writer.get(f"/events/{merged_away}").json()
    assert detail["requested_id"] == merged_away
    assert detail["event"]["event_id"] == strike["event_id"]
    assert detail["merge_links"] and detail["merge_links"][0]["explanation"]
    assert {a["id"] for a in detail["articles"]} == {"fx-sirwah-second", "fx-sirwah-strike"}
    assert {s["article_id"] for s in detail["spans"]} == set(strike["article_ids"])


def test_writes_need_the_token(fresh_app: FastAPI, resources: Any, tmp_path: Any) -> None:
    anonymous = TestClient(fresh_app, client=LOOPBACK)
    response = anonymous.post("/articles", json=FIXTURE[0])
    assert response.status_code == 401 and "Bearer" in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = anonymous.post("/articles", json=FIXTURE[0],
                           headers={"Authorization": "Bearer not-it"})
    assert wrong.status_code == 401 and wrong.json()["detail"] == "wrong token"
    basic = anonymous.post("/articles", json=FIXTURE[0],
                           headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert counts(fresh_app) == EMPTY

    from marsad.api import create_app

    no_token = create_app(str(tmp_path / "closed.db"), resources)
    closed = TestClient(no_token, client=LOOPBACK).post(
        "/articles", json=FIXTURE[0], headers={"Authorization": "Bearer anything"})
    assert closed.status_code == 403 and "MARSAD_TOKEN" in closed.json()["detail"]
    no_token.state.marsad.store.close()


@pytest.mark.parametrize(("body", "headers", "status", "words"), [
    (b'{"id": "a", "text": ', {"content-type": "application/json"}, 400, "invalid JSON"),
    (b"[1, 2]", {"content-type": "application/json"}, 422, "must be a JSON object"),
    (b"", {"content-type": "application/json"}, 400, "no article"),
    (b"\xff\xfe\x00", {"content-type": "application/json"}, 400, "not UTF-8"),
    (json.dumps({**FIXTURE[0], "colour": "red"}).encode(), {"content-type": "application/json"},
     422, "unknown field 'colour'"),
    (json.dumps({"text": FIXTURE[0]["text"]}).encode(), {"content-type": "application/json"},
     422, "field 'id': Field required"),
    (json.dumps({"id": "x", "text": FIXTURE[0]["text"], "published": "yesterday"}).encode(),
     {"content-type": "application/json"}, 422, "field 'published'"),
    (json.dumps({"id": "x"}).encode(), {"content-type": "application/json"}, 422,
     "neither 'text' nor 'html'"),
    (json.dumps({"id": "x", "text": "This is English, not Arabic at all."}).encode(),
     {"content-type": "application/json"}, 422, "Arabic"),
    (b"id=x", {"content-type": "application/x-www-form-urlencoded"}, 415, "application/json"),
    (jsonl(FIXTURE[0], '{"id": "b", "text": '), JSONL, 400, "line 2: invalid JSON"),
    (jsonl(FIXTURE[0], {**FIXTURE[1], "extra": 1}), JSONL, 422, "line 2: unknown field 'extra'"),
    (jsonl(FIXTURE[0], FIXTURE[0]), JSONL, 422, "line 2: article id 'fx-sirwah-strike' repeats"),
])
def test_malformed_input_is_refused_and_nothing_is_written(
        writer: TestClient, fresh_app: FastAPI, body: bytes, headers: dict[str, str],
        status: int, words: str) -> None:
    response = writer.post("/articles", content=body, headers=headers)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]
    assert counts(fresh_app) == EMPTY


def test_bodies_over_the_limit_get_413(writer: TestClient, fresh_app: FastAPI) -> None:
    big = {**FIXTURE[0], "text": FIXTURE[0]["text"] * 300}  # about 150 KB; the limit is 64 KB
    response = writer.post("/articles", json=big)
    assert response.status_code == 413 and "too large" in response.json()["detail"]

    def chunks() -> Any:  # no Content-Length: the limit still holds
        for _ in range(100):
            yield b"x" * 1024

    streamed = writer.post("/articles", content=chunks(), headers=JSONL)
    assert streamed.status_code == 413
    assert counts(fresh_app) == EMPTY


def test_a_store_failure_leaves_whole_articles_only(writer: TestClient, fresh_app: FastAPI,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = fresh_app.state.marsad.store
    real_add = store.add

    def failing_add(article: Any, records: Any, version: str) -> Any:
        if article.id == FIXTURE[1]["id"]:
            raise StoreError("test", "disk full")
        return real_add(article, records, version)

    monkeypatch.setattr(store, "add", failing_add)
    response = writer.post("/articles", content=jsonl(FIXTURE[0], FIXTURE[1], FIXTURE[2]),
                           headers=JSONL)
    assert response.status_code == 503
    detail = response.json()["detail"]
    assert "'fx-nasiriyah-protest' was not stored" in detail and "fx-sirwah-strike" in detail
    assert counts(fresh_app)["articles"] == 1
    monkeypatch.undo()
    retry = writer.post("/articles", content=jsonl(FIXTURE[0], FIXTURE[1], FIXTURE[2]),
                        headers=JSONL).json()["articles"]
    assert [r["status"] for r in retry] == ["unchanged", "stored", "stored"]


def test_an_extraction_failure_writes_nothing(fresh_app: FastAPI,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.api.articles as articles

    real_extract = articles.extract

    def failing_extract(article: Any, resources: Any) -> Any:
        if article.id == FIXTURE[2]["id"]:
            raise RuntimeError("boom")
        return real_extract(article, resources)

    monkeypatch.setattr(articles, "extract", failing_extract)
    client = TestClient(fresh_app, client=LOOPBACK, raise_server_exceptions=False,
                        headers={"Authorization": f"Bearer {TOKEN}"})
    response = client.post("/articles", content=jsonl(*FIXTURE), headers=JSONL)
    assert response.status_code == 500
    assert counts(fresh_app) == EMPTY
