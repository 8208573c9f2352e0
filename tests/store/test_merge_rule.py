"""The merge rule, grouping and merged record on hand-made records (no database)."""

from __future__ import annotations

from dataclasses import replace

from marsad.merge import Facts, MergeSettings, cluster, combine, match
from marsad.merge.rule import haversine_km
from marsad.record import Claim, EventRecord, Evidence, SourceRef

SETTINGS = MergeSettings()
BAGHDAD = (33.3406, 44.4009)


def record(event_id: str, article: str, sub: str = "Attack", day: str = "2024-03-12",
           point: tuple[float, float] = BAGHDAD, deaths: int | None = 3,
           actor1: str | None = "is.iraq", actor2: str | None = "tmpl.military.IQ",
           admin2: str | None = "Baghdad District", stance: str = "asserts") -> EventRecord:
    from marsad.record import disorder_type_of, event_type_of

    return EventRecord(
        event_id=event_id, article_ids=[article], event_date=day, date_earliest=day,
        date_latest=day, time_precision=1, disorder_type=disorder_type_of(sub),
        event_type=event_type_of(sub), sub_event_type=sub, actor1_id=actor1, actor2_id=actor2,
        actor1=actor1, actor2=actor2, country="Iraq", admin2=admin2, location="Baghdad",
        latitude=point[0], longitude=point[1], geo_precision=1, fatalities=deaths,
        sources=[SourceRef(article, f"outlet {article}", None, None, stance)],
        claims=[Claim(article, "نص", stance, None, 0, 3,
                      {"fatalities": deaths} if deaths else {})],
        evidence=[Evidence(article, 0, 3)], confidence=0.8)


def facts(r: EventRecord) -> Facts:
    return Facts.from_record(r.to_dict())


def test_same_happening_matches_with_reason() -> None:
    m = match(facts(record("ev_a", "a1")), facts(record("ev_b", "a2")), SETTINGS)
    assert m is not None
    assert (m.a, m.b, m.distance_km, m.days_apart) == ("ev_a", "ev_b", 0.0, 0)
    assert "same event type" in m.rule


def test_one_day_apart_matches_two_days_do_not() -> None:
    base = facts(record("ev_a", "a1"))
    assert match(base, facts(record("ev_b", "a2", day="2024-03-13")), SETTINGS) is not None
    assert match(base, facts(record("ev_b", "a2", day="2024-03-14")), SETTINGS) is None


def test_distance_threshold() -> None:
    near = (BAGHDAD[0] + 0.15, BAGHDAD[1])  # about 17 km north
    far = (BAGHDAD[0] + 0.3, BAGHDAD[1])  # about 33 km
    assert 15 < haversine_km(BAGHDAD, near) < 20
    base = facts(record("ev_a", "a1"))
    assert match(base, facts(record("ev_b", "a2", point=near)), SETTINGS) is not None
    assert match(base, facts(record("ev_b", "a2", point=far)), SETTINGS) is None


def test_type_compatibility() -> None:
    base = facts(record("ev_a", "a1", sub="Air/drone strike"))
    assert match(base, facts(record("ev_b", "a2", sub="Disrupted weapons use")), SETTINGS)
    assert match(base, facts(record("ev_b", "a2", sub="Peaceful protest")), SETTINGS) is None
    clash = facts(record("ev_a", "a1", sub="Armed clash"))
    found = match(clash, facts(record("ev_b", "a2", sub="Attack")), SETTINGS)
    assert found is not None and "Armed clash / Attack" in found.rule


def test_actors_named_differently_conflict_generic_does_not() -> None:
    base = facts(record("ev_a", "a1"))
    other_group = facts(record("ev_b", "a2", actor1="aah.asaib"))
    generic = facts(record("ev_b", "a2", actor1="tmpl.unidentified_armed_group.IQ"))
    unknown = facts(record("ev_b", "a2", actor1=None, actor2=None))
    assert match(base, other_group, SETTINGS) is None
    assert match(base, generic, SETTINGS) is not None
    assert match(base, unknown, SETTINGS) is not None


