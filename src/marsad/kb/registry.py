"""The one registry: every language resource and knowledge base, loaded once and passed on."""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.ingest.clean import Boilerplate
from marsad.kb.actors import ActorBase, load_actors
from marsad.kb.gazetteer import DATA_DIR, Gazetteer, load_gazetteer
from marsad.kb.gazetteer_build import cache_directory, dump_atomic, fingerprint, prune_caches
from marsad.kb.lexicon import load_lexicon
from marsad.kb.matcher import Entry, TokenTrie
from marsad.recognise.cues import CueSet, CueSets
from marsad.recognise.dates import DateRecogniser
from marsad.recognise.numbers import NumberRecogniser
from marsad.resolve.transliterate import SkeletonIndex
from marsad.text.normalise import fold
from marsad.text.tokenise import name_key

KB_VERSION = "2026.11.25"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TriggerInfo:
    id: str
    sub: str
    family: str
    role: str
    strength: str


@dataclass(slots=True)
class Resources:
    """Everything the pipeline's stages read; built by `load_resources`."""

    boilerplate: Boilerplate
    gazetteer: Gazetteer
    actors: ActorBase
    names: TokenTrie
    triggers: CueSet
    trigger_info: dict[str, TriggerInfo]
    modifiers: CueSet
    cues: CueSet  # negation, modality, accusation, mutual accusation, background
    words: CueSet  # near, casualty words, person nouns, ...
    subordinators: CueSet  # "بعد أن", "إثر مقتل": matched apart, they overlap casualty words
    locatives: frozenset[str]  # folded words that introduce a place
    weak_locatives: frozenset[str]  # prepositions that may
    away_locatives: frozenset[str]  # of those, the ones pointing away: من, إلى
    stopwords: frozenset[str]  # common words that are not place names
    ambiguous_places: frozenset[tuple[str, ...]]  # place names that are also common words
    settlements: frozenset[str]  # folded nouns such as مدينة, بلدة before a place name
    quarters: frozenset[str]  # folded حي, حارة: what they name is no town to guess at
    town_nouns: frozenset[str]  # folded بلدة, قرية: an unlisted name after them is a town
    name_heads: frozenset[str]  # folded ود, تل, عين: the first word of a two-word name
    site_nouns: frozenset[str]  # folded ثكنة, موقع: a quoted name after them is a place
    generic_dead: frozenset[str]  # folded أشخاص, قتلى: a toll counting every one of the dead
    capitals: frozenset[str]  # folded عاصمة: alone, it names the country's capital
    victim_verbs: frozenset[str]  # folded verbs whose subject is a victim: لقي, أصيبوا
    # folded words before an actor that mark its role, by mark (events.yaml `role_marks`)
    role_marks: dict[str, tuple[str, ...]]
    media_nouns: frozenset[str]  # folded nouns naming an outlet: وكالة, صحيفة, قناة
    martyr_names: frozenset[str]  # folded nouns of places named after martyrs: ساحة, مقبرة
    martyrs: frozenset[str]  # folded الشهداء: a word such places are named with
    city_nouns: frozenset[str]  # folded العاصمة, مدينة: the city of a country's name
    rising_toll: frozenset[str]  # folded ارتفع, حصيلة جديدة: a toll updated, not disputed
    street_nouns: frozenset[str]  # folded nouns of streets named after places: شارع
    anaphoric_places: frozenset[tuple[str, ...]]  # name keys of القطاع: named in full first
    plural_units: frozenset[str]  # folded محافظات, مدن: each place listed after them apart
    territory_nouns: frozenset[str]  # folded التراب, الأراضي: their adjective names no force
    ambiguous_groups: frozenset[tuple[str, ...]]  # name keys of القاعدة: also "the base"
    named_after_days: frozenset[str]  # folded ساحة, حركة: a date after them is a name
    motion_verbs: frozenset[str]  # folded verbs of coming from a place: وصلت, قادمة
    distance_units: frozenset[str]  # folded units of a distance to a reference place: كم
    speaker_verbs: frozenset[str]  # folded verbs a capital speaks with: تنفي, تتهم
    skeletons: SkeletonIndex
    stances: CueSet  # asserts, denies, unconfirmed, attribution
    source_nouns: CueSet
    source_glosses: dict[str, str]
    dates: DateRecogniser
    numbers: NumberRecogniser
    kb_version: str = KB_VERSION
    load_seconds: dict[str, float] = field(default_factory=dict)
    group_heads: frozenset[str] = frozenset()  # folded حركة, جماعة: "الحركة" names the last one
    own_fighters: frozenset[str] = frozenset()  # folded مجاهديها: "its fighters" are the group's
    bare_names: frozenset[str] = frozenset()  # folded قطر: "القطر" is no Qatar
    # The cue sets matched in one pass, in the order the recognise stage adds their mentions.
    cue_sets: CueSets = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.cue_sets = CueSets((self.triggers, self.modifiers, self.cues, self.words,
                                 self.subordinators, self.stances, self.source_nouns))


