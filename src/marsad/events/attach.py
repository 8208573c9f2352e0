"""Attributes attached to each candidate: its place, its date and its figures.

Each takes the mention nearest the trigger inside the candidate's clause, then its sentence;
what a candidate still lacks after the article-level merge comes from the article's lead
(see coalesce.py).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from marsad.document import Document, Mention, Span, Spanned
from marsad.events.index import derived, starting_in
from marsad.events.model import AIR_RAID_KEYS, RELATIVE_KEYS, Candidate, DateRange, PlaceRef
from marsad.kb.gazetteer import Gazetteer, distance_km
from marsad.kb.model import Place
from marsad.kb.registry import Resources
from marsad.recognise.names import listed
from marsad.resolve.places import (
    detail,
    near_word_before,
    place_ref,
    resolve_mention,
    unlisted,
    unlisted_place,
)
from marsad.text.normalise import fold

DATELINE_CHARS = 200
FIGURE_WINDOW = 30  # characters between a casualty word and its number
ARREST_WINDOW = 60  # between an arrest verb and the number of those it took
BACKGROUND_DAYS = 30
WEAK_PENALTY = 1.5  # "74 كم من مدينة البصرة": a place after من ranks as a vaguer one


def _district_around(ref: PlaceRef, refs: list[PlaceRef]) -> bool:
    """Another place named with it is a coarser one within reach of it ("بين بلدتي عيتا الجبل
    وتبنين في قضاء بنت جبيل")."""
    place = ref.place
    return any(detail(other.place) > detail(place) and None not in (
        place.lat, other.place.lat) and distance_km(place, other.place) <= DISTRICT_KM
        for other in refs)


DISTRICT_KM = 25.0


def _ranked_detail(ref: PlaceRef, weak: bool, road_end: bool = False) -> float:
    """How precise a place ranks: a reference point as a vaguer one, but a district told so
    ("غرب قضاء بيجي") still ahead of its province, and a town at a road's end ahead of its
    district."""
    rank = detail(ref.place)
    if road_end:
        return rank + ROAD_END_PENALTY
    if not weak:
        return rank
    return rank + (WEAK_PENALTY if rank < REGION_DETAIL else REGION_PENALTY)


REGION_DETAIL = 4  # a district (admin2) and coarser
REGION_PENALTY = 0.9  # less than the step from a district to its province
ROAD_END_PENALTY = 0.5  # behind a town named outright, ahead of the district


def _nearest_in(mentions: list[Mention], spans: list[Span], position: int) -> Mention | None:
    for span in spans:
        inside = [m for m in mentions if span.start <= m.start < span.end]
        if inside:
            return min(inside, key=lambda m: abs(m.start - position))
    return None


def attach_place(
    document: Document, candidate: Candidate, resources: Resources, countries: list[str]
) -> None:
    sentence = document.sentences[candidate.sentence]
    best: PlaceRef | None = None
    refs_seen: list[PlaceRef] = []
    spans = [candidate.clause, Span(sentence.start, sentence.end)]
    if candidate.segment is not None:
        spans.insert(0, candidate.segment)
    for span in spans:
        refs = _span_places(document, span, resources, countries)
        if refs:
            refs = _own_places(document, candidate, refs, resources)
            # "في مدينة جاسم بريف درعا": the place named outright before the reference point
            weak = _places_away(document, resources) | _reference_points(document, resources)
            # a road's end ranks ahead of the district it lies in, and as a reference point
            # otherwise
            road_ends = _road_ends(document)
            ends = {r.start for r in refs if r.start in road_ends and _district_around(r, refs)}
            weak = weak | (road_ends - ends)
            best = min(refs, key=lambda r: (_tier(r, countries),
                                            _ranked_detail(r, r.start in weak, r.start in ends),
                                            r.precision, abs(r.start - candidate.trigger.start)))
            best = _inside_the_province(document, best, refs, weak, candidate.trigger.start)
            refs_seen = refs
            break
    if best is not None and best.place.kind == "country" and countries \
            and best.place.country_code != countries[0] \
            and not near_word_before(document, best.start, gap=1):
        best = None  # "near the Algerian border": another country named in passing
        # (but "شمالي العراق" in a Turkish report places the raid)
    candidate.place = best
    candidate.place_list = _place_list(document, best, refs_seen, resources.plural_units) \
        if best is not None else []
    candidate.place_in_clause = best is not None
    candidate.opening = _opening_place(document, sentence, resources, countries) \
        if best is not None else None
    candidate.place_named = best is not None or any(
        m.data.get("unknown")
        for m in starting_in(document, "place", candidate.clause.start, candidate.clause.end)
    )


def _inside_the_province(document: Document, best: PlaceRef, refs: list[PlaceRef],
                         weak: AbstractSet[int], trigger_start: int) -> PlaceRef:
    """"وفي الحديدة، ... في مزرعة بمديرية حيس جنوبي المحافظة": a name both a city's and its
    province's, beside a district or town of that province, is the province."""
    if best.place.kind not in ("city", "town") or not best.place.admin1_id \
            or best.as_settlement:
        return best  # (named with its noun: "مدينة تعز")
    mention = next(iter(starting_in(document, "place", best.start, best.start + 1)), None)
    if mention is None or best.place.admin1_id not in mention.data.get("places", ()):
        return best  # (not read as the province too)
    inside = [r for r in refs if r.start != best.start and r.start not in weak
              and r.place.kind in ("admin2", "town", "city")
              and r.place.admin1_id == best.place.admin1_id]
    return min(inside, key=lambda r: abs(r.start - trigger_start)) if inside else best


OPENING_REACH = 30  # characters from a sentence's "وفي" to the place it moves to
_OPENING = re.compile(r"\s*(?:و?في|أما في)\s")


def _opening_place(document: Document, sentence: Spanned, resources: Resources,
                   countries: list[str]) -> PlaceRef | None:
    """"وفي محافظة مأرب، شن ...": the place the sentence moves the report to, if it opens so."""
    if not _OPENING.match(document.text, sentence.start):
        return None
    for mention in starting_in(document, "place", sentence.start,
                               sentence.start + OPENING_REACH):
        place = _resolved_place(document, mention, resources, countries)
        if place is not None:
            return place_ref(document, mention, place, resources.gazetteer)
    return None


def _span_places(document: Document, span: Span, resources: Resources, countries: list[str]
                 ) -> list[PlaceRef]:
    """The event places named in a span, in text order (once per document, span and
    countries: the list and its references are shared, and not changed)."""
    def find() -> list[PlaceRef]:
        refs = []
        for mention in starting_in(document, "place", span.start, span.end):
            place = _event_place(document, mention, resources, countries) \
                or _unlisted_place(document, mention, resources, countries)
            if place is not None:
                refs.append(place_ref(document, mention, place, resources.gazetteer))
        return _in_regions(refs)

    return derived(document, ("span_places", span.start, span.end, tuple(countries)), find)


# where a force came from ("وصلت من بغداد"), a government speaking ("وموسكو تنفي")
NOT_WHERE = ("origin", "speaker")


def _unlisted_place(document: Document, mention: Mention, resources: Resources,
                    countries: list[str]) -> Place | None:
    """"في بلدة سواريز بمقاطعة كاوكا": a town introduced as one that the gazetteer lacks is
    still the most precise place the text gives; it is named (romanised, and as written)
    without coordinates, in the country a direction after it names, else the article's main
    one (unless it is a known town written without the space after it)."""
    if not mention.data.get("town") or not countries \
            or mention.data.get("locative") in NOT_WHERE or _dateline(document.text, mention) \
            or _resolved_place(document, mention, resources, countries) is not None \
            or _statement_venue(document, mention, resources):
        return None
    return _lost_space(mention.text, resources, countries) or unlisted_place(
        mention.text, _country_told(document, mention, resources, countries)[0])


def _lost_space(word: str, resources: Resources, countries: list[str]) -> Place | None:
    """"نابلسشمالي": a known town and a common word written without the space between them
    (a quirk of some outlets' pages)."""
    if " " in word:
        return None
    folded = fold(word)
    for cut in range(len(folded) - 3, 2, -1):
        tail = folded[cut:]
        if tail in resources.stopwords or tail.removesuffix("ي") in resources.stopwords:
            known = [p for p in resources.gazetteer.candidates(word[:cut])
                     if p.country_code in countries[:2]]
            if known:
                return known[0]
    return None


REGION_REACH = 40  # characters from an unlisted town to the province named after it


def _in_regions(refs: list[PlaceRef]) -> list[PlaceRef]:
    """An unlisted town takes its province and district from the region named right after it
    ("بلدة سواريز بمقاطعة كاوكا")."""
    if not any(unlisted(r.place) for r in refs):
        return refs
    placed = []
    for ref in refs:
        if unlisted(ref.place):
            region = next((r.place for r in refs if 0 <= r.start - ref.end <= REGION_REACH
                           and r.place.kind in ("admin1", "admin2")
                           and r.place.country_code == ref.place.country_code), None)
            if region is not None:
                admin1 = region.name if region.kind == "admin1" else region.admin1
                admin2 = region.name if region.kind == "admin2" else None
                ref = replace(ref, place=replace(ref.place, admin1=admin1, admin2=admin2))
        placed.append(ref)
    return placed


def _metonym(mention: Mention, place: Place, gazetteer: Gazetteer) -> bool:
    """"إيران استخدمت صواريخ", "العملية التي أطلقتها أنقرة": a country or a capital named
    with no word that makes it a place is the state that acts."""
    if place.kind == "country" and mention.data.get("locative") in (None, "", "weak"):
        return True  # "ألقى اللوم على إيران", "الضغط على تركيا": the state, not a place
    if mention.data.get("locative"):
        return False
    country = gazetteer.country(place.country_code)
    return country is not None and country.capital_id == place.id


CARRIED_REACH = 60  # characters from "إسقاط" to the drone or missile it stopped


def _own_places(document: Document, candidate: Candidate, refs: list[PlaceRef],
                resources: Resources) -> list[PlaceRef]:
    """"اغتيال مسؤول في طفس وخطف صيدلاني في جاسم": the places told after the candidate's
    trigger, before another strong trigger, are its own."""
    own = candidate.trigger
    sentence = document.sentences[candidate.sentence]
    others = [t for t in starting_in(document, "trigger", sentence.start, sentence.end)
              if t.start != own.start]
    if not others:
        return refs
    # what is intercepted or defused ("إسقاط مسيّرة بصاروخ فوق X") is the same happening
    carried = ("strike", "explosion") if candidate.family == "disrupted" else ()
    limit = min((t.start for t in others if t.start > own.end
                 and resources.trigger_info[t.key].strength == "strong"
                 and not (resources.trigger_info[t.key].family in carried
                          and t.start - own.end <= CARRIED_REACH)),
                default=sentence.end)
    mine = [r for r in refs if own.end <= r.start < limit]
    return mine or refs


_LIST_GLUE = re.compile(r"^\s*(?:[،,]\s*)?(?:و|او|أو)?\s*$")
LIST_DETAIL = 4  # towns, districts and neighbourhoods; provinces and countries are not split
UNIT_LIST_DETAIL = 5  # after a plural unit noun, provinces too


def _places_introduced(document: Document, how: tuple[str, ...]) -> frozenset[int]:
    """Where the place mentions introduced in one of these ways start (once per document)."""
    return derived(document, ("places_introduced", how), lambda: frozenset(
        m.start for m in document.of_kind("place") if m.data.get("locative") in how))


def _places_away(document: Document, resources: Resources) -> frozenset[int]:
    """Where the places told after a preposition pointing away start ("74 كم من مدينة
    البصرة", "نزحوا إلى بلدة X"; not "قصف على مدينة خان شيخون", the target)."""
    def find() -> frozenset[int]:
        found = set()
        tokens = document.tokens
        for mention in document.of_kind("place"):
            if mention.data.get("locative") != "weak":
                continue
            at = mention.data.get("token_first", 0) - 1
            if at > 0 and tokens[at].stem in resources.settlements:
                at -= 1  # "من مدينة البصرة"
            word = tokens[at].norm if at >= 0 else ""
            if word in resources.away_locatives or word[1:] in resources.away_locatives:
                found.add(mention.start)
        return frozenset(found)

    return derived(document, "places_away", find)


def _reference_points(document: Document, resources: Resources) -> frozenset[int]:
    """"في قضاء الطارمية شمالي العاصمة بغداد": a place told after another place and a "near"
    word (a direction, قرب, ريف) locates the first one; it is not where it happened."""
    def find() -> frozenset[int]:
        places = sorted(document.of_kind("place"), key=lambda m: m.start)
        found = set()
        for before, after in pairwise(places):
            word = next((w for w in starting_in(document, "word", before.end, after.start)
                         if w.key == "near" and w.end <= after.start), None)
            if word is None or not _distance_only(document.text[before.end : word.start],
                                                  resources.distance_units):
                continue
            rest = fold(document.text[word.end : after.start]).split()
            if len(rest) <= 1 and all(w in resources.locatives for w in rest):
                found.add(after.start)
        return frozenset(found)

    return derived(document, "reference_points", find)


_GAP_MARKS = re.compile(r"[\s(),،\-–]+")
DISTANCE_FILLERS = frozenset({"نحو", "حوالي", "قرابة", "على", "بعد"})


def _distance_only(gap: str, units: frozenset[str]) -> bool:
    """Nothing between a place and a direction word but marks or a distance ("(30 كلم")."""
    words = [w for w in _GAP_MARKS.split(fold(gap)) if w]
    return len(words) <= 4 and all(w.isdigit() or w in units or w in DISTANCE_FILLERS
                                   for w in words)


def _road_ends(document: Document) -> frozenset[int]:
    """"الطريق الرابطة بين ولايتي قفصة وصفاقس", "على الطريق بين بلدتي عيتا الجبل وتبنين": a
    road's two ends, where the happening on it is coded when nothing nearer is named."""
    def find() -> frozenset[int]:
        places = sorted(document.of_kind("place"), key=lambda m: m.start)
        found: set[int] = set()
        for before, after in pairwise(places):
            joined = fold(document.text[before.end : after.start]).strip() in ("", "و")
            if joined and any(w.key == "between" and 0 <= before.start - w.end <= 10
                              and len(document.text[w.end : before.start].split()) <= 1
                              for w in starting_in(document, "word", before.start - 30,
                                                   before.start)):
                found.update((before.start, after.start))
        return frozenset(found)

    return derived(document, "road_ends", find)


def _place_list(document: Document, best: PlaceRef, refs: list[PlaceRef],
                plural_units: frozenset[str] = frozenset()) -> list[PlaceRef]:
    """"تظاهرات في القاهرة والسويس والإسكندرية": the places listed with the chosen one, each
    of which ACLED codes as its own event (one record per location); provinces only after a
    plural unit noun ("في محافظات الحديدة وتعز وحجة")."""
    ordered = sorted(refs, key=lambda r: r.start)
    runs: list[list[PlaceRef]] = [[]]
    for ref in ordered:
        run = runs[-1]
        if run and not _LIST_GLUE.match(fold(document.text[run[-1].end : ref.start])):
            runs.append([])
        runs[-1].append(ref)
    introduced = _places_introduced(document, ("strong", "clitic"))
    for run in runs:
        # a list introduced as places ("في القاهرة والسويس"), not "أديس أبابا وأسمرة تنفيان"
        after_unit = _after_plural_unit(document, run[0], plural_units)
        if best in run and len(run) > 1 and (run[0].start in introduced or after_unit):
            most = UNIT_LIST_DETAIL if after_unit else LIST_DETAIL
            distinct = [r for r in run if detail(r.place) <= most
                        and not unlisted(r.place)]  # (an unlisted town may be a listed one's)
            if len(distinct) == len(run) and len({r.place.id for r in run}) == len(run):
                return [r for r in run if r is not best]
    return []


def _after_plural_unit(document: Document, first: PlaceRef, plural_units: frozenset[str]) -> bool:
    """The list's first place right after "محافظات", "مدن" and the like."""
    words = document.text[max(0, first.start - 16) : first.start].split()
    return bool(words) and listed(fold(words[-1]), plural_units)


def lead_place(document: Document, resources: Resources, countries: list[str]) -> PlaceRef | None:
    """The article's main place: the most precise place of its first sentences."""
    gazetteer = resources.gazetteer
    limit = document.sentences[min(3, len(document.sentences) - 1)].end if document.sentences else 0
    refs = []
    for mention in document.of_kind("place"):
        if mention.start < limit:
            place = _resolved_place(document, mention, resources, countries) \
                or _unlisted_place(document, mention, resources, countries)
            if place is not None:
                refs.append(place_ref(document, mention, place, gazetteer))
    if not refs:
        return None
    return min(refs, key=lambda r: (_tier(r, countries), detail(r.place), r.start))


def _resolved_place(document: Document, mention: Mention, resources: Resources,
                    countries: list[str]) -> Place | None:
    """The place a mention names in the article's countries (None for a dateline's), once per
    document: the candidates' clauses and sentences overlap."""
    def find() -> Place | None:
        if _dateline(document.text, mention) or mention.data.get("locative") in NOT_WHERE:
            return None
        told = _country_told(document, mention, resources, countries)
        # (no guess from the letters in a country the report names only in passing: "منطقة
        # هاكورك شمالي العراق" in a Turkish report is no Kirkuk)
        guesses = resources.skeletons if told[:1] == countries[:1] else None
        return resolve_mention(mention, resources.gazetteer, told, [], guesses)

    return derived(document, ("place", id(mention), tuple(countries)), find)


COUNTRY_REACH = 12  # characters from a name the gazetteer lacks to "شمالي العراق" after it


def _country_told(document: Document, mention: Mention, resources: Resources,
                  countries: list[str]) -> list[str]:
    """"في منطقة هاكورك شمالي العراق": a name the gazetteer lacks is looked up first in the
    country a direction word after it names."""
    if not mention.data.get("unknown"):
        return countries
    for after in starting_in(document, "place", mention.end, mention.end + COUNTRY_REACH):
        code = next((k[len("country:"):] for k in after.data.get("places") or []
                     if k.startswith("country:")), None)
        between = document.text[mention.end : after.start].replace('"', " ").split()
        if code and near_word_before(document, after.start, gap=2) and len(between) <= 2 \
                and not any(mark in document.text[mention.end : after.start] for mark in "،,."):
            return [code, *[c for c in countries if c != code]]
    return countries


def _event_place(document: Document, mention: Mention, resources: Resources,
                 countries: list[str]) -> Place | None:
    """`_resolved_place`, unless the mention names a unit, a state that acts or where a
    statement abroad was made rather than where something happened (once per document)."""
    def find() -> Place | None:
        place = _resolved_place(document, mention, resources, countries)
        if place is None or _names_a_force(document, mention) \
                or _metonym(mention, place, resources.gazetteer) or (
                    countries and place.country_code != countries[0]
                    and (_statement_place(document, mention) or _quarter(document, mention,
                                                                         resources))) \
                or _statement_venue(document, mention, resources) \
                or _in_support_of(document, mention):
            return None
        return place

    return derived(document, ("event_place", id(mention), tuple(countries)), find)


SUPPORT_REACH = 60  # characters from "دعماً لـ" to the place of those it supports


def _in_support_of(document: Document, mention: Mention) -> bool:
    """"استهدفنا الموقع دعماً لشعبنا الصامد في قطاع غزة": whom the deed was for."""
    for word in starting_in(document, "word", mention.start - SUPPORT_REACH, mention.start):
        between = document.text[word.end : mention.start]
        if word.key == "in_support_of" and not any(mark in between for mark in ".،,؛\n") \
                and not starting_in(document, "trigger", word.end, mention.start):
            return True
    return False


def _quarter(document: Document, mention: Mention, resources: Resources) -> bool:
    """"في حي المسورة": a town's quarter, named like a far town of another country."""
    first = mention.data.get("token_first", 0)
    return first > 0 and document.tokens[first - 1].stem in resources.quarters


DATELINE_PREFIX = 25  # "دبي، " before "الإمارات العربية المتحدة (CNN)"
_DATELINE_END = re.compile(r"^[^\n]{0,40}?(?:\s[-–—]\s|\(|:\s)")
_DATED_LINE = re.compile(r"^[\s،,\-–]*[0-9٠-٩]{1,2}\s+\S+\s+[0-9٠-٩]{4}")
DATED_LINE_REST = 70


def _dateline(text: str, mention: Mention) -> bool:
    """"دبي، الإمارات العربية المتحدة (CNN)--", "بغداد - ": where the report was filed, which
    is not where a lead's event happened."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    prefix = text[line_start : mention.start].strip()
    if len(prefix) > DATELINE_PREFIX or prefix.startswith("و") or "في" in prefix.split():
        return False  # "وفي مدينة سليانة (شمال غرب)، اقتحم" opens a sentence, not a dateline
    if _DATELINE_END.match(text[mention.end : mention.end + 60]):
        return True
    # "الرياض 11 شوال 1436 هـ الموافق 27 يوليو 2015 م واس": a line of the place and a date
    line_end = text.find("\n", mention.end)
    rest = text[mention.end : line_end if line_end != -1 else len(text)]
    return len(rest) <= DATED_LINE_REST and bool(_DATED_LINE.match(rest))


def _tier(ref: PlaceRef, countries: list[str]) -> int:
    """Places in the article's main countries come first."""
    code = ref.place.country_code
    return 0 if code in countries[:2] else 1 if code in countries[:4] else 2


def attach_date(document: Document, candidate: Candidate, resources: Resources) -> bool:
    """Set the candidate's date; False when the date shows it is background history."""
    sentence = document.sentences[candidate.sentence]
    spans = [candidate.clause, Span(sentence.start, sentence.end)]
    sentence_triggers, in_sentence, usable, own = _sentence_dates(
        document, candidate.sentence, candidate.strength == "strong", resources)
    dates = [d for d in own if _closest_trigger(d, sentence_triggers, candidate.trigger)]
    # a time ago told of a happening named after this one ("محاولة اغتيال تستهدف أرملة مرشح
    # اغتيل قبل شهر") dates only that one
    others = {id(d) for d in own if d.key == "ago" and all(d is not x for x in dates)
              and any(t is not candidate.trigger and candidate.trigger.end <= t.start
                      and t.end <= d.start for t in sentence_triggers)}
    mention = _relative_clause_date(document, candidate, own) or _nearest_in(
        dates, spans, candidate.trigger.start)
    from_statement = False
    if mention is None:
        # Only the statement is dated ("أعلنت في 11 أيار اعتقال ..."): the happening is
        # dated by it, weakly, so that a date of its own found elsewhere wins.
        mention = _nearest_in([d for d in usable if id(d) not in others], spans,
                              candidate.trigger.start)
        from_statement = mention is not None
    if mention is None:
        # only "منذ عام 2015": the period shows whether the clause tells old history
        mention = _nearest_in([d for d in in_sentence if id(d) not in others], spans,
                              candidate.trigger.start)
    bound = from_statement and mention is not None and statement_date(document, mention)
    if mention is None:
        return True
    earliest, latest = mention.data.get("earliest"), mention.data.get("latest")
    published = document.article.published
    if published and latest and latest < published - timedelta(days=BACKGROUND_DAYS):
        return False  # old history (also "... عام 2018، بعدما أطلقوا النار عليه")
    if candidate.subordinate and not candidate.clause.start <= mention.start < candidate.clause.end:
        # "... after they killed a protester": before the main clause's date, within a month.
        if latest is not None:
            candidate.date = DateRange(latest - timedelta(days=BACKGROUND_DAYS), latest, 3)
        return True
    if published and earliest and latest and _mostly_older(earliest, latest, published):
        return False  # "last month" when most of that month is older than the window
    if published and earliest and earliest > published + timedelta(days=1):
        return False  # a future date: a plan or a deadline, not something that happened
    candidate.date = DateRange(earliest, latest, mention.data.get("precision"), mention.text,
                               mention.start)
    candidate.date_inherited = from_statement
    candidate.date_bound = bound
    return True


def points_back(document: Document, trigger: Mention) -> bool:
    """"وهذا الهجوم", "عقب الهجوم", "بشأن إلقاء القبض": the happening is named as one
    already told."""
    start = trigger.start
    return any((w.key in ("demonstratives", "topic_of")
                or (w.key == "causal" and definite(trigger)))
               and 0 <= start - w.end <= 1
               for w in starting_in(document, "word", start - 8, start))


def definite(trigger: Mention) -> bool:
    """A trigger written with the article ("الغارة", "الهجوم") names a happening already told."""
    word = trigger.text.split()[0] if trigger.text else ""
    for proclitic in ("و", "ف", "ب", "ل", "ك"):
        if word.startswith(proclitic + "ال"):
            word = word[1:]
    return word.startswith("ال") or word.startswith("لل")


def _sentence_dates(document: Document, index: int, strong: bool, resources: Resources
                    ) -> tuple[list[Mention], list[Mention], list[Mention], list[Mention]]:
    """A sentence's triggers (strong ones only for a strong candidate), its dates, those that
    are no period's start, and of these the ones that are no statement's (once per document,
    sentence and strength)."""
    def find() -> tuple[list[Mention], list[Mention], list[Mention], list[Mention]]:
        sentence = document.sentences[index]
        triggers = starting_in(document, "trigger", sentence.start, sentence.end)
        if strong:
            # "قتل 12 مسلحا في ضربات جوية": the deaths are the strike's, so is their date
            triggers = [t for t in triggers if resources.trigger_info[t.key].strength == "strong"]
        # "فرضت طوقاً عقب الهجوم، ونفذت صباح اليوم حملة اعتقال": a happening named as one
        # already told owns no date
        triggers = [t for t in triggers if not points_back(document, t)]
        in_sentence = starting_in(document, "date", sentence.start, sentence.end)
        usable = [d for d in in_sentence if not period_start(d)
                  and not _UNTIL.search(document.text, max(0, d.start - UNTIL_REACH), d.start)]
        own = [d for d in usable if not statement_date(document, d)]
        return triggers, in_sentence, usable, own

    return derived(document, ("sentence_dates", index, strong), find)


# "ولم تتبن أي جهة التفجير حتى مساء أمس": the time up to which a state held dates nothing
UNTIL_REACH = 10
_UNTIL = re.compile(r"(?:حتى|لغاية|إلى غاية)\s+$")


def period_start(mention: Mention) -> bool:
    """"الثالثة من نوعها منذ مطلع الشهر الماضي": a period that runs since then dates no
    happening (a day, "منذ الجمعة", may still be the day it began)."""
    return bool(mention.data.get("since")) and (mention.data.get("precision") or 3) > 1


def _mostly_older(earliest: date, latest: date, published: date) -> bool:
    window_start = published - timedelta(days=BACKGROUND_DAYS)
    if earliest >= window_start:
        return False
    older = (window_start - earliest).days
    return older > (latest - earliest).days / 2


RELATIVE_REACH = 20  # characters from a trigger to the relative pronoun describing it


def relative_after(document: Document, trigger: Mention) -> Mention | None:
    """The relative pronoun right after a trigger ("التفجير الذي استهدف"), if any."""
    return next((w for w in starting_in(document, "word", trigger.end,
                                        trigger.end + RELATIVE_REACH)
                 if w.key in RELATIVE_KEYS), None)


def _relative_clause_date(document: Document, candidate: Candidate, own: list[Mention]
                          ) -> Mention | None:
    """"شيع الآلاف اليوم ضحايا التفجير الذي استهدف المسجد أثناء صلاة الجمعة أمس": the date
    in the relative clause describing the trigger is its happening's, not the main verb's."""
    pronoun = relative_after(document, candidate.trigger)
    if pronoun is None:
        return None
    sentence = document.sentences[candidate.sentence]
    stop = min((p for p in (document.text.find("،", pronoun.end, sentence.end),
                            document.text.find(",", pronoun.end, sentence.end)) if p >= 0),
               default=sentence.end)
    inside = [d for d in own if pronoun.end <= d.start < stop]
    return inside[0] if inside else None


def _closest_trigger(date_mention: Mention, triggers: list[Mention], own: Mention) -> bool:
    """"محاولة اغتيال تستهدف أرملة مرشح اغتيل قبل شهر": a date belongs to the trigger nearest
    to it; it dates this candidate only when no other trigger stands closer."""
    def distance(trigger: Mention) -> int:
        return min(abs(date_mention.start - trigger.end), abs(trigger.start - date_mention.end))

    own_distance = distance(own)
    # another mention of the same kind of happening shares its date ("قتل ... ومقتل"), but not
    # a time ago told of it ("اغتيل قبل شهر": that killing is not this attempt)
    same_kind_shares = date_mention.key != "ago"
    kind = _kind(own.key)
    return all(distance(t) >= own_distance or (same_kind_shares and _kind(t.key) == kind)
               for t in triggers)


def _kind(key: str) -> str:
    """A trigger key's kind of happening: an air raid is one, by aircraft or by drone."""
    return "air raid" if key in AIR_RAID_KEYS else key


STATEMENT_GAP = 60


def statement_date(document: Document, mention: Mention) -> bool:
    """"أفاد متحدث، اليوم الثلاثاء، بأن مسلحين هاجموا": the date of the statement, not of
    what it reports (a date right after a speech verb, with no trigger in between; once per
    document and mention)."""
    return derived(document, ("statement_date", id(mention)),
                   lambda: _statement_date(document, mention))


def _statement_date(document: Document, mention: Mention) -> bool:
    sentence = document.sentences[document.sentence_index(mention.start)]
    cues = [c for c in starting_in(document, "stance", sentence.start, mention.start)
            if c.key == "asserts" and 0 <= mention.start - c.end <= STATEMENT_GAP]
    if not cues:
        return False
    nearest = max(c.end for c in cues)  # the nearest speech verb
    return not starting_in(document, "trigger", nearest, mention.start)


def _names_a_force(document: Document, mention: Mention) -> bool:
    """"فوج طوارئ شرطة كركوك", "قيادة عمليات نينوى": a town that names a unit, not a place."""
    if mention.data.get("locative"):
        return False
    return any(0 <= mention.start - m.end <= 1
               for kind in ("force", "actor")
               for m in starting_in(document, kind, mention.start - 30, mention.start))


VENUE_REACH = 25  # characters from a press conference to the town it was held in


def _statement_venue(document: Document, mention: Mention, resources: Resources) -> bool:
    """"في مؤتمر صحفي عقده في مدينة غوساو": where the statement was made."""
    for word in starting_in(document, "word", mention.start - VENUE_REACH, mention.start):
        if word.key == "statement_venue" and word.end <= mention.start and all(
                w in resources.locatives
                for w in fold(document.text[word.end : mention.start]).split()):
            return True
    return False


def _statement_place(document: Document, mention: Mention) -> bool:
    """"وفي واشنطن، أعلن مسؤول أن ...": where the statement was made, right before its verb
    (skipped abroad only: "وفي الخرطوم، قالت مجموعة إن" is also where it happened)."""
    return any(c.key == "asserts" and 0 <= c.start - mention.end <= 3
               for c in starting_in(document, "stance", mention.end, mention.end + 4))


def default_date(document: Document, lead: DateRange | None) -> DateRange | None:
    """The date of a candidate whose text gives none: the lead's date, else the report's day."""
    if lead is not None:
        return lead
    published = document.article.published
    if published is None:
        return None
    return DateRange(published - timedelta(days=1), published, 1)


_LINE_FILLER = re.compile(r"[\s\-–،,/|]|هـ|م\b")
DATE_LINE_REST = 3


def _date_line(document: Document, mention: Mention) -> bool:
    """The mention's line holds dates and nothing else: the report's own date."""
    text = document.text
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start:line_end]
    for other in starting_in(document, "date", line_start, line_end):
        rest = rest.replace(other.text, "")
    return len(_LINE_FILLER.sub("", rest)) <= DATE_LINE_REST


