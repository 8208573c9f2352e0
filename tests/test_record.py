"""The event record against shared/spec/event-record.md, field for field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad import __version__
from marsad.record import (
    SUB_EVENT_TYPES,
    Claim,
    EventRecord,
    Evidence,
    SourceRef,
    disorder_type_of,
    event_type_of,
    interaction_code,
    make_event_id,
    version_string,
)

SPEC_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "spec"
needs_spec = pytest.mark.skipif(not SPEC_DIR.is_dir(), reason="../shared/spec is absent")

# The spec's table, in its order (a row naming two fields gives them in the order written).
SPEC_FIELDS = (
    "event_id", "article_ids", "event_date", "date_earliest", "date_latest", "time_precision",
    "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "actor1_ar",
    "actor2_ar", "actor1_id", "actor2_id", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
    "interaction", "country", "admin1", "admin2", "admin3", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "fatalities", "injuries", "arrests", "sources",
    "claims", "evidence", "notes", "confidence", "version",
)
NOT_NULL = {
    "event_id", "article_ids", "disorder_type", "event_type", "sub_event_type", "sources",
    "claims", "evidence", "notes", "confidence", "version",
}
LISTS = {"article_ids", "sources", "claims", "evidence"}
STRINGS = {
    "event_id", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2",
    "actor1_ar", "actor2_ar", "actor1_id", "actor2_id", "assoc_actor_1", "assoc_actor_2",
    "country", "admin1", "admin2", "admin3", "location", "location_ar", "notes", "version",
}
INTS = {"time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
        "injuries", "arrests"}
FLOATS = {"latitude", "longitude", "confidence"}
DATES = {"event_date", "date_earliest", "date_latest"}
SOURCE_KEYS = ["article_id", "outlet", "attribution", "attribution_en", "stance"]
CLAIM_KEYS = ["article_id", "text", "stance", "attribution", "start", "end", "figures"]
EVIDENCE_KEYS = ["article_id", "start", "end"]
EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians",
               "Protests", "Riots", "Strategic developments"}


def full_record() -> EventRecord:
    return EventRecord(
        event_id=make_event_id("art-1", 0),
        article_ids=["art-1", "art-2"],
        event_date="2023-02-13",
        date_earliest="2023-02-13",
        date_latest="2023-02-13",
        time_precision=1,
        disorder_type=disorder_type_of("Air/drone strike"),
        event_type=event_type_of("Air/drone strike"),
        sub_event_type="Air/drone strike",
        actor1="Unidentified Military Forces",
        actor1_ar="طائرة مسيرة",
        actor1_id="tmpl.unidentified_military",
        assoc_actor_1=None,
        inter1=8,
        actor2="Houthis",
        actor2_ar="جماعة الحوثيين",
        actor2_id="ye.houthis",
        assoc_actor_2="Civilians (Yemen)",
        inter2=2,
        interaction=interaction_code(8, 2),
        country="Yemen",
        admin1="Marib",
        admin2="Sirwah",
        admin3=None,
        location="Sirwah",
        location_ar="صرواح",
        latitude=15.45,
        longitude=45.02,
        geo_precision=1,
        fatalities=4,
        injuries=2,
        arrests=None,
        sources=[SourceRef("art-1", "وكالة التجربة", "مصدر عسكري", "a military source",
                           "asserts")],
        claims=[Claim("art-1", "قتل أربعة مسلحين", "asserts", "مصدر عسكري", 10, 26,
                      {"fatalities": 4})],
        evidence=[Evidence("art-1", 10, 26)],
        notes="On 13 February 2023, a drone strike killed 4 Houthi fighters in Sirwah.",
        confidence=0.8,
        version=version_string("2026.11.25"),
    )


def minimal_record() -> EventRecord:
    return EventRecord(
        event_id=make_event_id("art-9", 3),
        article_ids=["art-9"],
        event_date=None,
        date_earliest=None,
        date_latest=None,
        time_precision=None,
        disorder_type=disorder_type_of("Peaceful protest"),
        event_type=event_type_of("Peaceful protest"),
        sub_event_type="Peaceful protest",
    )


def test_serialises_to_the_spec_fields_in_order() -> None:
    assert list(full_record().to_dict()) == list(SPEC_FIELDS)
    assert list(minimal_record().to_dict()) == list(SPEC_FIELDS)


@needs_spec
def test_field_list_matches_the_spec_document() -> None:
    table = (SPEC_DIR / "event-record.md").read_text(encoding="utf-8")
    names: list[str] = []
    for line in table.splitlines():
        if line.startswith("| `"):
            names.extend(re.findall(r"`([a-z0-9_]+)`", line.split("|")[1]))
    assert tuple(names) == SPEC_FIELDS


@pytest.mark.parametrize("record", [full_record(), minimal_record()], ids=["full", "minimal"])
def test_types_per_field(record: EventRecord) -> None:
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    for name, value in data.items():
        if value is None:
            assert name not in NOT_NULL, name
            continue
        if name in LISTS:
            assert isinstance(value, list), name
        elif name in STRINGS:
            assert isinstance(value, str), name
        elif name in INTS:
            assert isinstance(value, int) and not isinstance(value, bool), name
        elif name in FLOATS:
            assert isinstance(value, float | int) and not isinstance(value, bool), name
        elif name in DATES:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), name
        else:
            pytest.fail(f"unexpected field {name}")
    assert all(isinstance(a, str) for a in data["article_ids"])
    assert 0.0 <= data["confidence"] <= 1.0
    for source in data["sources"]:
        assert list(source) == SOURCE_KEYS
        assert source["stance"] in ("asserts", "denies", "unconfirmed")
    for claim in data["claims"]:
        assert list(claim) == CLAIM_KEYS
        assert isinstance(claim["figures"], dict)
        assert isinstance(claim["start"], int) and isinstance(claim["end"], int)
    for evidence in data["evidence"]:
        assert list(evidence) == EVIDENCE_KEYS


def test_minimal_record_is_null_and_empty_not_guessed() -> None:
    data = minimal_record().to_dict()
    for name in SPEC_FIELDS:
        if name in LISTS - {"article_ids"}:
            assert data[name] == [], name
        elif name not in NOT_NULL:
            assert data[name] is None, name


@pytest.mark.parametrize("record", [full_record(), minimal_record()], ids=["full", "minimal"])
def test_from_dict_round_trips(record: EventRecord) -> None:
    data = record.to_dict()
    again = EventRecord.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again == record
    assert again.to_dict() == data
    assert list(again.to_dict()) == list(SPEC_FIELDS)


def test_from_dict_ignores_keys_it_does_not_know() -> None:
    data = full_record().to_dict() | {"contested": False, "year": "2023"}
    assert EventRecord.from_dict(data) == full_record()


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"),
    [
        (1, None, 10),
        (6, None, 60),  # a peaceful protest
        (1, 7, 17),
        (7, 1, 17),  # smaller first
        (8, 2, 28),
        (3, 3, 33),
        (5, 1, 15),
        (None, None, None),
    ],
)
def test_interaction_code(inter1: int | None, inter2: int | None, code: int | None) -> None:
    assert interaction_code(inter1, inter2) == code


def test_event_ids_are_stable_and_distinct() -> None:
    assert make_event_id("art-1", 0) == make_event_id("art-1", 0)
    ids = {make_event_id(a, p) for a in ("art-1", "art-2", "art-10") for p in range(5)}
    assert len(ids) == 15
    assert all(re.fullmatch(r"ev_[0-9a-f]{16}", i) for i in ids)


def test_taxonomy() -> None:
    assert len(SUB_EVENT_TYPES) == 25
    assert {event_type_of(s) for s in SUB_EVENT_TYPES} == EVENT_TYPES
    assert {disorder_type_of(s) for s in SUB_EVENT_TYPES} == {
        "Political violence", "Demonstrations", "Strategic developments",
        "Political violence; Demonstrations"}


@needs_spec
def test_taxonomy_matches_the_spec_document() -> None:
    rows = set()
    for line in (SPEC_DIR / "taxonomy.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2] in SUB_EVENT_TYPES:
            rows.add(tuple(cells))
    assert rows == {(disorder_type_of(s), event_type_of(s), s) for s in SUB_EVENT_TYPES}


def test_contested() -> None:
    record = full_record()
    assert not record.contested
    record.sources.append(SourceRef("art-2", None, "قناة المسيرة", None, "denies"))
    assert record.contested
    other = full_record()
    other.claims.append(Claim("art-2", "قتل مدنيان", "asserts", None, 0, 10, {"fatalities": 2}))
    assert other.contested


def test_version_string() -> None:
    assert version_string("2026.11.25") == f"marsad {__version__}; kb 2026.11.25"