def load_boilerplate(extra_dirs: Sequence[Path] = ()) -> Boilerplate:
    return Boilerplate.from_lexicon(load_lexicon("boilerplate", extra_dirs))


def load_resources(extra_dirs: Sequence[Path] = ()) -> Resources:
    """Load the package's data plus the user's `--kb` folders (which win on conflict)."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    gazetteer = load_gazetteer(extra_dirs)
    timings["gazetteer"] = time.perf_counter() - started
    mark = time.perf_counter()
    actors = load_actors(gazetteer.countries(), extra_dirs)
    timings["actors"] = time.perf_counter() - mark
    mark = time.perf_counter()
    events = load_lexicon("events", extra_dirs)
    stopwords = _stopwords(extra_dirs)
    sources = load_lexicon("sources", extra_dirs)
    locations = load_lexicon("locations", extra_dirs)
    resources = Resources(
        boilerplate=load_boilerplate(extra_dirs),
        gazetteer=gazetteer,
        actors=actors,
        names=load_name_trie(
            gazetteer, actors, stopwords, events.get("supporters", []), extra_dirs
        ),
        stopwords=stopwords,
        ambiguous_places=frozenset(name_key(w) for w in events.get("ambiguous_places", [])),
        triggers=CueSet.compile("trigger", {t["id"]: t["forms"] for t in events["triggers"]}),
        trigger_info={t["id"]: _trigger_info(t) for t in events["triggers"]},
        modifiers=CueSet.compile("modifier", events["modifiers"]),
        cues=CueSet.compile("cue", {k: events[k] for k in _CUE_KINDS}),
        words=CueSet.compile("word", {k: events[k] for k in _WORD_GROUPS}),
        subordinators=CueSet.compile("word", {k: events.get(k, []) for k in (
            "subordinators", "grievances", "concurrent")}),
        locatives=frozenset(fold(w) for w in events.get("locative", [])),
        weak_locatives=frozenset(fold(w) for w in events.get("locative_weak", [])),
        away_locatives=frozenset(fold(w) for w in events.get("locative_away", [])),
        settlements=frozenset(fold(w) for w in events.get("settlement", [])),
        quarters=frozenset(fold(w) for w in events.get("quarter", [])),
        town_nouns=frozenset(fold(w) for w in events.get("town_nouns", [])),
        name_heads=frozenset(fold(w) for w in events.get("name_heads", [])),
        site_nouns=frozenset(fold(w) for w in events.get("site_nouns", [])),
        generic_dead=frozenset(fold(w) for w in events.get("generic_dead", [])),
        capitals=frozenset(fold(w) for w in events.get("capital", [])),
        victim_verbs=frozenset(fold(w) for w in events.get("victim_verbs", [])),
        role_marks={mark: tuple(fold(w) for w in words)
                    for mark, words in (events.get("role_marks") or {}).items()},
        media_nouns=frozenset(fold(w) for w in events.get("media_nouns", [])),
        group_heads=frozenset(fold(w) for w in events.get("group_heads", [])),
        own_fighters=frozenset(fold(w) for w in events.get("own_fighters", [])),
        martyr_names=frozenset(fold(w) for w in events.get("named_after_martyrs", [])),
        martyrs=frozenset(fold(w) for w in events.get("martyrs", [])),
        city_nouns=frozenset(fold(w) for w in events.get("city_nouns", [])),
        rising_toll=frozenset(fold(w) for w in events.get("rising_toll", [])),
        street_nouns=frozenset(fold(w) for w in locations.get("street_nouns", [])),
        anaphoric_places=frozenset(name_key(w) for w in locations.get("anaphoric_places", [])),
        plural_units=frozenset(fold(w) for w in locations.get("plural_units", [])),
        territory_nouns=frozenset(fold(w) for w in locations.get("territory_nouns", [])),
        ambiguous_groups=frozenset(name_key(w) for w in locations.get("ambiguous_groups", [])),
        bare_names=frozenset(fold(w) for w in locations.get("bare_names", [])),
        named_after_days=frozenset(fold(w) for w in locations.get("named_after_days", [])),
        motion_verbs=frozenset(fold(w) for w in locations.get("motion_verbs", [])),
        distance_units=frozenset(fold(w) for w in locations.get("distance_units", [])),
        speaker_verbs=frozenset(fold(w) for w in locations.get("speaker_verbs", [])),
        skeletons=SkeletonIndex(gazetteer.places.values()),
        stances=CueSet.compile(
            "stance", {k: sources[k] for k in ("asserts", "attribution", "denies", "unconfirmed")}
        ),
        source_nouns=CueSet.compile("source", {k: [k] for k in sources["nouns"]}),
        source_glosses=dict(sources["nouns"]),
        dates=DateRecogniser.from_package_data(_extra_files(extra_dirs, "dates")),
        numbers=NumberRecogniser.from_package_data(_extra_files(extra_dirs, "numbers")),
    )
    timings["lexicons"] = time.perf_counter() - mark
    # The knowledge base (millions of objects) lives as long as the process: kept out of the
    # cycle collector's scans, which otherwise take about a tenth of the extraction time.
    gc.collect()
    gc.freeze()
    timings["total"] = time.perf_counter() - started
    resources.load_seconds = timings
    return resources


_CUE_KINDS = ("negation", "modality", "purpose", "accusation", "mutual_accusation",
              "background", "route", "seizure")
_WORD_GROUPS = (
    "near", "killed", "injured", "arrested", "person_singular", "person_dual",
    "responsibility", "causal", "crowd", "not_after", "anniversary", "demonstratives",
    "complementizers",
    "separate", "another_incident", "comes_after",
    "unknown_agent", "blame", "charge", "statement_venue", "member_of", "coalition_of", "loyal_to",
    "owned_by",
    "subset",
    "partner_of", "fought_out", "topic_of", "between",
    "reaction", "bereaved", "destination", "relative", "occurred", "in_support_of",
)


NAMES_FORMAT = 1
NAMES_KEPT = 4  # cached name indexes kept in the cache folder (data versions, --kb sets)


def load_name_trie(
    gazetteer: Gazetteer,
    actors: ActorBase,
    stopwords: frozenset[str] = frozenset(),
    supporters: Sequence[str] = (),
    extra_dirs: Sequence[Path] = (),
) -> TokenTrie:
    """`build_name_trie`, cached next to the compiled gazetteer in a file named by a hash of
    everything it is built from: the package's data and code and the `extra_dirs` files."""
    path = cache_directory() / f"names-{names_fingerprint(extra_dirs)}.pickle"
    if path.exists():
        gc.disable()  # as for the gazetteer: the collector slows unpickling many objects
        try:
            with path.open("rb") as handle:
                version, state = pickle.load(handle)
            if version == NAMES_FORMAT:
                return TokenTrie.from_state(state)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            log.warning("name index cache %s unreadable (%s); rebuilding", path, exc)
        finally:
            gc.enable()
    trie = build_name_trie(gazetteer, actors, stopwords, supporters)
    try:
        dump_atomic((NAMES_FORMAT, trie.state()), path)
        prune_caches(path, "names-*.pickle", NAMES_KEPT)
    except OSError as exc:
        log.warning("name index cache %s not written (%s)", path, exc)
    return trie


