"""Place mentions resolved against the gazetteer, with ACLED geo-precision.

Same-named places are told apart by the article's context: the countries it names (by name,
adjective or unambiguous place) and the other places it mentions.
"""

from __future__ import annotations

from collections import Counter

from marsad.document import Document, Mention
from marsad.events.index import derived
from marsad.events.model import PlaceRef
from marsad.kb.gazetteer import Gazetteer
from marsad.kb.model import Place
from marsad.resolve.transliterate import SkeletonIndex, romanise
from marsad.text.normalise import fold

PRECISE_KINDS = ("city", "town", "district", "neighbourhood", "site")
KIND_DETAIL = {
    "site": 0, "neighbourhood": 1, "district": 2, "town": 3, "city": 3,
    "admin2": 4, "admin1": 5, "country": 6,
}
NEAR_GAP = 4  # characters between a "near" word and the place


MAJOR_POPULATION = 100_000
WORLD_CITY_POPULATION = 1_000_000
CONTEXT_LIMIT = 3
MINOR_SHARE = 4  # a context country counts at least a quarter of the first one's count
MAJOR_KINDS = ("country", "admin1")
UNIT_KINDS = ("admin1", "admin2")


def context_countries(document: Document, gazetteer: Gazetteer,
                      unit_nouns: frozenset[str] = frozenset()) -> list[str]:
    """ISO codes the article is about, most named first: from country names, nationality
    adjectives and major places whose name is unambiguous."""
    counts: Counter[str] = Counter()
    by_place: Counter[str] = Counter()  # major places counted, by country (a province twice)
    named: Counter[str] = Counter()  # by the country's name or adjective
    towns: dict[str, set[str]] = {}  # the distinct place names counted, by country
    for mention in document.of_kind("nationality"):
        counts[mention.key] += 1
        named[mention.key] += 1
    for mention in document.of_kind("place"):
        data = mention.data
        locative = data.get("locative")
        if data.get("ambiguous") and not locative:
            continue  # "صلاة المغرب"
        places = [gazetteer.get(pid) for pid in data.get("places", [])]
        if data.get("words", 1) > 1 and places and all(p.kind in UNIT_KINDS for p in places) \
                and fold(mention.text).split()[0] in unit_nouns:
            locative = "strong"  # "من ولاية القصرين": a unit named with its noun
        if locative == "clitic":
            # a ب on the word may be its own ("بيان إن" is no Yan'an): provinces and countries
            places = [p for p in places if p.kind in MAJOR_KINDS]
        elif locative != "strong":
            places = [p for p in places if p.kind == "country"]  # "المصرف المركزي": no Markazi
        country = next((p for p in places if p.kind == "country"), None)
        if country is not None:
            counts[country.country_code] += 3  # "لبنان", whatever towns share the name
            named[country.country_code] += 1
            continue
        # a major place counts when no major place elsewhere shares its name; a town
        # introduced as a place ("في مدينة سراقب") when its name is one country's only
        codes = {p.country_code for p in places if _major(p)}
        if len(codes) == 1:
            code = codes.pop()
            counts[code] += 2
            by_place[code] += 1 if all(p.kind not in MAJOR_KINDS for p in places) else 2
            towns.setdefault(code, set()).add(fold(mention.text))
        elif not codes and locative == "strong" and len({p.country_code for p in places}) == 1:
            counts[places[0].country_code] += 1
    # A country named by one town alone, beside one named more often, is more likely a
    # homograph of that town than a second country ("البو", a tribal prefix, is Aalborg);
    # so is one never named whose count is one town named again and again, beside a country
    # named by name ("بلدة كورو" in Mali is no Coro in Venezuela).
    for code in list(counts):
        if _homograph_country(code, counts, by_place, named, towns):
            del counts[code]
    ranked = counts.most_common()
    # A country named once beside one named throughout is a passing mention ("تازة" in a
    # report from Kirkuk is no reason to read its places in Morocco).
    return [code for code, count in ranked if count * MINOR_SHARE >= ranked[0][1]]


def _homograph_country(code: str, counts: Counter[str], by_place: Counter[str],
                       named: Counter[str], towns: dict[str, set[str]]) -> bool:
    count = counts[code]
    if by_place[code] == 1 and count == 2:
        return any(n > count for n in counts.values())
    return not named[code] and len(towns.get(code, ())) == 1 and by_place[code] * 2 == count \
        and any(named[other] and n >= count for other, n in counts.items() if other != code)


def _major(place: Place) -> bool:
    return place.kind in MAJOR_KINDS or place.population >= MAJOR_POPULATION


def plausible(place: Place, countries: list[str]) -> bool:
    """A candidate is kept when it lies in a country the article is about, or is a country,
    a province or a very large city elsewhere."""
    if place.country_code in countries[:CONTEXT_LIMIT]:
        return True
    return place.kind == "country" or (
        place.kind != "admin1" and place.population >= WORLD_CITY_POPULATION)


