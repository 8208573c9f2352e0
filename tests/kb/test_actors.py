"""The actor knowledge base: shipped data, template expansion, leaders, overrides, validation."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from marsad.kb.actors import ActorBase, load_actors, package_files
from marsad.kb.model import ACTOR_KINDS, Country
from marsad.text.tokenise import name_key

# Every country the shipped actor files name, with its ISO code (ACLED spelling). Built here
# so that these tests do not depend on countries.yaml.
_COUNTRIES = {
    "AE": "United Arab Emirates", "AF": "Afghanistan", "BD": "Bangladesh", "BF": "Burkina Faso",
    "BH": "Bahrain", "BI": "Burundi", "CD": "Democratic Republic of Congo",
    "CF": "Central African Republic", "CM": "Cameroon", "CO": "Colombia", "DZ": "Algeria",
    "EC": "Ecuador", "EG": "Egypt", "ER": "Eritrea", "ET": "Ethiopia", "FR": "France",
    "GB": "United Kingdom", "HT": "Haiti", "IL": "Israel", "IN": "India", "IQ": "Iraq",
    "IR": "Iran", "JO": "Jordan", "KE": "Kenya", "KW": "Kuwait", "LB": "Lebanon", "LY": "Libya",
    "MA": "Morocco", "ML": "Mali", "MR": "Mauritania", "MX": "Mexico", "MZ": "Mozambique",
    "NE": "Niger", "NG": "Nigeria", "OM": "Oman", "PK": "Pakistan", "PS": "Palestine",
    "QA": "Qatar", "RS": "Serbia", "RU": "Russia", "RW": "Rwanda", "SA": "Saudi Arabia",
    "SD": "Sudan", "SO": "Somalia", "SS": "South Sudan", "SY": "Syria", "TD": "Chad",
    "TN": "Tunisia", "TR": "Turkey", "UA": "Ukraine", "US": "United States", "VE": "Venezuela",
    "XK": "Kosovo", "YE": "Yemen",
}


def _country(code: str, name: str) -> Country:
    return Country(code=code, iso3=code + "X", numeric=0, name=name, region="", name_ar="")


COUNTRIES = [_country(code, name) for code, name in _COUNTRIES.items()]
TINY = [_country("IQ", "Iraq"), _country("SY", "Syria"), _country("CD",
        "Democratic Republic of Congo")]


@pytest.fixture(scope="module")
def kb() -> ActorBase:
    return load_actors(COUNTRIES)


def _write(directory: Path, name: str, text: str) -> Path:
    """Write a user actor file where the loader looks for it: <dir>/actors/<name>."""
    (directory / "actors").mkdir(exist_ok=True)
    path = directory / "actors" / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped data ------------------------------------------------------------------------
def test_shipped_data_is_valid_and_large_enough(kb: ActorBase) -> None:
    report = kb.validate()
    assert report.errors == []
    stats = kb.stats()
    assert stats["total"] >= 400
    assert stats["named"] >= 150
    assert set(stats["by_inter"]) <= set(range(1, 9))
    assert stats["by_country"]["Iraq"] > 20


def test_shipped_strings_are_clean(kb: ActorBase) -> None:
    for actor in kb.actors():
        assert actor.kind in ACTOR_KINDS
        for alias in actor.aliases_ar:
            assert unicodedata.normalize("NFC", alias) == alias
            assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF
                           for c in alias), alias
    for path in package_files():
        assert 'version: "2026.11.25"' in path.read_text(encoding="utf-8"), path.name


def test_every_alias_of_two_actors_is_marked_ambiguous(kb: ActorBase) -> None:
    owners: dict[tuple[str, ...], set[str]] = {}
    for alias, actor_id in kb.aliases():
        owners.setdefault(name_key(alias), set()).add(actor_id)
    for key, ids in owners.items():
        if len(ids) > 1:
            assert all(kb.get(i).ambiguous for i in ids), (key, ids)


# --- the seed article's actors ---------------------------------------------------------------
def test_thar_allah(kb: ActorBase) -> None:
    for text in ("ثأر الله", "ميليشيا ثأر الله", "حركة ثار الله الإسلامية"):
        (actor,) = kb.lookup(text)
        assert actor.name == "Thar Allah Islamic Movement"
        assert (actor.inter, actor.country) == (3, "Iraq")
        assert "pro-Iran" in actor.affiliations


def test_kadhimi_stands_for_the_government_of_iraq_during_his_term(kb: ActorBase) -> None:
    actor = kb.leader_actor("مصطفى الكاظمي", date(2020, 5, 23))
    assert actor is not None
    assert actor.name == "Government of Iraq"
    assert actor.id == "tmpl.government.IQ"
    assert kb.leader_actor("Mustafa al-Kadhimi", date(2021, 1, 1)) == actor
    assert kb.leader_actor("مصطفى الكاظمي", date(2023, 1, 1)) is None
    assert kb.leader_actor("مصطفى الكاظمي", date(2019, 12, 31)) is None
    assert kb.leader_actor("مصطفى الكاظمي", None) is None  # term over: no date, no guess


def test_leader_name_variants_and_repeated_terms(kb: ActorBase) -> None:
    houthis = kb.leader_actor("عبدالملك الحوثي", None)  # joined عبد, no date, still leader
    assert houthis is not None and houthis.name == "Houthis"
    netanyahu = kb.leader_actor("نتنياهو", date(2024, 3, 1))
    assert netanyahu is not None and netanyahu.name == "Government of Israel"
    assert kb.leader_actor("نتنياهو", date(2022, 1, 1)) is None  # Bennett's term
    nasrallah = kb.leader_actor("حسن نصرالله", date(2020, 1, 1))
    assert nasrallah is not None and nasrallah.name == "Hezbollah"
    assert all(leader.actor_id in kb for leader in kb.leaders())


def test_ansar_allah_is_the_houthis(kb: ActorBase) -> None:
    assert ("أنصار الله", "ye.houthis") in set(kb.aliases())
    assert [a.name for a in kb.lookup("انصار الله")] == ["Houthis"]
    # the longer names stay other groups
    assert [a.id for a in kb.lookup("أنصار الله الأوفياء")] == ["iq.ansar_allah_al_awfiya"]
    assert {a.id for a in kb.lookup("أنصار الشريعة")} >= {"ly.ansar_al_sharia"}


def test_islamic_state_branches_share_daesh(kb: ActorBase) -> None:
    branches = {a.country for a in kb.lookup("داعش")}
    assert {"Iraq", "Syria", "Libya", None} <= branches
    assert all(a.ambiguous for a in kb.lookup("تنظيم الدولة الإسلامية"))


# --- templates -------------------------------------------------------------------------------
def test_template_expansion(kb: ActorBase) -> None:
    police = kb.for_template("police", "Iraq")
    assert police is not None
    assert (police.id, police.name, police.inter, police.kind) == (
        "tmpl.police.IQ", "Police Forces of Iraq", 1, "state")
    assert kb.for_template("police", "IQ") == police
    assert kb.for_template("riot_police", "Iraq") == police  # same_as
    navy = kb.for_template("navy", "Iraq")
    assert navy is not None and navy.name == "Military Forces of Iraq"
    congo = kb.for_template("military", "Democratic Republic of Congo")
    assert congo is not None and congo.name == "Military Forces of the Democratic Republic of Congo"
    protesters = kb.for_template("protesters", "Iraq")
    assert protesters is not None
    assert (protesters.name, protesters.inter) == ("Protesters (Iraq)", 6)
    assert kb.for_template("police", "Atlantis") is None
    assert kb.for_template("no_such_template", "Iraq") is None


def test_template_nouns_and_roles(kb: ActorBase) -> None:
    nouns = dict(kb.template_nouns())
    assert nouns["الشرطة"] == "police"
    assert nouns["قوات الأمن"] == "police"
    assert nouns["الجيش"] == "military"
    assert nouns["البحرية"] == "navy"
    assert nouns["المتظاهرين"] == "protesters"
    assert nouns["مسلحون مجهولون"] == "unidentified_armed_group"
    roles = {r.title_ar: r.template for r in kb.roles()}
    assert roles["رئيس الوزراء"] == "government"
    assert roles["وزير الداخلية"] == "police"
    assert roles["خلية الإعلام الأمني"] == "military"
    assert all(r.template in {t.id for t in kb.templates()} for r in kb.roles())


def test_country_specific_names_extend_the_expanded_actor(kb: ActorBase) -> None:
    (actor,) = kb.lookup("جيش الاحتلال")
    assert actor.id == "tmpl.military.IL"
    assert actor.name == "Military Forces of Israel"
    assert actor.template == "military"


# --- user data -------------------------------------------------------------------------------
def test_user_entry_replaces_package_entry(tmp_path: Path) -> None:
    _write(tmp_path, "mine.yaml", """version: "1"