def names_fingerprint(extra_dirs: Sequence[Path] = ()) -> str:
    """Hash of the gazetteer's fingerprint, the knowledge-base and text code, every package
    data file and every file in `extra_dirs`."""
    here = Path(__file__).parent
    digest = hashlib.sha256(f"names={NAMES_FORMAT};gazetteer={fingerprint()};".encode())
    files = [*sorted(here.glob("*.py")), *sorted((here.parent / "text").glob("*.py"))]
    files += sorted(p for p in DATA_DIR.rglob("*") if p.is_file())
    for folder in extra_dirs:
        digest.update(f"extra={folder};".encode())
        if Path(folder).is_dir():
            files += sorted(p for p in Path(folder).rglob("*") if p.is_file())
    for path in files:
        digest.update(f"{path.name}:{path.stat().st_size};".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def build_name_trie(
    gazetteer: Gazetteer,
    actors: ActorBase,
    stopwords: frozenset[str] = frozenset(),
    supporters: Sequence[str] = (),
) -> TokenTrie:
    """One trie over every name: places, countries and their adjectives, actors, titles.

    A one-word place alias that is a common word (`stopwords`) is left out.
    """
    trie = TokenTrie()
    for key, place_ids in gazetteer.keys.items():
        if len(key) == 1 and (key[0] in stopwords or len(key[0]) < 3):
            continue
        for place_id in place_ids:
            trie.add_key(key, Entry("place", place_id, " ".join(key)))
    for country in gazetteer.countries():
        for adjective in country.adjectives_ar:
            trie.add(adjective, Entry("nationality", country.code, adjective))
    for alias, actor_id in actors.aliases():
        trie.add(alias, Entry("actor", actor_id, alias))
    for noun, template_id in actors.template_nouns():
        trie.add(noun, Entry("force", template_id, noun))
    for noun in supporters:
        trie.add(noun, Entry("force", "supporters", noun))
    for role in actors.roles():
        trie.add(role.title_ar, Entry("role", role.template, role.title_ar))
    for leader in actors.leaders():
        trie.add(leader.name_ar, Entry("leader", leader.name_ar, leader.name_ar))
    return trie


def _stopwords(extra_dirs: Sequence[Path]) -> frozenset[str]:
    words = load_lexicon("stopwords", extra_dirs).get("words", [])
    return frozenset(key for word in words for key in name_key(word))


def _trigger_info(entry: dict[str, Any]) -> TriggerInfo:
    return TriggerInfo(
        entry["id"], entry["sub"], entry["family"], entry["role"], entry.get("strength", "strong")
    )


def _extra_files(extra_dirs: Sequence[Path], name: str) -> list[Path]:
    return [p for d in extra_dirs if (p := Path(d) / "lexicon" / f"{name}.yaml").exists()]