def resolve_mention(
    mention: Mention,
    gazetteer: Gazetteer,
    countries: list[str],
    context_ids: list[str],
    skeletons: SkeletonIndex | None = None,
) -> Place | None:
    ids = mention.data.get("places") or []
    if "capital_of" in mention.data:  # "بالعاصمة", "العاصمة الليبية"
        country = gazetteer.country(mention.data["capital_of"] or (countries[:1] or [""])[0])
        return gazetteer.get(country.capital_id) if country and country.capital_id else None
    if not ids:
        if mention.data.get("unknown") and not mention.data.get("quarter") \
                and skeletons is not None:
            return _by_skeleton(mention, skeletons, countries)
        return None
    introduced = mention.data.get("locative")
    named = [gazetteer.get(pid) for pid in ids]
    candidates = [p for p in named if plausible(p, countries)]
    if not candidates and mention.data.get("settlement") and mention.data.get("words", 1) > 1 \
            and len({p.country_code for p in named}) == 1:
        # "في مدينة كوي سنجق" in a report about Iran, "باتجاه مدينة خميس مشيط" in one about
        # Yemen: the one town of a name of several words, wherever it lies (one word, "حي
        # هودن", may be another country's village)
        towns = [p for p in named if p.kind in PRECISE_KINDS]
        if len(towns) == 1 or len(named) == 1:
            return towns[0] if towns else named[0]
    if mention.data.get("city"):
        cities = [p for p in candidates if p.kind in PRECISE_KINDS]
        candidates = cities or candidates  # "بالعاصمة الجزائر" is Algiers
    if mention.data.get("ambiguous") and not introduced:
        return None
    if introduced != "strong":
        # Outside the article's countries only a name introduced as a place counts
        # (a ب written on the word may belong to it: "بيان إن" is no Yan'an).
        candidates = [p for p in candidates
                      if p.country_code in countries[:CONTEXT_LIMIT] or p.kind == "country"]
    if not introduced:
        # A name not introduced as a place is one only when it is a major one of the article's
        # countries, or a country or province.
        candidates = [p for p in candidates if _major(p) and (
            p.country_code in countries[:CONTEXT_LIMIT] or p.kind == "country")]
    if not candidates:
        return None
    ranked = gazetteer.rank(candidates, countries, context_ids)
    return ranked[0] if ranked else None


def _by_skeleton(mention: Mention, skeletons: SkeletonIndex, countries: list[str]
                 ) -> Place | None:
    """A name the gazetteer lacks as written: first a near Arabic spelling (rapidfuzz), then
    the Latin names by transliteration; the two-word reading ("إمام صاحب") before the first
    word alone."""
    words = mention.text.split()
    readings = (" ".join(words), words[0]) if len(words) > 1 else (mention.text,)
    if mention.data.get("head"):  # "جبل النهدين": its first word alone names nothing
        readings = readings[:1]
    if mention.data.get("second"):  # "فينوتي سلام": the name with the common word after it
        readings = (f"{mention.text} {mention.data['second']}", *readings)
    for reading in readings:
        place = skeletons.fuzzy(reading, countries[:CONTEXT_LIMIT])
        if place is not None:
            return place
    for reading in readings:
        # a guess from the consonants alone is taken only in the article's main country
        place = skeletons.lookup(reading.replace(" ", ""), countries[:1])
        if place is not None:
            return place
    return None


UNLISTED = "unlisted:"


def unlisted_place(name_ar: str, country_code: str) -> Place:
    """A town the gazetteer lacks, named as the text writes it and romanised, with no
    coordinates."""
    return Place(id=f"{UNLISTED}{country_code}:{fold(name_ar)}", name=romanise(name_ar),
                 kind="town", country_code=country_code, lat=None, lon=None, name_ar=name_ar)


def unlisted(place: Place) -> bool:
    return place.id.startswith(UNLISTED)


def place_ref(
    document: Document, mention: Mention, place: Place, gazetteer: Gazetteer
) -> PlaceRef:
    """A resolved place with geo-precision; a province or country is coded at its capital."""
    # (before "مدينة" in "قرب مدينة نيانزالي" when the name is one the gazetteer lacks)
    near = near_word_before(document, mention.data.get("noun_start", mention.start))
    as_settlement = bool(mention.data.get("settlement") or mention.data.get("words", 1) > 1)
    if place.kind in PRECISE_KINDS:
        return PlaceRef(place, mention.text, mention.start, mention.end, 2 if near else 1,
                        as_settlement)
    return PlaceRef(place, mention.text, mention.start, mention.end, 3, as_settlement)


def near_word_before(document: Document, start: int, gap: int = NEAR_GAP) -> bool:
    """"قرب", "شمالي" and the like just before the place name."""
    return any(0 <= start - w.end <= gap for w in _near_words(document))


def _near_words(document: Document) -> list[Mention]:
    return derived(document, "near_words",
                   lambda: [w for w in document.of_kind("word") if w.key == "near"])


def coded_point(place_ref: PlaceRef, gazetteer: Gazetteer) -> tuple[float | None, float | None]:
    """Coordinates to report: the place's own, or its capital's for a province or country."""
    place = place_ref.place
    if place.kind in ("admin1", "admin2"):
        capital = gazetteer.admin1_capital(place)
        if capital is not None and capital.lat is not None:
            return capital.lat, capital.lon
    if place.kind == "country":
        country = gazetteer.country(place.country_code)
        if country and country.capital_id:
            capital = gazetteer.get(country.capital_id)
            if capital.lat is not None:
                return capital.lat, capital.lon
    return place.lat, place.lon


def detail(place: Place) -> int:
    return KIND_DETAIL.get(place.kind, 3)
