"""Candidates to event records: fields resolved, ACLED figure rules applied, notes written."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from marsad.document import Document
from marsad.events.model import CROWD_FAMILIES, ActorRef, Candidate
from marsad.kb.registry import Resources
from marsad.record import (
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
from marsad.resolve.places import coded_point

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# (with a second actor, without one): "X attacked Y", "X carried out an attack".
_VERBS: dict[str, tuple[str, str]] = {
    "Armed clash": ("clashed with", "fought"),
    "Attack": ("attacked", "carried out an attack"),
    "Air/drone strike": ("carried out an air/drone strike on", "carried out an air/drone strike"),
    "Shelling/artillery/missile attack": ("shelled", "fired artillery or missiles"),
    "Remote explosive/landmine/IED": ("detonated an explosive device against",
                                      "detonated an explosive device"),
    "Suicide bomb": ("carried out a suicide bombing against", "carried out a suicide bombing"),
    "Grenade": ("threw a grenade at", "threw a grenade"),
    "Chemical weapon": ("used chemical weapons against", "used chemical weapons"),
    "Abduction/forced disappearance": ("abducted", "abducted people"),
    "Sexual violence": ("sexually assaulted", "committed sexual violence"),
    "Arrests": ("arrested", "made arrests"),
    "Peaceful protest": ("demonstrated against", "demonstrated"),
    "Protest with intervention": ("demonstrated and were dispersed by",
                                  "demonstrated and were dispersed"),
    "Excessive force against protesters": ("used lethal force against",
                                           "used lethal force against protesters"),
    "Violent demonstration": ("rioted against", "rioted"),
    "Mob violence": ("attacked", "committed mob violence"),
    "Government regains territory": ("regained territory from", "regained territory"),
    "Non-state actor overtakes territory": ("took territory from", "took control of territory"),
    "Agreement": ("reached an agreement with", "reached an agreement"),
    "Disrupted weapons use": ("intercepted or defused weapons of",
                              "intercepted or defused weapons"),
    "Non-violent transfer of territory": ("took over territory from", "transferred territory"),
    "Looting/property destruction": ("looted or destroyed property of",
                                     "looted or destroyed property"),
    "Headquarters or base established": ("established a base against", "established a base"),
    "Change to group/activity": ("changed activity towards", "changed its activity"),
    "Other": ("was involved in an event with", "was involved in an event"),
}


def to_record(
    document: Document, candidate: Candidate, position: int, resources: Resources
) -> EventRecord:
    article = document.article
    place = candidate.place.place if candidate.place else None
    country = resources.gazetteer.country(place.country_code) if place else (
        resources.gazetteer.country(candidate.country) if candidate.country else None
    )
    lat, lon = (coded_point(candidate.place, resources.gazetteer) if candidate.place
                else (None, None))
    if candidate.place is None and country and country.capital_id:
        capital = resources.gazetteer.get(country.capital_id)
        lat, lon = capital.lat, capital.lon
    event_date, earliest, latest, precision = _dates(candidate)
    a1, a2 = candidate.actor1, candidate.actor2
    if candidate.sub == "Peaceful protest":
        a2 = None  # ACLED codes a peaceful protest one-sided: no one is acted on
    record = EventRecord(
        event_id=make_event_id(article.id, position),
        article_ids=[article.id],
        event_date=event_date,
        date_earliest=earliest,
        date_latest=latest,
        time_precision=precision,
        disorder_type=disorder_type_of(candidate.sub),
        event_type=event_type_of(candidate.sub),
        sub_event_type=candidate.sub,
        **_actor_fields(a1, 1),
        **_actor_fields(a2, 2),
        interaction=interaction_code(a1.inter if a1 else None, a2.inter if a2 else None),
        country=country.name if country else None,
        admin1=_admin1(place),
        admin2=place.admin2 if place else None,
        location=place.name if place else (country.name if country else None),
        location_ar=candidate.place.surface if candidate.place else None,
        latitude=lat,
        longitude=lon,
        geo_precision=candidate.place.precision if candidate.place else (3 if country else None),
        fatalities=_fatalities(candidate, resources.generic_dead),
        injuries=candidate.injuries,
        arrests=candidate.arrests,
        evidence=[Evidence(article.id, s.start, s.end) for s in sorted(
            candidate.evidence, key=lambda s: s.start)],
        version=version_string(resources.kb_version),
    )
    _add_sources(record, candidate, article.id, article.outlet)
    record.notes = write_notes(record)
    record.confidence = _confidence(candidate, record)
    return record


def _admin1(place) -> str | None:  # type: ignore[no-untyped-def]
    if place is None:
        return None
    return place.name if place.kind == "admin1" else place.admin1


def _actor_fields(ref: ActorRef | None, n: int) -> dict[str, Any]:
    if ref is None:
        return {}
    return {
        f"actor{n}": ref.name,
        f"actor{n}_ar": ref.surface or (ref.actor.aliases_ar[0] if ref.actor and
                                        ref.actor.aliases_ar else None),
        f"actor{n}_id": ref.actor.id if ref.actor else None,
        f"assoc_actor_{n}": "; ".join(ref.assoc) or None,
        f"inter{n}": ref.inter,
    }


def _dates(candidate: Candidate) -> tuple[str | None, str | None, str | None, int | None]:
    if candidate.date is None or candidate.date.earliest is None or candidate.date.latest is None:
        return None, None, None, None
    earliest, latest = candidate.date.earliest, candidate.date.latest
    precision = candidate.date.precision
    span = (latest - earliest).days
    if precision is None:
        precision = 1 if span <= 1 else 2 if span <= 7 else 3
    chosen: date = earliest if precision == 1 else earliest + timedelta(days=span // 2)
    if candidate.subordinate and span > 1:
        chosen = latest
    if candidate.date_inherited and candidate.date.surface is None:
        chosen = latest  # a report with no day of its own: the day it is published
    return chosen.isoformat(), earliest.isoformat(), latest.isoformat(), precision


def _fatalities(candidate: Candidate, generic_dead: frozenset[str]) -> int | None:
    figures = [c.figures["fatalities"] for c in candidate.claims if "fatalities" in c.figures]
    disputed = any(c.stance == "denies" and "fatalities" in c.figures for c in candidate.claims)
    if disputed and len(set(figures)) > 1:
        return min(figures)  # ACLED's lowest credible figure
    if candidate.fatalities is not None:
        # ACLED counts the bomber: "قتل 20 جندياً" in a suicide bombing is 21 dead ("قتل 20
        # شخصاً", a count of all the dead, stands)
        bomber = candidate.sub == "Suicide bomb" and candidate.fatalities > 0 \
            and "fatalities" not in candidate.vague_figures \
            and candidate.dead_noun != "" and candidate.dead_noun not in generic_dead
        return candidate.fatalities + (1 if bomber else 0)
    violent = event_type_of(candidate.sub) in VIOLENT_TYPES
    return 0 if violent or candidate.family in CROWD_FAMILIES else None


def _add_sources(record: EventRecord, candidate: Candidate, article_id: str,
                 outlet: str | None) -> None:
    seen: set[tuple[str | None, str]] = set()
    for claim in candidate.claims:
        record.claims.append(Claim(article_id, claim.text, claim.stance, claim.attribution,
                                   claim.start, claim.end, dict(claim.figures)))
        key = (claim.attribution, claim.stance)
        if key not in seen:
            seen.add(key)
            record.sources.append(SourceRef(article_id, outlet, claim.attribution,
                                            claim.attribution_en, claim.stance))
    if not any(s.stance == "asserts" for s in record.sources):
        record.sources.insert(0, SourceRef(article_id, outlet, None, None, "asserts"))


def write_notes(record: EventRecord) -> str:
    """The one-sentence English summary of a record, from its resolved fields."""
    who = record.actor1 or "an unidentified actor"
    with_target, alone = _VERBS.get(record.sub_event_type, _VERBS["Other"])
    verb = with_target if record.actor2 else alone
    whom = f" {record.actor2}" if record.actor2 else ""
    where = f" in {record.location}" if record.location else ""
    if record.country and record.location != record.country:
        where += f" ({record.country})"
    when = f"On {record.event_date}, " if record.event_date else ""
    sentence = f"{when}{who} {verb}{whom}{where}."
    figures = []
    if record.fatalities:
        figures.append(f"{record.fatalities} killed")
    if record.injuries:
        figures.append(f"{record.injuries} injured")
    if record.arrests:
        figures.append(f"{record.arrests} arrested")
    if figures:
        sentence = sentence[:-1] + f"; {', '.join(figures)}."
    if any(s.stance == "denies" for s in record.sources):
        sentence += " A source denies the report."
    return sentence[0].upper() + sentence[1:]


def _confidence(candidate: Candidate, record: EventRecord) -> float:
    score = 0.35
    score += 0.15 if record.latitude is not None else 0.0
    score += 0.15 if record.event_date else 0.0
    score += 0.15 if record.actor1_id else 0.0
    score += 0.05 if record.actor2_id else 0.0
    score += 0.1 if candidate.strength == "strong" else 0.0
    score += 0.05 if len(candidate.sentences) > 1 else 0.0
    return round(min(score, 1.0), 2)
