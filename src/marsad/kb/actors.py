"""The actor knowledge base: named actors, per-country state templates, leaders and titles.

Data lives in `kb/data/actors/*.yaml` (one file per area, plus `templates.yaml`) and
`kb/data/roles.yaml`. A file may hold any of these top-level keys:

- `actors`: named actors (fields of `model.Actor`; `leaders` as mappings;
  `local_aliases_ar` for names that are the actor's only in its own country's news, such
  as حكومة الإقليم for the Kurdistan Regional Government). An entry with
  `template` and `country` instead of `id` *extends* the per-country actor that the template
  expands to (extra aliases such as جيش الاحتلال for Military Forces of Israel, leaders such
  as the Iraqi prime ministers for Government of Iraq).
- `templates`: per-country actor templates ("Military Forces of {the_country}"), with the
  Arabic head nouns that name them (`nouns_ar`). A template with `same_as` has no actor of
  its own (navy, air force -> military). `assoc_nouns_ar` name ACLED associated-actor
  labels (Journalists (X)) that are not main actors.
- `definite_article`: countries ACLED writes with "the" after "of".
- `stand_ins`: where a template's forces named without a country are another country's
  (`{template, country, actor_of}`: the military in Palestine is Israel's).
- `roles`: titles (وزير الداخلية) that stand for a template of the country in context.

Files in user directories load after the package's; an entry whose id equals a package
entry's id replaces it. Problems never raise: they are collected in `validate()`.
"""

from __future__ import annotations

import calendar
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from marsad.kb.model import ACTOR_KINDS, Actor, Country, Leader, RoleTitle, ValidationReport
from marsad.text.normalise import fold
from marsad.text.tokenise import name_key

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
TEMPLATE_PREFIX = "tmpl."  # ids of the per-country actors a template expands to
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_JOINED = re.compile(r"(?<!\w)(عبد|ابو)\s+")
# `shared` holds YAML anchors (lists spliced into entries), nothing else reads it.
_TOP_KEYS = {"version", "actors", "templates", "roles", "definite_article", "stand_ins",
             "shared"}


@dataclass(frozen=True, slots=True)
class ActorTemplate:
    """A per-country actor pattern such as "Police Forces of {the_country}"."""

    id: str
    name: str
    inter: int
    kind: str
    nouns_ar: tuple[str, ...] = ()
    assoc_nouns_ar: tuple[str, ...] = ()
    same_as: str | None = None
    countries: tuple[str, ...] = ()  # empty: every country
    title_en: str = ""


@dataclass(slots=True)
class _Entry:
    data: Mapping[str, Any]
    file: str
    user: bool


@dataclass(slots=True)
class _Raw:
    """Everything read from the YAML files, before expansion."""

    report: ValidationReport = field(default_factory=ValidationReport)
    templates: dict[str, tuple[ActorTemplate, _Entry]] = field(default_factory=dict)
    entries: dict[str, _Entry] = field(default_factory=dict)
    roles: dict[tuple[str, str], RoleTitle] = field(default_factory=dict)
    definite: set[str] = field(default_factory=set)
    stand_ins: list[tuple[str, str, str]] = field(default_factory=list)
    versions: set[str] = field(default_factory=set)
    seen: Counter[tuple[str, str]] = field(default_factory=Counter)


@lru_cache(maxsize=65536)
def alias_key(alias: str) -> tuple[str, ...]:
    """`name_key` of an alias (cached: the same aliases are keyed at load and at lookup)."""
    return name_key(alias)


def leader_key(name: str) -> tuple[str, ...]:
    """Lookup key of a person's name: as `name_key`, with عبد/أبو joined to the next word."""
    return name_key(_JOINED.sub(r"\1", fold(name)))


def term_bound(text: str | None, *, end: bool) -> date | None:
    """First (or, with `end`, last) day of a YYYY, YYYY-MM or YYYY-MM-DD term bound."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    year, month = parts[0], parts[1]
    if len(parts) == 2:
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, parts[2])


def in_term(leader: Leader, on: date) -> bool:
    """Whether `on` falls within the leader's term (open bounds are unlimited)."""
    start = term_bound(leader.start, end=False)
    stop = term_bound(leader.end, end=True)
    return (start is None or start <= on) and (stop is None or on <= stop)