def lead_end(document: Document, body_sentences: int) -> int:
    """Where the lead ends: the headline line (one sentence or several, "عدوان على صنعاء..
    والقوات: لن يمر") and then this many sentences past the one after it."""
    sentences = document.sentences
    if not sentences:
        return 0
    line_end = document.text.find("\n")
    first_body = next((i for i, s in enumerate(sentences) if s.start > line_end), 1) \
        if line_end >= 0 else 1
    return sentences[min(first_body + body_sentences, len(sentences) - 1)].end


def lead_date(document: Document) -> DateRange | None:
    """The first date of the article's first sentences that lies in the reporting window."""
    published = document.article.published
    limit = lead_end(document, 1)
    for mention in document.of_kind("date"):
        if mention.start >= limit:
            break
        if statement_date(document, mention) or period_start(mention):
            continue
        if document.article.published_source == "dateline" and mention.start < DATELINE_CHARS:
            continue  # the dateline dates the report, not the event
        if _date_line(document, mention):
            continue  # "الجمعة 29 شوال 1436 هـ - 14 أغسطس 2015م" on a line of its own
        latest: date | None = mention.data.get("latest")
        earliest: date | None = mention.data.get("earliest")
        if latest is None or earliest is None:
            continue
        if published and not (published - timedelta(days=BACKGROUND_DAYS) <= latest):
            continue
        if published and earliest > published:
            continue
        if (latest - earliest).days <= 1:
            return DateRange(earliest, latest, mention.data.get("precision"), mention.text,
                             mention.start)
    return None


