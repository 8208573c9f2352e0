"""Actor mentions of a clause resolved to knowledge-base actors, with the country in context.

Forces named by a noun ("القوات الأمنية") take the country of a nationality adjective right
after them ("العراقية") or else the event's country; "أنصار X" is a crowd associated with X
unless the knowledge base knows the whole phrase (أنصار الله is a group, not supporters).
"""

from __future__ import annotations

import re
from datetime import date

from marsad.document import Document, Mention, Span
from marsad.events.index import derived, starting_in
from marsad.events.model import ActorRef
from marsad.kb.model import Actor
from marsad.kb.registry import Resources
from marsad.text.normalise import fold

ACTOR_KINDS = ("actor", "force", "role", "leader")
SUPPORTER_WORDS = ("انصار", "مناصري", "مناصرو", "مويدي", "مويدو", "اتباع")  # folded
_SUPPORTERS = re.compile(rf"(?:{'|'.join(SUPPORTER_WORDS)})\s+(?:\S+\s+)?$")
ADJACENT_GAP = 3


def category_of(actor: Actor | None) -> str:
    if actor is None:
        return "other"
    if actor.kind in ("party", "government", "ngo"):
        return actor.kind
    if actor.template == "unidentified_armed_group" or actor.inter in (2, 3, 4):
        return "armed"
    return {1: "state", 5: "crowd", 6: "crowd", 7: "civilian", 8: "external"}.get(
        actor.inter, "other"
    )