actors:
  - id: iq.thar_allah
    name: Thar Allah
    inter: 3
    kind: militia
    country: Iraq
    aliases_ar: [ثأر الله, جماعة ثأر الله]
  - id: iq.new_group
    name: New Group
    inter: 2
    kind: rebel
    country: Iraq
    aliases_ar: [الجماعة الجديدة]
  - template: police
    country: Iraq
    aliases_ar: [شرطة البصرة الخاصة]
""")
    kb = load_actors(COUNTRIES, [tmp_path])
    assert kb.validate().errors == []
    assert kb.get("iq.thar_allah").name == "Thar Allah"
    assert [a.id for a in kb.lookup("جماعة ثأر الله")] == ["iq.thar_allah"]
    assert kb.lookup("حركة ثأر الله") == []  # the package's aliases went with its entry
    assert kb.get("iq.new_group").inter == 2
    assert [a.id for a in kb.lookup("شرطة البصرة الخاصة")] == ["tmpl.police.IQ"]


# --- validation ------------------------------------------------------------------------------
_FIXTURE_TEMPLATES = """version: "1"
templates:
  - id: police
    name: "Police Forces of {the_country}"
    inter: 1
    kind: state
    nouns_ar: [الشرطة]
definite_article: [Democratic Republic of Congo]
"""


def test_fixture_only_load_expands_templates(tmp_path: Path) -> None:
    _write(tmp_path, "templates.yaml", _FIXTURE_TEMPLATES)
    kb = load_actors(TINY, [tmp_path], package=False)
    assert kb.validate().ok
    assert kb.stats()["total"] == 3
    congo = kb.for_template("police", "CD")
    assert congo is not None and congo.name == "Police Forces of the Democratic Republic of Congo"


def test_validation_reports_bad_entries(tmp_path: Path) -> None:
    _write(tmp_path, "templates.yaml", _FIXTURE_TEMPLATES)
    _write(tmp_path, "bad.yaml", """version: "1"