_NAMING_KINDS = ("actor", "force", "role")


def _counts(document: Document, start: int, end: int) -> list[Mention]:
    """The numbers in [start, end) that count something: not one written in digits inside or
    right after a name ("اللواء 444", "آمر اللواء 444"); a number word after a noun counts it
    ("وجندي واحد")."""
    def inside() -> frozenset[int]:
        return frozenset(n.start for n in document.of_kind("number") if n.text[:1].isdigit()
                         and any(
            m.start < n.start <= m.end + 1 for kind in _NAMING_KINDS
            for m in starting_in(document, kind, n.start - 40, n.start + 1)))

    named = derived(document, "numbers_in_names", inside)
    return [n for n in starting_in(document, "number", start, end) if n.start not in named]


ALL_FIGURES = (("killed", "fatalities"), ("injured", "injuries"), ("arrested", "arrests"))
# An arrest kills no one: the dead of its clause are those of the happening the arrested are
# held for ("القبض على متهمين في التفجير الذي أسفر عن استشهاد اثنين").
FIGURES_OF = {"arrest": (("arrested", "arrests"),)}


def attach_figures(document: Document, candidate: Candidate) -> None:
    """Deaths, injuries and arrests given in the candidate's clause (or its own stretch)."""
    clause = candidate.segment or candidate.clause
    numbers = _counts(document, clause.start, clause.end)
    words = starting_in(document, "word", clause.start, clause.end)
    for kind, attribute in FIGURES_OF.get(candidate.family, ALL_FIGURES):
        value = _figure(kind, words, numbers, document.text)
        if value is not None and getattr(candidate, attribute) is None:
            setattr(candidate, attribute, value.value)
            if value.vague:
                candidate.vague_figures.add(attribute)
            if attribute == "fatalities":
                candidate.dead_noun = _counted_noun(document, value.end)
    if candidate.family == "arrest" and candidate.arrests is None:
        # "اعتقلت قوات الاحتلال، فجر اليوم الأحد، 9 فلسطينيين": past the subject and the date
        value = _number_after(candidate.trigger.end, numbers, ARREST_WINDOW)
        if value is None and _one_person_after(document, candidate.trigger.end):
            value = _Figure(1)  # "توقيف راشد الغنوشي", "احتجزوا الرئيس"
        if value is not None:
            candidate.arrests = value.value


