"""The store on both backends, with the fixture reports (tests/store/fixtures/reports.jsonl,
written for these tests): merging, order independence, idempotence, updates, filters."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from marsad.document import Article
from marsad.record import EventRecord
from marsad.store import EventFilter, Store, StoreError, migrate, open_store

from .conftest import add_all, exported

TUZ = ["tuz-rafidain", "tuz-dijla", "tuz-mada"]
Extracted = dict[str, list[EventRecord]]


def test_three_reports_of_one_attack_merge_with_lowest_figure_and_all_sources(
        store: Store, reports: dict[str, Article], extracted: Extracted, version: str) -> None:
    add_all(store, [reports[i] for i in TUZ], extracted, version)
    events = list(store.events())
    assert len(events) == 1, [e.article_ids for e in events]
    event = events[0]
    assert event.article_ids == sorted(TUZ)
    assert event.fatalities == 4  # the reports say 4, 6 and 5: ACLED's lowest credible
    tolls = {c.article_id: c.figures["fatalities"] for c in event.claims
             if "fatalities" in c.figures}
    assert tolls == {"tuz-rafidain": 4, "tuz-dijla": 6, "tuz-mada": 5}
    assert {s.outlet for s in event.sources} == {
        "وكالة الرافدين", "شبكة دجلة الإخبارية", "صحيفة المدى"}
    ids = [r.event_id for i in TUZ for r in extracted[i]]
    assert event.event_id == min(ids)
    for merged_away in ids:
        assert store.resolve(merged_away) == event.event_id
    explanation = store.explain(max(ids))
    assert explanation is not None and explanation.record.event_id == event.event_id
    assert len(explanation.links) == 2
    for link in explanation.links:
        assert link.distance_km is not None and link.distance_km <= 25
        assert link.days_apart <= 1 and link.rule


def test_two_distinct_attacks_in_one_city_on_one_day_stay_two(
        store: Store, reports: dict[str, Article], extracted: Extracted, version: str) -> None:
    add_all(store, [reports["tuz-rafidain"], reports["tuz-market-ied"]], extracted, version)
    events = list(store.events())
    assert len(events) == 2
    assert {e.location for e in events} == {extracted["tuz-rafidain"][0].location}
    assert {e.event_date for e in events} == {"2024-03-12"}
    assert all(len(e.article_ids) == 1 for e in events)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3)))[1::2])
def test_order_independence(db_url: str, reports: dict[str, Article], extracted: Extracted,
                            version: str, tmp_path: object, order: tuple[int, ...]) -> None:
    everything = list(reports.values())
    with open_store(db_url) as forward:
        add_all(forward, everything, extracted, version)
        expected = exported(forward)
    thirds = [everything[0::3], everything[1::3], everything[2::3]]
    shuffled = [a for i in order for a in reversed(thirds[i])]
    assert [a.id for a in shuffled] != [a.id for a in everything]
    other = db_url + "-b" if "://" not in db_url else None
    with open_store(other) if other else _fresh(db_url) as backward:
        add_all(backward, shuffled, extracted, version)
        assert exported(backward) == expected


def _fresh(db_url: str) -> Store:
    store = open_store(db_url)
    migrate.downgrade(store.engine)
    migrate.upgrade(store.engine)
    return store


def test_idempotent_reingest(store: Store, reports: dict[str, Article], extracted: Extracted,
                             version: str) -> None:
    articles = list(reports.values())
    add_all(store, articles, extracted, version)
    before, counts = exported(store), store.counts()
    for article in articles:
        assert store.status(article, version) == "unchanged"
    copy = replace(reports["tuz-dijla"], id="tuz-dijla-reprint")
    assert store.status(copy, version) == "duplicate"
    assert store.add(copy, extracted["tuz-dijla"], version).status == "duplicate"
    assert exported(store) == before and store.counts() == counts


def test_changed_article_updates_in_place(store: Store, reports: dict[str, Article],
                                          extracted: Extracted, version: str) -> None:
    add_all(store, [reports[i] for i in TUZ], extracted, version)
    assert store.status(reports["tuz-dijla"], "marsad 9.9; kb new") == "changed"
    result = store.add(reports["tuz-dijla"], [], "marsad 9.9; kb new")  # now reads no event
    assert result.status == "updated"
    events = list(store.events())
    assert len(events) == 1 and events[0].article_ids == ["tuz-mada", "tuz-rafidain"]
    assert store.counts()["articles"] == 3


def test_filters(store: Store, reports: dict[str, Article], extracted: Extracted,
                 version: str) -> None:
    add_all(store, list(reports.values()), extracted, version)
    everything = list(store.events())
    iraq = list(store.events(EventFilter(country="iraq")))
    assert iraq and all(e.country == "Iraq" for e in iraq) and len(iraq) < len(everything)
    march = list(store.events(EventFilter(since=date(2024, 3, 1), until=date(2024, 3, 31))))
    assert march and all(e.event_date and e.event_date.startswith("2024-03") for e in march)
    protests = list(store.events(EventFilter(event_type="Protests")))
    assert protests and all(e.event_type == "Protests" for e in protests)
    assert list(store.events(EventFilter(event_type="peaceful protest"))) == protests
    named = list(store.events(EventFilter(actor="Islamic State")))
    assert named and all("Islamic State" in (e.actor1 or "") + (e.actor2 or "") for e in named)
    assert len(list(store.events(EventFilter(limit=2)))) == 2


def test_migrations_go_down_and_up(db_url: str) -> None:
    with open_store(db_url) as store:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        migrate.downgrade(store.engine)
        assert "events" not in sa.inspect(store.engine).get_table_names()
        migrate.upgrade(store.engine)
        assert "events" in sa.inspect(store.engine).get_table_names()


def test_bad_address_names_the_database() -> None:
    with pytest.raises(StoreError, match="mysql://x"):
        open_store("mysql://x")
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