actors:
  - {id: x.one, name: One, inter: 2, kind: rebel, country: Iraq, aliases_ar: [جماعة واحد]}
  - {id: x.one, name: One again, inter: 2, kind: rebel, country: Iraq}
  - {id: x.nine, name: Nine, inter: 9, kind: rebel, country: Iraq}
  - {id: x.kind, name: Kind, inter: 2, kind: gang, country: Iraq}
  - {id: x.where, name: Where, inter: 2, kind: rebel, country: Atlantis}
  - {id: x.two, name: Two, inter: 3, kind: militia, country: Syria, aliases_ar: [الجماعة واحد]}
  - {id: x.amb1, name: A1, inter: 3, kind: militia, country: Iraq, ambiguous: true,
     aliases_ar: [المشتركة]}
  - {id: x.amb2, name: A2, inter: 3, kind: militia, country: Syria, ambiguous: true,
     aliases_ar: [مشتركة]}
  - {id: x.pf, name: PF, inter: 3, kind: militia, country: Iraq, aliases_ar: [ﺣﻤﺎﺱ]}
""")
    report = load_actors(TINY, [tmp_path], package=False).validate()
    text = "\n".join(report.errors)
    assert "bad.yaml:4: duplicate id 'x.one'" in text
    assert "inter 9 is outside ACLED's 1..8" in text
    assert "kind 'gang'" in text
    assert "unknown country 'Atlantis'" in text
    assert "x.one" in text and "x.two" in text and "alias claimed by 2 actors" in text
    assert "x.amb1" not in text  # both claimants are marked ambiguous
    assert "presentation forms" in text
    assert not report.ok


def test_validation_reports_yaml_errors_with_line(tmp_path: Path) -> None:
    _write(tmp_path, "broken.yaml", 'version: "1"\nactors:\n  - id: x\n    name: [unclosed\n')
    report = load_actors(TINY, [tmp_path], package=False).validate()
    assert len(report.errors) == 1
    assert "broken.yaml:" in report.errors[0] and "YAML error" in report.errors[0]
    line = int(report.errors[0].split("broken.yaml:")[1].split(":")[0])
    assert line >= 4


def test_validation_reports_bad_leader_dates_and_roles(tmp_path: Path) -> None:
    _write(tmp_path, "templates.yaml", _FIXTURE_TEMPLATES)
    _write(tmp_path, "people.yaml", """version: "1"