class ActorBase:
    """Canonical actors with their aliases, templates, leaders and role titles."""

    def __init__(
        self,
        actors: dict[str, Actor],
        templates: dict[str, ActorTemplate],
        roles: list[RoleTitle],
        leader_forms: list[tuple[str, Leader]],
        report: ValidationReport,
        version: str,
    ) -> None:
        self.version = version
        self._actors = actors
        self._templates = templates
        self._roles = roles
        self._report = report
        self._leader_forms = leader_forms
        self._by_template: dict[tuple[str, str], str] = {}
        self._noun_templates: dict[tuple[str, ...], str] | None = None
        for actor in actors.values():
            if actor.template and actor.country:
                self._by_template[(actor.template, actor.country)] = actor.id
                self._by_template[(actor.template, actor.id.rsplit(".", 1)[-1])] = actor.id
        self._leader_index: dict[tuple[str, ...], list[Leader]] = defaultdict(list)
        for form, leader in leader_forms:
            bucket = self._leader_index[leader_key(form)]
            if leader not in bucket:
                bucket.append(leader)
        self._alias_index: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for alias, actor_id in self.aliases():
            bucket2 = self._alias_index[alias_key(alias)]
            if actor_id not in bucket2:
                bucket2.append(actor_id)

    # -- actors ---------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError when unknown)."""
        return self._actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def actors(self) -> Iterator[Actor]:
        """Every canonical actor, named and expanded."""
        return iter(self._actors.values())

    def aliases(self) -> Iterator[tuple[str, str]]:
        """(alias as written, actor id) for named actors (their English name included) and
        for the country-specific extra aliases of expanded state actors."""
        for actor in self._actors.values():
            if actor.template is None:
                yield actor.name, actor.id
            for alias in (*actor.aliases_ar, *actor.aliases_en):
                yield alias, actor.id

    def lookup(self, text: str) -> list[Actor]:
        """Actors one of whose aliases has the same `name_key` as `text`."""
        return [self._actors[i] for i in self._alias_index.get(alias_key(text), [])]

    # -- templates ------------------------------------------------------------------------
    def templates(self) -> list[ActorTemplate]:
        return list(self._templates.values())

    def template_nouns(self) -> Iterator[tuple[str, str]]:
        """(Arabic head noun, template id): nouns that name a template's actor once the
        country is known (from a nationality adjective or the context)."""
        for template in self._templates.values():
            for noun in template.nouns_ar:
                yield noun, template.id

    def template_of_noun(self, noun: str) -> str | None:
        """The template whose head nouns hold `noun` (as `name_key`), if any."""
        if self._noun_templates is None:
            self._noun_templates = {alias_key(n): t for n, t in self.template_nouns()}
        return self._noun_templates.get(alias_key(noun))

    def assoc_nouns(self) -> Iterator[tuple[str, str]]:
        """(Arabic noun, template id) for ACLED associated-actor labels (Journalists (X))."""
        for template in self._templates.values():
            for noun in template.assoc_nouns_ar:
                yield noun, template.id

    def stand_in(self, template_id: str, country: Country, actor: Actor) -> None:
        """`actor` is the `template_id` actor of `country` (see `stand_ins`)."""
        self._by_template[(template_id, country.name)] = actor.id
        self._by_template[(template_id, country.code)] = actor.id

    def for_template(self, template_id: str, country: str) -> Actor | None:
        """The per-country actor of a template; `country` is the ACLED name or ISO code.
        A `same_as` template (navy) gives the actor of the template it stands for."""
        template = self._templates.get(template_id)
        if template is None:
            return None
        target = template.same_as or template.id
        actor_id = self._by_template.get((target, country))
        return self._actors[actor_id] if actor_id else None

    # -- leaders and roles ----------------------------------------------------------------
    def leaders(self) -> Iterator[Leader]:
        seen: set[int] = set()
        for _, leader in self._leader_forms:
            if id(leader) not in seen:
                seen.add(id(leader))
                yield leader

    def leader_names(self) -> Iterator[tuple[str, Leader]]:
        """Every written form of every leader's name (Arabic, English, extra aliases)."""
        return iter(self._leader_forms)

    def leader_actor(self, name: str, on_date: date | None) -> Actor | None:
        """The actor a person's name stands for on `on_date`.

        With a date, only leaders whose term covers it count; the latest-starting one wins.
        Without a date the name resolves only when all its entries point to one actor and
        one of them has no end (the person still holds the post)."""
        candidates = self._leader_index.get(leader_key(name), [])
        if on_date is None:
            targets = {leader.actor_id for leader in candidates}
            if len(targets) == 1 and any(leader.end is None for leader in candidates):
                return self._actors.get(targets.pop())
            return None
        current = [leader for leader in candidates if in_term(leader, on_date)]
        if not current:
            return None
        current.sort(key=lambda ld: term_bound(ld.start, end=False) or date.min, reverse=True)
        return self._actors.get(current[0].actor_id)

    def roles(self) -> list[RoleTitle]:
        return list(self._roles)

    # -- reporting ------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts of canonical actors: total, by country, by inter and by kind."""
        actors = list(self._actors.values())
        return {
            "total": len(actors),
            "named": sum(1 for a in actors if a.template is None),
            "by_country": dict(Counter(a.country or "(none)" for a in actors).most_common()),
            "by_inter": dict(sorted(Counter(a.inter for a in actors).items())),
            "by_kind": dict(Counter(a.kind for a in actors).most_common()),
        }

    def validate(self) -> ValidationReport:
        """Problems found while loading (errors) and doubtful data (warnings)."""
        return self._report