def _counted_noun(document: Document, end: int) -> str:
    """The folded word a count of the dead counts ("20 جندياً", "4 من رجال الشرطة"); ""
    when the count is no number of the text."""
    if end < 0:
        return ""
    index = document.token_index(end)
    tokens = document.tokens
    if index < len(tokens) and tokens[index].norm == "من":
        index += 1
    return tokens[index].norm if index < len(tokens) else ""


def _one_person_after(document: Document, position: int) -> bool:
    return any(0 <= m.start - position <= 2
               for kind in ("leader", "role") for m in document.of_kind(kind))


@dataclass(slots=True)
class _Figure:
    """A count read off the text, whether its number was vague ("عشرات"), and where its
    last number ends (the counted noun follows)."""

    value: int
    vague: bool = False
    end: int = -1


def _of(number: Mention) -> _Figure:
    return _Figure(int(number.data["value"]), bool(number.data.get("vague")), number.end)


def _figure(kind: str, words: list[Mention], numbers: list[Mention], text: str
            ) -> _Figure | None:
    casualty = [w for w in words if w.key in ("killed", "injured", "arrested")]
    for word in (w for w in words if w.key == kind):
        # "قتل فتى وأصيب 220": a number past the next casualty word is that word's (but a
        # casualty word that is itself the count is this one's: "ارتقاء شهيدين")
        limit = min((w.start for w in casualty if w.start > word.end), default=None)
        bounded = [n for n in numbers if limit is None or n.start <= limit]
        first = _count_after(word.end, bounded)
        if first is not None:
            return _joined_counts(first, bounded, text, casualty, kind)
        before = [n for n in numbers if 0 <= word.start - n.end <= 3
                  or _noun_between(text[n.end : word.start])]
        if before and before[-1].data.get("value") is not None:
            return _of(before[-1])
        count = _person_count(word, words)
        if count is not None:
            return _Figure(count)
    return None