actors:
  - id: x.g
    name: G
    inter: 2
    kind: rebel
    country: Iraq
    leaders:
      - {name_ar: فلان, name_en: Someone, start: "May 2020"}
      - {name_ar: علان, name_en: Other, start: "2021", end: "2019"}
roles:
  - {title_ar: قائد الأسطول, template: fleet}
""")
    text = "\n".join(load_actors(TINY, [tmp_path], package=False).validate().errors)
    assert "bad date 'May 2020'" in text
    assert "term ends before it starts" in text
    assert "unknown template 'fleet'" in text


def test_houthi_adjective_names_the_group(resources) -> None:  # type: ignore[no-untyped-def]
    from marsad.document import Article
    from marsad.pipeline import extract

    records = extract(Article(id="t", text="شنت مقاتلات التحالف بقيادة السعودية، أمس الأحد، "
                              "غارات جوية على مواقع حوثية في العاصمة صنعاء.",
                              published=date(2023, 5, 16)), resources)
    assert [r.actor2 for r in records if r.sub_event_type == "Air/drone strike"] == ["Houthis"]


def test_moroccan_public_forces_are_the_police(resources) -> None:  # type: ignore[no-untyped-def]
    from marsad.document import Article
    from marsad.pipeline import extract

    records = extract(Article(id="t", text="فرقت القوات العمومية، مساء الأحد، وقفة احتجاجية "
                              "للمعطلين أمام مقر البرلمان في الرباط مستعملة الهراوات.",
                              published=date(2023, 5, 16)), resources)
    assert [r.actor2 for r in records] == ["Police Forces of Morocco"]


def first_actor(text: str, published: date, resources) -> str | None:  # type: ignore[no-untyped-def]
    """Actor 1 of the first record extracted from a short text written for a test."""
    from marsad.document import Article
    from marsad.pipeline import extract

    records = extract(Article(id="t", text=text, published=published), resources)
    return records[0].actor1 if records else None


def test_islamic_state_branch_of_a_country_without_one_of_its_own(resources) -> None:  # type: ignore[no-untyped-def]
    day = date(2021, 11, 17)
    assert first_actor("كمبالا - قتل ثلاثة أشخاص في تفجير انتحاري تبناه تنظيم داعش وسط العاصمة "
                       "الأوغندية كمبالا أمس.", day, resources) == "Islamic State (Central Africa)"
    assert first_actor("الكويت - قتل 27 شخصاً في تفجير انتحاري تبناه تنظيم داعش استهدف مسجداً في "
                       "مدينة الكويت أمس.", day, resources) == "Islamic State (Kuwait)"


def test_a_stand_in_gives_another_country_s_forces(resources) -> None:  # type: ignore[no-untyped-def]
    actors = resources.actors
    assert actors.for_template("military", "Palestine") is actors.for_template("military", "Israel")
    assert actors.for_template("military", "PS").name == "Military Forces of Israel"
    assert actors.for_template("police", "Palestine").name == "Police Forces of Palestine"


def test_the_islamic_resistance_is_hezbollah_or_the_iraqi_factions_by_place(resources) -> None:  # type: ignore[no-untyped-def]
    day = date(2024, 3, 6)
    assert first_actor("أعلنت المقاومة الإسلامية أنّ مجاهديها استهدفوا ظهر اليوم تجمّعاً لجنود "
                       "الاحتلال في محيط موقع المالكية بالأسلحة الصاروخية.", day,
                       resources) == "Hezbollah"
    assert first_actor("أعلنت المقاومة الإسلامية أنّ مجاهديها استهدفوا فجر اليوم قاعدة عين الأسد "
                       "الجوية غربي العراق بطائرة مسيّرة.", day,
                       resources) == "Islamic Resistance in Iraq"