# --- Loading -----------------------------------------------------------------------------
def package_files(root: Path = DATA_DIR) -> list[Path]:
    """The actor data files under a data folder (`actors/*.yaml`, `roles.yaml`), in order."""
    roles = root / "roles.yaml"
    return [*sorted((root / "actors").glob("*.yaml")), *([roles] if roles.exists() else [])]


def load_actors(
    countries: Sequence[Country], extra_dirs: Sequence[Path] = (), *, package: bool = True
) -> ActorBase:
    """Read the package's actor data, then each user folder's `actors/*.yaml` and
    `roles.yaml` (the package layout); a user's entry replaces the package's entry of the
    same id. `package=False` reads only `extra_dirs`, for small test fixtures."""
    raw = _Raw()
    for path in package_files() if package else ():
        _read_file(path, raw, user=False)
    for directory in extra_dirs:
        if not Path(directory).is_dir():
            raw.report.errors.append(f"{directory}: not a directory")
            continue
        for path in package_files(Path(directory)):
            _read_file(path, raw, user=True)
    base = _build(raw, countries)
    for message in raw.report.errors:
        log.warning("actor data: %s", message)
    return base


def _read_file(path: Path, raw: _Raw, *, user: bool) -> None:
    report = raw.report
    try:
        text = path.read_text(encoding="utf-8")
        doc = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        report.errors.append(f"{where}: YAML error: {exc.problem or exc}")
        return
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        report.errors.append(f"{path}: cannot read: {exc}")
        return
    if doc is None:
        return
    if not isinstance(doc, dict):
        report.errors.append(f"{path}: expected a mapping with `version` and `actors`")
        return
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        report.warnings.append(f"{path}: unknown top-level keys {sorted(unknown)}")
    if "version" not in doc:
        report.warnings.append(f"{path}: no `version`")
    else:
        raw.versions.add(str(doc["version"]))
    raw.definite.update(str(c) for c in doc.get("definite_article") or ())
    for item in _entries(doc, "stand_ins", path, report):
        fields = [str(item.get(key) or "") for key in ("template", "country", "actor_of")]
        if not all(fields):
            report.errors.append(f"{path.name}: stand-in needs `template`, `country` and "
                                 f"`actor_of`: {item}")
            continue
        raw.stand_ins.append((fields[0], fields[1], fields[2]))
    for item in _entries(doc, "templates", path, report):
        _add_template(item, _Entry(item, path.name, user), raw)
    for item in _entries(doc, "actors", path, report):
        _add_entry(_Entry(item, path.name, user), raw, text)
    for item in _entries(doc, "roles", path, report):
        title, template = item.get("title_ar"), item.get("template")
        if not title or not template:
            report.errors.append(f"{path.name}: role needs `title_ar` and `template`: {item}")
            continue
        role = RoleTitle(str(title), str(template), str(item.get("title_en", "")))
        raw.roles[(fold(role.title_ar), role.template)] = role