def test_same_admin2_when_one_has_no_point() -> None:
    base = facts(record("ev_a", "a1"))
    province = replace(facts(record("ev_b", "a2")), geo_precision=3)
    assert match(base, province, SETTINGS).place_basis == "same admin2 (Baghdad District)"
    assert match(base, replace(province, admin2=None, location="Baghdad Governorate"),
                 SETTINGS) is None


def test_events_of_one_article_never_merge() -> None:
    assert match(facts(record("ev_a", "a1")), facts(record("ev_b", "a1")), SETTINGS) is None


def test_clusters_are_order_independent_and_keep_smallest_id() -> None:
    events = [facts(record(f"ev_{c}", f"a{i}")) for i, c in enumerate("dbca")]
    pairs = [m for x in events for y in events if x.event_id < y.event_id
             if (m := match(x, y, SETTINGS))]
    forward = cluster(events, pairs, SETTINGS)
    backward = cluster(events[::-1], pairs[::-1], SETTINGS)
    assert [c.members for c in forward] == [c.members for c in backward]
    assert forward[0].kept_id == "ev_a" and len(forward) == 1
    assert {link.merged_id for link in forward[0].links} == {"ev_b", "ev_c", "ev_d"}


def test_a_chain_of_days_does_not_weld_into_one_event() -> None:
    days = ["2024-03-10", "2024-03-11", "2024-03-12"]
    events = [facts(record(f"ev_{i}", f"a{i}", day=d)) for i, d in enumerate(days)]
    pairs = [m for x in events for y in events if x.event_id < y.event_id
             if (m := match(x, y, SETTINGS))]
    assert len(pairs) == 2  # day 1 ~ day 2 ~ day 3, but day 1 !~ day 3
    assert len(cluster(events, pairs, SETTINGS)) == 2


def test_two_events_of_one_article_go_to_the_closest() -> None:
    near = (BAGHDAD[0] + 0.05, BAGHDAD[1])
    events = [facts(record("ev_x1", "A")), facts(record("ev_x2", "A", point=near)),
              facts(record("ev_c", "C", point=near))]
    pairs = [m for x in events for y in events if x.event_id < y.event_id
             if (m := match(x, y, SETTINGS))]
    groups = {c.members for c in cluster(events, pairs, SETTINGS)}
    assert groups == {("ev_x1",), ("ev_c", "ev_x2")}


def test_combine_lowest_credible_figure_and_every_source() -> None:
    merged = combine([record("ev_b", "a2", deaths=6), record("ev_a", "a1", deaths=4),
                      record("ev_c", "a3", deaths=5)])
    assert merged.event_id == "ev_a"
    assert merged.article_ids == ["a1", "a2", "a3"]
    assert merged.fatalities == 4
    assert sorted(c.figures["fatalities"] for c in merged.claims) == [4, 5, 6]
    assert {s.outlet for s in merged.sources} == {"outlet a1", "outlet a2", "outlet a3"}
    assert merged.contested


def test_combine_ignores_silent_zero_and_denials() -> None:
    silent = record("ev_a", "a1", deaths=0)
    silent.claims[0].figures = {}
    denial = record("ev_c", "a3", deaths=1, stance="denies")
    merged = combine([silent, record("ev_b", "a2", deaths=7), denial])
    assert merged.fatalities == 7


def test_combine_adds_a_figure_claim_for_a_report_without_one() -> None:
    bare = record("ev_b", "a2", deaths=9)
    bare.claims = []
    merged = combine([record("ev_a", "a1", deaths=4), bare], {"a2": "قتل تسعة أشخاص"})
    figures = [(c.article_id, c.figures) for c in merged.claims]
    assert ("a2", {"fatalities": 9}) in figures
    assert merged.fatalities == 4
