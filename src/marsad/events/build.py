"""The events stage: candidates detected, attributes attached, merged, turned into records."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from marsad.document import Document, Mention
from marsad.events.attach import (
    attach_date,
    attach_figures,
    attach_place,
    default_date,
    definite,
    lead_date,
    lead_place,
    points_back,
    relative_after,
)
from marsad.events.claims import attach_claims
from marsad.events.classify import TAKEOVERS, battle_or_attack, classify, takeover_by
from marsad.events.coalesce import coalesce
from marsad.events.detect import FALLIBLE, detect
from marsad.events.index import starting_in
from marsad.events.model import (
    CROWD_FAMILIES,
    ActorRef,
    Candidate,
    DateRange,
    PlaceRef,
)
from marsad.events.records import to_record
from marsad.events.roles import (
    assign_roles,
    civilians_targeted,
    disrupter_first,
    force_against_crowd,
    rioters_facing,
)
from marsad.kb.registry import Resources
from marsad.resolve.actors import template_actor
from marsad.resolve.places import context_countries

LEAD_SENTENCES = 1  # the headline and the first sentences carry the main event


def _news_reading(document: Document, found: Candidate, resources: Resources,
                  set_beside: dict[int, int]) -> Candidate | None:
    """The happening detected, or the clause's next reading when the detected one is set beside
    the news (where, noted in `set_beside`) or is dated as background history; None when no
    reading is left."""
    if _comes_after(document, found.trigger):
        # "ويأتي الهجوم بعد أيام من هجوم ...": the happening told before, set beside
        # another, which the sentence may go on to tell as news of its own
        set_beside[found.sentence] = found.trigger.start
        reading = _next_reading(document, found, resources)
        if reading is None:
            return None
        found = reading
    if not attach_date(document, found, resources):
        # dated as background history ("المدينة التي استعادتها القوات الشهر الماضي"): the
        # clause's next reading may still be news ("اغتال مسلحون ضابطاً")
        return _next_reading(document, found, resources)
    return found


def build_events(document: Document, resources: Resources) -> Document:
    countries = context_countries(document, resources.gazetteer, resources.settlements)
    main_place = lead_place(document, resources, countries)
    main_date = lead_date(document)
    kept: list[Candidate] = []
    set_beside: dict[int, int] = {}  # sentence: where it names a happening told before
    for detected in detect(document, resources):
        found = _news_reading(document, detected, resources, set_beside)
        if found is None:
            continue
        if _aggregate(document, found):
            continue  # "تعرضت القوات لأكثر من 40 هجوماً منذ منتصف الشهر": a tally, no event
        found.context_countries = countries
        attach_place(document, found, resources, countries)
        for candidate in [found, *_per_listed_place(found)]:
            if _keep(document, candidate, resources, countries, main_place, main_date):
                kept.append(candidate)
                continue
            for trigger in _fallible(candidate):  # the clause's next reading
                other = _reading(candidate, trigger, resources)
                if _keep(document, other, resources, countries, main_place, main_date):
                    kept.append(other)
                    break
    for candidate in kept:
        candidate.separate = candidate.trigger.start > set_beside.get(candidate.sentence, 1 << 62) \
            or _opens_another_incident(document, candidate)
    events = coalesce(kept)
    for event in events:
        if event.date is None:
            event.date = _before(default_date(document, main_date))
    _share_strikers(events)
    for event in events:
        if event.actor1 is None and event.sub == "Shelling/artillery/missile attack":
            _unknown_shooter(event, resources)
    for event in events:
        if event.sub in ("Armed clash", "Attack"):
            event.sub = battle_or_attack(event)
        if event.sub == "Violent demonstration":
            rioters_facing(document, event, resources)
        elif event.sub in TAKEOVERS:
            event.sub = takeover_by(event, resources.gazetteer)
        if event.sub == "Excessive force against protesters":
            force_against_crowd(document, event, resources)
        if event.sub == "Disrupted weapons use":
            disrupter_first(document, event, resources)
        civilians_targeted(document, event, resources)
        if event.actor1 is None and event.actor2 is not None and event.sub == "Armed clash" \
                and event.actor2.category != "civilian":
            # a fight with one side named: that side is actor 1 (ACLED's first actor is never
            # empty where a second is known)
            event.actor1, event.actor2 = event.actor2, None
    attach_claims(document, events, resources)
    document.events = [to_record(document, e, i, resources) for i, e in enumerate(events)]
    # The stage's indexes refer back to the document: dropped, the document is freed by
    # reference counting when its caller lets go of it, not left to the cycle collector.
    document.derived.clear()
    return document


AGGREGATE_COUNT = 10  # happenings counted this many together are a tally
AGGREGATE_DAYS = 7  # over a period running this long at least


def _aggregate(document: Document, candidate: Candidate) -> bool:
    """Many happenings counted over a period ("أكثر من 40 هجوماً منذ 17 تشرين الأول", "عشرات
    الهجمات خلال الأشهر الماضية"): a count right before the trigger, and a period for a date."""
    start = candidate.trigger.start
    count = next((n for n in starting_in(document, "number", start - 24, start)
                  if 0 <= start - n.end <= 1), None)
    if count is None or not (count.data.get("vague") or
                             (count.data.get("value") or 0) >= AGGREGATE_COUNT):
        return False
    when = candidate.date
    if when is None:
        return False
    if (when.precision or 3) > 1:
        return True  # "خلال الأسابيع الماضية"
    # "منذ 17 تشرين الأول": a period running for a week or more (not "منذ مساء السبت")
    mention = next(iter(starting_in(document, "date", when.start, when.start + 1)), None) \
        if when.start is not None else None
    published = document.article.published
    return bool(mention is not None and mention.data.get("since") and published
                and when.earliest and (published - when.earliest).days >= AGGREGATE_DAYS)


def _comes_after(document: Document, trigger: Mention) -> bool:
    """A verb of coming right before the trigger, or before a demonstrative before it."""
    start = trigger.start
    words = starting_in(document, "word", start - 16, start)
    for word in reversed(words):
        if 0 <= start - word.end <= 1:
            if word.key == "comes_after":
                return True
            if word.key == "demonstratives":
                start = word.start
    return False


def _next_reading(document: Document, candidate: Candidate, resources: Resources
                  ) -> Candidate | None:
    """The clause's first other reading that is not background too."""
    for trigger in candidate.fallbacks:
        other = _reading(candidate, trigger, resources)
        other.date = None
        if attach_date(document, other, resources):
            return other
    return None


def _fallible(candidate: Candidate) -> list[Mention]:
    """The clause's other readings, when the candidate's family may turn out no event."""
    return candidate.fallbacks if candidate.family in FALLIBLE else []


def _reading(candidate: Candidate, trigger: Mention, resources: Resources) -> Candidate:
    """The candidate read by another trigger of its clause, with nothing the first reading
    derived from its own trigger."""
    info = resources.trigger_info[trigger.key]
    return replace(candidate, trigger=trigger, sub=info.sub, family=info.family,
                   strength=info.strength, fallbacks=[], actor1=None, actor2=None, claims=[],
                   evidence=list(candidate.evidence), sentences=set(candidate.sentences))


def _keep(document: Document, candidate: Candidate, resources: Resources, countries: list[str],
          main_place: PlaceRef | None, main_date: DateRange | None) -> bool:
    """Complete a candidate (anchoring, defaults, roles, type, figures); False when it is no
    event of its family after all."""
    # A date the clause gives, even only the statement's ("أعلنت الشرطة صباح الخميس").
    own_date = candidate.date is not None and candidate.date.surface is not None and (
        candidate.date_bound or not candidate.date_inherited)  # not another trigger's date
    candidate.anchored = (candidate.sentence <= LEAD_SENTENCES
                          or own_date or candidate.place_named)
    told_before = False
    if candidate.sentence > LEAD_SENTENCES and points_back(document, candidate.trigger) \
            and not (own_date and _described(document, candidate)):
        candidate.anchored = False  # "وهذا الهجوم هو الأول": the happening told above
        told_before = True
    elif candidate.sentence > LEAD_SENTENCES and (
            (not own_date and (definite(candidate.trigger) or _background(document, candidate)))
            or _dated_by_background(document, candidate)):
        candidate.anchored = False  # "the strike", "the attack", "since the war began": known
        told_before = True
    if candidate.strength == "weak" and candidate.sentence > LEAD_SENTENCES:
        # A killing mentioned in passing stands alone only with its own place.
        candidate.anchored = (candidate.place_in_clause or own_date) and candidate.subordinate
    if candidate.place is None:
        # (an accord told with no place is the country's, not the lead's village's)
        candidate.place = None if candidate.family == "agreement" else main_place
        candidate.country = countries[0] if countries else None
    if candidate.date is None and not candidate.subordinate:
        candidate.date = default_date(document, main_date)
        candidate.date_inherited = True
    assign_roles(document, candidate, resources)
    if not classify(document, candidate):
        return False
    attach_figures(document, candidate)
    if candidate.family == "arrest" and (candidate.arrests or 0) > 1 and not told_before \
            and not _crowd_lead(document, resources):
        # "اعتقلت ثلاثة أشخاص يشتبه في صلتهم بالهجوم": counted arrests are news of their own
        # (those of a protest's crowd are its intervention)
        candidate.anchored = True
    return True


def _described(document: Document, candidate: Candidate) -> bool:
    """"بشأن التفجير الذي استهدف المسجد ظهر يوم الخميس": the clause after the trigger tells
    the happening and its day; it is told here, not pointed back to."""
    when = candidate.date
    trigger = candidate.trigger
    if when is None or when.start is None:
        return False
    relative = relative_after(document, trigger)
    return relative is not None and relative.end <= when.start < candidate.clause.end \
        and not starting_in(document, "trigger", trigger.end, relative.start)


def _crowd_lead(document: Document, resources: Resources) -> bool:
    """The lead tells of a crowd: a protest, a riot."""
    end = document.sentences[min(LEAD_SENTENCES, len(document.sentences) - 1)].end \
        if document.sentences else 0
    return any(resources.trigger_info[trigger.key].family in CROWD_FAMILIES
               for trigger in starting_in(document, "trigger", 0, end))


def _per_listed_place(candidate: Candidate) -> list[Candidate]:
    """One more candidate for each other place listed with the candidate's own."""
    return [replace(candidate, place=ref, place_list=[], claims=[],
                    evidence=list(candidate.evidence), sentences=set(candidate.sentences))
            for ref in candidate.place_list]


def _opens_another_incident(document: Document, candidate: Candidate) -> bool:
    """"وفي حادث منفصل، هاجم مسلحون قرية": the sentence tells a happening apart from those
    told before it."""
    start = document.sentences[candidate.sentence].start
    return any(w.key == "another_incident"
               for w in starting_in(document, "word", start, candidate.trigger.start))


def _share_strikers(events: list[Candidate]) -> None:
    """An air or artillery strike the text leaves without an author ("Mekelle was hit by two
    strikes on Monday") is the work of the one force the article shows striking."""
    strikers = {e.actor1.actor.id: e.actor1 for e in events if e.family == "strike"
                and e.actor1 is not None and e.actor1.actor is not None}
    if len(strikers) != 1:
        return
    striker = next(iter(strikers.values()))
    for event in events:
        if event.family == "strike" and event.actor1 is None:
            event.actor1 = striker.copy()


def _unknown_shooter(event: Candidate, resources: Resources) -> None:
    """Shells or rockets whose source the article never names: ACLED's unidentified armed
    group of the place's country."""
    country = event.place.place.country_code if event.place else event.country
    actor = template_actor("unidentified_armed_group", country, resources)
    if actor is not None:
        event.actor1 = ActorRef(actor, "", event.trigger.start, event.trigger.start,
                                category="armed")


def _background(document: Document, candidate: Candidate) -> bool:
    """A clause with a word of history or of a general state ("منذ اندلاع", "خلال الأشهر")."""
    clause = candidate.clause
    return any(c.key == "background" for c in starting_in(document, "cue", clause.start,
                                                           clause.end))


def _dated_by_background(document: Document, candidate: Candidate) -> bool:
    """"خلال الأسابيع الماضية" is both the clause's date and a word of a general state."""
    when = candidate.date
    if when is None or when.start is None:
        return False
    return any(c.key == "background" and c.start <= when.start < c.end + 2
               for c in starting_in(document, "cue", when.start - 12, when.start + 1))


def _before(reference: DateRange | None) -> DateRange | None:
    """An earlier happening with no date of its own: any day of the month before the report."""
    if reference is None or reference.latest is None:
        return reference
    return DateRange(reference.latest - timedelta(days=30), reference.latest, 3)