def _entries(doc: Mapping[str, Any], key: str, path: Path, report: ValidationReport
             ) -> list[Mapping[str, Any]]:
    items = doc.get(key) or []
    if not isinstance(items, list):
        report.errors.append(f"{path.name}: `{key}` must be a list")
        return []
    good: list[Mapping[str, Any]] = [item for item in items if isinstance(item, dict)]
    if len(good) != len(items):
        report.errors.append(f"{path.name}: every item of `{key}` must be a mapping")
    return good


def _line_of(text: str, key: str, nth: int) -> str:
    """":<line>" of the nth (1-based) `id: key` in a file's text, or "" when not found."""
    pattern = re.compile(rf"\bid:\s*['\"]?{re.escape(key)}['\"]?(?![\w.])")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if pattern.search(line)]
    return f":{lines[nth - 1]}" if len(lines) >= nth else ""


def _add_template(item: Mapping[str, Any], entry: _Entry, raw: _Raw) -> None:
    report = raw.report
    tid = item.get("id")
    try:
        template = ActorTemplate(
            id=str(tid),
            name=str(item.get("name", "")),
            inter=int(item.get("inter", 0)),
            kind=str(item.get("kind", "")),
            nouns_ar=_strings(item.get("nouns_ar")),
            assoc_nouns_ar=_strings(item.get("assoc_nouns_ar")),
            same_as=str(item["same_as"]) if item.get("same_as") else None,
            countries=_strings(item.get("countries")),
            title_en=str(item.get("title_en", "")),
        )
    except (TypeError, ValueError) as exc:
        report.errors.append(f"{entry.file}: template {tid!r}: {exc}")
        return
    if not tid or (not template.same_as and not template.name):
        report.errors.append(f"{entry.file}: template needs `id` and `name` (or `same_as`)")
        return
    previous = raw.templates.get(template.id)
    if previous and previous[1].user == entry.user:
        report.errors.append(f"{entry.file}: duplicate template id {template.id!r} "
                             f"(also in {previous[1].file})")
        return
    raw.templates[template.id] = (template, entry)


def _add_entry(entry: _Entry, raw: _Raw, text: str) -> None:
    data = entry.data
    if data.get("template") and not data.get("id"):
        key = f"extends:{data['template']}:{data.get('country')}"
    else:
        key = str(data.get("id") or "")
    if not key:
        raw.report.errors.append(f"{entry.file}: actor without `id`: {data.get('name')!r}")
        return
    raw.seen[(entry.file, key)] += 1
    previous = raw.entries.get(key)
    if previous and previous.user == entry.user:
        line = _line_of(text, key, raw.seen[(entry.file, key)])
        raw.report.errors.append(
            f"{entry.file}{line}: duplicate id {key!r} (first in {previous.file})")
        return
    raw.entries[key] = entry