def clause_actors(
    document: Document,
    clause: Span,
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> list[ActorRef]:
    """Every actor the clause names, in text order (new references at every call: callers
    change them; the resolution is done once per document and arguments, and that of each
    mention once per document, country and date, whatever clause holds it)."""
    key = ("clause_actors", clause.start, clause.end, country, on_date)
    resolved = derived(
        document, key, lambda: _clause_actors(document, clause, resources, country, on_date)
    )
    return [ref.copy() for ref in resolved]


def _clause_actors(
    document: Document,
    clause: Span,
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> list[ActorRef]:
    found: list[ActorRef] = []
    nationalities = document.of_kind("nationality")
    named = [m for kind in ACTOR_KINDS
             for m in starting_in(document, kind, clause.start, clause.end)]
    # A source that is itself a force ("قوات الجيش ومسلحي فانو") takes no affiliation after it.
    sources = [s for s in starting_in(document, "source", clause.start, clause.end)
               if not any(m.start <= s.start < m.end for m in named)]
    triggers = document.of_kind("trigger")
    stances = starting_in(document, "stance", clause.start, clause.end)
    charges = [w for w in starting_in(document, "word", clause.start - CHARGE_REACH, clause.end)
               if w.key == "charge"]
    attributions = [c for c in stances if c.key == "attribution"]
    for kind in ACTOR_KINDS:
        for mention in starting_in(document, kind, clause.start, clause.end):
            if not _of_source(document, mention, sources) \
                    and not _adjective_of_trigger(mention, triggers) \
                    and not _attributed_to(document, mention, attributions) \
                    and not _reporter(document, mention, stances):
                ref = _resolved(document, mention, nationalities, resources, country, on_date)
                if ref is not None and not (ref.category in ("state", "government")
                                            and _in_charge(document, mention, charges)):
                    found.append(ref)
    found.extend(_people_of(document, clause, named, nationalities, resources))
    found.sort(key=lambda r: r.start)
    return found


_PLURAL_NISBA = ("يين", "يون")


def _people_of(document: Document, clause: Span, named: list[Mention],
               nationalities: list[Mention], resources: Resources) -> list[ActorRef]:
    """"اعتقلت القوات 9 فلسطينيين": a plural nationality standing alone as a noun (no force
    or person noun before it that it would describe) names civilians of that country."""
    refs = []
    for mention in nationalities:
        if not clause.start <= mention.start < clause.end:
            continue
        if not fold(mention.text).endswith(_PLURAL_NISBA):
            continue
        if any(0 <= mention.start - m.end <= ADJACENT_GAP for m in named):
            continue  # "قوات عراقيين", "مواطنين فلسطينيين": an adjective of that noun
        civilians = template_actor("civilians", mention.key, resources)
        if civilians is not None:
            refs.append(ActorRef(civilians, mention.text, mention.start, mention.end,
                                 category="civilian"))
    return refs


def _of_source(document: Document, mention: Mention, sources: list[Mention]) -> bool:
    """"مصدر عسكري يمني", "مصادر في الشرطة": the actor names who speaks, not who acts (but
    "في بيان إن مسلحين" opens what is said)."""
    return any((s.end <= mention.start and mention.start - s.end <= SOURCE_GAP
                and not any(w.key == "complementizers"
                            for w in starting_in(document, "word", s.end, mention.start)))
               or s.start < mention.start < s.end  # "مصدر عسكري": the adjective of a source
               for s in sources)


ATTRIBUTION_GAP = 16
_ATTRIBUTION_FILLER = re.compile(r"^[\s،,]*(?:ما\s+\S+\s*)?$")


def _attributed_to(document: Document, mention: Mention, attributions: list[Mention]) -> bool:
    """"وفق ما أعلنت وزارة الصحة", "بحسب الجيش": who the report is attributed to."""
    for cue in attributions:
        gap = mention.start - cue.end
        if 0 <= gap <= ATTRIBUTION_GAP and _ATTRIBUTION_FILLER.match(
                fold(document.text[cue.end : mention.start])):
            return True
    return False


CHARGE_REACH = 30


def _in_charge(document: Document, mention: Mention, charges: list[Mention]) -> bool:
    """"بتهمة إضعاف معنويات الجيش": the state named inside a charge is not who acted."""
    return any(0 <= mention.start - c.end <= CHARGE_REACH
               and not any(ch in document.text[c.end : mention.start] for ch in ".،,؛")
               for c in charges)


REPORTER_GAP = 8
_REPORTER_FILLER = re.compile(r"^[\s،,]*(?:به|بها|لنا|عنه|عنها)?[\s،,]*$")


def _reporter(document: Document, mention: Mention, stances: list[Mention]) -> bool:
    """"أفادنا به مراسل الإذاعة", "قال مراسلنا": a reporter noun (an attribution cue) right
    after a speech verb or attribution is who reports, not who acts."""
    if not any(c.key == "attribution" and c.start <= mention.start < c.end for c in stances):
        return False
    return any(c.key in ("asserts", "attribution") and 0 <= mention.start - c.end <= REPORTER_GAP
               and _REPORTER_FILLER.match(fold(document.text[c.end : mention.start]))
               for c in stances)


SOURCE_GAP = 4
_ARMED_ADJECTIVES = {"مسلح", "مسلحه", "مسلحا"}


def _adjective_of_trigger(mention: Mention, triggers: list[Mention]) -> bool:
    """"هجوم مسلح", "اعتداء مسلح": "armed" describes the attack, it names no one."""
    if mention.kind != "force" or fold(mention.text).lstrip("و") not in _ARMED_ADJECTIVES:
        return False
    return any(0 <= mention.start - t.end <= 1 for t in triggers)


def nationality_actor(
    mention: Mention, template: str, resources: Resources
) -> ActorRef | None:
    """"غارة إسرائيلية": the forces of the adjective's country."""
    country = resources.gazetteer.country(mention.key)
    if country is None:
        return None
    actor = resources.actors.for_template(template, country.name)
    if actor is None:
        return None
    return ActorRef(actor, mention.text, mention.start, mention.end, category=category_of(actor))


def template_actor(template: str, country: str | None, resources: Resources) -> Actor | None:
    if country is None:
        return None
    record = resources.gazetteer.country(country)
    return resources.actors.for_template(template, record.name if record else country)


def _resolved(
    document: Document,
    mention: Mention,
    nationalities: list[Mention],
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> ActorRef | None:
    """`_resolve`, once per document, mention, country and date: the clauses looked at
    overlap (a clause, its sentence, the lead, the whole text). Only a leader's resolution
    depends on the date, and only the others' on the country."""
    if mention.kind == "leader":
        country = None
    else:
        on_date = None
    return derived(document, ("actor_ref", id(mention), country, on_date),
                   lambda: _resolve(document, mention, nationalities, resources, country, on_date))


def _resolve(
    document: Document,
    mention: Mention,
    nationalities: list[Mention],
    resources: Resources,
    country: str | None,
    on_date: date | None,
) -> ActorRef | None:
    actors = resources.actors
    end = mention.end
    actor: Actor | None = None
    if mention.kind == "actor":
        actor = _branch(mention, resources, country)
    elif mention.kind == "leader":
        actor = actors.leader_actor(mention.key, on_date)
    else:
        adjective = _adjective_after(document, mention, nationalities)
        own_country = country
        if adjective is not None:
            own_country, end = adjective.key, adjective.end
        elif mention.kind == "force" and _template_category(mention.key) != "civilian":
            # (civilians are of the place: "غارة لطائرات روسية قتلت مدنيين" in Idlib)
            own_country = _sentence_nationality(document, mention, nationalities) or country
        actor = template_actor(mention.key, own_country, resources)
    ref = ActorRef(actor, document.text[mention.start : end], mention.start, end)
    ref.category = category_of(actor)
    if actor is None and mention.kind in ("force", "role"):
        ref.category = _template_category(mention.key)
    _mark_supporters(document, ref)
    return ref


def _branch(mention: Mention, resources: Resources, country: str | None) -> Actor:
    """Among actors sharing a name (the Islamic State's branches), the one of the event's
    country, else the transnational one, else the first."""
    candidates = [resources.actors.get(key) for key in mention.data.get("keys", [mention.key])]
    record = resources.gazetteer.country(country) if country else None
    if record is not None:
        for actor in candidates:
            if actor.country == record.name:
                return actor
    for actor in candidates:
        if actor.country is None:
            return actor
    return candidates[0]


def _template_category(template: str) -> str:
    if template == "government":
        return "government"
    if template in ("protesters", "rioters"):
        return "crowd"
    if template == "supporters":
        return "supporters"
    if template == "civilians":
        return "civilian"
    if template == "unidentified_armed_group":
        return "armed"
    return "state"


def _sentence_nationality(
    document: Document, mention: Mention, nationalities: list[Mention]
) -> str | None:
    """"أعلنت رئاسة الأركان التركية أن مقاتلات سلاح الجو نفذت": a force named without its
    country belongs to the one nationality its sentence names, if there is exactly one."""
    sentence = document.sentences[document.sentence_index(mention.start)]
    codes = {n.key for n in nationalities if sentence.start <= n.start < sentence.end}
    return codes.pop() if len(codes) == 1 else None


def _adjective_after(
    document: Document, mention: Mention, nationalities: list[Mention]
) -> Mention | None:
    for adjective in nationalities:
        if 0 <= adjective.start - mention.end <= ADJACENT_GAP:
            return adjective
    return None


def _mark_supporters(document: Document, ref: ActorRef) -> None:
    """"أنصار ميليشيا X": a crowd of X's supporters, X as the associated actor."""
    if ref.actor is None or ref.category not in ("armed", "other", "state"):
        return
    before = fold(document.text[max(0, ref.start - 30) : ref.start]).replace("«", " ")
    match = _SUPPORTERS.search(before + " ")
    if match is None:
        return
    ref.assoc.append(ref.actor.name)
    ref.category = "supporters"
    ref.surface = document.text[ref.start - _surface_back(document, ref.start) : ref.end]


def names_supporters(document: Document) -> bool:
    """False when no actor of the text can be marked as supporters (`_mark_supporters`): the
    text holds none of their words."""
    folded = document.normalised.text if document.normalised is not None else fold(document.text)
    return any(word in folded for word in SUPPORTER_WORDS)


def _surface_back(document: Document, start: int) -> int:
    window = document.text[max(0, start - 30) : start]
    for word in ("أنصار", "انصار", "مناصري", "مؤيدي", "أتباع"):
        at = window.rfind(word)
        if at != -1:
            return len(window) - at
    return 0
