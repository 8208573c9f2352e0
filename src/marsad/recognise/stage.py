"""The recognise stage: every recogniser run over the document, its mentions added."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from marsad.document import Document, Mention, covering
from marsad.kb.matcher import next_words
from marsad.kb.registry import Resources
from marsad.recognise.dates import DateMention
from marsad.recognise.names import (
    capital_places,
    find_names,
    group_anaphora,
    named_after_martyrs,
    origin_or_reference,
    outlet_adjective,
    outlet_name,
    own_fighters,
    quoted_after_site,
    speaks,
    street_namesake,
    unknown_places,
)
from marsad.recognise.numbers import NumberMention
from marsad.text.normalise import fold
from marsad.text.tokenise import name_key

# A word with tanween ("جوياً", "هجوماً") is indefinite: no place's name.
TANWEEN = ("\u064b", "\u064c", "\u064d")


def recognise(document: Document, resources: Resources) -> Document:
    normalised = document.normalised
    assert normalised is not None
    published = document.article.published
    following = next_words(document.tokens, document.text)
    names = find_names(document, resources.names, resources.locatives, resources.weak_locatives,
                       resources.settlements, following, resources.city_nouns,
                       resources.site_nouns)
    if resources.ambiguous_places:
        for mention in names:
            if mention.kind == "place" and name_key(mention.text) in resources.ambiguous_places:
                mention.data["ambiguous"] = True
    names = _named_before(names, resources.anaphoric_places)
    names = _group_or_noun(document, names, resources.ambiguous_groups)
    names = [m for m in names if not (m.kind == "nationality"
                                      and (outlet_adjective(document, m, resources.media_nouns)
                                           or _language(document, m)))
             and not (m.kind == "place" and (m.text.endswith(TANWEEN)
                                             or _with_article(m, resources.bare_names)))
             and not (m.kind == "place"
                      and (street_namesake(document, m, resources.street_nouns)
                           or outlet_name(document, m, resources.media_nouns,
                                          resources.site_nouns)))]
    place_ends = {m.data["token_last"] for m in names if m.kind == "place"}
    for mention in names:
        if mention.kind == "place":
            how = origin_or_reference(document, mention, resources.motion_verbs,
                                      resources.distance_units)
            if not mention.data["locative"] and quoted_after_site(document, mention,
                                                                  resources.site_nouns):
                mention.data["locative"] = "strong"
            mention.data["locative"] = how or mention.data["locative"]
            if speaks(document, mention, resources.speaker_verbs, place_ends):
                mention.data["locative"] = "speaker"
    document.add(names)
    document.add(capital_places(document, names, resources.capitals))
    anaphors = group_anaphora(document, names, resources.group_heads)
    document.add(anaphors)
    document.add(own_fighters(document, names + anaphors, resources.own_fighters))
    # a word of the lexicon inside a group's name is the name's ("حركة الشباب" is no youths,
    # "طالبان" no "they demanded")
    in_a_group = covering([m for m in names if m.kind == "actor"])
    for found_cues in resources.cue_sets.find_tokens(document.tokens, document.text,
                                                      following):
        document.add([m for m in found_cues if not (
            m.kind in ("trigger", "word") and m.key in ("killing", "killed")
            and named_after_martyrs(document, m, resources.martyr_names, resources.martyrs))
            and not (m.kind in ("word", "cue") and in_a_group(m.start))
            and not (m.kind == "trigger" and _drones_written(m, resources))])
    # a guess at a name the gazetteer lacks is never a trigger word ("في الإقليم اعتقال")
    triggers = {m.start for m in document.of_kind("trigger")}
    unknown = [m for m in unknown_places(document, names, resources.settlements,
                                         resources.stopwords, resources.quarters,
                                         resources.town_nouns, resources.name_heads,
                                         resources.site_nouns)
               if m.start not in triggers]
    # nor is a town named by a word the lexicon knows ("قرب مدينة وإصابة عدد")
    towns = [m for m in unknown if m.data["town"]]
    if towns:
        in_a_cue = covering([m for kind, found in document.mentions.items()
                             if kind not in ("place", "actor", "nationality", "force")
                             for m in found])
        for mention in towns:
            first = document.tokens[mention.data["token_first"]]
            if in_a_cue(first.start) or in_a_cue(first.end - 1):
                mention.data["town"] = False
    document.add(unknown)
    found = resources.dates.find(normalised, published)
    if published is None:
        published = dateline_date(found)
        if published is not None:
            document.article.published, document.article.published_source = published, "dateline"
            found = resources.dates.find(normalised, published)
    # a day inside a place's or a group's name ("منطقة سوق الجمعة") dates nothing
    in_a_name = covering([m for m in names if m.kind in ("place", "actor")])
    dates = [Mention("date", d.start, d.end, d.text, d.kind, _fields(d)) for d in found
             if not (d.kind == "absolute"
                     and _day_in_name(document, d.start, resources.named_after_days))
             and not (in_a_name(d.start) and in_a_name(d.end - 1))]
    document.add(dates)
    # (a number in a day that names a square, "ساحة أول نوفمبر", counts nothing either)
    in_a_date = covering(found)
    numbers = [
        Mention("number", n.start, n.end, n.text, n.qualifier or "", _fields(n))
        for n in resources.numbers.find(normalised)
        if not in_a_date(n.start)
    ]
    document.add(numbers)
    return document


def _drones_written(trigger: Mention, resources: Resources) -> bool:
    """"مسيّرات" written with its shadda are drones, not marches ("مسيرات")."""
    return "يّ" in trigger.text and resources.trigger_info[trigger.key].family == "protest"


def _language(document: Document, mention: Mention) -> bool:
    """"الناطقة بالإنكليزية", "تحدث بالعربية": an adjective after "بال" is a language."""
    return document.tokens[mention.data["token_first"]].prefix.endswith("بال")


def _with_article(mention: Mention, bare_names: frozenset[str]) -> bool:
    """"القطر الجزائري": a name never written with the article, written with it."""
    folded = fold(mention.text)
    return any(folded.endswith("ال" + name) for name in bare_names)


def _named_before(names: list[Mention], anaphoric: frozenset[tuple[str, ...]]
                  ) -> list[Mention]:
    """"القطاع" names the Gaza Strip only after "قطاع غزة" was named (elsewhere it is a
    sector): a short name keeps its place only when a full name of it came before."""
    # (a cheap look first: most reports hold no such short name)
    words = {word for key in anaphoric for word in key}
    if not any(m.kind == "place" and any(w in fold(m.text) for w in words) for m in names):
        return names
    kept: list[Mention] = []
    named: set[str] = set()
    for mention in sorted(names, key=lambda m: m.start):
        if mention.kind == "place":
            ids = mention.data.get("places") or []
            if name_key(mention.text) in anaphoric:
                if not named.intersection(ids):
                    continue
            else:
                named.update(ids)
        kept.append(mention)
    return kept


def _group_or_noun(document: Document, names: list[Mention],
                   ambiguous: frozenset[tuple[str, ...]]) -> list[Mention]:
    """"القاعدة" in a report of an attack on "قاعدة عسكرية" is the base, not al-Qaeda, unless
    the group is also named in full."""
    words = {word for key in ambiguous for word in key}
    short = [m for m in names if m.kind == "actor" and any(w in fold(m.text) for w in words)
             and name_key(m.text) in ambiguous]
    if not short:
        return names
    nouns = {key[0] for key in ambiguous if len(key) == 1}
    # the noun written without the article ("قاعدة عسكرية", "بقاعدة"): the report has bases
    base_told = any(t.stem in nouns and not t.prefix.endswith(("ال", "لل"))
                    for t in document.tokens)
    if not base_told:
        return names
    named_in_full = {m.key for m in names if m.kind == "actor"
                     and name_key(m.text) not in ambiguous}
    return [m for m in names if m not in short or m.key in named_in_full]


def _day_in_name(document: Document, start: int, nouns: frozenset[str]) -> bool:
    """"ساحة أول نوفمبر", "حركة 20 فبراير": a day that names a square or a movement (a noun
    with the article is none: "استهدف المدينة يوم 7 مارس")."""
    index = document.token_index(start)
    if index <= 0:
        return False
    noun = document.tokens[index - 1]
    return noun.stem in nouns and not noun.prefix.endswith(("ال", "لل"))


def _fields(mention: DateMention | NumberMention) -> dict[str, Any]:
    """`dataclasses.asdict` without its deep copy: every field is an immutable value."""
    names = _FIELD_NAMES.get(type(mention))
    if names is None:
        names = _FIELD_NAMES[type(mention)] = tuple(f.name for f in fields(mention))
    return {name: getattr(mention, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # by class (a compiled class has no __slots__)


DATELINE_CHARS = 400


def dateline_date(found: list) -> date | None:  # type: ignore[type-arg]
    """The publication date a dateline gives ("بغداد - الأحد 12 آذار/مارس 2023"): the first
    day-precise date with its own year near the top of the article."""
    for mention in found:
        if mention.start > DATELINE_CHARS:
            break
        if mention.kind == "absolute" and mention.earliest and mention.earliest == mention.latest:
            return mention.earliest
    return None