def _strings(value: Any) -> tuple[str, ...]:
    """A string list; nested lists are flattened, so that a YAML anchor holding shared
    aliases can be spliced into a longer list: `aliases_ar: [*is_core, ولاية سيناء]`."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    out: list[str] = []
    for item in value:
        if isinstance(item, dict):  # an unquoted "A: B" inside a flow list
            raise ValueError(f"{item!r} is a mapping; quote strings that hold ': '")
        out.extend(_strings(item) if isinstance(item, list | tuple) else (str(item),))
    return tuple(dict.fromkeys(out))


# --- Building ----------------------------------------------------------------------------
def _build(raw: _Raw, countries: Sequence[Country]) -> ActorBase:
    report = raw.report
    by_name = {c.name: c for c in countries}
    templates = {tid: t for tid, (t, _) in raw.templates.items()}
    _check_templates(templates, by_name, report)
    actors: dict[str, Actor] = {}
    origin: dict[str, str] = {}
    for template in templates.values():
        if template.same_as:
            continue
        for country in countries:
            if template.countries and country.name not in template.countries:
                continue
            the = f"the {country.name}" if country.name in raw.definite else country.name
            actor_id = f"{TEMPLATE_PREFIX}{template.id}.{country.code}"
            actors[actor_id] = Actor(
                id=actor_id,
                name=template.name.format(country=country.name, the_country=the),
                inter=template.inter, kind=template.kind, country=country.name,
                template=template.id)
            origin[actor_id] = "templates"
    leader_forms: list[tuple[str, Leader]] = []
    for key, entry in raw.entries.items():
        try:
            built = _build_entry(key, entry, actors, templates, by_name, report)
        except ValueError as exc:
            report.errors.append(f"{entry.file}: {key!r}: {exc}")
            continue
        if built is None:
            continue
        actor, forms = built
        actors[actor.id] = actor
        origin[actor.id] = entry.file
        leader_forms.extend(forms)
    _check_aliases(actors, origin, report)
    roles = list(raw.roles.values())
    for role in roles:
        if role.template not in templates:
            report.errors.append(f"roles: {role.title_ar!r} names unknown template "
                                 f"{role.template!r}")
        _check_arabic(role.title_ar, f"roles: {role.title_ar!r}", report)
    version = max(raw.versions) if raw.versions else "unknown"
    base = ActorBase(actors, templates, roles, leader_forms, report, version)
    for template_id, country_name, actor_of in raw.stand_ins:
        record, other = by_name.get(country_name), by_name.get(actor_of)
        stand_in = base.for_template(template_id, actor_of)
        if record is None or other is None or stand_in is None:
            report.errors.append(f"stand-in: no {template_id!r} actor of {actor_of!r} to stand "
                                 f"in for {country_name!r}")
            continue
        base.stand_in(template_id, record, stand_in)
    return base


def _check_templates(templates: Mapping[str, ActorTemplate], by_name: Mapping[str, Country],
                     report: ValidationReport) -> None:
    owner: dict[str, str] = {}
    for template in templates.values():
        where = f"templates: {template.id!r}"
        if template.same_as:
            target = templates.get(template.same_as)
            if target is None or target.same_as:
                report.errors.append(f"{where}: same_as {template.same_as!r} is not a template "
                                     "with its own actor")
        else:
            _check_inter_kind(template.inter, template.kind, where, report)
        for country in template.countries:
            if country not in by_name:
                report.errors.append(f"{where}: unknown country {country!r}")
        for noun in template.nouns_ar:
            _check_arabic(noun, where, report)
            key = " ".join(name_key(noun))
            if key in owner and owner[key] != template.id:
                report.errors.append(f"{where}: noun {noun!r} also belongs to template "
                                     f"{owner[key]!r}")
            owner[key] = template.id


def _check_inter_kind(inter: int, kind: str, where: str, report: ValidationReport) -> bool:
    ok = True
    if not 1 <= inter <= 8:
        report.errors.append(f"{where}: inter {inter} is outside ACLED's 1..8")
        ok = False
    if kind not in ACTOR_KINDS:
        report.errors.append(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        ok = False
    return ok


def _check_arabic(text: str, where: str, report: ValidationReport) -> None:
    if unicodedata.normalize("NFC", text) != text:
        report.errors.append(f"{where}: {text!r} is not NFC")
    if _PRESENTATION.search(text):
        report.errors.append(f"{where}: {text!r} uses Arabic presentation forms")
    if not _ARABIC.search(text):
        report.errors.append(f"{where}: {text!r} is listed as Arabic but has no Arabic letter")


def _build_entry(
    key: str, entry: _Entry, actors: Mapping[str, Actor], templates: Mapping[str, ActorTemplate],
    by_name: Mapping[str, Country], report: ValidationReport,
) -> tuple[Actor, list[tuple[str, Leader]]] | None:
    data = entry.data
    where = f"{entry.file}: {key!r}"
    country = data.get("country")
    if country is not None and str(country) not in by_name:
        report.errors.append(f"{where}: unknown country {country!r}")
        return None
    # aliases that name the actor only in its own country's news ("حكومة الإقليم")
    local_aliases = _strings(data.get("local_aliases_ar"))
    aliases_ar = _strings(data.get("aliases_ar")) + local_aliases
    for alias in aliases_ar:
        _check_arabic(alias, where, report)
    aliases_en = _strings(data.get("aliases_en"))
    if key.startswith("extends:"):
        template = templates.get(str(data["template"]))
        if template is None or template.same_as or country is None:
            report.errors.append(f"{where}: `template` must name a template with its own actor "
                                 "and `country` a known country")
            return None
        base = actors.get(f"{TEMPLATE_PREFIX}{template.id}.{by_name[str(country)].code}")
        if base is None:
            report.errors.append(f"{where}: template {template.id!r} does not expand for "
                                 f"{country!r}")
            return None
        forms = _leaders(data.get("leaders"), base.id, where, report)
        return Actor(
            id=base.id, name=base.name, inter=base.inter, kind=base.kind, country=base.country,
            aliases_ar=aliases_ar, aliases_en=aliases_en,
            affiliations=_strings(data.get("affiliations")),
            leaders=tuple(dict.fromkeys(leader for _, leader in forms)),
            ambiguous=bool(data.get("ambiguous", False)), template=template.id), forms
    try:
        inter = int(data.get("inter", 0))
    except (TypeError, ValueError):
        inter = 0
    kind = str(data.get("kind", ""))
    if not data.get("name"):
        report.errors.append(f"{where}: no `name`")
        return None
    if not _check_inter_kind(inter, kind, where, report):
        return None
    forms = _leaders(data.get("leaders"), key, where, report)
    operates_in = _strings(data.get("operates_in"))
    unknown = [name for name in operates_in if name not in by_name]
    if unknown:
        report.warnings.append(f"{where}: unknown countries {unknown} in `operates_in`")
        operates_in = tuple(name for name in operates_in if name in by_name)
    actor = Actor(
        id=key, name=str(data["name"]), inter=inter, kind=kind,
        country=str(country) if country is not None else None,
        aliases_ar=aliases_ar, aliases_en=aliases_en,
        affiliations=_strings(data.get("affiliations")),
        leaders=tuple(dict.fromkeys(leader for _, leader in forms)),
        ambiguous=bool(data.get("ambiguous", False)), template=None,
        operates_in=operates_in, local_aliases=local_aliases)
    return actor, forms


def _leaders(items: Any, actor_id: str, where: str, report: ValidationReport
             ) -> list[tuple[str, Leader]]:
    forms: list[tuple[str, Leader]] = []
    for item in items or ():
        if not isinstance(item, dict) or not (item.get("name_ar") or item.get("name_en")):
            report.errors.append(f"{where}: a leader needs `name_ar` or `name_en`: {item!r}")
            continue
        start, end = _date_text(item.get("start")), _date_text(item.get("end"))
        bad = [v for v in (start, end) if v is not None and not _DATE.match(v)]
        if bad:
            report.errors.append(f"{where}: leader {item.get('name_en')!r}: bad date {bad[0]!r}"
                                 " (want YYYY, YYYY-MM or YYYY-MM-DD)")
            continue
        leader = Leader(
            name_ar=str(item.get("name_ar", "")), name_en=str(item.get("name_en", "")),
            actor_id=actor_id, role=str(item.get("role", "")), start=start, end=end)
        first, last = term_bound(start, end=False), term_bound(end, end=True)
        if first and last and first > last:
            report.errors.append(f"{where}: leader {leader.name_en!r}: term ends before it starts")
        for form in (leader.name_ar, leader.name_en, *_strings(item.get("aliases_ar")),
                     *_strings(item.get("aliases_en"))):
            if form:
                forms.append((form, leader))
    return forms


def _date_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _check_aliases(actors: Mapping[str, Actor], origin: Mapping[str, str],
                   report: ValidationReport) -> None:
    """An alias (by `name_key`) may belong to two actors only if all of them are ambiguous."""
    claims: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    for actor in actors.values():
        names = [*actor.aliases_ar, *actor.aliases_en]
        if actor.template is None:
            names.append(actor.name)
        for alias in names:
            key = alias_key(alias)
            if not key:
                report.errors.append(f"{origin[actor.id]}: {actor.id!r}: empty alias {alias!r}")
                continue
            if len("".join(key)) <= 2:
                report.warnings.append(f"{origin[actor.id]}: {actor.id!r}: alias {alias!r} is "
                                       "two letters or fewer and will match ordinary words")
            claims[key].setdefault(actor.id, alias)
    for owners in claims.values():
        if len(owners) < 2 or all(actors[i].ambiguous for i in owners):
            continue
        listed = ", ".join(f"{i} ({origin[i]}: {a!r})" for i, a in owners.items())
        report.errors.append(f"alias claimed by {len(owners)} actors: {listed}; mark every "
                             "one `ambiguous: true` if that is intended")
