"""One article's write, all or nothing: its row, its extracted events with their sources,
claims and evidence, the merge pairs they form, and the merged events they change.

The merged events of a group of connected events (a "component" of the merge pairs) are a
function of the events in it; a new article only ever touches the components its events
join, so only those are recomputed, and ingesting in any order gives the same store.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence, Set
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from marsad.document import Article
from marsad.merge import Cluster, Facts, Match, MergeSettings, cluster, combine, match
from marsad.merge.cluster import components
from marsad.record import EventRecord, event_type_of
from marsad.store import schema as t

FACT_COLUMNS = (
    t.article_events.c.event_id, t.article_events.c.article_id, t.article_events.c.event_type,
    t.article_events.c.sub_event_type, t.article_events.c.date_earliest,
    t.article_events.c.date_latest, t.article_events.c.country, t.article_events.c.admin2,
    t.article_events.c.location,
    t.article_events.c.latitude, t.article_events.c.longitude,
    t.article_events.c.geo_precision, t.article_events.c.actor1_id,
    t.article_events.c.actor2_id,
)
CHUNK = 500


def _facts(row: Any) -> Facts:
    return Facts(*row[:14])


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def insert_article(conn: sa.Connection, article: Article, records: Sequence[EventRecord],
                   content_hash: str, version: str) -> None:
    conn.execute(t.articles.insert().values(
        id=article.id, content_hash=content_hash, title=article.title, outlet=article.outlet,
        url=article.url, published=article.published, text=article.text,
        source=article.source, version=version, ingested_at=datetime.now(UTC)))
    if not records:
        return
    conn.execute(t.article_events.insert(), [_event_row(article.id, i, r)
                                             for i, r in enumerate(records)])
    sources = [dict(event_id=r.event_id, article_id=s.article_id, position=i, outlet=s.outlet,
                    attribution=s.attribution, attribution_en=s.attribution_en, stance=s.stance)
               for r in records for i, s in enumerate(r.sources)]
    claims = [dict(event_id=r.event_id, article_id=c.article_id, position=i, text=c.text,
                   stance=c.stance, attribution=c.attribution, span_start=c.start,
                   span_end=c.end, figures=c.figures)
              for r in records for i, c in enumerate(r.claims)]
    spans = [dict(event_id=r.event_id, article_id=e.article_id, position=i, span_start=e.start,
                  span_end=e.end) for r in records for i, e in enumerate(r.evidence)]
    for table, rows in ((t.sources, sources), (t.claims, claims), (t.evidence, spans)):
        if rows:
            conn.execute(table.insert(), rows)


def _event_row(article_id: str, position: int, record: EventRecord) -> dict[str, Any]:
    return dict(
        event_id=record.event_id, article_id=article_id, position=position,
        event_type=record.event_type, sub_event_type=record.sub_event_type,
        date_earliest=_day(record.date_earliest or record.event_date),
        date_latest=_day(record.date_latest or record.event_date),
        country=record.country, admin2=record.admin2, location=record.location,
        latitude=record.latitude,
        longitude=record.longitude, geo_precision=record.geo_precision,
        actor1_id=record.actor1_id, actor2_id=record.actor2_id, component=record.event_id,
        record=record.to_dict())


def find_matches(conn: sa.Connection, new: Sequence[Facts],
                 settings: MergeSettings) -> list[Match]:
    """Every pair the rule accepts between the new events and those already stored."""
    found: list[Match] = []
    for facts in new:
        query = _candidate_query(facts, settings)
        if query is None:
            continue
        for row in conn.execute(query):
            found_match = match(facts, _facts(row), settings)
            if found_match is not None:
                found.append(found_match)
    return found


def _candidate_query(f: Facts, settings: MergeSettings) -> sa.Select[Any] | None:
    ae = t.article_events.c
    types = {f.event_type} | {
        event_type_of(b if a == f.sub_event_type else a)
        for a, b in settings.compatible_sub_events if f.sub_event_type in (a, b)}
    conditions: list[Any] = [ae.article_id != f.article_id, ae.event_type.in_(sorted(types))]
    if f.earliest is not None and f.latest is not None:
        tolerance = timedelta(days=settings.day_tolerance)
        conditions += [ae.date_earliest <= f.latest + tolerance,
                       ae.date_latest >= f.earliest - tolerance]
    elif not settings.merge_undated:
        return None
    point = f.point(settings)
    places: list[Any] = []
    if point is not None:
        dlat = settings.max_km / 110.0
        dlon = settings.max_km / max(1.0, 111.3 * math.cos(math.radians(point[0])))
        places.append(sa.and_(ae.latitude.between(point[0] - dlat, point[0] + dlat),
                              ae.longitude.between(point[1] - dlon, point[1] + dlon)))
    if f.admin2:
        places.append(ae.admin2 == f.admin2)
    if settings.same_coded_location and point is None and f.location:
        places.append(ae.location == f.location)
    if not places:
        return None
    return sa.select(*FACT_COLUMNS).where(*conditions, sa.or_(*places))


def add_matches(conn: sa.Connection, matches: Iterable[Match]) -> None:
    rows = [dict(event_a=m.a, event_b=m.b, rule=m.rule, place_basis=m.place_basis,
                 distance_km=m.distance_km, days_apart=m.days_apart) for m in matches]
    if rows:
        conn.execute(t.merge_candidates.insert(), rows)


def component_labels(conn: sa.Connection, event_ids: Iterable[str]) -> set[str]:
    labels: set[str] = set()
    for chunk in _chunks(sorted(set(event_ids))):
        labels |= set(conn.scalars(sa.select(t.article_events.c.component).where(
            t.article_events.c.event_id.in_(chunk))))
    return labels


def recompute(conn: sa.Connection, labels: set[str], touched: set[str],
              settings: MergeSettings, stale_kept: Set[str] = frozenset()) -> int:
    """Recompute the merged events of the components `labels` name; returns events rewritten.

    `touched` holds event ids whose records were just (re)written: any merged event holding
    one is rebuilt even if its membership did not change. `stale_kept` names merged events to
    drop whatever happens (those of an article being replaced).
    """
    if not labels and not stale_kept:
        return 0
    ae = t.article_events.c
    in_labels = ae.component.in_(sorted(labels))
    facts = [_facts(r) for r in conn.execute(sa.select(*FACT_COLUMNS).where(in_labels))]
    ids = {f.event_id for f in facts}
    inside = sa.select(ae.event_id).where(in_labels)
    pairs = [Match(r.event_a, r.event_b, r.rule, r.place_basis, r.distance_km, r.days_apart)
             for r in conn.execute(sa.select(t.merge_candidates).where(
                 t.merge_candidates.c.event_a.in_(inside)))]
    old: dict[str, set[str]] = {}
    for member_id, kept in conn.execute(sa.select(t.event_members).where(
            t.event_members.c.member_id.in_(inside))):
        old.setdefault(kept, set()).add(member_id)
    new: list[tuple[str, Cluster]] = []
    for group in components(ids, [(m.a, m.b) for m in pairs]):
        label = min(group)
        relabel = [f.event_id for f in facts if f.event_id in group]
        for chunk in _chunks(relabel):
            conn.execute(t.article_events.update().where(
                ae.event_id.in_(chunk), ae.component != label).values(component=label))
        group_facts = [f for f in facts if f.event_id in group]
        new.extend((label, c) for c in cluster(group_facts, pairs, settings))
    changed = [(label, c) for label, c in new
               if old.get(c.kept_id) != set(c.members) or touched & set(c.members)]
    unchanged = {c.kept_id for _, c in new} - {c.kept_id for _, c in changed}
    _drop_events(conn, (set(old) | stale_kept) - unchanged)
    for label, group_cluster in changed:
        _write_event(conn, label, group_cluster, settings)
    return len(changed)


def _drop_events(conn: sa.Connection, kept_ids: set[str]) -> None:
    for chunk in _chunks(sorted(kept_ids)):
        conn.execute(t.events.delete().where(t.events.c.event_id.in_(chunk)))
        conn.execute(t.event_articles.delete().where(t.event_articles.c.event_id.in_(chunk)))
        conn.execute(t.event_members.delete().where(t.event_members.c.event_id.in_(chunk)))
        conn.execute(t.merge_links.delete().where(t.merge_links.c.kept_id.in_(chunk)))


def _write_event(conn: sa.Connection, label: str, group: Cluster,
                 settings: MergeSettings) -> None:
    rows = conn.execute(sa.select(t.article_events.c.record).where(
        t.article_events.c.event_id.in_(group.members))).scalars()
    members = [EventRecord.from_dict(r) for r in rows]
    texts: dict[str, str] = {}
    if len(members) > 1:
        article_ids = sorted({m.article_ids[0] for m in members})
        texts = dict(conn.execute(sa.select(t.articles.c.id, t.articles.c.text).where(
            t.articles.c.id.in_(article_ids))).all())  # type: ignore[arg-type]
    record = combine(members, texts, settings)
    conn.execute(t.events.insert().values(
        event_id=record.event_id, event_date=_day(record.event_date),
        date_earliest=_day(record.date_earliest), date_latest=_day(record.date_latest),
        event_type=record.event_type, sub_event_type=record.sub_event_type,
        country=record.country, admin1=record.admin1, admin2=record.admin2,
        location=record.location, latitude=record.latitude, longitude=record.longitude,
        actor1=record.actor1, actor2=record.actor2, actor1_ar=record.actor1_ar,
        actor2_ar=record.actor2_ar, fatalities=record.fatalities,
        n_articles=len(record.article_ids), component=label, record=record.to_dict(),
        updated_at=datetime.now(UTC)))
    conn.execute(t.event_members.insert(), [dict(member_id=m, event_id=group.kept_id)
                                            for m in group.members])
    conn.execute(t.event_articles.insert(), [dict(event_id=group.kept_id, article_id=a)
                                             for a in record.article_ids])
    if group.links:
        conn.execute(t.merge_links.insert(), [dict(
            merged_id=link.merged_id, kept_id=group.kept_id, partner_id=link.partner_id,
            rule=link.match.rule, place_basis=link.match.place_basis,
            distance_km=link.match.distance_km, days_apart=link.match.days_apart)
            for link in group.links])


def remove_article(conn: sa.Connection, article_id: str) -> tuple[set[str], set[str]]:
    """Delete an article and its extracted events; returns (their components' labels, the
    merged events that held them)."""
    ids = list(conn.scalars(sa.select(t.article_events.c.event_id).where(
        t.article_events.c.article_id == article_id)))
    labels = component_labels(conn, ids)
    kept = set(conn.scalars(sa.select(t.event_members.c.event_id).where(
        t.event_members.c.member_id.in_(ids)))) if ids else set()
    conn.execute(t.merge_candidates.delete().where(sa.or_(
        t.merge_candidates.c.event_a.in_(ids), t.merge_candidates.c.event_b.in_(ids))))
    for table in (t.sources, t.claims, t.evidence):
        conn.execute(table.delete().where(table.c.event_id.in_(ids)))
    conn.execute(t.article_events.delete().where(t.article_events.c.article_id == article_id))
    conn.execute(t.articles.delete().where(t.articles.c.id == article_id))
    return labels, kept


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def store_article(conn: sa.Connection, article: Article, records: Sequence[EventRecord],
                  version: str, digest: str, settings: MergeSettings, *,
                  skip_unchanged: bool) -> tuple[str, int, int]:
    """Write one article and its records on an open transaction and re-merge what they
    touch: (status, records stored, merged events rewritten). Status is "duplicate" (another
    article has this text), "unchanged" (when asked to skip one already stored at this
    version), "updated" or "stored"."""
    holder = conn.execute(sa.select(t.articles.c.id, t.articles.c.version).where(
        t.articles.c.content_hash == digest)).first()
    if holder is not None and holder.id != article.id:
        return "duplicate", 0, 0
    if skip_unchanged and holder is not None and holder.version == version:
        return "unchanged", 0, 0
    labels: set[str] = set()
    stale: set[str] = set()
    replaced = conn.scalar(sa.select(t.articles.c.id).where(
        t.articles.c.id == article.id)) is not None
    if replaced:
        labels, stale = remove_article(conn, article.id)
    insert_article(conn, article, records, digest, version)
    new = [Facts.from_record(r.to_dict(), article.id) for r in records]
    matches = find_matches(conn, new, settings)
    add_matches(conn, matches)
    labels |= component_labels(conn, [f.event_id for f in new]
                               + [m.a for m in matches] + [m.b for m in matches])
    touched = {r.event_id for r in records}
    rewritten = recompute(conn, labels, touched, settings, stale)
    return ("updated" if replaced else "stored"), len(records), rewritten
