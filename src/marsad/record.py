"""The event record of shared/spec/event-record.md, field for field, and the taxonomy."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from marsad import __version__

DISORDER_BY_SUB: dict[str, tuple[str, str]] = {
    "Armed clash": ("Political violence", "Battles"),
    "Government regains territory": ("Political violence", "Battles"),
    "Non-state actor overtakes territory": ("Political violence", "Battles"),
    "Chemical weapon": ("Political violence", "Explosions/Remote violence"),
    "Air/drone strike": ("Political violence", "Explosions/Remote violence"),
    "Suicide bomb": ("Political violence", "Explosions/Remote violence"),
    "Shelling/artillery/missile attack": ("Political violence", "Explosions/Remote violence"),
    "Remote explosive/landmine/IED": ("Political violence", "Explosions/Remote violence"),
    "Grenade": ("Political violence", "Explosions/Remote violence"),
    "Sexual violence": ("Political violence", "Violence against civilians"),
    "Attack": ("Political violence", "Violence against civilians"),
    "Abduction/forced disappearance": ("Political violence", "Violence against civilians"),
    "Peaceful protest": ("Demonstrations", "Protests"),
    "Protest with intervention": ("Demonstrations", "Protests"),
    "Excessive force against protesters": ("Political violence; Demonstrations", "Protests"),
    "Violent demonstration": ("Demonstrations", "Riots"),
    "Mob violence": ("Political violence", "Riots"),
    "Agreement": ("Strategic developments", "Strategic developments"),
    "Arrests": ("Strategic developments", "Strategic developments"),
    "Change to group/activity": ("Strategic developments", "Strategic developments"),
    "Disrupted weapons use": ("Strategic developments", "Strategic developments"),
    "Headquarters or base established": ("Strategic developments", "Strategic developments"),
    "Looting/property destruction": ("Strategic developments", "Strategic developments"),
    "Non-violent transfer of territory": ("Strategic developments", "Strategic developments"),
    "Other": ("Strategic developments", "Strategic developments"),
}
SUB_EVENT_TYPES = tuple(DISORDER_BY_SUB)
STANCES = ("asserts", "denies", "unconfirmed")


def event_type_of(sub_event_type: str) -> str:
    return DISORDER_BY_SUB[sub_event_type][1]


def disorder_type_of(sub_event_type: str) -> str:
    return DISORDER_BY_SUB[sub_event_type][0]


def make_event_id(article_id: str, position: int) -> str:
    """Stable id from the article id and the event's position in the article."""
    digest = hashlib.sha1(f"{article_id}\x1f{position}".encode()).hexdigest()[:16]
    return f"ev_{digest}"


@dataclass(slots=True)
class SourceRef:
    article_id: str
    outlet: str | None
    attribution: str | None
    attribution_en: str | None
    stance: str


@dataclass(slots=True)
class Claim:
    article_id: str
    text: str
    stance: str
    attribution: str | None
    start: int
    end: int
    figures: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class Evidence:
    article_id: str
    start: int
    end: int


@dataclass(slots=True)
class EventRecord:
    """One event, serialised to exactly the JSON object of event-record.md."""

    event_id: str
    article_ids: list[str]
    event_date: str | None
    date_earliest: str | None
    date_latest: str | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    # Field order is the JSON key order: the spec's table, row by row.
    actor1: str | None = None
    actor2: str | None = None
    actor1_ar: str | None = None
    actor2_ar: str | None = None
    actor1_id: str | None = None
    actor2_id: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    sources: list[SourceRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    notes: str = ""
    confidence: float = 0.0
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["sources"] = [SourceRef(**s) for s in data.get("sources") or []]
        values["claims"] = [Claim(**c) for c in data.get("claims") or []]
        values["evidence"] = [Evidence(**e) for e in data.get("evidence") or []]
        return cls(**values)

    @property
    def contested(self) -> bool:
        stances = {s.stance for s in self.sources} | {c.stance for c in self.claims}
        figures = {c.figures.get("fatalities") for c in self.claims} - {None}
        return ("asserts" in stances and "denies" in stances) or len(figures) > 1


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: both inter codes, smaller first; a one-sided event is inter1 then 0."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def version_string(kb_version: str) -> str:
    return f"marsad {__version__}; kb {kb_version}"
