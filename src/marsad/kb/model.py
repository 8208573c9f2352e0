"""Typed entries of the knowledge base: countries, places, actors, leaders and role titles."""

from __future__ import annotations

from dataclasses import dataclass, field

PLACE_KINDS = (
    "country", "admin1", "admin2", "city", "town", "district", "neighbourhood", "site",
)
ACTOR_KINDS = (
    "state", "government", "rebel", "militia", "identity", "party", "ngo", "generic", "external",
)


@dataclass(frozen=True, slots=True)
class Country:
    """A country as ACLED spells it, with the Arabic forms news uses for it and its people."""

    code: str  # ISO 3166 alpha-2, e.g. "IQ"
    iso3: str
    numeric: int  # ISO 3166 numeric, ACLED's `iso`
    name: str  # ACLED spelling, e.g. "Iraq", "Democratic Republic of Congo"
    region: str  # ACLED region, e.g. "Middle East"
    name_ar: str
    aliases_ar: tuple[str, ...] = ()  # other Arabic names: "بلاد الرافدين", "الكونغو الديمقراطية"
    adjectives_ar: tuple[str, ...] = ()  # nisba forms: عراقي عراقية عراقيون عراقيين (with ال too)
    capital_id: str | None = None  # place id of the capital


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. Coordinates are WGS84; `admin1`/`admin2` are English names."""

    id: str
    name: str
    kind: str  # one of PLACE_KINDS
    country_code: str
    lat: float | None
    lon: float | None
    name_ar: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    admin1: str | None = None
    admin2: str | None = None
    admin1_id: str | None = None
    admin2_id: str | None = None
    population: int = 0
    parent_id: str | None = None  # the town a neighbourhood or site belongs to


@dataclass(frozen=True, slots=True)
class Leader:
    """A person whose name (or title) stands for an actor during a term."""

    name_ar: str
    name_en: str
    actor_id: str
    role: str = ""
    start: str | None = None  # YYYY or YYYY-MM-DD
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor. `country` is the ACLED country name, None for transnational ones."""

    id: str
    name: str
    inter: int  # ACLED actor type 1..8
    kind: str  # one of ACTOR_KINDS
    country: str | None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    leaders: tuple[Leader, ...] = ()
    ambiguous: bool = False  # an alias may also name another entry
    template: str | None = None  # for per-country actors: the template id they came from
    operates_in: tuple[str, ...] = ()  # a regional branch's countries ("Islamic State (Sahel)")
    local_aliases: tuple[str, ...] = ()  # names of it only in its country's news: حكومة الإقليم


@dataclass(frozen=True, slots=True)
class RoleTitle:
    """A title such as "وزير الداخلية" that stands for an actor template of a country."""

    title_ar: str
    template: str  # an actor template id, e.g. "government", "police", "military"
    title_en: str = ""


@dataclass(slots=True)
class ValidationReport:
    """Problems found while loading knowledge-base files."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors
