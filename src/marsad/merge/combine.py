"""One record from the records of a merged group (shared/spec/merge.md, event-record.md).

The merged record keeps every article, source, claim and evidence span. Its other fields come
from the member that is surest (confidence, then place precision, then id), completed from the
others: the most precise place, the most precise date, named actors over generic ones.
`fatalities` (and `injuries`, `arrests`) take ACLED's lowest credible figure: the smallest
figure a report gives, among reports not all of whose sources deny the event; a 0 that only
means "no figure in this text" does not undercut another report's figure. Each report's figure
stays side by side in `claims[].figures`: a report whose claims carry no figure gets one claim
read from its evidence span.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from copy import deepcopy

from marsad.events.records import write_notes
from marsad.merge.settings import MergeSettings
from marsad.record import (
    Claim,
    EventRecord,
    SourceRef,
    disorder_type_of,
    event_type_of,
    interaction_code,
)

PLACE_FIELDS = ("country", "admin1", "admin2", "admin3", "location", "location_ar",
                "latitude", "longitude", "geo_precision")
DATE_FIELDS = ("event_date", "date_earliest", "date_latest", "time_precision")
FIGURES = ("fatalities", "injuries", "arrests")


def _actor_fields(n: int) -> tuple[str, ...]:
    return (f"actor{n}", f"actor{n}_ar", f"actor{n}_id", f"assoc_actor_{n}", f"inter{n}")


def combine(members: Sequence[EventRecord], texts: Mapping[str, str] | None = None,
            settings: MergeSettings | None = None) -> EventRecord:
    """The merged record of `members` (at least one); `texts` maps article id to cleaned text."""
    if not members:
        raise ValueError("combine() needs at least one record")
    settings = settings or MergeSettings()
    ranked = sorted(members, key=_rank)
    if len(members) == 1:
        return deepcopy(members[0])
    lead = ranked[0]
    merged = deepcopy(lead)
    merged.event_id = min(m.event_id for m in members)
    merged.article_ids = sorted({a for m in members for a in m.article_ids})
    _set_type(merged, members, lead)
    _copy(merged, min(ranked, key=lambda m: m.geo_precision or 9), PLACE_FIELDS)
    _copy(merged, min(ranked, key=lambda m: m.time_precision or 9), DATE_FIELDS)
    for n in (1, 2):
        named = [m for m in ranked if _named(getattr(m, f"actor{n}_id"), settings)]
        if named and not _named(getattr(merged, f"actor{n}_id"), settings):
            _copy(merged, named[0], _actor_fields(n))
    merged.interaction = interaction_code(merged.inter1, merged.inter2)
    for figure in FIGURES:
        setattr(merged, figure, lowest_credible(members, figure))
    by_article = sorted(members, key=lambda m: (m.article_ids[0], m.event_id))
    merged.sources = _unique_sources(s for m in by_article for s in m.sources)
    merged.claims = [c for m in by_article for c in _claims_with_figures(m, texts or {})]
    merged.evidence = [e for m in by_article for e in m.evidence]
    merged.confidence = max(m.confidence for m in members)
    merged.notes = write_notes(merged)
    return merged


def _rank(record: EventRecord) -> tuple[float, int, str]:
    return (-record.confidence, record.geo_precision or 9, record.event_id)


def _named(actor_id: str | None, settings: MergeSettings) -> bool:
    return bool(actor_id) and not settings.is_generic(str(actor_id))


def _copy(target: EventRecord, source: EventRecord, names: Sequence[str]) -> None:
    for name in names:
        setattr(target, name, getattr(source, name))


def _set_type(merged: EventRecord, members: Sequence[EventRecord], lead: EventRecord) -> None:
    """The sub-event type most reports give; on a tie, the lead report's."""
    counts = Counter(m.sub_event_type for m in members)
    best = max(counts.values())
    sub = lead.sub_event_type if counts[lead.sub_event_type] == best else min(
        s for s, n in counts.items() if n == best)
    merged.sub_event_type = sub
    merged.event_type = event_type_of(sub)
    merged.disorder_type = disorder_type_of(sub)


def credible(record: EventRecord) -> bool:
    """A report counts unless every source of it denies the event."""
    return not record.sources or any(s.stance != "denies" for s in record.sources)


def lowest_credible(members: Sequence[EventRecord], figure: str = "fatalities") -> int | None:
    """ACLED's rule: the lowest figure a credible report gives for the event."""
    values = [getattr(m, figure) for m in members if getattr(m, figure) is not None]
    given = [
        getattr(m, figure) for m in members if credible(m) and getattr(m, figure) is not None
        and (getattr(m, figure) > 0 or any(c.figures.get(figure) == 0 for c in m.claims))
    ]
    if given:
        return min(given)
    return min(values) if values else None


def _unique_sources(sources: object) -> list[SourceRef]:
    seen: set[tuple[str, str | None, str]] = set()
    kept: list[SourceRef] = []
    for source in sources:  # type: ignore[attr-defined]
        key = (source.article_id, source.attribution, source.stance)
        if key not in seen:
            seen.add(key)
            kept.append(deepcopy(source))
    return kept


def _claims_with_figures(record: EventRecord, texts: Mapping[str, str]) -> list[Claim]:
    claims = [deepcopy(c) for c in record.claims]
    figures = {f: getattr(record, f) for f in FIGURES if getattr(record, f)}
    missing = {f: v for f, v in figures.items() if not any(f in c.figures for c in claims)}
    text = texts.get(record.article_ids[0])
    if missing and record.evidence and text is not None:
        span = record.evidence[0]
        stance = next((s.stance for s in record.sources), "asserts")
        claims.append(Claim(span.article_id, text[span.start:span.end], stance, None,
                            span.start, span.end, missing))
    return claims