NOUN_BETWEEN = 14  # characters of the one noun between a count and its casualty verb


def _noun_between(gap: str) -> bool:
    """"خمسة جنود قتلوا": one word, the counted noun, between a number and the verb."""
    return len(gap) <= NOUN_BETWEEN and len(gap.split()) == 1 and gap.startswith(" ") \
        and gap.endswith(" ") and gap.strip().isalpha()


def _count_after(position: int, numbers: list[Mention], window: int = 0) -> Mention | None:
    for number in numbers:
        if 0 <= number.start - position <= (window or FIGURE_WINDOW) \
                and number.data.get("value") is not None:
            return number
    return None


def _number_after(position: int, numbers: list[Mention], window: int = 0) -> _Figure | None:
    number = _count_after(position, numbers, window)
    return None if number is None else _of(number)


JOINED_GAP = 30  # characters from one count to the next it is added to
OTHER_CASUALTY_REACH = 20  # from a count to a casualty word of another kind that owns it


def _joined_counts(first: Mention, numbers: list[Mention], text: str,
                   casualty: list[Mention], kind: str) -> _Figure:
    """"مقتل 12 مسلحاً حوثياً وأربعة من أفراد الجيش": counts of the one casualty word joined
    by و add up (16); one followed by another casualty word ("و3 آخرين بجروح") is that
    word's, and one after "بينهم" is a part of the first."""
    total, vague, last = int(first.data["value"]), bool(first.data.get("vague")), first
    for number in numbers:
        if number.start < last.end:
            continue
        gap = text[last.end : number.start]
        # (the و of "واحدة" is the word's own: "7 مدنيين من عائلة واحدة" are seven)
        conjoined = number.text.startswith("و") and not number.text.startswith("واحد")
        joined = conjoined or gap.rstrip().endswith(" و") or (
            # "أربعة من المهاجمين وجندي واحد": one and two follow their noun
            int(number.data.get("value") or 0) in (1, 2) and gap.split()[-1:] != []
            and gap.split()[-1].startswith("و") and gap.endswith(" "))
        if (not joined or len(gap) > JOINED_GAP or not gap.strip(" و")
                or any(mark in gap for mark in ".،,؛:") or number.data.get("value") is None):
            break
        if any(w.key != kind and 0 <= w.start - number.end <= OTHER_CASUALTY_REACH
               for w in casualty):
            break
        total += int(number.data["value"])
        vague = vague or bool(number.data.get("vague"))
        last = number
    return _Figure(total, vague, last.end)


def _person_count(word: Mention, words: list[Mention]) -> int | None:
    for other in words:
        if 0 <= other.start - word.end <= 2:
            if other.key == "person_singular":
                return 1
            if other.key == "person_dual":
                return 2
    if word.text.endswith(("ان", "ين")) and word.key == "killed" and "قتيل" in word.text:
        return 2
    return None


def sentence_figures(document: Document, start: int, end: int) -> dict[str, int]:
    """The deaths and injuries a sentence gives, for the claim it makes. A vague count
    ("عشرات القتلى") is left out: it disputes no precise toll of another source."""
    numbers = [n for n in _counts(document, start, end) if not n.data.get("vague")]
    words = starting_in(document, "word", start, end)
    figures: dict[str, int] = {}
    for kind, name in (("killed", "fatalities"), ("injured", "injuries")):
        value = _figure(kind, words, numbers, document.text)
        if value is not None:
            figures[name] = value.value
    return figures
